// Notes as one deck shows them: lines about items the deck dropped left out, `{names}` filled, the run fitted.
import type { MarkdownIt, Token } from 'markdown-it';
import type { Guidance, GuidanceBlock, GuidanceSection, GuidanceStep, NotesBlockSource, NotesSectionSource, NotesSource, SourceSpan } from '../../model.js';
import { escapeHtml } from '../render/html.js';
import { nameUses, type NameUse } from './names.js';
import { scaleSteps, writtenMinutes, type ScaledRun } from './run.js';
import { namesMissing, type NameScope, type NameValue } from './scope.js';
import { cloneToken, closingIndex, ownInlines, tokensText } from './tokens.js';
import type { NotesWords } from './words.js';

export interface ResolveNotesContext {
  scope: NameScope;
  words: NotesWords;
  md: MarkdownIt;
  /** The minutes the deck gives the card: its run is fitted to them. None for the deck's own notes. */
  runMinutes?: number;
  /** Told when a run could not be fitted as its steps ask (more steps than minutes, or fixed steps too long). */
  onRunProblem?: (problem: NonNullable<ScaledRun['problem']>, section: NotesSectionSource) => void;
  /**
   * Shown each line the deck keeps, as the facilitator will read it, e.g. to look for words that contradict the
   * deck; `tokens` are the line's as the deck keeps them, before its names are filled.
   */
  onLine?: (text: string, source: SourceSpan, tokens: readonly Token[]) => void;
}

/** Resolves notes for one deck. */
export function resolveNotes(notes: NotesSource | undefined, context: ResolveNotesContext): Guidance {
  const sections: GuidanceSection[] = [];
  for (const section of notes?.sections ?? []) {
    const kept = section.blocks.filter((block) => !namesMissing(ownInlines(block.tokens), context.scope));
    if (kept.length === 0 && section.blocks.length > 0) continue;
    sections.push(resolveSection(section, kept, context));
  }
  return { sections };
}

function resolveSection(section: NotesSectionSource, kept: readonly NotesBlockSource[], context: ResolveNotesContext): GuidanceSection {
  const { md, words } = context;
  const render = (tokens: Token[]) => md.renderer.render(tokens, md.options, {}).trim();
  const filled = kept.map((block) => {
    const shown = dropMissingItems(block.tokens, context.scope);
    const tokens = fillNames(shown, context);
    const text = tokensText(tokens);
    context.onLine?.(text, block.source, shown);
    return { block, html: render(tokens), text };
  });

  const blocks: GuidanceBlock[] = [];
  const run = section.run;
  const runMinutes = context.runMinutes ?? writtenMinutes(section);
  let scaled: number[] = [];
  if (run?.scalable) {
    const steps = kept.filter((b) => b.kind === 'step');
    const result = scaleSteps(steps.map((b) => ({ minutes: b.minutes ?? 0, fixed: b.fixed ?? false })), runMinutes);
    if (result.problem) context.onRunProblem?.(result.problem, section);
    scaled = result.minutes;
  } else if (run) {
    const written = /\((?:ca\.?\s*)?(\d+)\s*min/iu.exec(section.title ?? '')?.[1];
    if (written && Number(written) !== Math.round(runMinutes)) {
      blocks.push({ type: 'text', html: `<p><em>${escapeHtml(words.runWrittenFor(Number(written)))}</em></p>`, text: words.runWrittenFor(Number(written)) });
    }
  }

  let step = 0;
  let openList: number | undefined;
  for (const { block, html, text } of filled) {
    const last = blocks.at(-1);
    const list = block.kind === 'item' ? block.list : undefined;
    if (block.kind === 'step') {
      const item: GuidanceStep = { html, text, minutes: scaled[step++] ?? Math.round(block.minutes ?? 0), writtenMinutes: block.minutes ?? 0, fixed: block.fixed ?? false };
      if (last?.type === 'steps') last.steps.push(item);
      else blocks.push({ type: 'steps', steps: [item] });
    } else if (list && last?.type === 'list' && openList === list.id) {
      last.items.push({ html, text });
    } else if (list) {
      blocks.push({ type: 'list', ordered: list.ordered, ...(list.start ? { start: list.start } : {}), items: [{ html, text }] });
    } else {
      blocks.push({ type: 'text', html, text });
    }
    openList = list?.id;
  }

  const title = run ? words.runTitle(run.base, Math.round(runMinutes)) : section.title;
  const titleHtml = run ? runTitleHtml(section, title!) : section.titleTokens ? render(section.titleTokens) : undefined;
  return {
    ...(title === undefined ? {} : { title }),
    ...(titleHtml === undefined ? {} : { titleHtml }),
    ...(run ? { run: { minutes: Math.round(runMinutes), scaled: run.scalable, writtenMinutes: writtenMinutes(section) } } : {}),
    blocks,
  };
}

/** The run's title, written anew with the deck's minutes, in the form the card used (bold line or heading). */
function runTitleHtml(section: NotesSectionSource, title: string): string {
  const tag = section.titleTokens?.[0]?.type === 'heading_open' ? section.titleTokens[0].tag : undefined;
  return tag ? `<${tag}>${escapeHtml(title)}</${tag}>` : `<p><strong>${escapeHtml(title)}</strong></p>`;
}

/** Leaves out the nested list items that are about something the deck does not have. */
function dropMissingItems(tokens: readonly Token[], scope: NameScope): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type === 'list_item_open') {
      const end = closingIndex(tokens, i);
      const inner = tokens.slice(i + 1, end);
      if (namesMissing(ownInlines(inner), scope)) {
        i = end;
        continue;
      }
    }
    out.push(token);
  }
  // A nested list whose items all went is left out too.
  return out.filter((token, i) => !(/_list_open$/.test(token.type) && /_list_close$/.test(out[i + 1]?.type ?? ''))
    && !(/_list_close$/.test(token.type) && /_list_open$/.test(out[i - 1]?.type ?? '')));
}

/** The plain text of tokens as a scope shows them, e.g. to find a line by what the facilitator reads. */
export function shownText(tokens: readonly Token[], scope: NameScope, words: NotesWords): string {
  return tokensText(fillNames(tokens, { scope, words }));
}

/** Copies of the tokens with every `{…}` replaced by what it stands for in this deck. */
function fillNames(tokens: readonly Token[], context: Pick<ResolveNotesContext, 'scope' | 'words'>): Token[] {
  let first = true;
  return tokens.map((token) => {
    if (token.type !== 'inline') return token;
    // Only an inline that names something is copied; the others are shown as the card has them.
    if (!token.content.includes('{')) {
      first = false;
      return token;
    }
    const copy = cloneToken(token);
    for (const [index, child] of (copy.children ?? []).entries()) {
      if (child.type === 'text') child.content = fillText(child.content, context, first && index === 0);
    }
    first = false;
    return copy;
  });
}

function fillText(text: string, context: Pick<ResolveNotesContext, 'scope' | 'words'>, atBlockStart: boolean): string {
  const uses = nameUses(text);
  if (uses.length === 0) return text;
  let out = '';
  let from = 0;
  for (const use of uses) {
    const value = valueOf(use, context);
    if (value === undefined) continue;
    let before = text.slice(from, use.index);
    let after = use.index + use.written.length;
    const startsSentence = (atBlockStart && out === '' && before.trim() === '') || /[.!?]\s+$/u.test(out + before);
    if (value === '') {
      // A name that shows nothing (a quote) takes its space along, so no gap is left.
      if (/\s$/u.test(before)) before = before.trimEnd();
      else while (text[after] === ' ') after++;
    }
    out += before + (use.capital || startsSentence ? capitalise(value) : value);
    from = after;
  }
  return out + text.slice(from);
}

/** What a `{…}` shows; undefined for a name the scope does not know (reported elsewhere, left as written). */
function valueOf(use: NameUse, context: Pick<ResolveNotesContext, 'scope' | 'words'>): string | undefined {
  const values = use.names.map((name) => context.scope(name));
  if (values.some((v) => v === undefined)) return undefined;
  const present = values.filter((v): v is NameValue => v !== null);
  const numbers = present.flatMap((v) => (v.kind === 'question' ? [v.number] : [])).sort((a, b) => a - b);
  const parts = [
    ...(numbers.length ? [context.words.questions(numbers)] : []),
    ...(present.some((v) => v.kind === 'action') ? [context.words.actionQuestion] : []),
    ...present.flatMap((v) => (v.kind === 'text' ? [v.text] : [])),
  ];
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} ${context.words.and} ${parts.at(-1)}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('da') + text.slice(1);
}
