// The discussion countdown on the audience screen: big digits over the slide, +1 min, pause, stop.
//
// Shown in a band along the bottom of the deck window that the slide gives
// up while it is on (the slide is laid out again above it, a little smaller),
// so it never covers a heading or a question; large enough to read from the
// back of the room. It
// counts down with a bar; at zero it turns to the accent colour, pulses
// three times (once, without motion, for people who ask for reduced motion)
// and says so, plays the soft chime if the facilitator turned sound on, and
// goes away DISCUSSION_LINGER_MS later unless it is stopped or extended
// first. Its buttons appear when the pointer is over it, for a facilitator
// without the second screen. It is not mounted in reveal's print view and is
// hidden by CSS in print (`@media print`, `html.reveal-print`).
//
// It is a labelled region (a landmark, so screen readers find it) holding the digits as a timer; its keys
// (D, Shift+D, +) are the deck's keys (keys.ts).
import { formatCountdown } from '../kit/format.js';
import { button, h, injectStyle, setAttr, setText } from '../kit/dom.js';
import type { DiscussionStatus } from '../seminar/discussion.js';
import type { Strings } from '../strings/index.js';
import css from './discussion-overlay.css?inline';
import { chime } from './sound.js';

export interface DiscussionActions {
  /** D: start with the last length, or pause/resume a running one. */
  primary(): void;
  extend(): void;
  toggle(): void;
  stop(): void;
}

/** On <html> while the countdown shows: the slide makes room for its band (CSS). */
const BAND_CLASS = 'samtale-discussing';

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
    private readonly strings: Strings,
    actions: DiscussionActions,
    /** The slide's room changed (the band came or went): reveal lays the slide out again. */
    private readonly relayout: () => void = () => undefined,
  ) {
    injectStyle(doc, 'samtale-discussion-style', css);
    this.label = h(doc, 'p', { class: 'samtale-discussion-label' }, strings.discussionLabel);
    this.time = h(doc, 'p', { class: 'samtale-discussion-time', role: 'timer', 'aria-label': strings.discussionTimer });
    this.bar = h(doc, 'span');
    this.toggleButton = button(doc, strings.pause, () => actions.toggle());
    this.root = h(
      doc,
      'div',
      { class: 'samtale-discussion', role: 'region', 'aria-label': strings.discussionRegion, hidden: true },
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
  }

  /** Shows the countdown as it is now; hides it when there is none. */
  render(status: DiscussionStatus | undefined, sound: boolean, now: number): void {
    const shown = status !== undefined;
    if (shown !== this.doc.documentElement.classList.contains(BAND_CLASS)) {
      this.doc.documentElement.classList.toggle(BAND_CLASS, shown);
      this.relayout();
    }
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
