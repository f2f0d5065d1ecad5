// The seminar records in localStorage: one key per seminar, an index per deck, written on every keystroke.
//
// Keys
//   samtale:record:<deck id>:<seminar>   one SeminarRecord (src/record/record.ts) as JSON
//   samtale:records:<deck id>            the index: the seminars in order, the active one, the one that
//                                        owns the deck's timers, and whether the audience sees the text
//   samtale:record-backup:<deck id>:<seminar>   the record as it was before the last import replaced it
//
// Who writes: the facilitator view writes straight to localStorage, synchronously, on every `input`
// event, before it does anything else. The deck file and its `?samtale=facilitator` popup are the
// same file, so they share localStorage (on file:// Chromium gives every file one storage origin;
// over http it is the same origin anyway), and the deck window hears every change as a `storage`
// event, which is how the audience screen shows the agreement. Nothing goes through postMessage,
// so a keystroke is safe the moment the input event has run, whether or not the deck is open.
//
// Two copies. Chromium now and then gives a file:// page that is *reloaded* an empty, throw-away
// storage area (about one reload in twenty here; a popup opened with `window.open` always gets the
// real one). So the view also hands every write to the deck window (channel.ts), which merges it into
// its own storage; and the view, when it opens and every few seconds after, merges the deck's copy
// into its own. A keystroke is lost only if both windows have a throw-away area at once.
// `merge` is that merge: per card the newer text wins (by `updatedAt`), seminars are united, and the
// index with the later `updatedAt` decides which seminar is active.
//
// Every write reads the stored record first and changes only the field concerned, so two windows
// (or an import) never overwrite each other's other fields. A stored value that cannot be read is
// kept aside under `<key>:unreadable` before anything is written over it.
//
// If the browser refuses storage, the records live in memory and the view says so loudly.
import { type CardRecord, type SeminarRecord, seminarKey } from '../../record/record.js';

export const recordKey = (deckId: string, seminar: string): string => `samtale:record:${deckId}:${seminar}`;
export const indexKey = (deckId: string): string => `samtale:records:${deckId}`;
export const backupKey = (deckId: string, seminar: string): string => `samtale:record-backup:${deckId}:${seminar}`;

/** A seminar nobody has touched for this long is over: opening the view afterwards starts a new one (as the timers do). */
export const STALE_MS = 12 * 60 * 60 * 1000;

export interface RecordIndex {
  version: 1;
  deck: string;
  /** The seminar the view shows and the audience sees: typing goes here. */
  active: string;
  /** The seminar the deck's timers belong to: its planned and actual minutes are kept up to date. */
  clock?: string;
  /** `createdAt` of the timing state the clock seminar is bound to. */
  timing?: number;
  /** `createdAt` of the previous seminar's timing state: "Nyt seminar" never binds to it (it asks the deck to reset). */
  retiredTiming?: number;
  /** "Nyt seminar" was chosen before the view had heard from the deck: reset the deck's timers when it answers. */
  resetPending?: boolean;
  /** Seminar keys, oldest first. */
  seminars: string[];
  /** Show the agreement on the audience screen, on the card's action slide. */
  show: boolean;
  /** When this index was last written (ms): of two windows' copies, the newer one decides. */
  updatedAt?: number;
}

/** What a new seminar starts with: the deck's title, council and place, today's date. */
export interface SeminarDefaults {
  title: string;
  municipality?: string;
  place?: string;
}

export type FieldName = 'agreed' | 'followUp';
export type MetaPatch = Partial<Pick<SeminarRecord, 'municipality' | 'date' | 'place'>>;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';

/** Checks a stored record; anything unexpected gives undefined. Unknown cards' fields are coerced to text. */
export function parseRecord(value: unknown, deckId: string): SeminarRecord | undefined {
  if (!isRecord(value) || value['deck'] !== deckId || !isString(value['seminar']) || !isRecord(value['cards'])) return undefined;
  const record: SeminarRecord = { deck: deckId, seminar: value['seminar'], title: isString(value['title']) ? value['title'] : '', cards: {} };
  for (const key of ['municipality', 'date', 'place', 'startedAt'] as const) {
    const v = value[key];
    if (isString(v)) record[key] = v;
  }
  for (const [id, raw] of Object.entries(value['cards'])) {
    if (!isRecord(raw)) continue;
    const card: CardRecord = { agreed: isString(raw['agreed']) ? raw['agreed'] : '', followUp: isString(raw['followUp']) ? raw['followUp'] : '' };
    if (isString(raw['updatedAt'])) card.updatedAt = raw['updatedAt'];
    if (typeof raw['plannedMinutes'] === 'number' && Number.isFinite(raw['plannedMinutes'])) card.plannedMinutes = raw['plannedMinutes'];
    if (typeof raw['actualMinutes'] === 'number' && Number.isFinite(raw['actualMinutes'])) card.actualMinutes = raw['actualMinutes'];
    record.cards[id] = card;
  }
  return record;
}

function parseIndex(value: unknown, deckId: string): RecordIndex | undefined {
  if (!isRecord(value) || value['version'] !== 1 || value['deck'] !== deckId || !isString(value['active']) || !Array.isArray(value['seminars'])) return undefined;
  const index: RecordIndex = {
    version: 1,
    deck: deckId,
    active: value['active'],
    seminars: value['seminars'].filter(isString),
    show: value['show'] === true,
  };
  if (isString(value['clock'])) index.clock = value['clock'];
  if (typeof value['timing'] === 'number') index.timing = value['timing'];
  if (typeof value['retiredTiming'] === 'number') index.retiredTiming = value['retiredTiming'];
  if (value['resetPending'] === true) index.resetPending = true;
  if (typeof value['updatedAt'] === 'number') index.updatedAt = value['updatedAt'];
  return index;
}

/** The local calendar day of `ms` as "YYYY-MM-DD". */
export function localDay(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The last time anything happened in a record (it was started, or someone typed), or NaN. */
export function lastActivity(record: SeminarRecord): number {
  const times = [record.startedAt, ...Object.values(record.cards).map((card) => card.updatedAt)]
    .map((t) => (t === undefined ? Number.NaN : Date.parse(t)))
    .filter((t) => Number.isFinite(t));
  return times.length === 0 ? Number.NaN : Math.max(...times);
}

/** True when a record holds no text at all. */
export function isEmptyRecord(record: SeminarRecord): boolean {
  return Object.values(record.cards).every((card) => card.agreed.trim() === '' && card.followUp.trim() === '');
}

/** Two copies of one seminar merged: per card the newer text wins; the details from the copy last typed in. */
export function mergeRecords(local: SeminarRecord | undefined, incoming: SeminarRecord | undefined): SeminarRecord | undefined {
  if (!local || !incoming) return local ?? incoming;
  const time = (card: CardRecord | undefined) => (card?.updatedAt ? Date.parse(card.updatedAt) : Number.NEGATIVE_INFINITY);
  const newer = (lastActivity(incoming) || 0) >= (lastActivity(local) || 0) ? incoming : local;
  const older = newer === incoming ? local : incoming;
  const merged: SeminarRecord = { ...older, ...newer, cards: {} };
  for (const key of ['municipality', 'date', 'place', 'startedAt'] as const) {
    const value = newer[key] ?? older[key];
    if (value === undefined) delete merged[key];
    else merged[key] = value;
  }
  for (const id of new Set([...Object.keys(local.cards), ...Object.keys(incoming.cards)])) {
    const [a, b] = [local.cards[id], incoming.cards[id]];
    const winner = time(b) >= time(a) ? (b ?? a)! : a!;
    const other = winner === a ? b : a;
    const card: CardRecord = { ...winner };
    if (card.plannedMinutes === undefined && other?.plannedMinutes !== undefined) card.plannedMinutes = other.plannedMinutes;
    if (card.actualMinutes === undefined && other?.actualMinutes !== undefined) card.actualMinutes = other.actualMinutes;
    merged.cards[id] = card;
  }
  return merged;
}

/** Two copies of the index merged: every seminar of both; the newer copy decides the rest. */
export function mergeIndexes(local: RecordIndex | undefined, incoming: RecordIndex | undefined): RecordIndex | undefined {
  if (!local || !incoming) return local ?? incoming;
  const newer = (incoming.updatedAt ?? 0) >= (local.updatedAt ?? 0) ? incoming : local;
  const seminars = [...local.seminars];
  for (const seminar of incoming.seminars) if (!seminars.includes(seminar)) seminars.push(seminar);
  return { ...newer, seminars };
}

export class RecordStore {
  /** False once the browser has refused a read or a write: the records are in memory only. */
  persisted = true;
  /** Told of every write this store makes (not of merges): the view hands them to the deck window. */
  onWrite: ((key: string, value: string | null) => void) | undefined;
  private readonly memory = new Map<string, string>();

  constructor(
    private readonly win: Window,
    readonly deckId: string,
  ) {}

  // ------------------------------------------------------------ raw storage

  private storage(): Storage | undefined {
    try {
      return this.win.localStorage;
    } catch {
      this.persisted = false;
      return undefined;
    }
  }

  private read(key: string): string | null {
    // A value the browser refused to store is newer than whatever storage still holds.
    const kept = this.memory.get(key);
    if (kept !== undefined) return kept;
    const storage = this.storage();
    if (storage) {
      try {
        const value = storage.getItem(key);
        if (value !== null) return value;
      } catch {
        this.persisted = false;
      }
    }
    return null;
  }

  /** Writes synchronously (then tells `onWrite`). Returns false (and keeps the value in memory) when the browser refuses. */
  private write(key: string, value: string): boolean {
    const saved = this.writeRaw(key, value);
    this.onWrite?.(key, value);
    return saved;
  }

  private writeRaw(key: string, value: string): boolean {
    const storage = this.storage();
    if (storage) {
      try {
        storage.setItem(key, value);
        this.memory.delete(key);
        this.persisted = true;
        return true;
      } catch {
        this.persisted = false;
      }
    }
    this.memory.set(key, value);
    return false;
  }

  /** Keys in storage that start with `prefix` (and the in-memory ones). */
  private keys(prefix: string): string[] {
    const found = new Set<string>();
    const storage = this.storage();
    try {
      for (let i = 0; storage && i < storage.length; i++) {
        const key = storage.key(i);
        if (key?.startsWith(prefix)) found.add(key);
      }
    } catch {
      this.persisted = false;
    }
    for (const key of this.memory.keys()) if (key.startsWith(prefix)) found.add(key);
    return [...found];
  }

  // ------------------------------------------------------------ records

  load(seminar: string): SeminarRecord | undefined {
    const key = recordKey(this.deckId, seminar);
    const raw = this.read(key);
    if (raw === null) return undefined;
    try {
      const record = parseRecord(JSON.parse(raw), this.deckId);
      if (record) return record;
    } catch {
      // Kept aside below.
    }
    // Never write over something we cannot read: it may be the only copy of an afternoon's notes.
    const aside = `${key}:unreadable`;
    const kept = this.read(aside);
    if (kept !== raw) this.write(kept === null ? aside : `${aside}-${Date.now()}`, raw);
    return undefined;
  }

  /** Writes a whole record. */
  save(record: SeminarRecord): boolean {
    return this.write(recordKey(this.deckId, record.seminar), JSON.stringify(record));
  }

  /**
   * One keystroke: reads the stored record, sets one field of one card, writes it back, synchronously.
   * `base` is used when nothing readable is stored (the first keystroke, or storage refused).
   */
  setField(base: SeminarRecord, cardId: string, field: FieldName, value: string, at: Date): { record: SeminarRecord; saved: boolean } {
    const record = this.load(base.seminar) ?? base;
    const card: CardRecord = { agreed: '', followUp: '', ...record.cards[cardId] };
    card[field] = value;
    card.updatedAt = at.toISOString();
    record.cards[cardId] = card;
    return { record, saved: this.save(record) };
  }

  setMeta(base: SeminarRecord, patch: MetaPatch): { record: SeminarRecord; saved: boolean } {
    const record = this.load(base.seminar) ?? base;
    for (const [key, value] of Object.entries(patch) as [keyof MetaPatch, string | undefined][]) {
      if (value === undefined || value.trim() === '') delete record[key];
      else record[key] = value;
    }
    return { record, saved: this.save(record) };
  }

  /**
   * Planned and actual minutes per card from the deck's timers, into the seminar that owns them.
   * Writes only when a number changed (the actual minutes change every six seconds of a running card).
   */
  setMinutes(seminar: string, minutes: ReadonlyMap<string, { planned: number; actual: number }>): SeminarRecord | undefined {
    const record = this.load(seminar);
    if (!record) return undefined;
    let changed = false;
    for (const [cardId, { planned, actual }] of minutes) {
      const card = record.cards[cardId];
      if (card?.plannedMinutes === planned && card.actualMinutes === actual) continue;
      // A card never held and never written about needs no entry.
      if (!card && actual === 0) continue;
      record.cards[cardId] = { agreed: '', followUp: '', ...card, plannedMinutes: planned, actualMinutes: actual };
      changed = true;
    }
    if (changed) this.save(record);
    return record;
  }

  // ------------------------------------------------------------ the index

  /** The index, rebuilt from the stored records if it is missing or unreadable. */
  index(): RecordIndex | undefined {
    const raw = this.read(indexKey(this.deckId));
    let index: RecordIndex | undefined;
    try {
      index = raw === null ? undefined : parseIndex(JSON.parse(raw), this.deckId);
    } catch {
      index = undefined;
    }
    // Records the index does not list (it was lost, or another window added one) are found by their keys.
    const prefix = recordKey(this.deckId, '');
    const stored = this.keys(prefix).map((key) => key.slice(prefix.length)).filter((s) => s !== '' && !s.includes(':'));
    if (!index) {
      if (stored.length === 0) return undefined;
      const sorted = stored.sort();
      return { version: 1, deck: this.deckId, active: sorted[sorted.length - 1]!, seminars: sorted, show: false };
    }
    for (const seminar of stored.sort()) if (!index.seminars.includes(seminar)) index.seminars.push(seminar);
    return index;
  }

  saveIndex(index: RecordIndex): boolean {
    // Later than any copy written before, even if the clock went back.
    index.updatedAt = Math.max(Date.now(), (index.updatedAt ?? 0) + 1);
    return this.write(indexKey(this.deckId), JSON.stringify(index));
  }

  private updateIndex(change: (index: RecordIndex) => void): RecordIndex | undefined {
    const index = this.index();
    if (!index) return undefined;
    change(index);
    this.saveIndex(index);
    return index;
  }

  /**
   * The seminar to work on when the view opens: the active one, or a first one for this deck. A seminar
   * idle for more than STALE_MS (yesterday's council) is kept and a new one started, as the timers do.
   */
  open(defaults: SeminarDefaults, now: number): { record: SeminarRecord; index: RecordIndex; started?: 'first' | 'stale'; previous?: SeminarRecord } {
    const index = this.index();
    const active = index ? this.load(index.active) : undefined;
    if (!index || !active) {
      const { record, index: created } = this.newSeminar(defaults, now, index);
      return { record, index: created, started: 'first' };
    }
    // Judged by the seminar that owns the timers (the one being held), not one opened to look something up.
    const current = (index.clock !== undefined && index.clock !== active.seminar ? this.load(index.clock) : undefined) ?? active;
    const last = lastActivity(current);
    if (Number.isFinite(last) && now - last > STALE_MS) {
      // An untouched seminar is not worth keeping: a fresh one takes its place.
      const dropped = this.forget(current.seminar, index);
      const { record, index: created } = this.newSeminar(defaults, now, index);
      return dropped ? { record, index: created, started: 'first' } : { record, index: created, started: 'stale', previous: current };
    }
    if (!index.seminars.includes(active.seminar)) index.seminars.push(active.seminar);
    return { record: active, index };
  }

  /** Starts a fresh seminar (kept beside the others), makes it active and gives it the deck's timers. */
  newSeminar(defaults: SeminarDefaults & MetaPatch, now: number, existing = this.index()): { record: SeminarRecord; index: RecordIndex } {
    const date = defaults.date && /^\d{4}-\d{2}-\d{2}$/.test(defaults.date) ? defaults.date : localDay(now);
    const taken = new Set(existing?.seminars ?? []);
    for (const key of this.keys(recordKey(this.deckId, ''))) taken.add(key.slice(recordKey(this.deckId, '').length));
    const seminar = seminarKey(date, [...taken]);
    const record: SeminarRecord = { deck: this.deckId, seminar, title: defaults.title, date, startedAt: new Date(now).toISOString(), cards: {} };
    if (defaults.municipality?.trim()) record.municipality = defaults.municipality.trim();
    if (defaults.place?.trim()) record.place = defaults.place.trim();
    // The record first, then the index that points at it: a crash between the two loses nothing.
    this.save(record);
    const index: RecordIndex = existing
      ? { ...existing, seminars: [...existing.seminars.filter((s) => s !== seminar), seminar], active: seminar, clock: seminar }
      : { version: 1, deck: this.deckId, active: seminar, clock: seminar, seminars: [seminar], show: false };
    if (existing?.timing !== undefined) index.retiredTiming = existing.timing;
    delete index.timing;
    delete index.resetPending;
    this.saveIndex(index);
    return { record, index };
  }

  /** Removes a seminar that holds nothing (no text, no timed minutes) from storage and from `index`. */
  private forget(seminar: string, index: RecordIndex): boolean {
    const record = this.load(seminar);
    if (!record || !isEmptyRecord(record) || Object.values(record.cards).some((c) => (c.actualMinutes ?? 0) > 0)) return false;
    try {
      this.storage()?.removeItem(recordKey(this.deckId, seminar));
    } catch {
      return false;
    }
    this.memory.delete(recordKey(this.deckId, seminar));
    this.onWrite?.(recordKey(this.deckId, seminar), null);
    index.seminars = index.seminars.filter((s) => s !== seminar);
    return true;
  }

  switchTo(seminar: string): RecordIndex | undefined {
    if (!this.load(seminar)) return undefined;
    return this.updateIndex((index) => {
      index.active = seminar;
    });
  }

  setShow(show: boolean): RecordIndex | undefined {
    return this.updateIndex((index) => {
      index.show = show;
    });
  }

  /** Binds the clock seminar to the deck's current timing state (by its createdAt). */
  bindTiming(createdAt: number): RecordIndex | undefined {
    return this.updateIndex((index) => {
      index.timing = createdAt;
    });
  }

  /** Every seminar of this deck, oldest first, that can be read. */
  list(): SeminarRecord[] {
    const index = this.index();
    if (!index) return [];
    return index.seminars.map((s) => this.load(s)).filter((r): r is SeminarRecord => r !== undefined);
  }

  // ------------------------------------------------------------ import

  /**
   * Reads an exported record back in. The imported text wins for the seminar it names (each card it
   * lists, and the seminar's details); cards it does not list keep what is stored. The stored version is
   * first copied to the backup key, so the import can be undone. The seminar becomes the active one.
   */
  importRecord(imported: SeminarRecord): { record: SeminarRecord; index: RecordIndex; merged: boolean } {
    if (imported.deck !== this.deckId) throw new Error(`record of deck "${imported.deck}", not "${this.deckId}"`);
    const existing = this.load(imported.seminar);
    if (existing) this.write(backupKey(this.deckId, imported.seminar), JSON.stringify(existing));
    const record: SeminarRecord = existing ? { ...existing, cards: { ...existing.cards } } : { deck: this.deckId, seminar: imported.seminar, title: imported.title, cards: {} };
    if (imported.title) record.title = imported.title;
    for (const key of ['municipality', 'date', 'place', 'startedAt'] as const) {
      const value = imported[key];
      if (value !== undefined) record[key] = value;
    }
    for (const [id, card] of Object.entries(imported.cards)) {
      const merged: CardRecord = { ...record.cards[id], agreed: card.agreed, followUp: card.followUp };
      if (card.updatedAt) merged.updatedAt = card.updatedAt;
      if (card.plannedMinutes !== undefined) merged.plannedMinutes = card.plannedMinutes;
      if (card.actualMinutes !== undefined) merged.actualMinutes = card.actualMinutes;
      record.cards[id] = merged;
    }
    this.save(record);
    const before = this.index();
    const index: RecordIndex = before
      ? { ...before, active: record.seminar, seminars: before.seminars.includes(record.seminar) ? before.seminars : [...before.seminars, record.seminar] }
      : { version: 1, deck: this.deckId, active: record.seminar, seminars: [record.seminar], show: false };
    this.saveIndex(index);
    return { record, index, merged: existing !== undefined };
  }

  /** The record as it was before the last import into `seminar`, if there was one. */
  backup(seminar: string): SeminarRecord | undefined {
    const raw = this.read(backupKey(this.deckId, seminar));
    try {
      return raw === null ? undefined : parseRecord(JSON.parse(raw), this.deckId);
    } catch {
      return undefined;
    }
  }

  /** Puts the pre-import version back. */
  undoImport(seminar: string): SeminarRecord | undefined {
    const backup = this.backup(seminar);
    if (!backup) return undefined;
    this.save(backup);
    const storage = this.storage();
    try {
      storage?.removeItem(backupKey(this.deckId, seminar));
    } catch {
      // The backup stays; harmless.
    }
    this.memory.delete(backupKey(this.deckId, seminar));
    return backup;
  }

  // ------------------------------------------------------------ two windows' copies

  /** This deck's index and seminar records as stored (for the other window's copy). */
  entries(): Record<string, string> {
    const entries: Record<string, string> = {};
    const index = this.read(indexKey(this.deckId));
    if (index !== null) entries[indexKey(this.deckId)] = index;
    const prefix = recordKey(this.deckId, '');
    for (const key of this.keys(prefix)) {
      if (key.slice(prefix.length).includes(':')) continue;
      const value = this.read(key);
      if (value !== null) entries[key] = value;
    }
    return entries;
  }

  /**
   * Merges another window's copy (`null`: it removed an empty seminar) into this one, without telling
   * `onWrite`. Returns the keys whose stored value changed.
   */
  merge(entries: Readonly<Record<string, string | null>>): string[] {
    const changed: string[] = [];
    const prefix = recordKey(this.deckId, '');
    const parse = (raw: string | null): unknown => {
      try {
        return raw === null ? undefined : (JSON.parse(raw) as unknown);
      } catch {
        return undefined;
      }
    };
    for (const [key, value] of Object.entries(entries)) {
      const current = this.read(key);
      // Compared in a canonical form (parsed again), so an unchanged copy writes nothing.
      let next: string | undefined;
      let same = false;
      if (key === indexKey(this.deckId)) {
        if (value === null) continue;
        const local = parseIndex(parse(current), this.deckId);
        const merged = mergeIndexes(local, parseIndex(parse(value), this.deckId));
        next = merged ? JSON.stringify(merged) : undefined;
        same = local !== undefined && next !== undefined && JSON.stringify(parseIndex(JSON.parse(next), this.deckId)) === JSON.stringify(local);
      } else if (key.startsWith(prefix) && key.length > prefix.length && !key.slice(prefix.length).includes(':')) {
        const local = parseRecord(parse(current), this.deckId);
        if (value === null) {
          // Only an empty seminar is ever removed, and only if it is empty here too.
          if (local && isEmptyRecord(local)) {
            try {
              this.storage()?.removeItem(key);
              this.memory.delete(key);
              changed.push(key);
            } catch {
              // Kept; harmless.
            }
          }
          continue;
        }
        const merged = mergeRecords(local, parseRecord(parse(value), this.deckId));
        next = merged ? JSON.stringify(merged) : undefined;
        same = local !== undefined && merged !== undefined && JSON.stringify(parseRecord(merged, this.deckId)) === JSON.stringify(local);
      }
      if (next !== undefined && !same && next !== current) {
        this.writeRaw(key, next);
        changed.push(key);
      }
    }
    return changed;
  }

  /** Calls `onChange` when another window changed this deck's index or one of its records. */
  watch(onChange: (key: string) => void): void {
    const prefixes = [recordKey(this.deckId, ''), indexKey(this.deckId)];
    this.win.addEventListener('storage', (event) => {
      if (event.key === null || !prefixes.some((p) => event.key === p || event.key!.startsWith(p))) return;
      onChange(event.key);
    });
  }
}
