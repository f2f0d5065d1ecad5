// The deck window's seminar session over the browser's storage, with a fake window and a fixed clock:
// which seminar it opens (the seminar on its day, a rehearsal on any other), the window-name mirror,
// the view's outbox, a refused write, an import that cannot be stored, and an earlier version's data.
import { describe, expect, it } from 'vitest';
import { SeminarSession } from '../../src/runtime/deck/session.js';
import { planFromModel } from '../../src/runtime/seminar/plan.js';
import { Outbox } from '../../src/runtime/storage/outbox.js';
import { SeminarStore } from '../../src/runtime/storage/seminar-store.js';

class MemoryStorage {
  readonly items = new Map<string, string>();
  /** Refuse writes that would take the total over this many characters (a browser's quota). */
  quota = Number.POSITIVE_INFINITY;
  get length() {
    return this.items.size;
  }
  key(i: number) {
    return [...this.items.keys()][i] ?? null;
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    const used = [...this.items].reduce((sum, [k, v]) => sum + (k === key ? 0 : k.length + v.length), 0);
    if (used + key.length + value.length > this.quota) {
      const error = new Error('quota');
      error.name = 'QuotaExceededError';
      throw error;
    }
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

/** Just enough of a window: storage, a name that survives "reloads", no events. */
function fakeWindow(storage = new MemoryStorage()) {
  return { name: '', localStorage: storage, addEventListener() {} } as unknown as Window & { localStorage: MemoryStorage };
}

const day = (d: number, h = 9, m = 0) => new Date(2027, 2, d, h, m).getTime();
const MODEL = {
  id: 'solby',
  title: 'Sociale medier og lokaldemokrati',
  start: '16:30',
  date: '2027-03-02',
  municipality: 'Solby Kommune',
  place: 'Byrådssalen',
  cards: [
    { id: 'a', title: 'A', kind: 'theme', themeNumber: 1, plannedSeconds: 1200 },
    { id: 'b', title: 'B', kind: 'theme', themeNumber: 2, plannedSeconds: 1200 },
  ],
};
const plan = planFromModel(MODEL);

function session(win: Window, now: () => number) {
  return new SeminarSession(plan, new SeminarStore(win, 'solby', true), now);
}

describe('the seminar session', () => {
  it('opens a rehearsal the day before, and the seminar proper, named and dated from the manifest, on its day', () => {
    const win = fakeWindow();
    let now = day(1, 15);
    const before = session(win, () => now);
    expect(before.current).toMatchObject({ id: 'proeve-2027-03-01', rehearsal: true, details: { date: '2027-03-01', municipality: 'Solby Kommune' } });
    before.apply({ type: 'slide', place: { kind: 'card', cardId: 'a' } });
    before.start();
    now = day(1, 15, 20);
    before.apply({ type: 'slide', place: { kind: 'card', cardId: 'b' } });
    expect(before.snapshot()).toMatchObject({ seminarDay: '2027-03-02' });

    now = day(2, 16, 20);
    const onTheDay = session(win, () => now);
    expect(onTheDay.current).toMatchObject({ id: '2027-03-02', rehearsal: false, details: { date: '2027-03-02', municipality: 'Solby Kommune', place: 'Byrådssalen' } });
    expect(onTheDay.current.startedAt).toBeUndefined();
    expect(onTheDay.snapshot().seminars.map((s) => s.id)).toEqual(['proeve-2027-03-01', '2027-03-02']);
  });

  it('starts a rehearsal when the seminar proper is started on another day', () => {
    const win = fakeWindow();
    const s = session(win, () => day(1, 10));
    s.rehearsal('leave');
    s.openSeminar('2027-03-02');
    const store = new SeminarStore(win, 'solby', true);
    s.start();
    expect(s.current).toMatchObject({ rehearsal: true });
    expect(store.load('2027-03-02')?.startedAt).toBeUndefined();
  });

  it('comes back to the same seminar after a reload, from the window-name mirror when storage is lost', () => {
    const win = fakeWindow();
    let now = day(2, 16, 30);
    const s = session(win, () => now);
    s.apply({ type: 'slide', place: { kind: 'card', cardId: 'a' } });
    s.start();
    s.apply({ type: 'write', cardId: 'a', field: 'agreed', text: 'Vi gør det', rev: 1, writer: 'v' });
    now = day(2, 16, 40);
    // Chromium handed the reloaded page an empty storage area.
    const reloaded = fakeWindow();
    (reloaded as { name: string }).name = win.name;
    const again = session(reloaded, () => now);
    expect(again.current.id).toBe('2027-03-02');
    expect(again.current.cards['a']?.agreed?.text).toBe('Vi gør det');
    expect(again.snapshot().projection.current).toMatchObject({ id: 'a', elapsedSeconds: 600 });
  });

  it('takes the keystrokes the view kept while the deck was closed', () => {
    const win = fakeWindow();
    const viewStore = new SeminarStore(win, 'solby', false);
    new Outbox(viewStore).put({ seminar: '2027-03-02', write: { cardId: 'b', field: 'followUp', text: 'Borgmesteren', rev: 2, writer: 'v' } });
    const s = session(win, () => day(2, 16));
    expect(s.current.cards['b']?.followUp?.text).toBe('Borgmesteren');
    // Once the deck's seminar holds it, the view drops it from its outbox.
    const outbox = new Outbox(viewStore);
    outbox.acknowledge(s.current);
    expect(outbox.entries()).toEqual([]);
  });

  it('says so at once when the browser refuses to store, and keeps the text in memory', () => {
    const win = fakeWindow();
    const s = session(win, () => day(2, 16));
    const problems: unknown[] = [];
    s.onChange((snapshot) => problems.push(snapshot.storageProblem));
    win.localStorage.quota = 0;
    s.apply({ type: 'write', cardId: 'a', field: 'agreed', text: 'Vigtig aftale', rev: 1, writer: 'v' });
    expect(problems.at(-1)).toBe('quota');
    expect(s.current.cards['a']?.agreed?.text).toBe('Vigtig aftale');
  });

  it('reports an import as done only once it is stored; one too large for the quota changes nothing', () => {
    const win = fakeWindow();
    const s = session(win, () => day(2, 16));
    s.apply({ type: 'write', cardId: 'a', field: 'agreed', text: 'Før', rev: 1, writer: 'v' });
    win.localStorage.quota = 20_000;
    const huge = { deck: 'solby', seminar: '2027-03-02', title: 'x', cards: { a: { agreed: 'x'.repeat(50_000), followUp: '' } } };
    expect(s.importRecord(huge)).toEqual({ ok: false, problem: 'quota' });
    expect(s.current.cards['a']?.agreed?.text).toBe('Før');
    expect(new SeminarStore(win, 'solby', true).load('2027-03-02')?.cards['a']?.agreed?.text).toBe('Før');
    const small = { deck: 'solby', seminar: '2027-02-20', title: 'x', date: '2027-02-20', cards: { a: { agreed: 'Fra sidst', followUp: '' } } };
    expect(s.importRecord(small)).toEqual({ ok: true });
    expect(s.current).toMatchObject({ id: '2027-02-20', cards: { a: { agreed: { text: 'Fra sidst' } } } });
  });

  it('stores a record of another seminar beside the seminar under way, which goes on', () => {
    const win = fakeWindow();
    const s = session(win, () => day(2, 16, 40));
    s.apply({ type: 'slide', place: { kind: 'card', cardId: 'a' } });
    s.start();
    const yesterday = { deck: 'solby', seminar: '2027-02-20', title: 'x', date: '2027-02-20', cards: { a: { agreed: 'Fra sidst', followUp: '' } } };
    expect(s.importRecord(yesterday)).toEqual({ ok: true, beside: true });
    expect(s.current).toMatchObject({ id: '2027-03-02', running: { cardId: 'a' } });
    expect(new SeminarStore(win, 'solby', true).load('2027-02-20')?.cards['a']?.agreed?.text).toBe('Fra sidst');
    expect(s.snapshot().seminars.map((x) => x.id)).toContain('2027-02-20');
  });

  it('keeps a new seminar apart from the old one, which can be opened again', () => {
    const win = fakeWindow();
    const s = session(win, () => day(2, 16));
    s.apply({ type: 'write', cardId: 'a', field: 'agreed', text: 'Første', rev: 1, writer: 'v' });
    s.newSeminar({ municipality: 'Faxe Kommune', date: '2027-03-02' });
    expect(s.current).toMatchObject({ id: '2027-03-02-2', details: { municipality: 'Faxe Kommune' }, cards: {} });
    s.openSeminar('2027-03-02');
    expect(s.current.cards['a']?.agreed?.text).toBe('Første');
  });

  it('moves what an earlier version kept in the browser into seminars of this version', () => {
    const storage = new MemoryStorage();
    const oldRecord = { deck: 'solby', seminar: '2027-03-02', title: 'Sociale medier', municipality: 'Solby Kommune', cards: { a: { agreed: 'Gammel aftale', followUp: 'Borgmesteren', actualMinutes: 18 } } };
    storage.setItem('samtale:record:solby:2027-03-02', JSON.stringify(oldRecord));
    storage.setItem('samtale:records:solby', JSON.stringify({ version: 1, deck: 'solby', active: '2027-03-02', seminars: ['2027-03-02'], show: false }));
    const oldTiming = { version: 1, deckId: 'solby', seminar: '2027-03-02', createdAt: day(2, 16), lastTick: day(2, 17), startedAt: day(2, 16, 30), position: { atEnd: false, cardId: 'a' }, pauses: [], cards: { a: { elapsedMs: 600_000, adjustSeconds: 0, firstEnteredAt: day(2, 16, 30) } }, overrides: {}, skipped: [], replans: [], gaps: [], gapsSeen: 0, prefs: { sound: true, deckTimer: false, discussionSeconds: 300 } };
    storage.setItem('samtale.timing.v1/solby', JSON.stringify({ revision: 3, state: oldTiming }));
    const s = session(fakeWindow(storage), () => day(2, 17, 5));
    expect(s.current).toMatchObject({ id: '2027-03-02', cards: { a: { agreed: { text: 'Gammel aftale' }, followUp: { text: 'Borgmesteren' }, elapsedMs: 600_000 } } });
    expect(s.prefs).toMatchObject({ sound: true, discussionSeconds: 300 });
    // The old keys are left as they were.
    expect(storage.getItem('samtale:record:solby:2027-03-02')).toBe(JSON.stringify(oldRecord));
  });
});
