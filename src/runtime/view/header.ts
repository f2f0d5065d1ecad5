// The top of the facilitator view: the card on the projector and its countdown, the clock, where the day
// stands (one signal: ahead, behind or on time), and the one action the moment calls for — start, pause
// or resume.
import { button, h, setAttr, setText } from '../kit/dom.js';
import { formatClock, formatCountdown, wholeMinutes } from '../kit/format.js';
import type { Plan } from '../seminar/plan.js';
import { canUndoStart } from '../seminar/timing.js';
import type { Command, Snapshot } from '../protocol.js';
import type { Strings } from '../strings/index.js';

/** A start further from the planned time than this is another schedule, not a late start. */
const LATE_START_MINUTES = 90;

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
  private readonly clockValue: HTMLElement;
  private readonly projection: HTMLElement;
  private readonly projectedEnd: HTMLElement;
  private readonly delta: HTMLElement;
  private readonly startLine: HTMLElement;
  private readonly pauseLine: HTMLElement;
  private readonly startButton: HTMLButtonElement;
  private readonly pauseButton: HTMLButtonElement;
  private readonly trialButton: HTMLButtonElement;
  private readonly undoStartButton: HTMLButtonElement;
  private readonly rehearsalBadge: HTMLElement;
  private readonly black: HTMLElement;
  private paused = false;

  constructor(
    doc: Document,
    private readonly plan: Plan,
    private readonly strings: Strings,
    send: (command: Command) => void,
    openSeminar: () => void,
  ) {
    this.cardLabel = h(doc, 'p', { class: 'fv-card-label' });
    this.cardTitle = h(doc, 'h1', { class: 'fv-card-title' }, strings.viewHeading);
    this.timerLabel = h(doc, 'span', { class: 'fv-timer-label' }, strings.timeLeft);
    this.countdown = h(doc, 'p', { class: 'fv-countdown', role: 'timer', 'aria-label': strings.cardTimer }, '–');
    this.timerOf = h(doc, 'p', { class: 'fv-timer-of' });
    this.minus = button(doc, strings.minusMinute, () => send({ kind: 'event', event: { type: 'adjust', seconds: -60 } }), { class: 'fv-button fv-adjust', 'aria-label': strings.minusMinuteName, 'data-action': 'minus-minute' });
    this.plus = button(doc, strings.plusMinute, () => send({ kind: 'event', event: { type: 'adjust', seconds: 60 } }), { class: 'fv-button fv-adjust', 'aria-label': strings.plusMinuteName, 'data-action': 'plus-minute' });
    this.timer = h(
      doc,
      'div',
      { class: 'fv-timer' },
      h(doc, 'div', { class: 'fv-timer-text' }, this.timerLabel, this.countdown, this.timerOf),
      h(doc, 'div', { class: 'fv-timer-buttons' }, this.plus, this.minus),
    );
    this.clockValue = h(doc, 'span', { class: 'fv-clock-value' });
    this.projectedEnd = h(doc, 'span', { class: 'fv-projected-end' });
    this.delta = h(doc, 'strong', { class: 'fv-delta' });
    this.projection = h(doc, 'p', { class: 'fv-projection' }, this.projectedEnd, ' ', this.delta);
    this.startLine = h(doc, 'p', { class: 'fv-start-line' });
    this.pauseLine = h(doc, 'p', { class: 'fv-pause-line', hidden: true });
    this.startButton = button(doc, strings.startSeminar, () => send({ kind: 'event', event: { type: 'start' } }), { class: 'fv-button fv-primary fv-start', 'data-action': 'start-seminar', 'aria-keyshortcuts': 'T' });
    this.pauseButton = button(doc, strings.pause, () => send({ kind: 'event', event: { type: this.paused ? 'resume' : 'pause' } }), { class: 'fv-button fv-pause', 'data-action': 'pause' });
    this.trialButton = button(doc, strings.startTrial, () => send({ kind: 'rehearsal', to: 'begin' }), { class: 'fv-button', 'data-action': 'start-trial' });
    this.undoStartButton = button(doc, strings.undoStart, () => send({ kind: 'event', event: { type: 'undo-start' } }), { class: 'fv-button', 'data-action': 'undo-start', title: strings.undoStartHint });
    this.rehearsalBadge = h(doc, 'span', { class: 'fv-badge', hidden: true }, strings.rehearsalBadge);
    // Said, not only shown: a facilitator looking at the laptop does not see the room's screen go dark.
    this.black = h(doc, 'p', { class: 'fv-projector-black', role: 'status', hidden: true }, strings.projectorBlack);
    this.element = h(
      doc,
      'header',
      { class: 'fv-top' },
      h(doc, 'div', { class: 'fv-card' }, this.cardLabel, this.cardTitle),
      this.timer,
      h(
        doc,
        'div',
        { class: 'fv-seminar' },
        h(doc, 'p', { class: 'fv-clock' }, h(doc, 'span', { class: 'fv-sr' }, `${strings.clock} `), this.clockValue, ' ', this.rehearsalBadge),
        this.projection,
        this.startLine,
        this.pauseLine,
      ),
      h(
        doc,
        'div',
        { class: 'fv-top-actions' },
        this.startButton,
        this.trialButton,
        this.undoStartButton,
        this.pauseButton,
        button(doc, strings.seminarButton, openSeminar, { class: 'fv-button fv-quiet', 'data-action': 'open-seminar-dialog', 'aria-haspopup': 'dialog' }),
      ),
      this.black,
    );
  }

  /** Puts an action that belongs to the day's signal (the re-plan offer) under it. */
  offer(element: HTMLElement): void {
    this.projection.after(element);
  }

  /** `cardOnScreen`: the card the projector shows (also before the start, when nothing is timed). */
  render(snapshot: Snapshot, cardOnScreen: { title: string; themeNumber?: number } | undefined): void {
    const { projection } = snapshot;
    const { strings } = this;
    const lang = strings.language;
    const current = projection.current;
    const phase = projection.phase;

    // The card on the projector, or the welcome or closing the seminar is in.
    const card = current ?? cardOnScreen;
    const frame = current ? undefined : projection.frame;
    const frameTitle = frame?.kind === 'welcome' ? strings.welcomePart : strings.closingPart;
    setText(this.cardLabel, card?.themeNumber === undefined ? (phase === 'before' ? strings.notStarted : '') : strings.themeOf(card.themeNumber, this.plan.themeCount));
    setText(this.cardTitle, frame ? frameTitle : card ? card.title : phase === 'ended' ? strings.finished : phase === 'before' ? strings.notStartedHint : this.plan.title || strings.viewHeading);

    // Its countdown: mm:ss, a colour at a quarter left and at zero, then +mm:ss.
    const timed = current ?? frame;
    setAttr(this.countdown, 'data-remaining-seconds', timed?.remainingSeconds);
    setAttr(this.timer, 'data-level', timed?.level);
    setAttr(this.timer, 'data-running', current ? String(current.running) : frame ? 'true' : undefined);
    setText(this.countdown, timed ? formatCountdown(timed.remainingSeconds) : '–');
    setAttr(this.timer, 'data-empty', timed ? undefined : 'true');
    setText(this.timerLabel, timed?.level === 'over' ? strings.overTime : strings.timeLeft);
    setText(this.timerOf, current ? strings.ofMinutes(Math.round(current.effectiveSeconds / 6) / 10) : frame ? strings.ofMinutes(Math.round(frame.plannedSeconds / 6) / 10) : '');
    this.minus.disabled = this.plus.disabled = !current;

    // The day: the clock, and one signal of where it stands (none before the start).
    setText(this.clockValue, formatClock(snapshot.now, lang));
    this.rehearsalBadge.hidden = !snapshot.seminar.rehearsal;
    const behind = projection.deltaSeconds;
    const minutes = Math.abs(wholeMinutes(behind));
    const state = phase === 'before' ? 'not-started' : minutes === 0 ? 'on-time' : behind > 0 ? 'behind' : 'ahead';
    setAttr(this.projection, 'data-projected-end', projection.projectedEnd);
    setAttr(this.projection, 'data-delta-seconds', behind);
    setAttr(this.projection, 'data-state', state);
    if (phase === 'before') {
      setText(this.projectedEnd, strings.plannedDay(formatClock(projection.plannedStart, lang), formatClock(projection.plannedEnd, lang)));
      setText(this.delta, '');
    } else {
      // Ended: the time the closing slide was reached, unless the closing has minutes of its own still to run.
      const endedAt = phase === 'ended' && !projection.frame ? snapshot.seminar.endedAt : undefined;
      setText(this.projectedEnd, endedAt !== undefined ? `${strings.endedAt} ${formatClock(endedAt, lang)}` : `${strings.projectedEnd} ${formatClock(projection.projectedEnd, lang)}`);
      setText(this.delta, state === 'on-time' ? strings.onTime : state === 'behind' ? strings.behind(minutes) : strings.ahead(minutes));
    }
    // How late (or early) the start was, when it was a late start and not another time of day altogether.
    const late = projection.actualStart === undefined ? 0 : wholeMinutes((projection.actualStart - projection.scheduledStart) / 1000);
    const told = snapshot.seminar.rehearsal || Math.abs(late) > LATE_START_MINUTES ? 0 : late;
    setText(this.startLine, projection.actualStart === undefined ? '' : strings.startedAt(formatClock(projection.actualStart, lang), told));

    // The one action: start before the start; pause (naming the planned break it takes) or resume after.
    // On the seminar's own day (or any day, for a deck without a date) a rehearsal is one click away too;
    // on another day than the manifest's, the start is a rehearsal anyway.
    const rehearsal = snapshot.seminar.rehearsal || snapshot.seminarDay !== undefined;
    this.startButton.hidden = phase !== 'before';
    setText(this.startButton, rehearsal ? strings.startRehearsal : strings.startSeminar);
    this.trialButton.hidden = phase !== 'before' || rehearsal;
    this.undoStartButton.hidden = !canUndoStart(snapshot.seminar);
    this.black.hidden = snapshot.projector !== 'black';
    this.pauseButton.hidden = phase === 'before' || phase === 'ended';
    this.paused = phase === 'paused';
    const claim = snapshot.claimableBreak;
    setText(this.pauseButton, this.paused ? strings.resume : claim ? strings.pausePlanned(claim.seconds / 60) : strings.pause);
    this.pauseButton.classList.toggle('is-paused', this.paused);
    setAttr(this.pauseButton, 'aria-pressed', String(this.paused));
    if (this.paused && projection.pauseSeconds !== undefined) {
      const since = snapshot.seminar.pauses[snapshot.seminar.pauses.length - 1]?.from ?? snapshot.now - projection.pauseSeconds * 1000;
      const planned = this.plan.items.find((item) => item.id === projection.pauseBreakId);
      const until = planned ? ` · ${strings.plannedBreakUntil(formatClock(since + planned.plannedSeconds * 1000, lang))}` : '';
      setText(this.pauseLine, `${strings.pausedSince(formatClock(since, lang))}${until}`);
      this.pauseLine.hidden = false;
    } else {
      this.pauseLine.hidden = true;
    }
  }
}
