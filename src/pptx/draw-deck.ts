// The deck's own slides in PowerPoint: the title slide, the agenda with its clock times, the closing slide.
import type { AgendaRow, SlideContent } from '../pipeline/render/slide.js';
import { drawStack, MARGIN_Y, type Block } from './layout.js';
import { addRect, addText, CONTENT_WIDTH, estimateHeight, inches, PAD_X, SLIDE_HEIGHT, SLIDE_WIDTH, type DrawContext } from './text-box.js';

type Content<K extends SlideContent['kind']> = Extract<SlideContent, { kind: K }>;

/** Height of the logo on the title and closing slides, as in the theme (`--samtale-logo-height`). */
const LOGO_HEIGHT = 96;

export function drawTitle(context: DrawContext, content: Content<'title'>): void {
  const { palette } = context;
  band(context);
  const width = 960;
  const title = { size: 76, color: palette.primary, bold: true, lineHeight: 1.12 };
  const subtitle = { size: 36, color: palette.text };
  const meta = { size: 30, color: palette.muted, lineHeight: 1.25 };
  const blocks: Block[] = [...logoBlock(context)];
  blocks.push({ height: 10, gapAfter: 36, draw: (y) => addRect(context, 'Accent', { x: PAD_X, y, w: 120, h: 10 }, palette.highlight) });
  const titleHeight = estimateHeight(content.title, title, width);
  blocks.push({ height: titleHeight, gapAfter: 27, draw: (y) => addText(context, 'Title', content.title, { x: PAD_X, y, w: width, h: titleHeight }, title) });
  if (content.subtitle) {
    const h = estimateHeight(content.subtitle, subtitle, width);
    blocks.push({ height: h, gapAfter: 50, draw: (y) => addText(context, 'Subtitle', content.subtitle!, { x: PAD_X, y, w: width, h }, subtitle) });
  }
  content.meta.forEach((line, i) => {
    const h = estimateHeight(line, meta, width);
    blocks.push({ height: h, gapAfter: 4, draw: (y) => addText(context, `Details ${i + 1}`, line, { x: PAD_X, y, w: width, h }, meta) });
  });
  drawStack(blocks, MARGIN_Y + 18);
}

export function drawClosing(context: DrawContext, content: Content<'closing'>): void {
  const { palette } = context;
  band(context);
  const width = 960;
  const title = { size: 68, color: palette.primary, bold: true, lineHeight: 1.12 };
  const text = { size: 36, color: palette.text };
  const blocks: Block[] = [...logoBlock(context)];
  const titleHeight = estimateHeight(content.title, title, width);
  blocks.push({ height: titleHeight, gapAfter: 30, draw: (y) => addText(context, 'Title', content.title, { x: PAD_X, y, w: width, h: titleHeight }, title) });
  if (content.text) {
    const h = estimateHeight(content.text, text, 800);
    blocks.push({ height: h, draw: (y) => addText(context, 'Text', content.text!, { x: PAD_X, y, w: 800, h }, text) });
  }
  drawStack(blocks, MARGIN_Y + 18);
}

/** Agenda rows beyond this many run in two columns, as in the deck (`agenda-long`). */
const LONG_AGENDA = 8;

export function drawAgenda(context: DrawContext, content: Content<'agenda'>): void {
  const { palette } = context;
  const heading = { size: 56, color: palette.primary, bold: true, lineHeight: 1.12 };
  const headingHeight = estimateHeight(content.title, heading, CONTENT_WIDTH);
  const columns = content.rows.length > LONG_AGENDA ? 2 : 1;
  const columnGap = 56;
  const columnWidth = (CONTENT_WIDTH - columnGap * (columns - 1)) / columns;
  const perColumn = Math.ceil(content.rows.length / columns);
  const available = SLIDE_HEIGHT - 2 * MARGIN_Y - headingHeight - 25;
  // The largest size (from the theme's 30 px, 28 px in two columns) at which the taller column fits.
  let size = columns > 1 ? 28 : 30;
  let layout = agendaLayout(content.rows, size, columnWidth, perColumn);
  while (size > 22 && Math.max(...layout.columnHeights) > available) layout = agendaLayout(content.rows, (size -= 2), columnWidth, perColumn);
  drawStack([
    { height: headingHeight, gapAfter: 25, draw: (y) => addText(context, 'Title', content.title, { x: PAD_X, y, w: CONTENT_WIDTH, h: headingHeight }, heading) },
    {
      height: Math.max(...layout.columnHeights),
      draw: (top) => {
        // One column has a rule above its first row, as the deck's list has.
        if (columns === 1) addRect(context, 'Agenda rule', { x: PAD_X, y: top - 2, w: columnWidth, h: 2 }, palette.rule);
        layout.rows.forEach(({ row, column, y, height }, i) => {
          const x = PAD_X + column * (columnWidth + columnGap);
          drawAgendaRow(context, row, i + 1, { x, y: top + y, w: columnWidth, h: height }, layout);
        });
      },
    },
  ]);
}

interface AgendaLayout {
  size: number;
  timeWidth: number;
  minutesWidth: number;
  rows: { row: AgendaRow; column: number; y: number; height: number }[];
  columnHeights: number[];
}

function agendaLayout(rows: readonly AgendaRow[], size: number, columnWidth: number, perColumn: number): AgendaLayout {
  const timeWidth = size * 3.2;
  const minutesWidth = size * 4.2;
  const titleWidth = columnWidth - timeWidth - minutesWidth - 2 * size * 0.6;
  const padding = size * 0.28;
  const columnHeights: number[] = [];
  const placed = rows.map((row, i) => {
    const column = Math.floor(i / perColumn);
    const height = estimateHeight(row.title, { size, lineHeight: 1.25 }, titleWidth) + 2 * padding;
    const y = columnHeights[column] ?? 0;
    columnHeights[column] = y + height;
    return { row, column, y, height };
  });
  return { size, timeWidth, minutesWidth, rows: placed, columnHeights };
}

/** One row: its time, title and minutes, each its own text box, with a rule below; a break on a tint. */
function drawAgendaRow(context: DrawContext, row: AgendaRow, n: number, frame: { x: number; y: number; w: number; h: number }, layout: AgendaLayout): void {
  const { palette } = context;
  const { size, timeWidth, minutesWidth } = layout;
  if (row.isBreak) addRect(context, `Agenda ${n} break`, frame, palette.surface);
  addRect(context, `Agenda ${n} rule`, { x: frame.x, y: frame.y + frame.h - 2, w: frame.w, h: 2 }, palette.rule);
  const gap = size * 0.6;
  const inner = { y: frame.y + size * 0.28, h: frame.h - size * 0.56 };
  const text = { size, lineHeight: 1.25, italic: row.isBreak, shrink: false };
  addText(context, `Agenda ${n} time`, row.time, { x: frame.x + size * 0.3, ...inner, w: timeWidth }, { ...text, color: palette.primary, bold: true });
  addText(context, `Agenda ${n} title`, row.title, { x: frame.x + size * 0.3 + timeWidth + gap, ...inner, w: frame.w - timeWidth - minutesWidth - 2 * gap - size * 0.6 },
    { ...text, color: row.isBreak ? palette.muted : palette.text });
  addText(context, `Agenda ${n} minutes`, row.minutes, { x: frame.x + frame.w - minutesWidth - size * 0.3, ...inner, w: minutesWidth }, { ...text, color: palette.muted, align: 'right' });
}

/** A band across the top, as on the deck's title and closing slides. */
function band(context: DrawContext): void {
  addRect(context, 'Band', { x: 0, y: 0, w: SLIDE_WIDTH, h: 18 }, context.palette.primary);
}

function logoBlock(context: DrawContext): Block[] {
  const { logo } = context;
  if (!logo) return [];
  const width = (logo.width / logo.height) * LOGO_HEIGHT;
  return [{
    height: LOGO_HEIGHT,
    gapAfter: LOGO_HEIGHT * 0.4,
    draw: (y) => context.slide.addImage({
      data: logo.data, objectName: 'Logo', altText: logo.alt,
      x: inches(PAD_X), y: inches(y), w: inches(width), h: inches(LOGO_HEIGHT),
    }),
  }];
}
