// What the council agreed, in the facilitator view: a panel under the notes, and a seminar panel in the side column.
//
// The panel under the notes holds two fields for the card the deck shows: what the council agreed,
// and who follows up by when. Every `input` event writes the card's field to localStorage before
// anything else happens (store.ts), so a reload, a crash or a closed window loses no keystroke.
// On the card's action slide the panel takes most of the column (the notes keep the rest). When
// the deck moves on while the facilitator is still typing, the fields stay on the card being
// written in and say so; they follow the deck again once the typing is done.
//
// The seminar panel names the active seminar (council, date, place: editable), lists the deck's
// other seminars to switch to, starts a new one (after a question; it also resets the deck's
// timers, so the new seminar's minutes start from zero), downloads the record as Markdown and JSON,
// and imports such a file again (its text wins for the seminar it names; the import can be undone).
//
// Minutes: the seminar that owns the deck's timers (`clock` in the index: the newest one started)
// gets each card's planned and actual minutes from the deck's snapshots, bound to the timing state
// by its `createdAt`; an older seminar opened to correct it keeps the minutes it had.
//
// The second copy (store.ts, channel.ts): before it shows or creates anything, the view merges the
// deck window's copy into its own (waiting at most OPEN_WAIT_MS for it); every write goes to the deck
// as well; every PULL_EVERY_MS it merges the deck's copy again, and sends everything to a deck that
// was reloaded. If the view finds its own storage empty while the deck's is not, the browser gave
// this window a throw-away storage area: the panel says so (the deck's copy keeps the text safe).
import { type SeminarRecord, recordToMarkdown } from '../../record/record.js';
import { readRecordFile, recordFileName, recordToJson } from '../../record/files.js';
import { now } from '../facilitator/clock.js';
import { button, h, injectStyle, setAttr, setText } from '../facilitator/dom.js';
import type { Command, DeckMessage, SessionSnapshot } from '../facilitator/protocol.js';
import { decimalMinutes, formatClock } from '../timing/format.js';
import { type RecordCard, type RecordDeck, recordDeck } from './cards.js';
import { PULL_EVERY_MS, isRecordDeckMessage, post, recordEnvelope } from './channel.js';
import { type FieldName, type RecordIndex, RecordStore, indexKey, isEmptyRecord, localDay } from './store.js';
import { type RecordStrings, recordStrings, seminarLabel } from './strings.js';
import css from './view.css?inline';

/** Long enough for any browser to start the download before the URL is revoked. */
const REVOKE_AFTER_MS = 60_000;
/** A reset for a new seminar that the deck has not applied after this long is sent again. */
const RESET_RETRY_MS = 5000;
/** How long the view waits for the deck's copy before it opens the record on its own copy alone. */
const OPEN_WAIT_MS = 1500;

export interface RecordViewOptions {
  /** The parsed `#samtale-deck`. */
  model: unknown;
  /** The view's copy of the deck's slides (their `data-card` and `data-slide-kind`). */
  sections: readonly HTMLElement[];
  /** Sends a command to the deck (used for one thing: resetting the timers for a new seminar). */
  send(command: Command): void;
}

export interface RecordView {
  /** Every update from the deck: where it stands, and the timers. */
  update(message: DeckMessage): void;
}

/**
 * Adds the record to a facilitator view already in `doc`: the panel under the notes (`.fv-notes`),
 * the seminar panel at the end of the side column (`.fv-side`).
 */
export function mountRecordView(doc: Document, win: Window, options: RecordViewOptions): RecordView {
  injectStyle(doc, 'samtale-record-view-style', css);
  const controller = new RecordController(doc, win, recordDeck(options.model), options);
  const notes = doc.querySelector('.fv-notes');
  if (notes?.parentElement) {
    // The notes and the record share the middle column.
    const middle = h(doc, 'div', { class: 'rv-middle' });
    notes.replaceWith(middle);
    middle.append(notes, controller.panel.element);
  } else {
    (doc.querySelector('.fv-main') ?? doc.body).append(controller.panel.element);
  }
  (doc.querySelector('.fv-side') ?? doc.body).append(controller.seminar.element);
  controller.start();
  return controller;
}

class RecordController implements RecordView {
  readonly store: RecordStore;
  readonly strings: RecordStrings;
  readonly panel: AgreementPanel;
  readonly seminar: SeminarPanel;
  // Set once the record is open (after the deck's copy was merged, or the wait ran out).
  record!: SeminarRecord;
  index!: RecordIndex;
  ready = false;
  /** The browser gave this window an empty storage area while the deck's holds the records. */
  throwaway = false;
  private deckPage: string | undefined;
  private snapshot: SessionSnapshot | undefined;
  /** The card the deck shows (the last one, on slides without a card). */
  private deckCard: string | undefined;
  private deckSlideKind: string | undefined;
  /** Whether the fields follow the deck (false after choosing a card by hand, until the deck changes card). */
  private following = true;
  private resetSentFor: number | undefined;
  private resetSentAt = Number.NEGATIVE_INFINITY;

  constructor(
    readonly doc: Document,
    readonly win: Window,
    readonly deck: RecordDeck,
    private readonly options: RecordViewOptions,
  ) {
    this.strings = recordStrings(deck.language);
    this.store = new RecordStore(win, deck.id);
    this.panel = new AgreementPanel(this);
    this.seminar = new SeminarPanel(this);
  }

  /** Asks the deck for its copy and opens the record when it has come (or after OPEN_WAIT_MS). */
  start(): void {
    const { win } = this;
    const localIndex = this.store.index() !== undefined;
    win.addEventListener('message', (event) => {
      // Only the deck that opened this window; never judged by origin (it is "null" on file://).
      if (event.source === null || event.source !== win.opener || !isRecordDeckMessage(event.data, this.deck.id)) return;
      const { entries, page } = event.data;
      if (!this.ready) {
        this.store.merge(entries);
        this.throwaway = !localIndex && indexKey(this.deck.id) in entries;
        this.deckPage = page;
        this.open();
        return;
      }
      const changed = this.store.merge(entries);
      if (changed.length > 0) this.onStorage(changed[0]!);
      // A reloaded deck (possibly with an empty storage area of its own) gets everything this window has.
      if (page !== this.deckPage) {
        this.deckPage = page;
        this.sendToDeck(this.store.entries());
      }
    });
    const pull = () => post(win.opener as Window | null, { ...recordEnvelope(this.deck.id), type: 'pull' });
    if (!pull()) this.open();
    else win.setTimeout(() => this.open(), OPEN_WAIT_MS);
    win.setInterval(() => {
      if (this.ready) pull();
    }, PULL_EVERY_MS);
    this.store.watch((key) => this.onStorage(key));
    // A last write of what the fields hold, for the unlikely input event that never ran.
    win.addEventListener('pagehide', () => this.panel.flush());
  }

  /** Opens the active seminar (or starts one) and shows it; from now on every write also goes to the deck. */
  private open(): void {
    if (this.ready) return;
    const opened = this.store.open(this.defaults(), now(this.win));
    this.record = opened.record;
    this.index = opened.index;
    this.ready = true;
    this.store.onWrite = (key, value) => this.sendToDeck({ [key]: value });
    // The deck's copy gets what this window has (and what open() just wrote).
    this.sendToDeck(this.store.entries());
    this.panel.element.dataset['ready'] = 'true';
    this.seminar.element.hidden = false;
    if (opened.started === 'stale' && opened.previous) this.seminar.say(this.strings.staleStarted(seminarLabel(opened.previous, this.deck.language)));
    this.render();
    this.sync();
    if (this.snapshot) this.takeMinutes(this.snapshot);
  }

  private sendToDeck(entries: Record<string, string | null>): void {
    post(this.win.opener as Window | null, { ...recordEnvelope(this.deck.id), type: 'put', entries });
  }

  defaults(): { title: string; municipality?: string; place?: string } {
    // The deck's council and place (an adaptation names them); the base deck leaves them to the facilitator.
    const defaults: { title: string; municipality?: string; place?: string } = { title: this.deck.title };
    if (this.deck.municipality) defaults.municipality = this.deck.municipality;
    if (this.deck.place) defaults.place = this.deck.place;
    return defaults;
  }

  card(id: string | undefined): RecordCard | undefined {
    return this.deck.cards.find((c) => c.id === id);
  }

  update(message: DeckMessage): void {
    this.snapshot = message.snapshot;
    const section = this.options.sections[message.slide.h];
    const cardId = section?.dataset['card'];
    this.deckSlideKind = section?.dataset['slideKind'];
    if (cardId !== undefined && cardId !== this.deckCard) {
      this.deckCard = cardId;
      this.following = true;
    }
    if (!this.ready) return;
    this.sync();
    this.takeMinutes(message.snapshot);
    this.panel.renderState();
  }

  /** Shows the deck's card in the fields, unless the facilitator is typing in another or chose one by hand. */
  sync(): void {
    if (!this.ready) return;
    if (this.following && this.deckCard !== undefined && this.deckCard !== this.panel.cardId && !this.panel.editing()) this.panel.show(this.deckCard);
    this.panel.renderState();
  }

  /** The deck shows the action slide of the card in the fields. */
  get onActionSlide(): boolean {
    return this.deckSlideKind === 'action' && this.deckCard !== undefined && this.deckCard === this.panel.cardId;
  }

  /** The deck moved on while the facilitator types in another card's fields. */
  get pinnedAway(): boolean {
    return this.following && this.deckCard !== undefined && this.deckCard !== this.panel.cardId;
  }

  chooseCard(cardId: string): void {
    this.following = cardId === this.deckCard;
    this.panel.show(cardId);
    this.panel.renderState();
  }

  followDeck(): void {
    this.following = true;
    if (this.deckCard !== undefined) this.panel.show(this.deckCard);
    this.panel.renderState();
  }

  /** One keystroke into the store, synchronously; then the status line. */
  write(cardId: string, field: FieldName, value: string): void {
    const { record, saved } = this.store.setField(this.record, cardId, field, value, new Date(now(this.win)));
    this.record = record;
    this.panel.saved(saved);
  }

  writeMeta(patch: Partial<Pick<SeminarRecord, 'municipality' | 'date' | 'place'>>): void {
    const { record, saved } = this.store.setMeta(this.record, patch);
    this.record = record;
    this.panel.saved(saved);
    this.panel.renderSeminar();
    this.seminar.renderList();
  }

  setShow(show: boolean): void {
    this.index = this.store.setShow(show) ?? { ...this.index, show };
    this.panel.renderState();
  }

  switchTo(seminar: string): void {
    this.panel.flush();
    const index = this.store.switchTo(seminar);
    const record = this.store.load(seminar);
    if (!index || !record) return;
    this.index = index;
    this.record = record;
    this.render();
  }

  /** Starts a new seminar: kept beside the others, given the timers (which the deck resets). */
  newSeminar(details: { municipality?: string; date?: string; place?: string }): void {
    this.panel.flush();
    const current = this.snapshot?.state.createdAt;
    const { record, index } = this.store.newSeminar({ ...this.defaults(), ...details }, now(this.win));
    // The previous seminar's timing state is retired: the new one never takes its minutes.
    const retired = current ?? this.index.timing;
    if (retired !== undefined) index.retiredTiming = retired;
    else index.resetPending = true;
    this.store.saveIndex(index);
    this.record = record;
    this.index = index;
    if (current !== undefined) this.resetTimers(current);
    this.render();
    this.seminar.say(this.strings.started(seminarLabel(record, this.deck.language)));
  }

  /** Asks the deck to start its timers over, for a new seminar (the timing state `retired` is the old one's). */
  private resetTimers(retired: number): void {
    this.resetSentFor = retired;
    this.resetSentAt = performance.now();
    this.options.send({ kind: 'reset' });
  }

  /** The deck's timers into the seminar that owns them. */
  private takeMinutes(snapshot: SessionSnapshot): void {
    const index = this.store.index();
    if (!index?.clock || !snapshot.state || typeof snapshot.state.createdAt !== 'number') return;
    const timing = snapshot.state.createdAt;
    if (index.resetPending) {
      // "Nyt seminar" was chosen while the deck was away: reset its timers now.
      delete index.resetPending;
      index.retiredTiming = timing;
      this.store.saveIndex(index);
    }
    if (timing === index.retiredTiming) {
      // Asked once; again if the deck still has the old times after a while (it was reloading, say).
      if (this.resetSentFor !== timing || performance.now() - this.resetSentAt > RESET_RETRY_MS) this.resetTimers(timing);
      return;
    }
    if (index.timing !== timing) {
      index.timing = timing;
      this.store.saveIndex(index);
    }
    this.index = index;
    const minutes = new Map<string, { planned: number; actual: number }>();
    for (const row of snapshot.projection.rows) {
      if (row.kind === 'card') minutes.set(row.id, { planned: row.plannedSeconds / 60, actual: decimalMinutes(row.actualSeconds) });
    }
    const updated = this.store.setMinutes(index.clock, minutes);
    if (updated && updated.seminar === this.record.seminar) this.record = updated;
  }

  /** Another window changed the index or a record (a second view, an import elsewhere). */
  private onStorage(key: string): void {
    if (!this.ready) return;
    const index = this.store.index();
    if (index && index.active !== this.record.seminar) {
      const record = this.store.load(index.active);
      if (record) {
        this.index = index;
        this.record = record;
        this.render();
        return;
      }
    }
    if (index) this.index = index;
    if (key.endsWith(`:${this.record.seminar}`)) {
      const record = this.store.load(this.record.seminar);
      if (record) {
        this.record = record;
        this.panel.refresh();
      }
    }
    this.panel.renderState();
    this.seminar.render();
  }

  render(): void {
    this.panel.refresh(true);
    this.panel.renderSeminar();
    this.panel.renderState();
    this.seminar.render();
  }

  // ------------------------------------------------------------ files

  exportText(format: 'md' | 'json'): { text: string; name: string; type: string } {
    // The newest minutes first, when this is the seminar the timers belong to.
    if (this.snapshot) this.takeMinutes(this.snapshot);
    const record = this.store.load(this.record.seminar) ?? this.record;
    const language = this.deck.language;
    const text = format === 'md' ? recordToMarkdown(record, this.deck.cards, language) : recordToJson(record, this.deck.cards, language);
    return {
      text,
      name: recordFileName(this.deck.id, record.seminar, language, format),
      type: format === 'md' ? 'text/markdown;charset=utf-8' : 'application/json',
    };
  }

  download(format: 'md' | 'json'): void {
    const { text, name, type } = this.exportText(format);
    const url = URL.createObjectURL(new Blob([text], { type }));
    const link = h(this.doc, 'a', { href: url, download: name, hidden: true });
    this.doc.body.append(link);
    link.click();
    link.remove();
    this.win.setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }

  /** Reads an exported file back in. Returns what to tell the facilitator, and whether it can be undone. */
  importText(text: string): { message: string; undo?: string } {
    this.panel.flush();
    let file;
    try {
      file = readRecordFile(text);
    } catch (error) {
      const line = (error as { line?: number }).line;
      return { message: this.strings.importFailed(`${(error as Error).message}${line && line > 1 ? ` (${line})` : ''}`) };
    }
    if (file.record.deck !== this.deck.id) return { message: this.strings.importFailed(this.strings.wrongDeck(file.record.deck)) };
    const { record, index, merged } = this.store.importRecord(file.record);
    this.record = record;
    this.index = index;
    this.render();
    const message = this.strings.imported(seminarLabel(record, this.deck.language), merged);
    return merged ? { message, undo: record.seminar } : { message };
  }

  undoImport(seminar: string): string {
    const record = this.store.undoImport(seminar);
    if (record && record.seminar === this.record.seminar) {
      this.record = record;
      this.render();
    }
    return this.strings.undone;
  }
}

// ------------------------------------------------------------ the panel under the notes

class AgreementPanel {
  readonly element: HTMLElement;
  cardId: string | undefined;
  private readonly select: HTMLSelectElement;
  private readonly showBox: HTMLInputElement;
  private readonly seminarLine: HTMLButtonElement;
  private readonly olderNotice: HTMLElement;
  private readonly throwawayNotice: HTMLElement;
  private readonly pinnedNotice: HTMLElement;
  private readonly pinnedText: HTMLElement;
  private readonly hint: HTMLElement;
  private readonly fields: HTMLElement;
  private readonly question: HTMLElement;
  private readonly questionText: HTMLElement;
  private readonly agreed: HTMLTextAreaElement;
  private readonly followUp: HTMLTextAreaElement;
  private readonly status: HTMLElement;
  private readonly screen: HTMLElement;
  private savedOk = true;

  constructor(private readonly c: RecordController) {
    const { doc, strings, deck } = c;
    const total = deck.cards.filter((card) => card.themeNumber !== undefined).length;
    this.select = h(
      doc,
      'select',
      { class: 'rv-card-select', 'aria-label': strings.chooseCard, 'data-record': 'card-select' },
      h(doc, 'option', { value: '', disabled: true }, `${strings.chooseCard} …`),
      ...deck.cards.map((card) => h(doc, 'option', { value: card.id }, card.themeNumber === undefined ? card.title : `${strings.themeOf(card.themeNumber, total)} · ${card.title}`)),
    );
    this.select.value = '';
    this.select.addEventListener('change', () => {
      if (this.select.value) c.chooseCard(this.select.value);
    });
    this.showBox = h(doc, 'input', { type: 'checkbox', 'data-record': 'show' });
    this.showBox.addEventListener('change', () => c.setShow(this.showBox.checked));
    this.seminarLine = button(doc, '', () => c.seminar.focus(), { class: 'fv-link-button rv-seminar-name', title: strings.change, 'data-record': 'change-seminar' });
    this.olderNotice = h(doc, 'p', { class: 'rv-notice rv-notice-older', hidden: true, role: 'status' });
    this.throwawayNotice = h(doc, 'p', { class: 'rv-notice rv-notice-throwaway', hidden: true, role: 'alert' }, strings.throwaway);
    this.pinnedText = h(doc, 'span');
    this.pinnedNotice = h(
      doc,
      'p',
      { class: 'rv-notice rv-notice-pinned', hidden: true, role: 'status' },
      this.pinnedText,
      ' ',
      button(doc, strings.follow, () => c.followDeck(), { class: 'fv-button fv-small-button', 'data-record': 'follow' }),
    );
    this.hint = h(doc, 'p', { class: 'fv-hint rv-hint' }, strings.noCardYet);

    this.questionText = h(doc, 'span', { class: 'rv-question-text' });
    this.question = h(doc, 'p', { class: 'rv-question' }, h(doc, 'span', { class: 'rv-question-label' }, strings.action), ' ', this.questionText);
    this.agreed = this.textarea('agreed', strings.agreedPlaceholder, 2);
    this.followUp = this.textarea('followUp', strings.followUpPlaceholder, 1);
    this.status = h(doc, 'span', { class: 'rv-saved', 'aria-live': 'polite' });
    this.screen = h(doc, 'span', { class: 'rv-screen' });
    this.fields = h(
      doc,
      'div',
      { class: 'rv-fields', hidden: true },
      this.question,
      h(doc, 'label', { class: 'rv-label', for: 'rv-agreed' }, strings.agreedLabel),
      this.agreed,
      h(doc, 'label', { class: 'rv-label', for: 'rv-followUp' }, strings.followUpLabel),
      this.followUp,
    );

    this.element = h(
      doc,
      'section',
      { class: 'rv-panel', 'aria-labelledby': 'rv-heading', 'data-prominent': 'false', 'data-ready': 'false' },
      h(doc, 'div', { class: 'rv-head' }, h(doc, 'h2', { id: 'rv-heading' }, strings.heading), this.select),
      this.throwawayNotice,
      this.olderNotice,
      this.pinnedNotice,
      this.hint,
      this.fields,
      h(
        doc,
        'div',
        { class: 'rv-foot' },
        h(doc, 'label', { class: 'fv-check rv-show', title: strings.showHint }, this.showBox, ` ${strings.show}`),
        this.screen,
        h(doc, 'span', { class: 'rv-foot-end' }, this.status, this.seminarLine),
      ),
    );
    // Typing done (focus left the fields): follow the deck again if it moved on meanwhile.
    this.element.addEventListener('focusout', () => c.win.setTimeout(() => c.sync(), 0));
  }

  private textarea(field: FieldName, placeholder: string, rows: number): HTMLTextAreaElement {
    const area = h(this.c.doc, 'textarea', { id: `rv-${field}`, class: `rv-text rv-${field}`, rows, placeholder, spellcheck: 'true', 'data-record': field });
    // The write comes first: nothing else runs before the keystroke is in localStorage.
    area.addEventListener('input', () => {
      if (this.cardId !== undefined) this.c.write(this.cardId, field, area.value);
    });
    return area;
  }

  /** True while the facilitator's cursor is in one of the fields. */
  editing(): boolean {
    const active = this.c.doc.activeElement;
    return active === this.agreed || active === this.followUp;
  }

  /** Writes what the fields hold if it differs from the record (a safety net; input events do the real work). */
  flush(): void {
    const cardId = this.cardId;
    if (cardId === undefined) return;
    const card = this.c.record.cards[cardId];
    if (this.agreed.value !== (card?.agreed ?? '')) this.c.write(cardId, 'agreed', this.agreed.value);
    if (this.followUp.value !== (card?.followUp ?? '')) this.c.write(cardId, 'followUp', this.followUp.value);
  }

  show(cardId: string): void {
    this.cardId = cardId;
    this.refresh(true);
  }

  /** The fields from the record; the one being typed in is left alone unless `all`. */
  refresh(all = false): void {
    const cardId = this.cardId;
    const known = cardId !== undefined && this.c.deck.cards.some((card) => card.id === cardId);
    this.fields.hidden = cardId === undefined;
    this.hint.hidden = cardId !== undefined;
    if (this.select.value !== (known ? cardId : '')) this.select.value = known ? cardId! : '';
    if (cardId === undefined) return;
    const entry = this.c.record.cards[cardId];
    const active = this.c.doc.activeElement;
    if ((all || active !== this.agreed) && this.agreed.value !== (entry?.agreed ?? '')) this.agreed.value = entry?.agreed ?? '';
    if ((all || active !== this.followUp) && this.followUp.value !== (entry?.followUp ?? '')) this.followUp.value = entry?.followUp ?? '';
    const question = this.c.card(cardId)?.actionQuestion;
    this.question.hidden = !question;
    setText(this.questionText, question ?? '');
    this.element.dataset['card'] = cardId;
  }

  renderSeminar(): void {
    const { c } = this;
    setText(this.seminarLine, `${c.strings.seminarLabel} ${seminarLabel(c.record, c.deck.language)}`);
    this.throwawayNotice.hidden = !c.throwaway;
    const older = c.index.clock !== undefined && c.index.clock !== c.record.seminar;
    this.olderNotice.hidden = !older;
    if (older) setText(this.olderNotice, c.strings.olderSeminar(seminarLabel(c.record, c.deck.language)));
    this.element.dataset['seminar'] = c.record.seminar;
  }

  saved(ok: boolean): void {
    this.savedOk = ok;
    const { strings } = this.c;
    setText(this.status, ok ? strings.savedAt(formatClock(now(this.c.win), strings.language)) : strings.notSaved);
    this.status.classList.toggle('rv-not-saved', !ok);
    setAttr(this.element, 'data-saved', ok ? 'true' : 'false');
  }

  /** Prominence, the pinned notice and whether the audience sees the text. */
  renderState(): void {
    const { c } = this;
    const prominent = c.onActionSlide;
    setAttr(this.element, 'data-prominent', String(prominent));
    const pinned = c.pinnedAway;
    this.pinnedNotice.hidden = !pinned;
    if (pinned) setText(this.pinnedText, c.strings.pinned(c.card(this.cardId)?.title ?? this.cardId ?? ''));
    if (this.showBox.checked !== c.index.show) this.showBox.checked = c.index.show;
    const text = this.cardId === undefined ? '' : (c.record.cards[this.cardId]?.agreed ?? '').trim();
    const onScreen = c.index.show && prominent && text !== '' && c.index.active === c.record.seminar;
    setText(this.screen, onScreen ? c.strings.onScreen : '');
    setAttr(this.screen, 'data-on-screen', String(onScreen));
    if (!this.savedOk) this.saved(c.store.persisted);
  }
}

// ------------------------------------------------------------ the seminar panel

class SeminarPanel {
  readonly element: HTMLElement;
  private readonly council: HTMLInputElement;
  private readonly date: HTMLInputElement;
  private readonly place: HTMLInputElement;
  private readonly list: HTMLSelectElement;
  private readonly newArea: HTMLElement;
  private readonly message: HTMLElement;
  private readonly messageText: HTMLElement;
  private readonly file: HTMLInputElement;

  constructor(private readonly c: RecordController) {
    const { doc, strings } = c;
    this.council = this.input('municipality', strings.councilPlaceholder);
    this.date = this.input('date', '', 'date');
    this.place = this.input('place', '');
    this.list = h(doc, 'select', { id: 'rv-seminars', class: 'rv-seminar-select', 'data-record': 'seminars' });
    this.list.addEventListener('change', () => c.switchTo(this.list.value));
    this.newArea = h(doc, 'div', { class: 'rv-new' });
    this.messageText = h(doc, 'span');
    this.message = h(doc, 'p', { class: 'rv-message', role: 'status', hidden: true }, this.messageText);
    this.file = h(doc, 'input', { type: 'file', accept: '.md,.markdown,.json,.txt,text/markdown,application/json,text/plain', class: 'rv-file', 'data-record': 'import' });
    this.file.addEventListener('change', () => void this.importFile());
    const importLabel = h(doc, 'label', { class: 'fv-button rv-import' }, strings.importFile, this.file);
    this.element = h(
      doc,
      'section',
      { class: 'rv-seminar', 'aria-labelledby': 'rv-seminar-heading', hidden: true },
      h(doc, 'h2', { id: 'rv-seminar-heading' }, strings.seminarHeading),
      h(
        doc,
        'div',
        { class: 'rv-meta' },
        h(doc, 'label', { for: 'rv-municipality' }, strings.council),
        this.council,
        h(doc, 'label', { for: 'rv-date' }, strings.date),
        this.date,
        h(doc, 'label', { for: 'rv-place' }, strings.place),
        this.place,
      ),
      h(doc, 'label', { class: 'rv-label', for: 'rv-seminars' }, strings.seminars),
      this.list,
      this.newArea,
      this.message,
      h(doc, 'h2', { class: 'rv-export-heading' }, strings.exportHeading),
      h(
        doc,
        'div',
        { class: 'fv-export' },
        button(doc, strings.exportMarkdown, () => c.download('md'), { class: 'fv-button', 'data-record': 'export-md' }),
        button(doc, strings.exportJson, () => c.download('json'), { class: 'fv-button', 'data-record': 'export-json' }),
        importLabel,
      ),
    );
    this.showNewButton();
  }

  private input(field: 'municipality' | 'date' | 'place', placeholder: string, type = 'text'): HTMLInputElement {
    const input = h(this.c.doc, 'input', { id: `rv-${field}`, type, placeholder: placeholder || undefined, 'data-record': `meta-${field}` });
    input.addEventListener('input', () => this.c.writeMeta({ [field]: input.value }));
    return input;
  }

  render(): void {
    const { record } = this.c;
    const active = this.c.doc.activeElement;
    for (const [input, value] of [[this.council, record.municipality], [this.date, record.date], [this.place, record.place]] as const) {
      if (active !== input && input.value !== (value ?? '')) input.value = value ?? '';
    }
    this.renderList();
  }

  renderList(): void {
    const { c } = this;
    const { strings } = c;
    const records = c.store.list();
    if (!records.some((r) => r.seminar === c.record.seminar)) records.push(c.record);
    const options = records
      .slice()
      .reverse()
      .map((r) => {
        const marks = [r.seminar === c.index.clock ? strings.running : '', isEmptyRecord(r) ? strings.empty : ''].filter(Boolean);
        return h(c.doc, 'option', { value: r.seminar }, `${seminarLabel(r, c.deck.language)}${marks.length ? ` (${marks.join(', ')})` : ''}`);
      });
    this.list.replaceChildren(...options);
    this.list.value = c.record.seminar;
    this.element.dataset['seminar'] = c.record.seminar;
    this.element.dataset['seminars'] = String(records.length);
  }

  /** Scrolls here and puts the cursor in the list of seminars (the panel's "Skift …"). */
  focus(): void {
    this.element.scrollIntoView({ block: 'nearest' });
    this.list.focus();
  }

  say(text: string, undo?: () => void): void {
    const { doc, strings } = this.c;
    this.messageText.textContent = text;
    this.message.querySelector('button')?.remove();
    if (undo) this.message.append(button(doc, strings.undoImport, undo, { class: 'fv-button fv-small-button', 'data-record': 'undo-import' }));
    this.message.hidden = false;
  }

  private showNewButton(): void {
    this.newArea.replaceChildren(button(this.c.doc, this.c.strings.newSeminar, () => this.askNew(), { class: 'fv-button', 'data-record': 'new-seminar' }));
  }

  /** "Nyt seminar": one click asks (with the new seminar's council, date and place), a second starts it. */
  private askNew(): void {
    const { doc, strings } = this.c;
    const defaults = this.c.defaults();
    const field = (id: string, label: string, value: string, type = 'text') => {
      const input = h(doc, 'input', { id: `rv-new-${id}`, type, value, 'data-record': `new-${id}` });
      return [h(doc, 'label', { for: `rv-new-${id}` }, label), input] as const;
    };
    const [councilLabel, council] = field('municipality', strings.council, defaults.municipality ?? '');
    const [dateLabel, date] = field('date', strings.date, localDay(now(this.c.win)), 'date');
    const [placeLabel, place] = field('place', strings.place, defaults.place ?? '');
    const cancel = button(doc, strings.cancel, () => this.showNewButton(), { class: 'fv-button', 'data-record': 'new-cancel' });
    this.newArea.replaceChildren(
      h(doc, 'p', { class: 'fv-warning', role: 'alert' }, strings.newSeminarQuestion),
      h(doc, 'div', { class: 'rv-meta' }, councilLabel, council, dateLabel, date, placeLabel, place),
      h(
        doc,
        'div',
        { class: 'rv-new-buttons' },
        button(
          doc,
          strings.newSeminarConfirm,
          () => {
            this.c.newSeminar({ municipality: council.value, date: date.value, place: place.value });
            this.showNewButton();
          },
          { class: 'fv-button fv-primary', 'data-record': 'new-confirm' },
        ),
        cancel,
      ),
    );
    this.newArea.scrollIntoView({ block: 'nearest' });
    council.focus();
  }

  private async importFile(): Promise<void> {
    const file = this.file.files?.[0];
    if (!file) return;
    const text = await file.text();
    this.file.value = '';
    const result = this.c.importText(text);
    const seminar = result.undo;
    this.say(result.message, seminar === undefined ? undefined : () => this.say(this.c.undoImport(seminar)));
  }
}
