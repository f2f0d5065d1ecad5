// The record's own messages between the facilitator view and the deck window: the second copy of every write.
//
//   view → deck   pull   "send me your copy": when the view opens, then every PULL_EVERY_MS
//   deck → view   copy   the deck's stored index and seminar records, and the id of this page load
//                        (a new id: the deck was reloaded, and the view sends it everything it has)
//   view → deck   put    keys the view has just written (a keystroke: the seminar's record), to merge
//
// Namespaced apart from the facilitator protocol (protocol.ts), with the same rules: postMessage with
// target '*' (file:// origins are "null"), trust by window identity only — the deck answers only a
// window whose `opener` is the deck itself, the view listens only to its `opener` — and every message
// is shape-checked. Why two copies at all: see store.ts.

export const RECORD_NAMESPACE = 'samtale-record';
export const RECORD_PROTOCOL_VERSION = 1;
/** How often the view asks for the deck's copy (and so notices a reloaded deck). */
export const PULL_EVERY_MS = 3000;

interface Envelope {
  namespace: typeof RECORD_NAMESPACE;
  version: typeof RECORD_PROTOCOL_VERSION;
  deckId: string;
}

/** Stored keys and their values; `null` for a key the sender removed. */
export type Entries = Record<string, string | null>;

export type RecordViewMessage = Envelope & ({ type: 'pull' } | { type: 'put'; entries: Entries });
export type RecordDeckMessage = Envelope & { type: 'copy'; page: string; entries: Record<string, string> };

export const recordEnvelope = (deckId: string): Envelope => ({ namespace: RECORD_NAMESPACE, version: RECORD_PROTOCOL_VERSION, deckId });

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function isEntries(v: unknown, allowNull: boolean): v is Entries {
  return isObject(v) && Object.values(v).every((value) => typeof value === 'string' || (allowNull && value === null));
}

function isEnvelope(data: unknown, deckId: string): data is Record<string, unknown> {
  return isObject(data) && data['namespace'] === RECORD_NAMESPACE && data['version'] === RECORD_PROTOCOL_VERSION && data['deckId'] === deckId;
}

export function isRecordViewMessage(data: unknown, deckId: string): data is RecordViewMessage {
  if (!isEnvelope(data, deckId)) return false;
  return data['type'] === 'pull' || (data['type'] === 'put' && isEntries(data['entries'], true));
}

export function isRecordDeckMessage(data: unknown, deckId: string): data is RecordDeckMessage {
  return isEnvelope(data, deckId) && data['type'] === 'copy' && typeof data['page'] === 'string' && isEntries(data['entries'], false);
}

/** Posts to another window; a window being closed may refuse, and the next message will do. */
export function post(target: Window | null | undefined, message: RecordViewMessage | RecordDeckMessage): boolean {
  if (!target || target.closed) return false;
  try {
    target.postMessage(message, '*');
    return true;
  } catch {
    return false;
  }
}
