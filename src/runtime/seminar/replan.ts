// Re-planning a seminar that runs behind: shorten the cards ahead in proportion, or skip one.
//
// Shorten: the cards still ahead share the delay in proportion to their
// minutes, in whole minutes, never below MIN_CARD_MINUTES (or their own
// length, if shorter). Their new total is rounded down, so the projected end
// lands on (or up to a minute before) the planned end. If the floor makes
// that impossible, every card goes to its floor and the proposal says it is
// not enough (`feasible: false`).
//
// Skip: the best single card is the shortest one that alone recovers the
// delay (theme cards before intro cards; on a tie the later one, which keeps
// the next card as announced); if none is long enough, the longest. The
// facilitator may pick any other card ahead from `skipOptions`.
import type { Plan } from './plan.js';
import { project } from './projection.js';
import { type ReplanRecord, type SeminarState, elapsedMs } from './state.js';

/** Proposals appear from this many seconds behind: less is noise a facilitator absorbs by tightening one discussion. */
export const REPLAN_THRESHOLD_SECONDS = 300;
/** Shortening never takes a card below this many minutes. */
export const MIN_CARD_MINUTES = 5;

export interface CardChange {
  cardId: string;
  title: string;
  fromSeconds: number;
  toSeconds: number;
}

export interface ShortenProposal {
  kind: 'shorten';
  changes: CardChange[];
  /** Projected end after applying it (epoch ms). */
  projectedEnd: number;
  deltaSeconds: number;
  /** False when even the shortest allowed cards still end late. */
  feasible: boolean;
}

export interface SkipProposal {
  kind: 'skip';
  cardId: string;
  title: string;
  savedSeconds: number;
  projectedEnd: number;
  deltaSeconds: number;
}

export interface Replan {
  behindSeconds: number;
  shorten?: ShortenProposal;
  /** The proposed card to skip. */
  skip?: SkipProposal;
  /** Every card ahead that could be skipped instead, in plan order. */
  skipOptions: SkipProposal[];
}

export type ReplanChoice = { kind: 'shorten' } | { kind: 'skip'; cardId: string };

interface Ahead {
  id: string;
  title: string;
  theme: boolean;
  effective: number;
  elapsed: number;
}

function cardsAhead(plan: Plan, state: SeminarState, now: number): Ahead[] {
  const rows = project(plan, state, now).rows;
  return rows
    .filter((row) => row.kind === 'card' && row.status === 'ahead')
    .map((row) => ({
      id: row.id,
      title: row.title ?? row.id,
      theme: row.themeNumber !== undefined,
      effective: row.effectiveSeconds,
      elapsed: Math.floor(elapsedMs(state, row.id, now) / 1000),
    }));
}

/** Proposals when the seminar is at least REPLAN_THRESHOLD_SECONDS behind, with cards still ahead. */
export function proposeReplan(plan: Plan, state: SeminarState, now: number): Replan | undefined {
  const before = project(plan, state, now);
  if (before.ended || before.deltaSeconds < REPLAN_THRESHOLD_SECONDS) return undefined;
  const ahead = cardsAhead(plan, state, now);
  if (ahead.length === 0) return undefined;
  const behind = before.deltaSeconds;

  const outcome = (next: SeminarState) => {
    const after = project(plan, next, now);
    return { projectedEnd: after.projectedEnd, deltaSeconds: after.deltaSeconds };
  };

  const replan: Replan = { behindSeconds: behind, skipOptions: [] };
  const minutes = shortenedMinutes(ahead, behind);
  if (minutes) {
    const changes = ahead.map((card, i) => ({ cardId: card.id, title: card.title, fromSeconds: card.effective, toSeconds: minutes.to[i]! * 60 }));
    replan.shorten = { kind: 'shorten', changes, ...outcome(withShortened(state, changes, now)), feasible: minutes.feasible };
  }
  replan.skipOptions = ahead.map((card) => ({
    kind: 'skip' as const,
    cardId: card.id,
    title: card.title,
    savedSeconds: Math.max(0, card.effective - card.elapsed),
    ...outcome(withSkipped(state, [card.id], now)),
  }));
  const best = bestSkip(ahead, replan.skipOptions, behind);
  if (best) replan.skip = best;
  return replan;
}

function bestSkip(ahead: Ahead[], options: SkipProposal[], behind: number): SkipProposal | undefined {
  const themes = options.filter((_, i) => ahead[i]!.theme);
  const pool = themes.length > 0 ? themes : options;
  const enough = pool.filter((o) => o.savedSeconds >= behind);
  // Ties go to the later card: `>=`/`<=` while walking in plan order keeps the last of equals.
  if (enough.length > 0) return enough.reduce((best, o) => (o.savedSeconds <= best.savedSeconds ? o : best));
  return pool.reduce<SkipProposal | undefined>((best, o) => (best === undefined || o.savedSeconds >= best.savedSeconds ? o : best), undefined);
}

/**
 * Whole minutes for each card ahead so that their total is at most their
 * current total minus `behindSeconds`. Undefined when nothing can be cut.
 */
export function shortenedMinutes(ahead: readonly { effective: number; elapsed: number }[], behindSeconds: number): { to: number[]; feasible: boolean } | undefined {
  const from = ahead.map((c) => c.effective / 60);
  const floor = ahead.map((c, i) => Math.min(Math.ceil(from[i]! - 1e-9), Math.max(MIN_CARD_MINUTES, Math.ceil(c.elapsed / 60))));
  const budget = Math.floor((ahead.reduce((sum, c) => sum + c.effective, 0) - behindSeconds) / 60 + 1e-9);
  const floorTotal = floor.reduce((a, b) => a + b, 0);
  if (floor.every((f, i) => f >= from[i]! - 1e-9)) return undefined;
  if (budget <= floorTotal) return { to: floor, feasible: budget === floorTotal };

  // Water-filling: share the budget in proportion; a card that would fall below its floor is held there.
  const fixed = new Map<number, number>();
  let share: number[] = [];
  for (;;) {
    const free = from.map((_, i) => i).filter((i) => !fixed.has(i));
    const left = budget - [...fixed.values()].reduce((a, b) => a + b, 0);
    const weight = free.reduce((sum, i) => sum + from[i]!, 0);
    share = from.map((f, i) => fixed.get(i) ?? (f * left) / weight);
    const low = free.filter((i) => share[i]! < floor[i]!);
    if (low.length === 0) break;
    for (const i of low) fixed.set(i, floor[i]!);
  }
  // Round down, then hand the minutes left over to the largest remainders (earlier cards first on a tie).
  const to = share.map((s, i) => (fixed.has(i) ? s : Math.floor(s + 1e-9)));
  let spare = budget - to.reduce((a, b) => a + b, 0);
  const order = share
    .map((s, i) => ({ i, rest: fixed.has(i) ? -1 : s - Math.floor(s + 1e-9) }))
    .filter((r) => r.rest > 1e-9)
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (spare <= 0) break;
    to[i]! += 1;
    spare -= 1;
  }
  return { to, feasible: true };
}

function snapshotBefore(state: SeminarState, cardIds: string[]): ReplanRecord['before'] {
  const adjust: Record<string, number> = {};
  for (const id of cardIds) adjust[id] = state.cards[id]?.adjustSeconds ?? 0;
  return { overrides: { ...state.overrides }, skipped: [...state.skipped], adjust };
}

function withShortened(state: SeminarState, changes: CardChange[], now: number): SeminarState {
  const ids = changes.map((c) => c.cardId);
  const next: SeminarState = JSON.parse(JSON.stringify(state)) as SeminarState;
  next.replans.push({ at: now, kind: 'shorten', cardIds: ids, before: snapshotBefore(state, ids) });
  for (const change of changes) {
    next.overrides[change.cardId] = change.toSeconds;
    const rec = next.cards[change.cardId];
    if (rec) rec.adjustSeconds = 0;
  }
  return next;
}

function withSkipped(state: SeminarState, cardIds: string[], now: number): SeminarState {
  const next: SeminarState = JSON.parse(JSON.stringify(state)) as SeminarState;
  next.replans.push({ at: now, kind: 'skip', cardIds, before: snapshotBefore(state, []) });
  next.skipped = [...new Set([...next.skipped, ...cardIds])];
  return next;
}

/** Applies the facilitator's choice, recomputed at `now`. Returns the same state if there is nothing to apply. */
export function applyReplan(plan: Plan, state: SeminarState, choice: ReplanChoice, now: number): SeminarState {
  if (choice.kind === 'skip') {
    const ahead = cardsAhead(plan, state, now);
    return ahead.some((c) => c.id === choice.cardId) ? withSkipped(state, [choice.cardId], now) : state;
  }
  const shorten = proposeReplan(plan, state, now)?.shorten;
  return shorten ? withShortened(state, shorten.changes, now) : state;
}

/** Takes back the last re-plan. */
export function undoReplan(state: SeminarState): SeminarState {
  const last = state.replans[state.replans.length - 1];
  if (!last) return state;
  const next: SeminarState = JSON.parse(JSON.stringify(state)) as SeminarState;
  next.replans.pop();
  next.overrides = { ...last.before.overrides };
  next.skipped = [...last.before.skipped];
  for (const [id, seconds] of Object.entries(last.before.adjust)) {
    const rec = next.cards[id];
    if (rec) rec.adjustSeconds = seconds;
  }
  return next;
}
