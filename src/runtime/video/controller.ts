// One video on one slide: its poster, its player, and its state mirrored as data attributes on the container.
import { attachCaptions } from './captions.js';
import { EmbedPlayer } from './embed-player.js';
import { LocalPlayer, type Clip } from './local-player.js';
import type { Player, PlayerEvents } from './player.js';
import type { UnavailableReason, VideoKind, VideoState, VideoStatus } from './types.js';

export interface ControllerOptions {
  win: Window;
  /** In reveal's speaker-view preview frames and the print view: show the poster, never load or play. */
  inert: boolean;
  /** Called on every change of status and every whole second of playback. */
  changed(controller: VideoController): void;
}

const KINDS: readonly VideoKind[] = ['local', 'youtube', 'vimeo', 'page', 'none'];

function numberAttribute(element: HTMLElement, name: string): number | undefined {
  const value = element.getAttribute(name);
  return value === null || value === '' || !Number.isFinite(Number(value)) ? undefined : Number(value);
}

/** Why an online player cannot be used here, before trying: file:// pages (YouTube Error 153) and no network. */
export function embedBlocker(win: Window): UnavailableReason | undefined {
  if (win.location.protocol === 'file:') return 'file';
  if (win.navigator.onLine === false) return 'offline';
  return undefined;
}

/** How long the address and QR code are pointed at after a press that cannot play. */
const POINT_MS = 4000;

export class VideoController {
  readonly kind: VideoKind;
  readonly slide: HTMLElement;
  private status: VideoStatus = 'idle';
  private reason: UnavailableReason | undefined;
  private player: Player | undefined;
  /** Seconds from the start of the file, and the file's duration, as the player last reported them. */
  private current = 0;
  private fileDuration: number | undefined;
  private readonly clip: Clip;
  private readonly clipSeconds: number | undefined;
  private shownSecond: number | undefined;
  private pointTimer: number | undefined;

  constructor(readonly container: HTMLElement, private readonly options: ControllerOptions) {
    const kind = container.dataset['videoKind'] as VideoKind | undefined;
    this.kind = kind && KINDS.includes(kind) ? kind : 'none';
    this.slide = (container.closest('section') ?? container) as HTMLElement;
    const start = numberAttribute(container, 'data-video-start');
    const end = numberAttribute(container, 'data-video-end');
    this.clip = { ...(start === undefined ? {} : { start }), ...(end === undefined ? {} : { end }) };
    this.clipSeconds = numberAttribute(container, 'data-video-length-seconds');
    this.current = start ?? 0;

    const video = container.querySelector<HTMLVideoElement>('video.video-player');
    if (options.inert) {
      // No file reads and no players in preview frames and print: the poster is all they show.
      video?.removeAttribute('data-src');
    } else {
      container.querySelector('.video-poster')?.addEventListener('click', () => void this.play());
      if (this.kind === 'local' && video) {
        attachCaptions(container, video, options.win.document.documentElement.lang || 'da');
        this.player = new LocalPlayer(video, this.clip, this.events());
      }
    }
    this.refreshAvailability();
  }

  get playing(): boolean {
    return this.status === 'playing' || this.status === 'loading';
  }

  get autoplay(): boolean {
    return this.container.hasAttribute('data-video-autoplay');
  }

  /** Re-checks file:// and the network for an online video that is not playing (called on online/offline). */
  refreshAvailability(): void {
    if (this.kind !== 'youtube' && this.kind !== 'vimeo') return;
    if (this.status !== 'idle' && !(this.status === 'unavailable' && this.reason !== 'error')) return;
    const blocker = embedBlocker(this.options.win);
    if (blocker) this.set('unavailable', blocker);
    else this.set('idle');
  }

  async play(): Promise<void> {
    if (this.options.inert) return;
    if (this.status === 'unavailable' || this.kind === 'page' || this.kind === 'none') return this.pointToAddress();
    if (this.kind === 'youtube' || this.kind === 'vimeo') {
      const blocker = embedBlocker(this.options.win);
      if (blocker) {
        this.set('unavailable', blocker);
        this.pointToAddress();
        return;
      }
      this.player ??= this.embed(this.kind);
    }
    await this.player?.play();
  }

  /**
   * Nothing can play here (a page link, no network, a file:// page for an online player): a press or K
   * points at where the video is, its address and QR code, for a moment, instead of doing nothing.
   */
  private pointToAddress(): void {
    const { container, options } = this;
    container.setAttribute('data-video-pointed', '');
    options.win.clearTimeout(this.pointTimer);
    this.pointTimer = options.win.setTimeout(() => container.removeAttribute('data-video-pointed'), POINT_MS);
  }

  pause(): void {
    this.player?.pause();
  }

  async toggle(): Promise<void> {
    if (this.playing) this.pause();
    else await this.play();
  }

  /** The state for the facilitator view. */
  snapshot(): VideoState {
    const { start = 0, end } = this.clip;
    const clipEnd = end ?? (this.fileDuration !== undefined ? this.fileDuration : this.clipSeconds !== undefined ? start + this.clipSeconds : undefined);
    const durationSeconds = clipEnd === undefined ? undefined : Math.max(0, clipEnd - start);
    const position = this.status === 'idle' ? start : this.status === 'ended' && clipEnd !== undefined ? clipEnd : this.current;
    const remaining = clipEnd === undefined ? undefined : Math.max(0, Math.ceil(clipEnd - position - 0.05));
    const id = this.container.dataset['videoId'];
    const cardId = this.slide.dataset['card'];
    return {
      ...(id ? { id } : {}),
      ...(cardId ? { cardId } : {}),
      kind: this.kind,
      status: this.status,
      ...(this.reason ? { reason: this.reason } : {}),
      label: this.container.dataset['videoLabel'] ?? '',
      currentSeconds: Math.max(0, position - start),
      ...(durationSeconds === undefined ? {} : { durationSeconds }),
      ...(remaining === undefined ? {} : { remainingSeconds: remaining }),
      slide: this.slide,
    };
  }

  private embed(kind: 'youtube' | 'vimeo'): Player {
    const url = this.container.dataset['videoEmbed'] ?? '';
    const stage = this.container.querySelector<HTMLElement>('.video-stage') ?? this.container;
    return new EmbedPlayer({ kind, url, title: this.container.dataset['videoLabel'] ?? '', clip: this.clip, stage, win: this.options.win }, this.events());
  }

  private events(): PlayerEvents {
    return {
      status: (status) => this.set(status),
      time: (current, duration) => {
        this.current = current;
        if (duration !== undefined && duration > 0) this.fileDuration = duration;
        this.publish();
      },
      failed: () => {
        this.player?.pause();
        // An online player is made anew on the next try; a local file stays broken.
        if (this.kind !== 'local') this.player = undefined;
        this.set('unavailable', 'error');
      },
    };
  }

  private set(status: VideoStatus, reason?: UnavailableReason): void {
    if (status === 'idle') this.current = this.clip.start ?? 0;
    const changed = status !== this.status || reason !== this.reason;
    this.status = status;
    this.reason = status === 'unavailable' ? reason : undefined;
    if (changed) {
      this.container.dataset['videoState'] = status;
      if (this.reason) this.container.dataset['videoUnavailable'] = this.reason;
      else delete this.container.dataset['videoUnavailable'];
    }
    this.publish(changed);
  }

  /** Writes the times onto the container; tells the plugin on a change of status or of the whole second. */
  private publish(force = false): void {
    const state = this.snapshot();
    const second = state.remainingSeconds;
    const attributes: [string, number | undefined][] = [
      ['videoRemainingSeconds', second],
      ['videoCurrentSeconds', Math.floor(state.currentSeconds)],
      ['videoDurationSeconds', state.durationSeconds === undefined ? undefined : Math.round(state.durationSeconds)],
    ];
    for (const [name, value] of attributes) {
      if (value === undefined) delete this.container.dataset[name];
      else if (this.container.dataset[name] !== String(value)) this.container.dataset[name] = String(value);
    }
    if (force || second !== this.shownSecond) {
      this.shownSecond = second;
      this.options.changed(this);
    }
  }
}
