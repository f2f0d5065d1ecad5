// The browser half of `samtale dev`: applies a rebuilt deck in place on the same slide, or reloads and returns to it.
// Served by the dev server as a module; it runs beside the compiled runtime, which it only reaches through window.Reveal.
import type { RevealApi } from 'reveal.js';
import { ERROR_DATA_ID, HELLO_EVENT, UPDATE_EVENT, UPDATED_DOM_EVENT, VERSION_META, type DeckUpdate, type Hello, type OverlayError } from './protocol.js';

/** The part of Vite's `import.meta.hot` used here. */
interface HotContext {
  on(event: string, listener: (data: never) => void): void;
  send(event: string, data?: unknown): void;
}

interface Indices {
  h: number;
  v: number;
  f?: number;
}

const hot = (import.meta as ImportMeta & { hot?: HotContext }).hot;
const POSITION_KEY = `samtale-dev-position:${location.pathname}`;

function reveal(): RevealApi | undefined {
  const deck = (window as unknown as { Reveal?: RevealApi }).Reveal;
  return deck?.isReady() ? deck : undefined;
}

/** Resolves when the runtime has started reveal.js (it starts after this module has run). */
function whenReady(timeout = 15_000): Promise<RevealApi | undefined> {
  const started = Date.now();
  return new Promise((resolve) => {
    const poll = () => {
      const deck = reveal();
      if (deck || Date.now() - started > timeout) resolve(deck);
      else setTimeout(poll, 30);
    };
    poll();
  });
}

function revealOptions(model: string | null | undefined): string {
  try {
    return JSON.stringify((JSON.parse(model ?? '') as { reveal?: unknown }).reveal ?? {});
  } catch {
    return '{}';
  }
}

/** Swaps in the new slides and model, then puts reveal.js back on the slide (and question) it was on. */
function applyUpdate(update: DeckUpdate): void {
  const deck = reveal();
  const slides = document.querySelector('.reveal .slides');
  const data = document.getElementById('samtale-deck');
  if (!deck || !slides || !data) {
    location.reload();
    return;
  }
  const { h, v, f } = deck.getIndices() as Indices;
  const before = revealOptions(data.textContent);
  slides.innerHTML = update.slides;
  data.textContent = update.model;
  if (update.css !== undefined) {
    const style = document.querySelector('head style');
    if (style) style.textContent = update.css;
  }
  if (update.title !== undefined) {
    document.title = new DOMParser().parseFromString(`<!doctype html><title>${update.title}</title>`, 'text/html').title;
  }
  const after = revealOptions(update.model);
  if (after !== before) deck.configure(JSON.parse(after) as Record<string, unknown>);
  deck.sync();
  const last = Math.max(0, deck.getHorizontalSlides().length - 1);
  deck.slide(Math.min(h, last), v, f);
  setVersion(update.version);
  document.querySelectorAll<HTMLElement & { close?: () => void }>('vite-error-overlay').forEach((overlay) => (overlay.close ? overlay.close() : overlay.remove()));
  document.dispatchEvent(new CustomEvent(UPDATED_DOM_EVENT, { detail: { version: update.version } }));
}

function version(): number {
  return Number(document.querySelector(`meta[name="${VERSION_META}"]`)?.getAttribute('content') ?? -1);
}

function setVersion(value: number): void {
  document.querySelector(`meta[name="${VERSION_META}"]`)?.setAttribute('content', String(value));
}

/** The page was served with an error: show it the way Vite shows its own. */
async function showServedError(): Promise<void> {
  const element = document.getElementById(ERROR_DATA_ID);
  if (!element) return;
  const error = JSON.parse(element.textContent ?? '{}') as OverlayError;
  try {
    const client = (await import(/* @vite-ignore */ '/@vite/' + 'client')) as { ErrorOverlay: new (error: OverlayError) => HTMLElement };
    document.body.appendChild(new client.ErrorOverlay(error));
  } catch {
    const pre = document.createElement('pre');
    pre.textContent = error.message;
    document.body.appendChild(pre);
  }
}

/** Before a full reload: remember the slide, so the deck returns to it even without reveal's URL hash. */
function rememberPosition(): void {
  const deck = reveal();
  if (deck) sessionStorage.setItem(POSITION_KEY, JSON.stringify(deck.getIndices()));
}

async function restorePosition(): Promise<void> {
  const saved = sessionStorage.getItem(POSITION_KEY);
  if (saved === null) return;
  sessionStorage.removeItem(POSITION_KEY);
  const deck = await whenReady();
  if (!deck) return;
  const { h, v, f } = JSON.parse(saved) as Indices;
  deck.slide(h, v, f);
}

if (hot) {
  hot.on(UPDATE_EVENT, (update: DeckUpdate) => applyUpdate(update));
  hot.on('vite:beforeFullReload', () => rememberPosition());
  hot.send(HELLO_EVENT, { version: version() } satisfies Hello);
}
void showServedError();
void restorePosition();
