// An adaptation's changes to a shared card: replace, add or drop questions, quotes and notes, on a copy of the card.
import type { MarkdownIt } from 'markdown-it';
import type { CardChanges } from '../config/schemas.js';
import type { Diagnostics } from '../diagnostics/deck-error.js';
import type { Card, Question, Quote, SourcePosition, SourceSpan } from '../model.js';
import { findMatch, label, type MatchCandidate } from './match.js';
import { applyNotesChanges } from './notes/notes-changes.js';

/** What the changes need from the outside: Markdown and where each change was written. */
export interface ChangeContext {
  md: MarkdownIt;
  renderInline(markdown: string): string;
  plainText(markdown: string): string;
  /** Position of a change, by its path inside the card entry, e.g. ['questions', 'drop', 0]. */
  positionOf(path: (string | number)[]): SourcePosition;
  diagnostics: Diagnostics;
  /** Earlier versions of a card (from the project's history), newest first: a change that finds nothing may be stale. */
  earlier?: (card: Card) => readonly Card[];
}

/** The card with the changes applied. The shared card is never modified. */
export function applyCardChanges(card: Card, changes: CardChanges, context: ChangeContext): Card {
  const at = (path: (string | number)[]): SourceSpan => {
    const p = context.positionOf(path);
    return { file: p.file, startLine: p.line, endLine: p.line };
  };
  const find = <T extends Question | Quote>(items: T[], match: string, path: (string | number)[], noun: 'question' | 'quote') =>
    findMatch(items.map(candidate), match, {
      noun, cardId: card.id, cardFile: card.file, at: context.positionOf(path), diagnostics: context.diagnostics,
      earlier: () => (context.earlier?.(card) ?? []).map((old) => (noun === 'question' ? old.questions : old.quotes).map(candidate)),
    });
  let questions = [...card.questions];
  let quotes = [...card.quotes];

  changes.questions?.replace?.forEach((change, i) => {
    const index = find(questions, change.match, ['questions', 'replace', i, 'match'], 'question');
    if (index < 0) return;
    // The new wording takes the old one's place, and its name: guidance about that question still applies.
    const old = questions[index]!;
    questions[index] = { ...question(change.with, old.action, at(['questions', 'replace', i, 'with']), context), ...(old.ref ? { ref: old.ref } : {}) };
  });
  changes.questions?.drop?.forEach((match, i) => {
    const index = find(questions, match, ['questions', 'drop', i], 'question');
    if (index >= 0) questions = questions.filter((_, j) => j !== index);
  });
  const added = (changes.questions?.add ?? []).map((text, i) => question(text, false, at(['questions', 'add', i]), context));
  if (added.length > 0) {
    const firstAction = questions.findIndex((q) => q.action);
    const before = firstAction < 0 ? questions.length : firstAction;
    questions = [...questions.slice(0, before), ...added, ...questions.slice(before)];
  }
  if (changes.questions?.action) {
    const old = questions.find((q) => q.action);
    const action = { ...question(changes.questions.action, true, at(['questions', 'action']), context), ...(old?.ref ? { ref: old.ref } : {}) };
    questions = [...questions.filter((q) => !q.action), action];
  }

  changes.quotes?.drop?.forEach((match, i) => {
    const index = find(quotes, match, ['quotes', 'drop', i], 'quote');
    if (index >= 0) quotes = quotes.filter((_, j) => j !== index);
  });
  changes.quotes?.add?.forEach((local, i) => {
    quotes = [...quotes, quote(local.text, local.source, at(['quotes', 'add', i]), context)];
  });

  const changed = { ...card, questions, quotes };
  return changes.notes ? { ...changed, notes: applyNotesChanges(card, changed, changes.notes, context) } : changed;
}

/** A question or quote as a change can find it: by its text, a quote also by its source, either by its name. */
function candidate(item: Question | Quote): MatchCandidate {
  const source = 'sourceText' in item ? item.sourceText : undefined;
  return {
    texts: source ? [item.text, source] : [item.text], ...(item.ref ? { ref: item.ref } : {}), label: label(item.text, source),
    at: { file: item.source.file, line: item.source.startLine, column: 1 },
  };
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
