// Renders a video slide: a poster that plays (local file or privacy-enhanced embed), and link, QR code and print form.
import type { Deck, Video } from '../../model.js';
import { classifyVideoSource, EMBED_ORIGINS, embedUrl, formatSeconds, isProblem, toSeconds, watchUrl, type VideoSource } from '../video-source.js';
import { escapeHtml } from './html.js';
import { qrSvg } from './qr.js';
import { stringsFor, type Strings } from './strings.js';

/** What the runtime (src/runtime/video/) finds on a video's container, `[data-video]`. */
export type VideoKind = 'local' | 'youtube' | 'vimeo' | 'page' | 'none';

export interface VideoWords {
  play: (what: string) => string;
  length: (length: string) => string;
  qr: (address: string) => string;
  loading: string;
  captions: string;
  file: string;
  offline: string;
  error: string;
  broken: string;
}

const words: Record<'da' | 'en', VideoWords> = {
  da: {
    play: (what) => `Afspil video: ${what}`,
    length: (length) => `${length} min.`,
    qr: (address) => `QR-kode til ${address}`,
    loading: 'Henter videoen …',
    captions: 'Undertekster',
    file: 'Videoen kan ikke afspilles, når præsentationen er åbnet som fil. Se den via linket eller QR-koden.',
    offline: 'Der er ingen netværksforbindelse. Se videoen via linket eller QR-koden.',
    error: 'Videoen kunne ikke afspilles. Se den via linket eller QR-koden.',
    broken: 'Videoen kunne ikke afspilles.',
  },
  en: {
    play: (what) => `Play video: ${what}`,
    length: (length) => `${length} min`,
    qr: (address) => `QR code for ${address}`,
    loading: 'Loading the video …',
    captions: 'Captions',
    file: 'The video cannot play while the presentation is opened as a file. Watch it via the link or the QR code.',
    offline: 'There is no network connection. Watch the video via the link or the QR code.',
    error: 'The video could not be played. Watch it via the link or the QR code.',
    broken: 'The video could not be played.',
  },
};

/** A video understood for rendering: what plays, where people can watch it, how long it runs. */
export interface VideoPlan {
  kind: VideoKind;
  source?: VideoSource;
  /** The player's address, for online videos (loaded only when the facilitator presses play). */
  embed?: string;
  /** The address for the link and the QR code: the video on its platform, or the page that shows it. */
  address?: string;
  /** Seconds the video (or its start–end clip) runs, when known. */
  seconds?: number;
  /** "m:ss" as shown to people. */
  length?: string;
  /** Where playback starts, in seconds: the card's `start`, or a time in a YouTube address. */
  start?: number;
}

/** What a video will do in the deck. A local file the build has not copied (no `built.src`) cannot play. */
export function planVideo(video: Video): VideoPlan {
  const parsed = video.src === undefined ? undefined : classifyVideoSource(video.src);
  const source = parsed === undefined || isProblem(parsed) ? undefined : parsed;
  const playable = source?.kind === 'local' ? Boolean(video.built?.src) : source?.kind === 'youtube' || source?.kind === 'vimeo';
  const kind: VideoKind = playable && source ? (source.kind as VideoKind) : source?.kind === 'page' || video.page ? 'page' : 'none';
  const times = { ...(video.start === undefined ? {} : { start: video.start }), ...(video.end === undefined ? {} : { end: video.end }) };
  const total = video.length === undefined ? undefined : toSeconds(video.length);
  const start = video.start ?? (source?.kind === 'youtube' ? source.start : undefined) ?? 0;
  const seconds = video.end !== undefined ? video.end - start : total !== undefined ? Math.max(0, total - start) : undefined;
  const embed = source ? embedUrl(source, times) : undefined;
  const address = (source?.kind === 'youtube' || source?.kind === 'vimeo' ? watchUrl(source, video.start) : undefined)
    ?? video.page ?? (source?.kind === 'page' ? source.url : undefined);
  const length = seconds === undefined ? video.length : start > 0 || video.end !== undefined ? formatSeconds(seconds) : video.length;
  return {
    kind,
    ...(source ? { source } : {}),
    ...(embed && playable ? { embed } : {}),
    ...(address ? { address } : {}),
    ...(seconds === undefined ? {} : { seconds }),
    ...(length === undefined ? {} : { length }),
    ...(start > 0 ? { start } : {}),
  };
}

/** The words around a video (its length, the QR code's label, …) in the language of `strings`. */
export function videoWords(strings: Strings): VideoWords {
  return words[strings === stringsFor('en') ? 'en' : 'da'];
}

/** The address as the slide shows it: a platform address without its time parameter, a page as written, no scheme. */
export function shownAddress(plan: VideoPlan, video: Video): string | undefined {
  if (!plan.address) return undefined;
  const online = plan.address !== video.page && (plan.kind === 'youtube' || plan.kind === 'vimeo');
  return (online ? plan.address.replace(/[?#].*$/, '') : plan.address).replace(/^https?:\/\//, '').replace(/\/$/, '');
}

/** The inner HTML of a video slide. */
export function renderVideo(video: Video, strings: Strings): string {
  const w = videoWords(strings);
  const plan = planVideo(video);
  const playable = plan.kind === 'local' || plan.kind === 'youtube' || plan.kind === 'vimeo';
  const label = [video.title, video.speaker].filter(Boolean).join(' – ') || strings.video;
  const attrs: [string, string | number | undefined][] = [
    ['data-video', ''],
    ['data-video-kind', plan.kind],
    ['data-video-id', video.id],
    ['data-video-state', 'idle'],
    ['data-video-label', label],
    ['data-video-embed', plan.embed],
    ['data-video-address', plan.address],
    ['data-video-start', plan.start],
    ['data-video-end', video.end],
    ['data-video-length-seconds', plan.seconds],
    ['data-video-remaining-seconds', plan.seconds === undefined ? undefined : Math.ceil(plan.seconds)],
    ['data-video-autoplay', video.autoplay && plan.kind === 'local' ? '' : undefined],
  ];
  const open = `<div class="video-card"${attrs.filter(([, v]) => v !== undefined).map(([k, v]) => ` ${k}="${escapeHtml(String(v))}"`).join('')}>`;

  const caption = [
    video.title ? `<span class="video-title">${escapeHtml(video.title)}</span>` : '',
    video.speaker ? `<span class="video-speaker">${escapeHtml(video.speaker)}</span>` : '',
    video.role ? `<span class="video-role">${escapeHtml(video.role)}</span>` : '',
    plan.length ? `<span class="video-length">${escapeHtml(w.length(plan.length))}</span>` : '',
    !video.title && !video.speaker ? `<span class="video-title">${escapeHtml(strings.video)}</span>` : '',
  ].filter(Boolean).join('');
  const image = video.built?.poster ? `<img class="video-poster-image" src="${escapeHtml(video.built.poster)}" alt="">` : '';
  const posterInner = `${image}<span class="video-play" aria-hidden="true"></span><span class="video-poster-caption">${caption}</span>`;
  const poster = playable
    ? `<button type="button" class="video-poster" aria-label="${escapeHtml(w.play(plan.length ? `${label} (${plan.length})` : label))}">${posterInner}</button>`
    : `<div class="video-poster">${posterInner}</div>`;

  const stage = ['<div class="video-stage">'];
  if (plan.kind === 'local') {
    const fragment = video.start !== undefined || video.end !== undefined ? `#t=${video.start ?? 0}${video.end === undefined ? '' : `,${video.end}`}` : '';
    // data-src: reveal.js loads the file only when the slide comes near, and unloads it far away.
    stage.push(`<video class="video-player" data-src="${escapeHtml(`${video.built!.src}${fragment}`)}"`
      + `${video.built?.poster ? ` poster="${escapeHtml(video.built.poster)}"` : ''} preload="metadata" playsinline`
      + ` controlslist="nodownload noremoteplayback" disableremoteplayback tabindex="-1" aria-label="${escapeHtml(label)}"></video>`);
  }
  stage.push(poster);
  if (plan.kind === 'youtube' || plan.kind === 'vimeo') stage.push(`<p class="video-loading" aria-live="polite">${escapeHtml(w.loading)}</p>`);
  stage.push('</div>');

  const info = ['<div class="video-info">'];
  if (video.descriptionHtml) info.push(`<p class="video-description">${video.descriptionHtml}</p>`);
  // Why it cannot play, shown by the runtime's state: an online player from a file, offline or failing; a broken file.
  const notes: [string, string][] = plan.kind === 'youtube' || plan.kind === 'vimeo'
    ? [['file', w.file], ['offline', w.offline], ['error', w.error]]
    : plan.kind === 'local' ? [['error', plan.address ? w.error : w.broken]] : [];
  for (const [reason, text] of notes) info.push(`<p class="video-note" data-video-note="${reason}">${escapeHtml(text)}</p>`);
  info.push('</div>');
  let access = '';
  const shown = shownAddress(plan, video);
  if (plan.address && shown !== undefined) {
    access = '\n<div class="video-access">'
      + `<div class="video-qr">${qrSvg(plan.address, w.qr(shown))}</div>`
      + `<p class="video-link">${escapeHtml(strings.videoPage)} <a href="${escapeHtml(plan.address)}" target="_blank" rel="noopener noreferrer">${escapeHtml(shown)}</a></p>`
      + '</div>';
  }

  const captions = plan.kind === 'local' && video.built?.captionsText !== undefined
    ? `\n<template class="video-captions" data-label="${escapeHtml(w.captions)}">${escapeHtml(video.built.captionsText)}</template>`
    : '';
  return `${open}\n${stage.join('\n')}\n${info.join('\n')}${access}${captions}\n</div>`;
}

/** The player origins a deck's CSP must allow as frames: only those of the videos it has. */
export function videoFrameSources(deck: Deck): string[] {
  const origins = new Set<string>();
  for (const { card } of deck.cards) {
    for (const video of card.videos) {
      const plan = planVideo(video);
      if (plan.kind === 'youtube' || plan.kind === 'vimeo') origins.add(EMBED_ORIGINS[plan.kind]);
    }
  }
  return [...origins].sort();
}
