// The three print documents of a deck (handout, guide, slides), as HTML plus what printing them needs.
import type { Deck } from '../model.js';
import type { Slide } from '../pipeline/render/slide.js';
import { printDocument } from './document.js';
import { guideBody } from './guide.js';
import { handoutBody } from './handout.js';
import type { PdfMetadata } from './metadata.js';
import { contentHeightPx, GEOMETRY, mmToPx, pageCss, SLIDE_PAGE_CSS, type PageGeometry, type Paper } from './page.js';
import type { PaginateInput } from './paginate.js';
import type { PdfKind } from './options.js';
import type { PrintAssets } from './print-assets.js';
import { slidesBody } from './slides.js';
import type { PrintStrings } from './strings.js';

export interface PrintDocument {
  kind: PdfKind;
  html: string;
  width: number;
  paginate?: PaginateInput;
  metadata: PdfMetadata;
}

export interface DeckPrintContext {
  deck: Deck;
  slides: readonly Slide[];
  strings: PrintStrings;
  assets: PrintAssets;
  /** The deck's branding CSS (custom properties over the theme's tokens), or empty. */
  branding: string;
  generator: string;
  /** Paper of the handout. */
  paper: Paper;
}

/** The guide is A4 (a facilitator's binder), a notch smaller than the handout so more guidance fits. */
const GUIDE: PageGeometry = { ...GEOMETRY.a4, fontPt: 10.5 };
const THUMB_GAP_MM = 5;

/** Ruled lines left on a card's last page below which its writing room moves to a page of its own. */
const MIN_WRITING_LINES = 4;

export function printDocumentFor(kind: PdfKind, context: DeckPrintContext): PrintDocument {
  const { deck, strings, assets } = context;
  const product = kind === 'handout' ? strings.handout : kind === 'guide' ? strings.guide : strings.slides;
  const subject = kind === 'handout' ? strings.handoutSubject(deck.title) : kind === 'guide' ? strings.guideSubject(deck.title) : strings.slidesSubject(deck.title);
  const metadata: PdfMetadata = {
    title: `${deck.title} – ${product}`,
    author: deck.organisation ?? 'samtale',
    subject,
    language: deck.language,
    creator: context.generator,
    keywords: [product, deck.title, deck.organisation].filter((k): k is string => Boolean(k)),
  };
  const footer = { left: `${deck.title} · ${product}`, pageWord: strings.pageWord, ofWord: strings.ofWord };
  const shell = (htmlClass: string, css: string[], body: string) => printDocument({
    language: deck.language,
    title: metadata.title,
    author: metadata.author,
    subject,
    generator: context.generator,
    htmlClass,
    css: [assets.themeCss, context.branding, assets.printCss, ...css].filter(Boolean),
    body,
  });

  if (kind === 'handout') {
    const page = GEOMETRY[context.paper];
    return {
      kind,
      html: shell('samtale-print samtale-handout', [pageCss(page, footer)], handoutBody(deck, strings)),
      width: mmToPx(page.width),
      paginate: { pageHeight: contentHeightPx(page), line: mmToPx(page.lineMm), minLines: MIN_WRITING_LINES },
      metadata,
    };
  }
  if (kind === 'guide') {
    const column = (GUIDE.width - GUIDE.margin.left - GUIDE.margin.right - THUMB_GAP_MM) / 2;
    // Two slides to a row, each scaled from 1280 px to its column.
    const zoom = `:root { --thumb-gap: ${THUMB_GAP_MM}mm; --thumb-zoom: ${(mmToPx(column) / 1280).toFixed(5)}; }`;
    return {
      kind,
      html: shell('samtale-print samtale-guide reveal-print', [pageCss(GUIDE, footer), zoom], guideBody(deck, context.slides, strings)),
      width: mmToPx(GUIDE.width),
      paginate: { pageHeight: contentHeightPx(GUIDE), line: mmToPx(GUIDE.lineMm), minLines: MIN_WRITING_LINES },
      metadata,
    };
  }
  return {
    kind,
    html: shell('samtale-print samtale-slides reveal-print', [SLIDE_PAGE_CSS], slidesBody(context.slides)),
    width: 1280,
    metadata,
  };
}
