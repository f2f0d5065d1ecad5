// Reading the deck model that the compiler embedded in the page.
import type { SamtaleRevealConfig } from './reveal-config.js';

/** The id of the `<script type="application/json">` holding the deck. */
export const DECK_DATA_ID = 'samtale-deck';

/** The part of the embedded deck model the runtime reads. */
export interface DeckData {
  /** reveal.js options for this deck, merged over the runtime's defaults. */
  reveal: SamtaleRevealConfig;
  /** The deck's language (`da` unless the manifest says otherwise). */
  language: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// The compiler validated the options against its schema; here we only guard
// against a page that was hand-edited into something that is not an object.
function isRevealOptions(value: unknown): value is SamtaleRevealConfig {
  return isRecord(value);
}

/**
 * Parses `#samtale-deck`. A page without it, or with JSON that is not an
 * object, is a broken build, so this throws rather than guessing.
 */
export function readDeckData(doc: Document): DeckData {
  const element = doc.getElementById(DECK_DATA_ID);
  if (element === null) {
    throw new Error(`samtale: no <script id="${DECK_DATA_ID}"> in the page; rebuild the deck.`);
  }
  const data: unknown = JSON.parse(element.textContent ?? '');
  if (!isRecord(data)) {
    throw new Error(`samtale: #${DECK_DATA_ID} does not hold a JSON object; rebuild the deck.`);
  }
  const reveal = data['reveal'] ?? {};
  if (!isRevealOptions(reveal)) {
    throw new Error(`samtale: "reveal" in #${DECK_DATA_ID} must be an object of reveal.js options.`);
  }
  return { reveal, language: typeof data['language'] === 'string' ? data['language'] : 'da' };
}
