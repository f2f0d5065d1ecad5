// Where the seminar stands against its plan at a moment: each card's status and times, the projected end.
//
// Statuses of a card: `done` (passed, after being held), `current`, `ahead`
// (still to come, even if peeked at briefly: only its remaining time counts),
// `skipped` (a re-plan dropped it), `passed` (jumped over without being held).
// A break: `done` (a pause took it), `current` (the pause is on), `ahead`,
// `passed` (the seminar moved on without it).
//
// Before the start nothing is measured: every row is ahead, the times are the manifest's on the day of
// `now`, and the seminar is neither ahead nor behind. From the start the plan counts from the real start
// time (re-based): a seminar that starts at 09:07 plans its end at 09:07 plus the day's minutes.
// Projected end = now + what is left of the welcome (before the first card) + what the open pause still has
// of its planned break + the current card's remaining budget + every card and break ahead + the closing
// (what is left of it, once the deck is on the closing slide).
import { type Plan, type PlanItem, clockOnDay, plannedTotalSeconds } from './plan.js';
import { type SeminarPhase, type SeminarState, effectiveSeconds, elapsedMs, openPause, seminarPhase } from './state.js';

export type RowStatus = 'done' | 'current' | 'ahead' | 'skipped' | 'passed';

export interface RowProjection {
  kind: 'card' | 'break';
  id: string;
  title?: string;
  themeNumber?: number;
  status: RowStatus;
  /** Seconds in the manifest. */
  plannedSeconds: number;
  /** Seconds it has now: re-planned and adjusted (cards), as planned (breaks). */
  effectiveSeconds: number;
  /** Whole seconds held so far (card timed, or pause length for a break). */
  actualSeconds: number;
  /** Planned start (epoch ms), from the manifest's times. */
  plannedStart: number;
  /** When it started (done, current) or is expected to start (ahead). Unset for skipped and passed. */
  start?: number;
}

/** An unplanned pause, shown in the plan where it happened. */
export interface PauseProjection {
  from: number;
  to?: number;
  seconds: number;
  /** The card the deck was on. */
  cardId?: string;
  /** Set when the pause is a planned break. */
  breakId?: string;
}

export interface CurrentCard {
  id: string;
  title: string;
  themeNumber?: number;
  plannedSeconds: number;
  effectiveSeconds: number;
  elapsedSeconds: number;
  /** Whole seconds left, rounded up (a fresh 20 min card shows 1200); negative when over. */
  remainingSeconds: number;
  /** `ok`, `low` (a quarter or less left), `over` (zero or less). */
  level: 'ok' | 'low' | 'over';
  /** Whether the timer runs (false while the seminar is paused). */
  running: boolean;
  adjustSeconds: number;
}

/** The welcome (from the start until the first card) or the closing (from the closing slide): timed, but not cards. */
export interface FramePart {
  kind: 'welcome' | 'closing';
  plannedSeconds: number;
  /** Whole seconds left, rounded up; negative when over. */
  remainingSeconds: number;
  level: 'ok' | 'low' | 'over';
}

export interface Projection {
  now: number;
  phase: SeminarPhase;
  started: boolean;
  /** The deck has reached the closing slide after the cards. */
  ended: boolean;
  paused: boolean;
  /** Seconds the open pause has lasted. */
  pauseSeconds?: number;
  /** The planned break the open pause is, if any. */
  pauseBreakId?: string;
  /** The manifest's start on the day of `now`; from the start, the real start (the plan is re-based). */
  plannedStart: number;
  plannedEnd: number;
  /** The manifest's start time on the day the seminar started (or of `now` before): to say how late it began. */
  scheduledStart: number;
  /** When the facilitator started the seminar. */
  actualStart?: number;
  projectedEnd: number;
  /** Whole seconds behind the planned end (negative: ahead); 0 before the start. */
  deltaSeconds: number;
  current?: CurrentCard;
  /** The welcome or the closing, while the seminar is in it and the manifest plans minutes for it. */
  frame?: FramePart;
  rows: RowProjection[];
  pauses: PauseProjection[];
}

const wholeSeconds = (ms: number) => {
  const s = Math.ceil(ms / 1000);
  return s === 0 ? 0 : s; // no -0
};

/** The position as an index into `plan.items`: the current card, past the end, or before the first card. */
function positionIndex(plan: Plan, state: SeminarState): number {
  if (state.startedAt === undefined) return -1;
  if (state.position.atEnd) return plan.items.length;
  if (state.position.cardId === undefined) return -1;
  return plan.items.findIndex((item) => item.id === state.position.cardId);
}

export function project(plan: Plan, state: SeminarState, now: number): Projection {
  const scheduledStart = clockOnDay(plan.start, state.startedAt ?? now);
  // Started with a card already on the projector: the welcome was held before the clock ran, so the plan
  // counts the start as the end of the welcome (no minutes gained by skipping what happened untimed).
  const welcomeBefore = state.startedAt !== undefined && Object.values(state.cards).some((c) => c.firstEnteredAt === state.startedAt);
  const plannedStart = state.startedAt === undefined ? scheduledStart : state.startedAt - (welcomeBefore ? plan.welcomeSeconds * 1000 : 0);
  const plannedEnd = plannedStart + plannedTotalSeconds(plan) * 1000;
  const position = positionIndex(plan, state);
  const pause = openPause(state);
  const taken = new Map(state.pauses.filter((p) => p.breakId !== undefined).map((p) => [p.breakId!, p]));

  const rows: RowProjection[] = [];
  let plannedOffset = plan.welcomeSeconds;
  for (const [index, item] of plan.items.entries()) {
    const row = rowFor(plan, state, item, index, position, now, taken);
    row.plannedStart = plannedStart + plannedOffset * 1000;
    plannedOffset += item.plannedSeconds;
    rows.push(row);
  }

  // Time still to come, in order: the open pause's planned remainder, the current card, then what is ahead.
  const started = state.startedAt !== undefined;
  let cursor = started ? now : plannedStart;
  const frame = started ? framePart(plan, state, position, now) : undefined;
  // Before the first card the welcome is on (or still to come); on the closing slide, the closing.
  if (position < 0) cursor += Math.max(0, frame?.remainingSeconds ?? plan.welcomeSeconds) * 1000;
  if (pause?.breakId !== undefined) {
    const planned = plan.items.find((i) => i.id === pause.breakId)?.plannedSeconds ?? 0;
    cursor += Math.max(0, planned * 1000 - (now - pause.from));
  }
  for (const row of rows) {
    if (row.kind === 'card' && (row.status === 'current' || row.status === 'ahead')) {
      if (row.status === 'ahead') row.start = cursor;
      cursor += Math.max(0, row.effectiveSeconds * 1000 - elapsedMs(state, row.id, now));
    } else if (row.kind === 'break' && row.status === 'ahead') {
      row.start = cursor;
      cursor += row.plannedSeconds * 1000;
    }
  }
  const projectedEnd = cursor + (state.position.atEnd ? Math.max(0, frame?.remainingSeconds ?? 0) : plan.closingSeconds) * 1000;

  const projection: Projection = {
    now,
    phase: seminarPhase(state),
    started,
    ended: state.endedAt !== undefined,
    paused: pause !== undefined,
    plannedStart,
    plannedEnd,
    scheduledStart,
    projectedEnd,
    deltaSeconds: started ? Math.round((projectedEnd - plannedEnd) / 1000) : 0,
    rows,
    pauses: state.pauses.map((p) => ({
      from: p.from,
      ...(p.to === undefined ? {} : { to: p.to }),
      seconds: Math.floor(((p.to ?? now) - p.from) / 1000),
      ...(p.cardId === undefined ? {} : { cardId: p.cardId }),
      ...(p.breakId === undefined ? {} : { breakId: p.breakId }),
    })),
  };
  if (pause) projection.pauseSeconds = Math.floor((now - pause.from) / 1000);
  if (pause?.breakId !== undefined) projection.pauseBreakId = pause.breakId;
  if (state.startedAt !== undefined) projection.actualStart = state.startedAt;
  const current = started ? currentCard(plan, state, now, pause === undefined) : undefined;
  if (current) projection.current = current;
  if (frame) projection.frame = frame;
  return projection;
}

/**
 * The welcome runs from the start until the first card is entered; the closing from the moment the deck
 * reached the closing slide. Each has its planned seconds from the manifest; none when it has no minutes.
 */
function framePart(plan: Plan, state: SeminarState, position: number, now: number): FramePart | undefined {
  const part = position < 0 && state.startedAt !== undefined ? { kind: 'welcome' as const, planned: plan.welcomeSeconds, since: state.startedAt }
    : state.position.atEnd && state.endedAt !== undefined ? { kind: 'closing' as const, planned: plan.closingSeconds, since: state.endedAt }
    : undefined;
  if (!part || part.planned <= 0) return undefined;
  const leftMs = part.planned * 1000 - (now - part.since);
  return {
    kind: part.kind,
    plannedSeconds: part.planned,
    remainingSeconds: wholeSeconds(leftMs),
    level: leftMs <= 0 ? 'over' : leftMs <= (part.planned * 1000) / 4 ? 'low' : 'ok',
  };
}

function rowFor(
  plan: Plan,
  state: SeminarState,
  item: PlanItem,
  index: number,
  position: number,
  now: number,
  taken: Map<string, { from: number; to?: number }>,
): RowProjection {
  if (item.kind === 'card') {
    const rec = state.cards[item.id];
    const entered = rec?.firstEnteredAt !== undefined;
    const status: RowStatus =
      index === position ? 'current'
      : state.skipped.includes(item.id) ? 'skipped'
      : index < position ? (entered ? 'done' : 'passed')
      : 'ahead';
    const row: RowProjection = {
      kind: 'card',
      id: item.id,
      title: item.title,
      status,
      plannedSeconds: item.plannedSeconds,
      effectiveSeconds: effectiveSeconds(state, item.id, item.plannedSeconds),
      actualSeconds: Math.floor(elapsedMs(state, item.id, now) / 1000),
      plannedStart: 0,
    };
    if (item.themeNumber !== undefined) row.themeNumber = item.themeNumber;
    if ((status === 'done' || status === 'current') && rec?.firstEnteredAt !== undefined) row.start = rec.firstEnteredAt;
    return row;
  }
  const pause = taken.get(item.id);
  const nextCard = plan.items.findIndex((i, at) => at > index && i.kind === 'card');
  const status: RowStatus =
    pause ? (pause.to === undefined ? 'current' : 'done')
    // Not taken: still possible until the seminar is past the card right after it.
    : position < index || (nextCard >= 0 && position === nextCard && !state.position.atEnd) ? 'ahead'
    : 'passed';
  const row: RowProjection = {
    kind: 'break',
    id: item.id,
    status,
    plannedSeconds: item.plannedSeconds,
    effectiveSeconds: item.plannedSeconds,
    actualSeconds: pause ? Math.floor(((pause.to ?? now) - pause.from) / 1000) : 0,
    plannedStart: 0,
  };
  if (item.title !== undefined) row.title = item.title;
  if (pause) row.start = pause.from;
  return row;
}

function currentCard(plan: Plan, state: SeminarState, now: number, running: boolean): CurrentCard | undefined {
  const id = state.position.atEnd ? undefined : state.position.cardId;
  const item = plan.items.find((i) => i.kind === 'card' && i.id === id);
  if (id === undefined || item === undefined || item.kind !== 'card') return undefined;
  const effective = effectiveSeconds(state, id, item.plannedSeconds);
  const spent = elapsedMs(state, id, now);
  const leftMs = effective * 1000 - spent;
  const card: CurrentCard = {
    id,
    title: item.title,
    plannedSeconds: item.plannedSeconds,
    effectiveSeconds: effective,
    elapsedSeconds: Math.floor(spent / 1000),
    remainingSeconds: wholeSeconds(leftMs),
    level: leftMs <= 0 ? 'over' : leftMs <= (effective * 1000) / 4 ? 'low' : 'ok',
    running: running && state.running?.cardId === id,
    adjustSeconds: state.cards[id]?.adjustSeconds ?? 0,
  };
  if (item.themeNumber !== undefined) card.themeNumber = item.themeNumber;
  return card;
}
