// "Det aftalte vi" on the audience screen: the agreement, as typed in the facilitator view, on the card's action slide.
//
// Shown only when the facilitator ticks "Vis på lærredet" in the view (off by default), only on the
// action slide of the card, and only when something is written. The deck window reads the active
// seminar's record from localStorage (store.ts) and hears every keystroke as a `storage` event from
// the view, so the room sees the wording as it is typed and can confirm it. The box is placed in the
// slide itself, under the action question (which steps down a size to make room), and scaled with the
// slide; long text steps down further, to the theme's 28 px minimum. Never in print: the plugin does
// not mount in reveal's print view, and CSS hides the box in `@media print` and `html.reveal-print`.
//
// The deck window also keeps the second copy of the record (store.ts, channel.ts): it merges what the
// view sends into its own storage, and answers the view's requests for its copy.
import type { RevealApi, RevealPlugin } from 'reveal.js';
import { h, injectStyle, setText } from '../facilitator/dom.js';
import { readModel } from '../facilitator/model.js';
import css from './audience.css?inline';
import { recordDeck } from './cards.js';
import { isRecordViewMessage, post, recordEnvelope } from './channel.js';
import { RecordStore } from './store.js';
import { type RecordStrings, recordStrings } from './strings.js';

const BOX_CLASS = 'samtale-agreed';
const SLIDE_CLASS = 'has-agreed';
/** Fit levels: each shrinks the text a step; the last also hides the action question (the slide title stays). */
const FIT_LEVELS = 3;

/** The plugin; registered after the facilitator plugin. */
export function RecordPlugin(): RevealPlugin {
  return {
    id: 'samtale-record',
    init(deck: RevealApi) {
      const api = deck as RevealApi & { isPrintView?: () => boolean };
      if (api.isPrintView?.() === true || deck.getConfig().view === 'print') return;
      mountAudience(deck, document, window);
    },
  };
}

function mountAudience(deck: RevealApi, doc: Document, win: Window): void {
  injectStyle(doc, 'samtale-record-audience-style', css);
  const model = recordDeck(readModel(doc));
  const strings = recordStrings(model.language);
  const store = new RecordStore(win, model.id);
  const box = new AgreedBox(doc, strings);

  const render = () => {
    const slide = deck.getCurrentSlide();
    const cardId = slide?.dataset['card'];
    const index = store.index();
    const entry = index?.show && cardId !== undefined && slide?.dataset['slideKind'] === 'action' ? store.load(index.active)?.cards[cardId] : undefined;
    const agreed = entry?.agreed.trim() ?? '';
    if (!slide || agreed === '') {
      if (box.detach()) deck.layout();
      return;
    }
    box.show(slide, agreed, entry?.followUp.trim() ?? '');
    fit(deck, slide, box);
  };
  store.watch(render);
  keepCopy(win, store, render);
  deck.on('ready', render);
  deck.on('slidechanged', render);
  deck.on('resize', () => {
    const slide = box.slide;
    if (slide) fit(deck, slide, box);
  });
  if (deck.isReady()) render();
}

/** Answers the facilitator view (a window this deck opened): its writes merged here, this copy sent there. */
function keepCopy(win: Window, store: RecordStore, changed: () => void): void {
  // A new id per page load: a view that sees it change knows the deck was reloaded.
  const page = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  win.addEventListener('message', (event) => {
    const source = event.source as Window | null;
    if (source === null || !isRecordViewMessage(event.data, store.deckId)) return;
    try {
      // Trust by identity: only a window this deck (this page or its earlier self) opened.
      if (source.opener !== win) return;
    } catch {
      return;
    }
    if (event.data.type === 'pull') {
      post(source, { ...recordEnvelope(store.deckId), type: 'copy', page, entries: store.entries() });
      return;
    }
    if (store.merge(event.data.entries).length > 0) changed();
  });
}

/**
 * Room kept free at the top and bottom of the slide (slide pixels): the theme's accent band above,
 * reveal's slide number and arrows below.
 */
const CLEAR_PX = 70;

/** Steps the text down until the slide fits between the accent band and the controls (reveal re-centres it). */
function fit(deck: RevealApi, slide: HTMLElement, box: AgreedBox): void {
  const height = (Number(deck.getConfig().height) || 720) - 2 * CLEAR_PX;
  for (let level = 0; level <= FIT_LEVELS; level++) {
    box.element.dataset['fit'] = String(level);
    slide.dataset['agreedFit'] = String(level);
    if (slide.scrollHeight <= height) break;
  }
  deck.layout();
}

class AgreedBox {
  readonly element: HTMLElement;
  private readonly text: HTMLElement;
  private readonly followUp: HTMLElement;
  private readonly followUpText: HTMLElement;
  slide: HTMLElement | undefined;

  constructor(doc: Document, strings: RecordStrings) {
    this.text = h(doc, 'p', { class: 'samtale-agreed-text' });
    this.followUpText = h(doc, 'span');
    this.followUp = h(doc, 'p', { class: 'samtale-agreed-follow' }, h(doc, 'span', { class: 'samtale-agreed-follow-label' }, strings.audienceFollowUp), ' ', this.followUpText);
    this.element = h(
      doc,
      'div',
      { class: BOX_CLASS, 'aria-live': 'polite' },
      h(doc, 'p', { class: 'samtale-agreed-label' }, strings.audienceHeading),
      this.text,
      this.followUp,
    );
  }

  show(slide: HTMLElement, agreed: string, followUp: string): void {
    if (this.slide !== slide) {
      this.detach();
      slide.append(this.element);
      slide.classList.add(SLIDE_CLASS);
      this.slide = slide;
    }
    setText(this.text, agreed);
    setText(this.followUpText, followUp);
    this.followUp.hidden = followUp === '';
  }

  /** Takes the box off its slide; true if it was on one. */
  detach(): boolean {
    if (!this.slide) return false;
    this.slide.classList.remove(SLIDE_CLASS);
    delete this.slide.dataset['agreedFit'];
    this.element.remove();
    this.slide = undefined;
    return true;
  }
}
