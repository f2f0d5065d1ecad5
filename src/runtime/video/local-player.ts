// A local video file (mp4/webm beside the deck) in a <video> element: plays from file:// and http alike.
import type { Player, PlayerEvents } from './player.js';

/** The clip of the file the card asks for, in seconds. */
export interface Clip {
  start?: number;
  end?: number;
}

export class LocalPlayer implements Player {
  /** Set just before we pause at the clip's end, so that pause reads as "ended". */
  private atEnd = false;

  constructor(
    private readonly video: HTMLVideoElement,
    private readonly clip: Clip,
    private readonly events: PlayerEvents,
  ) {
    video.addEventListener('playing', () => events.status('playing'));
    video.addEventListener('waiting', () => events.status('loading'));
    video.addEventListener('pause', () => {
      if (this.atEnd || video.ended) return;
      events.status('paused');
    });
    video.addEventListener('ended', () => events.status('ended'));
    video.addEventListener('timeupdate', () => this.tick());
    video.addEventListener('durationchange', () => this.tick());
    // reveal.js unloads a video far from the current slide; it comes back from the start.
    video.addEventListener('emptied', () => events.status('idle'));
    video.addEventListener('error', () => {
      if (video.error && video.error.code !== MediaError.MEDIA_ERR_ABORTED) events.failed();
    });
    // The deck's keys (arrows, space, a presenter's clicker) must keep driving the slides, not the player:
    // a click on the player's controls would otherwise leave the keyboard focus in it. K and clicks play and pause.
    video.addEventListener('focus', () => video.blur());
  }

  async play(): Promise<void> {
    const { video, clip } = this;
    // reveal.js copies data-src to src when the slide comes near; a play before that loads it here.
    const lazy = video.getAttribute('data-src');
    if (!video.getAttribute('src') && lazy) {
      video.setAttribute('src', lazy);
      video.removeAttribute('data-src');
      video.setAttribute('data-lazy-loaded', '');
    }
    const start = clip.start ?? 0;
    if (video.ended || this.atEnd || (clip.end !== undefined && video.currentTime >= clip.end - 0.25)) video.currentTime = start;
    else if (video.currentTime < start - 0.5) video.currentTime = start;
    this.atEnd = false;
    video.controls = true;
    this.events.status('loading');
    try {
      await video.play();
    } catch (error) {
      // Autoplay that the browser refused (no click in the page yet): the poster stays, nothing is wrong.
      if (error instanceof DOMException && error.name === 'NotAllowedError') this.events.status('idle');
      else if (!(error instanceof DOMException && error.name === 'AbortError')) this.events.failed();
    }
  }

  pause(): void {
    if (!this.video.paused) this.video.pause();
  }

  private tick(): void {
    const { video, clip } = this;
    if (clip.end !== undefined && !video.paused && video.currentTime >= clip.end) {
      this.atEnd = true;
      video.pause();
      this.events.time(clip.end, Number.isFinite(video.duration) ? video.duration : undefined);
      this.events.status('ended');
      return;
    }
    this.events.time(video.currentTime, Number.isFinite(video.duration) ? video.duration : undefined);
  }
}
