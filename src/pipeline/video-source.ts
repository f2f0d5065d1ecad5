// What a video's `src`, `page`, `poster` and `captions` say: a local file, a YouTube or Vimeo video, or a web page.

/** A video source, as the card wrote it, understood. */
export type VideoSource =
  | { kind: 'local'; path: string; format: 'mp4' | 'webm' }
  | { kind: 'youtube'; id: string; /** A start time written in the address (`?t=95`), in seconds. */ start?: number }
  | { kind: 'vimeo'; id: string; /** The private hash of an unlisted video. */ hash?: string }
  | { kind: 'page'; url: string };

/** The hosts whose players a deck may frame, by source kind; the deck's CSP allows exactly the ones it uses. */
export const EMBED_ORIGINS = {
  youtube: 'https://www.youtube-nocookie.com',
  vimeo: 'https://player.vimeo.com',
} as const;

/** Why a value cannot be used, with a stable code and a hint. */
export interface SourceProblem {
  code: 'E_VIDEO_ADDRESS' | 'E_MEDIA_FORMAT' | 'E_MEDIA_REMOTE';
  message: string;
  hint: string;
}

export type MediaKey = 'src' | 'poster' | 'captions';

const VIDEO_FORMATS = ['mp4', 'webm'] as const;
const IMAGE_FORMATS = ['jpg', 'jpeg', 'png', 'webp', 'avif', 'gif', 'svg'];
const URL_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
/** Hosts people paste without "https://". */
const BARE_HOST = /^(?:www\.|m\.)?(?:youtube\.com|youtu\.be|youtube-nocookie\.com|vimeo\.com|player\.vimeo\.com)(?:[/?#]|$)|^www\.[^/\s]+\.[a-z]{2,}(?:[/?#]|$)/i;
const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;

export function isProblem(value: unknown): value is SourceProblem {
  return typeof value === 'object' && value !== null && 'code' in value && 'hint' in value;
}

/** True for values that name a file rather than an address (paths, and `file:` URLs, which are refused elsewhere). */
export function isLocalPath(value: string): boolean {
  return !URL_SCHEME.test(value) || /^file:/i.test(value) || /^[a-z]:[\\/]/i.test(value);
}

/** Understands a `src`: a local mp4/webm, a YouTube or Vimeo address, or a page where the video is published. */
export function classifyVideoSource(value: string): VideoSource | SourceProblem {
  const text = value.trim();
  if (BARE_HOST.test(text) || /^https?\/\//i.test(text)) return missingScheme(text);
  if (isLocalPath(text)) {
    const format = extension(text);
    if ((VIDEO_FORMATS as readonly string[]).includes(format)) return { kind: 'local', path: text, format: format as 'mp4' | 'webm' };
    return {
      code: 'E_MEDIA_FORMAT',
      message: `unsupported video format ${format ? `".${format}"` : '(no file extension)'}`,
      hint: 'use an mp4 (H.264/AAC) or webm file, e.g. "ffmpeg -i film.mov -c:v libx264 -c:a aac film.mp4"',
    };
  }
  const url = parseWebAddress(text);
  if (isProblem(url)) return url;
  const host = url.hostname.toLowerCase().replace(/^(www|m|music)\./, '');
  if (host === 'youtube.com' || host === 'youtu.be' || host === 'youtube-nocookie.com') return youtube(url, host);
  if (host === 'vimeo.com' || host === 'player.vimeo.com') return vimeo(url, host);
  const format = extension(url.pathname);
  if (/^(mp4|webm|m4v|mov|ogv|ogg|mkv|avi)$/.test(format)) {
    return {
      code: 'E_VIDEO_ADDRESS',
      message: 'a video file on the web; a deck plays only local files and YouTube or Vimeo videos',
      hint: 'download the file into the project and write its path (e.g. "src: media/film.mp4"), or give the page that shows it',
    };
  }
  return { kind: 'page', url: url.href };
}

/** Checks a `page`: an http(s) address. */
export function checkPageAddress(value: string): SourceProblem | undefined {
  const text = value.trim();
  if (BARE_HOST.test(text) || !URL_SCHEME.test(text)) return missingScheme(text);
  const url = parseWebAddress(text);
  return isProblem(url) ? url : undefined;
}

/** Checks a `poster` or `captions` value: a local file of the right kind. */
export function checkMediaFile(key: 'poster' | 'captions', value: string): SourceProblem | undefined {
  const text = value.trim();
  if (!isLocalPath(text) || BARE_HOST.test(text)) {
    return {
      code: 'E_MEDIA_REMOTE',
      message: `a web address; ${key === 'poster' ? 'a poster' : 'captions'} must be a file in the project`,
      hint: key === 'poster'
        ? 'save the image in the project and write its path: an image from the web would be fetched before anyone presses play'
        : 'save the .vtt file in the project and write its path',
    };
  }
  const format = extension(text);
  if (key === 'poster' && !IMAGE_FORMATS.includes(format)) {
    return { code: 'E_MEDIA_FORMAT', message: `unsupported poster format ${format ? `".${format}"` : '(no file extension)'}`, hint: `use one of ${IMAGE_FORMATS.map((f) => `.${f}`).join(', ')}` };
  }
  if (key === 'captions' && format !== 'vtt') {
    return { code: 'E_MEDIA_FORMAT', message: `unsupported captions format ${format ? `".${format}"` : '(no file extension)'}`, hint: 'captions must be a WebVTT file (.vtt); convert .srt with e.g. "ffmpeg -i captions.srt captions.vtt"' };
  }
  return undefined;
}

/** The privacy-enhanced player address, loaded only after the facilitator presses play. */
export function embedUrl(source: VideoSource, times: { start?: number; end?: number } = {}): string | undefined {
  const start = times.start ?? (source.kind === 'youtube' ? source.start : undefined);
  if (source.kind === 'youtube') {
    const params = new URLSearchParams({ autoplay: '1', rel: '0', playsinline: '1', enablejsapi: '1' });
    if (start) params.set('start', String(Math.floor(start)));
    if (times.end) params.set('end', String(Math.ceil(times.end)));
    return `${EMBED_ORIGINS.youtube}/embed/${source.id}?${params}`;
  }
  if (source.kind === 'vimeo') {
    // dnt: Vimeo sets no cookies and collects no session data.
    const params = new URLSearchParams({ autoplay: '1', dnt: '1', playsinline: '1', title: '0', byline: '0', portrait: '0' });
    if (source.hash) params.set('h', source.hash);
    return `${EMBED_ORIGINS.vimeo}/video/${source.id}?${params}${start ? `#t=${Math.floor(start)}s` : ''}`;
  }
  return undefined;
}

/** The address people open on a phone or in a browser: the video's own page on its platform, or the page given. */
export function watchUrl(source: VideoSource | undefined, start?: number): string | undefined {
  if (!source) return undefined;
  const at = start ?? (source.kind === 'youtube' ? source.start : undefined);
  if (source.kind === 'youtube') return `https://youtu.be/${source.id}${at ? `?t=${Math.floor(at)}` : ''}`;
  if (source.kind === 'vimeo') return `https://vimeo.com/${source.id}${source.hash ? `/${source.hash}` : ''}${at ? `#t=${Math.floor(at)}s` : ''}`;
  if (source.kind === 'page') return source.url;
  return undefined;
}

/** "4:30" → 270, "1:02:03" → 3723, 95 → 95; undefined when it is not a time. */
export function toSeconds(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  const match = /^\s*(?:(\d+):)?(\d{1,2}):(\d{2}(?:\.\d+)?)\s*$/.exec(value);
  if (!match) return /^\s*\d+(?:\.\d+)?\s*$/.test(value) ? Number(value) : undefined;
  const [, h, m, s] = match;
  if (Number(s) >= 60 || (h !== undefined && Number(m) >= 60)) return undefined;
  return Number(h ?? 0) * 3600 + Number(m) * 60 + Number(s);
}

/** 270 → "4:30", 3723 → "1:02:03". */
export function formatSeconds(seconds: number): string {
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

function youtube(url: URL, host: string): VideoSource | SourceProblem {
  const parts = url.pathname.split('/').filter(Boolean);
  let id: string | undefined;
  if (host === 'youtu.be') id = parts[0];
  else if (parts[0] === 'watch') id = url.searchParams.get('v') ?? undefined;
  else if (['embed', 'shorts', 'live', 'v', 'e'].includes(parts[0] ?? '')) id = parts[1];
  if (!id || !YOUTUBE_ID.test(id)) {
    const playlist = url.searchParams.has('list') && !id;
    return {
      code: 'E_VIDEO_ADDRESS',
      message: playlist ? 'a YouTube playlist, not one video' : 'not the address of a YouTube video',
      hint: 'copy the address of the video itself, e.g. "https://www.youtube.com/watch?v=aqz-KE-bpKQ" or "https://youtu.be/aqz-KE-bpKQ"',
    };
  }
  const start = timeParameter(url.searchParams.get('t') ?? url.searchParams.get('start'));
  return { kind: 'youtube', id, ...(start ? { start } : {}) };
}

function vimeo(url: URL, host: string): VideoSource | SourceProblem {
  const parts = url.pathname.split('/').filter(Boolean);
  const at = host === 'player.vimeo.com' ? (parts[0] === 'video' ? 1 : -1) : parts.findIndex((p) => /^\d+$/.test(p));
  const id = at >= 0 ? parts[at] : undefined;
  if (!id || !/^\d+$/.test(id)) {
    return {
      code: 'E_VIDEO_ADDRESS',
      message: 'not the address of a Vimeo video',
      hint: 'copy the address of the video itself, e.g. "https://vimeo.com/76979871"',
    };
  }
  const next = parts[at + 1];
  const hash = url.searchParams.get('h') ?? (next && /^[0-9a-f]{6,}$/i.test(next) ? next : undefined);
  return { kind: 'vimeo', id, ...(hash ? { hash } : {}) };
}

function parseWebAddress(text: string): URL | SourceProblem {
  const malformed = (why: string): SourceProblem => ({
    code: 'E_VIDEO_ADDRESS',
    message: `malformed address: ${why}`,
    hint: 'write a full web address, e.g. "https://www.kl.dk/…" or "https://youtu.be/aqz-KE-bpKQ"',
  });
  if (/\s/.test(text)) return malformed('it contains a space');
  if (!/^https?:\/\//i.test(text)) {
    return /^https?[:/]/i.test(text) ? missingScheme(text) : malformed('only http:// and https:// addresses are allowed');
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return malformed('it is not a valid web address');
  }
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$/i.test(url.hostname) && url.hostname !== 'localhost') {
    return malformed(`"${url.hostname}" is not a host name`);
  }
  return url;
}

function missingScheme(text: string): SourceProblem {
  // "https//…", "http:/…": the scheme is there, its "://" is not.
  const broken = /^(https?)[:/]+/i.exec(text);
  const fixed = broken ? text.replace(/^(https?)[:/]+/i, '$1://') : `https://${text.replace(/^\/+/, '')}`;
  return {
    code: 'E_VIDEO_ADDRESS',
    message: broken ? `malformed address: expected "://" after "${broken[1]}"` : 'malformed address: it has no "https://"',
    hint: `write it in full: "${fixed}"`,
  };
}

/** `?t=95`, `?t=95s`, `?t=1m35s`, `?t=1h2m3s` → seconds. */
function timeParameter(value: string | null): number | undefined {
  if (!value) return undefined;
  const match = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s?)?$/.exec(value);
  if (!match || value === '') return undefined;
  const seconds = Number(match[1] ?? 0) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0);
  return seconds > 0 ? seconds : undefined;
}

function extension(path: string): string {
  const name = path.replace(/[?#].*$/, '').split(/[\\/]/).pop() ?? '';
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}
