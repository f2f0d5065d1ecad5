// Finding the item a change in an adaptation points at: by its first words, a quote also by its source,
// anything by its `{#name}`. A change that finds nothing fails the build, naming what the card has now; it is
// called stale only when an earlier version of the card (its git history) had the item the change finds.
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
  /** Where the item is written, shown as the place to look. */
  at?: SourcePosition;
}

export interface MatchWhere {
  /** "question", "quote", "line of the notes", "section of the notes". */
  noun: string;
  cardId: string;
  /** The card file, shown as the place to look when no item is. */
  cardFile: string;
  at: SourcePosition;
  diagnostics: Diagnostics;
  /** The same kind of items in earlier versions of the card, newest first: evidence that the card has changed. */
  earlier?: () => readonly (readonly MatchCandidate[])[];
}

/** Letters and digits only, lower case: how texts are compared, so punctuation and emphasis don't matter. */
export const norm = (text: string) => text.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** The index of the first candidate the match finds; -1 after reporting an error when none does. */
export function findMatch(candidates: readonly MatchCandidate[], match: string, where: MatchWhere): number {
  const index = indexOfMatch(candidates, match);
  if (index < 0) report(candidates, match, where);
  return index;
}

function indexOfMatch(candidates: readonly MatchCandidate[], match: string): number {
  const name = match.trim().replace(/^\{#?|\}$/g, '').toLowerCase();
  const byRef = candidates.findIndex((c) => c.ref !== undefined && c.ref === name);
  if (byRef >= 0) return byRef;
  const wanted = norm(match);
  return wanted ? candidates.findIndex((c) => c.texts.some((text) => norm(text).startsWith(wanted))) : -1;
}

function report(candidates: readonly MatchCandidate[], match: string, where: MatchWhere): void {
  const wanted = norm(match);
  const shown = `"${match.length > 60 ? `${match.slice(0, 60)}…` : match}"`;
  const place = (item: MatchCandidate | undefined): SourcePosition => item?.at ?? { file: where.cardFile, line: 1, column: 1 };
  // The change was written against an earlier version of the card: the item it found then, and the item now.
  for (const version of where.earlier?.() ?? []) {
    const index = indexOfMatch(version, match);
    const then = version[index];
    if (!then) continue;
    const now = counterpart(then, index, version, candidates);
    if (now) {
      where.diagnostics.error('E_STALE_CHANGE', `the ${where.noun} this change points at has changed in card "${where.cardId}" since the change was written; the change is not applied`,
        where.at, `it said ${then.label}; the card now says ${now.label} — update "match" if the change still applies`, place(now));
    } else {
      where.diagnostics.error('E_STALE_CHANGE', `the ${where.noun} this change points at is no longer in card "${where.cardId}"; the change is not applied`,
        where.at, `it said ${then.label}; ${listOf(candidates, where)} — remove the change, or point it at one of these`, place(candidates[0]));
    }
    return;
  }
  // Words from the middle of an item: the item is there, the match should be its start.
  const inside = wanted ? candidates.find((c) => c.texts.some((text) => norm(text).includes(wanted))) : undefined;
  const near = inside ? undefined : closest(candidates, [wanted]);
  const hint = inside
    ? `did you mean ${inside.label}? "match" is the start of the ${where.noun}`
    : near ? `did you mean ${near.label}? ${listOf(candidates, where)}` : listOf(candidates, where);
  where.diagnostics.error('E_NO_MATCH', `no ${where.noun} of card "${where.cardId}" matches ${shown}; the change is not applied`, where.at, hint,
    place(inside ?? near ?? candidates[0]));
}

/**
 * What became of an earlier version's item: the item with its name; else, among the items that changed, the one
 * closest to it or, when the card has as many items as then, the one in its place.
 */
function counterpart(then: MatchCandidate, index: number, version: readonly MatchCandidate[], candidates: readonly MatchCandidate[]): MatchCandidate | undefined {
  if (then.ref) {
    const named = candidates.find((c) => c.ref === then.ref);
    if (named) return named;
  }
  const before = new Set(version.map((c) => norm(c.texts[0] ?? '')));
  const changed = candidates.filter((c) => !before.has(norm(c.texts[0] ?? '')));
  const inPlace = candidates.length === version.length ? candidates[index] : undefined;
  return closest(changed, then.texts.map(norm)) ?? (inPlace && changed.includes(inPlace) ? inPlace : undefined);
}

/** The candidate whose start is a near miss of one of `wanted` (normalised), if one is close enough to be a slip. */
function closest(candidates: readonly MatchCandidate[], wanted: readonly string[]): MatchCandidate | undefined {
  let best: { c: MatchCandidate; d: number; limit: number } | undefined;
  for (const w of wanted) {
    if (w.length < 6) continue;
    for (const c of candidates) {
      for (const text of c.texts) {
        const d = distance(norm(text).slice(0, w.length), w);
        if (!best || d < best.d) best = { c, d, limit: Math.max(3, w.length * 0.3) };
      }
    }
  }
  return best && best.d <= best.limit ? best.c : undefined;
}

function listOf(candidates: readonly MatchCandidate[], where: MatchWhere): string {
  if (candidates.length === 0) return `card "${where.cardId}" has no ${plural(where.noun)}`;
  const list = candidates.slice(0, 8).map((c) => c.label).join('; ');
  return `the card's ${plural(where.noun)}: ${list}${candidates.length > 8 ? '; …' : ''}`;
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
