// Shared helper for `::: name args` … `:::` blocks: finds the opening line and its closing fence.
import type { StateBlock } from 'markdown-it';

export interface FencedBlock {
  name: string;
  args: string;
  /** Line of the closing `:::`, or -1 when the block is never closed. */
  closeLine: number;
}

const OPEN = /^:::\s*([A-Za-z][\w-]*)\s*(.*?)\s*$/;

/** Reads a `:::` block opening at `startLine`, if there is one. */
export function readFencedBlock(state: StateBlock, startLine: number, endLine: number): FencedBlock | undefined {
  if (state.sCount[startLine]! - state.blkIndent >= 4) return undefined;
  const line = state.src.slice(state.bMarks[startLine]! + state.tShift[startLine]!, state.eMarks[startLine]!);
  const match = OPEN.exec(line);
  if (!match) return undefined;
  let closeLine = -1;
  for (let next = startLine + 1; next < endLine; next++) {
    const text = state.src.slice(state.bMarks[next]! + state.tShift[next]!, state.eMarks[next]!).trim();
    if (text === ':::' && state.sCount[next]! - state.blkIndent < 4) {
      closeLine = next;
      break;
    }
  }
  return { name: match[1]!.toLowerCase(), args: match[2] ?? '', closeLine };
}

/** Marks where an unclosed block ends (the end of the file) and moves the parser past it. */
export function blockEnd(block: FencedBlock, endLine: number): number {
  return block.closeLine < 0 ? endLine : block.closeLine + 1;
}
