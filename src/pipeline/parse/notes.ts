// Block rule: `::: notes [quotes|questions|action]` … `:::` holds facilitator notes (Markdown).
import type { MarkdownIt, StateBlock } from 'markdown-it';
import { blockEnd, readFencedBlock } from './fenced-block.js';

function notes(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  const block = readFencedBlock(state, startLine, endLine);
  if (!block || block.name !== 'notes') return false;
  if (silent) return true;
  const contentEnd = block.closeLine < 0 ? endLine : block.closeLine;

  const open = state.push('notes_open', 'aside', 1);
  open.map = [startLine, blockEnd(block, endLine)];
  open.meta = { target: block.args || 'card', unclosed: block.closeLine < 0 };
  const oldParent = state.parentType;
  const oldLineMax = state.lineMax;
  state.parentType = 'notes' as typeof state.parentType;
  state.lineMax = contentEnd;
  state.md.block.tokenize(state, startLine + 1, contentEnd);
  state.parentType = oldParent;
  state.lineMax = oldLineMax;
  state.push('notes_close', 'aside', -1);
  state.line = blockEnd(block, endLine);
  return true;
}

/** markdown-it plugin: facilitator notes blocks. */
export function notesPlugin(md: MarkdownIt): void {
  md.block.ruler.before('fence', 'notes', notes, { alt: ['paragraph', 'blockquote', 'list'] });
}
