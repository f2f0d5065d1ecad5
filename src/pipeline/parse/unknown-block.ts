// Block rule: any other `::: name` block is kept as a token so the card stage can report it by position.
import type { MarkdownIt, StateBlock } from 'markdown-it';
import { blockEnd, readFencedBlock } from './fenced-block.js';

function unknownBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  const block = readFencedBlock(state, startLine, endLine);
  if (!block) return false;
  if (silent) return true;
  const token = state.push('unknown_block', 'div', 0);
  token.map = [startLine, blockEnd(block, endLine)];
  token.info = block.name;
  state.line = blockEnd(block, endLine);
  return true;
}

/** markdown-it plugin: must come after every named `:::` block rule. */
export function unknownBlockPlugin(md: MarkdownIt): void {
  md.block.ruler.after('video', 'unknown_block', unknownBlock, { alt: ['paragraph', 'blockquote', 'list'] });
}
