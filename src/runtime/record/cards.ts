// The deck's cards as the record needs them: id, title, theme number and the action question, from `#samtale-deck`.
import type { RecordCardInfo } from '../../record/record.js';

export interface RecordCard extends RecordCardInfo {
  /** Position among the theme cards (1-based), when it is one. */
  themeNumber?: number;
}

/** What the record takes from the deck model besides the cards: for a new seminar's details. */
export interface RecordDeck {
  id: string;
  title: string;
  language: 'da' | 'en';
  municipality?: string;
  organisation?: string;
  place?: string;
  date?: string;
  cards: RecordCard[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);

/** Reads the deck model tolerantly (a hand-made page without cards gives a deck without cards). */
export function recordDeck(model: unknown): RecordDeck {
  const m = isRecord(model) ? model : {};
  const cards: RecordCard[] = [];
  for (const raw of Array.isArray(m['cards']) ? m['cards'] : []) {
    if (!isRecord(raw) || typeof raw['id'] !== 'string') continue;
    const card: RecordCard = { id: raw['id'], title: text(raw['title']) ?? raw['id'] };
    const questions = Array.isArray(raw['questions']) ? raw['questions'].filter(isRecord) : [];
    const action = questions.find((q) => q['action'] === true);
    const question = action ? text(action['text']) : undefined;
    if (question) card.actionQuestion = question;
    if (typeof raw['themeNumber'] === 'number') card.themeNumber = raw['themeNumber'];
    cards.push(card);
  }
  const deck: RecordDeck = {
    id: text(m['id']) ?? 'deck',
    title: text(m['title']) ?? '',
    language: m['language'] === 'en' ? 'en' : 'da',
    cards,
  };
  for (const key of ['municipality', 'organisation', 'place', 'date'] as const) {
    const value = text(m[key]);
    if (value) deck[key] = value;
  }
  return deck;
}
