// The deck window's seminar session: the one holder of the seminar, ticking on the wall clock, saving every change.
//
// Every change goes through `apply` (one seminar event, seminar/reduce.ts) or one of the commands that
// choose which seminar the deck works in (a new one, another stored one, a rehearsal). The session saves
// at once, and tells its listeners (the deck's own displays and the facilitator view) with a snapshot.
import type { SeminarRecord } from '../../record/record.js';
import { discussionStatus, stopDiscussion } from '../seminar/discussion.js';
import type { SeminarEvent } from '../seminar/events.js';
import {
  STALE_MS,
  type SeminarChoice,
  type SeminarSummary,
  manifestDetails,
  newSeminarId,
  openingSeminar,
  rehearsalChoice,
  seminarChoice,
  summarise,
} from '../seminar/identity.js';
import { seminarFromRecord } from '../seminar/parse.js';
import { type Plan, localDay } from '../seminar/plan.js';
import { project } from '../seminar/projection.js';
import { reduce } from '../seminar/reduce.js';
import { proposeReplan } from '../seminar/replan.js';
import { type Prefs, type SeminarState, initialSeminar, openPause, seminarPhase } from '../seminar/state.js';
import { claimableBreak, closeIfStale, tick } from '../seminar/timing.js';
import type { Snapshot } from '../protocol.js';
import { migrateV1 } from '../storage/migrate.js';
import type { OutboxEntry } from '../storage/outbox.js';
import { Outbox } from '../storage/outbox.js';
import type { SeminarStore, StorageProblem } from '../storage/seminar-store.js';

/** How often the deck reads the clock. Displays change once a second; this keeps them on the second. */
const TICK_MS = 250;
/** A running seminar is saved at least this often, so the last tick survives a crash. */
const SAVE_EVERY_MS = 10_000;
/**
 * Listeners hear at least this often in real time (performance.now), even when the displayed second has
 * not changed (a paused seminar, a test's frozen clock): the view takes this as the deck's heartbeat.
 */
const HEARTBEAT_MS = 1000;

export type SnapshotListener = (snapshot: Snapshot) => void;

export class SeminarSession {
  private state: SeminarState;
  prefs: Prefs;
  private summaries: SeminarSummary[];
  private readonly listeners = new Set<SnapshotListener>();
  private lastSecond = Number.NaN;
  private lastHeard = Number.NEGATIVE_INFINITY;
  private lastSaved = 0;
  private interval: number | undefined;
  /** The card of the slide on the projector now (none on the title, agenda and closing). */
  cardOnScreen: string | undefined;
  /** Identifies this page load: a view that sees it change sends its outbox again. */
  readonly page = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

  constructor(
    readonly plan: Plan,
    private readonly store: SeminarStore,
    private readonly clock: () => number,
  ) {
    const t = clock();
    const migratedPrefs = migrateV1(store, plan, t);
    this.prefs = migratedPrefs ?? store.loadPrefs();
    if (migratedPrefs) store.savePrefs(migratedPrefs);
    this.summaries = store.summaries();
    const activeId = store.activeId();
    const active = activeId === undefined ? undefined : this.summaries.find((s) => s.id === activeId);
    this.state = this.open(openingSeminar(plan, active, this.summaries, t), t);
    // Keystrokes the view typed while this deck was closed (or reloading) are in its outbox.
    this.takeOutbox(new Outbox(store).entries());
    store.watch(() => this.state.id, (state) => {
      this.state = state;
      this.notify();
    });
    store.onProblem(() => this.notify());
  }

  /** The seminar as it is now (do not mutate). */
  get current(): SeminarState {
    return this.state;
  }

  /** Opens (or creates) a seminar and makes it the one the deck works in. */
  private open(choice: SeminarChoice, t: number): SeminarState {
    let state = choice.kind === 'open' ? this.store.load(choice.id) : undefined;
    state ??= initialSeminar(this.plan.deckId, choice.id, choice.kind === 'create' ? choice.details : manifestDetails(this.plan, localDay(t)), choice.kind === 'create' && choice.rehearsal, t);
    // Reopened after a while with a card running: that time counts (wall clock) and the view says so; a
    // seminar left running overnight ended at its last tick.
    state = tick(closeIfStale(state, t, STALE_MS), t, 'closed');
    this.store.setActive(state.id);
    this.store.save(state);
    this.lastSaved = t;
    this.refreshSummaries(state);
    return state;
  }

  /** Applies one event; saves and tells every listener if it changed anything. */
  apply(event: SeminarEvent): void {
    const t = this.clock();
    const next = reduce(this.plan, this.state, event, t);
    if (next === this.state) return;
    this.commit(next, t);
  }

  /**
   * Starts the seminar. A seminar proper started on another day than its manifest's is a rehearsal: the
   * deck moves to a rehearsal of today first, so the seminar's own times stay untouched.
   */
  start(): void {
    const t = this.clock();
    if (!this.state.rehearsal && this.plan.date !== undefined && this.plan.date !== localDay(t) && this.state.startedAt === undefined) {
      this.switchTo(rehearsalChoice(this.plan, this.summaries, t), t);
    }
    this.apply({ type: 'start' });
  }

  /** Keystrokes from the view's outbox (sent again on every hello): those newer than the seminar holds. */
  takeOutbox(entries: readonly OutboxEntry[]): void {
    const t = this.clock();
    let next = this.state;
    for (const entry of entries) if (entry.seminar === next.id) next = reduce(this.plan, next, { type: 'write', ...entry.write }, t);
    // Keystrokes for a seminar the deck is not in right now go into that seminar where it is stored.
    for (const entry of entries) {
      if (entry.seminar === next.id) continue;
      const other = this.store.load(entry.seminar);
      if (!other) continue;
      const updated = reduce(this.plan, other, { type: 'write', ...entry.write }, t);
      if (updated !== other) this.store.save(updated);
    }
    if (next !== this.state) this.commit(next, t);
  }

  setPrefs(patch: Partial<Prefs>): void {
    this.prefs = { ...this.prefs, ...patch };
    this.store.savePrefs(this.prefs);
    this.notify();
  }

  /** "Nyt seminar": the current one is kept; the new one starts without times or agreements. */
  newSeminar(details: { municipality?: string; date?: string; place?: string }): void {
    const t = this.clock();
    const date = details.date && /^\d{4}-\d{2}-\d{2}$/.test(details.date) ? details.date : localDay(t);
    const base = manifestDetails(this.plan, date);
    const named = {
      ...base,
      ...(details.municipality !== undefined ? { municipality: details.municipality.trim() } : {}),
      ...(details.place !== undefined ? { place: details.place.trim() } : {}),
    };
    if (!named.municipality) delete named.municipality;
    if (!named.place) delete named.place;
    this.switchTo({ kind: 'create', id: newSeminarId(date, false, this.summaries.map((s) => s.id)), rehearsal: false, details: named }, t);
  }

  openSeminar(id: string): void {
    if (id === this.state.id || !this.summaries.some((s) => s.id === id)) return;
    this.switchTo({ kind: 'open', id }, this.clock());
  }

  /**
   * Start a rehearsal beside the seminar (and its clock, for `begin`), go back to the seminar, or delete
   * the rehearsal and go back.
   */
  rehearsal(to: 'start' | 'begin' | 'leave' | 'clear'): void {
    const t = this.clock();
    if (to === 'start' || to === 'begin') {
      if (!this.state.rehearsal) this.switchTo(rehearsalChoice(this.plan, this.summaries, t), t);
      if (to === 'begin') this.apply({ type: 'start' });
      return;
    }
    if (!this.state.rehearsal) return;
    const rehearsal = this.state.id;
    this.switchTo(seminarChoice(this.plan, this.summaries.filter((s) => s.id !== rehearsal), t), t);
    if (to === 'clear') {
      this.store.delete(rehearsal);
      this.summaries = this.summaries.filter((s) => s.id !== rehearsal);
      this.notify();
    }
  }

  /**
   * Reads an exported record back in, into the seminar it names (made current; created if this browser
   * does not have it). A record of another seminar while this one is under way is stored beside it: the
   * seminar in the room goes on. Reported as done only once stored: if the browser refuses, nothing changes.
   */
  importRecord(record: SeminarRecord): { ok: true; beside?: true } | { ok: false; problem: StorageProblem } {
    const t = this.clock();
    const previous = this.state;
    const stored = record.seminar === previous.id ? previous : this.store.load(record.seminar);
    const base = stored ?? seminarFromRecord({ ...record, cards: {} }, t);
    const imported = reduce(this.plan, { ...base, rehearsal: record.rehearsal === true || base.rehearsal }, { type: 'import', record }, t);
    if (!this.store.save(imported)) {
      const problem = this.store.problem ?? 'quota';
      // Nothing of the import may linger: put back what was stored (or nothing, for a seminar that was new).
      if (stored) this.store.save(stored);
      else this.store.delete(imported.id);
      this.store.save(previous);
      return { ok: false, problem };
    }
    const underWay = previous.startedAt !== undefined && previous.endedAt === undefined && !previous.rehearsal;
    if (underWay && imported.id !== previous.id) {
      this.refreshSummaries(imported);
      this.notify();
      return { ok: true, beside: true };
    }
    // Saved again as the active seminar, so the window-name mirror holds it too.
    this.store.setActive(imported.id);
    this.state = imported;
    this.save(t);
    this.notify();
    return { ok: true };
  }

  private switchTo(choice: SeminarChoice, t: number): void {
    // The seminar being left keeps its times: a running card stops where it is.
    const position = this.state.position;
    const left = reduce(this.plan, this.state, { type: 'slide', place: { kind: 'after' } }, t);
    if (left !== this.state) this.store.save(left);
    const opened = this.open(choice, t);
    // The deck still shows the same slide: the seminar it works in now knows where it stands.
    this.state = position.cardId !== undefined && !position.atEnd
      ? reduce(this.plan, opened, { type: 'slide', place: { kind: 'card', cardId: position.cardId } }, t)
      : opened;
    this.save(t);
    this.notify();
  }

  private commit(next: SeminarState, t: number): void {
    this.state = next;
    this.save(t);
    this.notify();
  }

  private save(t: number): void {
    this.lastSaved = t;
    this.store.save(this.state);
    this.refreshSummaries(this.state);
  }

  private refreshSummaries(state: SeminarState): void {
    const summary = summarise(state);
    const at = this.summaries.findIndex((s) => s.id === state.id);
    if (at < 0) this.summaries = [...this.summaries, summary];
    else this.summaries = this.summaries.map((s, i) => (i === at ? summary : s));
  }

  onChange(listener: SnapshotListener): void {
    this.listeners.add(listener);
  }

  /** Starts the clock; listeners hear once a second, and at once on every change. */
  startClock(win: Window): void {
    if (this.interval !== undefined) return;
    this.interval = win.setInterval(() => this.onTick(), TICK_MS);
    this.notify();
  }

  private onTick(): void {
    const t = this.clock();
    const gaps = this.state.gaps.length;
    let next = tick(this.state, t);
    // A countdown whose end signal has had its time is gone; drop it from the stored state too.
    if (next.discussion && !discussionStatus(next, t)) next = stopDiscussion(next);
    const changed = next.gaps.length !== gaps || next.discussion !== this.state.discussion;
    this.state = next;
    if (changed || (seminarPhase(next) === 'running' && t - this.lastSaved >= SAVE_EVERY_MS)) this.save(t);
    const second = Math.floor(t / 1000);
    if (changed || second !== this.lastSecond || performance.now() - this.lastHeard >= HEARTBEAT_MS) this.notify();
  }

  notify(): void {
    const snapshot = this.snapshot();
    this.lastSecond = Math.floor(snapshot.now / 1000);
    this.lastHeard = performance.now();
    for (const listener of this.listeners) listener(snapshot);
  }

  snapshot(): Snapshot {
    const t = this.clock();
    const state = this.state;
    const snapshot: Snapshot = {
      page: this.page,
      now: t,
      seminar: state,
      seminars: this.summaries,
      prefs: this.prefs,
      projection: project(this.plan, state, t),
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
    if (this.store.problem) snapshot.storageProblem = this.store.problem;
    if (state.startedAt === undefined && this.cardOnScreen !== undefined) snapshot.unstartedCard = this.cardOnScreen;
    if (this.plan.date !== undefined && this.plan.date !== localDay(t)) snapshot.seminarDay = this.plan.date;
    return snapshot;
  }
}
