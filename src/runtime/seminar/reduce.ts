// One event in, the seminar's next state out: the only way a seminar changes. Pure; `now` is passed in.
import { importRecord, setDetails, undoImport, writeField } from './agreements.js';
import { extendDiscussion, startDiscussion, stopDiscussion, toggleDiscussion } from './discussion.js';
import type { SeminarEvent } from './events.js';
import type { Plan } from './plan.js';
import { applyReplan, undoReplan } from './replan.js';
import type { SeminarState } from './state.js';
import {
  adjustCurrent,
  dismissGaps,
  enterSlide,
  pauseSeminar,
  resetTimes,
  resumeSeminar,
  skipCard,
  startSeminar,
  undoStart,
  unskipCard,
} from './timing.js';

/** Applies `event`; returns the same object when it changes nothing (a caller may skip saving then). */
export function reduce(plan: Plan, state: SeminarState, event: SeminarEvent, now: number): SeminarState {
  switch (event.type) {
    case 'slide':
      return enterSlide(state, event.place, now);
    case 'start':
      return startSeminar(state, now);
    case 'undo-start':
      return undoStart(state, now);
    case 'pause':
      return pauseSeminar(state, plan, now);
    case 'resume':
      return resumeSeminar(state, now);
    case 'adjust':
      return adjustCurrent(state, plan, event.seconds);
    case 'skip':
      return skipCard(state, plan, event.cardId);
    case 'unskip':
      return unskipCard(state, event.cardId);
    case 'replan':
      return applyReplan(plan, state, event.choice, now);
    case 'undo-replan':
      return undoReplan(state);
    case 'reset-times':
      return resetTimes(state, now);
    case 'dismiss-gap':
      return dismissGaps(state);
    case 'discussion-start':
      return startDiscussion(state, event.seconds, now);
    case 'discussion-extend':
      return extendDiscussion(state, event.seconds, now);
    case 'discussion-toggle':
      return toggleDiscussion(state, now);
    case 'discussion-stop':
      return stopDiscussion(state);
    case 'write':
      return writeField(state, event, now);
    case 'details':
      return setDetails(state, event.patch);
    case 'import':
      return importRecord(state, event.record, now);
    case 'undo-import':
      return undoImport(state, now);
  }
}
