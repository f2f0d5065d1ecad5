// An adaptation's changes to a shared card: replace, add or drop questions and quotes, on a copy of the card.
import { distance } from 'fastest-levenshtein';
import type { CardChanges } from '../config/schemas.js';
import type { Diagnostics } from '../diagnostics/deck-error.js';
import type { Card, Question, Quote, SourcePosition, SourceSpan } from '../model.js';

/** What the changes need from the outside: Markdown rendering and where each change was written. */
export interface ChangeContext {
  renderInline(markdown: string): string;
  plainText(markdown: string): string;
  /** Position of a change, by its path inside the card entry, e.g. ['questions', 'drop', 0]. */
  positionOf(path: (string | number)[]): SourcePosition;
  diagnostics: Diagnostics;
}

/** Letters and digits only, lower case: how `match` texts are compared, so punctuation and emphasis don't matter. */
const norm = (text: string) => text.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** The card with the changes applied. The shared card is never modified. */
export function applyCardChanges(card: Card, changes: CardChanges, context: ChangeContext): Card {
  const at = (path: (string | number)[]): SourceSpan => {
    const p = context.positionOf(path);
    return { file: p.file, startLine: p.line, endLine: p.line };
  };
  let questions = [...card.questions];
  let quotes = [...card.quotes];

  changes.questions?.replace?.forEach((change, i) => {
    const index = find(questions.map((q) => q.text), change.match, ['questions', 'replace', i, 'match'], 'question', card, context);
    if (index < 0) return;
    questions[index] = question(change.with, questions[index]!.action, at(['questions', 'replace', i, 'with']), context);
  });
  changes.questions?.drop?.forEach((match, i) => {
    const index = find(questions.map((q) => q.text), match, ['questions', 'drop', i], 'question', card, context);
    if (index >= 0) questions = questions.filter((_, j) => j !== index);
  });
  const added = (changes.questions?.add ?? []).map((text, i) => question(text, false, at(['questions', 'add', i]), context));
  if (added.length > 0) {
    const firstAction = questions.findIndex((q) => q.action);
    const before = firstAction < 0 ? questions.length : firstAction;
    questions = [...questions.slice(0, before), ...added, ...questions.slice(before)];
  }
  if (changes.questions?.action) {
    const action = question(changes.questions.action, true, at(['questions', 'action']), context);
    questions = [...questions.filter((q) => !q.action), action];
  }

  changes.quotes?.drop?.forEach((match, i) => {
    const index = find(quotes.map((q) => q.text), match, ['quotes', 'drop', i], 'quote', card, context);
    if (index >= 0) quotes = quotes.filter((_, j) => j !== index);
  });
  changes.quotes?.add?.forEach((local, i) => {
    quotes = [...quotes, quote(local.text, local.source, at(['quotes', 'add', i]), context)];
  });

  return { ...card, questions, quotes };
}

/**
 * The index of the one item whose text starts with `match`. When none does, the base card has changed
 * since the adaptation was written: warn, naming the closest current text, and leave the card as it is.
 */
function find(texts: string[], match: string, path: (string | number)[], noun: string, card: Card, context: ChangeContext): number {
  const wanted = norm(match);
  const index = texts.findIndex((text) => norm(text).startsWith(wanted));
  if (index >= 0) return index;
  const closest = texts
    .map((text) => ({ text, d: distance(norm(text).slice(0, wanted.length), wanted) }))
    .sort((a, b) => a.d - b.d)[0];
  const changed = closest && closest.d <= Math.max(3, wanted.length * 0.3);
  context.diagnostics.warning('W_STALE_CHANGE',
    changed
      ? `the ${noun} this change points at has changed in card "${card.id}"; the change is not applied`
      : `no ${noun} in card "${card.id}" starts with "${match.slice(0, 60)}"; it may have been removed; the change is not applied`,
    context.positionOf(path),
    changed ? `the card now says: "${closest.text.slice(0, 100)}" — update "match" if the change still applies` : 'remove the change, or match another item of the card',
    { file: card.file, line: 1, column: 1 });
  return -1;
}

function question(markdown: string, action: boolean, source: SourceSpan, context: ChangeContext): Question {
  return { text: context.plainText(markdown), html: context.renderInline(markdown), action, source };
}

function quote(text: string, sourceText: string, source: SourceSpan, context: ChangeContext): Quote {
  return {
    text: context.plainText(text),
    html: `<p>${context.renderInline(text)}</p>`,
    sourceText: context.plainText(sourceText),
    sourceHtml: context.renderInline(sourceText),
    source,
  };
}
