// The seminar as a record of what the council agreed: what the Markdown and JSON exports, the closing
// overview and `samtale record` read. Minutes and statuses come from the same projection as the plan
// and the CSV, so every export says the same about every card.
import type { CardStatus, RecordCardInfo, SeminarRecord } from '../../record/record.js';
import { decimalMinutes } from '../kit/format.js';
import type { Plan } from './plan.js';
import type { Projection, RowProjection } from './projection.js';
import type { SeminarState } from './state.js';

/** What a card's row in the plan means for the record. */
export function cardStatus(row: RowProjection): CardStatus {
  if (row.status === 'skipped') return 'skipped';
  return row.actualSeconds > 0 || row.status === 'done' || row.status === 'current' ? 'held' : 'not-held';
}

/** The cards as the record names them: in the day's order, with their action questions. */
export function recordCards(plan: Plan): RecordCardInfo[] {
  return plan.items.flatMap((item) =>
    item.kind === 'card' ? [{ id: item.id, title: item.title, ...(item.actionQuestion ? { actionQuestion: item.actionQuestion } : {}) }] : [],
  );
}

export function seminarRecord(plan: Plan, state: SeminarState, projection: Projection): SeminarRecord {
  const record: SeminarRecord = { deck: state.deckId, seminar: state.id, title: state.details.title, date: state.details.date, cards: {} };
  if (state.details.municipality) record.municipality = state.details.municipality;
  if (state.details.place) record.place = state.details.place;
  if (state.startedAt !== undefined) record.startedAt = new Date(state.startedAt).toISOString();
  if (state.rehearsal) record.rehearsal = true;
  const started = state.startedAt !== undefined;
  const rows = new Map(projection.rows.map((row) => [row.id, row]));
  const ids = [...recordCards(plan).map((c) => c.id), ...Object.keys(state.cards).filter((id) => !rows.has(id))];
  for (const id of ids) {
    const entry = state.cards[id];
    const row = rows.get(id);
    const agreed = entry?.agreed;
    const followUp = entry?.followUp;
    // This seminar's own minutes once it has started; a card it never timed keeps what an imported record
    // said of it; before the start there are no minutes to tell.
    const own = started && row !== undefined && (row.actualSeconds > 0 || row.status === 'skipped' || !entry?.recorded);
    const timed = started && row !== undefined && (row.actualSeconds > 0 || row.status === 'skipped');
    const planned = own ? row.plannedSeconds / 60 : entry?.recorded?.plannedMinutes;
    const actual = own ? decimalMinutes(row.actualSeconds) : entry?.recorded?.actualMinutes;
    if (!agreed && !followUp && !timed && !entry?.recorded && row?.status !== 'skipped') continue;
    const at = Math.max(agreed?.at ?? 0, followUp?.at ?? 0);
    record.cards[id] = {
      agreed: agreed?.text ?? '',
      followUp: followUp?.text ?? '',
      ...(at > 0 ? { updatedAt: new Date(at).toISOString() } : {}),
      ...(planned !== undefined ? { plannedMinutes: planned } : {}),
      ...(actual !== undefined ? { actualMinutes: actual } : {}),
      ...(row && (started || row.status === 'skipped') ? { status: cardStatus(row) } : {}),
    };
  }
  return record;
}
