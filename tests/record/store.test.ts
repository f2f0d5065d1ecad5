// The record store of the facilitator view (src/runtime/record/store.ts), against an in-memory localStorage.
import { describe, expect, it } from 'vitest';
import { RecordStore, STALE_MS, backupKey, indexKey, mergeRecords, recordKey } from '../../src/runtime/record/store.js';
import type { SeminarRecord } from '../../src/record/record.js';

/** A localStorage with the Web Storage API's behaviour, optionally refusing writes (a full or disabled storage). */
class MemoryStorage implements Storage {
  readonly map = new Map<string, string>();
  refuse = false;
  get length(): number {
    return this.map.size;
  }
  clear(): void {
    this.map.clear();
  }
  getItem(key: string): string | null {
    return this.map.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.map.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.map.delete(key);
  }
  setItem(key: string, value: string): void {
    if (this.refuse) throw new DOMException('quota', 'QuotaExceededError');
    this.map.set(key, String(value));
  }
}

function fakeWindow(storage = new MemoryStorage()): { win: Window; storage: MemoryStorage } {
  const win = { localStorage: storage, addEventListener: () => undefined } as unknown as Window;
  return { win, storage };
}

const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date(2027, 2, 2, 16, 30).getTime();
const DEFAULTS = { title: 'Sociale medier og lokaldemokrati', municipality: 'Solby Kommune', place: 'Byrådssalen' };
const stored = (storage: MemoryStorage, seminar: string) => JSON.parse(storage.getItem(recordKey('solby', seminar)) ?? 'null') as SeminarRecord | null;

describe('the record store', () => {
  it('starts a first seminar for the deck, keyed by the day, with the deck’s council and place', () => {
    const { win, storage } = fakeWindow();
    const { record, index, started } = new RecordStore(win, 'solby').open(DEFAULTS, NOW);
    expect(started).toBe('first');
    expect(record).toMatchObject({ deck: 'solby', seminar: '2027-03-02', date: '2027-03-02', municipality: 'Solby Kommune', place: 'Byrådssalen', cards: {} });
    expect(index).toMatchObject({ active: '2027-03-02', clock: '2027-03-02', seminars: ['2027-03-02'], show: false });
    expect(stored(storage, '2027-03-02')).toEqual(record);
    expect(JSON.parse(storage.getItem(indexKey('solby'))!)).toEqual(index);
    // Opened again: the same seminar.
    expect(new RecordStore(win, 'solby').open(DEFAULTS, NOW + 60_000)).toMatchObject({ record: { seminar: '2027-03-02' } });
    expect(new RecordStore(win, 'solby').open(DEFAULTS, NOW + 60_000).started).toBeUndefined();
  });

  it('writes each keystroke at once, changing only its own field', () => {
    const { win, storage } = fakeWindow();
    const store = new RecordStore(win, 'solby');
    let { record } = store.open(DEFAULTS, NOW);
    ({ record } = store.setField(record, 'alfa', 'agreed', 'V', new Date(NOW)));
    expect(stored(storage, record.seminar)?.cards['alfa']).toEqual({ agreed: 'V', followUp: '', updatedAt: new Date(NOW).toISOString() });
    // Another window writes another card meanwhile; our stale copy must not undo it.
    const other = new RecordStore(win, 'solby');
    other.setField(record, 'beta', 'followUp', 'Borgmesteren', new Date(NOW));
    ({ record } = store.setField(record, 'alfa', 'agreed', 'Vi', new Date(NOW + 1000)));
    expect(stored(storage, record.seminar)?.cards).toMatchObject({ alfa: { agreed: 'Vi' }, beta: { followUp: 'Borgmesteren' } });
  });

  it('keeps a new seminar apart from the old one, and retires the old timing', () => {
    const { win, storage } = fakeWindow();
    const store = new RecordStore(win, 'solby');
    const first = store.open(DEFAULTS, NOW).record;
    store.setField(first, 'alfa', 'agreed', 'Solby aftalte', new Date(NOW));
    store.bindTiming(12345);
    const { record, index } = store.newSeminar({ ...DEFAULTS, municipality: 'Faxe Kommune' }, NOW + 3600_000);
    expect(record.seminar).toBe('2027-03-02-2');
    expect(record.municipality).toBe('Faxe Kommune');
    expect(index).toMatchObject({ active: '2027-03-02-2', clock: '2027-03-02-2', seminars: ['2027-03-02', '2027-03-02-2'], retiredTiming: 12345 });
    expect(index.timing).toBeUndefined();
    store.setField(record, 'alfa', 'agreed', 'Faxe aftalte', new Date(NOW));
    expect(stored(storage, '2027-03-02')?.cards['alfa']?.agreed).toBe('Solby aftalte');
    expect(stored(storage, '2027-03-02-2')?.cards['alfa']?.agreed).toBe('Faxe aftalte');
    expect(store.switchTo('2027-03-02')?.active).toBe('2027-03-02');
    expect(store.list().map((r) => r.seminar)).toEqual(['2027-03-02', '2027-03-02-2']);
  });

  it('starts a new seminar when the last one has been idle for over twelve hours, keeping it', () => {
    const { win } = fakeWindow();
    const store = new RecordStore(win, 'solby');
    const first = store.open(DEFAULTS, NOW).record;
    store.setField(first, 'alfa', 'agreed', 'I går', new Date(NOW));
    const next = store.open(DEFAULTS, NOW + STALE_MS + 1000);
    expect(next.started).toBe('stale');
    expect(next.previous?.seminar).toBe('2027-03-02');
    expect(next.record.seminar).toBe('2027-03-03');
    expect(next.index.seminars).toEqual(['2027-03-02', '2027-03-03']);
    // An untouched seminar is replaced rather than kept.
    const later = store.open(DEFAULTS, NOW + 3 * DAY);
    expect(later.started).toBe('first');
    expect(later.index.seminars).toEqual(['2027-03-02', '2027-03-05']);
  });

  it('takes the timers’ minutes only when they changed', () => {
    const { win, storage } = fakeWindow();
    const store = new RecordStore(win, 'solby');
    const { record } = store.open(DEFAULTS, NOW);
    const minutes = new Map([['alfa', { planned: 20, actual: 3.5 }], ['beta', { planned: 20, actual: 0 }]]);
    store.setMinutes(record.seminar, minutes);
    expect(stored(storage, record.seminar)?.cards).toEqual({ alfa: { agreed: '', followUp: '', plannedMinutes: 20, actualMinutes: 3.5 } });
    let writes = 0;
    const setItem = storage.setItem.bind(storage);
    storage.setItem = (key, value) => {
      writes++;
      setItem(key, value);
    };
    store.setMinutes(record.seminar, minutes);
    expect(writes).toBe(0);
  });

  it('imports a record: its text wins for the cards it names, the rest stays, and it can be undone', () => {
    const { win, storage } = fakeWindow();
    const store = new RecordStore(win, 'solby');
    const { record } = store.open(DEFAULTS, NOW);
    store.setField(record, 'alfa', 'agreed', 'Lokal tekst', new Date(NOW));
    store.setField(record, 'gamma', 'agreed', 'Kun lokalt', new Date(NOW));
    const imported: SeminarRecord = { deck: 'solby', seminar: record.seminar, title: 'T', place: 'Rådhuset', cards: { alfa: { agreed: 'Rettet tekst', followUp: 'Kim' }, beta: { agreed: '', followUp: '' } } };
    const result = store.importRecord(imported);
    expect(result.merged).toBe(true);
    expect(stored(storage, record.seminar)?.cards).toMatchObject({ alfa: { agreed: 'Rettet tekst', followUp: 'Kim' }, beta: { agreed: '' }, gamma: { agreed: 'Kun lokalt' } });
    expect(stored(storage, record.seminar)?.place).toBe('Rådhuset');
    expect(storage.getItem(backupKey('solby', record.seminar))).not.toBeNull();
    store.undoImport(record.seminar);
    expect(stored(storage, record.seminar)?.cards['alfa']?.agreed).toBe('Lokal tekst');
    expect(stored(storage, record.seminar)?.place).toBe('Byrådssalen');
    // A seminar this browser has never seen is added and made active; another deck's record is refused.
    const elsewhere = store.importRecord({ ...imported, seminar: '2026-11-05' });
    expect(elsewhere.merged).toBe(false);
    expect(elsewhere.index).toMatchObject({ active: '2026-11-05', clock: record.seminar });
    expect(() => store.importRecord({ ...imported, deck: 'faxe' })).toThrow(/faxe/);
  });

  it('keeps the text in memory and says so when the browser refuses to store it', () => {
    const { win, storage } = fakeWindow();
    const store = new RecordStore(win, 'solby');
    const { record } = store.open(DEFAULTS, NOW);
    storage.refuse = true;
    const { saved } = store.setField(record, 'alfa', 'agreed', 'Ikke tabt', new Date(NOW));
    expect(saved).toBe(false);
    expect(store.persisted).toBe(false);
    expect(store.load(record.seminar)?.cards['alfa']?.agreed).toBe('Ikke tabt');
    storage.refuse = false;
    expect(store.setField(record, 'alfa', 'agreed', 'Ikke tabt!', new Date(NOW)).saved).toBe(true);
    expect(stored(storage, record.seminar)?.cards['alfa']?.agreed).toBe('Ikke tabt!');
  });

  it('never writes over a stored record it cannot read, and finds records whose index is lost', () => {
    const { win, storage } = fakeWindow();
    storage.setItem(recordKey('solby', '2027-03-01'), JSON.stringify({ deck: 'solby', seminar: '2027-03-01', title: 'T', cards: { a: { agreed: 'x', followUp: '' } } }));
    storage.setItem(recordKey('solby', '2027-03-02'), '{"deck": "solby", "semin');
    const store = new RecordStore(win, 'solby');
    expect(store.index()).toMatchObject({ active: '2027-03-02', seminars: ['2027-03-01', '2027-03-02'] });
    const opened = store.open(DEFAULTS, NOW);
    // The unreadable one is kept aside; a new seminar takes a fresh key.
    expect([...storage.map.keys()].some((k) => k === `${recordKey("solby", "2027-03-02")}:unreadable`)).toBe(true);
    expect(storage.getItem(recordKey('solby', '2027-03-02'))).toBe('{"deck": "solby", "semin');
    expect(opened.record.seminar).toBe('2027-03-02-2');
  });

  it('merges two windows’ copies: per card the newer text, every seminar, the newer index', () => {
    const at = (ms: number) => new Date(NOW + ms).toISOString();
    const local: SeminarRecord = { deck: 'solby', seminar: 's', title: 'T', cards: { a: { agreed: 'gammel', followUp: '', updatedAt: at(0) }, b: { agreed: 'kun her', followUp: '', updatedAt: at(5) } } };
    const incoming: SeminarRecord = { deck: 'solby', seminar: 's', title: 'T', place: 'Rådhuset', cards: { a: { agreed: 'ny', followUp: 'Kim', updatedAt: at(9), actualMinutes: 3 }, c: { agreed: 'kun der', followUp: '' } } };
    expect(mergeRecords(local, incoming)?.cards).toEqual({
      a: { agreed: 'ny', followUp: 'Kim', updatedAt: at(9), actualMinutes: 3 },
      b: { agreed: 'kun her', followUp: '', updatedAt: at(5) },
      c: { agreed: 'kun der', followUp: '' },
    });
    expect(mergeRecords(local, incoming)?.place).toBe('Rådhuset');

    // A window with an empty (throw-away) storage area takes the other's copy whole; an unchanged copy writes nothing.
    const deck = fakeWindow();
    const deckStore = new RecordStore(deck.win, 'solby');
    const { record } = deckStore.open(DEFAULTS, NOW);
    deckStore.setField(record, 'a', 'agreed', 'Aftalt i salen', new Date(NOW));
    const view = fakeWindow();
    const viewStore = new RecordStore(view.win, 'solby');
    expect(viewStore.merge(deckStore.entries()).sort()).toEqual([indexKey('solby'), recordKey('solby', record.seminar)].sort());
    expect(viewStore.open(DEFAULTS, NOW).record.cards['a']?.agreed).toBe('Aftalt i salen');
    expect(viewStore.merge(deckStore.entries())).toEqual([]);
    // Every write of one store can be handed to the other (the view does so through postMessage).
    const sent: Record<string, string | null> = {};
    viewStore.onWrite = (key, value) => void (sent[key] = value);
    viewStore.newSeminar({ ...DEFAULTS, municipality: 'Faxe Kommune' }, NOW + 1000);
    deckStore.merge(sent);
    expect(deckStore.index()).toMatchObject({ active: '2027-03-02-2', seminars: ['2027-03-02', '2027-03-02-2'] });
    expect(deckStore.load('2027-03-02')?.cards['a']?.agreed).toBe('Aftalt i salen');
  });
});
