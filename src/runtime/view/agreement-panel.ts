// What the council agreed, written into the card on the projector.
//
// The two fields (the agreement, and who follows up by when) belong to the card the projector shows, and
// say so: their heading names it, and both carry `data-card` with its id. Looking at another card is
// explicit (choose it below the fields), labelled as a look back, and ends as soon as the deck moves to
// another card; then the fields belong to the projector's card again, and a notice says so. So no keystroke
// can land in a card other than the one the panel names. On the card's action slide the fields grow.
//
// A facilitator typing with eyes on the keyboard may not see the deck move on mid-sentence (the remote in
// a colleague's hand, a slide timer): what is typed after the switch goes into the new card. The panel
// then says so, and one click moves the words typed since the switch back to the card they were meant for.
//
// Every keystroke is kept at once in this window's outbox (storage/outbox.ts) and sent to the deck, which
// holds the seminar; the outbox entry goes when the deck's snapshot holds the text. "Gemt" shows once the
// outbox as it stands is on disk (an entry dropped only after the deck's save of it, so that save too). A field's whole text
// travels with a revision, so two windows typing never splice each other's text: the newer whole wins.
import { button, h, setAttr, setText } from '../kit/dom.js';
import { formatClock } from '../kit/format.js';
import type { AgreementField, FieldWrite } from '../seminar/agreements.js';
import type { Plan, PlanCard } from '../seminar/plan.js';
import type { Command, Snapshot } from '../protocol.js';
import type { Outbox } from '../storage/outbox.js';
import type { Strings } from '../strings/index.js';

const FIELDS: readonly AgreementField[] = ['agreed', 'followUp'];
/** How long a switch of card is marked on the fields, so it cannot go unnoticed. */
const SWITCH_MARK_MS = 1600;
/** A switch this soon after a keystroke came mid-sentence: the typing that follows may be meant for the card before. */
const MID_SENTENCE_MS = 15_000;

/** The deck moved to another card while the facilitator was typing into `field`: what stood in the new card's field then. */
interface SwitchGuard {
  from: string;
  to: string;
  field: AgreementField;
  before: string;
}

export interface AgreementPanelOptions {
  send(command: Command): boolean;
  outbox: Outbox;
  /** The view's storage refused a keystroke (undefined: it stores again). */
  onStorage(ok: boolean): void;
  /** Whether the deck answers now (text typed meanwhile waits in the outbox). */
  connected(): boolean;
}

export class AgreementPanel {
  readonly element: HTMLElement;
  private readonly heading: HTMLElement;
  private readonly lookBackNotice: HTMLElement;
  private readonly lookBackText: HTMLElement;
  private readonly backButton: HTMLButtonElement;
  private readonly hint: HTMLElement;
  private readonly fields: HTMLElement;
  private readonly question: HTMLElement;
  private readonly questionText: HTMLElement;
  private readonly areas: Record<AgreementField, HTMLTextAreaElement>;
  private readonly select: HTMLSelectElement;
  private readonly showBox: HTMLInputElement;
  private readonly onScreen: HTMLElement;
  private readonly saved: HTMLElement;
  /** Identifies this window's writes (a tie between two windows at one revision goes by it). */
  private readonly writer = `v${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  private snapshot: Snapshot | undefined;
  private screenCard: string | undefined;
  private screenKind: string | undefined;
  private lookBack: string | undefined;
  private shownCard: string | undefined;
  /** The newest revision this window typed, per seminar/card/field. */
  private readonly typed = new Map<string, number>();
  private storedOk = true;
  private switchTimer: number | undefined;
  private lastTyped = Number.NEGATIVE_INFINITY;
  private guard: SwitchGuard | undefined;
  private readonly switchNotice: HTMLElement;
  private readonly switchText: HTMLElement;
  private readonly moveButton: HTMLButtonElement;
  private readonly keepButton: HTMLButtonElement;

  constructor(
    private readonly doc: Document,
    private readonly plan: Plan,
    private readonly strings: Strings,
    private readonly options: AgreementPanelOptions,
  ) {
    this.heading = h(doc, 'h2', { id: 'fv-agreement-heading' }, strings.agreementHeading);
    this.lookBackText = h(doc, 'span');
    this.backButton = button(doc, '', () => this.endLookBack(), { class: 'fv-button fv-small-button', 'data-action': 'end-look-back' });
    this.lookBackNotice = h(doc, 'p', { class: 'fv-lookback', role: 'status', hidden: true }, this.lookBackText, ' ', this.backButton);
    this.switchText = h(doc, 'span');
    this.moveButton = button(doc, '', () => this.moveBack(), { class: 'fv-button fv-small-button', 'data-action': 'move-typing-back' });
    this.keepButton = button(doc, strings.keepTyping, () => this.dropGuard(), { class: 'fv-button fv-small-button', 'data-action': 'keep-typing' });
    this.switchNotice = h(doc, 'p', { class: 'fv-lookback fv-switch-notice', role: 'status', hidden: true }, this.switchText, ' ', this.moveButton, this.keepButton);
    this.hint = h(doc, 'p', { class: 'fv-hint' }, strings.noCardOnScreen);
    this.questionText = h(doc, 'span', { class: 'fv-action-text' });
    this.question = h(doc, 'p', { class: 'fv-action-question' }, h(doc, 'span', { class: 'fv-action-label' }, `${strings.action}:`), ' ', this.questionText);
    this.areas = {
      agreed: this.area('agreed', strings.agreedPlaceholder, 3),
      followUp: this.area('followUp', strings.followUpPlaceholder, 1),
    };
    this.fields = h(
      doc,
      'div',
      { class: 'fv-agreement-fields', hidden: true },
      this.question,
      h(doc, 'label', { class: 'fv-field-label', for: 'fv-agreed' }, strings.agreedLabel),
      this.areas.agreed,
      h(doc, 'label', { class: 'fv-field-label', for: 'fv-followUp' }, strings.followUpLabel),
      this.areas.followUp,
    );
    this.select = h(
      doc,
      'select',
      { id: 'fv-lookback-select', class: 'fv-lookback-select', 'data-action': 'look-back' },
      h(doc, 'option', { value: '' }, `${strings.lookBack} …`),
      ...plan.items.filter((item): item is PlanCard => item.kind === 'card').map((card) => h(doc, 'option', { value: card.id }, this.cardName(card.id))),
    );
    this.select.addEventListener('change', () => {
      const value = this.select.value;
      this.select.value = '';
      if (value) this.startLookBack(value);
    });
    this.showBox = h(doc, 'input', { type: 'checkbox', id: 'fv-show-agreements', 'data-action': 'show-agreements' });
    this.showBox.addEventListener('change', () => this.options.send({ kind: 'prefs', prefs: { showAgreements: this.showBox.checked } }));
    this.onScreen = h(doc, 'span', { class: 'fv-on-screen' });
    this.saved = h(doc, 'span', { class: 'fv-saved', 'aria-live': 'polite' });
    this.element = h(
      doc,
      'section',
      { class: 'fv-agreement', 'aria-labelledby': 'fv-agreement-heading', 'data-prominent': 'false', 'data-mode': 'none' },
      h(doc, 'div', { class: 'fv-agreement-head' }, this.heading, this.saved),
      this.lookBackNotice,
      this.switchNotice,
      this.hint,
      this.fields,
      h(
        doc,
        'div',
        { class: 'fv-agreement-foot' },
        h(doc, 'label', { class: 'fv-check', for: 'fv-show-agreements', title: strings.showHint }, this.showBox, ` ${strings.show}`),
        this.onScreen,
        h(doc, 'label', { class: 'fv-sr', for: 'fv-lookback-select' }, strings.lookBack),
        this.select,
      ),
    );
  }

  private area(field: AgreementField, placeholder: string, rows: number): HTMLTextAreaElement {
    const area = h(this.doc, 'textarea', { id: `fv-${field}`, class: `fv-text fv-${field}`, rows, placeholder, spellcheck: 'true', 'data-field': field, disabled: true });
    // The keystroke is kept before anything else happens.
    area.addEventListener('input', () => {
      this.type(field, area.value);
      if (this.switchNotice.dataset['kind'] === 'info') this.switchNotice.hidden = true;
      this.renderGuard();
    });
    return area;
  }

  /** The card the projector shows (`undefined` on slides without one) and the slide's kind. */
  follow(cardId: string | undefined, slideKind: string | undefined): void {
    // A look back ends when the deck moves to another card, or arrives at the action slide: that is
    // where the agreement for the card on the projector is written.
    const before = this.target;
    if (cardId !== this.screenCard || (slideKind === 'action' && this.screenKind !== 'action')) {
      if (cardId !== before) this.switchNotice.hidden = true;
      if (this.lookBack !== undefined && cardId !== before) this.notice(this.strings.lookBackEnded(this.cardName(this.lookBack), cardId === undefined ? this.strings.now : this.cardName(cardId)));
      this.lookBack = undefined;
    }
    if (cardId !== before) this.guardSwitch(before, cardId);
    this.screenCard = cardId;
    this.screenKind = slideKind;
    this.render();
  }

  update(snapshot: Snapshot): void {
    this.snapshot = snapshot;
    this.options.outbox.acknowledge(snapshot.seminar);
    this.render();
  }

  private get target(): string | undefined {
    return this.lookBack ?? this.screenCard;
  }

  private startLookBack(cardId: string): void {
    this.lookBack = cardId === this.screenCard ? undefined : cardId;
    this.render();
    this.areas.agreed.focus();
  }

  private endLookBack(): void {
    this.lookBack = undefined;
    this.render();
    if (this.target !== undefined) this.areas.agreed.focus();
  }

  private type(field: AgreementField, text: string): void {
    const cardId = this.areas[field].dataset['card'];
    const seminar = this.snapshot?.seminar;
    if (cardId === undefined || !seminar) return;
    const key = `${seminar.id}/${cardId}/${field}`;
    const rev = Math.max(this.typed.get(key) ?? 0, seminar.cards[cardId]?.[field]?.rev ?? 0) + 1;
    this.typed.set(key, rev);
    const write: FieldWrite = { cardId, field, text, rev, writer: this.writer };
    this.storedOk = this.options.outbox.put({ seminar: seminar.id, write });
    this.options.onStorage(this.storedOk);
    this.options.send({ kind: 'event', event: { type: 'write', ...write } });
    this.lastTyped = performance.now();
    this.renderSaved();
  }

  /** Writes a field's whole text as if typed (the move of words typed after a switch). */
  private put(cardId: string, field: AgreementField, text: string): void {
    const area = this.areas[field];
    const shown = area.dataset['card'];
    area.dataset['card'] = cardId;
    this.type(field, text);
    if (shown !== undefined) area.dataset['card'] = shown;
  }

  /** The deck moved from `from` to `to` within seconds of a keystroke into a field that has focus. */
  private guardSwitch(from: string | undefined, to: string | undefined): void {
    this.guard = undefined;
    const field = FIELDS.find((f) => this.doc.activeElement === this.areas[f]);
    const recent = performance.now() - this.lastTyped < MID_SENTENCE_MS;
    if (from === undefined || to === undefined || field === undefined || !recent || !this.snapshot) return;
    const seminar = this.snapshot.seminar;
    const before = this.pending(seminar.id, to, field) ?? seminar.cards[to]?.[field]?.text ?? '';
    this.guard = { from, to, field, before };
  }

  /** Typed since the switch into the new card: the words after what stood there. */
  private typedSinceSwitch(): string | undefined {
    const guard = this.guard;
    if (!guard || this.target !== guard.to) return undefined;
    const now = this.areas[guard.field].value;
    return now.startsWith(guard.before) && now.length > guard.before.length ? now.slice(guard.before.length) : undefined;
  }

  private moveBack(): void {
    const guard = this.guard;
    const typed = this.typedSinceSwitch();
    const seminar = this.snapshot?.seminar;
    if (!guard || typed === undefined || !seminar) return;
    const earlier = this.pending(seminar.id, guard.from, guard.field) ?? seminar.cards[guard.from]?.[guard.field]?.text ?? '';
    this.areas[guard.field].value = guard.before;
    this.put(guard.to, guard.field, guard.before);
    this.put(guard.from, guard.field, earlier + typed);
    this.guard = undefined;
    this.notice(this.strings.movedBack(this.cardName(guard.from)));
    this.areas[guard.field].focus();
  }

  private dropGuard(): void {
    this.guard = undefined;
    this.switchNotice.hidden = true;
  }

  /** A notice above the fields (replacing the previous one) that stays until the next switch or keystroke choice. */
  private notice(text: string): void {
    setText(this.switchText, text);
    this.moveButton.hidden = true;
    this.keepButton.hidden = true;
    this.switchNotice.dataset['kind'] = 'info';
    this.switchNotice.hidden = false;
  }

  /** While typing continues into the new card after a switch mid-sentence: offer to move it back. */
  private renderGuard(): void {
    const guard = this.guard;
    const typed = this.typedSinceSwitch();
    if (!guard || typed === undefined) {
      if (this.switchNotice.dataset['kind'] === 'guard') this.switchNotice.hidden = true;
      return;
    }
    setText(this.switchText, this.strings.typedAfterSwitch(this.cardName(guard.to)));
    setText(this.moveButton, this.strings.moveTypingBack(this.cardName(guard.from)));
    this.moveButton.hidden = false;
    this.keepButton.hidden = false;
    this.switchNotice.dataset['kind'] = 'guard';
    this.switchNotice.hidden = false;
  }

  /** The text this window typed and the deck has not confirmed yet, if any. */
  private pending(seminar: string, cardId: string, field: AgreementField): string | undefined {
    const entry = this.options.outbox.entries().find((e) => e.seminar === seminar && e.write.cardId === cardId && e.write.field === field);
    return entry?.write.text;
  }

  private render(): void {
    const { strings } = this;
    const snapshot = this.snapshot;
    const target = this.target;
    const mode = target === undefined ? 'none' : this.lookBack !== undefined ? 'look-back' : 'screen';
    setAttr(this.element, 'data-mode', mode);
    const switched = target !== this.shownCard;
    this.shownCard = target;

    setText(this.heading, target === undefined ? strings.agreementHeading : strings.agreementFor(this.cardName(target)));
    this.hint.hidden = target !== undefined;
    this.fields.hidden = target === undefined;
    this.lookBackNotice.hidden = mode !== 'look-back';
    if (mode === 'look-back') {
      const onScreen = this.screenCard === undefined ? strings.now : this.cardName(this.screenCard);
      setText(this.lookBackText, strings.lookingBack(this.cardName(target!), onScreen));
      setText(this.backButton, strings.backToScreen(onScreen));
      this.backButton.hidden = this.screenCard === undefined;
    }
    const card = this.plan.items.find((item): item is PlanCard => item.kind === 'card' && item.id === target);
    const prominent = mode === 'screen' && this.screenKind === 'action';
    setAttr(this.element, 'data-prominent', String(prominent));
    // On the action slide the question is on the projector (and its preview): the fields get the room.
    this.question.hidden = !card?.actionQuestion || prominent;
    setText(this.questionText, card?.actionQuestion ?? '');

    for (const field of FIELDS) {
      const area = this.areas[field];
      setAttr(area, 'data-card', target);
      area.disabled = target === undefined || !snapshot;
      if (target === undefined || !snapshot) continue;
      const stored = snapshot.seminar.cards[target]?.[field]?.text ?? '';
      const text = this.pending(snapshot.seminar.id, target, field) ?? stored;
      // The field being typed in keeps its own text (and caret) unless it now belongs to another card.
      if (area.value !== text && (switched || this.doc.activeElement !== area)) area.value = text;
    }
    if (switched && target !== undefined) this.markSwitch();
    this.renderGuard();

    if (snapshot) {
      if (this.showBox.checked !== snapshot.prefs.showAgreements) this.showBox.checked = snapshot.prefs.showAgreements;
      const agreed = target === undefined ? '' : snapshot.seminar.cards[target]?.agreed?.text ?? '';
      const visible = snapshot.prefs.showAgreements && prominent && agreed.trim() !== '';
      setText(this.onScreen, visible ? strings.onScreen : '');
      setAttr(this.onScreen, 'data-on-screen', String(visible));
    }
    this.renderSaved();
  }

  /** "Gemt" only once the keystroke is on disk: in the deck's seminar or this window's outbox. */
  renderSaved(): void {
    const { strings } = this;
    const snapshot = this.snapshot;
    const waiting = snapshot !== undefined && this.options.outbox.entries().some((e) => e.seminar === snapshot.seminar.id);
    const onDisk = this.options.outbox.settled();
    // "Gemt" belongs to the card whose text this window typed, not to a card nobody has touched.
    const target = this.target;
    const typedHere = snapshot !== undefined && target !== undefined && [...this.typed.keys()].some((key) => key.startsWith(`${snapshot.seminar.id}/${target}/`));
    const text = !this.storedOk && (waiting || !this.options.connected()) ? strings.notSaved
      : waiting && !this.options.connected() ? strings.waitingForDeck
      : typedHere && !onDisk ? strings.saving
      : snapshot && typedHere ? strings.savedAt(formatClock(snapshot.now, strings.language))
      : '';
    setText(this.saved, text);
    setAttr(this.element, 'data-saved', waiting || !onDisk ? 'pending' : this.storedOk ? 'true' : 'false');
  }

  private markSwitch(): void {
    const win = this.doc.defaultView ?? window;
    this.element.classList.add('fv-switched');
    win.clearTimeout(this.switchTimer);
    this.switchTimer = win.setTimeout(() => this.element.classList.remove('fv-switched'), SWITCH_MARK_MS);
  }

  private cardName(cardId: string): string {
    const card = this.plan.items.find((item): item is PlanCard => item.kind === 'card' && item.id === cardId);
    if (!card) return cardId;
    return card.themeNumber === undefined ? card.title : `${this.strings.themeOf(card.themeNumber, this.plan.themeCount)}: ${card.title}`;
  }
}
