// A step of the run that a deck drops may still be described elsewhere in the card's notes, in its own words
// but without its name: "to og to – formulér tre regler" in the questions' notes after the deck dropped the
// step that set that exercise. Such a line cannot go with the step by itself; it is found here, so `check`
// can point at it and suggest naming the step.
import type { Token } from 'markdown-it';
import type { Card, NotesBlockSource } from '../../model.js';
import { namesMissing, type NameScope } from './scope.js';
import { shownText } from './resolve-notes.js';
import { runSteps } from './steps.js';
import { ownInlines } from './tokens.js';
import type { NotesWords } from './words.js';

/**
 * A repeat is at least this many words in a row, with at least this many letters: "to og to formulér tre
 * regler" is one; "i den lokale samtale" or "via sociale medier" is only the theme's vocabulary.
 */
const MIN_WORDS = 5;
const MIN_LETTERS = 20;

/** A step of the card as written that the deck does not show. */
export interface GoneStep {
  step: NotesBlockSource;
  /** As the deck would have shown it, e.g. "Spørgsmål 2 to og to: …". */
  text: string;
  /** Its own words: the text without its names ("to og to: …"), which is what a repeat repeats. */
  plain: string;
}

/** The text of tokens without their `{names}`: a line's own words. */
export const plainText = (tokens: readonly Token[], words: NotesWords) => shownText(tokens, () => null, words);

/**
 * The steps of the card as written that the deck no longer has: dropped or reworded by it, or gone with what
 * they name. A reworded step that keeps its name is still the same step.
 */
export function goneSteps(base: Pick<Card, 'notes'>, card: Pick<Card, 'notes'>, scope: NameScope, words: NotesWords): GoneStep[] {
  const kept = new Set(keptSteps(card, scope));
  const keptNames = new Set([...kept].flatMap((step) => (step.ref ? [step.ref] : [])));
  return runSteps(base.notes).filter((step) => !kept.has(step) && !(step.ref && keptNames.has(step.ref)))
    .map((step) => ({ step, text: shownText(step.tokens, scope, words), plain: plainText(step.tokens, words) }));
}

/** The own words of the steps the deck shows, to tell a repeat of a gone step from words the run still has. */
export function keptStepTexts(card: Pick<Card, 'notes'>, scope: NameScope, words: NotesWords): string[] {
  return keptSteps(card, scope).map((step) => plainText(step.tokens, words));
}

const keptSteps = (card: Pick<Card, 'notes'>, scope: NameScope) => runSteps(card.notes).filter((step) => !namesMissing(ownInlines(step.tokens), scope));

interface Word { word: string; start: number; end: number }

const wordsOf = (text: string): Word[] =>
  [...text.normalize('NFC').matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({ word: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length }));
const joined = (words: readonly Word[]) => ` ${words.map((w) => w.word).join(' ')} `;

/**
 * The longest run of words that `line` repeats from a gone step, as the line writes it; undefined when the
 * run is too short to mean anything, or when a step the deck keeps has the same words (the run still says it).
 */
export function repeatedWording(line: string, gone: string, kept: readonly string[]): string | undefined {
  const a = wordsOf(line);
  const b = wordsOf(gone);
  // Longest common run of words: lengths of common runs ending at each pair of positions.
  let best = { length: 0, end: 0 };
  let previous = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const current = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      if (a[i - 1]!.word !== b[j - 1]!.word) continue;
      current[j] = previous[j - 1]! + 1;
      if (current[j]! > best.length) best = { length: current[j]!, end: i };
    }
    previous = current;
  }
  if (best.length < MIN_WORDS) return undefined;
  const run = a.slice(best.end - best.length, best.end);
  if (run.reduce((sum, w) => sum + w.word.length, 0) < MIN_LETTERS) return undefined;
  if (kept.some((text) => joined(wordsOf(text)).includes(joined(run)))) return undefined;
  return line.slice(run[0]!.start, run.at(-1)!.end);
}

/** A name to suggest for a step: the longest of its first words, e.g. "opsamling" for "Fælles opsamling: …". */
export function suggestedStepName(plain: string): string {
  const first = wordsOf(plain).slice(0, 4).filter((w) => /^\p{L}{4,}$/u.test(w.word));
  return first.reduce<string | undefined>((best, w) => (best === undefined || w.word.length > best.length ? w.word : best), undefined) ?? 'trin';
}
