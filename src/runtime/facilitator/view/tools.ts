// The view's tools: the countdown on the audience screen, export of planned vs actual minutes, reset.
//
// Export builds the files in this window from the deck's latest snapshot and
// hands them over as Blob URLs on a download link: that works from file://
// and needs nothing from the CSP (a download is a navigation, not a fetch).
import { exportRows, toCsv, toJson } from '../../timing/export.js';
import type { Plan } from '../../timing/plan.js';
import { button, h } from '../dom.js';
import type { Command, SessionSnapshot } from '../protocol.js';
import type { FacilitatorStrings } from '../strings.js';

/** Long enough for any browser to start the download before the URL is revoked. */
const REVOKE_AFTER_MS = 60_000;

export class Tools {
  readonly element: HTMLElement;
  private readonly deckTimer: HTMLInputElement;
  private readonly resetArea: HTMLElement;
  private snapshot: SessionSnapshot | undefined;

  constructor(
    private readonly doc: Document,
    private readonly plan: Plan,
    private readonly strings: FacilitatorStrings,
    private readonly send: (command: Command) => void,
  ) {
    this.deckTimer = h(doc, 'input', { type: 'checkbox' });
    this.deckTimer.addEventListener('change', () => send({ kind: 'prefs', prefs: { deckTimer: this.deckTimer.checked } }));
    this.resetArea = h(doc, 'div', { class: 'fv-reset' });
    this.showReset();
    this.element = h(
      doc,
      'section',
      { class: 'fv-tools' },
      h(doc, 'label', { class: 'fv-check' }, this.deckTimer, ` ${strings.deckTimer}`),
      h(doc, 'h2', {}, strings.exportHeading),
      h(
        doc,
        'div',
        { class: 'fv-export' },
        button(doc, strings.exportCsv, () => this.download('csv'), { class: 'fv-button', 'data-action': 'export-csv' }),
        button(doc, strings.exportJson, () => this.download('json'), { class: 'fv-button', 'data-action': 'export-json' }),
      ),
      this.resetArea,
    );
  }

  render(snapshot: SessionSnapshot): void {
    this.snapshot = snapshot;
    if (this.deckTimer.checked !== snapshot.prefs.deckTimer) this.deckTimer.checked = snapshot.prefs.deckTimer;
  }

  /** The reset asks first: one click shows the question, a second, deliberate one resets. */
  private showReset(): void {
    const { doc, strings } = this;
    this.resetArea.replaceChildren(button(doc, strings.reset, () => this.askReset(), { class: 'fv-button fv-quiet', 'data-action': 'reset' }));
  }

  /** Shows the reset question (also from the rehearsal banner). */
  askReset(): void {
    const { doc, strings } = this;
    const cancel = button(doc, strings.cancel, () => this.showReset(), { class: 'fv-button', 'data-action': 'reset-cancel' });
    this.resetArea.replaceChildren(
      h(doc, 'p', { class: 'fv-warning', role: 'alert' }, strings.resetQuestion),
      button(
        doc,
        strings.resetConfirm,
        () => {
          this.send({ kind: 'reset' });
          this.showReset();
        },
        { class: 'fv-button fv-danger', 'data-action': 'reset-confirm' },
      ),
      ' ',
      cancel,
    );
    this.resetArea.scrollIntoView({ block: 'nearest' });
    cancel.focus();
  }

  private download(format: 'csv' | 'json'): void {
    const snapshot = this.snapshot;
    if (!snapshot) return;
    const { plan, strings } = this;
    const text =
      format === 'csv'
        ? toCsv(exportRows(plan, snapshot.projection), strings.language, strings.exportLabels)
        : toJson(plan, snapshot.projection, snapshot.state, snapshot.now);
    const type = format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json';
    const win = this.doc.defaultView ?? window;
    const url = win.URL.createObjectURL(new Blob([text], { type }));
    const link = h(this.doc, 'a', { href: url, download: `${plan.deckId}-${strings.language === 'en' ? 'times' : 'tider'}-${snapshot.state.seminar}.${format}`, hidden: true });
    this.doc.body.append(link);
    link.click();
    link.remove();
    win.setTimeout(() => win.URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
}
