// Creating and initialising the reveal.js deck from the embedded deck model.
import type { RevealApi } from 'reveal.js';
import { readDeckData } from './deck-data.js';
import { revealDefaults } from './defaults.js';
import { Facilitator } from './facilitator/index.js';
import { RecordPlugin } from './record/audience.js';
import { RevealDeck } from './reveal-config.js';
import { VideoPlugin } from './video/index.js';

declare global {
  interface Window {
    /** The running deck: for decktape, tests and the browser console. */
    Reveal?: RevealApi;
  }
}

/**
 * Starts the deck in `doc`'s `.reveal` element: the deck's own options over
 * the defaults. samtale's facilitator plugin replaces reveal's notes plugin:
 * `S` opens the facilitator view (card timers, plan, notes, discussion countdown).
 */
export async function startDeck(doc: Document, win: Window): Promise<RevealApi> {
  const { reveal } = readDeckData(doc);
  const element = doc.querySelector<HTMLElement>('.reveal');
  if (element === null) {
    throw new Error('samtale: no .reveal element in the page; rebuild the deck.');
  }
  const deck = new RevealDeck(element, {
    ...revealDefaults,
    ...reveal,
    plugins: [Facilitator(), VideoPlugin(), RecordPlugin()],
  });
  // Set before initialize() so tools that poll for window.Reveal see it
  // as soon as the page runs, like reveal's own global build.
  win.Reveal = deck;
  await deck.initialize();
  return deck;
}
