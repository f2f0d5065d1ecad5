// The deck's keys in the facilitator view, so the laptop drives the projector: → ← Space PageUp PageDown,
// B (black screen), K (video), D / Shift+D / + (discussion countdown), T (start).
//
// A presenter remote sends PageUp/PageDown (some send arrows): PageUp/PageDown move the deck even while
// the cursor is in an agreement field — the text is not touched — and while the seminar dialog is open.
// Every other key belongs to the field or the dialog it is typed in. In the notes and the side column,
// ↑ ↓ and Space scroll instead. Nothing jumps far (no Home/End): a stray key costs one slide.
import { isTyping } from '../kit/dom.js';
import type { Command } from '../protocol.js';

const REMOTE: Record<string, 'next' | 'prev'> = { PageDown: 'next', PageUp: 'prev' };

export function viewKeyCommand(event: KeyboardEvent, dialogOpen: boolean): Command | undefined {
  if (event.altKey || event.ctrlKey || event.metaKey) return undefined;
  const remote = REMOTE[event.key];
  if (remote) return { kind: 'navigate', to: remote };
  if (dialogOpen || isTyping(event.target)) return undefined;
  const target = event.target instanceof Element ? event.target : null;
  const scrolling = target !== null && target.closest('.fv-notes-body, .fv-side, .fv-plan-scroll') !== null;
  const onButton = target instanceof HTMLButtonElement;
  const key = event.key;
  if (key === 'ArrowRight' || (key === 'ArrowDown' && !scrolling) || (key === ' ' && !scrolling && !onButton)) return { kind: 'navigate', to: 'next' };
  if (key === 'ArrowLeft' || (key === 'ArrowUp' && !scrolling)) return { kind: 'navigate', to: 'prev' };
  switch (key.toLowerCase()) {
    case 'b':
    case '.':
    case 'v':
      return { kind: 'key', key: 'black' };
    case 'k':
      return { kind: 'key', key: 'video' };
    case 'd':
      return { kind: 'key', key: event.shiftKey ? 'discussion-stop' : 'discussion' };
    case '+':
      return { kind: 'key', key: 'discussion-more' };
    case 't':
      return event.shiftKey ? undefined : { kind: 'event', event: { type: 'start' } };
    default:
      return undefined;
  }
}
