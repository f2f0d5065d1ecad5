// The projector during a break: "Pause · Vi fortsætter kl. 10:55" with the time left, over the slides.
//
// Shown while the seminar is paused (a planned break, or an unplanned pause), so the room sees when it
// goes on instead of a slide left standing. A planned break says when it ends and counts down to it;
// once that time has passed, or for an unplanned pause, it says "Vi fortsætter om lidt". The facilitator
// resumes from the view. Never in print (CSS), and not mounted in reveal's print view.
import { formatClock, formatCountdown } from '../kit/format.js';
import { h, injectStyle, setAttr, setText } from '../kit/dom.js';
import type { Plan } from '../seminar/plan.js';
import { openPause } from '../seminar/state.js';
import type { Snapshot } from '../protocol.js';
import type { Strings } from '../strings/index.js';
import css from './break-screen.css?inline';

export class BreakScreen {
  private readonly root: HTMLElement;
  private readonly until: HTMLElement;
  private readonly countdown: HTMLElement;

  constructor(
    doc: Document,
    private readonly plan: Plan,
    private readonly strings: Strings,
  ) {
    injectStyle(doc, 'samtale-break-style', css);
    this.until = h(doc, 'p', { class: 'samtale-break-until' });
    this.countdown = h(doc, 'p', { class: 'samtale-break-countdown', role: 'timer', 'aria-label': strings.breakRegion });
    const facts = [plan.title, plan.municipality].filter(Boolean).join(' · ');
    this.root = h(
      doc,
      'div',
      { class: 'samtale-break', role: 'region', 'aria-label': strings.breakRegion, hidden: true },
      h(
        doc,
        'div',
        { class: 'samtale-break-inner' },
        h(doc, 'div', { class: 'samtale-break-logo', 'aria-hidden': 'true' }),
        h(doc, 'p', { class: 'samtale-break-heading' }, strings.breakHeading),
        this.until,
        this.countdown,
        facts ? h(doc, 'p', { class: 'samtale-break-deck' }, facts) : null,
      ),
    );
    doc.body.append(this.root);
  }

  render(snapshot: Snapshot): void {
    const pause = openPause(snapshot.seminar);
    this.root.hidden = pause === undefined;
    if (!pause) {
      setAttr(this.root, 'data-break-remaining-seconds', undefined);
      return;
    }
    const planned = this.plan.items.find((item) => item.kind === 'break' && item.id === pause.breakId);
    const end = planned ? pause.from + planned.plannedSeconds * 1000 : undefined;
    const left = end === undefined ? undefined : Math.ceil((end - snapshot.now) / 1000);
    const going = left !== undefined && left > 0;
    setText(this.until, going ? this.strings.breakUntil(formatClock(end!, this.strings.language)) : this.strings.breakSoon);
    setText(this.countdown, going ? formatCountdown(left) : '');
    this.countdown.hidden = !going;
    setAttr(this.root, 'data-break-remaining-seconds', going ? left : undefined);
  }
}
