// The messages between the deck window and the facilitator view: namespaced, typed, checked.
//
// The deck window holds the seminar (seminar/state.ts) and is the only one that changes it; the view shows
// what the deck sends and sends back what the facilitator does.
//
//   view → deck   hello      on load, then every second until a snapshot arrives, and again whenever the
//                            deck has been silent for 3 s (it was reloaded: the new page adopts the view);
//                            carries the view's unconfirmed keystrokes (its outbox)
//   deck → view   snapshot   at once in reply, on every change, and once a second while the deck runs
//   view → deck   command    navigation, the deck's keys, every change to the seminar, keystrokes
//   deck → view   reply      the outcome of a command that can fail (a record import that must be stored)
//
// Both directions use postMessage with target '*', because on file:// the origin of events is "null" and
// cannot be named. Trust is by window identity, never by origin string: the deck accepts a message only
// from the popup it opened, or (after a reload lost the handle) from a window whose `opener` is the deck
// itself; the view accepts messages only from `window.opener`. Every message also carries the namespace,
// a version and the deck id, and is shape-checked before use.
import type { SeminarRecord } from '../record/record.js';
import type { DiscussionStatus } from './seminar/discussion.js';
import { type SeminarEvent, isSeminarEvent } from './seminar/events.js';
import type { SeminarSummary } from './seminar/identity.js';
import type { Projection } from './seminar/projection.js';
import type { Replan } from './seminar/replan.js';
import type { GapRecord, Prefs, SeminarState } from './seminar/state.js';
import type { OutboxEntry } from './storage/outbox.js';
import type { StorageProblem } from './storage/seminar-store.js';

export const NAMESPACE = 'samtale-facilitator';
export const PROTOCOL_VERSION = 2;

/** Where the deck stands, for the previews and notes. */
export interface SlidePosition {
  /** Index of the slide (samtale decks have no vertical stacks). */
  h: number;
  /** Index of the last fragment shown, -1 before the first. */
  f: number;
  /** Fragments on this slide. */
  fragments: number;
  total: number;
  /** The slide "next" leads to (skipped cards and a hidden overview are passed by), if any. */
  next?: number;
  /**
   * Slide numbers as the room counts them: the agreements overview counts only while it is part of the day,
   * so the deck the build called "61 slides" is 61 slides in the view too. Index → number, and the total.
   */
  numbers?: { current: number; next?: number; total: number };
}

/** Everything the view shows, computed by the deck at one moment. */
export interface Snapshot {
  /** Changes when the deck page is reloaded: the view then sends its outbox again. */
  page: string;
  now: number;
  seminar: SeminarState;
  /** Every stored seminar of this deck, for the view's list. */
  seminars: SeminarSummary[];
  prefs: Prefs;
  projection: Projection;
  replan?: Replan;
  discussion?: DiscussionStatus;
  /** The latest sleep or closed-deck gap the facilitator has not dismissed. */
  gap?: GapRecord;
  /** The planned break a pause now would take (its id and minutes). */
  claimableBreak?: { id: string; seconds: number };
  /** When the last re-plan was applied, if any (it can be undone). */
  lastReplanAt?: number;
  /** Set when the deck's browser refused to store the seminar: it lives in memory only. */
  storageProblem?: StorageProblem;
  /** The deck shows a card, but the seminar has not been started. */
  unstartedCard?: string;
  /** The manifest's day is another one: the seminar proper is then a rehearsal (`start` starts one). */
  seminarDay?: string;
  /** The projector is black (reveal's pause: B or . in either window); absent while the slides show. */
  projector?: 'black';
}

export type Command =
  | { kind: 'event'; event: SeminarEvent }
  | { kind: 'navigate'; to: 'next' | 'prev' | 'first' | 'last' }
  | { kind: 'goto-card'; cardId: string }
  /** The deck's keys, pressed in the view: B (black screen), K (video), D / Shift+D / + (discussion). */
  | { kind: 'key'; key: 'black' | 'video' | 'discussion' | 'discussion-stop' | 'discussion-more' }
  | { kind: 'prefs'; prefs: Partial<Prefs> }
  | { kind: 'test-sound' }
  | { kind: 'new-seminar'; details: { municipality?: string; date?: string; place?: string } }
  | { kind: 'open-seminar'; id: string }
  /** `begin`: a rehearsal, started at once (the view's "Start en prøve" before the start). */
  | { kind: 'rehearsal'; to: 'start' | 'begin' | 'leave' | 'clear' }
  | { kind: 'import'; record: SeminarRecord; request: string };

interface Envelope {
  namespace: typeof NAMESPACE;
  version: typeof PROTOCOL_VERSION;
  deckId: string;
}

export type ViewMessage = Envelope & ({ type: 'hello'; outbox: OutboxEntry[] } | { type: 'command'; command: Command });
export type DeckMessage = Envelope & (
  | { type: 'snapshot'; snapshot: Snapshot; slide: SlidePosition }
  /** `beside`: an import stored beside the seminar under way, which stays the deck's. */
  | { type: 'reply'; request: string; ok: boolean; problem?: StorageProblem; beside?: boolean }
);

export const envelope = (deckId: string): Envelope => ({ namespace: NAMESPACE, version: PROTOCOL_VERSION, deckId });

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const PREF_CHECKS: Record<keyof Prefs, (v: unknown) => boolean> = {
  sound: (v) => typeof v === 'boolean',
  deckTimer: (v) => typeof v === 'boolean',
  showAgreements: (v) => typeof v === 'boolean',
  discussionSeconds: (v) => isNumber(v) && v > 0 && v <= 86_400,
};
const KEYS = ['black', 'video', 'discussion', 'discussion-stop', 'discussion-more'];

function isEnvelope(data: unknown, deckId: string): data is Record<string, unknown> {
  return isObject(data) && data['namespace'] === NAMESPACE && data['version'] === PROTOCOL_VERSION && data['deckId'] === deckId;
}

export function isCommand(c: unknown): c is Command {
  if (!isObject(c)) return false;
  switch (c['kind']) {
    case 'event':
      // The deck follows its own slides; a view cannot say where the deck is.
      return isSeminarEvent(c['event']) && c['event'].type !== 'slide';
    case 'navigate':
      return ['next', 'prev', 'first', 'last'].includes(c['to'] as string);
    case 'goto-card':
      return isString(c['cardId']);
    case 'open-seminar':
      return isString(c['id']);
    case 'key':
      return KEYS.includes(c['key'] as string);
    case 'prefs': {
      const prefs = c['prefs'];
      return isObject(prefs) && Object.entries(prefs).every(([key, value]) => key in PREF_CHECKS && PREF_CHECKS[key as keyof Prefs](value));
    }
    case 'new-seminar': {
      const details = c['details'];
      return isObject(details) && Object.entries(details).every(([key, value]) => ['municipality', 'date', 'place'].includes(key) && isString(value));
    }
    case 'rehearsal':
      return ['start', 'begin', 'leave', 'clear'].includes(c['to'] as string);
    case 'import':
      return isString(c['request']) && isSeminarEvent({ type: 'import', record: c['record'] });
    case 'test-sound':
      return true;
    default:
      return false;
  }
}

function isOutboxEntry(e: unknown): e is OutboxEntry {
  return isObject(e) && isString(e['seminar']) && isSeminarEvent({ ...(isObject(e['write']) ? e['write'] : {}), type: 'write' });
}

export function isViewMessage(data: unknown, deckId: string): data is ViewMessage {
  if (!isEnvelope(data, deckId)) return false;
  if (data['type'] === 'hello') return Array.isArray(data['outbox']) && data['outbox'].every(isOutboxEntry);
  return data['type'] === 'command' && isCommand(data['command']);
}

export function isDeckMessage(data: unknown, deckId: string): data is DeckMessage {
  if (!isEnvelope(data, deckId)) return false;
  if (data['type'] === 'reply') return isString(data['request']) && typeof data['ok'] === 'boolean';
  if (data['type'] !== 'snapshot') return false;
  const snapshot = data['snapshot'];
  const slide = data['slide'];
  return isObject(snapshot) && isObject(snapshot['projection']) && isObject(snapshot['seminar']) && isObject(slide) && isNumber(slide['h']) && isNumber(slide['total']);
}
