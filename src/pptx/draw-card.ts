// A card's slides in PowerPoint: its title slide, prose, quotes, questions (appearing on click) and action question.
import type { SlideContent } from '../pipeline/render/slide.js';
import { htmlParagraphs, type TextParagraph } from './html-text.js';
import { drawStack, MARGIN_Y, type Block } from './layout.js';
import { addRect, addText, CONTENT_WIDTH, estimateHeight, fittingSize, PAD_X, SLIDE_HEIGHT, SLIDE_WIDTH, type DrawContext } from './text-box.js';

type Content<K extends SlideContent['kind']> = Extract<SlideContent, { kind: K }>;

/** The height a slide's stack may take. */
const AVAILABLE = SLIDE_HEIGHT - 2 * MARGIN_Y;

export function drawCardTitle(context: DrawContext, content: Content<'card-title'>): void {
  const { palette, lang } = context;
  const blocks: Block[] = [];
  if (content.number) {
    const number = content.number.toLocaleUpperCase(lang);
    blocks.push({ height: 38, gapAfter: 15, draw: (y) => addText(context, 'Theme number', number, { x: PAD_X, y, w: CONTENT_WIDTH, h: 38 }, { size: 30, color: palette.accentStrong, bold: true }) });
  }
  const title = { size: 68, color: palette.primary, bold: true, lineHeight: 1.12 };
  const titleHeight = estimateHeight(content.title, title, CONTENT_WIDTH);
  blocks.push({ height: titleHeight, gapAfter: 20, draw: (y) => addText(context, 'Title', content.title, { x: PAD_X, y, w: CONTENT_WIDTH, h: titleHeight }, title) });
  const pill = { size: 30, color: palette.primary, bold: true, fill: palette.primarySoft, radius: 6, inset: 8, lineHeight: 1.2, align: 'center' as const };
  const pillWidth = content.minutes.length * 30 * 0.6 + 2 * 18;
  blocks.push({ height: 52, gapAfter: 30, draw: (y) => addText(context, 'Minutes', content.minutes, { x: PAD_X, y, w: pillWidth, h: 52 }, pill) });
  if (content.leadHtml) {
    const lead = htmlParagraphs(content.leadHtml);
    const width = 900;
    const used = blocks.reduce((sum, b) => sum + b.height + (b.gapAfter ?? 0), 0);
    const style = { size: 34, color: palette.text, paragraphGap: 20 };
    const size = fittingSize(lead, style, width, AVAILABLE - used, 24);
    const h = Math.min(AVAILABLE - used, estimateHeight(lead, { ...style, size }, width));
    blocks.push({ height: h, draw: (y) => addText(context, 'Lead', lead, { x: PAD_X, y, w: width, h }, { ...style, size }) });
  }
  drawStack(blocks);
}

export function drawProse(context: DrawContext, content: Content<'prose'>): void {
  const { palette } = context;
  const paragraphs = htmlParagraphs(content.html);
  const style = { size: 34, color: palette.text, paragraphGap: 20 };
  const room = AVAILABLE - 38 - 21;
  const size = fittingSize(paragraphs, style, CONTENT_WIDTH, room, 24);
  const h = Math.min(room, estimateHeight(paragraphs, { ...style, size }, CONTENT_WIDTH));
  drawStack([labelBlock(context, content.label), { height: h, draw: (y) => addText(context, 'Text', paragraphs, { x: PAD_X, y, w: CONTENT_WIDTH, h }, { ...style, size }) }]);
}

export function drawQuote(context: DrawContext, content: Content<'quote'>): void {
  const { palette } = context;
  const x = PAD_X + 10 + 48;
  const width = SLIDE_WIDTH - PAD_X - x;
  const quote = quoteParagraphs(htmlParagraphs(content.quote.html), palette.accentStrong);
  const source = htmlParagraphs(content.quote.sourceHtml);
  const sourceStyle = { size: 30, color: palette.muted };
  const sourceHeight = estimateHeight(source, sourceStyle, width);
  const style = { size: 42, color: palette.text, paragraphGap: 21 };
  const size = fittingSize(quote, style, width, AVAILABLE - sourceHeight - 36, 28);
  const quoteHeight = Math.min(AVAILABLE - sourceHeight - 36, estimateHeight(quote, { ...style, size }, width));
  drawStack([{
    height: quoteHeight + 36 + sourceHeight,
    draw: (y) => {
      addRect(context, 'Quote bar', { x: PAD_X, y, w: 10, h: quoteHeight + 36 + sourceHeight }, palette.highlight);
      addText(context, 'Quote', quote, { x, y, w: width, h: quoteHeight }, { ...style, size });
      addText(context, 'Source', source, { x, y: y + quoteHeight + 36, w: width, h: sourceHeight }, sourceStyle);
    },
  }]);
}

/**
 * The questions, one text box each, numbered as in the deck; returns the boxes' names in order, for the
 * click animation that shows them one at a time.
 */
export function drawQuestions(context: DrawContext, content: Content<'questions'>): string[] {
  const { palette } = context;
  const questions = content.questions.map((q, i) => htmlParagraphs(q.html).map((p, j): TextParagraph =>
    (j === 0 ? { ...p, list: { ordered: true, level: 0, number: content.start + i } } : p)));
  const gap = 19;
  const room = AVAILABLE - 38 - 27 - gap * (questions.length - 1);
  const style = { size: 38, color: palette.text, lineHeight: 1.28 };
  const all = questions.flat();
  const size = fittingSize(all, style, CONTENT_WIDTH - 60, room, 28);
  const names = questions.map((_, i) => `Question ${content.start + i}`);
  const blocks: Block[] = [{ ...labelBlock(context, content.label), gapAfter: 27 }];
  questions.forEach((paragraphs, i) => {
    const h = estimateHeight(paragraphs, { ...style, size }, CONTENT_WIDTH - 60);
    blocks.push({ height: h, gapAfter: gap, draw: (y) => addText(context, names[i]!, paragraphs, { x: PAD_X, y, w: CONTENT_WIDTH, h }, { ...style, size }) });
  });
  drawStack(blocks);
  return names;
}

export function drawAction(context: DrawContext, content: Content<'action'>): void {
  const { palette, lang } = context;
  context.slide.background = { color: palette.actionBg };
  addRect(context, 'Band', { x: 0, y: 0, w: SLIDE_WIDTH, h: 24 }, palette.highlight);
  const question = htmlParagraphs(content.question.html);
  const width = 960;
  const style = { size: 50, color: palette.text, bold: true, lineHeight: 1.18 };
  const room = AVAILABLE - 38 - 15 - 52 - 40;
  const size = fittingSize(question, style, width, room, 36);
  const h = Math.min(room, estimateHeight(question, { ...style, size }, width));
  const label = content.actionLabel.toLocaleUpperCase(lang);
  const pill = { size: 30, color: palette.onHighlight, bold: true, fill: palette.highlight, radius: 6, inset: 8, lineHeight: 1.2, align: 'center' as const };
  drawStack([
    { ...labelBlock(context, content.label, palette.accentStrong), gapAfter: 15 },
    { height: 52, gapAfter: 40, draw: (y) => addText(context, 'Action label', label, { x: PAD_X, y, w: label.length * 30 * 0.68 + 36, h: 52 }, pill) },
    { height: h, draw: (y) => addText(context, 'Action question', question, { x: PAD_X, y, w: width, h }, { ...style, size }) },
  ], MARGIN_Y + 24);
}

/** The card's title above a slide's content (`h2.card-label`). */
export function labelBlock(context: DrawContext, label: string, color = context.palette.primary): Block {
  return { height: 38, gapAfter: 21, draw: (y) => addText(context, 'Card', label, { x: PAD_X, y, w: CONTENT_WIDTH, h: 38 }, { size: 30, color, bold: true, lineHeight: 1.25 }) };
}

/** Danish quotation marks around the quote, in bold, as the deck's CSS adds them (`quotes: '»' '«'`). */
function quoteParagraphs(paragraphs: TextParagraph[], color: string): TextParagraph[] {
  if (paragraphs.length === 0) return paragraphs;
  const first = paragraphs[0]!;
  const last = paragraphs.at(-1)!;
  const open = { ...first, runs: [{ text: '»', bold: true, color }, ...first.runs] };
  if (first === last) return [{ ...open, runs: [...open.runs, { text: '«', bold: true, color }] }];
  return [open, ...paragraphs.slice(1, -1), { ...last, runs: [...last.runs, { text: '«', bold: true, color }] }];
}
