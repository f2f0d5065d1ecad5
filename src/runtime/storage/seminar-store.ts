// The one place samtale keeps a seminar in the browser: localStorage per deck, a mirror in the deck
// window's name, and an outbox for the view's keystrokes. Every write says whether the browser kept it.
//
// Keys, per deck:
//   samtale.v2/<deck>/index            which seminar the deck works in
//   samtale.v2/<deck>/seminar/<id>     one seminar (seminar/state.ts) with a revision that grows per save
//   samtale.v2/<deck>/prefs            the facilitator's choices (sound, countdown on screen, …)
//   samtale.v2/<deck>/slide            the slide the deck last showed (to reopen there during the seminar)
//   samtale.v2/<deck>/outbox           keystrokes the facilitator view has typed and the deck has not yet confirmed
//
// Writers: the deck window writes the index, the seminars and the preferences; the facilitator view writes
// only its outbox. So two windows never write the same key, and no write overwrites another window's.
//
// Why the mirror: Chromium now and then hands a reloaded file:// page an empty, throw-away storage area
// (about one reload in twenty, seen in tests/runtime/seminar-day.e2e.test.ts's ancestors; reproducible with
// a bare page). `window.name` survives reloads of the same tab whatever happens to storage, so the deck
// window also writes the active seminar there; loading takes whichever copy has the higher revision.
//
// Why a durable copy (durable.ts): localStorage reaches the disk seconds after setItem, so a browser that
// crashes loses the last seconds; every write also goes to IndexedDB, whose commit is on disk. Opening reads
// that copy first and puts back into localStorage whatever is newer there (`SeminarStore.open`).
//
// When the browser refuses a write (quota full, storage disabled, private mode), the value is kept in
// memory, `problem` says why, and listeners hear at once: the view tells the facilitator and offers the
// record as a download.
import type { SeminarSummary } from '../seminar/identity.js';
import { summarise } from '../seminar/identity.js';
import { parsePrefs, parseSeminar } from '../seminar/parse.js';
import type { Prefs, SeminarState } from '../seminar/state.js';
import { DurableCopy } from './durable.js';
import { mergeOutboxes } from './outbox.js';

export type StorageProblem = 'quota' | 'unavailable';

const PREFIX = 'samtale.v2/';
const NAME_PREFIX = 'samtale.v2:';

interface Stored {
  revision: number;
  state: SeminarState;
}

/** What the deck window's name holds: the active seminar, and the facilitator's choices. */
interface Mirror extends Stored {
  prefs?: Prefs;
}

export class SeminarStore {
  /** Why the last write was refused; undefined once writes succeed again. */
  problem: StorageProblem | undefined;
  private readonly memory = new Map<string, string>();
  private readonly revisions = new Map<string, number>();
  private readonly listeners = new Set<(problem: StorageProblem | undefined) => void>();
  /** The seminar the deck works in: the only one mirrored into the window's name. */
  private active: string | undefined;
  private durable: DurableCopy | undefined;

  constructor(
    private readonly win: Window,
    readonly deckId: string,
    /** The deck window mirrors the active seminar into its name; the view must not touch its own. */
    private readonly mirror: boolean,
  ) {}

  /**
   * The store with its durable copy: what the copy holds newer than localStorage (the seconds a crash
   * took from localStorage) is put back first, so everything after reads one place, synchronously.
   */
  static async open(win: Window, deckId: string, mirror: boolean): Promise<SeminarStore> {
    const store = new SeminarStore(win, deckId, mirror);
    const { copy, entries } = await DurableCopy.open(win, store.key(''));
    store.durable = copy;
    for (const [key, value] of entries) store.recover(key, value);
    return store;
  }

  /** Puts a durable entry back into localStorage when it is newer than what localStorage holds. */
  private recover(key: string, value: string): void {
    const local = this.read(key);
    if (local === value) return;
    let kept = value;
    if (local !== null) {
      if (key.startsWith(this.key('seminar', ''))) {
        if ((this.parse(value)?.revision ?? -1) <= (this.parse(local)?.revision ?? -1)) return;
      } else if (key === this.key('outbox')) {
        kept = mergeOutboxes(local, value);
      } else {
        return;
      }
    }
    try {
      this.storage()?.setItem(key, kept);
    } catch {
      this.memory.set(key, kept);
    }
  }

  /** Whether the last write of `key` is on disk; `onSettled` hears each time writes reach it. */
  settled(key: string): boolean {
    return this.durable?.settled(key) ?? true;
  }

  onSettled(listener: () => void): void {
    this.durable?.onSettled(listener);
  }

  key(...parts: string[]): string {
    return `${PREFIX}${this.deckId}/${parts.join('/')}`;
  }

  /** Hears every change of `problem` (a refused write, and the first write that works again). */
  onProblem(listener: (problem: StorageProblem | undefined) => void): void {
    this.listeners.add(listener);
  }

  // ------------------------------------------------------------ raw storage

  private storage(): Storage | undefined {
    try {
      return this.win.localStorage ?? undefined;
    } catch {
      return undefined;
    }
  }

  read(key: string): string | null {
    const kept = this.memory.get(key);
    if (kept !== undefined) return kept;
    try {
      return this.storage()?.getItem(key) ?? null;
    } catch {
      return null;
    }
  }

  /** Writes synchronously; false (the value kept in memory, `problem` set) when the browser refuses. */
  write(key: string, value: string): boolean {
    const storage = this.storage();
    let problem: StorageProblem | undefined = storage ? undefined : 'unavailable';
    if (storage) {
      try {
        storage.setItem(key, value);
        this.memory.delete(key);
      } catch (error) {
        problem = isQuotaError(error) ? 'quota' : 'unavailable';
      }
    }
    if (problem) this.memory.set(key, value);
    this.durable?.put(key, value);
    this.setProblem(problem);
    return problem === undefined;
  }

  remove(key: string): void {
    this.memory.delete(key);
    this.durable?.put(key, null);
    try {
      this.storage()?.removeItem(key);
    } catch {
      // Nothing to keep: the key is gone from memory, and storage that refuses removal refuses reads too.
    }
  }

  /** Every stored key (and in-memory one) starting with `prefix`. */
  keys(prefix: string): string[] {
    const found = new Set<string>();
    const storage = this.storage();
    try {
      for (let i = 0; storage && i < storage.length; i++) {
        const key = storage.key(i);
        if (key?.startsWith(prefix)) found.add(key);
      }
    } catch {
      // Storage unreadable: only the in-memory keys.
    }
    for (const key of this.memory.keys()) if (key.startsWith(prefix)) found.add(key);
    return [...found];
  }

  private setProblem(problem: StorageProblem | undefined): void {
    if (problem === this.problem) return;
    this.problem = problem;
    for (const listener of this.listeners) listener(problem);
  }

  // ------------------------------------------------------------ seminars

  activeId(): string | undefined {
    let stored: string | undefined;
    try {
      const value = JSON.parse(this.read(this.key('index')) ?? 'null') as { active?: unknown } | null;
      if (typeof value?.active === 'string') stored = value.active;
    } catch {
      // Unreadable index: the mirror knows the active seminar.
    }
    return (this.active = stored ?? this.mirrored()?.state.id);
  }

  setActive(id: string): boolean {
    this.active = id;
    return this.write(this.key('index'), JSON.stringify({ active: id }));
  }

  /** A seminar: the newer of the stored copy and the window-name mirror. */
  load(id: string): SeminarState | undefined {
    const stored = this.parse(this.read(this.key('seminar', id)));
    const mirrored = this.mirrored();
    const copies = [stored, mirrored?.state.id === id ? mirrored : undefined].filter((c): c is Stored => c !== undefined);
    const newest = copies.sort((a, b) => b.revision - a.revision)[0];
    if (!newest) return undefined;
    this.revisions.set(id, Math.max(this.revisions.get(id) ?? 0, newest.revision));
    return newest.state;
  }

  /** Saves a seminar (and mirrors it when it is the deck's active one). */
  save(state: SeminarState): boolean {
    const revision = (this.revisions.get(state.id) ?? 0) + 1;
    this.revisions.set(state.id, revision);
    const raw = JSON.stringify({ revision, state });
    if (this.mirror && state.id === this.active) this.setMirror({ revision, state, ...(this.mirroredPrefs ? { prefs: this.mirroredPrefs } : {}) });
    return this.write(this.key('seminar', state.id), raw);
  }

  private mirroredPrefs: Prefs | undefined;

  private setMirror(mirror: Mirror): void {
    try {
      this.win.name = `${NAME_PREFIX}${JSON.stringify(mirror)}`;
    } catch {
      // A name that cannot be set only loses the mirror.
    }
  }

  /** Removes a seminar (a rehearsal the facilitator clears). */
  delete(id: string): void {
    this.remove(this.key('seminar', id));
    this.revisions.delete(id);
  }

  /** Every stored seminar of this deck (the mirrored one too, when storage lost it), oldest first. */
  summaries(): SeminarSummary[] {
    const prefix = this.key('seminar', '');
    const ids = new Set(this.keys(prefix).map((key) => key.slice(prefix.length)));
    const mirrored = this.mirrored()?.state.id;
    if (mirrored !== undefined) ids.add(mirrored);
    return [...ids]
      .map((id) => this.load(id))
      .filter((state): state is SeminarState => state !== undefined)
      .map(summarise)
      .sort((a, b) => (a.startedAt ?? a.lastTick) - (b.startedAt ?? b.lastTick));
  }

  /** Calls `onState` when another deck window of the same deck saved the seminar `id()` names. */
  watch(id: () => string, onState: (state: SeminarState) => void): void {
    this.win.addEventListener('storage', (event) => {
      if (event.key !== this.key('seminar', id()) || event.newValue === null) return;
      const stored = this.parse(event.newValue);
      if (!stored || stored.revision <= (this.revisions.get(stored.state.id) ?? 0)) return;
      this.revisions.set(stored.state.id, stored.revision);
      onState(stored.state);
    });
  }

  private parse(raw: string | null): Stored | undefined {
    if (raw === null) return undefined;
    try {
      return this.stored(JSON.parse(raw) as { revision?: unknown; state?: unknown });
    } catch {
      return undefined;
    }
  }

  private stored(value: { revision?: unknown; state?: unknown } | undefined): Stored | undefined {
    const state = parseSeminar(value?.state, this.deckId);
    return state && typeof value?.revision === 'number' ? { revision: value.revision, state } : undefined;
  }

  private mirrored(): Stored | undefined {
    return this.stored(this.mirroredRaw());
  }

  private mirroredRaw(): { revision?: unknown; state?: unknown; prefs?: unknown } | undefined {
    if (!this.mirror) return undefined;
    try {
      const name = this.win.name;
      return name.startsWith(NAME_PREFIX) ? (JSON.parse(name.slice(NAME_PREFIX.length)) as { revision?: unknown; state?: unknown; prefs?: unknown }) : undefined;
    } catch {
      return undefined;
    }
  }

  // ------------------------------------------------------------ the slide on the projector

  loadSlide(): number | undefined {
    const value = Number(this.read(this.key('slide')));
    return Number.isInteger(value) && value >= 0 ? value : undefined;
  }

  saveSlide(index: number): void {
    if (this.loadSlide() !== index) this.write(this.key('slide'), String(index));
  }

  // ------------------------------------------------------------ preferences

  /** The stored choices; in a throw-away storage area, the copy in the window's name. */
  loadPrefs(): Prefs {
    let stored: unknown;
    try {
      stored = JSON.parse(this.read(this.key('prefs')) ?? 'null');
    } catch {
      stored = null;
    }
    const prefs = parsePrefs(stored ?? this.mirroredRaw()?.prefs);
    if (this.mirror) this.mirroredPrefs = prefs;
    return prefs;
  }

  savePrefs(prefs: Prefs): boolean {
    if (this.mirror) {
      this.mirroredPrefs = prefs;
      const mirrored = this.mirrored();
      if (mirrored) this.setMirror({ ...mirrored, prefs });
    }
    return this.write(this.key('prefs'), JSON.stringify(prefs));
  }
}

/** QuotaExceededError, under the names browsers have given it. */
function isQuotaError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED' || (error as { code?: number }).code === 22;
}
