// Paper sizes and page boxes of the printed products, and the @page rules made from them.

/** Paper for the handout; the guide is always A4, the slides PDF always 1280×720 px. */
export type Paper = 'a4' | 'a5';

export interface PageGeometry {
  /** CSS `size` keyword. */
  size: string;
  /** Page size and margins in millimetres. */
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  /** The root font size in points; everything in the print CSS is relative to it. */
  fontPt: number;
  /** Distance between the ruled lines of the writing room, in millimetres. */
  lineMm: number;
}

export const GEOMETRY: Record<Paper, PageGeometry> = {
  a4: { size: 'A4', width: 210, height: 297, margin: { top: 16, right: 18, bottom: 20, left: 18 }, fontPt: 11.5, lineMm: 9 },
  a5: { size: 'A5', width: 148, height: 210, margin: { top: 11, right: 12, bottom: 15, left: 12 }, fontPt: 9.5, lineMm: 8 },
};

const PX_PER_MM = 96 / 25.4;

export function mmToPx(mm: number): number {
  return mm * PX_PER_MM;
}

/** Height of a page's content box in CSS pixels: what one page holds. */
export function contentHeightPx(page: PageGeometry): number {
  return mmToPx(page.height - page.margin.top - page.margin.bottom);
}

/** A CSS string literal (for `content:`); safe inside a `<style>` element. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&').replace(/[\n\r\f]/g, ' ').replace(/</g, '\\3C ')}"`;
}

export interface PageFooter {
  /** Bottom left of every page but the first: the deck and the product. */
  left: string;
  pageWord: string;
  ofWord: string;
}

/**
 * The page box: size, margins, and a footer in the page's margin boxes (Chromium ≥ 131 draws them):
 * the deck's name on the left, "Side 3 af 14" on the right; the cover has none.
 */
export function pageCss(page: PageGeometry, footer: PageFooter): string {
  const { top, right, bottom, left } = page.margin;
  return `@page {
  size: ${page.size};
  margin: ${top}mm ${right}mm ${bottom}mm ${left}mm;
  @bottom-left { content: ${cssString(footer.left)}; vertical-align: top; padding-top: 6mm; font-family: var(--samtale-font-body); font-size: 8pt; color: var(--samtale-color-muted); }
  @bottom-right { content: ${cssString(`${footer.pageWord} `)} counter(page) ${cssString(` ${footer.ofWord} `)} counter(pages); vertical-align: top; padding-top: 6mm; font-family: var(--samtale-font-body); font-size: 8pt; color: var(--samtale-color-muted); }
}
@page :first {
  @bottom-left { content: none; }
  @bottom-right { content: none; }
}
:root { --print-font-size: ${page.fontPt}pt; --print-line: ${page.lineMm}mm; --print-content-width: ${page.width - left - right}mm; }`;
}

/** The slides PDF: one 1280×720 px slide per page, nothing around it. */
export const SLIDE_PAGE_CSS = '@page { size: 1280px 720px; margin: 0; }';
