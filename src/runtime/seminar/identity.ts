// Which seminar the deck works in: the seminar of the manifest's day, a rehearsal on any other day, or
// the one the facilitator chose.
//
// A deck whose manifest names a `date` holds its seminar on that day (id "2027-03-02"); opened on any other
// day it works in a rehearsal of that day ("proeve-2027-03-01"), so a run-through the day before never
// touches the seminar's times or record. A deck without a date holds a seminar on the day it is used. The
// facilitator can start a rehearsal on the day itself, go back to the seminar, and start a further seminar
// ("2027-03-02-2").
import { localDay } from './plan.js';
import type { Plan } from './plan.js';
import type { SeminarDetails, SeminarState } from './state.js';

/** A seminar idle for this long is over; opening the deck again works in the day's own seminar. */
export const STALE_MS = 12 * 60 * 60 * 1000;
const REHEARSAL_PREFIX = 'proeve-';

/** What the view lists of each stored seminar. */
export interface SeminarSummary {
  id: string;
  rehearsal: boolean;
  details: SeminarDetails;
  startedAt?: number;
  lastTick: number;
  /** Cards with something agreed or a follow-up. */
  agreements: number;
}

export function summarise(state: SeminarState): SeminarSummary {
  const agreements = Object.values(state.cards).filter((c) => (c.agreed?.text ?? '').trim() !== '' || (c.followUp?.text ?? '').trim() !== '').length;
  return {
    id: state.id,
    rehearsal: state.rehearsal,
    details: state.details,
    ...(state.startedAt !== undefined ? { startedAt: state.startedAt } : {}),
    lastTick: state.lastTick,
    agreements,
  };
}

/** A seminar to open: an existing one, or one to create. */
export type SeminarChoice = { kind: 'open'; id: string } | { kind: 'create'; id: string; rehearsal: boolean; details: SeminarDetails };

/** Details of a new seminar of this deck: named and dated from the manifest. */
export function manifestDetails(plan: Plan, date: string): SeminarDetails {
  return {
    title: plan.title,
    date,
    ...(plan.municipality ? { municipality: plan.municipality } : {}),
    ...(plan.place ? { place: plan.place } : {}),
  };
}

/** The id of a new seminar dated `date` (or a rehearsal on that day), not clashing with `taken`. */
export function newSeminarId(date: string, rehearsal: boolean, taken: readonly string[]): string {
  const base = rehearsal ? `${REHEARSAL_PREFIX}${date}` : date;
  if (!taken.includes(base)) return base;
  for (let n = 2; ; n++) if (!taken.includes(`${base}-${n}`)) return `${base}-${n}`;
}

/** The seminar this day belongs to: the manifest's seminar on its day, otherwise a rehearsal (with a date), or today's seminar. */
export function daySeminar(plan: Plan, stored: readonly SeminarSummary[], now: number): SeminarChoice {
  const today = localDay(now);
  const rehearsal = plan.date !== undefined && plan.date !== today;
  const existing = stored.filter((s) => s.rehearsal === rehearsal && s.details.date === today && (rehearsal || s.id.startsWith(today)));
  // The newest of the day's own kind: a reload later that day continues it.
  const latest = existing.sort((a, b) => b.lastTick - a.lastTick)[0];
  if (latest) return { kind: 'open', id: latest.id };
  return { kind: 'create', id: newSeminarId(today, rehearsal, stored.map((s) => s.id)), rehearsal, details: manifestDetails(plan, today) };
}

/**
 * The seminar to work in when the deck opens: the one it worked in last, if it was used today or is still
 * going (within STALE_MS, across midnight); otherwise the day's own seminar.
 */
export function openingSeminar(plan: Plan, active: SeminarSummary | undefined, stored: readonly SeminarSummary[], now: number): SeminarChoice {
  if (active) {
    const today = localDay(now);
    const touchedToday = localDay(active.lastTick) === today || active.details.date === today;
    // Yesterday evening's rehearsal never carries over into the seminar's own day.
    const stillGoing = now - active.lastTick <= STALE_MS && !(active.rehearsal && plan.date === today);
    if (touchedToday || stillGoing) return { kind: 'open', id: active.id };
  }
  return daySeminar(plan, stored, now);
}

/** A rehearsal on the day of `now`, beside the seminar (the facilitator asked for one). */
export function rehearsalChoice(plan: Plan, stored: readonly SeminarSummary[], now: number): SeminarChoice {
  const today = localDay(now);
  return { kind: 'create', id: newSeminarId(today, true, stored.map((s) => s.id)), rehearsal: true, details: manifestDetails(plan, today) };
}

/** The seminar proper for the day of `now` (leaving a rehearsal): the manifest's, or today's. */
export function seminarChoice(plan: Plan, stored: readonly SeminarSummary[], now: number): SeminarChoice {
  const date = plan.date ?? localDay(now);
  const existing = stored.filter((s) => !s.rehearsal && s.id === date)[0];
  if (existing) return { kind: 'open', id: existing.id };
  return { kind: 'create', id: date, rehearsal: false, details: manifestDetails(plan, date) };
}
