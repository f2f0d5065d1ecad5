// Skip means skip: the deck passes by the slides of skipped cards (and the agreements overview while it
// is not shown), whichever way the facilitator navigates — keys, a remote, the view, the overview, a URL.
//
// reveal.js announces every slide change with a cancelable `beforeslidechange` carrying the target
// index; a change towards a passed-by slide is cancelled and sent on to the nearest slide that is not,
// in the same direction (or back the other way at the end of the deck). Going backwards, the slide
// arrives with all its fragments shown, as reveal does for `prev`.
import type { RevealApi } from 'reveal.js';

export class Navigation {
  constructor(
    private readonly deck: RevealApi,
    /** True for a slide the deck must not show now. */
    private readonly passedBy: (slide: HTMLElement) => boolean,
  ) {
    deck.on('beforeslidechange', (event: Event) => this.guard(event as Event & { indexh?: number }));
  }

  /** The slide "next" leads to from `from` (passing by what must not be shown), if any. */
  nextIndex(from: number): number | undefined {
    const slides = this.deck.getSlides();
    for (let i = from + 1; i < slides.length; i++) if (!this.passedBy(slides[i]!)) return i;
    return undefined;
  }

  /** After the skip state changed: if the deck stands on a slide it must now pass by, move on. */
  recheck(): void {
    const slide = this.deck.getCurrentSlide();
    if (!slide || !this.passedBy(slide)) return;
    const h = this.deck.getIndices().h;
    const target = this.nearest(h, 1) ?? this.nearest(h, -1);
    if (target !== undefined) this.deck.slide(target);
  }

  private guard(event: Event & { indexh?: number }): void {
    const target = event.indexh;
    const slides = this.deck.getSlides();
    const slide = target === undefined ? undefined : slides[target];
    if (target === undefined || !slide || !this.passedBy(slide)) return;
    event.preventDefault();
    const from = this.deck.getIndices().h;
    const forward = target >= from;
    const to = this.nearest(target, forward ? 1 : -1) ?? this.nearest(target, forward ? -1 : 1);
    if (to === undefined || to === from) return;
    if (forward) this.deck.slide(to);
    else this.deck.slide(to, undefined, slides[to]!.querySelectorAll('.fragment').length - 1);
  }

  private nearest(from: number, direction: 1 | -1): number | undefined {
    const slides = this.deck.getSlides();
    for (let i = from + direction; i >= 0 && i < slides.length; i += direction) if (!this.passedBy(slides[i]!)) return i;
    return undefined;
  }
}
