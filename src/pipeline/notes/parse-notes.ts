// Notes as written into sections and blocks: a bold line ("**Formål**") or a heading starts a section, and
// the section called "Forløb" (or "Run") is the card's run, whose numbered steps start with their minutes.
import type { Token } from 'markdown-it';
import type { Diagnostics } from '../../diagnostics/deck-error.js';
import type { NotesBlockSource, NotesSectionSource, NotesSource, SourceSpan } from '../../model.js';
import { inlineText } from '../parse/markdown.js';
import { takeRefDefinition } from '../parse/ref-definition.js';
import { cloneToken, closingIndex } from './tokens.js';

/** Titles of the run section, compared in lower case. */
const RUN_TITLES = ['forløb', 'run'];

/** "(2 min)", "(2 min.)", "(2 minutter)", "(ca. 2 min)", "(2 min, fast)" at the start of a step. */
const STEP_MINUTES = /^\(\s*(?:ca\.?\s*)?(\d+(?:[.,]\d+)?)\s*(?:min\.?|minut(?:ter)?|minutes?)\s*(?:,\s*(fast|fixed)\s*)?\)\s*/iu;

/** A trailing "(15 min)" or "(ca. 3 min)" of a title. */
const TITLE_TAIL = /\s*\([^()]*\)\s*:?\s*$/u;

export interface NotesParseContext {
  file: string;
  /** The file line of a token's first line (`token.map[0]`). */
  lineOf(map0: number): number;
  /** Reports runs that cannot be scaled; left out when parsing text an adaptation adds. */
  diagnostics?: Diagnostics;
  /** Gives each list a number, unique within the notes. */
  nextListId(): number;
}

/** The sections of one notes block's tokens (what lies between `::: notes` and `:::`). */
export function parseNotes(tokens: readonly Token[], context: NotesParseContext): NotesSource {
  const sections: NotesSectionSource[] = [];
  let section: NotesSectionSource | undefined;
  const span = (token: Token, last = token): SourceSpan => ({
    file: context.file,
    startLine: context.lineOf(token.map?.[0] ?? 0),
    endLine: context.lineOf(Math.max(0, (last.map?.[1] ?? token.map?.[1] ?? 1) - 1)),
  });
  const current = (token: Token) => {
    if (!section) sections.push((section = { blocks: [], source: span(token) }));
    return section;
  };

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const end = closingIndex(tokens, i);
    const block = tokens.slice(i, end + 1);
    const title = titleOf(block);
    if (title) {
      const base = title.text.replace(TITLE_TAIL, '').trim();
      section = { title: title.text, titleTokens: block, blocks: [], source: span(token) };
      if (RUN_TITLES.includes(base.toLowerCase())) section.run = { base, scalable: false };
      sections.push(section);
    } else if (token.type === 'bullet_list_open' || token.type === 'ordered_list_open') {
      listItems(block, current(token), context, span);
    } else if (token.type === 'paragraph_open') {
      current(token).blocks.push({ kind: 'paragraph', tokens: block, source: span(token) });
    } else {
      current(token).blocks.push({ kind: 'other', tokens: block, source: span(token) });
    }
    i = end;
  }
  for (const s of sections) if (s.run) checkRun(s, context);
  return { sections };
}

/** A heading, or a paragraph that is only bold text (and perhaps "(15 min)" after it), is a section title. */
function titleOf(block: readonly Token[]): { text: string } | undefined {
  const [open, inline] = block;
  if (!open || inline?.type !== 'inline') return undefined;
  if (open.type === 'heading_open') return { text: inlineText(inline.children ?? []) };
  if (open.type !== 'paragraph_open') return undefined;
  // markdown-it leaves empty text tokens around emphasis.
  const children = (inline.children ?? []).filter((c) => c.type !== 'text' || c.content !== '');
  if (children[0]?.type !== 'strong_open') return undefined;
  const close = children.findIndex((c) => c.type === 'strong_close');
  if (close < 0) return undefined;
  const rest = inlineText(children.slice(close + 1));
  if (rest && !/^\([^()]*\)$/u.test(rest)) return undefined;
  return { text: inlineText(children) };
}

/** The items of a list, each a block; in the run's first list, items with minutes are steps. */
function listItems(list: readonly Token[], section: NotesSectionSource, context: NotesParseContext, span: (t: Token, last?: Token) => SourceSpan): void {
  const open = list[0]!;
  const ordered = open.type === 'ordered_list_open';
  const start = ordered ? Number(open.attrGet('start') ?? 1) : undefined;
  const meta = { id: context.nextListId(), ordered, ...(start !== undefined && start !== 1 ? { start } : {}) };
  const steps = section.run !== undefined && !section.blocks.some((b) => b.kind === 'step' || b.kind === 'item');
  for (let i = 1; i < list.length - 1; i++) {
    if (list[i]!.type !== 'list_item_open') continue;
    const end = closingIndex(list, i);
    const inner = list.slice(i + 1, end);
    const block: NotesBlockSource = { kind: 'item', list: meta, tokens: inner, source: span(list[i]!, list[end - 1]) };
    if (steps) {
      // A step may end with its name ("{#grupper}"), so that lines elsewhere that are about it go when it goes.
      const named = takeStepRef(block.tokens);
      if (named) Object.assign(block, { tokens: named.tokens, ref: named.ref });
      const minutes = takeStepMinutes(block.tokens);
      if (minutes) Object.assign(block, { kind: 'step', tokens: minutes.tokens, minutes: minutes.minutes, fixed: minutes.fixed });
    }
    section.blocks.push(block);
    i = end;
  }
}

/** Reads and removes "(2 min)" at the start of an item; undefined when the item has none. */
export function takeStepMinutes(inner: readonly Token[]): { tokens: Token[]; minutes: number; fixed: boolean } | undefined {
  const at = inner.findIndex((t) => t.type === 'inline');
  const inline = inner[at];
  const first = inline?.children?.[0];
  if (!inline || first?.type !== 'text') return undefined;
  const match = STEP_MINUTES.exec(first.content);
  if (!match) return undefined;
  const copy = cloneToken(inline);
  copy.children![0]!.content = first.content.slice(match[0].length);
  copy.content = copy.content.replace(STEP_MINUTES, '');
  const tokens = [...inner];
  tokens[at] = copy;
  return { tokens, minutes: Number(match[1]!.replace(',', '.')), fixed: Boolean(match[2]) };
}

/** Reads and removes a "{#name}" at the end of a step's own text; undefined when it has none. */
export function takeStepRef(inner: readonly Token[]): { tokens: Token[]; ref: string } | undefined {
  const at = inner.findIndex((t) => t.type === 'inline');
  const inline = inner[at];
  const children = inline?.children ?? [];
  const last = children.findLastIndex((c) => c.type === 'text' && c.content.trim() !== '');
  if (!inline || last < 0) return undefined;
  const { text, ref } = takeRefDefinition(children[last]!.content);
  if (ref === undefined) return undefined;
  const copy = cloneToken(inline);
  copy.children![last]!.content = text;
  copy.content = takeRefDefinition(copy.content).text;
  const tokens = [...inner];
  tokens[at] = copy;
  return { tokens, ref };
}

/** A run is scalable when it has steps and every item of its first list carries minutes. */
function checkRun(section: NotesSectionSource, context: NotesParseContext): void {
  const run = section.run!;
  const firstList = section.blocks.find((b) => b.kind === 'step' || b.kind === 'item')?.list?.id;
  const items = section.blocks.filter((b) => b.list?.id === firstList && firstList !== undefined);
  const missing = items.find((b) => b.kind !== 'step');
  run.scalable = items.length > 0 && !missing;
  if (run.scalable) return;
  // Steps of a list that cannot be scaled are shown as the items they are.
  for (const b of items) {
    if (b.kind === 'step') b.kind = 'item';
  }
  const where = missing?.source ?? section.source;
  context.diagnostics?.warning('W_RUN_NOT_SCALED',
    missing
      ? `a step of the run ("${run.base}") has no minutes; the run is shown as written, not fitted to the deck's minutes`
      : `the run ("${run.base}") has no numbered steps with minutes; it is shown as written, not fitted to the deck's minutes`,
    { file: where.file, line: where.startLine, column: 1 },
    'start every step with its minutes, e.g. "2. (5 min) Spørgsmål 2 to og to", and add "fast" to keep a step\'s minutes: "(2 min, fast)"');
}
