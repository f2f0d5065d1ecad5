// What the council agreed: typing into a card's fields, the seminar's details, and a record file read back in.
import type { SeminarRecord } from '../../record/record.js';
import { type ImportBackup, type SeminarDetails, type SeminarState, type TextField, cardEntry, cloneSeminar } from './state.js';

export type AgreementField = 'agreed' | 'followUp';

/** One keystroke's result: the whole text of one field of one card, at a revision. */
export interface FieldWrite {
  cardId: string;
  field: AgreementField;
  text: string;
  rev: number;
  writer: string;
}

/** Whether `write` is newer than what the field holds: a higher revision, or the same from a later writer id. */
export function isNewer(write: Pick<FieldWrite, 'rev' | 'writer'>, current: Pick<TextField, 'rev' | 'writer'> | undefined): boolean {
  if (!current) return true;
  return write.rev > current.rev || (write.rev === current.rev && write.writer > current.writer);
}

/**
 * Sets one field of one card to the text typed, if it is newer than what the field holds. Texts are never
 * merged: of two windows typing the same field the newer whole text wins, so nothing is ever spliced.
 */
export function writeField(state: SeminarState, write: FieldWrite, now: number): SeminarState {
  const current = state.cards[write.cardId]?.[write.field];
  if (!isNewer(write, current)) return state;
  const next = cloneSeminar(state);
  cardEntry(next, write.cardId)[write.field] = { text: write.text, rev: write.rev, writer: write.writer, at: now };
  return next;
}

/** Council, date and place of the seminar, as the facilitator corrects them. Empty text removes a detail (not the date). */
export function setDetails(state: SeminarState, patch: Partial<Omit<SeminarDetails, 'title'>>): SeminarState {
  const next = cloneSeminar(state);
  for (const key of ['municipality', 'place'] as const) {
    const value = patch[key];
    if (value === undefined) continue;
    if (value.trim() === '') delete next.details[key];
    else next.details[key] = value.trim();
  }
  if (patch.date !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(patch.date)) next.details.date = patch.date;
  return JSON.stringify(next.details) === JSON.stringify(state.details) ? state : next;
}

const IMPORT_WRITER = '~import';

/**
 * Reads an exported record of this seminar back in: its text wins for every card it lists (cards it does
 * not list keep theirs), its details replace the seminar's, and its minutes are kept for cards this
 * seminar never timed. What it replaced is kept, so the import can be undone.
 */
export function importRecord(state: SeminarState, record: SeminarRecord, now: number): SeminarState {
  const next = cloneSeminar(state);
  const backup: ImportBackup = { details: { ...state.details }, cards: {} };
  for (const [cardId, card] of Object.entries(record.cards)) {
    const entry = cardEntry(next, cardId);
    const before = state.cards[cardId];
    backup.cards[cardId] = { ...(before?.agreed ? { agreed: before.agreed } : {}), ...(before?.followUp ? { followUp: before.followUp } : {}), ...(before?.recorded ? { recorded: before.recorded } : {}) };
    entry.agreed = { text: card.agreed, rev: (before?.agreed?.rev ?? 0) + 1, writer: IMPORT_WRITER, at: now };
    entry.followUp = { text: card.followUp, rev: (before?.followUp?.rev ?? 0) + 1, writer: IMPORT_WRITER, at: now };
    if (card.plannedMinutes !== undefined || card.actualMinutes !== undefined) {
      entry.recorded = {
        ...(card.plannedMinutes !== undefined ? { plannedMinutes: card.plannedMinutes } : {}),
        ...(card.actualMinutes !== undefined ? { actualMinutes: card.actualMinutes } : {}),
      };
    }
  }
  if (record.title) next.details.title = record.title;
  for (const key of ['municipality', 'place'] as const) {
    const value = record[key];
    if (value !== undefined) next.details[key] = value;
  }
  if (record.date && /^\d{4}-\d{2}-\d{2}$/.test(record.date)) next.details.date = record.date;
  next.importBackup = backup;
  return next;
}

/** Puts back what the last import replaced. */
export function undoImport(state: SeminarState, now: number): SeminarState {
  const backup = state.importBackup;
  if (!backup) return state;
  const next = cloneSeminar(state);
  next.details = { ...backup.details };
  for (const [cardId, before] of Object.entries(backup.cards)) {
    const entry = cardEntry(next, cardId);
    for (const field of ['agreed', 'followUp'] as const) {
      const rev = (entry[field]?.rev ?? 0) + 1;
      // The old text comes back at a new revision, so it wins over the import everywhere.
      entry[field] = { text: before[field]?.text ?? '', rev, writer: IMPORT_WRITER, at: now };
    }
    if (before.recorded) entry.recorded = before.recorded;
    else delete entry.recorded;
  }
  delete next.importBackup;
  return next;
}
