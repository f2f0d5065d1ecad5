// Reading the whole embedded deck model (deck-data.ts reads only the reveal.js options).
import { DECK_DATA_ID } from '../deck-data.js';

/** The parsed `#samtale-deck` JSON, or an empty object if it is missing or broken (the runtime reports that elsewhere). */
export function readModel(doc: Document): unknown {
  try {
    return JSON.parse(doc.getElementById(DECK_DATA_ID)?.textContent ?? '{}') as unknown;
  } catch {
    return {};
  }
}
