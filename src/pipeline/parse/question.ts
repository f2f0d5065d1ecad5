// Block rule: a paragraph that starts with `? ` is a question; `?! ` marks the action question.
import type { MarkdownIt, StateBlock } from 'markdown-it';
import { takeRefDefinition } from './ref-definition.js';

const QUESTION_MARK = 0x3f; // ?
const BANG = 0x21; // !

/** Length of the marker (`? ` or `?! `) at `pos`, or 0 when the line is no question. */
function markerLength(src: string, pos: number, max: number): { length: number; action: boolean } {
  if (src.charCodeAt(pos) !== QUESTION_MARK) return { length: 0, action: false };
  const action = src.charCodeAt(pos + 1) === BANG;
  const after = pos + (action ? 2 : 1);
  if (after >= max) return { length: 0, action: false };
  const next = src.charCodeAt(after);
  return next === 0x20 || next === 0x09 ? { length: after + 1 - pos, action } : { length: 0, action: false };
}

function question(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
  const start = state.bMarks[startLine]! + state.tShift[startLine]!;
  const marker = markerLength(state.src, start, state.eMarks[startLine]!);
  if (marker.length === 0) return false;
  if (silent) return true;

  // The question runs like a paragraph: until a blank line, another question or a block that ends paragraphs.
  const terminators = state.md.block.ruler.getRules('paragraph');
  let nextLine = startLine + 1;
  for (; nextLine < endLine && !state.isEmpty(nextLine); nextLine++) {
    if (state.sCount[nextLine]! - state.blkIndent > 3) continue;
    if (state.sCount[nextLine]! < 0) continue;
    if (terminators.some((rule) => rule(state, nextLine, endLine, true))) break;
  }

  const written = state.getLines(startLine, nextLine, state.blkIndent, false).trim().slice(marker.length).trim();
  // A trailing `{#name}` names the question for the guidance; it is not part of the question.
  const { text: content, ref } = takeRefDefinition(written);
  const open = state.push('question_open', 'li', 1);
  open.map = [startLine, nextLine];
  open.meta = { action: marker.action, ...(ref ? { ref } : {}) };
  const inline = state.push('inline', '', 0);
  inline.content = content;
  inline.map = [startLine, nextLine];
  inline.children = [];
  state.push('question_close', 'li', -1);
  state.line = nextLine;
  return true;
}

/** markdown-it plugin: questions (`? …`) and the action question (`?! …`). */
export function questionPlugin(md: MarkdownIt): void {
  md.block.ruler.before('paragraph', 'question', question, { alt: ['paragraph', 'blockquote'] });
}
