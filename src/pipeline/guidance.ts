// The guidance of a resolved deck: each card's notes and the title, agenda and closing notes, filled with the
// deck's facts, so an adaptation never inherits a line about a quote, a theme or a break it does not have.
import type { MarkdownIt, Token } from 'markdown-it';
import type { Diagnostics } from '../diagnostics/deck-error.js';
import type { Card, Deck, DeckCard, Guidance, NotesSource, SourcePosition, SourceSpan } from '../model.js';
import { unknownNameHint } from './notes/check-names.js';
import { DECK_PLACEHOLDER_NAMES, nameUsesIn } from './notes/names.js';
import { parseNotes } from './notes/parse-notes.js';
import { resolveNotes } from './notes/resolve-notes.js';
import { cardScope, deckScope, type DeckFacts, type NameScope } from './notes/scope.js';
import { quoteName, staleMentions, type GuidanceFacts } from './notes/stale-guidance.js';
import { goneSteps, keptStepTexts, plainText, repeatedWording, suggestedStepName } from './notes/stale-steps.js';
import { label } from './match.js';
import { notesWords, type NotesWords } from './notes/words.js';
import { stringsFor } from './render/strings.js';
import { dayMinutes } from './day-plan.js';
import { clockAfter } from './clock.js';

/** Markdown the manifest gives for a deck slide's notes, and where it was written. */
export interface DeckNotesText {
  markdown: string;
  /** Where the value starts in the manifest; undefined for the built-in default. */
  at?: SourcePosition & { text: string };
}

export interface GuidanceContext {
  md: MarkdownIt;
  diagnostics: Diagnostics;
  /** Deck notes already parsed, by their text: decks that extend one deck share its notes. */
  parsedNotes?: Map<string, NotesSource>;
  /** Guidance of unchanged cards already resolved in this run, by card and by what it depends on. */
  resolved?: Map<Card, Map<string, DeckCard['guidance']>>;
  /** The cards as written, by id: which names each card defines. */
  bases: ReadonlyMap<string, Card>;
  /** Where a card's entry (or one of its keys) was written in the manifest. */
  entryPosition(cardId: string, key?: string): SourcePosition | undefined;
}

type Unguided = Omit<Deck, 'guidance' | 'cards'> & { cards: DeckCard[] };

/** The deck with every card's guidance and the deck slides' guidance resolved. */
export function withGuidance(deck: Unguided, notes: Record<'title' | 'agenda' | 'closing', DeckNotesText>, context: GuidanceContext): Deck {
  const words = notesWords(deck.language);
  const facts = deckFacts(deck);
  const deckNames = deckScope(facts, words);
  const cards = deck.cards.map((placed) => {
    const base = context.bases.get(placed.card.id) ?? placed.card;
    // A card the deck does not change, with the same minutes and the same facts its notes name, reads the same
    // in every deck of the run: resolved once (what was reported about it is listed once anyway).
    const key = placed.card === base ? `${placed.minutes}|${deck.language}|${namedFacts(base).map((name) => JSON.stringify(deckNames(name))).join('|')}` : undefined;
    const known = key === undefined ? undefined : context.resolved?.get(base)?.get(key);
    if (known) return { ...placed, guidance: known };
    const { guidance, runProblem } = cardGuidance(placed, base, deckNames, words, context);
    if (key !== undefined && !runProblem && context.resolved) {
      if (!context.resolved.has(base)) context.resolved.set(base, new Map());
      context.resolved.get(base)!.set(key, guidance);
    }
    return { ...placed, guidance };
  });
  const deckNotesFacts: GuidanceFacts = { themes: facts.themeCount, videos: facts.videoCount, end: facts.end, breaksAfter: facts.breaks.flatMap((b) => b.afterTitle ?? []) };
  const deckNotes = (text: DeckNotesText, key: string) => deckGuidance(text, deckNames, deck.language, deckNotesFacts,
    text.at && text.at.file !== deck.manifestFile ? `; deck "${deck.id}" inherits these notes: give it its own with "${key}:" in its manifest` : '', deck.id, context);
  return { ...deck, cards, guidance: { title: deckNotes(notes.title, 'notes'), agenda: deckNotes(notes.agenda, 'agenda: notes'), closing: deckNotes(notes.closing, 'closing: notes') } };
}

/** A card's guidance in one deck; `runProblem` when its run could not be fitted (the warning names the deck's entry). */
function cardGuidance(placed: DeckCard, base: Card, deckNames: NameScope, words: NotesWords, context: GuidanceContext): { guidance: DeckCard['guidance']; runProblem: boolean } {
  const scope = cardScope(base, placed.card, placed.minutes, deckNames, words);
  const cardFacts: GuidanceFacts = {
    quotes: placed.card.quotes.length,
    droppedQuotes: base.quotes.filter((q) => !placed.card.quotes.includes(q)).flatMap((q) => quoteName(q.sourceText) ?? []),
    questions: placed.card.questions.filter((q) => !q.action).length,
  };
  // A line that contradicts the deck is reported where the consultant can act: the card's entry when the deck changed the card.
  const adapted = placed.card !== base;
  const warn = (message: string, source: SourceSpan, hint: string) => {
    const inCard = { file: source.file, line: source.startLine, column: 1 };
    context.diagnostics.warning('W_STALE_GUIDANCE', `the notes of card "${placed.card.id}" ${message}`,
      (adapted ? context.entryPosition(placed.card.id) : undefined) ?? inCard, hint, adapted ? inCard : undefined);
  };
  const lines: { tokens: readonly Token[]; source: SourceSpan }[] = [];
  const onLine = (text: string, source: SourceSpan, tokens: readonly Token[]) => {
    lines.push({ tokens, source });
    for (const stale of staleMentions(text, cardFacts)) warn(stale.message, source, stale.hint);
  };
  let runProblem = false;
  const guidance: DeckCard['guidance'] = {};
  for (const [target, source] of Object.entries(placed.card.notes) as [keyof Card['notes'], Card['notes'][keyof Card['notes']]][]) {
    guidance[target] = resolveNotes(source, {
      scope, words, md: context.md, runMinutes: placed.minutes, onLine,
      onRunProblem: (problem, section) => {
        runProblem = true;
        const run = { file: section.source.file, line: section.source.startLine, column: 1 };
        context.diagnostics.warning('W_RUN_TOO_SHORT',
          problem === 'too-short'
            ? `card "${placed.card.id}" has ${placed.minutes} min in this deck, fewer than the ${section.blocks.filter((b) => b.kind === 'step').length} steps of its run; each step is shown with 1 min`
            : `card "${placed.card.id}" has ${placed.minutes} min in this deck, too few for the fixed steps of its run; all its steps are fitted in proportion`,
          context.entryPosition(placed.card.id, 'minutes') ?? run, 'give the card more minutes, or drop a step with the card\'s "notes:" changes', run);
      },
    });
  }
  warnRepeatedSteps(base, placed.card, scope, words, lines, warn);
  return { guidance, runProblem };
}

/**
 * Lines that repeat the words of a step the deck no longer has, without naming it: they stay when the step goes.
 * (A line that names the step has gone with it, and is not among the lines the deck keeps.)
 */
function warnRepeatedSteps(base: Card, card: Card, scope: NameScope, words: NotesWords, lines: readonly { tokens: readonly Token[]; source: SourceSpan }[],
  warn: (message: string, source: SourceSpan, hint: string) => void): void {
  const gone = goneSteps(base, card, scope, words);
  if (gone.length === 0) return;
  const kept = keptStepTexts(card, scope, words);
  for (const line of lines) {
    const own = plainText(line.tokens, words);
    for (const { step, text, plain } of gone) {
      const repeated = repeatedWording(own, plain, kept);
      if (!repeated) continue;
      const name = step.ref ?? suggestedStepName(plain);
      warn(`repeat "${repeated}" from the step ${label(text.split('\n')[0]!)} of the run, which this deck no longer has`, line.source,
        `${step.ref ? '' : `give the step a name at the end of its line in the card ("{#${name}}") and `}end this line with "{${name}}", so that it goes with the step; or change the line with "notes:" in the card's entry`);
    }
  }
}

/** The deck placeholders a card's notes use (its guidance depends on their values), computed once per card. */
function namedFacts(card: Card): string[] {
  let names = namedFactsOf.get(card);
  if (!names) {
    const inlines = Object.values(card.notes).flatMap((n) => n.sections.flatMap((s) => s.blocks.flatMap((b) => b.tokens.filter((t) => t.type === 'inline'))));
    names = [...new Set(nameUsesIn(inlines).flatMap((use) => use.names))].filter((name) => DECK_PLACEHOLDER_NAMES.has(name)).sort();
    namedFactsOf.set(card, names);
  }
  return names;
}

const namedFactsOf = new WeakMap<Card, string[]>();

/** The facts of a deck that notes may name with placeholders. */
export function deckFacts(deck: Unguided): DeckFacts {
  const titleOf = (id: string | undefined) => deck.cards.find((c) => c.card.id === id)?.card.title;
  const optional = <K extends string>(key: K, value: string | undefined) => (value ? { [key]: value } : {}) as Partial<Record<K, string>>;
  return {
    ...optional('municipality', deck.municipality),
    ...optional('date', deck.date ? stringsFor(deck.language).date(deck.date) : undefined),
    ...optional('place', deck.place),
    ...optional('facilitator', deck.facilitator),
    start: deck.start,
    end: clockAfter(deck.start, dayMinutes(deck).total),
    themeCount: deck.cards.filter((c) => c.themeNumber !== undefined).length,
    videoCount: deck.cards.reduce((sum, c) => sum + c.card.videos.length, 0),
    breaks: deck.breaks.map((b) => {
      const next = deck.cards.find((c) => c.offsetMinutes >= b.offsetMinutes + b.minutes)?.card.title;
      return {
        minutes: b.minutes,
        at: clockAfter(deck.start, b.offsetMinutes),
        ...optional('title', b.title),
        ...optional('afterTitle', titleOf(b.afterCard)),
        ...(b.afterCard ? {} : optional('beforeTitle', next)),
      };
    }),
  };
}

/** A deck slide's notes: Markdown from the manifest (or the default), with the deck's placeholders filled. */
function deckGuidance(text: DeckNotesText, scope: NameScope, language: string, facts: GuidanceFacts, inherited: string, deckId: string, context: GuidanceContext): Guidance {
  const at = text.at;
  const key = `${context.md.options.html}:${at?.file ?? ''}:${at?.line ?? 0}:${text.markdown}`;
  let notes = context.parsedNotes?.get(key);
  if (!notes) {
    let listId = 0;
    const tokens = context.md.parse(text.markdown, {});
    notes = parseNotes(tokens, { file: at?.file ?? '', lineOf: (line) => (at ? at.line + 1 + line : 1), nextListId: () => ++listId });
    context.parsedNotes?.set(key, notes);
  }
  if (at) {
    const inlines = notes.sections.flatMap((s) => s.blocks.flatMap((b) => b.tokens.filter((t) => t.type === 'inline')));
    for (const use of nameUsesIn(inlines)) {
      for (const name of use.names) {
        if (scope(name) !== undefined) continue;
        context.diagnostics.error('E_UNKNOWN_REFERENCE', `the notes name "{${name}}", which is no placeholder of a deck's notes`,
          locateAfter(at, use.written), unknownNameHint(name, []));
      }
    }
  }
  const onLine = (line: string) => {
    for (const stale of staleMentions(line, facts)) {
      if (at) context.diagnostics.warning('W_STALE_GUIDANCE', `the notes ${stale.message.replace('this deck', `deck "${deckId}"`)}`, locateAfter(at, stale.words), stale.hint + inherited);
    }
  };
  return resolveNotes(notes, { scope, words: notesWords(language), md: context.md, onLine });
}

/** Where `needle` is first written at or after a position in a file's text. */
export function locateAfter(at: SourcePosition & { text: string }, needle: string): SourcePosition {
  const lines = at.text.split(/\r?\n/);
  for (let line = at.line; line <= lines.length; line++) {
    const column = lines[line - 1]!.indexOf(needle, line === at.line ? at.column - 1 : 0);
    if (column >= 0) return { file: at.file, line, column: column + 1 };
  }
  return { file: at.file, line: at.line, column: at.column };
}
