// How much text a slide holds: measured in Chromium on the default theme (1280×720, Atkinson Hyperlegible
// Next, Danish text; `npm run bench:capacity`), with a margin of about 15 % for long words and line breaks.
//
// Up to `normal` characters the text is set at the theme's sizes; up to `dense` the slide gets the class
// `samtale-dense`, which steps its text down towards the legibility floor (28 px); beyond that it would be
// cut off on the projector and in the slides and guide PDFs, and `samtale check` warns.
import type { Diagnostics } from '../diagnostics/deck-error.js';
import type { Deck, Question, Quote, SourcePosition } from '../model.js';

export type TextFit = 'normal' | 'dense' | 'too-long';

/** Characters that fit, per kind of slide (measured: question 725/1175, quote 575/1175, action 400/850). */
export const SLIDE_CAPACITY = {
  question: { normal: 620, dense: 1000 },
  quote: { normal: 480, dense: 1000 },
  action: { normal: 340, dense: 720 },
  title: { normal: 120, dense: 120 },
} as const;

export type FitKind = keyof typeof SLIDE_CAPACITY;

/** A paragraph break in a quote takes about a line's room. */
const PARAGRAPH_ROOM = 60;

export function fitOf(kind: FitKind, length: number): TextFit {
  const capacity = SLIDE_CAPACITY[kind];
  return length <= capacity.normal ? 'normal' : length <= capacity.dense ? 'dense' : 'too-long';
}

/** The room a quote's text and source take on its slide, in characters. */
export function quoteLength(quote: Quote): number {
  return quote.text.length + quote.sourceText.length + PARAGRAPH_ROOM * (quote.text.split('\n\n').length - 1);
}

/** The room the questions of one slide take: their text, and a line for each question after the first. */
export function questionsLength(questions: readonly Question[]): number {
  return questions.reduce((sum, q) => sum + q.text.length, 0) + PARAGRAPH_ROOM * Math.max(0, questions.length - 1);
}

/** Warns, at the card's line, about every text too long for its slide. */
export function checkTextFit(deck: Deck, diagnostics: Diagnostics): void {
  for (const { card } of deck.cards) {
    const at = (line: number, file = card.file): SourcePosition => ({ file, line, column: 1 });
    const warn = (kind: FitKind, what: string, length: number, where: SourcePosition) => {
      diagnostics.warning('W_TEXT_TOO_LONG', `card "${card.id}": ${what} is ${length} characters; a slide holds about ${SLIDE_CAPACITY[kind].dense}, and the rest would be cut off`, where,
        kind === 'title' ? 'shorten the title; the card\'s text can say the rest' : kind === 'quote'
          ? 'shorten the quote (mark what you leave out with [...]) or split it into two quotes'
          : 'shorten it, or split it into two questions; a question the room can read at a glance works best');
    };
    if (fitOf('title', card.title.length) === 'too-long') warn('title', 'the title', card.title.length, card.idSource ?? at(1));
    for (const question of card.questions) {
      const kind: FitKind = question.action ? 'action' : 'question';
      if (fitOf(kind, question.text.length) === 'too-long') warn(kind, question.action ? 'the action question' : 'a question', question.text.length, at(question.source.startLine, question.source.file));
    }
    for (const quote of card.quotes) {
      const length = quoteLength(quote);
      if (fitOf('quote', length) === 'too-long') warn('quote', 'a quote with its source', length, at(quote.source.startLine, quote.source.file));
    }
  }
}
