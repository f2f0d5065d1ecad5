// Keeping the timing state: localStorage per deck, mirrored into the deck window's name; earlier seminars archived.
//
// Keys: `samtale.timing.v1/<deck id>` holds the current seminar's state (its
// `seminar` field is the local day it began). A state whose clock last ticked
// more than STALE_MS ago belongs to an earlier seminar (a rehearsal the day
// before): it is archived as `samtale.timing.v1/<deck id>/<seminar>` (the
// last MAX_ARCHIVED are kept) and a fresh seminar starts. Twelve hours lets a
// seminar run past midnight and still be one seminar.
//
// Why the mirror: browsers leave localStorage for file:// pages undefined
// (MDN), and Chromium now and then hands a reloaded file:// page an empty,
// throw-away storage area (seen in tests/runtime/facilitator.e2e.test.ts;
// reproducible with a bare page). `window.name` survives reloads of the same
// tab whatever happens to storage, so every save also goes there, with a
// revision number; loading takes whichever copy is newer. Nothing else in
// samtale uses the deck window's name.
//
// The deck window is the only writer. If storage is refused (private mode,
// disabled), the state lives in memory (and the name) and the view says so.
import { type TimingState, initialState, parseState } from '../timing/state.js';

const PREFIX = 'samtale.timing.v1/';
const NAME_PREFIX = 'samtale.timing.v1:';
const STALE_MS = 12 * 60 * 60 * 1000;
const MAX_ARCHIVED = 5;

/** What is stored: the state and a revision that grows with every save. */
interface Stored {
  revision: number;
  state: TimingState;
}

export class TimingStore {
  readonly key: string;
  /** False once the browser has refused a read or write. */
  persisted = true;
  private revision = 0;

  constructor(
    private readonly win: Window,
    private readonly deckId: string,
  ) {
    this.key = `${PREFIX}${deckId}`;
  }

  private storage(): Storage | undefined {
    try {
      return this.win.localStorage;
    } catch {
      this.persisted = false;
      return undefined;
    }
  }

  /** The current seminar's state, or a fresh one (archiving a stale one). */
  load(now: number): TimingState {
    let raw: string | null = null;
    try {
      raw = this.storage()?.getItem(this.key) ?? null;
    } catch {
      this.persisted = false;
    }
    const stored = [this.parse(raw), this.parse(this.win.name.startsWith(NAME_PREFIX) ? this.win.name.slice(NAME_PREFIX.length) : null)]
      .filter((s): s is Stored => s !== undefined)
      .sort((a, b) => b.revision - a.revision)[0];
    this.revision = stored?.revision ?? 0;
    const state = stored?.state;
    if (state && now - state.lastTick <= STALE_MS) return state;
    if (state && state.startedAt !== undefined) this.archive(state);
    return initialState(this.deckId, now, state ? { ...state.prefs } : undefined);
  }

  private parse(raw: string | null): Stored | undefined {
    if (raw === null) return undefined;
    try {
      const value = JSON.parse(raw) as { revision?: unknown; state?: unknown };
      const state = parseState(value.state, this.deckId);
      return state && typeof value.revision === 'number' ? { revision: value.revision, state } : undefined;
    } catch {
      return undefined;
    }
  }

  save(state: TimingState): void {
    this.revision += 1;
    const raw = JSON.stringify({ revision: this.revision, state });
    try {
      this.win.name = `${NAME_PREFIX}${raw}`;
    } catch {
      // A window name that cannot be set only loses the mirror.
    }
    const storage = this.storage();
    if (!storage) return;
    try {
      storage.setItem(this.key, raw);
      this.persisted = true;
    } catch {
      this.persisted = false;
    }
  }

  /** Calls `onState` when another window of the same deck saved (last writer wins). */
  watch(onState: (state: TimingState) => void): void {
    this.win.addEventListener('storage', (event) => {
      if (event.key !== this.key || event.newValue === null) return;
      const stored = this.parse(event.newValue);
      if (!stored) return;
      this.revision = Math.max(this.revision, stored.revision);
      onState(stored.state);
    });
  }

  private archive(state: TimingState): void {
    const storage = this.storage();
    if (!storage) return;
    try {
      storage.setItem(`${this.key}/${state.seminar}`, JSON.stringify({ revision: this.revision, state }));
      const archived: string[] = [];
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i);
        if (key?.startsWith(`${this.key}/`)) archived.push(key);
      }
      for (const key of archived.sort().slice(0, Math.max(0, archived.length - MAX_ARCHIVED))) storage.removeItem(key);
    } catch {
      // Archiving is a courtesy; the new seminar starts either way.
    }
  }
}
