// `{name}` in notes: a reference to a question or quote of the card, or a placeholder for a fact of the deck.
import type { Token } from 'markdown-it';

/** One `{…}` in a text: the names it holds (`{a, b}` names two) and where it is. */
export interface NameUse {
  /** Names in lower case. */
  names: string[];
  /** The text as written, e.g. "{Citater}". */
  written: string;
  index: number;
  /** Written with a capital letter: the value starts with one too. */
  capital: boolean;
}

/** `{name}` or `{name, name}`: letters (æ ø å too), digits and hyphens. Anything else in braces is text. */
const USE = /\{\s*([\p{L}\p{N}][\p{L}\p{N}-]*(?:\s*,\s*[\p{L}\p{N}][\p{L}\p{N}-]*)*)\s*\}/gu;

/** The name uses in a text, in order. */
export function nameUses(text: string): NameUse[] {
  // Most lines name nothing; the regular expression is the slow part of resolving notes.
  if (!text.includes('{')) return [];
  return [...text.matchAll(USE)].map((match) => {
    const names = match[1]!.split(',').map((name) => name.trim());
    return { names: names.map((n) => n.toLowerCase()), written: match[0], index: match.index, capital: /^\p{Lu}/u.test(names[0]!) };
  });
}

/** The name uses in the text of inline tokens. */
export function nameUsesIn(inlines: readonly Token[]): NameUse[] {
  return inlines.flatMap((inline) => (inline.children ?? []).filter((c) => c.type === 'text').flatMap((c) => nameUses(c.content)));
}

/** The placeholders a card's notes may use, by Danish name, with their English names. */
export const CARD_PLACEHOLDERS: Record<string, readonly string[]> = {
  citater: ['quotes'],
  spørgsmål: ['questions'],
  minutter: ['minutes'],
};

/** The placeholders every note may use (a card's, and the title, agenda and closing slides'). */
export const DECK_PLACEHOLDERS: Record<string, readonly string[]> = {
  kommune: ['municipality'],
  dato: ['date'],
  sted: ['place'],
  facilitator: [],
  start: [],
  slut: ['end'],
  temaer: ['themes'],
  videoer: ['videos'],
  pauser: ['breaks'],
};

/** Every spelling of a placeholder, mapped to its Danish name. */
function aliases(table: Record<string, readonly string[]>): Map<string, string> {
  return new Map(Object.entries(table).flatMap(([name, others]) => [[name, name], ...others.map((o) => [o, name] as [string, string])]));
}

export const CARD_PLACEHOLDER_NAMES = aliases(CARD_PLACEHOLDERS);
export const DECK_PLACEHOLDER_NAMES = aliases(DECK_PLACEHOLDERS);
