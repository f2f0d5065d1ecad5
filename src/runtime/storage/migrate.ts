// Moving what an earlier version of samtale kept in this browser into this version's seminars, once per deck.
//
// Earlier versions kept the times in `samtale.timing.v1/<deck>` and the record in `samtale:record:<deck>:<id>`
// (with an index `samtale:records:<deck>`). Each record becomes a seminar with its agreements and minutes;
// the times join the seminar of the day they began (or one of their own). The old keys stay as they were.
import type { SeminarRecord } from '../../record/record.js';
import { parseRecordValue } from '../../record/files.js';
import { joinTimingV1, seminarFromRecord } from '../seminar/parse.js';
import type { Plan } from '../seminar/plan.js';
import { initialSeminar, type Prefs } from '../seminar/state.js';
import { manifestDetails } from '../seminar/identity.js';
import type { SeminarStore } from './seminar-store.js';

const V1_TIMING = (deck: string) => `samtale.timing.v1/${deck}`;
const V1_RECORD = (deck: string) => `samtale:record:${deck}:`;
const V1_INDEX = (deck: string) => `samtale:records:${deck}`;

/** Migrates once (when this deck has no seminar of this version yet). Returns the preferences found, if any. */
export function migrateV1(store: SeminarStore, plan: Plan, now: number): Prefs | undefined {
  const deck = store.deckId;
  if (store.activeId() !== undefined || store.keys(store.key('seminar', '')).length > 0) return undefined;
  const records: SeminarRecord[] = [];
  for (const key of store.keys(V1_RECORD(deck))) {
    const id = key.slice(V1_RECORD(deck).length);
    if (id === '' || id.includes(':')) continue;
    try {
      const record = parseRecordValue(JSON.parse(store.read(key) ?? 'null'));
      if (record && record.deck === deck && record.seminar === id) records.push(record);
    } catch {
      // An unreadable old record stays where it is, untouched.
    }
  }
  const seminars = new Map(records.map((record) => [record.seminar, seminarFromRecord(record, now)]));
  let prefs: Prefs | undefined;
  let timingSeminar: string | undefined;
  try {
    // The earlier version stored `{ revision, state }`.
    const old = (JSON.parse(store.read(V1_TIMING(deck)) ?? 'null') as { state?: { seminar?: unknown } } | null)?.state;
    if (old && typeof old.seminar === 'string') {
      const day = old.seminar;
      const into = seminars.get(day) ?? initialSeminar(deck, day, manifestDetails(plan, day), false, now);
      const joined = joinTimingV1(old, into);
      if (joined) {
        seminars.set(day, joined.state);
        prefs = joined.prefs;
        timingSeminar = day;
      }
    }
  } catch {
    // Unreadable old times are left alone.
  }
  if (seminars.size === 0) return undefined;
  for (const state of seminars.values()) store.save(state);
  let active: string | undefined;
  try {
    const index = JSON.parse(store.read(V1_INDEX(deck)) ?? 'null') as { active?: unknown } | null;
    if (typeof index?.active === 'string' && seminars.has(index.active)) active = index.active;
  } catch {
    // No index: the seminar with the times, or the last one.
  }
  store.setActive(active ?? timingSeminar ?? [...seminars.keys()].sort().pop()!);
  return prefs;
}
