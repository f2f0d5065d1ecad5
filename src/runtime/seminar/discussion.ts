// The discussion countdown's arithmetic: start, +1 min, pause/resume, stop, and what it shows at a moment.
import type { DiscussionState, SeminarState } from './state.js';

/** The lengths offered for talk in pairs or groups, in seconds. */
export const DISCUSSION_CHOICES: readonly number[] = [120, 180, 300, 600];
/** How long the end signal stays on the projector before the countdown goes away by itself. */
export const DISCUSSION_LINGER_MS = 30_000;

/** What the countdown shows at a moment. */
export interface DiscussionStatus {
  totalSeconds: number;
  /** Whole seconds left, rounded up (a fresh 3 min countdown shows 03:00); 0 once ended. */
  remainingSeconds: number;
  running: boolean;
  ended: boolean;
  /** When it reached zero (epoch ms), once ended. */
  endedAt?: number;
}

function elapsed(d: DiscussionState, now: number): number {
  return d.elapsedMs + (d.runningSince === undefined ? 0 : Math.max(0, now - d.runningSince));
}

/** The countdown at `now`, or undefined when there is none (never started, stopped, or gone after the end signal). */
export function discussionStatus(state: SeminarState, now: number): DiscussionStatus | undefined {
  const d = state.discussion;
  if (!d) return undefined;
  const leftMs = d.totalMs - elapsed(d, now);
  const ended = leftMs <= 0;
  // The moment it reached zero: only a running countdown can get there.
  const endedAt = ended && d.runningSince !== undefined ? d.runningSince + (d.totalMs - d.elapsedMs) : undefined;
  if (endedAt !== undefined && now - endedAt > DISCUSSION_LINGER_MS) return undefined;
  return {
    totalSeconds: Math.round(d.totalMs / 1000),
    remainingSeconds: ended ? 0 : Math.ceil(leftMs / 1000),
    running: d.runningSince !== undefined && !ended,
    ended,
    ...(endedAt === undefined ? {} : { endedAt }),
  };
}

const withDiscussion = (state: SeminarState, discussion: DiscussionState | undefined): SeminarState => {
  const next: SeminarState = { ...state };
  if (discussion) next.discussion = discussion;
  else delete next.discussion;
  return next;
};

/** Starts (or restarts) a countdown of `seconds`. */
export function startDiscussion(state: SeminarState, seconds: number, now: number): SeminarState {
  return withDiscussion(state, { totalMs: Math.max(1, Math.round(seconds)) * 1000, elapsedMs: 0, runningSince: now });
}

/** +1 min (or any seconds). After the end signal, it runs again for the added time. */
export function extendDiscussion(state: SeminarState, seconds: number, now: number): SeminarState {
  const d = state.discussion;
  if (!d || !discussionStatus(state, now)) return state;
  const spent = elapsed(d, now);
  // An ended countdown restarts from zero left, not from minus the overrun.
  const base = Math.max(d.totalMs, spent);
  return withDiscussion(state, { totalMs: base + seconds * 1000, elapsedMs: Math.min(spent, base), runningSince: now });
}

/** Pauses a running countdown, or resumes a paused one. */
export function toggleDiscussion(state: SeminarState, now: number): SeminarState {
  const d = state.discussion;
  const status = discussionStatus(state, now);
  if (!d || !status || status.ended) return state;
  if (d.runningSince !== undefined) return withDiscussion(state, { totalMs: d.totalMs, elapsedMs: elapsed(d, now) });
  return withDiscussion(state, { ...d, runningSince: now });
}

export function stopDiscussion(state: SeminarState): SeminarState {
  return state.discussion ? withDiscussion(state, undefined) : state;
}
