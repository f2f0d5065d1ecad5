// The discussion countdown on the audience screen: big digits over the slide, +1 min, pause, stop.
//
// Shown in the top right corner of the deck window (the slides' text column
// starts at the left), large enough to read from the back of the room. It
// counts down with a bar; at zero it turns to the accent colour, pulses
// three times (once, without motion, for people who ask for reduced motion)
// and says so, plays the soft chime if the facilitator turned sound on, and
// goes away DISCUSSION_LINGER_MS later unless it is stopped or extended
// first. Its buttons appear when the pointer is over it, for a facilitator
// without the second screen. It is not mounted in reveal's print view and is
// hidden by CSS in print (`@media print`, `html.reveal-print`).
//
// Keys on the deck (reveal.js uses none of them): D starts the countdown
// with the last length chosen (3 min at first) or pauses/resumes it,
// Shift+D stops it, + adds a minute.
import type { FacilitatorStrings } from '../facilitator/strings.js';
import { button, h, injectStyle, isTyping, setAttr, setText } from '../facilitator/dom.js';
import type { DiscussionStatus } from '../timing/discussion.js';
import { formatCountdown } from '../timing/format.js';
import css from './overlay.css?inline';
import { chime } from './sound.js';

export interface DiscussionActions {
  /** D: start with the last length, or pause/resume a running one. */
  primary(): void;
  extend(): void;
  toggle(): void;
  stop(): void;
}

/** An end signal older than this at render time (a reloaded deck) gets no sound. */
const FRESH_END_MS = 3000;

export class DiscussionOverlay {
  private readonly root: HTMLElement;
  private readonly label: HTMLElement;
  private readonly time: HTMLElement;
  private readonly bar: HTMLElement;
  private readonly toggleButton: HTMLButtonElement;
  private chimedFor: number | undefined;

  constructor(
    private readonly doc: Document,
    private readonly strings: FacilitatorStrings,
    actions: DiscussionActions,
  ) {
    injectStyle(doc, 'samtale-discussion-style', css);
    this.label = h(doc, 'p', { class: 'samtale-discussion-label' }, strings.discussionLabel);
    this.time = h(doc, 'p', { class: 'samtale-discussion-time' });
    this.bar = h(doc, 'span');
    this.toggleButton = button(doc, strings.pause, () => actions.toggle());
    this.root = h(
      doc,
      'section',
      { class: 'samtale-discussion', role: 'timer', 'aria-label': strings.discussionLabel, hidden: true },
      this.label,
      this.time,
      h(doc, 'div', { class: 'samtale-discussion-bar', 'aria-hidden': 'true' }, this.bar),
      h(
        doc,
        'div',
        { class: 'samtale-discussion-controls' },
        button(doc, strings.plusMinute, () => actions.extend()),
        this.toggleButton,
        button(doc, strings.stop, () => actions.stop()),
      ),
    );
    doc.body.append(this.root);
    doc.addEventListener('keydown', (event) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      if (event.key === 'd' || event.key === 'D') {
        if (event.shiftKey) actions.stop();
        else actions.primary();
      } else if (event.key === '+' && !this.root.hidden) {
        actions.extend();
      } else {
        return;
      }
      event.preventDefault();
    });
  }

  /** Shows the countdown as it is now; hides it when there is none. */
  render(status: DiscussionStatus | undefined, sound: boolean, now: number): void {
    if (!status) {
      this.root.hidden = true;
      setAttr(this.root, 'data-discussion-remaining-seconds', undefined);
      setAttr(this.root, 'data-state', undefined);
      return;
    }
    this.root.hidden = false;
    const state = status.ended ? 'ended' : status.running ? 'running' : 'paused';
    setAttr(this.root, 'data-state', state);
    setAttr(this.root, 'data-discussion-remaining-seconds', status.remainingSeconds);
    setText(this.time, formatCountdown(status.remainingSeconds));
    setText(this.label, status.ended ? this.strings.discussionEnded : status.running ? this.strings.discussionLabel : this.strings.discussionPaused);
    setText(this.toggleButton, status.running ? this.strings.pause : this.strings.resume);
    this.toggleButton.disabled = status.ended;
    const share = status.totalSeconds > 0 ? Math.max(0, Math.min(1, status.remainingSeconds / status.totalSeconds)) : 0;
    this.bar.style.transform = `scaleX(${share})`;
    if (status.ended && status.endedAt !== undefined && status.endedAt !== this.chimedFor) {
      this.chimedFor = status.endedAt;
      if (sound && now - status.endedAt < FRESH_END_MS) chime(this.doc.defaultView ?? window);
    }
  }
}
