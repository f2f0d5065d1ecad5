// Starting and steering the projector's discussion countdown from the facilitator view.
import { button, h, setAttr, setText } from '../kit/dom.js';
import { formatCountdown } from '../kit/format.js';
import { DISCUSSION_CHOICES } from '../seminar/discussion.js';
import type { Command, Snapshot } from '../protocol.js';
import type { Strings } from '../strings/index.js';

export class DiscussionPanel {
  readonly element: HTMLElement;
  private readonly start: HTMLElement;
  private readonly active: HTMLElement;
  private readonly time: HTMLElement;
  private readonly state: HTMLElement;
  private readonly toggle: HTMLButtonElement;

  constructor(doc: Document, private readonly strings: Strings, send: (command: Command) => void) {
    this.start = h(
      doc,
      'div',
      { class: 'fv-discussion-start', role: 'group', 'aria-label': strings.discussionMinutes },
      ...DISCUSSION_CHOICES.map((seconds) => {
        // The number shows; the unit is said (the hint above says "minutter").
        const choice = button(doc, String(seconds / 60), () => send({ kind: 'event', event: { type: 'discussion-start', seconds } }), { class: 'fv-button', 'data-discussion-seconds': seconds });
        choice.append(h(doc, 'span', { class: 'fv-sr' }, ` ${strings.minuteUnit}`));
        return choice;
      }),
    );
    this.time = h(doc, 'p', { class: 'fv-discussion-time', role: 'timer', 'aria-label': strings.discussionTimer });
    this.state = h(doc, 'p', { class: 'fv-discussion-state' });
    this.toggle = button(doc, strings.pause, () => send({ kind: 'event', event: { type: 'discussion-toggle' } }), { class: 'fv-button', 'data-action': 'discussion-toggle' });
    this.active = h(
      doc,
      'div',
      { class: 'fv-discussion-active', hidden: true },
      h(doc, 'div', {}, this.time, this.state),
      h(
        doc,
        'div',
        { class: 'fv-discussion-buttons' },
        button(doc, strings.plusMinute, () => send({ kind: 'event', event: { type: 'discussion-extend', seconds: 60 } }), { class: 'fv-button', 'data-action': 'discussion-extend' }),
        this.toggle,
        button(doc, strings.stop, () => send({ kind: 'event', event: { type: 'discussion-stop' } }), { class: 'fv-button', 'data-action': 'discussion-stop' }),
      ),
    );
    this.element = h(
      doc,
      'section',
      { class: 'fv-discussion', 'aria-labelledby': 'fv-discussion-heading' },
      h(doc, 'h2', { id: 'fv-discussion-heading' }, strings.discussion),
      h(doc, 'p', { class: 'fv-hint' }, strings.discussionHint),
      this.start,
      this.active,
    );
  }

  render(snapshot: Snapshot): void {
    const status = snapshot.discussion;
    // While a countdown is on, the start buttons go away: a stray click must not restart it.
    this.start.hidden = status !== undefined;
    this.active.hidden = status === undefined;
    setAttr(this.time, 'data-discussion-remaining-seconds', status?.remainingSeconds);
    setAttr(this.active, 'data-state', status ? (status.ended ? 'ended' : status.running ? 'running' : 'paused') : undefined);
    if (status) {
      setText(this.time, formatCountdown(status.remainingSeconds));
      setText(this.state, status.ended ? this.strings.discussionEnded : status.running ? '' : this.strings.discussionPaused);
      setText(this.toggle, status.running ? this.strings.pause : this.strings.resume);
      this.toggle.disabled = status.ended;
    }
  }
}
