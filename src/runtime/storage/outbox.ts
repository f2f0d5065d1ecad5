// The facilitator view's outbox: every keystroke is kept here, in the view's own storage key, until the
// deck's seminar holds it. A keystroke is safe the moment its input event has run, whether or not the
// deck window is open, reloading or given a throw-away storage area; the deck reads the outbox when it
// opens, and the view sends what is left whenever it (re)connects.
import { type FieldWrite, isNewer } from '../seminar/agreements.js';
import type { SeminarState } from '../seminar/state.js';
import type { SeminarStore } from './seminar-store.js';

export interface OutboxEntry {
  seminar: string;
  write: FieldWrite;
}

const sameField = (a: OutboxEntry, b: OutboxEntry) => a.seminar === b.seminar && a.write.cardId === b.write.cardId && a.write.field === b.write.field;

export class Outbox {
  private cache: OutboxEntry[] | undefined;

  constructor(private readonly store: SeminarStore) {}

  private get key(): string {
    return this.store.key('outbox');
  }

  entries(): OutboxEntry[] {
    return this.cache ?? parseEntries(this.store.read(this.key) ?? '[]');
  }

  /** Keeps a keystroke (the field's whole text); false when the browser refused to store it. */
  put(entry: OutboxEntry): boolean {
    const entries = [...this.entries().filter((e) => !sameField(e, entry)), entry];
    return this.save(entries);
  }

  /** Drops what the seminar already holds (at the same or a newer revision). */
  acknowledge(state: SeminarState): void {
    const entries = this.entries();
    const left = entries.filter((e) => e.seminar !== state.id || isNewer(e.write, state.cards[e.write.cardId]?.[e.write.field]));
    if (left.length !== entries.length) this.save(left);
  }

  /** Whether what the outbox holds now is on disk (see storage/durable.ts). */
  settled(): boolean {
    return this.store.settled(this.key);
  }

  private save(entries: OutboxEntry[]): boolean {
    this.cache = entries;
    return entries.length === 0 ? (this.store.remove(this.key), true) : this.store.write(this.key, JSON.stringify(entries));
  }
}

/** Two stored outboxes as one (JSON): per field, the newer keystroke. */
export function mergeOutboxes(a: string, b: string): string {
  const merged: OutboxEntry[] = [];
  for (const entry of [...parseEntries(a), ...parseEntries(b)]) {
    const at = merged.findIndex((e) => sameField(e, entry));
    if (at < 0) merged.push(entry);
    else if (isNewer(entry.write, merged[at]!.write)) merged[at] = entry;
  }
  return JSON.stringify(merged);
}

function parseEntries(raw: string): OutboxEntry[] {
  try {
    const value = JSON.parse(raw) as unknown;
    return Array.isArray(value) ? value.filter(isEntry) : [];
  } catch {
    return [];
  }
}

function isEntry(value: unknown): value is OutboxEntry {
  if (typeof value !== 'object' || value === null) return false;
  const { seminar, write } = value as { seminar?: unknown; write?: Partial<FieldWrite> };
  return typeof seminar === 'string' && typeof write === 'object' && write !== null && typeof write.cardId === 'string' &&
    (write.field === 'agreed' || write.field === 'followUp') && typeof write.text === 'string' && typeof write.rev === 'number' && typeof write.writer === 'string';
}
