// The timing steps of a seminar: start, follow the deck, pause and break, ±1 min, skip, sleep detection.
//
// Rules (tested in tests/runtime/seminar.test.ts):
// - Nothing is timed before the facilitator starts the seminar: testing the remote at 08:50, showing the
//   agenda, looking at a card. The deck's position is still followed, so a start on a card times that card.
// - After the start, a card's timer runs while the deck shows one of its slides and the seminar is not
//   paused. Entering another card closes the running segment; returning resumes (times add up).
// - Title and agenda slides (before the cards) never stop a running card. The closing slide (after every
//   card) stops it and ends the seminar; going back into a card the same day takes it up again, while a
//   seminar that ended on an earlier day is only looked at.
// - A pause claims the planned break next to where the seminar stands (the card before the break, or the
//   one just after it); otherwise it is an unplanned pause.
// - A skipped card stays skipped until the facilitator takes it back: the deck's navigation passes it by.
import { type Plan, localDay } from './plan.js';
import {
  GAP_MS,
  MIN_EFFECTIVE_SECONDS,
  type GapRecord,
  type PauseRecord,
  type SeminarState,
  cardEntry,
  cloneSeminar,
  openPause,
} from './state.js';

/** Where a slide is, as the timers see it. */
export type SlidePlace =
  | { kind: 'card'; cardId: string }
  /** Title, agenda: before the cards. Never stops a running card. */
  | { kind: 'before' }
  /** The agreements overview and the closing: after every card. Ends the seminar. */
  | { kind: 'after' };

/** Closes the running segment into its card's elapsed time. */
function stopRunning(state: SeminarState, now: number): void {
  if (!state.running) return;
  const entry = cardEntry(state, state.running.cardId);
  entry.elapsedMs += Math.max(0, now - state.running.since);
  delete state.running;
}

function startRunning(state: SeminarState, cardId: string, now: number): void {
  cardEntry(state, cardId).firstEnteredAt ??= now;
  state.running = { cardId, since: now };
}

/** The facilitator starts the seminar: from now on the card on screen is timed, and the plan counts from now. */
export function startSeminar(state: SeminarState, now: number): SeminarState {
  if (state.startedAt !== undefined) return state;
  const next = cloneSeminar(state);
  next.startedAt = now;
  next.lastTick = now;
  if (next.position.cardId !== undefined && !next.position.atEnd) startRunning(next, next.position.cardId, now);
  return next;
}

/**
 * A start can be undone (a stray T on the title or the agenda) until the first card is reached: no card
 * is or was timed, there has been no pause, and the seminar has not ended.
 */
export function canUndoStart(state: SeminarState): boolean {
  if (state.startedAt === undefined || state.endedAt !== undefined || state.pauses.length > 0 || state.running !== undefined) return false;
  return Object.values(state.cards).every((card) => card.elapsedMs === 0);
}

/** Back to not started, where the deck stands now: nothing of the start is left. */
export function undoStart(state: SeminarState, now: number): SeminarState {
  if (!canUndoStart(state)) return state;
  const next = cloneSeminar(state);
  delete next.startedAt;
  delete next.running;
  next.gaps = [];
  next.gapsSeen = 0;
  next.lastTick = Math.max(now, state.lastTick);
  return next;
}

/** The deck showed a slide. Returns the same object when nothing changed. */
export function enterSlide(state: SeminarState, place: SlidePlace, now: number): SeminarState {
  if (place.kind === 'before') {
    // Before the start the position only follows the deck: back on the title or the agenda after testing
    // the remote, no card is current, so starting there starts the welcome, not a card.
    if (state.startedAt !== undefined || (state.position.cardId === undefined && !state.position.atEnd)) return state;
    const next = cloneSeminar(state);
    next.position = { atEnd: false };
    return next;
  }
  if (place.kind === 'after') {
    if (state.position.atEnd) return state;
    const next = cloneSeminar(state);
    stopRunning(next, now);
    next.position = { atEnd: true };
    if (next.startedAt !== undefined) next.endedAt = now;
    return next;
  }
  if (state.position.cardId === place.cardId && !state.position.atEnd) return state;
  const next = cloneSeminar(state);
  stopRunning(next, now);
  next.position = { cardId: place.cardId, atEnd: false };
  // Back from the closing slide the same day, the seminar goes on; one that ended on an earlier day is
  // only being looked at.
  if (next.endedAt !== undefined && localDay(next.endedAt) === localDay(now)) delete next.endedAt;
  if (next.startedAt !== undefined && next.endedAt === undefined && !openPause(next)) startRunning(next, place.cardId, now);
  return next;
}

/** Pauses the whole seminar (a break). Claims the planned break next to the current position, if any. */
export function pauseSeminar(state: SeminarState, plan: Plan, now: number): SeminarState {
  if (state.startedAt === undefined || state.endedAt !== undefined || openPause(state)) return state;
  const next = cloneSeminar(state);
  stopRunning(next, now);
  const pause: PauseRecord = { from: now };
  if (next.position.cardId !== undefined) pause.cardId = next.position.cardId;
  const breakId = claimableBreak(next, plan);
  if (breakId !== undefined) {
    pause.breakId = breakId;
    giveBackToBreak(next, plan, breakId, pause);
  }
  next.pauses.push(pause);
  return next;
}

/**
 * The facilitator stepped on to the card after the break (to show what comes next) before pressing Pause:
 * the time since that card came on was the break, not the card. It goes to the break; the card starts
 * afresh when the seminar resumes. Only for a card that has run without a stop since it first came on.
 */
function giveBackToBreak(state: SeminarState, plan: Plan, breakId: string, pause: PauseRecord): void {
  const cardId = state.position.cardId;
  const index = plan.items.findIndex((item) => item.id === breakId);
  const after = plan.items.slice(index + 1).find((item) => item.kind === 'card');
  const entry = cardId === undefined ? undefined : state.cards[cardId];
  if (!entry || after?.id !== cardId || entry.firstEnteredAt === undefined) return;
  if (entry.elapsedMs < pause.from - entry.firstEnteredAt - 1000) return;
  pause.from = entry.firstEnteredAt;
  entry.elapsedMs = 0;
  delete entry.firstEnteredAt;
}

/**
 * The planned break a pause starting now would be: the first break not yet taken whose neighbouring card
 * (before or after it) is the current card. Before the first card, a break at the very start of the plan.
 */
export function claimableBreak(state: SeminarState, plan: Plan): string | undefined {
  if (state.position.atEnd) return undefined;
  const taken = new Set(state.pauses.map((p) => p.breakId).filter((id): id is string => id !== undefined));
  const here = state.position.cardId;
  for (const [index, item] of plan.items.entries()) {
    if (item.kind !== 'break' || taken.has(item.id)) continue;
    const before = plan.items.slice(0, index).reverse().find((i) => i.kind === 'card');
    const after = plan.items.slice(index + 1).find((i) => i.kind === 'card');
    if (here === undefined ? before === undefined : here === before?.id || here === after?.id) return item.id;
  }
  return undefined;
}

export function resumeSeminar(state: SeminarState, now: number): SeminarState {
  if (!openPause(state)) return state;
  const next = cloneSeminar(state);
  openPause(next)!.to = now;
  if (next.position.cardId !== undefined && !next.position.atEnd) startRunning(next, next.position.cardId, now);
  return next;
}

/** ±1 min (or any seconds) on the current card's budget; never below MIN_EFFECTIVE_SECONDS. */
export function adjustCurrent(state: SeminarState, plan: Plan, deltaSeconds: number): SeminarState {
  const cardId = state.position.atEnd ? undefined : state.position.cardId;
  const card = plan.items.find((item) => item.kind === 'card' && item.id === cardId);
  if (cardId === undefined || card === undefined) return state;
  const next = cloneSeminar(state);
  const entry = cardEntry(next, cardId);
  const base = next.overrides[cardId] ?? card.plannedSeconds;
  entry.adjustSeconds = Math.max(MIN_EFFECTIVE_SECONDS - base, entry.adjustSeconds + deltaSeconds);
  return next;
}

/** Leaves a card out of the day (not the one on screen): navigation passes it by until it is taken back. */
export function skipCard(state: SeminarState, plan: Plan, cardId: string): SeminarState {
  const known = plan.items.some((item) => item.kind === 'card' && item.id === cardId);
  if (!known || state.skipped.includes(cardId) || (state.position.cardId === cardId && !state.position.atEnd)) return state;
  const next = cloneSeminar(state);
  next.skipped.push(cardId);
  return next;
}

/** Takes a skipped card back into the day. */
export function unskipCard(state: SeminarState, cardId: string): SeminarState {
  if (!state.skipped.includes(cardId)) return state;
  const next = cloneSeminar(state);
  next.skipped = next.skipped.filter((id) => id !== cardId);
  return next;
}

/** Starts the times over (back to "not started"); what the council agreed stays. */
export function resetTimes(state: SeminarState, now: number): SeminarState {
  const next = cloneSeminar(state);
  for (const [id, entry] of Object.entries(next.cards)) {
    next.cards[id] = { elapsedMs: 0, adjustSeconds: 0, ...(entry.agreed ? { agreed: entry.agreed } : {}), ...(entry.followUp ? { followUp: entry.followUp } : {}), ...(entry.recorded ? { recorded: entry.recorded } : {}) };
  }
  delete next.startedAt;
  delete next.endedAt;
  delete next.running;
  next.pauses = [];
  next.overrides = {};
  next.skipped = [];
  next.replans = [];
  next.gaps = [];
  next.gapsSeen = 0;
  next.lastTick = now;
  return next;
}

/**
 * The deck's clock ticked. A jump of more than GAP_MS while a card is timed is recorded as a gap (`sleep`
 * while the deck ran, `closed` when the deck has just been opened again); the time still counts for the card.
 */
export function tick(state: SeminarState, now: number, kind: GapRecord['kind'] = 'sleep'): SeminarState {
  const gap = state.running && now - Math.max(state.lastTick, state.running.since) > GAP_MS;
  if (!gap && now <= state.lastTick) return state;
  const next = cloneSeminar(state);
  if (gap && state.running) {
    // Only the part of the silence during which this card was timed.
    next.gaps.push({ from: Math.max(state.lastTick, state.running.since), to: now, cardId: state.running.cardId, kind });
  }
  next.lastTick = Math.max(now, state.lastTick);
  return next;
}

export function dismissGaps(state: SeminarState): SeminarState {
  if (state.gapsSeen === state.gaps.length) return state;
  return { ...cloneSeminar(state), gapsSeen: state.gaps.length };
}

/**
 * A seminar left running and untouched for longer than `staleMs` (yesterday's, never closed) is over: it
 * ends at its last tick, so opening the deck again never times the night.
 */
export function closeIfStale(state: SeminarState, now: number, staleMs: number): SeminarState {
  if (state.startedAt === undefined || state.endedAt !== undefined || now - state.lastTick <= staleMs) return state;
  const next = cloneSeminar(state);
  const at = next.lastTick;
  stopRunning(next, at);
  const pause = openPause(next);
  if (pause) pause.to = at;
  delete next.discussion;
  next.endedAt = at;
  return next;
}
