// Renders a resolved deck into its slides: title, agenda, every card's slides, closing.
import type { Deck } from '../../model.js';
import { dayEntries, dayMinutes } from '../day-plan.js';
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
  const day = dayMinutes(deck);
  const end = clockAfter(deck.start, day.total);
  // The welcome's minutes are shared by the title and the agenda; reveal.js's pacing reads them.
  const welcomeSeconds = deck.welcome.minutes > 0 ? (deck.welcome.minutes * 60) / 2 : 120;

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
    timingSeconds: welcomeSeconds,
    content: { kind: 'title', title: deck.title, ...(deck.subtitle ? { subtitle: deck.subtitle } : {}), meta: metaLines.map((l) => l.text) },
  };

  const agendaRows = dayEntries(deck).map((entry): AgendaRow => ({
    time: clockAfter(deck.start, entry.offset),
    title: entry.kind === 'card' ? entry.placed.card.title
      : entry.kind === 'break' ? entry.item.title ?? strings.break
      : entry.kind === 'welcome' ? strings.welcome : strings.closingRow,
    minutes: strings.minutes(entry.minutes),
    isBreak: entry.kind === 'break',
    ...(entry.kind === 'welcome' || entry.kind === 'closing' ? { frame: entry.kind } : {}),
  }));
  const rowClass = (r: AgendaRow) => (r.isBreak ? 'agenda-break' : r.frame ? `agenda-frame agenda-${r.frame}` : '');
  const rows = agendaRows.map((r) => `<li${rowClass(r) ? ` class="${rowClass(r)}"` : ''}>`
    + `<span class="agenda-time">${r.time}</span> <span class="agenda-title">${escapeHtml(r.title)}</span> `
    + `<span class="agenda-minutes">${escapeHtml(r.minutes)}</span></li>`);
  const agendaTitle = deck.agendaTitle ?? strings.agenda;
  const agenda: Slide = {
    kind: 'agenda',
    html: `<h2>${escapeHtml(agendaTitle)}</h2>\n<ol class="agenda${rows.length > LONG_AGENDA ? ' agenda-long' : ''}">\n${rows.join('\n')}\n</ol>`,
    ...notes({ header: `${deck.start}–${end} · ${strings.minutes(day.total)}`, main: deck.guidance.agenda }),
    timingSeconds: welcomeSeconds,
    content: { kind: 'agenda', title: agendaTitle, rows: agendaRows },
  };

  const cards = deck.cards.flatMap((placed) => renderCardSlides(placed, { strings, start: deck.start, themeCount }));

  const closingTitle = deck.closing.title ?? strings.closing;
  const closing: Slide = {
    kind: 'closing',
    html: `<h2>${escapeHtml(closingTitle)}</h2>` + (deck.closing.text ? `\n<p>${escapeHtml(deck.closing.text)}</p>` : ''),
    ...notes({ main: deck.guidance.closing }),
    timingSeconds: deck.closing.minutes > 0 ? deck.closing.minutes * 60 : 120,
    content: { kind: 'closing', title: closingTitle, ...(deck.closing.text ? { text: deck.closing.text } : {}) },
  };
  return [title, agenda, ...cards, closing];
}
