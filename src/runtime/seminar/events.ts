// The events that change a seminar, and a check of their shape (they arrive from another window).
import type { SeminarRecord } from '../../record/record.js';
import type { AgreementField, FieldWrite } from './agreements.js';
import type { ReplanChoice } from './replan.js';
import type { SeminarDetails } from './state.js';
import type { SlidePlace } from './timing.js';

export type SeminarEvent =
  /** The deck showed a slide (the deck's own event; never sent by the view). */
  | { type: 'slide'; place: SlidePlace }
  | { type: 'start' }
  /** Back to not started, until the first card is reached (timing.ts `canUndoStart`). */
  | { type: 'undo-start' }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'adjust'; seconds: number }
  | { type: 'skip'; cardId: string }
  | { type: 'unskip'; cardId: string }
  | { type: 'replan'; choice: ReplanChoice }
  | { type: 'undo-replan' }
  | { type: 'reset-times' }
  | { type: 'dismiss-gap' }
  | { type: 'discussion-start'; seconds: number }
  | { type: 'discussion-extend'; seconds: number }
  | { type: 'discussion-toggle' }
  | { type: 'discussion-stop' }
  | ({ type: 'write' } & FieldWrite)
  | { type: 'details'; patch: Partial<Omit<SeminarDetails, 'title'>> }
  | { type: 'import'; record: SeminarRecord }
  | { type: 'undo-import' };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
/** Seconds an event may move a timer by: up to a day either way. */
const isSeconds = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= 86_400;
const FIELDS: readonly AgreementField[] = ['agreed', 'followUp'];

function isSlidePlace(v: unknown): v is SlidePlace {
  if (!isObject(v)) return false;
  return v['kind'] === 'before' || v['kind'] === 'after' || (v['kind'] === 'card' && isString(v['cardId']));
}

function isRecord(v: unknown): v is SeminarRecord {
  return isObject(v) && isString(v['deck']) && isString(v['seminar']) && isString(v['title']) && isObject(v['cards']) &&
    Object.values(v['cards']).every((card) => isObject(card) && isString(card['agreed']) && isString(card['followUp']));
}

/** True for a well-formed event of any type the view may send (and `slide`, which only the deck makes). */
export function isSeminarEvent(e: unknown): e is SeminarEvent {
  if (!isObject(e)) return false;
  switch (e['type']) {
    case 'slide':
      return isSlidePlace(e['place']);
    case 'adjust':
    case 'discussion-extend':
      return isSeconds(e['seconds']);
    case 'discussion-start':
      return isSeconds(e['seconds']) && (e['seconds'] as number) > 0;
    case 'skip':
    case 'unskip':
      return isString(e['cardId']);
    case 'replan': {
      const choice = e['choice'];
      return isObject(choice) && (choice['kind'] === 'shorten' || (choice['kind'] === 'skip' && isString(choice['cardId'])));
    }
    case 'write':
      return isString(e['cardId']) && FIELDS.includes(e['field'] as AgreementField) && isString(e['text']) &&
        typeof e['rev'] === 'number' && Number.isSafeInteger(e['rev']) && e['rev'] >= 0 && isString(e['writer']);
    case 'details': {
      const patch = e['patch'];
      return isObject(patch) && Object.entries(patch).every(([key, value]) => ['municipality', 'place', 'date'].includes(key) && isString(value));
    }
    case 'import':
      return isRecord(e['record']);
    case 'start':
    case 'undo-start':
    case 'pause':
    case 'resume':
    case 'undo-replan':
    case 'reset-times':
    case 'dismiss-gap':
    case 'discussion-toggle':
    case 'discussion-stop':
    case 'undo-import':
      return true;
    default:
      return false;
  }
}
