// Did-you-mean suggestions for misspelt keys and ids.
import { closest, distance } from 'fastest-levenshtein';

/** The closest candidate to `word`, if it is close enough to be a plausible typo. */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const best = closest(word.toLowerCase(), candidates.map((c) => c.toLowerCase()));
  const index = candidates.findIndex((c) => c.toLowerCase() === best);
  const limit = Math.max(2, Math.floor(word.length / 3));
  return distance(word.toLowerCase(), best) <= limit ? candidates[index] : undefined;
}

/** A hint sentence: "did you mean "x"?" or the list of what is allowed. */
export function suggestionHint(word: string, candidates: readonly string[], noun = 'one of'): string {
  const guess = didYouMean(word, candidates);
  if (guess) return `did you mean "${guess}"?`;
  const shown = candidates.slice(0, 12).map((c) => `"${c}"`).join(', ');
  return `expected ${noun} ${shown}${candidates.length > 12 ? ', …' : ''}`;
}
