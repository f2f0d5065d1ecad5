// The facilitator view: the deck file opened with `?samtale=facilitator`, rendered as the facilitator's screen.
//
// Layout (a laptop screen, 1366×768 and up): across the top the card on the projector with its countdown,
// the clock, where the day stands and the action of the moment (start, pause, resume); under it the lines
// that need attention now. Below, three columns: the current and next slide with the discussion countdown;
// the notes, as tall as the window allows; the day's plan (compact, the current card kept in view) and the
// agreement for the card on the projector. The rest — the seminar's details, other seminars, rehearsals,
// downloads, what the projector shows — is one button away, in a dialog. Narrow windows stack the columns.
//
// Everything shown comes from the deck's latest snapshot; the view computes no time itself, so both windows
// always agree. What the facilitator does goes to the deck as commands (protocol.ts).
import { revealDefaults } from '../defaults.js';
import { readModel } from '../kit/deck-model.js';
import { h, injectStyle } from '../kit/dom.js';
import { markSeminar } from '../kit/seminar-marks.js';
import { type Plan, planFromModel } from '../seminar/plan.js';
import type { Command, DeckMessage, SlidePosition, Snapshot } from '../protocol.js';
import { OVERVIEW_KIND, fillOverview, insertOverviewSlide, measureStage, overviewEntries } from '../slides/overview.js';
import { Outbox } from '../storage/outbox.js';
import { SeminarStore } from '../storage/seminar-store.js';
import { type Strings, runtimeStrings } from '../strings/index.js';
import agreementCss from './agreement.css?inline';
import { AgreementPanel } from './agreement-panel.js';
import { Banners } from './banners.js';
import { DeckConnection } from './connection.js';
import { DiscussionPanel } from './discussion-panel.js';
import { Header } from './header.js';
import { viewKeyCommand } from './keys.js';
import { NotesPanel } from './notes.js';
import { PlanTable } from './plan-table.js';
import { SlidePreview, type SlideSize } from './preview.js';
import { ReplanPanel } from './replan-panel.js';
import { SeminarDialog } from './seminar-dialog.js';
import css from './view.css?inline';

/** Replaces the deck page with the facilitator view and connects to the deck that opened it. */
export async function startFacilitatorView(doc: Document, win: Window): Promise<void> {
  const model = readModel(doc);
  const plan = planFromModel(model);
  const strings = runtimeStrings(plan.language);
  // The same slides as the deck window, the agreements overview included, so slide numbers agree.
  insertOverviewSlide(doc, strings);
  const reveal = doc.querySelector('.reveal');
  const sections = reveal ? Array.from(reveal.querySelectorAll<HTMLElement>(':scope > .slides > section')) : [];
  // The deck's own DOM stays out of the page: the previews clone its sections.
  reveal?.remove();
  doc.documentElement.classList.add('samtale-facilitator-view');
  doc.title = strings.windowTitle(plan.title || doc.title);
  injectStyle(doc, 'samtale-facilitator-view-style', css);
  injectStyle(doc, 'samtale-agreement-style', agreementCss);

  const store = await SeminarStore.open(win, plan.deckId, false);
  const outbox = new Outbox(store);
  let connection: DeckConnection | undefined;
  const send = (command: Command): boolean => connection?.send(command) ?? false;
  const view = new FacilitatorView(doc, plan, strings, sections, slideSize(model), send, outbox, () => connection?.connected ?? false);
  doc.body.replaceChildren(view.element, view.dialog.element, view.replan.dialog);
  connection = new DeckConnection(win, plan.deckId, {
    onSnapshot: (message) => view.update(message),
    onReply: (message) => view.dialog.reply(message.request, message.ok, message.problem, message.beside),
    onState: (state) => view.banners.setConnection(state),
    outbox: () => outbox.entries(),
  });
  view.onDeckReloaded = () => connection?.hello();
  store.onSettled(() => view.storageSettled());
  connection.start();
  // A button clicked with the mouse gives the focus back: Space or Enter from the remote or the laptop then
  // reach the deck's keys instead of pressing that button again (keyboard clicks have detail 0 and keep it).
  doc.addEventListener('click', (event) => {
    const clicked = event.target instanceof Element ? event.target.closest('button') : null;
    if (clicked && event.detail > 0 && !clicked.closest('dialog')) clicked.blur();
  });
  doc.addEventListener('keydown', (event) => {
    if (event.defaultPrevented) return;
    const command = viewKeyCommand(event, view.dialog.element.open || view.replan.dialog.open);
    if (!command) return;
    event.preventDefault();
    send(command);
  });
}

function slideSize(model: unknown): SlideSize {
  const reveal = (typeof model === 'object' && model !== null ? (model as { reveal?: { width?: unknown; height?: unknown } }).reveal : undefined) ?? {};
  const size = (value: unknown, fallback: unknown) => (typeof value === 'number' && value > 0 ? value : typeof fallback === 'number' ? fallback : 0);
  return { width: size(reveal.width, revealDefaults.width) || 1280, height: size(reveal.height, revealDefaults.height) || 720 };
}

class FacilitatorView {
  readonly element: HTMLElement;
  readonly banners: Banners;
  readonly dialog: SeminarDialog;
  onDeckReloaded: () => void = () => undefined;
  private readonly header: Header;
  private readonly current: SlidePreview;
  private readonly next: SlidePreview;
  private readonly notes: NotesPanel;
  private readonly discussion: DiscussionPanel;
  readonly replan: ReplanPanel;
  private readonly planTable: PlanTable;
  private readonly agreement: AgreementPanel;
  private readonly prevButton: HTMLButtonElement;
  private readonly nextButton: HTMLButtonElement;
  private readonly overview: HTMLElement | undefined;
  private readonly measure: HTMLElement;
  private overviewSignature = '';
  private page: string | undefined;
  private slide: SlidePosition | undefined;

  constructor(
    private readonly doc: Document,
    private readonly plan: Plan,
    private readonly strings: Strings,
    private readonly sections: readonly HTMLElement[],
    size: SlideSize,
    send: (command: Command) => boolean,
    outbox: Outbox,
    connected: () => boolean,
  ) {
    this.dialog = new SeminarDialog(doc, plan, strings, send);
    this.header = new Header(doc, plan, strings, send, () => this.dialog.open());
    this.banners = new Banners(doc, plan, strings, send, () => this.dialog.downloadRecord());
    this.replan = new ReplanPanel(doc, strings, send);
    this.current = new SlidePreview(doc, sections, size, 'fv-preview-current');
    this.next = new SlidePreview(doc, sections, size, 'fv-preview-next');
    this.notes = new NotesPanel(doc, sections, strings);
    this.discussion = new DiscussionPanel(doc, strings, send);
    this.header.offer(this.replan.banner);
    this.planTable = new PlanTable(doc, strings, send);
    this.planTable.element.querySelector('h2')?.after(this.replan.undo);
    this.agreement = new AgreementPanel(doc, plan, strings, { send, outbox, connected, onStorage: (ok) => this.banners.setViewProblem(ok ? undefined : 'quota') });
    this.overview = sections.find((s) => s.dataset['slideKind'] === OVERVIEW_KIND);
    this.measure = measureStage(doc, size.width, size.height);
    this.prevButton = h(doc, 'button', { type: 'button', class: 'fv-button fv-nav', 'data-action': 'prev' }, `← ${strings.previous}`);
    this.prevButton.addEventListener('click', () => send({ kind: 'navigate', to: 'prev' }));
    this.nextButton = h(doc, 'button', { type: 'button', class: 'fv-button fv-nav fv-primary', 'data-action': 'next' }, `${strings.next} →`);
    this.nextButton.addEventListener('click', () => send({ kind: 'navigate', to: 'next' }));

    this.element = h(
      doc,
      'div',
      { class: 'fv', 'data-connected': 'false', lang: plan.language },
      this.header.element,
      this.banners.element,
      h(
        doc,
        'main',
        { class: 'fv-main' },
        h(
          doc,
          'section',
          { class: 'fv-slides', 'aria-label': strings.now },
          this.current.element,
          this.next.element,
          h(doc, 'div', { class: 'fv-nav-buttons' }, this.prevButton, this.nextButton),
          this.discussion.element,
        ),
        this.notes.element,
        h(doc, 'aside', { class: 'fv-side', 'aria-label': strings.plan }, this.planTable.element, this.agreement.element),
      ),
    );
    this.current.show(0, -1, true, strings.now);
    this.next.show(1, -1, true, strings.nextSlide);
    this.notes.show(0);
  }

  /** The view's writes reached the disk: "Gemt" may show. */
  storageSettled(): void {
    this.agreement.renderSaved();
  }

  update(message: Extract<DeckMessage, { type: 'snapshot' }>): void {
    const { snapshot, slide } = message;
    if (this.page !== undefined && snapshot.page !== this.page) this.onDeckReloaded();
    this.page = snapshot.page;
    this.element.dataset['connected'] = 'true';
    this.fillOverview(snapshot);
    this.slide = slide;
    this.renderSlides(slide);
    const section = this.sections[slide.h];
    this.agreement.follow(section?.dataset['card'], section?.dataset['slideKind']);
    this.agreement.update(snapshot);
    this.renderSnapshot(snapshot, section?.dataset['card']);
  }

  /** The view's copy of the agreements overview, as the deck shows it. */
  private fillOverview(snapshot: Snapshot): void {
    if (!this.overview) return;
    const entries = overviewEntries(this.plan, snapshot.seminar, this.strings);
    const signature = JSON.stringify(entries);
    if (signature === this.overviewSignature) return;
    this.overviewSignature = signature;
    fillOverview(this.overview, entries, this.strings, this.measure);
    this.current.invalidate();
    this.next.invalidate();
    if (this.slide) this.renderSlides(this.slide);
  }

  private renderSlides(slide: SlidePosition): void {
    const { strings } = this;
    const total = slide.numbers?.total ?? (this.sections.length || slide.total);
    this.current.show(slide.h, slide.f, true, `${strings.now} · ${strings.slideOf(slide.numbers?.current ?? slide.h + 1, total)}`);
    const next = slide.next;
    const nextNumber = slide.numbers?.next ?? (next === undefined ? undefined : next + 1);
    this.next.show(next, -1, true, next === undefined || nextNumber === undefined ? strings.endOfDeck : `${strings.nextSlide} · ${strings.slideOf(nextNumber, total)}`);
    this.notes.show(slide.h);
    this.prevButton.disabled = slide.h === 0 && slide.f < 0;
    this.nextButton.disabled = next === undefined && slide.f >= slide.fragments - 1;
  }

  private renderSnapshot(snapshot: Snapshot, cardOnScreen: string | undefined): void {
    markSeminar(this.doc, snapshot.projection.phase, snapshot.seminar.rehearsal);
    const card = this.plan.items.find((item) => item.kind === 'card' && item.id === cardOnScreen);
    this.header.render(snapshot, card?.kind === 'card' ? card : undefined);
    this.banners.render(snapshot);
    this.discussion.render(snapshot);
    this.replan.render(snapshot);
    this.planTable.render(snapshot);
    this.dialog.render(snapshot);
    this.element.dataset['paused'] = String(snapshot.projection.phase === 'paused');
    if (snapshot.projector === 'black') this.doc.documentElement.dataset['projector'] = 'black';
    else delete this.doc.documentElement.dataset['projector'];
  }
}
