// Text boxes on a PowerPoint slide, laid out in the deck's own 1280×720 px design space.
import { DIVIDER, type TextParagraph } from './html-text.js';
import type { PngImage } from './images.js';
import type { Presentation, PptxSlide, TextProps } from './pptxgenjs.js';
import type { Palette } from './palette.js';


/** The deck's slide in reveal.js pixels; 96 px to the inch makes PowerPoint's 16:9 (13.333 × 7.5 in). */
export const SLIDE_WIDTH = 1280;
export const SLIDE_HEIGHT = 720;
/** Room at the slide's sides, as in the theme (`--samtale-slide-padding-x`). */
export const PAD_X = 72;
export const CONTENT_WIDTH = SLIDE_WIDTH - 2 * PAD_X;

export const inches = (px: number): number => px / 96;
/** CSS pixels on a 720 px slide to points on a 540 pt slide. */
export const points = (px: number): number => px * 0.75;

export interface Frame {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface TextStyle {
  /** Font size in the deck's pixels (the theme's `--samtale-size-*`). */
  size: number;
  color: string;
  bold?: boolean;
  italic?: boolean;
  align?: 'left' | 'center' | 'right';
  valign?: 'top' | 'middle' | 'bottom';
  lineHeight?: number;
  /** Space after each paragraph, in the deck's pixels. */
  paragraphGap?: number;
  fill?: string;
  /** Rounded corners of a filled box, in the deck's pixels. */
  radius?: number;
  /** Inner margin, in the deck's pixels. */
  inset?: number;
  /** Let PowerPoint shrink the text when it overflows the box (the default); off for one-line labels. */
  shrink?: boolean;
}

/** What drawing a slide needs: the slide, the palette, the deck's language for spelling, its logo. */
export interface DrawContext {
  pptx: Presentation;
  slide: PptxSlide;
  palette: Palette;
  /** e.g. "da-DK": PowerPoint checks spelling in this language. */
  lang: string;
  /** The adaptation's logo, and the words that describe it for a screen reader. */
  logo?: PngImage & { alt: string };
}

/**
 * Average advance of a character relative to the font size. It errs wide: where the deck's font is not
 * installed, PowerPoint and LibreOffice set the text in a wider one (DejaVu Sans, Arial).
 */
const CHAR_WIDTH = 0.58;

/** How tall text will be in a box `width` px wide: lines by a character-width estimate. */
export function estimateHeight(paragraphs: readonly TextParagraph[] | string, style: Pick<TextStyle, 'size' | 'lineHeight' | 'paragraphGap' | 'inset'>, width: number): number {
  const list = typeof paragraphs === 'string' ? [{ runs: [{ text: paragraphs }] }] : paragraphs;
  const inner = width - 2 * (style.inset ?? 0);
  const perLine = Math.max(1, Math.floor(inner / (style.size * CHAR_WIDTH)));
  const lines = list.map((p) => Math.max(1, Math.ceil(p.runs.reduce((n, r) => n + r.text.length, 0) / perLine)));
  const lineHeight = style.size * (style.lineHeight ?? 1.3);
  return lines.reduce((sum, n) => sum + n * lineHeight, 0) + (list.length - 1) * (style.paragraphGap ?? 0) + 2 * (style.inset ?? 0);
}

/** The largest size from the style's down to `minimum` (in 2 px steps) at which the text fits `height`. */
export function fittingSize(paragraphs: readonly TextParagraph[] | string, style: TextStyle, width: number, height: number, minimum: number): number {
  let size = style.size;
  while (size > minimum && estimateHeight(paragraphs, { ...style, size }, width) > height) size -= 2;
  return Math.max(size, minimum);
}

/**
 * Adds one text box: one element of the slide (a title, a question, a quote, a source). `name` is the name
 * PowerPoint's selection pane shows, and how the click animations find the box.
 */
export function addText(context: DrawContext, name: string, content: readonly TextParagraph[] | string, frame: Frame, style: TextStyle): void {
  const paragraphs = typeof content === 'string' ? [{ runs: [{ text: content }] }] : content;
  context.slide.addText(textProps(paragraphs, style, context), {
    objectName: name,
    x: inches(frame.x), y: inches(frame.y), w: inches(frame.w), h: inches(frame.h),
    fontFace: context.palette.font,
    fontSize: points(style.size),
    color: style.color,
    align: style.align ?? 'left',
    valign: style.valign ?? 'top',
    // Exact line spacing: the layout's estimates hold whatever font PowerPoint or LibreOffice sets the text in.
    lineSpacing: points(style.size * (style.lineHeight ?? 1.3)),
    margin: points(style.inset ?? 0),
    fit: style.shrink === false ? 'none' : 'shrink',
    lang: context.lang,
    ...(style.fill ? { fill: { color: style.fill } } : {}),
    ...(style.fill && style.radius ? { shape: context.pptx.ShapeType.roundRect, rectRadius: inches(style.radius) } : {}),
  });
}

/** A filled rectangle without text: a band, a rule, a bar. */
export function addRect(context: DrawContext, name: string, frame: Frame, color: string): void {
  context.slide.addShape(context.pptx.ShapeType.rect, {
    objectName: name,
    x: inches(frame.x), y: inches(frame.y), w: inches(frame.w), h: inches(frame.h),
    fill: { color },
    line: { type: 'none' },
  });
}

function textProps(paragraphs: readonly TextParagraph[], style: TextStyle, context: DrawContext): TextProps[] {
  const props: TextProps[] = [];
  paragraphs.forEach((paragraph, p) => {
    const last = p === paragraphs.length - 1;
    const runs = paragraph.divider ? [{ text: DIVIDER }] : paragraph.runs;
    runs.forEach((run, r) => {
      const first = r === 0;
      props.push({
        text: run.text,
        options: {
          lang: context.lang,
          ...(run.bold || style.bold || paragraph.heading ? { bold: true } : {}),
          ...(run.italic || style.italic ? { italic: true } : {}),
          ...(run.color ? { color: run.color } : {}),
          ...(run.link ? { hyperlink: { url: run.link, tooltip: run.link } } : {}),
          ...(first && paragraph.list ? { bullet: { ...(paragraph.list.ordered ? { type: 'number' as const, numberStartAt: paragraph.list.number ?? 1 } : {}), indent: points(style.size * 1.5) }, indentLevel: paragraph.list.level } : {}),
          ...(first && !last && style.paragraphGap ? { paraSpaceAfter: points(style.paragraphGap) } : {}),
          ...(r === runs.length - 1 && !last ? { breakLine: true } : {}),
        },
      });
    });
  });
  return props;
}
