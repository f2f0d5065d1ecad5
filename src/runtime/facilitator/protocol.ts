// The messages between the deck window and the facilitator view: namespaced, typed, checked.
//
// Handshake (both directions use postMessage with target '*', because on
// file:// the origin of events is "null" and cannot be named):
//
//   view → deck   hello      on load, then every second until an update arrives,
//                            and again whenever the deck has been silent for 3 s
//                            (the deck was reloaded: the new page adopts the view)
//   deck → view   update     at once in reply, on every slide or state change,
//                            and once a second while the deck runs
//   view → deck   command    navigation and every timer action
//
// Trust is by window identity, never by origin string: the deck accepts a
// message only from the popup it opened, or (after a reload lost the handle)
// from a window whose `opener` is the deck itself; the view accepts messages
// only from `window.opener`. Every message also carries the namespace, a
// version and the deck id, and is shape-checked before use.
import type { DiscussionStatus } from '../timing/discussion.js';
import type { Projection } from '../timing/projection.js';
import type { Replan, ReplanChoice } from '../timing/replan.js';
import type { GapRecord, Prefs, TimingState } from '../timing/state.js';

export const NAMESPACE = 'samtale-facilitator';
export const PROTOCOL_VERSION = 1;

/** Where the deck stands, for the previews and notes. */
export interface SlidePosition {
  /** Index of the slide (samtale decks have no vertical stacks). */
  h: number;
  /** Index of the last fragment shown, -1 before the first. */
  f: number;
  /** Fragments on this slide. */
  fragments: number;
  total: number;
}

/** Everything the view shows, computed by the deck at one moment. */
export interface SessionSnapshot {
  now: number;
  projection: Projection;
  replan?: Replan;
  discussion?: DiscussionStatus;
  prefs: Prefs;
  /** The latest sleep or closed-deck gap the facilitator has not dismissed. */
  gap?: GapRecord;
  /** The planned break a pause now would take (its id and minutes). */
  claimableBreak?: { id: string; seconds: number };
  /** When the last re-plan was applied, if any (it can be undone). */
  lastReplanAt?: number;
  /** False when the browser refuses localStorage: the times live only in memory. */
  persisted: boolean;
  /** The raw state, for the view's export. */
  state: TimingState;
}

export type Command =
  | { kind: 'navigate'; to: 'next' | 'prev' | 'first' | 'last' }
  | { kind: 'goto-card'; cardId: string }
  | { kind: 'pause' }
  | { kind: 'resume' }
  | { kind: 'adjust'; seconds: number }
  | { kind: 'reset' }
  | { kind: 'replan'; choice: ReplanChoice }
  | { kind: 'undo-replan' }
  | { kind: 'discussion-start'; seconds: number }
  | { kind: 'discussion-extend'; seconds: number }
  | { kind: 'discussion-toggle' }
  | { kind: 'discussion-stop' }
  | { kind: 'prefs'; prefs: Partial<Prefs> }
  | { kind: 'test-sound' }
  | { kind: 'dismiss-gap' };

interface Envelope {
  namespace: typeof NAMESPACE;
  version: typeof PROTOCOL_VERSION;
  deckId: string;
}

export type ViewMessage = Envelope & ({ type: 'hello' } | { type: 'command'; command: Command });
export type DeckMessage = Envelope & { type: 'update'; snapshot: SessionSnapshot; slide: SlidePosition };

export const envelope = (deckId: string): Envelope => ({ namespace: NAMESPACE, version: PROTOCOL_VERSION, deckId });

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
/** Seconds a command may move a timer by: up to a day either way. */
const isSeconds = (v: unknown): v is number => isNumber(v) && Math.abs(v) <= 86_400;

function isEnvelope(data: unknown, deckId: string): data is Record<string, unknown> {
  return isRecord(data) && data['namespace'] === NAMESPACE && data['version'] === PROTOCOL_VERSION && data['deckId'] === deckId;
}

export function isCommand(c: unknown): c is Command {
  if (!isRecord(c)) return false;
  switch (c['kind']) {
    case 'navigate':
      return c['to'] === 'next' || c['to'] === 'prev' || c['to'] === 'first' || c['to'] === 'last';
    case 'goto-card':
      return typeof c['cardId'] === 'string';
    case 'adjust':
    case 'discussion-extend':
      return isSeconds(c['seconds']);
    case 'discussion-start':
      return isSeconds(c['seconds']) && (c['seconds'] as number) > 0;
    case 'replan': {
      const choice = c['choice'];
      return isRecord(choice) && (choice['kind'] === 'shorten' || (choice['kind'] === 'skip' && typeof choice['cardId'] === 'string'));
    }
    case 'prefs': {
      const prefs = c['prefs'];
      if (!isRecord(prefs)) return false;
      return Object.entries(prefs).every(([key, value]) =>
        key === 'sound' || key === 'deckTimer' ? typeof value === 'boolean' : key === 'discussionSeconds' ? isSeconds(value) : false,
      );
    }
    case 'pause':
    case 'resume':
    case 'reset':
    case 'undo-replan':
    case 'discussion-toggle':
    case 'discussion-stop':
    case 'test-sound':
    case 'dismiss-gap':
      return true;
    default:
      return false;
  }
}

export function isViewMessage(data: unknown, deckId: string): data is ViewMessage {
  if (!isEnvelope(data, deckId)) return false;
  return data['type'] === 'hello' || (data['type'] === 'command' && isCommand(data['command']));
}

export function isDeckMessage(data: unknown, deckId: string): data is DeckMessage {
  if (!isEnvelope(data, deckId) || data['type'] !== 'update') return false;
  const snapshot = data['snapshot'];
  const slide = data['slide'];
  return isRecord(snapshot) && isRecord(snapshot['projection']) && isRecord(slide) && isNumber(slide['h']) && isNumber(slide['total']);
}
