// One rendered slide as a static 1280×720 box: the deck's own slide HTML and theme CSS, no reveal.js.
import type { Slide } from '../pipeline/render/slide.js';
import { escapeHtml } from '../pipeline/render/html.js';

export interface SlideBoxOptions {
  /** 1-based, as the deck's slide number shows it. */
  number: number;
  total: number;
  /**
   * Which headings stay headings (and so become PDF bookmarks and tags): in the slides PDF one per part of
   * the deck (title, agenda, each card's title slide, closing), in the guide none (its own headings
   * structure the document).
   */
  headings: 'section-heads' | 'none';
}

/** Slides whose first heading opens a part of the deck. */
const SECTION_HEADS = new Set<Slide['kind']>(['title', 'agenda', 'card-title', 'closing']);

export function slideBox(slide: Slide, options: SlideBoxOptions): string {
  const keepFirst = options.headings === 'section-heads' && SECTION_HEADS.has(slide.kind);
  const html = groupQuotes(demoteHeadings(stripPlayers(slide.html), keepFirst));
  const card = slide.cardId === undefined ? '' : ` data-card="${escapeHtml(slide.cardId)}"`;
  const kind = slide.kind;
  return `<div class="print-slide reveal" data-slide-kind="${kind}">`
    + `<div class="slide-background samtale-${kind}"></div>`
    + `<div class="slides"><section class="samtale-${kind}${slide.dense ? ' samtale-dense' : ''}" data-slide-kind="${kind}"${card}>\n${html}\n</section></div>`
    + `<div class="slide-number-pdf" aria-hidden="true">${options.number} / ${options.total}</div>`
    + '</div>';
}

/**
 * Players cannot play on paper, and a print document loads no files: `<video>`, `<audio>` and `<iframe>`
 * go; the video slide's poster, link and QR code stay.
 */
export function stripPlayers(html: string): string {
  return html
    .replace(/<(video|audio|iframe)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<(video|audio|iframe)\b[^>]*\/?>/gi, '');
}

/**
 * Turns headings into non-headings for assistive technology and the PDF outline (`role="none"`), keeping
 * the look; with `keepFirst`, the slide's first heading stays.
 */
export function demoteHeadings(html: string, keepFirst = false): string {
  let seen = 0;
  return html.replace(/<h([1-6])(?=[\s>])/gi, (tag) => (keepFirst && seen++ === 0 ? tag : `${tag} role="none"`));
}

/**
 * A quote with its source is a group, not a figure, on paper: a PDF Figure is an image whose text
 * alternative stands in for everything in it, and the quote is text to be read. Its source is a paragraph:
 * a Caption belongs to a figure, table or list.
 */
export function groupQuotes(html: string): string {
  return html
    .replace(/<figure class="quote">/g, '<figure class="quote" role="group">')
    .replace(/<figcaption class="quote-source"([^>]*)>([\s\S]*?)<\/figcaption>/g, '<p class="quote-source"$1>$2</p>');
}
