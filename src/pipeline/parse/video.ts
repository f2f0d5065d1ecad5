// Block rule: `::: video` … `:::` holds a video's fields as YAML; they are validated by the card stage.
import type { MarkdownIt, StateBlock } from 'markdown-it';
import { blockEnd, readFencedBlock } from './fenced-block.js';

function video(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  const block = readFencedBlock(state, startLine, endLine);
  if (!block || block.name !== 'video') return false;
  if (silent) return true;
  const contentEnd = block.closeLine < 0 ? endLine : block.closeLine;
  const token = state.push('video', 'div', 0);
  token.map = [startLine, blockEnd(block, endLine)];
  token.content = state.getLines(startLine + 1, contentEnd, 0, true);
  token.meta = { unclosed: block.closeLine < 0 };
  state.line = blockEnd(block, endLine);
  return true;
}

/** markdown-it plugin: video blocks. */
export function videoPlugin(md: MarkdownIt): void {
  md.block.ruler.before('fence', 'video', video, { alt: ['paragraph', 'blockquote', 'list'] });
}
