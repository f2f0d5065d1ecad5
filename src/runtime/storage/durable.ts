// A second, durable copy of what the deck and the view keep in localStorage, in IndexedDB.
//
// Why: Chromium keeps localStorage writes in the browser process's memory and commits them to disk in
// batches, seconds later. A browser that crashes or is killed (a laptop's battery, a frozen machine the
// facilitator forces shut) loses the last seconds of typing although setItem succeeded. An IndexedDB
// transaction's `complete` event means the write has reached the disk's log, so "Gemt" can wait for it.
//
// Each write starts its own transaction at once: transactions on one store run in the order they were
// created, across windows too, so a later write (the view dropping an outbox entry the deck has saved)
// never lands before an earlier one (the deck's save). Where IndexedDB is missing or refuses, the copy
// says so (`available` false) and localStorage alone holds the data, as before.
const DATABASE = 'samtale';
const STORE = 'kv';

export class DurableCopy {
  private db: IDBDatabase | undefined;
  /** Writes made before the database opened, in order; written once it is open. */
  private queue: Array<[string, string | null]> = [];
  private pending = new Map<string, number>();
  private readonly listeners = new Set<() => void>();
  available = true;

  private constructor(private readonly idb: IDBFactory | undefined) {}

  /**
   * Opens the copy and reads every entry under `prefix` before any write of this page reaches it: what a
   * crash kept there is what localStorage may have lost.
   */
  static async open(win: Window, prefix: string): Promise<{ copy: DurableCopy; entries: Map<string, string> }> {
    let idb: IDBFactory | undefined;
    try {
      idb = win.indexedDB ?? undefined;
    } catch {
      idb = undefined;
    }
    const copy = new DurableCopy(idb);
    const entries = await copy.connect(prefix).catch(() => {
      copy.fail();
      return new Map<string, string>();
    });
    return { copy, entries };
  }

  /** Hears when every write so far has reached the disk (or the copy gave up). */
  onSettled(listener: () => void): void {
    this.listeners.add(listener);
  }

  /** Whether the last write of `key` is on disk (always, when the copy is unavailable). */
  settled(key: string): boolean {
    return !this.available || !this.pending.has(key);
  }

  /** Writes `value` (null removes the key). */
  put(key: string, value: string | null): void {
    if (!this.available) return;
    this.pending.set(key, (this.pending.get(key) ?? 0) + 1);
    if (!this.db) {
      this.queue.push([key, value]);
      return;
    }
    this.write(this.db, key, value);
  }

  private write(db: IDBDatabase, key: string, value: string | null): void {
    let tx: IDBTransaction;
    try {
      tx = db.transaction(STORE, 'readwrite', { durability: 'strict' });
      const store = tx.objectStore(STORE);
      if (value === null) store.delete(key);
      else store.put(value, key);
    } catch {
      this.fail();
      return;
    }
    tx.oncomplete = () => this.done(key);
    tx.onabort = tx.onerror = () => this.fail();
  }

  private done(key: string): void {
    const left = (this.pending.get(key) ?? 1) - 1;
    if (left > 0) this.pending.set(key, left);
    else this.pending.delete(key);
    if (left <= 0) for (const listener of this.listeners) listener();
  }

  /** IndexedDB refused: localStorage alone keeps the data from now on, as it did before this copy. */
  private fail(): void {
    if (!this.available) return;
    this.available = false;
    this.pending.clear();
    this.queue = [];
    for (const listener of this.listeners) listener();
  }

  private connect(prefix: string): Promise<Map<string, string>> {
    return new Promise((resolve, reject) => {
      if (!this.idb) return reject(new Error('no IndexedDB'));
      const request = this.idb.open(DATABASE, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      request.onerror = () => reject(request.error);
      request.onblocked = () => reject(new Error('IndexedDB blocked'));
      request.onsuccess = () => {
        const db = request.result;
        const entries = new Map<string, string>();
        const tx = db.transaction(STORE, 'readonly');
        const cursor = tx.objectStore(STORE).openCursor(IDBKeyRange.bound(prefix, `${prefix}\uffff`));
        cursor.onsuccess = () => {
          const at = cursor.result;
          if (!at) return;
          if (typeof at.value === 'string') entries.set(String(at.key), at.value);
          at.continue();
        };
        tx.oncomplete = () => {
          this.db = db;
          for (const [key, value] of this.queue.splice(0)) this.write(db, key, value);
          resolve(entries);
        };
        tx.onerror = tx.onabort = () => reject(tx.error);
      };
    });
  }
}
