// The facilitator view: the deck file opened with `?samtale=facilitator`, rendered as the facilitator's screen.
//
// Layout (wide window): the current card's countdown, the clock and the
// projected end across the top; below, the current and next slide on the
// left, the notes in the middle, and on the right the discussion countdown,
// re-plan proposals, the day's plan and the tools. Narrow windows stack them.
// Everything shown comes from the deck's latest snapshot; the view computes
// no time itself, so both windows always agree. Keys: → ↓ Space PageDown
// next, ← ↑ PageUp previous (see onKey).
//
// Banners under the top bar: the connection (connecting, lost, no deck), a
// sleep or closed-deck gap (until dismissed), storage refused, and a
// rehearsal hint when the clock started more than REHEARSAL_MS before the
// planned start (someone clicked through the deck early), offering the reset.
import { revealDefaults } from '../../defaults.js';
import { mountRecordView } from '../../record/view.js';
import { formatClock, wholeMinutes } from '../../timing/format.js';
import { type Plan, planFromModel } from '../../timing/plan.js';
import { button, h, injectStyle, isTyping, setText } from '../dom.js';
import { readModel } from '../model.js';
import type { Command, DeckMessage, SessionSnapshot, SlidePosition } from '../protocol.js';
import { type FacilitatorStrings, facilitatorStrings } from '../strings.js';
import { type ConnectionState, DeckConnection } from './connection.js';
import { DiscussionPanel } from './discussion-panel.js';
import { Header } from './header.js';
import { NotesPanel } from './notes.js';
import { PlanTable } from './plan-table.js';
import { SlidePreview, type SlideSize } from './preview.js';
import { ReplanPanel } from './replan-panel.js';
import { Tools } from './tools.js';
import css from './view.css?inline';

/** A first card entered this long before the planned start looks like a rehearsal. */
const REHEARSAL_MS = 30 * 60 * 1000;

/** Replaces the deck page with the facilitator view and connects to the deck that opened it. */
export async function startFacilitatorView(doc: Document, win: Window): Promise<void> {
  const model = readModel(doc);
  const plan = planFromModel(model);
  const strings = facilitatorStrings(plan.language);
  const reveal = doc.querySelector('.reveal');
  const sections = reveal ? Array.from(reveal.querySelectorAll<HTMLElement>(':scope > .slides > section')) : [];
  // The deck's own DOM stays out of the page: the previews clone its sections.
  reveal?.remove();
  doc.documentElement.classList.add('samtale-facilitator-view');
  doc.title = strings.windowTitle(plan.title || doc.title);
  injectStyle(doc, 'samtale-facilitator-view-style', css);

  const view = new FacilitatorView(doc, plan, strings, sections, slideSize(model));
  doc.body.replaceChildren(view.element);
  // What the council agreed (src/runtime/record/): a panel under the notes and one in the side column.
  const record = mountRecordView(doc, win, { model, sections, send: (command) => connection.send(command) });
  const connection = new DeckConnection(win, plan.deckId, {
    onUpdate: (message) => {
      view.update(message);
      record.update(message);
    },
    onState: (state) => view.setConnection(state),
  });
  view.send = (command) => connection.send(command);
  connection.start();
  doc.addEventListener('keydown', (event) => view.onKey(event));
}

function slideSize(model: unknown): SlideSize {
  const reveal = (typeof model === 'object' && model !== null ? (model as { reveal?: { width?: unknown; height?: unknown } }).reveal : undefined) ?? {};
  const size = (value: unknown, fallback: unknown) => (typeof value === 'number' && value > 0 ? value : typeof fallback === 'number' ? fallback : 0);
  return { width: size(reveal.width, revealDefaults.width) || 1280, height: size(reveal.height, revealDefaults.height) || 720 };
}

class FacilitatorView {
  readonly element: HTMLElement;
  send: (command: Command) => void = () => undefined;
  private readonly header: Header;
  private readonly current: SlidePreview;
  private readonly next: SlidePreview;
  private readonly notes: NotesPanel;
  private readonly discussion: DiscussionPanel;
  private readonly replan: ReplanPanel;
  private readonly planTable: PlanTable;
  private readonly tools: Tools;
  private readonly connectionBanner: HTMLElement;
  private readonly gapBanner: HTMLElement;
  private readonly gapText: HTMLElement;
  private readonly storageBanner: HTMLElement;
  private readonly rehearsalBanner: HTMLElement;
  private readonly rehearsalText: HTMLElement;
  private readonly prevButton: HTMLButtonElement;
  private readonly nextButton: HTMLButtonElement;

  constructor(
    doc: Document,
    private readonly plan: Plan,
    private readonly strings: FacilitatorStrings,
    private readonly sections: readonly HTMLElement[],
    size: SlideSize,
  ) {
    const send = (command: Command) => this.send(command);
    this.header = new Header(doc, plan, strings, send);
    this.current = new SlidePreview(doc, sections, size, 'fv-preview-current');
    this.next = new SlidePreview(doc, sections, size, 'fv-preview-next');
    this.notes = new NotesPanel(doc, sections, strings);
    this.discussion = new DiscussionPanel(doc, strings, send);
    this.replan = new ReplanPanel(doc, strings, send);
    this.planTable = new PlanTable(doc, strings, send);
    this.tools = new Tools(doc, plan, strings, send);

    this.connectionBanner = h(doc, 'p', { class: 'fv-banner fv-banner-connection', role: 'status' }, strings.connecting);
    this.gapText = h(doc, 'span');
    this.gapBanner = h(
      doc,
      'p',
      { class: 'fv-banner fv-banner-gap', role: 'status', hidden: true },
      this.gapText,
      ' ',
      button(doc, strings.dismiss, () => send({ kind: 'dismiss-gap' }), { class: 'fv-button fv-small-button', 'data-action': 'dismiss-gap' }),
    );
    this.storageBanner = h(doc, 'p', { class: 'fv-banner fv-banner-storage', role: 'status', hidden: true }, strings.storageUnavailable);
    this.rehearsalText = h(doc, 'span');
    this.rehearsalBanner = h(
      doc,
      'p',
      { class: 'fv-banner fv-banner-rehearsal', role: 'status', hidden: true },
      this.rehearsalText,
      ' ',
      button(doc, strings.rehearsalReset, () => this.tools.askReset(), { class: 'fv-button fv-small-button', 'data-action': 'rehearsal-reset' }),
    );
    this.prevButton = button(doc, `← ${strings.previous}`, () => send({ kind: 'navigate', to: 'prev' }), { class: 'fv-button fv-nav', 'data-action': 'prev' });
    this.nextButton = button(doc, `${strings.next} →`, () => send({ kind: 'navigate', to: 'next' }), { class: 'fv-button fv-nav fv-primary', 'data-action': 'next' });

    this.element = h(
      doc,
      'div',
      { class: 'fv', 'data-connected': 'false', lang: plan.language },
      this.header.element,
      h(doc, 'div', { class: 'fv-banners' }, this.connectionBanner, this.gapBanner, this.rehearsalBanner, this.storageBanner),
      h(
        doc,
        'main',
        { class: 'fv-main' },
        h(doc, 'section', { class: 'fv-slides', 'aria-label': strings.now }, this.current.element, this.next.element, h(doc, 'div', { class: 'fv-nav-buttons' }, this.prevButton, this.nextButton)),
        this.notes.element,
        h(doc, 'aside', { class: 'fv-side' }, this.discussion.element, this.replan.element, this.planTable.element, this.tools.element),
      ),
    );
    this.current.show(0, -1, true, strings.now);
    this.next.show(1, -1, true, strings.nextSlide);
    this.notes.show(0);
  }

  update(message: DeckMessage): void {
    this.renderSlides(message.slide);
    this.renderSnapshot(message.snapshot);
  }

  setConnection(state: ConnectionState): void {
    const text = state === 'connected' ? '' : state === 'connecting' ? this.strings.connecting : state === 'lost' ? this.strings.disconnected : this.strings.noOpener;
    setText(this.connectionBanner, text);
    this.connectionBanner.hidden = state === 'connected';
    this.element.dataset['connected'] = String(state === 'connected');
    this.element.dataset['connection'] = state;
  }

  /**
   * Keys drive the deck like a presenter remote: → and PageDown next, ← and PageUp back; ↓ ↑ and Space too,
   * except in the notes, where they scroll. Nothing jumps far (no Home/End): a stray key costs one slide.
   */
  onKey(event: KeyboardEvent): void {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
    const target = event.target instanceof Element ? event.target : null;
    const scrolling = target !== null && target.closest('.fv-notes-body, .fv-side') !== null;
    const onButton = target instanceof HTMLButtonElement;
    const keys: Record<string, 'next' | 'prev' | undefined> = {
      ArrowRight: 'next',
      PageDown: 'next',
      ArrowLeft: 'prev',
      PageUp: 'prev',
      ArrowDown: scrolling ? undefined : 'next',
      ArrowUp: scrolling ? undefined : 'prev',
      ' ': scrolling || onButton ? undefined : 'next',
    };
    const to = keys[event.key];
    if (to === undefined) return;
    event.preventDefault();
    this.send({ kind: 'navigate', to });
  }

  private renderSlides(slide: SlidePosition): void {
    const { strings } = this;
    const total = this.sections.length || slide.total;
    this.current.show(slide.h, slide.f, true, `${strings.now} · ${strings.slideOf(slide.h + 1, total)}`);
    const next = slide.h + 1 < total ? slide.h + 1 : undefined;
    this.next.show(next, -1, true, next === undefined ? strings.endOfDeck : `${strings.nextSlide} · ${strings.slideOf(next + 1, total)}`);
    this.notes.show(slide.h);
    this.prevButton.disabled = slide.h === 0 && slide.f < 0;
    this.nextButton.disabled = next === undefined && slide.f >= slide.fragments - 1;
  }

  private renderSnapshot(snapshot: SessionSnapshot): void {
    this.header.render(snapshot);
    this.discussion.render(snapshot);
    this.replan.render(snapshot);
    this.planTable.render(snapshot);
    this.tools.render(snapshot);
    this.storageBanner.hidden = snapshot.persisted;
    const gap = snapshot.gap;
    this.gapBanner.hidden = gap === undefined;
    if (gap) {
      const card = this.plan.items.find((item) => item.id === gap.cardId);
      const where = this.strings.gapWhere(card?.kind === 'card' ? card.title : gap.cardId, card?.kind === 'card' ? card.themeNumber : undefined);
      const minutes = Math.max(1, wholeMinutes((gap.to - gap.from) / 1000));
      setText(this.gapText, gap.kind === 'sleep' ? this.strings.gapSleep(minutes, where) : this.strings.gapClosed(minutes, where));
    }
    const { actualStart, plannedStart, ended } = snapshot.projection;
    const rehearsal = !ended && actualStart !== undefined && plannedStart - actualStart > REHEARSAL_MS;
    this.rehearsalBanner.hidden = !rehearsal;
    if (rehearsal) {
      const lang = this.strings.language;
      setText(this.rehearsalText, this.strings.rehearsal(formatClock(actualStart, lang), formatClock(plannedStart, lang)));
    }
    this.element.dataset['paused'] = String(snapshot.projection.paused);
  }
}

