// The facilitator guide: a cover with the agenda and its planned clock times, then per card its slides as
// they are shown (every fragment visible) and below them the card's minutes, times and guidance.
import type { Deck, DeckCard } from '../model.js';
import { dayEntries, dayMinutes } from '../pipeline/day-plan.js';
import { clockAfter } from '../pipeline/resolve.js';
import { guidanceHtml, slideNotesHtml } from '../pipeline/render/guidance.js';
import { escapeHtml } from '../pipeline/render/html.js';
import type { Slide, SlideNotes } from '../pipeline/render/slide.js';
import { cardKicker, coverLines, flowHtml, flowId, shiftHeadings } from './flow.js';
import { titleTail, withoutRepeatedTitle } from './notes-heading.js';
import { slideBox } from './slide-box.js';
import type { PrintStrings } from './strings.js';

/** Slides per row of thumbnails: two keep 28 px slide text at about 5 pt, still readable on paper. */
const THUMBS_PER_ROW = 2;

export function guideBody(deck: Deck, slides: readonly Slide[], strings: PrintStrings): string {
  const themeCount = deck.cards.filter((c) => c.themeNumber !== undefined).length;
  const numbered = slides.map((slide, index) => ({ slide, number: index + 1 }));
  const thumbs = (group: readonly { slide: Slide; number: number }[]) => thumbRows(group, slides.length, strings);
  const range = (group: readonly { number: number }[]) => (group.length ? strings.slideRange(group[0]!.number, group.at(-1)!.number) : '');
  const day = dayMinutes(deck);
  const end = clockAfter(deck.start, day.total);

  const flows = [coverFlow(deck, day.total, end, strings)];

  const opening = numbered.filter(({ slide }) => slide.kind === 'title' || slide.kind === 'agenda');
  flows.push(flowHtml({
    id: 'flow-opening',
    title: strings.opening,
    headExtra: meta([deck.start, range(opening)]),
    body: thumbs(opening) + opening.map(({ slide }) => deckSlideNotes(slide.kind === 'title' ? strings.welcome : deck.agendaTitle ?? strings.deck.agenda, slide.notes)).join('\n'),
  }, strings));

  for (const placed of deck.cards) {
    const own = numbered.filter(({ slide }) => slide.cardId === placed.card.id);
    const after = deck.breaks.filter((b) => b.afterCard === placed.card.id);
    flows.push(cardFlow(placed, themeCount, own, thumbs(own), range(own), deck.start, strings, after.map((b) => breakNote(b.title ?? strings.deck.break, clockAfter(deck.start, b.offsetMinutes), clockAfter(deck.start, b.offsetMinutes + b.minutes), strings.deck.minutes(b.minutes)))));
  }

  // The closing's notes have no heading of their own: a title that repeats the part's ("Afslutning (ca. 10 min)")
  // is left out, and its minutes join the part's times.
  const closing = numbered.filter(({ slide }) => slide.kind === 'closing');
  const closingNotes = closing.map(({ slide }) => ({ slide, ...withoutRepeatedTitle(slide.notes.main, strings.closingSection) }));
  flows.push(flowHtml({
    id: 'flow-closing',
    title: strings.closingSection,
    headExtra: meta([clockAfter(deck.start, day.closingOffset), range(closing), ...closingNotes.map(({ title }) => titleTail(title ?? ''))]),
    body: thumbs(closing) + closingNotes.map(({ slide, guidance }) => notesSection(undefined, slideNotesHtml({ ...slide.notes, main: guidance }))).join('\n'),
  }, strings));
  return flows.join('\n');
}

function coverFlow(deck: Deck, totalMinutes: number, end: string, strings: PrintStrings): string {
  const rows = dayEntries(deck).map((entry) => {
    const time = clockAfter(deck.start, entry.offset);
    const minutes = strings.deck.minutes(entry.minutes);
    if (entry.kind === 'card') {
      const { placed } = entry;
      return agendaRow(time, placed.card.title, minutes, '', placed.themeNumber === undefined ? '' : String(placed.themeNumber), flowId(placed.card.id));
    }
    if (entry.kind === 'break') return agendaRow(time, entry.item.title ?? strings.deck.break, minutes, 'agenda-break', '', undefined);
    const [title, flow] = entry.kind === 'welcome' ? [strings.deck.welcome, 'flow-opening'] : [strings.deck.closingRow, 'flow-closing'];
    return agendaRow(time, title, minutes, '', '', flow);
  });
  const h = strings.agendaHeaders;
  const facts = coverLines(deck, strings).map((line) => `<p>${escapeHtml(line)}</p>`).join('');
  return `<article class="flow cover" id="flow-cover">
<template class="continued"><div class="flow-continued" aria-hidden="true"><p class="continued-title">${escapeHtml(deck.agendaTitle ?? strings.deck.agenda)} <span class="continued-mark">(${escapeHtml(strings.continued)})</span></p>${agendaHead(h)}</div></template>
<header class="cover-head">
<div class="cover-logo" aria-hidden="true"></div>
<p class="kicker">${escapeHtml(strings.guide)}</p>
<h1>${escapeHtml(deck.title)}</h1>
${deck.subtitle ? `<p class="subtitle">${escapeHtml(deck.subtitle)}</p>` : ''}
<div class="cover-meta">${facts}<p>${escapeHtml(strings.plannedDay(deck.start, end, strings.deck.minutes(totalMinutes)))}</p></div>
</header>
<p class="guide-intro">${escapeHtml(strings.guideIntro)}</p>
<h2 class="agenda-heading keep-with-next">${escapeHtml(deck.agendaTitle ?? strings.deck.agenda)}</h2>
${agendaHead(h, ' keep-with-next')}
<ol class="guide-agenda">
${rows.join('\n')}
</ol>
<p class="agenda-total">${escapeHtml(strings.plannedDay(deck.start, end, strings.deck.minutes(totalMinutes)))}</p>
</article>`;
}

/** Column names above the agenda (and again on each page it continues on); the rows say it all to a screen reader. */
function agendaHead(h: PrintStrings['agendaHeaders'], extraClass = ''): string {
  return `<div class="agenda-columns${extraClass}" aria-hidden="true"><span>${escapeHtml(h.time)}</span><span></span><span>${escapeHtml(h.item)}</span><span>${escapeHtml(h.minutes)}</span><span>${escapeHtml(h.page)}</span></div>`;
}

function agendaRow(time: string, title: string, minutes: string, className: string, number: string, flow: string | undefined): string {
  return `<li${className ? ` class="${className}"` : ''}><span class="agenda-time">${time}</span><span class="agenda-number">${escapeHtml(number)}</span>`
    + `<span class="agenda-title">${escapeHtml(title)}</span><span class="agenda-minutes">${escapeHtml(minutes)}</span>`
    + `<span class="agenda-page"${flow ? ` data-page-of="${escapeHtml(flow)}"` : ''}></span></li>`;
}

function cardFlow(placed: DeckCard, themeCount: number, own: readonly { slide: Slide }[], thumbs: string, range: string, start: string,
  strings: PrintStrings, breaks: string[]): string {
  const { card } = placed;
  const times = `${clockAfter(start, placed.offsetMinutes)}–${clockAfter(start, placed.offsetMinutes + placed.minutes)}`;
  // The same guidance the speaker notes show: this deck's run, without lines about items it dropped.
  const sections = [notesSection(strings.guidance, guidanceHtml(placed.guidance.card))];
  const targets = (['quotes', 'questions', 'action'] as const).filter((target) => placed.guidance[target]?.sections.length && own.some(({ slide }) => slideTarget(slide) === target));
  for (const target of targets) sections.push(notesSection(strings.notesFor[target], guidanceHtml(placed.guidance[target])));
  return flowHtml({
    id: flowId(card.id),
    className: 'card',
    kicker: cardKicker(placed, themeCount, strings),
    title: card.title,
    headExtra: meta([times, strings.deck.minutes(placed.minutes), range]),
    body: thumbs + sections.join('\n') + breaks.join('\n'),
    cardId: card.id,
  }, strings);
}

function slideTarget(slide: Slide): 'quotes' | 'questions' | 'action' | undefined {
  return slide.kind === 'quote' ? 'quotes' : slide.kind === 'questions' ? 'questions' : slide.kind === 'action' ? 'action' : undefined;
}

function meta(parts: readonly string[]): string {
  const text = parts.filter(Boolean).map(escapeHtml).join(' · ');
  return text ? `<p class="flow-meta">${text}</p>` : '';
}

function thumbRows(group: readonly { slide: Slide; number: number }[], total: number, strings: PrintStrings): string {
  const rows: string[] = [];
  for (let i = 0; i < group.length; i += THUMBS_PER_ROW) {
    const cells = group.slice(i, i + THUMBS_PER_ROW).map(({ slide, number }) => {
      const box = slideBox(slide, { number, total, headings: 'none' });
      // In the PDF a Figure; its text alternative is the caption and the slide's visible text (./pdfua/hints.ts).
      return `<figure class="thumb" data-pdf-alt="content"><div class="thumb-frame">${box}</div><figcaption>${escapeHtml(strings.slide(number))}</figcaption></figure>`;
    });
    rows.push(`<div class="thumb-row">${cells.join('')}</div>`);
  }
  return rows.join('\n');
}

/** A title, agenda or closing slide's notes under `heading`, which their own first title takes over when it repeats it. */
function deckSlideNotes(heading: string, notes: SlideNotes): string {
  const { title, guidance } = withoutRepeatedTitle(notes.main, heading);
  return notesSection(title ?? heading, slideNotesHtml({ ...notes, main: guidance }));
}

/** Guidance under a small heading; its paragraphs and list items are rows the paginator may break between. */
function notesSection(title: string | undefined, html: string): string {
  if (!html.trim()) return '';
  const heading = title ? `<h3 class="notes-heading keep-with-next">${escapeHtml(title)}</h3>` : '';
  return `${heading}<div class="notes group">${shiftHeadings(html, title ? 3 : 2)}</div>`;
}

function breakNote(title: string, from: string, to: string, minutes: string): string {
  return `<p class="break-note">${escapeHtml(title)} · ${from}–${to} · ${escapeHtml(minutes)}</p>`;
}
