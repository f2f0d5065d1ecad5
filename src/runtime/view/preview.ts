// A slide preview in the facilitator view: a clone of the deck's own <section>, scaled into a box.
//
// The view's page is the deck file itself, so every slide's DOM and the theme
// CSS are already here; a clone inside a `.reveal .slides` of the deck's size
// looks exactly like the slide, without loading the deck again in an iframe.
// Clones lose ids and notes; iframes are replaced by a plain box and videos
// get preload="none", so a preview never plays or loads media.
import { h, setText } from '../kit/dom.js';

export interface SlideSize {
  width: number;
  height: number;
}

export class SlidePreview {
  readonly element: HTMLElement;
  private readonly frame: HTMLElement;
  private readonly stage: HTMLElement;
  private readonly slides: HTMLElement;
  private readonly backgrounds: HTMLElement;
  private readonly caption: HTMLElement;
  private shown = '';

  constructor(
    private readonly doc: Document,
    private readonly sections: readonly HTMLElement[],
    private readonly size: SlideSize,
    className: string,
  ) {
    this.slides = h(doc, 'div', { class: 'slides' });
    this.backgrounds = h(doc, 'div', { class: 'backgrounds' });
    this.stage = h(doc, 'div', { class: 'reveal fv-stage' }, this.backgrounds, this.slides);
    this.stage.style.width = `${size.width}px`;
    this.stage.style.height = `${size.height}px`;
    this.stage.inert = true;
    this.frame = h(doc, 'div', { class: 'fv-preview-frame' }, this.stage);
    this.frame.style.aspectRatio = `${size.width} / ${size.height}`;
    this.caption = h(doc, 'figcaption', { class: 'fv-preview-caption' });
    this.element = h(doc, 'figure', { class: `fv-preview ${className}` }, this.caption, this.frame);
    const win = doc.defaultView ?? window;
    new win.ResizeObserver(() => this.scale()).observe(this.frame);
  }

  /**
   * Shows slide `index` with fragments up to `fragment` visible; with
   * `upcoming`, fragments not shown yet are drawn faintly (for the current
   * slide: the facilitator sees what is still to come).
   */
  show(index: number | undefined, fragment: number, upcoming: boolean, caption: string): void {
    setText(this.caption, caption);
    const key = `${index}:${fragment}:${upcoming}`;
    if (key === this.shown) return;
    this.shown = key;
    const section = index === undefined ? undefined : this.sections[index];
    if (!section) {
      this.slides.replaceChildren();
      this.backgrounds.replaceChildren();
      this.element.classList.add('is-empty');
      return;
    }
    this.element.classList.remove('is-empty');
    const clone = cloneSection(section);
    fragmentsOf(clone).forEach((el, i) => {
      el.classList.toggle('visible', i <= fragment);
      el.classList.toggle('current-fragment', i === fragment);
      el.classList.toggle('fv-upcoming', upcoming && i > fragment);
    });
    this.slides.replaceChildren(clone);
    this.backgrounds.replaceChildren(backgroundFor(this.doc, section));
    this.center(clone);
    void this.doc.fonts?.ready.then(() => this.center(clone));
    this.scale();
  }

  /** The slide's content changed (the agreements overview was refilled): draw it again. */
  invalidate(): void {
    this.shown = '';
  }

  /** reveal.js centres slides by setting `top`; the same here. */
  private center(section: HTMLElement): void {
    section.style.top = `${Math.max(0, (this.size.height - section.offsetHeight) / 2)}px`;
  }

  private scale(): void {
    const width = this.frame.clientWidth;
    if (width > 0) this.stage.style.transform = `scale(${width / this.size.width})`;
  }
}

function cloneSection(section: HTMLElement): HTMLElement {
  const clone = section.cloneNode(true) as HTMLElement;
  clone.querySelectorAll('aside.notes, script').forEach((node) => node.remove());
  clone.removeAttribute('id');
  clone.querySelectorAll('[id]').forEach((node) => node.removeAttribute('id'));
  clone.querySelectorAll('iframe').forEach((frame) => {
    const box = clone.ownerDocument.createElement('div');
    box.className = 'fv-media-placeholder';
    frame.replaceWith(box);
  });
  clone.querySelectorAll<HTMLMediaElement>('video, audio').forEach((media) => {
    media.removeAttribute('autoplay');
    media.removeAttribute('data-autoplay');
    media.preload = 'none';
    media.muted = true;
  });
  clone.classList.remove('past', 'future');
  clone.classList.add('present');
  clone.removeAttribute('hidden');
  clone.removeAttribute('aria-hidden');
  return clone;
}

/** Fragments in reveal's order: by data-fragment-index when given, else document order. */
function fragmentsOf(section: HTMLElement): HTMLElement[] {
  const all = Array.from(section.querySelectorAll<HTMLElement>('.fragment'));
  const index = (el: HTMLElement, i: number) => {
    const n = Number(el.dataset['fragmentIndex']);
    return Number.isFinite(n) && el.dataset['fragmentIndex'] !== undefined ? n : i;
  };
  return all.map((el, i) => ({ el, key: index(el, i), i })).sort((a, b) => a.key - b.key || a.i - b.i).map((x) => x.el);
}

/** The slide's background as reveal.js draws it: an element carrying the slide's classes. */
function backgroundFor(doc: Document, section: HTMLElement): HTMLElement {
  const background = h(doc, 'div', { class: `slide-background present ${section.className.replace(/\b(present|past|future)\b/g, '')}`.trim() });
  const color = section.dataset['backgroundColor'];
  if (color) background.style.backgroundColor = color;
  return background;
}
