// Did-you-mean suggestions for misspelt keys and ids.
import { closest, distance } from 'fastest-levenshtein';

/** Words people write for a key that is called something else, often in Danish. */
const SYNONYMS: Record<string, string> = {
  pause: 'break', frokost: 'break', kaffepause: 'break', minutter: 'minutes', min: 'minutes', tid: 'minutes', kort: 'card',
  titel: 'title', noter: 'notes', citater: 'quotes', spørgsmål: 'questions', kommune: 'municipality', dato: 'date', sted: 'place',
  farver: 'branding', logo: 'branding', starttid: 'start',
};

/** The closest candidate to `word`, if it is close enough to be a plausible typo (or a known other word for it). */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const synonym = SYNONYMS[word.toLowerCase()];
  if (synonym && candidates.includes(synonym)) return synonym;
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
