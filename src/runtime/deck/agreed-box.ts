// "Det aftalte vi" on the projector: the agreement, as typed in the facilitator view, on its card's action slide.
//
// Shown only when the facilitator shows the agreements on screen (off by default), only on the action
// slide of the card, and only when something is written; the room sees the wording as it is typed and can
// confirm it. The box is placed in the slide itself, under the action question (which steps down a size),
// and scaled with the slide; long text steps down further, to the theme's 28 px minimum. Never in print:
// the plugin does not mount in reveal's print view, and CSS hides the box in `@media print` and
// `html.reveal-print`.
import type { RevealApi } from 'reveal.js';
import { h, injectStyle, setText } from '../kit/dom.js';
import { fieldText } from '../seminar/state.js';
import type { Snapshot } from '../protocol.js';
import type { Strings } from '../strings/index.js';
import css from './agreed-box.css?inline';

const SLIDE_CLASS = 'has-agreed';
/** Fit levels: each shrinks the text a step; the last also hides the action question (the slide title stays). */
const FIT_LEVELS = 3;
/**
 * Room kept free at the top and bottom of the slide (slide pixels): the theme's accent band above, the
 * corner controls below.
 */
const CLEAR_PX = 70;

export class AgreedBox {
  private readonly element: HTMLElement;
  private readonly text: HTMLElement;
  private readonly followUp: HTMLElement;
  private readonly followUpText: HTMLElement;
  private slide: HTMLElement | undefined;

  constructor(
    private readonly deck: RevealApi,
    doc: Document,
    strings: Strings,
  ) {
    injectStyle(doc, 'samtale-agreed-style', css);
    this.text = h(doc, 'p', { class: 'samtale-agreed-text' });
    this.followUpText = h(doc, 'span');
    this.followUp = h(doc, 'p', { class: 'samtale-agreed-follow' }, h(doc, 'span', { class: 'samtale-agreed-follow-label' }, strings.audienceFollowUp), ' ', this.followUpText);
    this.element = h(
      doc,
      'div',
      { class: 'samtale-agreed', 'aria-live': 'polite' },
      h(doc, 'p', { class: 'samtale-agreed-label' }, strings.audienceHeading),
      this.text,
      this.followUp,
    );
    deck.on('resize', () => {
      if (this.slide) this.fit(this.slide);
    });
  }

  /** Shows the current action slide's agreement, or takes the box away. */
  render(snapshot: Snapshot): void {
    const slide = this.deck.getCurrentSlide();
    const cardId = slide?.dataset['card'];
    const onAction = slide?.dataset['slideKind'] === 'action' && cardId !== undefined;
    const agreed = onAction && snapshot.prefs.showAgreements ? fieldText(snapshot.seminar, cardId, 'agreed').trim() : '';
    if (!slide || agreed === '') {
      if (this.detach()) this.deck.layout();
      return;
    }
    const followUp = fieldText(snapshot.seminar, cardId!, 'followUp').trim();
    const changed = this.slide !== slide || this.text.textContent !== agreed || this.followUpText.textContent !== followUp;
    if (this.slide !== slide) {
      this.detach();
      slide.append(this.element);
      slide.classList.add(SLIDE_CLASS);
      this.slide = slide;
    }
    setText(this.text, agreed);
    setText(this.followUpText, followUp);
    this.followUp.hidden = followUp === '';
    if (changed) this.fit(slide);
  }

  /** Steps the text down until the slide fits between the band and the controls (reveal re-centres it). */
  private fit(slide: HTMLElement): void {
    const height = (Number(this.deck.getConfig().height) || 720) - 2 * CLEAR_PX;
    for (let level = 0; level <= FIT_LEVELS; level++) {
      this.element.dataset['fit'] = String(level);
      slide.dataset['agreedFit'] = String(level);
      if (slide.scrollHeight <= height) break;
    }
    this.deck.layout();
  }

  /** Takes the box off its slide; true if it was on one. */
  private detach(): boolean {
    if (!this.slide) return false;
    this.slide.classList.remove(SLIDE_CLASS);
    delete this.slide.dataset['agreedFit'];
    this.element.remove();
    this.slide = undefined;
    return true;
  }
}
