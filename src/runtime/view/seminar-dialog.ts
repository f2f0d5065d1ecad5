// "Seminar og referat": everything about the seminar that is not needed every minute, in one dialog — its
// details (council, date, place), the other seminars of this deck, a new seminar, a rehearsal, the record
// and the times to download, a record file to read back in, what the projector shows, starting the times
// over.
import { readRecordFile } from '../../record/files.js';
import { button, h } from '../kit/dom.js';
import { formatDate } from '../kit/format.js';
import { localDay } from '../seminar/plan.js';
import type { Plan } from '../seminar/plan.js';
import type { Command, Snapshot } from '../protocol.js';
import type { StorageProblem } from '../storage/seminar-store.js';
import type { Strings } from '../strings/index.js';
import { type ExportKind, downloadExport } from './exports.js';

/** A record larger than this cannot be kept in a browser's storage (about 5 MB per origin): refused at once. */
const MAX_IMPORT_BYTES = 4 * 1024 * 1024;
/** A deck that does not answer an import within this time has not stored it. */
const IMPORT_WAIT_MS = 8000;

type DetailField = 'municipality' | 'date' | 'place';

export class SeminarDialog {
  readonly element: HTMLDialogElement;
  private readonly details: Record<DetailField, HTMLInputElement>;
  private readonly list: HTMLSelectElement;
  private readonly newArea: HTMLElement;
  private readonly rehearsalArea: HTMLElement;
  private readonly message: HTMLElement;
  private readonly messageText: HTMLElement;
  private readonly file: HTMLInputElement;
  private readonly deckTimer: HTMLInputElement;
  private readonly showAgreements: HTMLInputElement;
  private readonly sound: HTMLInputElement;
  private readonly resetArea: HTMLElement;
  private snapshot: Snapshot | undefined;
  private listSignature = '';
  private readonly waiting = new Map<string, (ok: boolean, problem?: StorageProblem, beside?: boolean) => void>();

  constructor(
    private readonly doc: Document,
    private readonly plan: Plan,
    private readonly strings: Strings,
    private readonly send: (command: Command) => boolean,
  ) {
    const input = (field: DetailField, label: string, type = 'text', placeholder = '') => {
      const element = h(doc, 'input', { id: `fv-seminar-${field}`, type, placeholder: placeholder || undefined, 'data-action': `seminar-${field}` });
      element.addEventListener('change', () => this.send({ kind: 'event', event: { type: 'details', patch: { [field]: element.value } } }));
      return [h(doc, 'label', { for: `fv-seminar-${field}` }, label), element] as const;
    };
    const [councilLabel, council] = input('municipality', strings.council, 'text', strings.councilPlaceholder);
    const [dateLabel, date] = input('date', strings.date, 'date');
    const [placeLabel, place] = input('place', strings.place);
    this.details = { municipality: council, date, place };
    this.list = h(doc, 'select', { id: 'fv-seminars', class: 'fv-seminar-select', 'data-action': 'seminars' });
    this.newArea = h(doc, 'div', { class: 'fv-new-seminar' });
    this.rehearsalArea = h(doc, 'div', { class: 'fv-rehearsal-actions' });
    this.messageText = h(doc, 'span');
    this.message = h(doc, 'p', { class: 'fv-message', role: 'status', hidden: true }, this.messageText);
    this.file = h(doc, 'input', { type: 'file', id: 'fv-import', class: 'fv-file', accept: '.md,.markdown,.json,.txt,text/markdown,application/json,text/plain', 'data-action': 'import' });
    this.file.addEventListener('change', () => void this.importFile());
    const check = (id: string, label: string, onChange: (checked: boolean) => void) => {
      const box = h(doc, 'input', { type: 'checkbox', id });
      box.addEventListener('change', () => onChange(box.checked));
      return [box, h(doc, 'label', { class: 'fv-check', for: id }, box, ` ${label}`)] as const;
    };
    const [deckTimer, deckTimerLabel] = check('fv-pref-deck-timer', strings.deckTimer, (on) => this.send({ kind: 'prefs', prefs: { deckTimer: on } }));
    const [showAgreements, showAgreementsLabel] = check('fv-pref-show', strings.showAgreementsPref, (on) => this.send({ kind: 'prefs', prefs: { showAgreements: on } }));
    const [sound, soundLabel] = check('fv-pref-sound', strings.sound, (on) => this.send({ kind: 'prefs', prefs: { sound: on } }));
    this.deckTimer = deckTimer;
    this.showAgreements = showAgreements;
    this.sound = sound;
    this.resetArea = h(doc, 'div', { class: 'fv-reset' });
    const exportButton = (label: string, kind: ExportKind) => button(doc, label, () => this.download(kind), { class: 'fv-button', 'data-action': `export-${kind}` });

    this.element = h(
      doc,
      'dialog',
      { class: 'fv-dialog', 'aria-labelledby': 'fv-dialog-heading' },
      h(
        doc,
        'div',
        { class: 'fv-dialog-head' },
        h(doc, 'h2', { id: 'fv-dialog-heading' }, strings.seminarHeading),
        button(doc, strings.close, () => this.element.close(), { class: 'fv-button', 'data-action': 'close-dialog' }),
      ),
      this.message,
      h(doc, 'div', { class: 'fv-meta' }, councilLabel, council, dateLabel, date, placeLabel, place),
      h(doc, 'label', { class: 'fv-field-label', for: 'fv-seminars' }, strings.seminars),
      h(doc, 'div', { class: 'fv-seminar-pick' }, this.list, button(doc, strings.openSeminar, () => this.send({ kind: 'open-seminar', id: this.list.value }), { class: 'fv-button', 'data-action': 'open-seminar' })),
      this.newArea,
      this.rehearsalArea,
      h(doc, 'h3', {}, strings.recordHeading),
      h(
        doc,
        'div',
        { class: 'fv-export' },
        exportButton(strings.exportMarkdown, 'record-md'),
        exportButton(strings.exportRecordJson, 'record-json'),
        h(doc, 'label', { class: 'fv-button fv-import', for: 'fv-import' }, strings.importFile),
        this.file,
      ),
      h(doc, 'h3', {}, strings.timesHeading),
      h(doc, 'div', { class: 'fv-export' }, exportButton(strings.exportCsv, 'times-csv'), exportButton(strings.exportTimesJson, 'times-json')),
      h(doc, 'h3', {}, strings.screenHeading),
      deckTimerLabel,
      showAgreementsLabel,
      h(doc, 'div', { class: 'fv-sound' }, soundLabel, button(doc, strings.testSound, () => this.send({ kind: 'test-sound' }), { class: 'fv-link-button', 'data-action': 'test-sound' })),
      this.resetArea,
    );
    this.showNewButton();
    this.showReset();
  }

  open(): void {
    if (!this.element.open) this.element.showModal();
  }

  /** The record as Markdown, now (from the storage banner: the browser refuses to store). */
  downloadRecord(): void {
    this.download('record-md');
  }

  render(snapshot: Snapshot): void {
    this.snapshot = snapshot;
    const { strings } = this;
    const active = this.doc.activeElement;
    const details = snapshot.seminar.details;
    for (const [field, input] of Object.entries(this.details) as [DetailField, HTMLInputElement][]) {
      const value = details[field] ?? '';
      if (active !== input && input.value !== value) input.value = value;
    }
    const signature = JSON.stringify([snapshot.seminar.id, snapshot.seminars.map((s) => [s.id, s.rehearsal, s.agreements, s.details])]);
    if (signature !== this.listSignature) {
      this.listSignature = signature;
      const options = [...snapshot.seminars].reverse().map((s) => {
        const marks = [s.id === snapshot.seminar.id ? strings.running : '', s.rehearsal ? strings.rehearsalMark : '', s.agreements === 0 ? strings.empty : ''].filter(Boolean);
        const label = [formatDate(s.details.date, strings.language), s.details.municipality].filter(Boolean).join(' · ');
        return h(this.doc, 'option', { value: s.id }, strings.seminarLabel(label, marks));
      });
      this.list.replaceChildren(...options);
      this.list.value = snapshot.seminar.id;
      this.renderRehearsal(snapshot);
    }
    if (this.deckTimer.checked !== snapshot.prefs.deckTimer) this.deckTimer.checked = snapshot.prefs.deckTimer;
    if (this.showAgreements.checked !== snapshot.prefs.showAgreements) this.showAgreements.checked = snapshot.prefs.showAgreements;
    if (this.sound.checked !== snapshot.prefs.sound) this.sound.checked = snapshot.prefs.sound;
  }

  /** The deck's answer to a command that can fail (an import). */
  reply(request: string, ok: boolean, problem?: StorageProblem, beside?: boolean): void {
    this.waiting.get(request)?.(ok, problem, beside);
    this.waiting.delete(request);
  }

  private renderRehearsal(snapshot: Snapshot): void {
    const { doc, strings } = this;
    this.rehearsalArea.replaceChildren(
      snapshot.seminar.rehearsal
        ? button(doc, strings.rehearsalClear, () => this.send({ kind: 'rehearsal', to: 'clear' }), { class: 'fv-button', 'data-action': 'clear-rehearsal-dialog' })
        : button(doc, strings.rehearsalBegin, () => this.send({ kind: 'rehearsal', to: 'start' }), { class: 'fv-button', 'data-action': 'start-rehearsal' }),
    );
  }

  private download(kind: ExportKind): void {
    if (this.snapshot) downloadExport(this.doc, this.plan, this.snapshot, this.strings, kind);
  }

  private say(text: string, undo?: () => void): void {
    this.messageText.textContent = text;
    this.message.querySelector('button')?.remove();
    if (undo) this.message.append(' ', button(this.doc, this.strings.undoImport, undo, { class: 'fv-button fv-small-button', 'data-action': 'undo-import' }));
    this.message.hidden = false;
  }

  private showNewButton(): void {
    this.newArea.replaceChildren(button(this.doc, this.strings.newSeminar, () => this.askNew(), { class: 'fv-button', 'data-action': 'new-seminar' }));
  }

  /** "Nyt seminar": one click asks (with the new seminar's council, date and place), a second starts it. */
  private askNew(): void {
    const { doc, strings, plan } = this;
    const field = (id: DetailField, label: string, value: string, type = 'text') => {
      const element = h(doc, 'input', { id: `fv-new-${id}`, type, value, 'data-action': `new-${id}` });
      return [h(doc, 'label', { for: `fv-new-${id}` }, label), element] as const;
    };
    const today = localDay(this.snapshot?.now ?? Date.now());
    const [councilLabel, council] = field('municipality', strings.council, plan.municipality ?? '');
    const [dateLabel, date] = field('date', strings.date, today, 'date');
    const [placeLabel, place] = field('place', strings.place, plan.place ?? '');
    this.newArea.replaceChildren(
      h(doc, 'p', { class: 'fv-warning' }, strings.newSeminarQuestion),
      h(doc, 'div', { class: 'fv-meta' }, councilLabel, council, dateLabel, date, placeLabel, place),
      h(
        doc,
        'div',
        { class: 'fv-buttons' },
        button(doc, strings.newSeminarConfirm, () => {
          this.send({ kind: 'new-seminar', details: { municipality: council.value, date: date.value, place: place.value } });
          this.showNewButton();
        }, { class: 'fv-button fv-primary', 'data-action': 'new-confirm' }),
        button(doc, strings.cancel, () => this.showNewButton(), { class: 'fv-button', 'data-action': 'new-cancel' }),
      ),
    );
    council.focus();
  }

  private showReset(): void {
    this.resetArea.replaceChildren(button(this.doc, this.strings.resetTimes, () => this.askReset(), { class: 'fv-button fv-quiet', 'data-action': 'reset' }));
  }

  private askReset(): void {
    const { doc, strings } = this;
    const cancel = button(doc, strings.cancel, () => this.showReset(), { class: 'fv-button', 'data-action': 'reset-cancel' });
    this.resetArea.replaceChildren(
      h(doc, 'p', { class: 'fv-warning' }, strings.resetQuestion),
      button(doc, strings.resetConfirm, () => {
        this.send({ kind: 'event', event: { type: 'reset-times' } });
        this.showReset();
      }, { class: 'fv-button fv-danger', 'data-action': 'reset-confirm' }),
      ' ',
      cancel,
    );
    cancel.focus();
  }

  /** Reads a record file; it is reported as read in only once the deck has stored it. */
  private async importFile(): Promise<void> {
    const file = this.file.files?.[0];
    this.file.value = '';
    if (!file) return;
    const { strings } = this;
    if (file.size > MAX_IMPORT_BYTES) {
      this.say(strings.importTooLarge((file.size / 1024 / 1024).toLocaleString(strings.language === 'en' ? 'en-GB' : 'da-DK', { maximumFractionDigits: 1 })));
      return;
    }
    let record;
    try {
      record = readRecordFile(await file.text()).record;
    } catch (error) {
      const line = (error as { line?: number }).line;
      this.say(strings.importFailed(`${(error as Error).message}${line && line > 1 ? ` (${line})` : ''}`));
      return;
    }
    if (record.deck !== this.plan.deckId) {
      this.say(strings.importFailed(strings.wrongDeck(record.deck)));
      return;
    }
    this.say(strings.importing);
    const request = `import-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
    const outcome = new Promise<{ ok: boolean; problem?: StorageProblem; beside?: boolean }>((resolve) => {
      const win = this.doc.defaultView ?? window;
      const timer = win.setTimeout(() => resolve({ ok: false }), IMPORT_WAIT_MS);
      this.waiting.set(request, (ok, problem, beside) => {
        win.clearTimeout(timer);
        resolve({ ok, ...(problem ? { problem } : {}), ...(beside ? { beside } : {}) });
      });
    });
    if (!this.send({ kind: 'import', record, request })) {
      this.waiting.delete(request);
      this.say(strings.disconnected);
      return;
    }
    const { ok, beside } = await outcome;
    const label = [formatDate(record.date ?? record.seminar.slice(0, 10), strings.language), record.municipality].filter(Boolean).join(' · ');
    if (ok && beside) this.say(strings.importedBeside(label));
    else if (ok) this.say(strings.imported(label), () => {
      this.send({ kind: 'event', event: { type: 'undo-import' } });
      this.say(strings.undone);
    });
    else this.say(strings.importNotStored);
  }
}
