// The video plugin's public shapes: what the facilitator view (and tests) can read and call.
import type { RevealPlugin } from 'reveal.js';

/** The plugin's id: `Reveal.getPlugin('samtale-video')`. */
export const VIDEO_PLUGIN_ID = 'samtale-video';

/** Name of the reveal.js event (on the `.reveal` element, `Reveal.on(…)`) sent on every change; `event.video` is a VideoState. */
export const VIDEO_EVENT = 'videostatechange';

/** What the slide shows: `local` file, privacy-enhanced `youtube`/`vimeo` embed, a `page` link only, or `none`. */
export type VideoKind = 'local' | 'youtube' | 'vimeo' | 'page' | 'none';

/**
 * - `idle`: the poster (nothing loaded from a third party, nothing playing);
 * - `loading`: the facilitator pressed play and the player is starting;
 * - `playing`, `paused`, `ended`;
 * - `unavailable`: it cannot play here (see `reason`); the slide shows poster, link and QR code.
 */
export type VideoStatus = 'idle' | 'loading' | 'playing' | 'paused' | 'ended' | 'unavailable';

/** Why a video cannot play: opened from a file (YouTube refuses, Error 153), no network, or the player failed. */
export type UnavailableReason = 'file' | 'offline' | 'error';

/** One video's state, as mirrored on its container (`[data-video]`) as data attributes. */
export interface VideoState {
  /** The card's video id (`id:` in the `::: video` block), if it has one. */
  id?: string;
  /** The card the video's slide belongs to (`data-card`). */
  cardId?: string;
  kind: VideoKind;
  status: VideoStatus;
  reason?: UnavailableReason;
  /** "Title – Speaker", for display. */
  label: string;
  /** Seconds from the start of the clip (`start`, if the card set one). */
  currentSeconds: number;
  /** Seconds the clip runs (to `end`, or the end of the file), when known. */
  durationSeconds?: number;
  /** Seconds left, rounded up; also `data-video-remaining-seconds`. */
  remainingSeconds?: number;
  /** The slide (`<section>`) the video is on. */
  slide: HTMLElement;
}

/** What `Reveal.getPlugin('samtale-video')` returns besides `id` and `init`. */
export interface VideoPluginApi extends RevealPlugin {
  id: typeof VIDEO_PLUGIN_ID;
  /** Every video of the deck, in slide order. */
  getStates(): VideoState[];
  /** The videos on a slide (default: the current slide); usually zero or one. */
  getState(slide?: HTMLElement): VideoState[];
  /** Calls `listener` on every change of status and on every whole second of playback; returns an unsubscribe function. */
  onChange(listener: (state: VideoState) => void): () => void;
  /** Plays the video on a slide (default: the current slide), as if its poster were pressed. */
  play(slide?: HTMLElement): Promise<void>;
  /** Pauses the videos on a slide (default: the current slide). */
  pause(slide?: HTMLElement): void;
  /** Plays or pauses the video on a slide (default: the current slide), as the K key does. */
  toggle(slide?: HTMLElement): Promise<void>;
}
