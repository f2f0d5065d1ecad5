// Renders a resolved deck into its slides: title, agenda, every card's slides, closing.
import type { Deck } from '../../model.js';
import { clockAfter } from '../resolve.js';
import { renderCardSlides } from './card-slides.js';
import { slideNotesHtml } from './guidance.js';
import { escapeHtml } from './html.js';
import type { AgendaRow, Slide, SlideNotes } from './slide.js';
import { stringsFor } from './strings.js';

/** Agenda rows beyond this many are laid out in two columns by the theme (`agenda-long`). */
const LONG_AGENDA = 8;

export function renderDeckSlides(deck: Deck): Slide[] {
  const strings = stringsFor(deck.language);
  const notes = (notes: SlideNotes) => ({ notes, notesHtml: slideNotesHtml(notes) });
  const themeCount = deck.cards.filter((c) => c.themeNumber !== undefined).length;
  const totalMinutes = deck.cards.reduce((sum, c) => sum + c.minutes, 0) + deck.breaks.reduce((sum, b) => sum + b.minutes, 0);
  const end = clockAfter(deck.start, totalMinutes);

  // Who it is for, then when and where, then who leads it: each on its own line when present.
  const date = deck.date ? strings.date(deck.date) : undefined;
  const metaLines = ([
    ['meta-for', [deck.municipality ?? deck.organisation]],
    ['meta-when', [date, deck.place]],
    ['meta-by', [deck.facilitator ? strings.facilitator(deck.facilitator) : undefined]],
  ] as const).map(([className, parts]) => ({ className, text: parts.filter((s): s is string => Boolean(s)).join(' · ') })).filter((l) => l.text);
  const title: Slide = {
    kind: 'title',
    html: `<h1>${escapeHtml(deck.title)}</h1>`
      + (deck.subtitle ? `\n<p class="subtitle">${escapeHtml(deck.subtitle)}</p>` : '')
      + metaLines.map((l) => `\n<p class="meta ${l.className}">${escapeHtml(l.text)}</p>`).join(''),
    ...notes({ main: deck.guidance.title }),
    timingSeconds: 120,
    content: { kind: 'title', title: deck.title, ...(deck.subtitle ? { subtitle: deck.subtitle } : {}), meta: metaLines.map((l) => l.text) },
  };

  const agendaRow = (offset: number, rowTitle: string, minutes: number, isBreak: boolean): AgendaRow =>
    ({ time: clockAfter(deck.start, offset), title: rowTitle, minutes: strings.minutes(minutes), isBreak });
  const agendaRows: AgendaRow[] = [
    ...deck.cards.map((c) => ({ offset: c.offsetMinutes, row: agendaRow(c.offsetMinutes, c.card.title, c.minutes, false) })),
    ...deck.breaks.map((b) => ({ offset: b.offsetMinutes + 0.5, row: agendaRow(b.offsetMinutes, b.title ?? strings.break, b.minutes, true) })),
  ].sort((a, b) => a.offset - b.offset).map((r) => r.row);
  const rows = agendaRows.map((r) => `<li${r.isBreak ? ' class="agenda-break"' : ''}>`
    + `<span class="agenda-time">${r.time}</span> <span class="agenda-title">${escapeHtml(r.title)}</span> `
    + `<span class="agenda-minutes">${escapeHtml(r.minutes)}</span></li>`);
  const agendaTitle = deck.agendaTitle ?? strings.agenda;
  const agenda: Slide = {
    kind: 'agenda',
    html: `<h2>${escapeHtml(agendaTitle)}</h2>\n<ol class="agenda${rows.length > LONG_AGENDA ? ' agenda-long' : ''}">\n${rows.join('\n')}\n</ol>`,
    ...notes({ header: `${deck.start}–${end} · ${strings.minutes(totalMinutes)}`, main: deck.guidance.agenda }),
    timingSeconds: 120,
    content: { kind: 'agenda', title: agendaTitle, rows: agendaRows },
  };

  const cards = deck.cards.flatMap((placed) => renderCardSlides(placed, { strings, start: deck.start, themeCount }));

  const closingTitle = deck.closing.title ?? strings.closing;
  const closing: Slide = {
    kind: 'closing',
    html: `<h2>${escapeHtml(closingTitle)}</h2>` + (deck.closing.text ? `\n<p>${escapeHtml(deck.closing.text)}</p>` : ''),
    ...notes({ main: deck.guidance.closing }),
    timingSeconds: 120,
    content: { kind: 'closing', title: closingTitle, ...(deck.closing.text ? { text: deck.closing.text } : {}) },
  };
  return [title, agenda, ...cards, closing];
}
