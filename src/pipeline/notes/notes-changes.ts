// An adaptation's changes to a card's facilitator notes: lines, steps of the run and whole sections are
// replaced, added or dropped, found like questions (by their first words), on a copy of the card's notes.
import type { Token } from 'markdown-it';
import type { NotesChanges } from '../../config/schemas.js';
import type { Card, NotesBlockSource, NotesSource, NotesTarget, SourcePosition } from '../../model.js';
import type { ChangeContext } from '../card-changes.js';
import { findMatch, label, type MatchCandidate } from '../match.js';
import { quoteLabel } from './stale-guidance.js';
import { unknownNameHint, cardRefs } from './check-names.js';
import { DECK_PLACEHOLDER_NAMES, nameUsesIn } from './names.js';
import { parseNotes, takeStepMinutes, takeStepRef } from './parse-notes.js';
import { shownText } from './resolve-notes.js';
import { tokensText } from './tokens.js';
import { cardScope, type NameScope } from './scope.js';
import { runSteps } from './steps.js';
import { notesWords } from './words.js';

const TARGETS: readonly NotesTarget[] = ['card', 'quotes', 'questions', 'action'];
const STEP_PREFIX = /^\s*\(\s*(?:ca\.?\s*)?\d+(?:[.,]\d+)?\s*(?:min\.?|minut(?:ter)?|minutes?)\s*(?:,\s*(?:fast|fixed)\s*)?\)\s*/iu;
type Path = (string | number)[];
interface Place { target: NotesTarget; section: number; block?: number }

/** The card's notes with the changes applied; `base` is the card as written, `card` after question and quote changes. */
export function applyNotesChanges(base: Card, card: Card, changes: NotesChanges, context: ChangeContext): Card['notes'] {
  const notes: Card['notes'] = {};
  for (const target of TARGETS) {
    const source = card.notes[target];
    if (source) notes[target] = { sections: source.sections.map((s) => ({ ...s, blocks: [...s.blocks] })) };
  }
  const lines = (targets: readonly NotesTarget[]) => lineCandidates(notes, targets, base, card);
  const sections = (targets: readonly NotesTarget[]) => sectionCandidates(notes, targets);
  // The same kind of items in earlier versions of the card: a change written against one of them is stale.
  const earlier = (noun: string, targets: readonly NotesTarget[]) => () => (context.earlier?.(base) ?? [])
    .map((old) => (noun === 'line of the notes' ? lineCandidates(old.notes, targets, old, old) : sectionCandidates(old.notes, targets)));
  const where = (path: Path, noun: string, targets: readonly NotesTarget[] = TARGETS) => ({
    noun, cardId: card.id, cardFile: card.file, at: context.positionOf(['notes', ...path]), diagnostics: context.diagnostics, earlier: earlier(noun, targets),
  });
  const targetsOf = (forTarget: NotesTarget | undefined) => (forTarget ? [forTarget] : TARGETS);
  // Lists made by the changes are numbered after the card's own, so they never join one of them.
  let listId = Math.max(0, ...Object.values(notes).flatMap((n) => n.sections.flatMap((s) => s.blocks.map((b) => b.list?.id ?? 0))));
  const parse = (markdown: string, path: Path) => parseFragment(markdown, context, path, () => ++listId);
  // Names in new text are checked once every change is made: a step it names may be dropped by a later one.
  const added: { tokens: Token[]; path: Path }[] = [];
  const checkNames = (tokens: Token[], path: Path) => added.push({ tokens, path });

  changes.replace?.forEach((change, i) => {
    const path = ['replace', i, 'match' in change ? 'match' : 'section'];
    if ('match' in change) {
      const found = pick(lines(targetsOf(change.for)), change.match, where(path, 'line of the notes', targetsOf(change.for)));
      if (!found) return;
      const section = notes[found.target]!.sections[found.section]!;
      const old = section.blocks[found.block!]!;
      const fresh = reshape(old, change.with, ['replace', i, 'with'], parse);
      if (!fresh) return;
      fresh.forEach((b) => checkNames(b.tokens, ['replace', i, 'with']));
      section.blocks.splice(found.block!, 1, ...fresh);
    } else {
      const found = pick(sections(targetsOf(change.for)), change.section, where(path, 'section of the notes', targetsOf(change.for)));
      if (!found) return;
      const section = notes[found.target]!.sections[found.section]!;
      const fresh = parse(section.run ? `**${section.run.base}**\n\n${change.with}` : change.with, ['replace', i, 'with']);
      const blocks = fresh.sections.flatMap((s) => s.blocks);
      blocks.forEach((b) => checkNames(b.tokens, ['replace', i, 'with']));
      notes[found.target]!.sections[found.section] = { ...section, blocks, ...(section.run ? { run: { ...section.run, scalable: fresh.sections[0]?.run?.scalable ?? false } } : {}) };
    }
  });

  changes.add?.forEach((change, i) => {
    const target = change.for ?? 'card';
    const into = (notes[target] ??= { sections: [] });
    if ('title' in change) {
      const fresh = parse(`**${change.title.replace(/\*/g, '\\*')}**\n\n${change.text}`, ['add', i, 'text']);
      fresh.sections.flatMap((s) => s.blocks).forEach((b) => checkNames(b.tokens, ['add', i, 'text']));
      into.sections.push(...fresh.sections);
      return;
    }
    let place: Place | undefined = { target, section: into.sections.length - 1 };
    if (change.section) place = pick(sections([target]), change.section, where(['add', i, 'section'], 'section of the notes', [target]));
    if (place && change.after) {
      const within = lines([target]).filter((c) => change.section === undefined || c.place.section === place!.section);
      place = pick(within, change.after, where(['add', i, 'after'], 'line of the notes', [target]));
    }
    if (!place) return;
    if (place.section < 0) {
      // Notes of slides that had none: the line starts them.
      const p = context.positionOf(['notes', 'add', i]);
      into.sections.push({ blocks: [], source: { file: p.file, startLine: p.line, endLine: p.line } });
      place = { target, section: 0 };
    }
    const section = into.sections[place.section]!;
    const at = place.block ?? section.blocks.length - 1;
    // The text takes the form of the line before it (an item in a list, a step in the run); put at the end
    // of the notes without naming a section, it is never a step.
    const before = section.blocks[at];
    const anchor = change.section || change.after || before?.kind !== 'step' ? before : undefined;
    const fresh = anchor ? reshape(anchor, change.text, ['add', i, 'text'], parse, context) : parse(change.text, ['add', i, 'text']).sections.flatMap((s) => s.blocks);
    if (!fresh) return;
    fresh.forEach((b) => checkNames(b.tokens, ['add', i, 'text']));
    section.blocks.splice(at + 1, 0, ...fresh);
  });

  changes.drop?.forEach((change, i) => {
    const entry = typeof change === 'string' ? { match: change } : change;
    const path = typeof change === 'string' ? ['drop', i] : ['drop', i, 'match' in entry ? 'match' : 'section'];
    if ('match' in entry) {
      const found = pick(lines(targetsOf(entry.for)), entry.match, where(path, 'line of the notes', targetsOf(entry.for)));
      if (found) notes[found.target]!.sections[found.section]!.blocks.splice(found.block!, 1);
    } else {
      const found = pick(sections(targetsOf(entry.for)), entry.section, where(path, 'section of the notes', targetsOf(entry.for)));
      if (found) notes[found.target]!.sections.splice(found.section, 1);
    }
  });
  for (const { tokens, path } of added) checkAddedNames(tokens, base, { ...card, notes }, context, path);
  return notes;
}

type Candidate = MatchCandidate & { place: Place };

function pick(candidates: readonly Candidate[], match: string, where: Parameters<typeof findMatch>[2]): Place | undefined {
  const index = findMatch(candidates, match.replace(STEP_PREFIX, ''), where);
  return index < 0 ? undefined : candidates[index]!.place;
}

/** Every line of the notes, as written and as shown (questions by number), with its section for hints. */
function lineCandidates(notes: Card['notes'], targets: readonly NotesTarget[], base: Card, card: Card): Candidate[] {
  const shown = (['da', 'en'] as const).map((language) => {
    const words = notesWords(language);
    return cardScope(base, card, card.minutes, () => null, words);
  });
  return targets.flatMap((target) => (notes[target]?.sections ?? []).flatMap((section, s) => section.blocks.map((block, b) => {
    // As the card file has it ({names} and all), as shown in a deck (in either language), and with the names left out.
    const texts = [tokensText(block.tokens), ...shown.map((scope, k) => shownText(block.tokens, scope, notesWords(k === 0 ? 'da' : 'en'))),
      shownText(block.tokens, () => null, notesWords('da'))];
    return { texts, ...(block.ref ? { ref: block.ref } : {}), label: label(texts[1]!.split('\n')[0]!, section.title), place: { target, section: s, block: b },
      at: { file: block.source.file, line: block.source.startLine, column: 1 } };
  })));
}

function sectionCandidates(notes: Card['notes'], targets: readonly NotesTarget[]): Candidate[] {
  return targets.flatMap((target) => (notes[target]?.sections ?? []).flatMap((section, s) => section.title
    ? [{ texts: [section.run?.base ?? section.title, section.title], label: label(section.run?.base ?? section.title), place: { target, section: s },
      at: { file: section.source.file, line: section.source.startLine, column: 1 } }]
    : []));
}

/**
 * New text in the form of the block it replaces or follows: a step, an item, or paragraphs. A replaced step
 * keeps its minutes when the text gives none; an added step (`added` is given) must give them.
 */
function reshape(like: NotesBlockSource, markdown: string, path: Path, parse: (markdown: string, path: Path) => NotesSource,
  added?: ChangeContext): NotesBlockSource[] | undefined {
  if (like.kind === 'paragraph' || like.kind === 'other') return parse(markdown, path).sections.flatMap((s) => s.blocks);
  const indented = markdown.trim().replace(/\n/g, '\n   ');
  const item = parse(`${like.list?.ordered ? '1.' : '-'} ${indented}`, path).sections.flatMap((s) => s.blocks)[0];
  if (!item) return undefined;
  const inList = { ...item, ...(like.list ? { list: like.list } : {}) };
  if (like.kind !== 'step' && like.ref === undefined) return [{ ...inList, kind: 'item' }];
  // A step keeps the name of the step it replaces unless the new text gives its own; an added step has only its own.
  const named = takeStepRef(inList.tokens);
  const ref = named?.ref ?? (added ? undefined : like.ref);
  const shape = { ...inList, tokens: named?.tokens ?? inList.tokens, ...(ref === undefined ? {} : { ref }) };
  if (like.kind !== 'step') return [{ ...shape, kind: 'item' }];
  const minutes = takeStepMinutes(shape.tokens);
  if (minutes) return [{ ...shape, kind: 'step', tokens: minutes.tokens, minutes: minutes.minutes, fixed: minutes.fixed }];
  if (added) {
    added.diagnostics.error('E_STEP_MINUTES', 'a step added to the run needs its minutes', added.positionOf(['notes', ...path]),
      'start the text with the minutes, e.g. "(3 min) Gennemgå jeres egne debatregler."');
    return undefined;
  }
  return [{ ...shape, kind: 'step', minutes: like.minutes ?? 0, fixed: like.fixed ?? false }];
}

/** Markdown written in the manifest, parsed like a card's notes; its positions are the change's. */
function parseFragment(markdown: string, context: ChangeContext, path: Path, nextListId: () => number): NotesSource {
  const at = context.positionOf(['notes', ...path]);
  const tokens = context.md.parse(markdown, {});
  return parseNotes(tokens, { file: at.file, lineOf: () => at.line, diagnostics: context.diagnostics, nextListId });
}

/**
 * Names in text an adaptation writes must be known to the card (or to a step the adaptation adds); a name of
 * an item or step the deck drops leaves its line out, which the consultant is told. `card` has the changed notes.
 */
function checkAddedNames(tokens: readonly Token[], base: Card, card: Card, context: ChangeContext, path: Path): void {
  // Every deck fact counts as present here: which ones a deck has is not known until it is resolved.
  const scope = cardScope(base, card, card.minutes, (name) => (DECK_PLACEHOLDER_NAMES.has(name) ? { kind: 'text', text: '' } : undefined), notesWords('da'));
  const refs = new Set([...cardRefs(base), ...cardRefs(card)]);
  const at: SourcePosition = context.positionOf(['notes', ...path]);
  for (const use of nameUsesIn(tokens.filter((t) => t.type === 'inline'))) {
    for (const name of use.names) {
      const value = scope(name);
      if (value === undefined) {
        context.diagnostics.error('E_UNKNOWN_REFERENCE', `the notes name "{${name}}", which is no question, quote or step of card "${base.id}" and no placeholder`, at,
          unknownNameHint(name, [...refs]));
      } else if (value === null && refs.has(name)) {
        context.diagnostics.warning('W_STALE_GUIDANCE', `this line names "{${name}}", ${itemLabel(base, card, name, scope)}, which this deck drops from card "${base.id}"; the line is left out`, at,
          'name an item the deck keeps, or leave the line out');
      }
    }
  }
}

/** What a name stands for, in a message: 'the quote from TV2 Øst', 'the question "Hvilken omgangstone …"', 'the step "…"'. */
function itemLabel(base: Card, card: Card, name: string, scope: NameScope): string {
  const quote = base.quotes.find((q) => q.ref === name);
  if (quote) return quoteLabel(quote.sourceText);
  const question = base.questions.find((q) => q.ref === name);
  if (question) return `the question ${label(question.text)}`;
  const step = [...runSteps(base.notes), ...runSteps(card.notes)].find((s) => s.ref === name);
  return step ? `the step ${label(shownText(step.tokens, scope, notesWords('da')).split('\n')[0]!)}` : `"${name}"`;
}
