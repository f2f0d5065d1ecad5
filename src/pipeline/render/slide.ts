// The rendered form of one slide, before it is written into the document.
import type { Guidance, Question, Quote, Video } from '../../model.js';

export type SlideKind = 'title' | 'agenda' | 'card-title' | 'prose' | 'video' | 'quote' | 'questions' | 'action' | 'closing';

export interface Slide {
  kind: SlideKind;
  /** The card the slide comes from, if any (becomes `data-card`). */
  cardId?: string;
  /** Inner HTML of the `<section>`. */
  html: string;
  /** Speaker notes: what the facilitator reads for this slide. */
  notes: SlideNotes;
  /** The speaker notes as HTML (`<aside class="notes">`), made from `notes`. */
  notesHtml: string;
  /** Planned seconds on this slide (reveal.js pacing reads `data-timing`). */
  timingSeconds: number;
  /** What the slide shows, as data: for renderings other than HTML (the PowerPoint export). */
  content: SlideContent;
  /** Long text, set smaller to fit (the theme's `samtale-dense`; src/pipeline/text-fit.ts). */
  dense?: boolean;
}

/** One row of the agenda: a card or a break, at its planned clock time. */
export interface AgendaRow {
  time: string;
  title: string;
  minutes: string;
  isBreak: boolean;
  /** The welcome's or the closing's row: part of the day, not an item the facilitator can re-plan. */
  frame?: 'welcome' | 'closing';
}

/** A slide's content by kind, in the words the slide shows (interface words already in the deck's language). */
export type SlideContent =
  | { kind: 'title'; title: string; subtitle?: string; meta: string[] }
  | { kind: 'agenda'; title: string; rows: AgendaRow[] }
  | { kind: 'card-title'; number?: string; title: string; minutes: string; leadHtml?: string }
  | { kind: 'prose'; label: string; html: string }
  | { kind: 'video'; label: string; video: Video }
  | { kind: 'quote'; quote: Quote }
  /** `start` is the number of the first question on this slide. */
  | { kind: 'questions'; label: string; questions: Question[]; start: number }
  | { kind: 'action'; label: string; actionLabel: string; question: Question }
  | { kind: 'closing'; title: string; text?: string };

/** A slide's speaker notes as data: the deck notes, the guide and the PowerPoint notes are made from it. */
export interface SlideNotes {
  /** The line the tool writes first: "Tema 3 af 10 · 20 min. · 09:40–10:00 · Slide 2 af 4", or the agenda's "09:00–12:45 · 225 min.". */
  header?: string;
  /** Guidance for this kind of slide only (a card's `::: notes quotes` on its quote slides), shown first. */
  own?: Guidance;
  /** The card's guidance, or the title, agenda or closing slide's. */
  main: Guidance;
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
