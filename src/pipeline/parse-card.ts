// Parse stage: one card file (front matter + Markdown) into a Card, reporting problems by position.
import type { Env, MarkdownIt, Token } from 'markdown-it';

import { basename } from 'node:path';
import { cardFrontMatterSchema, videoSchema } from '../config/schemas.js';
import { validateYaml } from '../config/validate-yaml.js';
import type { Diagnostics } from '../diagnostics/deck-error.js';
import type { BodyBlock, Card, NotesSource, NotesTarget, Question, Quote, SourcePosition, SourceSpan, Video } from '../model.js';
import { unclosedElements, type HtmlFragment } from './parse/html-balance.js';
import { splitFrontMatter } from './front-matter.js';
import { checkCardNames } from './notes/check-names.js';
import { checkRunMinutes } from './notes/run.js';
import { parseNotes } from './notes/parse-notes.js';
import { closingIndex } from './notes/tokens.js';
import { inlineText } from './parse/markdown.js';
import { checkVideo, mediaPositions } from './video-check.js';
import { idHint, isValidId, normaliseId, suggestId } from '../project/ids.js';
import type { RefusedLink } from './parse/links.js';

const NOTES_TARGETS: readonly NotesTarget[] = ['card', 'quotes', 'questions', 'action'];
const BLOCK_NAMES = ['notes', 'video'];

export interface CardSource {
  file: string;
  text: string;
}

/** Parses one card; returns undefined (after reporting) when its front matter is unusable. */
export function parseCard(source: CardSource, md: MarkdownIt, diagnostics: Diagnostics): Card | undefined {
  const { file } = source;
  const split = splitFrontMatter(source.text);
  if (split.frontMatter === undefined) {
    diagnostics.error('E_NO_FRONT_MATTER', 'card has no front matter', { file, line: 1, column: 1 },
      'start the file with "---", then "title: …", "kind: theme", "minutes: 20", then "---"');
    return undefined;
  }
  if (!split.closed) {
    diagnostics.error('E_FRONT_MATTER_UNCLOSED', 'the front matter that starts here is never closed with a line "---"', { file, line: 1, column: 1 });
    return undefined;
  }
  const front = validateYaml({ file, text: split.frontMatter, firstLine: split.frontMatterLine, what: 'front matter' },
    cardFrontMatterSchema, diagnostics);

  const env: Env & { refusedLinks?: RefusedLink[] } = {};
  const tokens = md.parse(split.body, env);
  const at = (line0: number) => ({ file, line: split.bodyLine + line0, column: 1 });
  const span = (token: Token): SourceSpan => ({
    file,
    startLine: split.bodyLine + (token.map?.[0] ?? 0),
    endLine: split.bodyLine + Math.max(0, (token.map?.[1] ?? 1) - 1),
  });
  const sourceLines = source.text.split(/\r?\n/);
  for (const link of env.refusedLinks ?? []) reportRefusedLink(link, findText(sourceLines, split.bodyLine + link.line, link.href, file), diagnostics);
  if (md.options.html) reportUnclosedHtml(tokens, split.bodyLine, sourceLines, file, diagnostics);

  const questions: Question[] = [];
  const quotes: Quote[] = [];
  const notes: Partial<Record<NotesTarget, NotesSource>> = {};
  let listId = 0;
  const notesContext = { file, lineOf: (line0: number) => split.bodyLine + line0, diagnostics, nextListId: () => ++listId };
  const body: BodyBlock[] = [];
  const videos: Video[] = [];
  const html = (range: Token[]) => md.renderer.render(range, md.options, env);

  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i]!;
    const end = closingIndex(tokens, i);
    switch (token.type) {
      case 'question_open': {
        const inline = tokens[i + 1]!;
        const ref = token.meta?.ref as string | undefined;
        questions.push({ text: plainText(inline), html: md.renderer.renderInline(inline.children ?? [], md.options, env).trim(),
          action: Boolean(token.meta?.action), ...(ref ? { ref } : {}), source: span(token) });
        break;
      }
      case 'blockquote_open':
        quotes.push(readQuote(tokens.slice(i + 1, end), md, env, span(token), diagnostics));
        break;
      case 'notes_open': {
        const target = String(token.meta?.target) as NotesTarget;
        if (token.meta?.unclosed) diagnostics.error('E_UNCLOSED_BLOCK', '"::: notes" is never closed', at(token.map![0]), 'end the notes with a line ":::"');
        if (!NOTES_TARGETS.includes(target)) {
          diagnostics.error('E_NOTES_TARGET', `unknown notes target "${target}"`, at(token.map![0]),
            `write "::: notes" for the card, or one of "::: notes quotes", "::: notes questions", "::: notes action"`);
        } else {
          const parsed = parseNotes(tokens.slice(i + 1, end), notesContext);
          notes[target] = { sections: [...(notes[target]?.sections ?? []), ...parsed.sections] };
        }
        break;
      }
      case 'video': {
        const video = readVideo(token, file, split.bodyLine, md, sourceLines, diagnostics);
        if (video) {
          videos.push(video);
          body.push({ type: 'video', video });
        }
        break;
      }
      case 'unknown_block':
        diagnostics.error('E_UNKNOWN_BLOCK', `unknown block "::: ${token.info}"`, at(token.map![0]),
          `expected one of ${BLOCK_NAMES.map((n) => `"::: ${n}"`).join(', ')}`);
        break;
      case 'hr':
        body.push({ type: 'break', source: span(token) });
        break;
      default: {
        const prose = html(tokens.slice(i, end + 1)).trim();
        if (prose) appendProse(body, prose, span(token));
      }
    }
    i = end + 1;
  }

  if (!front) return undefined;
  const id = normaliseId(front.value.id ?? basename(file).replace(/\.md$/i, ''));
  const idAt = front.value.id === undefined ? { file, line: 1, column: 1 } : front.positionOf(['id']);
  if (!isValidId(id)) {
    const fromName = front.value.id === undefined;
    diagnostics.error('E_CARD_ID', fromName ? `the card's file name "${basename(file)}" does not make a card id` : `card id "${id}" is not lowercase letters, digits and hyphens`,
      idAt, fromName ? `add "id: ${suggestId(id) || 'om-…'}" to the front matter, or rename the file` : idHint(id, 'om-vores-kodeks'));
    return undefined;
  }
  const fromFileName = normaliseId(basename(file).replace(/\.md$/i, ''));
  if (id !== fromFileName && isValidId(fromFileName)) {
    // A manifest is written with the name one sees in the folder; the deck knows the card only by its id.
    diagnostics.warning('W_ID_NOT_FILE_NAME', `card id "${id}" differs from its file name "${basename(file)}"; decks know the card only as "${id}"`, idAt,
      `rename the file to ${id}.md, or write "id: ${fromFileName}"`);
  }
  const card: Card = {
    id,
    idSource: idAt,
    title: front.value.title,
    kind: front.value.kind,
    minutes: front.value.minutes,
    questions,
    quotes,
    notes,
    body,
    videos,
    file,
  };
  checkCard(card, split.frontMatterLine, diagnostics);
  checkCardNames(card, source.text, diagnostics);
  if (card.notes.card) checkRunMinutes(card, diagnostics);
  return card;
}

function checkCard(card: Card, frontLine: number, diagnostics: Diagnostics): void {
  const at = { file: card.file, line: frontLine, column: 1 };
  if (card.kind !== 'theme') return;
  if (card.questions.length === 0) {
    diagnostics.error('E_NO_QUESTIONS', `theme card "${card.id}" has no questions`, at,
      'add questions as paragraphs starting with "? ", and the closing action question with "?! "');
    return;
  }
  const actions = card.questions.filter((q) => q.action);
  if (actions.length === 0) {
    diagnostics.warning('W_NO_ACTION_QUESTION', `theme card "${card.id}" has no action question`, at,
      'mark the closing "Hvad kan I … gøre" question with "?! " instead of "? "');
  } else if (actions.length > 1) {
    const second = actions[1]!;
    diagnostics.warning('W_SEVERAL_ACTION_QUESTIONS', `theme card "${card.id}" has ${actions.length} action questions`,
      { file: card.file, line: second.source.startLine, column: 1 }, 'a card has one action question, its last');
  }
  if (!card.notes.card) {
    diagnostics.warning('W_NO_NOTES', `theme card "${card.id}" has no facilitator notes`, at,
      'add a "::: notes" block with the purpose, the run of the discussion and follow-up prompts');
  }
}

function readQuote(inner: Token[], md: MarkdownIt, env: Env, source: SourceSpan, diagnostics: Diagnostics): Quote {
  const sourceAt = inner.findIndex((t) => t.type === 'quote_source_open');
  const textTokens = sourceAt < 0 ? inner : inner.slice(0, sourceAt);
  const sourceInline = sourceAt < 0 ? undefined : inner[sourceAt + 1];
  if (!sourceInline) {
    diagnostics.error('E_QUOTE_NO_SOURCE', 'quote has no source', { file: source.file, line: source.endLine, column: 1 },
      'end the quote with a line "> -- Name, role, year"');
  }
  const ref = sourceAt < 0 ? undefined : inner[sourceAt]!.meta?.ref as string | undefined;
  return {
    text: textTokens.filter((t) => t.type === 'inline').map(plainText).join('\n\n'),
    html: md.renderer.render(textTokens, md.options, env).trim(),
    sourceText: sourceInline ? plainText(sourceInline) : '',
    sourceHtml: sourceInline ? md.renderer.renderInline(sourceInline.children ?? [], md.options, env).trim() : '',
    ...(ref ? { ref } : {}),
    source,
  };
}

function readVideo(token: Token, file: string, bodyLine: number, md: MarkdownIt, sourceLines: readonly string[], diagnostics: Diagnostics): Video | undefined {
  const line = bodyLine + (token.map?.[0] ?? 0);
  if (token.meta?.unclosed) diagnostics.error('E_UNCLOSED_BLOCK', '"::: video" is never closed', { file, line, column: 1 }, 'end the video with a line ":::"');
  const fields = validateYaml({ file, text: token.content, firstLine: line + 1, what: 'video block' }, videoSchema, diagnostics);
  if (!fields) return undefined;
  const { description, ...given } = fields.value;
  // The schema's optional keys may hold `undefined`; the model's leave them out.
  const rest = Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined)) as { [K in keyof typeof given]?: Exclude<(typeof given)[K], undefined> };
  // The description's own links are checked like the card's, and reported where the description is.
  const env: Env & { refusedLinks?: RefusedLink[] } = {};
  const descriptionHtml = description === undefined ? undefined : md.renderInline(description, env);
  for (const link of env.refusedLinks ?? []) {
    reportRefusedLink(link, findText(sourceLines, fields.positionOf(['description']).line, link.href, file), diagnostics);
  }
  const video: Video = {
    ...rest,
    ...(descriptionHtml === undefined ? {} : { descriptionHtml }),
    source: { file, startLine: line, endLine: bodyLine + (token.map?.[1] ?? 1) - 1, media: mediaPositions(rest, fields.positionOf) },
  };
  checkVideo(video, fields.positionOf, diagnostics);
  return video;
}

function reportRefusedLink(link: RefusedLink, at: SourcePosition, diagnostics: Diagnostics): void {
  diagnostics.error('E_LINK_NOT_ALLOWED', `${link.image ? 'image' : 'link'} "${link.href}" is not allowed`, at,
    'links may only go to http://, https:// or mailto: addresses; images go in a video poster or the theme');
}

/** Where `text` is first written from `line` on (a link's address in its paragraph), else the line's start. */
export function findText(lines: readonly string[], line: number, text: string, file: string): SourcePosition {
  for (let index = Math.max(0, line - 1); index < lines.length && text; index++) {
    const column = lines[index]!.indexOf(text);
    if (column >= 0) return { file, line: index + 1, column: column + 1 };
  }
  return { file, line: Math.max(1, Math.min(line, lines.length)), column: 1 };
}

/** With `allowHtml`, an element a card opens and never closes swallows the slides after it: reported, not built. */
function reportUnclosedHtml(tokens: readonly Token[], bodyLine: number, lines: readonly string[], file: string, diagnostics: Diagnostics): void {
  const fragments: HtmlFragment[] = [];
  for (const token of tokens) {
    if (token.type === 'html_block') fragments.push({ html: token.content, line: bodyLine + (token.map?.[0] ?? 0) });
    for (const child of token.children ?? []) {
      if (child.type === 'html_inline') fragments.push({ html: child.content, line: bodyLine + (token.map?.[0] ?? 0) });
    }
  }
  for (const element of unclosedElements(fragments)) {
    const at = findText(lines, element.line, element.tag === '<!--' ? '<!--' : element.tag.slice(0, -1), file);
    diagnostics.error('E_HTML_UNCLOSED', `${element.tag === '<!--' ? 'an HTML comment "<!--"' : `the HTML element ${element.tag}`} is never closed`, at,
      element.tag === '<!--' ? 'end the comment with "-->"' : `close it with "</${element.tag.slice(1)}", or remove it: an open element swallows the slides after it`);
  }
}

/** Consecutive prose blocks are one block, so a slide break is the only thing that splits them. */
function appendProse(body: BodyBlock[], html: string, source: SourceSpan): void {
  const last = body[body.length - 1];
  if (last?.type === 'prose') {
    last.html += `\n${html}`;
    last.source = { ...last.source, endLine: source.endLine };
  } else {
    body.push({ type: 'prose', html, source });
  }
}

/** The plain text of an inline token. */
function plainText(inline: Token): string {
  return inlineText(inline.children ?? []);
}
