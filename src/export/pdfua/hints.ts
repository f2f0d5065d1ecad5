// What the PDF/UA stage needs from the page before it is printed: the text of its figures and its links.
//
// Chromium tags images, `role="img"` and `<figure>` elements as Figure but writes no /Alt, and tags links
// without a description. Both are read here from the DOM, in document order, which is the order of the
// Figure and Link elements in the structure tree Chromium writes.

export interface AccessibilityHints {
  /** The text alternative of each element Chromium tags as a Figure, in document order. */
  figures: string[];
  /** The accessible name of each link Chromium tags, in document order. */
  links: string[];
}

/**
 * A `<figure data-pdf-alt="content">` is described by its caption and the visible text of the rest: the
 * guide's slide thumbnails ("Slide 12: Om at bruge sociale medier …").
 *
 * Which elements Chromium (136–156) makes a Figure: images with an alt text, or none; SVG and other elements
 * with `role="img"`; `<figure>` with no other role; `role="figure"`. Not those inside `aria-hidden`, nor
 * unrendered ones. Decorative images (`alt=""`) and plain SVG are drawn untagged and become artifacts.
 *
 * Must stay self-contained (no imports, no outer variables): Puppeteer sends its source text to the page.
 */
export function collectAccessibilityHints(): AccessibilityHints {
  const shown = (el: Element) => !el.closest('[aria-hidden="true"]') && el.getClientRects().length > 0;
  const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const name = (el: Element) => {
    const label = el.getAttribute('aria-label')?.trim();
    if (label) return label;
    const labelledBy = el.getAttribute('aria-labelledby');
    if (labelledBy) {
      const joined = labelledBy.split(/\s+/).map((id) => text(document.getElementById(id))).filter(Boolean).join(' ');
      if (joined) return joined;
    }
    if (el instanceof HTMLImageElement) return el.alt.trim();
    if (el.tagName === 'FIGURE') {
      const caption = text(el.querySelector(':scope > figcaption'));
      if (el.getAttribute('data-pdf-alt') !== 'content') return caption;
      // Described by what it shows: the caption, then the visible text of the rest (a slide thumbnail).
      const shownText = Array.from(el.children).filter((child) => child.tagName !== 'FIGCAPTION')
        .map((child) => (child instanceof HTMLElement ? child.innerText : '')).join(' ').replace(/\s+/g, ' ').trim();
      return [caption, shownText].filter(Boolean).join(': ');
    }
    return text(el.querySelector(':scope > title')) || el.getAttribute('title')?.trim() || '';
  };
  const figures = Array.from(document.querySelectorAll('img:not([alt=""]), [role="img"], figure:not([role]), [role="figure"]'))
    .filter(shown).map(name);
  const links = Array.from(document.querySelectorAll('a[href]')).filter(shown).map((a) => a.getAttribute('aria-label')?.trim() || text(a));
  return { figures, links };
}
