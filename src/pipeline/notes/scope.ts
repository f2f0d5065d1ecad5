// What each `{name}` stands for in one deck: a card's questions, quotes and steps by reference, and the deck's facts.
import type { Token } from 'markdown-it';
import type { Card } from '../../model.js';
import { CARD_PLACEHOLDER_NAMES, DECK_PLACEHOLDER_NAMES, nameUses } from './names.js';
import { runSteps, stepRefs } from './steps.js';
import { ownInlines } from './tokens.js';
import type { BreakFact, NotesWords } from './words.js';

export type NameValue =
  | { kind: 'question'; number: number }
  | { kind: 'action' }
  | { kind: 'quote' }
  | { kind: 'step' }
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

/** A card's names, given the names of the steps the deck keeps (asked only when a step is looked up). */
type StepLookup = (name: string, keptSteps: () => ReadonlySet<string>) => NameValue | null | undefined;

/**
 * A card's names in a deck. `base` is the card as written (which names it defines); `card` is the card as
 * the deck has it, after an adaptation's changes: a reference to an item the deck dropped is null, and so is
 * a reference to a step the deck dropped or that went with what it names.
 */
export function cardScope(base: Pick<Card, 'questions' | 'quotes' | 'notes'>, card: Pick<Card, 'questions' | 'quotes' | 'notes'>, minutes: number,
  deck: NameScope, words: NotesWords): NameScope {
  const items = new Set([...base.questions, ...base.quotes].flatMap((item) => (item.ref ? [item.ref] : [])));
  const steps = new Set([...stepRefs(base.notes), ...stepRefs(card.notes)]);
  const asked = card.questions.filter((q) => !q.action);
  const lookup: StepLookup = (name, keptSteps) => {
    if (items.has(name)) {
      const question = card.questions.find((q) => q.ref === name);
      if (question) return question.action ? { kind: 'action' } : { kind: 'question', number: asked.indexOf(question) + 1 };
      return card.quotes.some((q) => q.ref === name) ? { kind: 'quote' } : null;
    }
    if (steps.has(name)) return keptSteps().has(name) ? { kind: 'step' } : null;
    switch (CARD_PLACEHOLDER_NAMES.get(name)) {
      case 'citater': return count(card.quotes.length, words.quotes);
      case 'spørgsmål': return count(asked.length, words.questionCount);
      case 'minutter': return text(String(Math.round(minutes)));
      default: return deck(name);
    }
  };
  let kept: ReadonlySet<string> | undefined;
  return (name) => lookup(name, () => (kept ??= keptStepRefs(card.notes, lookup)));
}

/**
 * The names of the steps a deck keeps. A step goes when it names only what the deck does not have, and a
 * step that names a step that went goes too, so this repeats until nothing more goes.
 */
function keptStepRefs(notes: Card['notes'], lookup: StepLookup): Set<string> {
  const named = runSteps(notes).filter((step) => step.ref !== undefined);
  let kept = new Set(named.map((step) => step.ref!));
  for (;;) {
    const now = kept;
    const next = new Set(named.filter((step) => now.has(step.ref!) && !namesMissing(ownInlines(step.tokens), (name) => lookup(name, () => now))).map((step) => step.ref!));
    if (next.size === kept.size) return kept;
    kept = next;
  }
}

/** True when one of the `{…}` in these inlines names only things the deck does not have: the line goes. */
export function namesMissing(inlines: readonly Token[], scope: NameScope): boolean {
  return inlines.some((inline) => (inline.children ?? []).some((child) => child.type === 'text'
    && nameUses(child.content).some((use) => use.names.every((name) => scope(name) === null))));
}
