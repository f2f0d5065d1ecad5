// The deck window's discreet control: a button that opens the facilitator view, the optional card
// countdown on the audience screen, and a notice when the browser blocks the popup.
//
// The button sits in the top left corner at low contrast and fades out after
// a few seconds without pointer movement (like reveal's cursor), so the room
// sees nothing it was not meant to. The card countdown element always exists
// and carries `data-remaining-seconds` (the contract tests read in both
// windows); it is shown only when the facilitator asks for it in the view.
import type { SessionSnapshot } from './protocol.js';
import { button, h, injectStyle, setAttr, setText } from './dom.js';
import css from './control.css?inline';
import type { FacilitatorStrings } from './strings.js';
import { formatCountdown } from '../timing/format.js';

const IDLE_MS = 3000;
const NOTICE_MS = 9000;

export class DeckControl {
  private readonly root: HTMLElement;
  private readonly timer: HTMLElement;
  private readonly notice: HTMLElement;
  private idleTimer: number | undefined;
  private noticeTimer: number | undefined;

  constructor(
    private readonly doc: Document,
    strings: FacilitatorStrings,
    onOpen: () => void,
  ) {
    injectStyle(doc, 'samtale-control-style', css);
    const win = doc.defaultView ?? window;
    const open = button(doc, strings.openView, onOpen, { class: 'samtale-control-open', title: strings.openViewTitle, 'aria-keyshortcuts': 'S' });
    open.prepend(icon(doc));
    this.timer = h(doc, 'p', { class: 'samtale-deck-timer', hidden: true, 'aria-label': strings.deckTimerLabel });
    this.notice = h(doc, 'p', { class: 'samtale-control-notice', role: 'alert', hidden: true });
    this.root = h(doc, 'div', { class: 'samtale-control' }, open, this.timer);
    doc.body.append(this.root, this.notice);

    const wake = () => {
      this.root.classList.remove('is-idle');
      win.clearTimeout(this.idleTimer);
      this.idleTimer = win.setTimeout(() => this.root.classList.add('is-idle'), IDLE_MS);
    };
    doc.addEventListener('pointermove', wake, { passive: true });
    wake();
  }

  /** `viewOpen`: the facilitator view is open (the button says so, for the facilitator and for tests). */
  render(snapshot: SessionSnapshot, viewOpen: boolean): void {
    setAttr(this.root, 'data-view', viewOpen ? 'open' : 'closed');
    const current = snapshot.projection.current;
    if (current) {
      setAttr(this.timer, 'data-remaining-seconds', current.remainingSeconds);
      setAttr(this.timer, 'data-level', current.level);
      setText(this.timer, formatCountdown(current.remainingSeconds));
    } else {
      setAttr(this.timer, 'data-remaining-seconds', undefined);
      setAttr(this.timer, 'data-level', undefined);
      setText(this.timer, '');
    }
    this.timer.hidden = !(snapshot.prefs.deckTimer && current);
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
