// The top of the facilitator view: the current card and its countdown, the clock, the projected end, pause.
import { formatClock, formatCountdown, wholeMinutes } from '../../timing/format.js';
import type { Plan } from '../../timing/plan.js';
import { button, h, setAttr, setText } from '../dom.js';
import type { Command, SessionSnapshot } from '../protocol.js';
import type { FacilitatorStrings } from '../strings.js';

export class Header {
  readonly element: HTMLElement;
  private readonly cardLabel: HTMLElement;
  private readonly cardTitle: HTMLElement;
  private readonly timer: HTMLElement;
  private readonly timerLabel: HTMLElement;
  private readonly countdown: HTMLElement;
  private readonly timerOf: HTMLElement;
  private readonly minus: HTMLButtonElement;
  private readonly plus: HTMLButtonElement;
  private readonly clock: HTMLElement;
  private readonly projection: HTMLElement;
  private readonly projectedEnd: HTMLElement;
  private readonly delta: HTMLElement;
  private readonly plannedEnd: HTMLElement;
  private readonly pauseLine: HTMLElement;
  private readonly pauseButton: HTMLButtonElement;
  private paused = false;

  constructor(
    doc: Document,
    private readonly plan: Plan,
    private readonly strings: FacilitatorStrings,
    send: (command: Command) => void,
  ) {
    this.cardLabel = h(doc, 'p', { class: 'fv-card-label' });
    this.cardTitle = h(doc, 'h1', { class: 'fv-card-title' });
    this.timerLabel = h(doc, 'p', { class: 'fv-timer-label' }, strings.timeLeft);
    this.countdown = h(doc, 'p', { class: 'fv-countdown', role: 'timer' }, '–');
    this.timerOf = h(doc, 'p', { class: 'fv-timer-of' });
    this.minus = button(doc, strings.minusMinute, () => send({ kind: 'adjust', seconds: -60 }), { class: 'fv-button fv-adjust', 'data-action': 'minus-minute' });
    this.plus = button(doc, strings.plusMinute, () => send({ kind: 'adjust', seconds: 60 }), { class: 'fv-button fv-adjust', 'data-action': 'plus-minute' });
    this.timer = h(
      doc,
      'div',
      { class: 'fv-timer' },
      h(doc, 'div', { class: 'fv-timer-text' }, this.timerLabel, this.countdown, this.timerOf),
      h(doc, 'div', { class: 'fv-timer-buttons' }, this.plus, this.minus),
    );
    this.clock = h(doc, 'p', { class: 'fv-clock', 'aria-label': strings.clock });
    this.projectedEnd = h(doc, 'span', { class: 'fv-projected-end' });
    this.delta = h(doc, 'strong', { class: 'fv-delta' });
    this.projection = h(doc, 'p', { class: 'fv-projection' }, this.projectedEnd, ' · ', this.delta);
    this.plannedEnd = h(doc, 'p', { class: 'fv-planned-end' });
    this.pauseLine = h(doc, 'p', { class: 'fv-pause-line', hidden: true });
    this.pauseButton = button(doc, strings.pause, () => send({ kind: this.paused ? 'resume' : 'pause' }), { class: 'fv-button fv-pause', 'data-action': 'pause' });
    this.element = h(
      doc,
      'header',
      { class: 'fv-top' },
      h(doc, 'div', { class: 'fv-card' }, this.cardLabel, this.cardTitle),
      this.timer,
      h(doc, 'div', { class: 'fv-seminar' }, this.clock, this.projection, this.plannedEnd, this.pauseLine, this.pauseButton),
    );
  }

  render(snapshot: SessionSnapshot): void {
    const { projection } = snapshot;
    const { strings } = this;
    const lang = strings.language;
    const current = projection.current;

    // The card
    if (current) {
      setText(this.cardLabel, current.themeNumber === undefined ? '' : strings.themeOf(current.themeNumber, this.plan.themeCount));
      setText(this.cardTitle, current.title);
    } else {
      setText(this.cardLabel, projection.ended ? '' : strings.notStarted);
      setText(this.cardTitle, projection.ended ? strings.finished : projection.started ? '' : strings.notStartedHint);
    }
    this.cardTitle.classList.toggle('fv-card-title-hint', !current);

    // Its countdown: mm:ss, a colour at a quarter left and at zero, then +mm:ss.
    setAttr(this.countdown, 'data-remaining-seconds', current?.remainingSeconds);
    setAttr(this.timer, 'data-level', current?.level);
    setAttr(this.timer, 'data-running', current ? String(current.running) : undefined);
    setText(this.countdown, current ? formatCountdown(current.remainingSeconds) : '–');
    setAttr(this.timer, 'data-empty', current ? undefined : 'true');
    setText(this.timerLabel, current && current.level === 'over' ? strings.overTime : strings.timeLeft);
    setText(this.timerOf, current ? strings.ofMinutes(Math.round(current.effectiveSeconds / 6) / 10) : '');
    this.minus.disabled = this.plus.disabled = !current;

    // The seminar
    setText(this.clock, formatClock(snapshot.now, lang));
    const behind = projection.deltaSeconds;
    const minutes = Math.abs(wholeMinutes(behind));
    const state = minutes === 0 ? 'on-time' : behind > 0 ? 'behind' : 'ahead';
    setAttr(this.projection, 'data-projected-end', projection.projectedEnd);
    setAttr(this.projection, 'data-delta-seconds', behind);
    setAttr(this.projection, 'data-state', state);
    const endLabel = projection.ended ? strings.endedAt : strings.projectedEnd;
    setText(this.projectedEnd, `${endLabel} ${formatClock(projection.projectedEnd, lang)}`);
    setText(this.delta, state === 'on-time' ? strings.onTime : state === 'behind' ? strings.behind(minutes) : strings.ahead(minutes));
    setText(this.plannedEnd, `${strings.plannedEnd} ${formatClock(projection.plannedEnd, lang)}`);

    // Pause: the button names the planned break it will take; while paused it resumes.
    this.paused = projection.paused;
    const claim = snapshot.claimableBreak;
    setText(this.pauseButton, projection.paused ? strings.resume : claim ? strings.pausePlanned(claim.seconds / 60) : strings.pause);
    this.pauseButton.classList.toggle('is-paused', projection.paused);
    setAttr(this.pauseButton, 'aria-pressed', String(projection.paused));
    if (projection.paused && projection.pauseSeconds !== undefined) {
      const since = snapshot.state.pauses[snapshot.state.pauses.length - 1]?.from ?? snapshot.now - projection.pauseSeconds * 1000;
      const planned = this.plan.items.find((item) => item.id === projection.pauseBreakId);
      const until = planned ? ` · ${strings.plannedBreakUntil(formatClock(since + planned.plannedSeconds * 1000, lang))}` : '';
      setText(this.pauseLine, `${strings.pausedSince(formatClock(since, lang))}${until}`);
      this.pauseLine.hidden = false;
    } else {
      this.pauseLine.hidden = true;
    }
  }
}
