// The dev page: the built deck's HTML with Vite's client, and how two versions of it differ.
import { escapeHtml, jsonForScript } from '../pipeline/render/html.js';
import { devContentSecurityPolicy } from './csp.js';
import { CLIENT_URL, ERROR_DATA_ID, VERSION_META, type DeckUpdate, type OverlayError } from './protocol.js';

/** A deck document cut where content changes: the slides and the model; everything else is the shell. */
export interface DeckPage {
  /** The whole document as served. */
  html: string;
  /** Up to and including `<div class="slides">`. */
  head: string;
  /** The `<section>`s. */
  slides: string;
  /** Text of `#samtale-deck`. */
  model: string;
  /** From the end of `#samtale-deck` to the end: the runtime script. */
  tail: string;
}

const SLIDES_OPEN = '<div class="slides">';
const MODEL_OPEN = '<script type="application/json" id="samtale-deck">';
const SLIDES_CLOSE = /\s*<\/div>\s*<\/div>\s*$/;
const STYLE = /<style>([\s\S]*?)<\/style>/;
const TITLE = /<title>([\s\S]*?)<\/title>/;
const CSP_META = /(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(">)/i;

/** Cuts a deck document into its parts; undefined when it does not have the expected shape. */
export function splitDeckHtml(html: string): DeckPage | undefined {
  const body = html.indexOf('<body');
  const open = html.indexOf(SLIDES_OPEN, body);
  const modelStart = html.lastIndexOf(MODEL_OPEN);
  if (body < 0 || open < 0 || modelStart < open) return undefined;
  const modelEnd = html.indexOf('</script>', modelStart);
  const between = html.slice(open + SLIDES_OPEN.length, modelStart);
  const close = SLIDES_CLOSE.exec(between);
  if (modelEnd < 0 || !close) return undefined;
  return {
    html,
    head: html.slice(0, open + SLIDES_OPEN.length),
    slides: between.slice(0, close.index).replace(/^\n/, ''),
    model: html.slice(modelStart + MODEL_OPEN.length, modelEnd),
    tail: html.slice(modelEnd),
  };
}

/**
 * What the open page must do to show `next`: nothing, apply an update in
 * place (slides, model, and the style and title, which can be swapped), or
 * reload (anything else in the shell changed: the runtime, the language, the
 * policy).
 */
export function planUpdate(previous: DeckPage | undefined, next: DeckPage, version: number): { kind: 'unchanged' } | { kind: 'reload' } | { kind: 'hot'; update: DeckUpdate } {
  if (!previous) return { kind: 'reload' };
  if (previous.html === next.html) return { kind: 'unchanged' };
  if (previous.tail !== next.tail || shell(previous.head) !== shell(next.head)) return { kind: 'reload' };
  const update: DeckUpdate = { version, slides: next.slides, model: next.model };
  const css = STYLE.exec(next.head)?.[1];
  if (css !== undefined && css !== STYLE.exec(previous.head)?.[1]) update.css = css;
  const title = TITLE.exec(next.head)?.[1];
  if (title !== undefined && title !== TITLE.exec(previous.head)?.[1]) update.title = title;
  return { kind: 'hot', update };
}

/** The head without what an update can swap in place. */
function shell(head: string): string {
  return head.replace(STYLE, '<style></style>').replace(TITLE, '<title></title>');
}

export interface DevDocumentOptions {
  /** The version served, for the page's hello. */
  version: number;
  /** An error to show over the deck at once. */
  error?: OverlayError;
}

/**
 * The built deck as the dev server serves it: the dev policy instead of the
 * built one, Vite's client and ours in the head, and the error if there is one.
 */
export function devDocument(html: string, options: DevDocumentOptions): string {
  const withPolicy = html.replace(CSP_META, (_all, open: string, policy: string, close: string) => `${open}${escapeHtml(devContentSecurityPolicy(unescapeHtml(policy)))}${close}`);
  const at = withPolicy.indexOf('</head>');
  if (at < 0) return withPolicy;
  return `${withPolicy.slice(0, at)}${devHead(options)}${withPolicy.slice(at)}`;
}

/** The page served when the deck could not be built before it was ever shown: only the overlay. */
export function errorDocument(error: OverlayError, options: { version: number; language?: string }): string {
  const policy = devContentSecurityPolicy("default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; object-src 'none'");
  return `<!doctype html>
<html lang="${escapeHtml(options.language ?? 'da')}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(policy)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>samtale dev: the deck has a problem</title>
${devHead({ ...options, error })}</head>
<body>
<noscript><pre>${escapeHtml(error.message)}</pre></noscript>
</body>
</html>
`;
}

function devHead(options: DevDocumentOptions): string {
  const error = options.error ? `<script type="application/json" id="${ERROR_DATA_ID}">${jsonForScript(options.error)}</script>\n` : '';
  return `<meta name="${VERSION_META}" content="${options.version}">
${error}<script type="module" src="/@vite/client"></script>
<script type="module" src="${CLIENT_URL}"></script>
`;
}

function unescapeHtml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (_all, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name] ?? '');
}
