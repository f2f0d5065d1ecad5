// The seminar's timing state and the pure steps that change it (enter a card, pause, ±1 min, reset, …).
//
// All times are wall-clock epoch milliseconds passed in by the caller, so a
// laptop that sleeps counts the sleep as elapsed time of the running card,
// and every function here is testable with fixed inputs.
//
// Rules (docs in facilitator/index.ts, tested in tests/runtime/timing.test.ts):
// - A card's timer runs while the deck shows one of its slides and the
//   seminar is not paused. Entering another card closes the running segment;
//   returning resumes (times add up, nothing resets).
// - Title and agenda slides (before the cards) never stop a running card:
//   showing the agenda mid-seminar is part of the discussion. The closing
//   slide (after every card) stops it: the plan is done.
// - A pause claims the planned break next to where the seminar stands (the
//   card before the break, or the one just after it); otherwise it is an
//   unplanned pause.
import { type Plan, localDay } from './plan.js';

/** Per-card record. */
export interface CardRecord {
  /** Milliseconds of closed segments (the open one is `running`). */
  elapsedMs: number;
  /** When one of its slides was first shown (the timer started). */
  firstEnteredAt?: number;
  /** ±1 min adjustments by the facilitator, in seconds. */
  adjustSeconds: number;
}

export interface PauseRecord {
  from: number;
  /** Unset while the pause lasts. */
  to?: number;
  /** The card the deck was on when the pause began. */
  cardId?: string;
  /** The planned break this pause is (its `break-n` id), if any. */
  breakId?: string;
}

/** A stretch of wall-clock time nobody saw pass: the laptop slept, or the deck was closed. */
export interface GapRecord {
  from: number;
  to: number;
  /** The card whose timer ran through it. */
  cardId: string;
  kind: 'sleep' | 'closed';
}

/** What a re-plan changed, so it can be undone. */
export interface ReplanRecord {
  at: number;
  kind: 'shorten' | 'skip';
  cardIds: string[];
  before: { overrides: Record<string, number>; skipped: string[]; adjust: Record<string, number> };
}

/** The projector's discussion countdown. */
export interface DiscussionState {
  totalMs: number;
  /** Milliseconds counted before `runningSince` (pauses stop the count). */
  elapsedMs: number;
  runningSince?: number;
}

export interface Prefs {
  /** A soft sound when the discussion countdown ends. Off by default. */
  sound: boolean;
  /** The card countdown in a corner of the audience screen. Off by default. */
  deckTimer: boolean;
  /** The last discussion length chosen, for the deck's `D` key. */
  discussionSeconds: number;
}

export interface TimingState {
  version: 1;
  deckId: string;
  /** Local day ("YYYY-MM-DD") the seminar is held: part of the storage key. */
  seminar: string;
  createdAt: number;
  /** Last time the deck's clock ticked; a jump of more than GAP_MS is a sleep. */
  lastTick: number;
  /** When the first card was entered. */
  startedAt?: number;
  /** When the closing slide was reached after the cards. */
  endedAt?: number;
  /** Where the deck stands: a card, or past all cards (`atEnd`). */
  position: { cardId?: string; atEnd: boolean };
  /** The open timing segment: a card is being timed since `since`. */
  running?: { cardId: string; since: number };
  pauses: PauseRecord[];
  cards: Record<string, CardRecord>;
  /** Re-planned seconds per card (before ±1 min adjustments). */
  overrides: Record<string, number>;
  skipped: string[];
  replans: ReplanRecord[];
  gaps: GapRecord[];
  /** How many gaps the facilitator has dismissed from the view. */
  gapsSeen: number;
  discussion?: DiscussionState;
  prefs: Prefs;
}

/** More than this between two ticks of a running timer is a sleep (or a closed deck), and the view says so. */
export const GAP_MS = 2 * 60 * 1000;
/** ±1 min never takes a card below this. */
export const MIN_EFFECTIVE_SECONDS = 60;

export const DEFAULT_PREFS: Readonly<Prefs> = Object.freeze({ sound: false, deckTimer: false, discussionSeconds: 180 });

export function initialState(deckId: string, now: number, prefs: Prefs = { ...DEFAULT_PREFS }): TimingState {
  return {
    version: 1,
    deckId,
    seminar: localDay(now),
    createdAt: now,
    lastTick: now,
    position: { atEnd: false },
    pauses: [],
    cards: {},
    overrides: {},
    skipped: [],
    replans: [],
    gaps: [],
    gapsSeen: 0,
    prefs,
  };
}

const clone = (state: TimingState): TimingState => JSON.parse(JSON.stringify(state)) as TimingState;

function record(state: TimingState, cardId: string): CardRecord {
  return (state.cards[cardId] ??= { elapsedMs: 0, adjustSeconds: 0 });
}

/** The open pause, if the seminar is paused. */
export function openPause(state: TimingState): PauseRecord | undefined {
  const last = state.pauses[state.pauses.length - 1];
  return last !== undefined && last.to === undefined ? last : undefined;
}

/** Closes the running segment into its card's elapsed time. */
function stopRunning(state: TimingState, now: number): void {
  if (!state.running) return;
  const rec = record(state, state.running.cardId);
  rec.elapsedMs += Math.max(0, now - state.running.since);
  delete state.running;
}

function startRunning(state: TimingState, cardId: string, now: number): void {
  const rec = record(state, cardId);
  rec.firstEnteredAt ??= now;
  state.startedAt ??= now;
  state.running = { cardId, since: now };
}

/** Milliseconds a card has been timed, up to `now`. */
export function elapsedMs(state: TimingState, cardId: string, now: number): number {
  const closed = state.cards[cardId]?.elapsedMs ?? 0;
  const open = state.running?.cardId === cardId ? Math.max(0, now - state.running.since) : 0;
  return closed + open;
}

/** The card's budget now: its re-planned (or planned) seconds plus ±1 min adjustments. */
export function effectiveSeconds(state: TimingState, cardId: string, plannedSeconds: number): number {
  const base = state.overrides[cardId] ?? plannedSeconds;
  return Math.max(0, base + (state.cards[cardId]?.adjustSeconds ?? 0));
}

/** Where a slide is, as the timers see it. */
export type SlidePlace =
  | { kind: 'card'; cardId: string }
  /** Title, agenda: before the cards. Never stops a running card. */
  | { kind: 'before' }
  /** Closing: after every card. Stops the timers. */
  | { kind: 'after' };

/** The deck showed a slide. Pure: returns the new state (or the same object if nothing changed). */
export function enterSlide(state: TimingState, place: SlidePlace, now: number): TimingState {
  if (place.kind === 'before') return state;
  if (place.kind === 'after') {
    if (state.position.atEnd || state.startedAt === undefined) return state;
    const next = clone(state);
    stopRunning(next, now);
    next.position = { atEnd: true };
    next.endedAt = now;
    return next;
  }
  if (state.position.cardId === place.cardId && !state.position.atEnd) return state;
  const next = clone(state);
  stopRunning(next, now);
  next.position = { cardId: place.cardId, atEnd: false };
  delete next.endedAt;
  // Entering a card that a re-plan skipped means the facilitator holds it after all.
  next.skipped = next.skipped.filter((id) => id !== place.cardId);
  if (!openPause(next)) startRunning(next, place.cardId, now);
  return next;
}

/** Pauses the whole seminar (a break). Claims the planned break next to the current position, if any. */
export function pauseSeminar(state: TimingState, plan: Plan, now: number): TimingState {
  if (openPause(state)) return state;
  const next = clone(state);
  stopRunning(next, now);
  const pause: PauseRecord = { from: now };
  if (next.position.cardId !== undefined) pause.cardId = next.position.cardId;
  const breakId = claimableBreak(next, plan);
  if (breakId !== undefined) pause.breakId = breakId;
  next.pauses.push(pause);
  return next;
}

/**
 * The planned break a pause starting now would be: the first break not yet
 * taken whose neighbouring card (before or after it) is the current card.
 * Before the first card, a break at the very start of the plan.
 */
export function claimableBreak(state: TimingState, plan: Plan): string | undefined {
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

export function resumeSeminar(state: TimingState, now: number): TimingState {
  if (!openPause(state)) return state;
  const next = clone(state);
  openPause(next)!.to = now;
  if (next.position.cardId !== undefined && !next.position.atEnd) startRunning(next, next.position.cardId, now);
  return next;
}

/** ±1 min (or any seconds) on the current card's budget; never below MIN_EFFECTIVE_SECONDS. */
export function adjustCurrent(state: TimingState, plan: Plan, deltaSeconds: number): TimingState {
  const cardId = state.position.atEnd ? undefined : state.position.cardId;
  const card = plan.items.find((item) => item.kind === 'card' && item.id === cardId);
  if (cardId === undefined || card === undefined) return state;
  const next = clone(state);
  const rec = record(next, cardId);
  const base = next.overrides[cardId] ?? card.plannedSeconds;
  rec.adjustSeconds = Math.max(MIN_EFFECTIVE_SECONDS - base, rec.adjustSeconds + deltaSeconds);
  return next;
}

/** Starts the seminar over: every time, pause and re-plan go; preferences and a running discussion countdown stay. */
export function resetState(state: TimingState, now: number): TimingState {
  const fresh = initialState(state.deckId, now, { ...state.prefs });
  if (state.discussion) fresh.discussion = { ...state.discussion };
  return fresh;
}

/**
 * The deck's clock ticked. A jump of more than GAP_MS while a card is timed
 * is recorded as a gap (`sleep` while the deck ran, `closed` when the deck
 * has just been opened again); the time still counts for the card.
 */
export function tick(state: TimingState, now: number, kind: GapRecord['kind'] = 'sleep'): TimingState {
  const next = clone(state);
  if (state.running) {
    // Only the part of the silence during which this card was timed.
    const from = Math.max(state.lastTick, state.running.since);
    if (now - from > GAP_MS) next.gaps.push({ from, to: now, cardId: state.running.cardId, kind });
  }
  next.lastTick = Math.max(now, state.lastTick);
  return next;
}

export function dismissGaps(state: TimingState): TimingState {
  if (state.gapsSeen === state.gaps.length) return state;
  return { ...clone(state), gapsSeen: state.gaps.length };
}

export function setPrefs(state: TimingState, prefs: Partial<Prefs>): TimingState {
  const next = clone(state);
  next.prefs = { ...next.prefs, ...prefs };
  return next;
}

/** Checks a stored state; anything unexpected gives undefined (the caller starts afresh). */
export function parseState(value: unknown, deckId: string): TimingState | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const s = value as Partial<TimingState>;
  const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
  if (s.version !== 1 || s.deckId !== deckId || typeof s.seminar !== 'string' || !num(s.createdAt) || !num(s.lastTick)) return undefined;
  if (typeof s.position !== 'object' || s.position === null || typeof s.cards !== 'object' || s.cards === null) return undefined;
  if (!Array.isArray(s.pauses) || !Array.isArray(s.gaps) || !Array.isArray(s.skipped) || !Array.isArray(s.replans)) return undefined;
  for (const rec of Object.values(s.cards)) {
    if (typeof rec !== 'object' || rec === null || !num(rec.elapsedMs) || !num(rec.adjustSeconds)) return undefined;
  }
  if (s.running !== undefined && (typeof s.running.cardId !== 'string' || !num(s.running.since))) return undefined;
  return {
    ...(s as TimingState),
    overrides: typeof s.overrides === 'object' && s.overrides !== null ? s.overrides : {},
    gapsSeen: num(s.gapsSeen) ? s.gapsSeen : 0,
    prefs: { ...DEFAULT_PREFS, ...(typeof s.prefs === 'object' ? s.prefs : {}) },
  };
}
