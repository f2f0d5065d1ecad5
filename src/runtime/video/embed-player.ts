// A YouTube (youtube-nocookie) or Vimeo player in an iframe, created only when the facilitator presses play.
//
// The players are driven with their postMessage protocols, without loading the platforms' API scripts:
// - YouTube: we send {"event":"listening"} until the player answers; it then sends "onReady", "infoDelivery"
//   ({currentTime, duration, playerState}), "onStateChange" and "onError"; commands are
//   {"event":"command","func":"playVideo"|"pauseVideo"}.
// - Vimeo: the player sends {"event":"ready"} (also in answer to {"method":"ping"}); we subscribe with {"method":"addEventListener","value":…} to
//   play, pause, ended, timeupdate ({seconds, duration}) and error; commands are {"method":"play"|"pause"}.
// A player that never answers (no network behind a connected Wi-Fi, a blocked host) is removed after a while,
// so the slide falls back to poster, link and QR code instead of the browser's error page.
import type { Clip } from './local-player.js';
import type { Player, PlayerEvents } from './player.js';

export type EmbedKind = 'youtube' | 'vimeo';

const ORIGINS: Record<EmbedKind, string> = {
  youtube: 'https://www.youtube-nocookie.com',
  vimeo: 'https://player.vimeo.com',
};

/** How long a player may take to answer before the slide falls back to poster, link and QR code. */
export const EMBED_TIMEOUT_MS = 15_000;
const LISTEN_INTERVAL_MS = 250;
/** YouTube's player states. */
const YT = { ended: 0, playing: 1, paused: 2, buffering: 3 } as const;

export interface EmbedOptions {
  kind: EmbedKind;
  /** The player address rendered by the build (data-video-embed). */
  url: string;
  /** The iframe's accessible name. */
  title: string;
  clip: Clip;
  /** Where the iframe goes (the slide's video stage). */
  stage: HTMLElement;
  win: Window;
}

export class EmbedPlayer implements Player {
  private frame: HTMLIFrameElement | undefined;
  private answered = false;
  private listenTimer: number | undefined;
  private giveUpTimer: number | undefined;
  private wantPlaying = false;
  private readonly onMessage = (event: MessageEvent) => this.receive(event);

  constructor(private readonly options: EmbedOptions, private readonly events: PlayerEvents) {}

  /** The iframe, while there is one (tests and the facilitator view may look at its address). */
  get iframe(): HTMLIFrameElement | undefined {
    return this.frame;
  }

  async play(): Promise<void> {
    this.wantPlaying = true;
    if (!this.frame) {
      this.load();
      return;
    }
    if (this.answered) this.command('play');
  }

  pause(): void {
    this.wantPlaying = false;
    if (!this.frame) return;
    // A player we cannot talk to cannot be paused; removing it is the only sure way to silence it.
    if (this.answered) this.command('pause');
    else this.unload();
  }

  unload(): void {
    this.options.win.removeEventListener('message', this.onMessage);
    this.options.win.clearInterval(this.listenTimer);
    this.options.win.clearTimeout(this.giveUpTimer);
    this.frame?.remove();
    this.frame = undefined;
    this.answered = false;
    this.events.status('idle');
  }

  private load(): void {
    const { win, stage, kind, title } = this.options;
    const frame = win.document.createElement('iframe');
    frame.className = 'video-frame';
    frame.title = title;
    frame.allow = 'autoplay; encrypted-media; picture-in-picture; fullscreen';
    frame.allowFullscreen = true;
    // YouTube refuses to play without knowing the embedding site (Error 153); this sends only the origin.
    frame.referrerPolicy = 'strict-origin-when-cross-origin';
    // Ours to start and stop, not reveal.js's.
    frame.setAttribute('data-ignore', '');
    frame.src = this.address();
    win.addEventListener('message', this.onMessage);
    frame.addEventListener('load', () => {
      if (this.answered) return;
      if (kind === 'youtube') this.listen();
      // A Vimeo player announces itself with "ready"; a ping asks again in case that came before we listened.
      else this.post({ method: 'ping' });
    });
    this.giveUpTimer = win.setTimeout(() => {
      if (!this.answered) this.fail();
    }, EMBED_TIMEOUT_MS);
    this.frame = frame;
    stage.appendChild(frame);
    this.events.status('loading');
  }

  private address(): string {
    const { url, kind, win } = this.options;
    if (kind === 'youtube' && /^https?:$/.test(win.location.protocol)) {
      // The player answers our messages only at this origin.
      return `${url}${url.includes('?') ? '&' : '?'}origin=${encodeURIComponent(win.location.origin)}`;
    }
    if (kind === 'vimeo') return url.replace(/(\?[^#]*)?(#.*)?$/, (_, query: string | undefined, hash: string | undefined) => `${query ? `${query}&` : '?'}api=1${hash ?? ''}`);
    return url;
  }

  private listen(): void {
    const { win } = this.options;
    let tries = 0;
    const send = () => {
      if (this.answered || ++tries > EMBED_TIMEOUT_MS / LISTEN_INTERVAL_MS) {
        win.clearInterval(this.listenTimer);
        return;
      }
      this.post({ event: 'listening', id: 1, channel: 'widget' });
    };
    send();
    this.listenTimer = win.setInterval(send, LISTEN_INTERVAL_MS);
  }

  private receive(event: MessageEvent): void {
    const { kind } = this.options;
    if (!this.frame || event.source !== this.frame.contentWindow || event.origin !== ORIGINS[kind]) return;
    let data: Record<string, unknown>;
    try {
      data = (typeof event.data === 'string' ? JSON.parse(event.data) : event.data) as Record<string, unknown>;
    } catch {
      return;
    }
    if (!data || typeof data !== 'object') return;
    if (!this.answered) {
      this.answered = true;
      this.options.win.clearTimeout(this.giveUpTimer);
      if (kind === 'vimeo') for (const name of ['play', 'pause', 'ended', 'timeupdate', 'error']) this.post({ method: 'addEventListener', value: name });
      // Paused (the slide was left) while the player was still starting: tell it now.
      if (!this.wantPlaying) this.command('pause');
    }
    if (kind === 'youtube') this.youtube(data);
    else this.vimeo(data);
  }

  private youtube(data: Record<string, unknown>): void {
    const info = data['info'];
    if (data['event'] === 'onError') {
      this.fail();
      return;
    }
    if (data['event'] === 'onStateChange' && typeof info === 'number') this.youtubeState(info);
    if ((data['event'] === 'infoDelivery' || data['event'] === 'initialDelivery') && info && typeof info === 'object') {
      const fields = info as { currentTime?: number; duration?: number; playerState?: number };
      if (typeof fields.currentTime === 'number') this.time(fields.currentTime, fields.duration);
      if (typeof fields.playerState === 'number') this.youtubeState(fields.playerState);
    }
  }

  private youtubeState(state: number): void {
    if (state === YT.playing) this.events.status('playing');
    else if (state === YT.paused) this.events.status('paused');
    else if (state === YT.ended) this.events.status('ended');
    else if (state === YT.buffering) this.events.status('loading');
  }

  private vimeo(data: Record<string, unknown>): void {
    const event = data['event'];
    const payload = (data['data'] ?? {}) as { seconds?: number; duration?: number };
    if (event === 'error') this.fail();
    else if (event === 'play' || event === 'playing') this.events.status('playing');
    else if (event === 'pause') this.events.status('paused');
    else if (event === 'ended' || event === 'finish') this.events.status('ended');
    else if (event === 'timeupdate' || event === 'playProgress') {
      if (typeof payload.seconds === 'number') this.time(payload.seconds, payload.duration);
    }
  }

  /** Reports the time, and stops at the clip's end (Vimeo has no end parameter; YouTube's is kept too). */
  private time(current: number, duration?: number): void {
    const { end } = this.options.clip;
    this.events.time(current, duration);
    if (end !== undefined && current >= end && this.wantPlaying) {
      this.wantPlaying = false;
      this.command('pause');
      this.events.status('ended');
    }
  }

  private command(action: 'play' | 'pause'): void {
    if (this.options.kind === 'youtube') this.post({ event: 'command', func: action === 'play' ? 'playVideo' : 'pauseVideo', args: [], id: 1, channel: 'widget' });
    else this.post({ method: action });
  }

  private post(message: object): void {
    this.frame?.contentWindow?.postMessage(JSON.stringify(message), ORIGINS[this.options.kind]);
  }

  private fail(): void {
    this.unload();
    this.events.failed();
  }
}
