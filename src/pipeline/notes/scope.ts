// What each `{name}` stands for in one deck: a card's questions and quotes by reference, and the deck's facts.
import type { Card } from '../../model.js';
import { CARD_PLACEHOLDER_NAMES, DECK_PLACEHOLDER_NAMES } from './names.js';
import type { BreakFact, NotesWords } from './words.js';

export type NameValue =
  | { kind: 'question'; number: number }
  | { kind: 'action' }
  | { kind: 'quote' }
  | { kind: 'text'; text: string };

/** Looks a name up: its value; null when it is known but this deck has nothing for it; undefined when unknown. */
export type NameScope = (name: string) => NameValue | null | undefined;

/** The facts of a deck that notes may name. */
export interface DeckFacts {
  municipality?: string;
  /** As people write it: "2. marts 2027". */
  date?: string;
  place?: string;
  facilitator?: string;
  start: string;
  end: string;
  themeCount: number;
  videoCount: number;
  breaks: BreakFact[];
}

const text = (value: string | undefined): NameValue | null => (value ? { kind: 'text', text: value } : null);
const count = (n: number, words: (n: number) => string): NameValue | null => (n > 0 ? text(words(n)) : null);

export function deckScope(facts: DeckFacts, words: NotesWords): NameScope {
  const values: Record<string, () => NameValue | null> = {
    kommune: () => text(facts.municipality),
    dato: () => text(facts.date),
    sted: () => text(facts.place),
    facilitator: () => text(facts.facilitator),
    start: () => text(facts.start),
    slut: () => text(facts.end),
    temaer: () => count(facts.themeCount, words.themes),
    videoer: () => count(facts.videoCount, words.videos),
    pauser: () => (facts.breaks.length === 0 ? null : text(facts.breaks.length === 1 ? words.breakPhrase(facts.breaks[0]!) : words.breaks(facts.breaks))),
  };
  return (name) => {
    const canonical = DECK_PLACEHOLDER_NAMES.get(name);
    return canonical === undefined ? undefined : values[canonical]!();
  };
}

/**
 * A card's names in a deck. `base` is the card as written (which names it defines); `card` is the card as
 * the deck has it, after an adaptation's changes: a reference to an item the deck dropped is null.
 */
export function cardScope(base: Pick<Card, 'questions' | 'quotes'>, card: Pick<Card, 'questions' | 'quotes'>, minutes: number,
  deck: NameScope, words: NotesWords): NameScope {
  const defined = new Set([...base.questions, ...base.quotes].flatMap((item) => (item.ref ? [item.ref] : [])));
  const asked = card.questions.filter((q) => !q.action);
  return (name) => {
    if (defined.has(name)) {
      const question = card.questions.find((q) => q.ref === name);
      if (question) return question.action ? { kind: 'action' } : { kind: 'question', number: asked.indexOf(question) + 1 };
      return card.quotes.some((q) => q.ref === name) ? { kind: 'quote' } : null;
    }
    switch (CARD_PLACEHOLDER_NAMES.get(name)) {
      case 'citater': return count(card.quotes.length, words.quotes);
      case 'spørgsmål': return count(asked.length, words.questionCount);
      case 'minutter': return text(String(Math.round(minutes)));
      default: return deck(name);
    }
  };
}
