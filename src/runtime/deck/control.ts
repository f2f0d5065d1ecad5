// The projector's discreet controls: the button that opens the facilitator view, the note that the seminar
// has not been started, the optional card countdown, and a notice when the browser blocks the popup.
//
// Nothing here may sit over the slide's content or reach a PDF. The button is a small icon in the bottom
// right corner, inside the slide's right-hand margin (the theme keeps that column free); the note and the
// countdown sit in the bottom left margin, where reveal's slide number used to be. All of it stays hidden
// until a person uses this window (a real key press, pointer movement or focus): a tool such as decktape
// that drives the deck through its API never shows any of it. The card countdown element always exists
// and carries `data-remaining-seconds` (the contract tests read in both windows); it is shown, labelled,
// only when the facilitator asks for it in the view.
import { formatCountdown } from '../kit/format.js';
import { button, h, injectStyle, setAttr, setText } from '../kit/dom.js';
import type { Snapshot } from '../protocol.js';
import type { Strings } from '../strings/index.js';
import css from './control.css?inline';

const IDLE_MS = 3000;
const NOTICE_MS = 9000;

export class DeckControl {
  private readonly root: HTMLElement;
  private readonly open: HTMLButtonElement;
  private readonly unstarted: HTMLElement;
  private readonly timer: HTMLElement;
  private readonly timerValue: HTMLElement;
  private readonly notice: HTMLElement;
  private idleTimer: number | undefined;
  private noticeTimer: number | undefined;
  /** A person has used this window (not a tool driving the deck through its API). */
  private used = false;

  constructor(
    private readonly doc: Document,
    strings: Strings,
    onOpen: () => void,
  ) {
    injectStyle(doc, 'samtale-control-style', css);
    const win = doc.defaultView ?? window;
    this.open = button(doc, '', onOpen, { class: 'samtale-control-open', title: strings.openViewTitle, 'aria-label': strings.openViewTitle, 'aria-keyshortcuts': 'S' });
    this.open.append(icon(doc));
    this.unstarted = h(doc, 'p', { class: 'samtale-unstarted', hidden: true }, strings.notStartedOnDeck);
    this.timerValue = h(doc, 'span', { class: 'samtale-deck-timer-value' });
    this.timer = h(doc, 'p', { class: 'samtale-deck-timer', hidden: true }, h(doc, 'span', { class: 'samtale-deck-timer-label' }, strings.deckTimerLabel), ' ', this.timerValue);
    this.notice = h(doc, 'p', { class: 'samtale-control-notice', role: 'alert', hidden: true });
    this.root = h(doc, 'div', { class: 'samtale-control is-idle', role: 'region', 'aria-label': strings.openView }, this.unstarted, this.timer, this.open);
    doc.body.append(this.root, this.notice);

    const wake = (event: Event) => {
      if (!event.isTrusted) return;
      this.used = true;
      this.root.classList.remove('is-idle');
      win.clearTimeout(this.idleTimer);
      this.idleTimer = win.setTimeout(() => this.root.classList.add('is-idle'), IDLE_MS);
    };
    doc.addEventListener('pointermove', wake, { passive: true });
    doc.addEventListener('keydown', wake, { capture: true });
    this.open.addEventListener('focus', wake);
  }

  /** `viewOpen`: the facilitator view is open (the button says so, for the facilitator and for tests). */
  render(snapshot: Snapshot, viewOpen: boolean): void {
    setAttr(this.root, 'data-view', viewOpen ? 'open' : 'closed');
    const current = snapshot.projection.current;
    setAttr(this.timer, 'data-remaining-seconds', current?.remainingSeconds);
    setAttr(this.timer, 'data-level', current?.level);
    setText(this.timerValue, current ? formatCountdown(current.remainingSeconds) : '');
    this.timer.hidden = !(snapshot.prefs.deckTimer && current);
    // Only for a facilitator working without the view: the view asks there, and says more.
    this.unstarted.hidden = !(this.used && !viewOpen && snapshot.unstartedCard !== undefined);
  }

  /** A message on the deck for a few seconds (the popup was blocked). */
  say(text: string): void {
    const win = this.doc.defaultView ?? window;
    this.notice.textContent = text;
    this.notice.hidden = false;
    win.clearTimeout(this.noticeTimer);
    this.noticeTimer = win.setTimeout(() => {
      this.notice.hidden = true;
    }, NOTICE_MS);
  }
}

/** Two panes, the speaker-view symbol; drawn, so the button needs no image file. */
function icon(doc: Document): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = doc.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  for (const [x, w] of [[2, 12], [16, 6]] as const) {
    const rect = doc.createElementNS(ns, 'rect');
    rect.setAttribute('x', String(x));
    rect.setAttribute('y', '5');
    rect.setAttribute('width', String(w));
    rect.setAttribute('height', '14');
    rect.setAttribute('rx', '1.5');
    svg.append(rect);
  }
  return svg;
}
