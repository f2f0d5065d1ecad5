// Finding the item a change in an adaptation points at: by its first words, a quote also by its source,
// anything by its `{#name}`. A change that finds nothing fails the build, naming what the card has now.
import { distance } from 'fastest-levenshtein';
import type { Diagnostics } from '../diagnostics/deck-error.js';
import type { SourcePosition } from '../model.js';

/** One item a change can point at. */
export interface MatchCandidate {
  /** Texts the match may start: the item's text; a quote's source; a notes line as written and as shown. */
  texts: string[];
  /** The item's `{#name}`, if it has one. */
  ref?: string;
  /** How the item is shown in a hint. */
  label: string;
}

export interface MatchWhere {
  /** "question", "quote", "line of the notes", "section of the notes". */
  noun: string;
  cardId: string;
  /** The card file, shown as the place to look. */
  cardFile: string;
  at: SourcePosition;
  diagnostics: Diagnostics;
}

/** Letters and digits only, lower case: how texts are compared, so punctuation and emphasis don't matter. */
export const norm = (text: string) => text.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** The index of the first candidate the match finds; -1 after reporting an error when none does. */
export function findMatch(candidates: readonly MatchCandidate[], match: string, where: MatchWhere): number {
  const wanted = norm(match);
  const byRef = candidates.findIndex((c) => c.ref !== undefined && (c.ref === match.trim().replace(/^\{#?|\}$/g, '').toLowerCase()));
  if (byRef >= 0) return byRef;
  const index = wanted ? candidates.findIndex((c) => c.texts.some((text) => norm(text).startsWith(wanted))) : -1;
  if (index >= 0) return index;
  report(candidates, match, wanted, where);
  return -1;
}

function report(candidates: readonly MatchCandidate[], match: string, wanted: string, where: MatchWhere): void {
  const scored = candidates.flatMap((c) => c.texts.map((text) => ({ c, d: distance(norm(text).slice(0, wanted.length), wanted) })));
  const closest = scored.sort((a, b) => a.d - b.d)[0];
  const related = { file: where.cardFile, line: 1, column: 1 };
  const shown = `"${match.length > 60 ? `${match.slice(0, 60)}…` : match}"`;
  // Words from the middle of an item: the item is there, the match should be its start.
  const inside = wanted ? candidates.find((c) => c.texts.some((text) => norm(text).includes(wanted))) : undefined;
  if (!inside && closest && wanted.length >= 6 && closest.d <= Math.max(3, wanted.length * 0.3)) {
    where.diagnostics.error('E_STALE_CHANGE', `the ${where.noun} this change points at has changed in card "${where.cardId}"; the change is not applied`,
      where.at, `the card now says: ${closest.c.label} — update "match" if the change still applies`, related);
    return;
  }
  const list = candidates.slice(0, 8).map((c) => c.label).join('; ');
  const hint = inside
    ? `did you mean ${inside.label}? "match" is the start of the ${where.noun}`
    : candidates.length > 0 ? `the card's ${plural(where.noun)}: ${list}${candidates.length > 8 ? '; …' : ''}` : `card "${where.cardId}" has no ${plural(where.noun)}`;
  where.diagnostics.error('E_NO_MATCH', `no ${where.noun} of card "${where.cardId}" matches ${shown}; the change is not applied`, where.at, hint, related);
}

function plural(noun: string): string {
  return noun.replace(/^(question|quote|line|section)/, '$1s');
}

/** A text shortened for a hint, in quotation marks. */
export function label(written: string, extra?: string): string {
  const text = written.replace(/\s+/g, ' ').trim();
  const short = text.length > 50 ? `${text.slice(0, 50).trimEnd()}…` : text;
  return `"${short}"${extra ? ` (${extra.length > 40 ? `${extra.slice(0, 40).trimEnd()}…` : extra})` : ''}`;
}
