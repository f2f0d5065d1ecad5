// The deck's own keys, beside reveal.js's: T starts the seminar, D the discussion countdown (Shift+D stops
// it, + adds a minute). The facilitator view sends the same actions when they are pressed there.
import { isTyping } from '../kit/dom.js';

export interface DeckKeyActions {
  start(): void;
  discussion(): void;
  discussionStop(): void;
  discussionMore(): void;
}

export function listenForDeckKeys(doc: Document, actions: DeckKeyActions): void {
  doc.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
    const key = event.key.toLowerCase();
    if (key === 'd') {
      if (event.shiftKey) actions.discussionStop();
      else actions.discussion();
    } else if (key === '+') {
      actions.discussionMore();
    } else if (key === 't' && !event.shiftKey) {
      actions.start();
    } else {
      return;
    }
    event.preventDefault();
  });
}
