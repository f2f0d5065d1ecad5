// The deck window's seminar session: the one writer of the timing state, ticking on the wall clock.
import { discussionStatus, stopDiscussion } from '../timing/discussion.js';
import type { Plan } from '../timing/plan.js';
import { project } from '../timing/projection.js';
import { proposeReplan } from '../timing/replan.js';
import { type TimingState, claimableBreak, openPause, tick } from '../timing/state.js';
import type { SessionSnapshot } from './protocol.js';
import type { TimingStore } from './store.js';

/** How often the deck reads the clock. Displays change once a second; this keeps them on the second. */
const TICK_MS = 250;
/** The state is saved on every change, and at least this often so the last tick survives a crash. */
const SAVE_EVERY_MS = 10_000;
/**
 * Listeners hear at least this often in real time (performance.now), even
 * when the displayed second has not changed (a paused seminar, a test's
 * frozen clock): the view takes this as the deck's heartbeat.
 */
const HEARTBEAT_MS = 1000;

export type SnapshotListener = (snapshot: SessionSnapshot) => void;

export class SeminarSession {
  private state: TimingState;
  private readonly listeners = new Set<SnapshotListener>();
  private lastSecond = Number.NaN;
  private lastHeard = Number.NEGATIVE_INFINITY;
  private lastSaved = 0;
  private interval: number | undefined;

  constructor(
    readonly plan: Plan,
    private readonly store: TimingStore,
    private readonly clock: () => number,
  ) {
    const t = clock();
    // Reopened after a while with a card running: that time counts (wall clock) and the view says so.
    this.state = tick(store.load(t), t, 'closed');
    this.save(t);
    store.watch((state) => {
      this.state = state;
      this.notify();
    });
  }

  /** The state as it is now (do not mutate). */
  get current(): TimingState {
    return this.state;
  }

  /** Applies one step; saves and tells every listener if it changed anything. */
  update(step: (state: TimingState, now: number) => TimingState): void {
    const t = this.clock();
    const next = step(this.state, t);
    if (next === this.state) return;
    this.state = next;
    this.save(t);
    this.notify();
  }

  onChange(listener: SnapshotListener): void {
    this.listeners.add(listener);
  }

  /** Starts the clock; listeners hear once a second, and at once on every change. */
  start(win: Window): void {
    if (this.interval !== undefined) return;
    this.interval = win.setInterval(() => this.onTick(), TICK_MS);
    this.notify();
  }

  stop(win: Window): void {
    if (this.interval !== undefined) win.clearInterval(this.interval);
    this.interval = undefined;
  }

  private onTick(): void {
    const t = this.clock();
    const gaps = this.state.gaps.length;
    let next = tick(this.state, t);
    // A countdown whose end signal has had its time is gone; drop it from the stored state too.
    if (next.discussion && !discussionStatus(next, t)) next = stopDiscussion(next);
    const changed = next.gaps.length !== gaps || next.discussion !== this.state.discussion;
    this.state = next;
    if (changed || t - this.lastSaved >= SAVE_EVERY_MS) this.save(t);
    const second = Math.floor(t / 1000);
    if (changed || second !== this.lastSecond || performance.now() - this.lastHeard >= HEARTBEAT_MS) this.notify();
  }

  private save(t: number): void {
    this.lastSaved = t;
    this.store.save(this.state);
  }

  notify(): void {
    const snapshot = this.snapshot();
    this.lastSecond = Math.floor(snapshot.now / 1000);
    this.lastHeard = performance.now();
    for (const listener of this.listeners) listener(snapshot);
  }

  snapshot(): SessionSnapshot {
    const t = this.clock();
    const state = this.state;
    const snapshot: SessionSnapshot = {
      now: t,
      projection: project(this.plan, state, t),
      prefs: state.prefs,
      persisted: this.store.persisted,
      state,
    };
    const replan = proposeReplan(this.plan, state, t);
    if (replan) snapshot.replan = replan;
    const discussion = discussionStatus(state, t);
    if (discussion) snapshot.discussion = discussion;
    if (state.gaps.length > state.gapsSeen) snapshot.gap = state.gaps[state.gaps.length - 1]!;
    const breakId = openPause(state) ? undefined : claimableBreak(state, this.plan);
    const planned = this.plan.items.find((item) => item.id === breakId);
    if (breakId !== undefined && planned) snapshot.claimableBreak = { id: breakId, seconds: planned.plannedSeconds };
    const last = state.replans[state.replans.length - 1];
    if (last) snapshot.lastReplanAt = last.at;
    return snapshot;
  }
}
