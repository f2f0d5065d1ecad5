// Unit tests for the timing store: localStorage per deck, the window-name mirror, stale seminars archived.
import { describe, expect, it } from 'vitest';
import { TimingStore } from '../../src/runtime/facilitator/store.js';
import { enterSlide, initialState } from '../../src/runtime/timing/state.js';

class MemoryStorage {
  private readonly items = new Map<string, string>();
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
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  clear() {
    this.items.clear();
  }
}

/** Just enough of a window for the store. */
function fakeWindow(storage = new MemoryStorage()) {
  return { name: '', localStorage: storage, addEventListener() {} } as unknown as Window & { localStorage: MemoryStorage };
}

const at = (h: number, m: number) => new Date(2026, 2, 12, h, m).getTime();
const running = () => enterSlide(initialState('deck', at(9, 0)), { kind: 'card', cardId: 'a' }, at(9, 0));

describe('the timing store', () => {
  it('gives back what it saved, after a reload', () => {
    const win = fakeWindow();
    new TimingStore(win, 'deck').save(running());
    expect(new TimingStore(win, 'deck').load(at(9, 5))).toEqual(running());
  });

  it('falls back on the window-name mirror when a reloaded page gets empty storage', () => {
    const win = fakeWindow();
    new TimingStore(win, 'deck').save(running());
    win.localStorage.clear();
    expect(new TimingStore(win, 'deck').load(at(9, 5)).cards['a']?.firstEnteredAt).toBe(at(9, 0));
  });

  it('takes the newer of the two copies', () => {
    const win = fakeWindow();
    const store = new TimingStore(win, 'deck');
    store.save(initialState('deck', at(8, 0)));
    const older = win.localStorage.getItem('samtale.timing.v1/deck')!;
    store.save(running());
    win.localStorage.setItem('samtale.timing.v1/deck', older);
    expect(new TimingStore(win, 'deck').load(at(9, 5)).startedAt).toBe(at(9, 0));
  });

  it('starts a fresh seminar after twelve hours, archiving the old one and keeping the preferences', () => {
    const win = fakeWindow();
    const state = { ...running(), prefs: { sound: true, deckTimer: false, discussionSeconds: 300 } };
    new TimingStore(win, 'deck').save(state);
    const fresh = new TimingStore(win, 'deck').load(at(9, 0) + 13 * 3600_000);
    expect(fresh.startedAt).toBeUndefined();
    expect(fresh.prefs.sound).toBe(true);
    expect(win.localStorage.getItem('samtale.timing.v1/deck/2026-03-12')).not.toBeNull();
  });

  it('ignores another deck’s state and anything unreadable', () => {
    const win = fakeWindow();
    new TimingStore(win, 'other').save(enterSlide(initialState('other', at(9, 0)), { kind: 'card', cardId: 'a' }, at(9, 0)));
    win.localStorage.setItem('samtale.timing.v1/deck', '{not json');
    expect(new TimingStore(win, 'deck').load(at(9, 5)).startedAt).toBeUndefined();
  });
});
