// The lines under the view's top bar that need the facilitator now: the connection, a card shown before
// the start, a rehearsal, storage the browser refuses, a sleep the clock counted.
import { button, h, setText } from '../kit/dom.js';
import { formatDate, wholeMinutes } from '../kit/format.js';
import type { Plan } from '../seminar/plan.js';
import type { Command, Snapshot } from '../protocol.js';
import type { StorageProblem } from '../storage/seminar-store.js';
import type { Strings } from '../strings/index.js';
import type { ConnectionState } from './connection.js';

export class Banners {
  readonly element: HTMLElement;
  private readonly connection: HTMLElement;
  private readonly start: HTMLElement;
  private readonly startText: HTMLElement;
  private readonly startButton: HTMLButtonElement;
  private readonly rehearsal: HTMLElement;
  private readonly rehearsalText: HTMLElement;
  private readonly rehearsalLeave: HTMLButtonElement;
  private readonly storage: HTMLElement;
  private readonly storageText: HTMLElement;
  private readonly gap: HTMLElement;
  private readonly gapText: HTMLElement;
  private deckProblem: StorageProblem | undefined;
  private viewProblem: StorageProblem | undefined;

  constructor(
    doc: Document,
    private readonly plan: Plan,
    private readonly strings: Strings,
    send: (command: Command) => void,
    download: () => void,
  ) {
    this.connection = h(doc, 'p', { class: 'fv-banner fv-banner-connection', role: 'status' }, strings.connecting);
    this.startText = h(doc, 'span');
    this.startButton = button(doc, strings.startSeminar, () => send({ kind: 'event', event: { type: 'start' } }), { class: 'fv-button fv-primary fv-small-button', 'data-action': 'start-seminar-prompt' });
    this.start = h(doc, 'p', { class: 'fv-banner fv-banner-start', role: 'status', hidden: true }, this.startText, ' ', this.startButton);
    this.rehearsalText = h(doc, 'span');
    this.rehearsalLeave = button(doc, strings.rehearsalLeave, () => send({ kind: 'rehearsal', to: 'leave' }), { class: 'fv-button fv-small-button', 'data-action': 'leave-rehearsal' });
    this.rehearsal = h(
      doc,
      'p',
      { class: 'fv-banner fv-banner-rehearsal', hidden: true },
      this.rehearsalText,
      ' ',
      button(doc, strings.rehearsalClear, () => send({ kind: 'rehearsal', to: 'clear' }), { class: 'fv-button fv-small-button', 'data-action': 'clear-rehearsal' }),
      ' ',
      this.rehearsalLeave,
    );
    this.storageText = h(doc, 'span');
    this.storage = h(
      doc,
      'p',
      { class: 'fv-banner fv-banner-storage', role: 'alert', hidden: true },
      this.storageText,
      ' ',
      button(doc, strings.downloadNow, download, { class: 'fv-button fv-primary fv-small-button', 'data-action': 'download-now' }),
    );
    this.gapText = h(doc, 'span');
    this.gap = h(
      doc,
      'p',
      { class: 'fv-banner fv-banner-gap', role: 'status', hidden: true },
      this.gapText,
      ' ',
      button(doc, strings.dismiss, () => send({ kind: 'event', event: { type: 'dismiss-gap' } }), { class: 'fv-button fv-small-button', 'data-action': 'dismiss-gap' }),
    );
    this.element = h(doc, 'div', { class: 'fv-banners' }, this.connection, this.storage, this.start, this.rehearsal, this.gap);
  }

  setConnection(state: ConnectionState): void {
    const { strings } = this;
    setText(this.connection, state === 'connected' ? '' : state === 'connecting' ? strings.connecting : state === 'lost' ? strings.disconnected : strings.noOpener);
    this.connection.hidden = state === 'connected';
  }

  /** The view's own storage refused a keystroke (or works again). */
  setViewProblem(problem: StorageProblem | undefined): void {
    this.viewProblem = problem;
    this.renderStorage();
  }

  render(snapshot: Snapshot): void {
    const { strings, plan } = this;
    const lang = strings.language;
    const card = plan.items.find((item) => item.kind === 'card' && item.id === snapshot.unstartedCard);
    this.start.hidden = card === undefined;
    if (card?.kind === 'card') {
      setText(this.startText, strings.startPrompt(card.themeNumber === undefined ? `»${card.title}«` : strings.themeOf(card.themeNumber, plan.themeCount).toLowerCase()));
      setText(this.startButton, snapshot.seminar.rehearsal || snapshot.seminarDay !== undefined ? strings.startRehearsal : strings.startSeminar);
    }
    const rehearsal = snapshot.seminar.rehearsal;
    this.rehearsal.hidden = !rehearsal;
    if (rehearsal) {
      setText(this.rehearsalText, snapshot.seminarDay ? strings.rehearsalBefore(formatDate(snapshot.seminarDay, lang)) : strings.rehearsalToday);
      // The day before, there is no seminar to go to yet.
      this.rehearsalLeave.hidden = snapshot.seminarDay !== undefined;
    }
    this.deckProblem = snapshot.storageProblem;
    this.renderStorage();
    const gap = snapshot.gap;
    this.gap.hidden = gap === undefined;
    if (gap) {
      const item = plan.items.find((i) => i.id === gap.cardId);
      const where = strings.gapWhere(item?.kind === 'card' ? item.title : gap.cardId, item?.kind === 'card' ? item.themeNumber : undefined);
      const minutes = Math.max(1, wholeMinutes((gap.to - gap.from) / 1000));
      setText(this.gapText, gap.kind === 'sleep' ? strings.gapSleep(minutes, where) : strings.gapClosed(minutes, where));
    }
  }

  private renderStorage(): void {
    const problem = this.viewProblem ?? this.deckProblem;
    this.storage.hidden = problem === undefined;
    if (problem) setText(this.storageText, problem === 'quota' ? this.strings.storageQuota : this.strings.storageUnavailable);
  }
}
