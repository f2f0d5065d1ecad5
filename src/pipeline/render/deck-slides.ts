// Renders a resolved deck into its slides: title, agenda, every card's slides, closing.
import type { Deck } from '../../model.js';
import { clockAfter } from '../resolve.js';
import { renderCardSlides } from './card-slides.js';
import { slideNotesHtml } from './guidance.js';
import { escapeHtml } from './html.js';
import type { Slide, SlideNotes } from './slide.js';
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
  const line = (parts: (string | undefined)[], className: string) => {
    const shown = parts.filter((s): s is string => Boolean(s)).map(escapeHtml).join(' · ');
    return shown ? `\n<p class="meta ${className}">${shown}</p>` : '';
  };
  const date = deck.date ? strings.date(deck.date) : undefined;
  const title: Slide = {
    kind: 'title',
    html: `<h1>${escapeHtml(deck.title)}</h1>`
      + (deck.subtitle ? `\n<p class="subtitle">${escapeHtml(deck.subtitle)}</p>` : '')
      + line([deck.municipality ?? deck.organisation], 'meta-for')
      + line([date, deck.place], 'meta-when')
      + line([deck.facilitator ? strings.facilitator(deck.facilitator) : undefined], 'meta-by'),
    ...notes({ main: deck.guidance.title }),
    timingSeconds: 120,
  };

  const row = (offset: number, title: string, minutes: number, className = '') => `<li${className ? ` class="${className}"` : ''}>`
    + `<span class="agenda-time">${clockAfter(deck.start, offset)}</span> <span class="agenda-title">${escapeHtml(title)}</span> `
    + `<span class="agenda-minutes">${escapeHtml(strings.minutes(minutes))}</span></li>`;
  const rows = [
    ...deck.cards.map((c) => ({ offset: c.offsetMinutes, html: row(c.offsetMinutes, c.card.title, c.minutes) })),
    ...deck.breaks.map((b) => ({ offset: b.offsetMinutes + 0.5, html: row(b.offsetMinutes, b.title ?? strings.break, b.minutes, 'agenda-break') })),
  ].sort((a, b) => a.offset - b.offset).map((r) => r.html);
  const agenda: Slide = {
    kind: 'agenda',
    html: `<h2>${escapeHtml(deck.agendaTitle ?? strings.agenda)}</h2>\n<ol class="agenda${rows.length > LONG_AGENDA ? ' agenda-long' : ''}">\n${rows.join('\n')}\n</ol>`,
    ...notes({ header: `${deck.start}–${end} · ${strings.minutes(totalMinutes)}`, main: deck.guidance.agenda }),
    timingSeconds: 120,
  };

  const cards = deck.cards.flatMap((placed) => renderCardSlides(placed, { strings, start: deck.start, themeCount }));

  const closing: Slide = {
    kind: 'closing',
    html: `<h2>${escapeHtml(deck.closing.title ?? strings.closing)}</h2>` + (deck.closing.text ? `\n<p>${escapeHtml(deck.closing.text)}</p>` : ''),
    ...notes({ main: deck.guidance.closing }),
    timingSeconds: 120,
  };
  return [title, agenda, ...cards, closing];
}
