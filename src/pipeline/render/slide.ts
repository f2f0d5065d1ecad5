// The rendered form of one slide, before it is written into the document.

export type SlideKind = 'title' | 'agenda' | 'card-title' | 'prose' | 'video' | 'quote' | 'questions' | 'action' | 'closing';

export interface Slide {
  kind: SlideKind;
  /** The card the slide comes from, if any (becomes `data-card`). */
  cardId?: string;
  /** Inner HTML of the `<section>`. */
  html: string;
  /** Speaker notes as HTML. */
  notesHtml: string;
  /** Planned seconds on this slide (reveal.js pacing reads `data-timing`). */
  timingSeconds: number;
  /** Long text, set smaller to fit (the theme's `samtale-dense`; src/pipeline/text-fit.ts). */
  dense?: boolean;
}

/** Relative weight of each slide kind when a card's minutes are shared among its slides. */
export const TIME_WEIGHT: Record<SlideKind, number> = {
  title: 1, agenda: 1, closing: 1, 'card-title': 1, prose: 2, video: 3, quote: 2, questions: 8, action: 4,
};

/** The `<section>` for a slide. */
export function sectionHtml(slide: Slide, escape: (s: string) => string): string {
  const card = slide.cardId === undefined ? '' : ` data-card="${escape(slide.cardId)}"`;
  return `<section class="samtale-${slide.kind}${slide.dense ? ' samtale-dense' : ''}" data-slide-kind="${slide.kind}"${card} data-timing="${Math.round(slide.timingSeconds)}">\n`
    + `${slide.html}\n<aside class="notes">${slide.notesHtml}</aside>\n</section>`;
}
