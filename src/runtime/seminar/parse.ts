// Reading stored seminars back: this version's, and those an earlier version of samtale left in the browser.
//
// Earlier versions kept the times (`samtale.timing.v1/<deck>`, one state per deck, its `seminar` the day it
// began) apart from the record (`samtale:record:<deck>:<seminar>`, one per seminar). Both become seminars
// of this version: a record with its agreements and the minutes it had, and the times joined to the
// seminar of the same day. Their keys are left where they are, untouched.
import type { SeminarRecord } from '../../record/record.js';
import {
  DEFAULT_PREFS,
  type CardState,
  type DiscussionState,
  type Prefs,
  type SeminarDetails,
  type SeminarState,
  type TextField,
  initialSeminar,
} from './state.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const DAY = /^\d{4}-\d{2}-\d{2}/;

function parseField(v: unknown): TextField | undefined {
  if (!isObject(v) || !isString(v['text']) || !isNumber(v['rev']) || !isString(v['writer']) || !isNumber(v['at'])) return undefined;
  return { text: v['text'], rev: v['rev'], writer: v['writer'], at: v['at'] };
}

function parseCard(v: unknown): CardState | undefined {
  if (!isObject(v) || !isNumber(v['elapsedMs']) || !isNumber(v['adjustSeconds'])) return undefined;
  const card: CardState = { elapsedMs: v['elapsedMs'], adjustSeconds: v['adjustSeconds'] };
  if (isNumber(v['firstEnteredAt'])) card.firstEnteredAt = v['firstEnteredAt'];
  const agreed = parseField(v['agreed']);
  const followUp = parseField(v['followUp']);
  if (agreed) card.agreed = agreed;
  if (followUp) card.followUp = followUp;
  const recorded = v['recorded'];
  if (isObject(recorded)) {
    card.recorded = {
      ...(isNumber(recorded['plannedMinutes']) ? { plannedMinutes: recorded['plannedMinutes'] } : {}),
      ...(isNumber(recorded['actualMinutes']) ? { actualMinutes: recorded['actualMinutes'] } : {}),
    };
  }
  return card;
}

function parseDetails(v: unknown): SeminarDetails | undefined {
  if (!isObject(v) || !isString(v['title']) || !isString(v['date'])) return undefined;
  return {
    title: v['title'],
    date: v['date'],
    ...(isString(v['municipality']) ? { municipality: v['municipality'] } : {}),
    ...(isString(v['place']) ? { place: v['place'] } : {}),
  };
}

/** A stored seminar of this version; anything unexpected gives undefined (the caller keeps it aside). */
export function parseSeminar(value: unknown, deckId: string): SeminarState | undefined {
  if (!isObject(value) || value['version'] !== 2 || value['deckId'] !== deckId || !isString(value['id'])) return undefined;
  const details = parseDetails(value['details']);
  if (!details || !isNumber(value['createdAt']) || !isNumber(value['lastTick']) || !isObject(value['position']) || !isObject(value['cards'])) return undefined;
  for (const key of ['pauses', 'overrides', 'skipped', 'replans', 'gaps'] as const) {
    if (key === 'overrides' ? !isObject(value[key]) : !Array.isArray(value[key])) return undefined;
  }
  const cards: Record<string, CardState> = {};
  for (const [id, raw] of Object.entries(value['cards'])) {
    const card = parseCard(raw);
    if (!card) return undefined;
    cards[id] = card;
  }
  const running = value['running'];
  if (running !== undefined && !(isObject(running) && isString(running['cardId']) && isNumber(running['since']))) return undefined;
  // The arrays and the rest were written by this module's own counterpart; their shape is trusted after the checks above.
  return { ...(value as unknown as SeminarState), rehearsal: value['rehearsal'] === true, details, cards, gapsSeen: isNumber(value['gapsSeen']) ? value['gapsSeen'] : 0 };
}

export function parsePrefs(value: unknown): Prefs {
  const prefs: Prefs = { ...DEFAULT_PREFS };
  if (!isObject(value)) return prefs;
  for (const key of ['sound', 'deckTimer', 'showAgreements'] as const) if (typeof value[key] === 'boolean') prefs[key] = value[key];
  if (isNumber(value['discussionSeconds']) && value['discussionSeconds'] > 0 && value['discussionSeconds'] <= 86_400) prefs.discussionSeconds = value['discussionSeconds'];
  return prefs;
}

const MIGRATED = '~migrated';

/** A record an earlier version kept (its agreements and minutes), as a seminar of this version. */
export function seminarFromRecord(record: SeminarRecord, now: number): SeminarState {
  const date = record.date && DAY.test(record.date) ? record.date.slice(0, 10) : record.seminar.slice(0, 10);
  const details: SeminarDetails = { title: record.title, date, ...(record.municipality ? { municipality: record.municipality } : {}), ...(record.place ? { place: record.place } : {}) };
  const state = initialSeminar(record.deck, record.seminar, details, false, now);
  for (const [id, card] of Object.entries(record.cards)) {
    const at = card.updatedAt ? Date.parse(card.updatedAt) : now;
    const field = (text: string): TextField => ({ text, rev: 1, writer: MIGRATED, at: Number.isFinite(at) ? at : now });
    state.cards[id] = {
      elapsedMs: 0,
      adjustSeconds: 0,
      ...(card.agreed ? { agreed: field(card.agreed) } : {}),
      ...(card.followUp ? { followUp: field(card.followUp) } : {}),
      ...(card.plannedMinutes !== undefined || card.actualMinutes !== undefined
        ? { recorded: { ...(card.plannedMinutes !== undefined ? { plannedMinutes: card.plannedMinutes } : {}), ...(card.actualMinutes !== undefined ? { actualMinutes: card.actualMinutes } : {}) } }
        : {}),
    };
  }
  return state;
}

/**
 * An earlier version's timing state (version 1) joined into `into` (the seminar of the same day, or a new
 * one): its times, pauses, re-plans and countdown. A first card entered then counted as the start.
 * Returns the preferences it carried too.
 */
export function joinTimingV1(value: unknown, into: SeminarState): { state: SeminarState; prefs: Prefs } | undefined {
  if (!isObject(value) || value['version'] !== 1 || value['deckId'] !== into.deckId || !isObject(value['cards']) || !isNumber(value['lastTick'])) return undefined;
  const state: SeminarState = JSON.parse(JSON.stringify(into)) as SeminarState;
  for (const [id, raw] of Object.entries(value['cards'])) {
    if (!isObject(raw) || !isNumber(raw['elapsedMs']) || !isNumber(raw['adjustSeconds'])) continue;
    const entry = (state.cards[id] ??= { elapsedMs: 0, adjustSeconds: 0 });
    entry.elapsedMs = raw['elapsedMs'];
    entry.adjustSeconds = raw['adjustSeconds'];
    if (isNumber(raw['firstEnteredAt'])) entry.firstEnteredAt = raw['firstEnteredAt'];
  }
  if (isNumber(value['startedAt'])) state.startedAt = value['startedAt'];
  if (isNumber(value['endedAt'])) state.endedAt = value['endedAt'];
  state.lastTick = Math.max(state.lastTick, value['lastTick']);
  if (isObject(value['position'])) state.position = { atEnd: value['position']['atEnd'] === true, ...(isString(value['position']['cardId']) ? { cardId: value['position']['cardId'] } : {}) };
  const running = value['running'];
  if (isObject(running) && isString(running['cardId']) && isNumber(running['since'])) state.running = { cardId: running['cardId'], since: running['since'] };
  if (Array.isArray(value['pauses'])) state.pauses = value['pauses'].filter((p): p is SeminarState['pauses'][number] => isObject(p) && isNumber(p['from']));
  if (isObject(value['overrides'])) state.overrides = Object.fromEntries(Object.entries(value['overrides']).filter(([, v]) => isNumber(v))) as Record<string, number>;
  if (Array.isArray(value['skipped'])) state.skipped = value['skipped'].filter(isString);
  if (Array.isArray(value['replans'])) state.replans = value['replans'].filter(isObject) as unknown as SeminarState['replans'];
  if (Array.isArray(value['gaps'])) state.gaps = value['gaps'].filter((g): g is SeminarState['gaps'][number] => isObject(g) && isNumber(g['from']) && isNumber(g['to']));
  if (isNumber(value['gapsSeen'])) state.gapsSeen = value['gapsSeen'];
  const discussion = value['discussion'];
  if (isObject(discussion) && isNumber(discussion['totalMs']) && isNumber(discussion['elapsedMs'])) state.discussion = discussion as unknown as DiscussionState;
  return { state, prefs: parsePrefs(value['prefs']) };
}
