// Renders one card of a deck into its slides: title, prose and videos, quotes, questions, the action question.
import type { DeckCard, NotesTarget, Question } from '../../model.js';
import { clockAfter } from '../resolve.js';
import { slideNotesHtml } from './guidance.js';
import { escapeHtml } from './html.js';
import { TIME_WEIGHT, type Slide, type SlideContent, type SlideNotes } from './slide.js';
import type { Strings } from './strings.js';
import { renderVideo } from './video.js';
import { fitOf, questionsLength, quoteLength } from '../text-fit.js';

/** What a card's slides need from the deck around them. */
export interface CardContext {
  strings: Strings;
  start: string;
  themeCount: number;
}

/** Questions per slide: at 28 px and more, about this much text fits under the card label. */
const MAX_QUESTION_CHARS = 340;
const MAX_QUESTIONS_PER_SLIDE = 4;

type CardTitleContent = Extract<SlideContent, { kind: 'card-title' }>;
type Draft = Omit<Slide, 'timingSeconds' | 'notesHtml' | 'notes'> & { notes: NotesTarget };

const denseIf = (dense: boolean) => (dense ? { dense: true } : {});

/**
 * The slides of one card, with notes and planned seconds. Questions and quotes carry `dir="auto"`: a quote in
 * Arabic or Hebrew is laid out right to left in a Danish deck.
 */
export function renderCardSlides(placed: DeckCard, context: CardContext): Slide[] {
  const { card } = placed;
  const drafts: Draft[] = [];
  const add = (content: SlideContent, html: string, notes: Draft['notes'] = 'card', dense = false) =>
    drafts.push({ kind: content.kind, cardId: card.id, html, notes, content, ...denseIf(dense) });
  const label = `<h2 class="card-label">${escapeHtml(card.title)}</h2>`;

  // Body, in file order: prose up to the first break or video joins the title slide; after that, prose
  // runs until a break or a video, and each video is a slide of its own.
  const firstSplit = card.body.findIndex((block) => block.type !== 'prose');
  const lead = card.body.slice(0, firstSplit < 0 ? card.body.length : firstSplit);
  const leadHtml = lead.map((block) => (block.type === 'prose' ? block.html : '')).join('\n');
  const title = titleContent(placed, context, leadHtml);
  add(title, titleHtml(title));
  let prose: string[] = [];
  const flushProse = () => {
    if (prose.length > 0) add({ kind: 'prose', label: card.title, html: prose.join('\n') }, `${label}\n<div class="prose">${prose.join('\n')}</div>`);
    prose = [];
  };
  for (const block of card.body.slice(lead.length)) {
    if (block.type === 'prose') prose.push(block.html);
    else flushProse();
    if (block.type === 'video') add({ kind: 'video', label: card.title, video: block.video }, `${label}\n${renderVideo(block.video, context.strings)}`);
  }
  flushProse();

  for (const quote of card.quotes) {
    // The design shows a quote alone; its heading (the card's title) is there for screen readers only.
    add({ kind: 'quote', quote }, `<h2 class="card-label samtale-visually-hidden">${escapeHtml(card.title)}</h2>\n<figure class="quote"><blockquote class="quote-text" dir="auto">${quote.html}</blockquote>`
      + `<figcaption class="quote-source" dir="auto">${quote.sourceHtml}</figcaption></figure>`, 'quotes', fitOf('quote', quoteLength(quote)) !== 'normal');
  }
  let numbered = 0;
  for (const group of groupQuestions(card.questions.filter((q) => !q.action))) {
    const items = group.map((q) => `<li class="question fragment" dir="auto">${q.html}</li>`).join('\n');
    const start = numbered > 0 ? ` start="${numbered + 1}"` : '';
    add({ kind: 'questions', label: card.title, questions: group, start: numbered + 1 }, `${label}\n<ol class="questions"${start}>\n${items}\n</ol>`, 'questions',
      fitOf('question', questionsLength(group)) !== 'normal');
    numbered += group.length;
  }
  for (const question of card.questions.filter((q) => q.action)) {
    add({ kind: 'action', label: card.title, actionLabel: context.strings.action, question },
      `${label}\n<p class="action-label">${escapeHtml(context.strings.action)}</p>\n<p class="action-question" dir="auto">${question.html}</p>`, 'action',
      fitOf('action', question.text.length) !== 'normal');
  }

  const totalWeight = drafts.reduce((sum, d) => sum + TIME_WEIGHT[d.kind], 0);
  const header = notesHeader(placed, context, drafts.length);
  return drafts.map(({ notes: target, ...draft }, index) => {
    // A slide's own notes first, then the card's guidance, so the whole plan is always at hand.
    const own = target === 'card' ? undefined : placed.guidance[target];
    const notes: SlideNotes = { header: header(index), ...(own?.sections.length ? { own } : {}), main: placed.guidance.card ?? { sections: [] } };
    return { ...draft, notes, notesHtml: slideNotesHtml(notes), timingSeconds: (placed.minutes * 60 * TIME_WEIGHT[draft.kind]) / totalWeight };
  });
}

function titleContent(placed: DeckCard, context: CardContext, leadHtml: string): CardTitleContent {
  const { strings } = context;
  return {
    kind: 'card-title',
    ...(placed.themeNumber === undefined ? {} : { number: strings.theme(placed.themeNumber, context.themeCount) }),
    title: placed.card.title,
    minutes: strings.minutes(placed.minutes),
    ...(leadHtml ? { leadHtml } : {}),
  };
}

function titleHtml(content: CardTitleContent): string {
  const number = content.number === undefined ? '' : `<p class="card-number">${escapeHtml(content.number)}</p>\n`;
  const lead = content.leadHtml ? `\n<div class="card-lead prose">${content.leadHtml}</div>` : '';
  return `${number}<h2>${escapeHtml(content.title)}</h2>\n<p class="card-minutes">${escapeHtml(content.minutes)}</p>${lead}`;
}

/** Splits questions into slides that fit. */
function groupQuestions(questions: Question[]): Question[][] {
  const groups: Question[][] = [];
  let current: Question[] = [];
  let chars = 0;
  for (const question of questions) {
    if (current.length > 0 && (chars + question.text.length > MAX_QUESTION_CHARS || current.length >= MAX_QUESTIONS_PER_SLIDE)) {
      groups.push(current);
      current = [];
      chars = 0;
    }
    current.push(question);
    chars += question.text.length;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/** The first line of each slide's notes: which theme, its minutes, its planned times, which slide of the card. */
function notesHeader(placed: DeckCard, context: CardContext, slideCount: number): (index: number) => string {
  const { strings } = context;
  const from = clockAfter(context.start, placed.offsetMinutes);
  const to = clockAfter(context.start, placed.offsetMinutes + placed.minutes);
  const theme = placed.themeNumber === undefined ? placed.card.title : strings.theme(placed.themeNumber, context.themeCount);
  return (index) => `${theme} · ${strings.minutes(placed.minutes)} · ${from}–${to} · ${strings.slideOf(index + 1, slideCount)}`;
}
