// After a re-plan or a skip, the deck's own agenda slide and card title slides show the new minutes and times.
//
// The agenda rows are matched to the plan by order (the renderer writes
// cards and breaks in plan order, between the welcome's and the closing's
// rows) and checked by card title; if the slide does not match the plan (a
// hand-edited page), it is left alone. Times of cards still ahead, and of
// the closing, become their expected start, rounded to the minute; skipped
// cards are struck through. Undoing every re-plan restores the
// original text, kept in data attributes.
import { formatClock } from '../kit/format.js';
import type { Plan } from '../seminar/plan.js';
import type { Projection } from '../seminar/projection.js';
import type { Strings } from '../strings/index.js';

const ORIGINAL_TIME = 'data-samtale-planned-time';
const ORIGINAL_MINUTES = 'data-samtale-planned-minutes';
const SKIPPED_CLASS = 'agenda-skipped';

function remember(element: Element | null, attribute: string): string | undefined {
  if (!element) return undefined;
  if (!element.hasAttribute(attribute)) element.setAttribute(attribute, element.textContent ?? '');
  return element.getAttribute(attribute) ?? undefined;
}

const roundToMinute = (ms: number) => Math.round(ms / 60_000) * 60_000;

/** Writes the projection's minutes and times into the agenda and card title slides; `replanned` false restores them. */
export function updateAgenda(doc: Document, plan: Plan, projection: Projection, strings: Strings, replanned: boolean): void {
  const agenda = '.reveal .slides section.samtale-agenda ol.agenda';
  const rows = Array.from(doc.querySelectorAll<HTMLLIElement>(`${agenda} > li:not(.agenda-frame)`));
  const matches =
    rows.length === plan.items.length &&
    plan.items.every((item, i) => item.kind === 'break' || rows[i]!.querySelector('.agenda-title')?.textContent?.trim() === item.title.trim());
  if (matches) {
    projection.rows.forEach((row, i) => {
      const li = rows[i]!;
      const time = li.querySelector('.agenda-time');
      const minutes = li.querySelector('.agenda-minutes');
      const plannedTime = remember(time, ORIGINAL_TIME);
      const plannedMinutes = remember(minutes, ORIGINAL_MINUTES);
      const skipped = replanned && row.status === 'skipped';
      li.classList.toggle(SKIPPED_CLASS, skipped);
      if (time) time.textContent = replanned && row.status === 'ahead' && row.start !== undefined ? formatClock(roundToMinute(row.start), plan.language) : plannedTime ?? '';
      if (minutes) {
        minutes.textContent = !replanned ? plannedMinutes ?? ''
          : skipped ? strings.skippedShort
          : strings.minutes(Math.round(row.effectiveSeconds / 60));
      }
    });
    const closing = doc.querySelector(`${agenda} > li.agenda-closing .agenda-time`);
    const plannedClosing = remember(closing, ORIGINAL_TIME);
    if (closing) {
      const expected = projection.projectedEnd - plan.closingSeconds * 1000;
      closing.textContent = replanned && !projection.ended ? formatClock(roundToMinute(expected), plan.language) : plannedClosing ?? '';
    }
  }
  for (const row of projection.rows) {
    if (row.kind !== 'card') continue;
    for (const badge of doc.querySelectorAll(`.reveal .slides section.samtale-card-title[data-card="${CSS.escape(row.id)}"] .card-minutes`)) {
      const planned = remember(badge, ORIGINAL_MINUTES);
      badge.textContent = replanned && row.effectiveSeconds !== row.plannedSeconds ? strings.minutes(Math.round(row.effectiveSeconds / 60)) : planned ?? '';
    }
  }
}
