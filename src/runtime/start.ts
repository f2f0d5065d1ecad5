// Creating and initialising the reveal.js deck from the embedded deck model.
import type { RevealApi } from 'reveal.js';
import { readDeckData } from './deck-data.js';
import { revealDefaults } from './defaults.js';
import { Facilitator } from './deck/plugin.js';
import { RevealDeck } from './reveal-config.js';
import { insertOverviewSlide } from './slides/overview.js';
import { runtimeStrings } from './strings/index.js';
import { VideoPlugin } from './video/index.js';

declare global {
  interface Window {
    /** The running deck: for decktape, tests and the browser console. */
    Reveal?: RevealApi;
  }
}

/**
 * Starts the deck in `doc`'s `.reveal` element: the deck's own options over the defaults. samtale's
 * facilitator plugin replaces reveal's notes plugin: `S` opens the facilitator view.
 */
export async function startDeck(doc: Document, win: Window): Promise<RevealApi> {
  const { reveal, language } = readDeckData(doc);
  const element = doc.querySelector<HTMLElement>('.reveal');
  if (element === null) {
    throw new Error('samtale: no .reveal element in the page; rebuild the deck.');
  }
  // The day's agreements get a slide before the closing one; print keeps to the built slides.
  if (!isPrintView(win, reveal.view)) insertOverviewSlide(doc, runtimeStrings(language));
  const deck = new RevealDeck(element, {
    ...revealDefaults,
    ...reveal,
    plugins: [Facilitator(), VideoPlugin()],
  });
  // Set before initialize() so tools that poll for window.Reveal see it
  // as soon as the page runs, like reveal's own global build.
  win.Reveal = deck;
  await deck.initialize();
  return deck;
}

/** reveal's print view: its option, or the URL's `?view=print` / legacy `?print-pdf` (the URL wins in reveal). */
function isPrintView(win: Window, option: unknown): boolean {
  const query = new URLSearchParams(win.location.search);
  return query.get('view') === 'print' || query.has('print-pdf') || (query.get('view') === null && option === 'print');
}
