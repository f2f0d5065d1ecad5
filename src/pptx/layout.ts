// Vertical layout of a slide's elements: stacked and centred, as reveal.js centres a slide's content.
import { SLIDE_HEIGHT } from './text-box.js';

/** One element of a stack: its height, the space below it, and how to draw it at a given top. */
export interface Block {
  height: number;
  gapAfter?: number;
  draw: (top: number) => void;
}

/** Room kept free at the top and bottom of every slide. */
export const MARGIN_Y = 48;

/** Draws the blocks one below the other, the whole stack centred between `top` and `bottom`. */
export function drawStack(blocks: readonly Block[], top = MARGIN_Y, bottom = SLIDE_HEIGHT - MARGIN_Y): void {
  const total = blocks.reduce((sum, b, i) => sum + b.height + (i < blocks.length - 1 ? b.gapAfter ?? 0 : 0), 0);
  let y = Math.max(top, top + (bottom - top - total) / 2);
  for (const block of blocks) {
    block.draw(y);
    y += block.height + (block.gapAfter ?? 0);
  }
}
