// Resolve stage: a manifest against the parsed cards gives a Deck: the ordered cards, their minutes and plan.
import type { Diagnostics } from '../diagnostics/deck-error.js';
import { suggestionHint } from '../diagnostics/suggest.js';
import { manifestSchema, type Manifest } from '../config/schemas.js';
import { validateYaml, type Validated } from '../config/validate-yaml.js';
import type { Card, Deck, DeckBreak, DeckCard } from '../model.js';
import type { TextFile } from './load.js';

/** Cards by id; a second card with the same id is reported and left out. */
export function indexCards(cards: readonly Card[], diagnostics: Diagnostics): Map<string, Card> {
  const byId = new Map<string, Card>();
  for (const card of cards) {
    const first = byId.get(card.id);
    if (first) {
      diagnostics.error('E_DUPLICATE_CARD', `two cards have the id "${card.id}"`, { file: card.file, line: 1, column: 1 },
        'change the "id" in one of them (the id defaults to the file name)', { file: first.file, line: 1, column: 1 });
      continue;
    }
    byId.set(card.id, card);
  }
  return byId;
}

export type ManifestFile = TextFile & { id: string };

/** Parses and validates a manifest; undefined (after reporting) when it cannot be used. */
export function readManifest(manifest: ManifestFile, diagnostics: Diagnostics): Validated<Manifest> | undefined {
  return validateYaml({ file: manifest.file, text: manifest.text, firstLine: 1, what: 'manifest' }, manifestSchema, diagnostics);
}

/** Resolves a validated manifest against the cards. */
export function resolveDeck(
  manifest: ManifestFile,
  validated: Validated<Manifest>,
  cards: Map<string, Card>,
  /** Ids of cards whose files were too broken to parse; their problems are reported already. */
  broken: ReadonlySet<string>,
  diagnostics: Diagnostics,
  /** The visual themes there are, when known. */
  themes?: readonly string[],
): Deck {
  const m = validated.value;
  if (themes && !themes.includes(m.theme)) {
    diagnostics.error('E_UNKNOWN_THEME', `manifest: no theme "${m.theme}"`, validated.positionOf(['theme']), suggestionHint(m.theme, themes, 'one of'));
  }
  const ids = [...cards.keys()];
  const placed: DeckCard[] = [];
  const breaks: DeckBreak[] = [];
  const seen = new Set<string>();
  let offset = 0;
  let themeNumber = 0;
  m.cards.forEach((entry, index) => {
    if (typeof entry !== 'string' && 'break' in entry) {
      const after = placed[placed.length - 1]?.card.id;
      breaks.push({ minutes: entry.break, offsetMinutes: offset, ...(entry.title ? { title: entry.title } : {}), ...(after ? { afterCard: after } : {}) });
      offset += entry.break;
      return;
    }
    const id = typeof entry === 'string' ? entry : entry.card;
    const card = cards.get(id);
    const at = validated.positionOf(typeof entry === 'string' ? ['cards', index] : ['cards', index, 'card']);
    if (!card) {
      if (broken.has(id)) return;
      diagnostics.error('E_UNKNOWN_CARD', `manifest names a card "${id}" that does not exist`, at, suggestionHint(id, ids, 'a card id:'));
      return;
    }
    if (seen.has(id)) {
      diagnostics.error('E_CARD_TWICE', `card "${id}" is in the deck twice`, at, 'remove one of the entries');
      return;
    }
    seen.add(id);
    const minutes = (typeof entry === 'string' ? undefined : entry.minutes) ?? card.minutes;
    placed.push({ card, minutes, offsetMinutes: offset, ...(card.kind === 'theme' ? { themeNumber: ++themeNumber } : {}) });
    offset += minutes;
  });
  return {
    id: manifest.id,
    title: m.title,
    ...(m.subtitle === undefined ? {} : { subtitle: m.subtitle }),
    language: m.language,
    theme: m.theme,
    ...(m.organisation === undefined ? {} : { organisation: m.organisation }),
    ...(m.date === undefined ? {} : { date: m.date }),
    ...(m.place === undefined ? {} : { place: m.place }),
    start: normaliseClock(m.start),
    allowHtml: m.allowHtml,
    ...(m.notes === undefined ? {} : { notes: m.notes }),
    ...(m.agenda?.notes === undefined ? {} : { agendaNotes: m.agenda.notes }),
    ...(m.agenda?.title === undefined ? {} : { agendaTitle: m.agenda.title }),
    closing: {
      ...(m.closing?.title === undefined ? {} : { title: m.closing.title }),
      ...(m.closing?.text === undefined ? {} : { text: m.closing.text }),
      ...(m.closing?.notes === undefined ? {} : { notes: m.closing.notes }),
    },
    cards: placed,
    breaks,
    manifestFile: manifest.file,
  };
}

/** "9:00" → "09:00". */
function normaliseClock(time: string): string {
  const [h, m] = time.split(':');
  return `${h!.padStart(2, '0')}:${m}`;
}

/** Adds minutes to "HH:MM", wrapping at midnight. */
export function clockAfter(start: string, minutes: number): string {
  const [h, m] = start.split(':').map(Number);
  const total = Math.round((h! * 60 + m! + minutes) % (24 * 60));
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}
