// The one state of a seminar: its identity and details, the card timers, the plan's changes and what the council agreed.
//
// Everything the deck and the facilitator view show is derived from this: the countdowns and the plan
// (projection.ts), the re-plan proposals (replan.ts), the discussion countdown (discussion.ts), the record
// of the agreements (record.ts) and the CSV/JSON of the times (timing-export.ts). It changes only through
// reduce.ts, which applies one event at a time. All times are wall-clock epoch milliseconds passed in by
// the caller, so a sleeping laptop counts and every step is testable with fixed inputs.

/** One typed text (an agreement or a follow-up): the newest revision wins, never a splice of two. */
export interface TextField {
  text: string;
  /** Grows with every keystroke; of two windows' versions the higher revision wins. */
  rev: number;
  /** Which view window typed it (breaks a tie between two windows at the same revision). */
  writer: string;
  /** When the deck received it (ms). */
  at: number;
}

/** A card in one seminar: how long it has been held, and what was agreed. */
export interface CardState {
  /** Milliseconds of closed timing segments (the open one is `running`). */
  elapsedMs: number;
  /** When the card was first timed. */
  firstEnteredAt?: number;
  /** ±1 min adjustments by the facilitator, in seconds. */
  adjustSeconds: number;
  agreed?: TextField;
  followUp?: TextField;
  /** Minutes from an imported or earlier record, for a card this seminar's own timers never ran on. */
  recorded?: { plannedMinutes?: number; actualMinutes?: number };
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

/** Who the seminar is for: named and dated from the manifest by default, editable in the view. */
export interface SeminarDetails {
  title: string;
  municipality?: string;
  /** "YYYY-MM-DD". */
  date: string;
  place?: string;
}

/** What a record import replaced, so it can be undone. */
export interface ImportBackup {
  details: SeminarDetails;
  cards: Record<string, { agreed?: TextField; followUp?: TextField; recorded?: CardState['recorded'] }>;
}

export interface SeminarState {
  version: 2;
  deckId: string;
  /** "2027-03-02", "2027-03-02-2" (a second seminar that day), "proeve-2027-03-01" (a rehearsal). */
  id: string;
  /** A rehearsal: kept apart from the seminar, never measured against the seminar's day. */
  rehearsal: boolean;
  details: SeminarDetails;
  createdAt: number;
  /** Last time the deck's clock ticked (or anything happened); a jump of more than GAP_MS is a sleep. */
  lastTick: number;
  /** When the facilitator started the seminar. Before that nothing is timed. */
  startedAt?: number;
  /** When the closing slide was reached after the start. */
  endedAt?: number;
  /** Where the deck stands: a card, or past all cards (`atEnd`). Kept before the start too. */
  position: { cardId?: string; atEnd: boolean };
  /** The open timing segment: a card is being timed since `since`. */
  running?: { cardId: string; since: number };
  pauses: PauseRecord[];
  cards: Record<string, CardState>;
  /** Re-planned seconds per card (before ±1 min adjustments). */
  overrides: Record<string, number>;
  /** Cards left out: navigation passes them by, and every export says so. */
  skipped: string[];
  replans: ReplanRecord[];
  gaps: GapRecord[];
  /** How many gaps the facilitator has dismissed from the view. */
  gapsSeen: number;
  discussion?: DiscussionState;
  importBackup?: ImportBackup;
}

/** The facilitator's choices for a deck, kept across seminars. */
export interface Prefs {
  /** A soft sound when the discussion countdown ends. Off by default. */
  sound: boolean;
  /** The card countdown, labelled, in a corner of the projector. Off by default. */
  deckTimer: boolean;
  /** The last discussion length chosen, for the deck's `D` key. */
  discussionSeconds: number;
  /** The agreement on its card's action slide, and the day's agreements before the closing slide. */
  showAgreements: boolean;
}

export type SeminarPhase = 'before' | 'running' | 'paused' | 'ended';

/** More than this between two ticks of a running timer is a sleep (or a closed deck), and the view says so. */
export const GAP_MS = 2 * 60 * 1000;
/** ±1 min never takes a card below this. */
export const MIN_EFFECTIVE_SECONDS = 60;

export const DEFAULT_PREFS: Readonly<Prefs> = Object.freeze({ sound: false, deckTimer: false, discussionSeconds: 180, showAgreements: false });

export function initialSeminar(deckId: string, id: string, details: SeminarDetails, rehearsal: boolean, now: number): SeminarState {
  return {
    version: 2,
    deckId,
    id,
    rehearsal,
    details: { ...details },
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
  };
}

/** The open pause, if the seminar is paused. */
export function openPause(state: SeminarState): PauseRecord | undefined {
  const last = state.pauses[state.pauses.length - 1];
  return last !== undefined && last.to === undefined ? last : undefined;
}

export function seminarPhase(state: SeminarState): SeminarPhase {
  if (state.startedAt === undefined) return 'before';
  if (state.endedAt !== undefined) return 'ended';
  return openPause(state) ? 'paused' : 'running';
}

/** Milliseconds a card has been timed, up to `now`. */
export function elapsedMs(state: SeminarState, cardId: string, now: number): number {
  const closed = state.cards[cardId]?.elapsedMs ?? 0;
  const open = state.running?.cardId === cardId ? Math.max(0, now - state.running.since) : 0;
  return closed + open;
}

/** The card's budget now: its re-planned (or planned) seconds plus ±1 min adjustments. */
export function effectiveSeconds(state: SeminarState, cardId: string, plannedSeconds: number): number {
  const base = state.overrides[cardId] ?? plannedSeconds;
  return Math.max(0, base + (state.cards[cardId]?.adjustSeconds ?? 0));
}

/** The text of a card's field ('' when nothing was typed). */
export function fieldText(state: SeminarState, cardId: string, field: 'agreed' | 'followUp'): string {
  return state.cards[cardId]?.[field]?.text ?? '';
}

/** A deep copy, for steps that change a state (states are small: cards, pauses and typed text). */
export const cloneSeminar = (state: SeminarState): SeminarState => JSON.parse(JSON.stringify(state)) as SeminarState;

/** The card's entry in a copy being changed, created when missing. */
export function cardEntry(state: SeminarState, cardId: string): CardState {
  return (state.cards[cardId] ??= { elapsedMs: 0, adjustSeconds: 0 });
}
