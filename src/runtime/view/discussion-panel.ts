// Starting and steering the projector's discussion countdown from the facilitator view.
import { DISCUSSION_CHOICES } from '../../timing/discussion.js';
import { formatCountdown } from '../../timing/format.js';
import { button, h, setAttr, setText } from '../dom.js';
import type { Command, SessionSnapshot } from '../protocol.js';
import type { FacilitatorStrings } from '../strings.js';

export class DiscussionPanel {
  readonly element: HTMLElement;
  private readonly start: HTMLElement;
  private readonly active: HTMLElement;
  private readonly time: HTMLElement;
  private readonly state: HTMLElement;
  private readonly toggle: HTMLButtonElement;
  private readonly sound: HTMLInputElement;

  constructor(doc: Document, private readonly strings: FacilitatorStrings, send: (command: Command) => void) {
    this.start = h(
      doc,
      'div',
      { class: 'fv-discussion-start' },
      ...DISCUSSION_CHOICES.map((seconds) =>
        button(doc, strings.minutes(seconds / 60), () => send({ kind: 'discussion-start', seconds }), { class: 'fv-button', 'data-discussion-seconds': seconds }),
      ),
    );
    this.time = h(doc, 'p', { class: 'fv-discussion-time', role: 'timer' });
    this.state = h(doc, 'p', { class: 'fv-discussion-state' });
    this.toggle = button(doc, strings.pause, () => send({ kind: 'discussion-toggle' }), { class: 'fv-button', 'data-action': 'discussion-toggle' });
    this.active = h(
      doc,
      'div',
      { class: 'fv-discussion-active', hidden: true },
      h(doc, 'div', {}, this.time, this.state),
      h(
        doc,
        'div',
        { class: 'fv-discussion-buttons' },
        button(doc, strings.plusMinute, () => send({ kind: 'discussion-extend', seconds: 60 }), { class: 'fv-button', 'data-action': 'discussion-extend' }),
        this.toggle,
        button(doc, strings.stop, () => send({ kind: 'discussion-stop' }), { class: 'fv-button', 'data-action': 'discussion-stop' }),
      ),
    );
    this.sound = h(doc, 'input', { type: 'checkbox' });
    this.sound.addEventListener('change', () => send({ kind: 'prefs', prefs: { sound: this.sound.checked } }));
    this.element = h(
      doc,
      'section',
      { class: 'fv-discussion', 'aria-labelledby': 'fv-discussion-heading' },
      h(doc, 'h2', { id: 'fv-discussion-heading' }, strings.discussion),
      h(doc, 'p', { class: 'fv-hint' }, strings.discussionHint),
      this.start,
      this.active,
      h(
        doc,
        'div',
        { class: 'fv-sound' },
        h(doc, 'label', { class: 'fv-check' }, this.sound, ` ${strings.sound}`),
        button(doc, strings.testSound, () => send({ kind: 'test-sound' }), { class: 'fv-link-button' }),
      ),
    );
  }

  render(snapshot: SessionSnapshot): void {
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
    if (this.sound.checked !== snapshot.prefs.sound) this.sound.checked = snapshot.prefs.sound;
  }
}
