// The facilitator's notes for the current slide, in a large font they can change (A−/A+), remembered.
import { button, h } from '../kit/dom.js';
import type { Strings } from '../strings/index.js';

const PREFS_KEY = 'samtale.facilitator.view.v1';
const SIZES = [18, 20, 22, 24, 26, 28, 32, 36, 40, 44, 50];
/** Readable at an arm's length, with 15 lines or more in the notes column of a 1366×768 screen. */
const DEFAULT_SIZE = 24;

export class NotesPanel {
  readonly element: HTMLElement;
  private readonly body: HTMLElement;
  private shown: number | undefined = undefined;
  private size: number;

  constructor(
    private readonly doc: Document,
    private readonly sections: readonly HTMLElement[],
    private readonly strings: Strings,
  ) {
    this.size = this.loadSize();
    this.body = h(doc, 'div', { class: 'fv-notes-body', tabindex: 0 });
    // The visible text is the name's start (WCAG 2.5.3); the rest is for screen readers.
    const smaller = button(doc, 'A−', () => this.step(-1), { class: 'fv-font-button', title: strings.fontSmaller });
    const larger = button(doc, 'A+', () => this.step(1), { class: 'fv-font-button', title: strings.fontLarger });
    smaller.append(h(doc, 'span', { class: 'fv-sr' }, ` ${strings.fontSmaller}`));
    larger.append(h(doc, 'span', { class: 'fv-sr' }, ` ${strings.fontLarger}`));
    this.element = h(
      doc,
      'section',
      { class: 'fv-notes', 'aria-labelledby': 'fv-notes-heading' },
      h(doc, 'div', { class: 'fv-panel-head' }, h(doc, 'h2', { id: 'fv-notes-heading' }, strings.notes), h(doc, 'div', { class: 'fv-font-buttons' }, smaller, larger)),
      this.body,
    );
    this.apply();
  }

  show(index: number): void {
    if (index === this.shown) return;
    this.shown = index;
    const notes = this.sections[index]?.querySelector('aside.notes');
    const nodes = notes ? Array.from(notes.childNodes).map((node) => node.cloneNode(true)) : [];
    const empty = nodes.every((node) => (node.textContent ?? '').trim() === '');
    this.body.replaceChildren(...(empty ? [h(this.doc, 'p', { class: 'fv-muted' }, this.strings.noNotes)] : nodes));
    this.body.scrollTop = 0;
  }

  private step(direction: number): void {
    const at = SIZES.findIndex((s) => s >= this.size);
    const next = SIZES[Math.max(0, Math.min(SIZES.length - 1, (at < 0 ? SIZES.length - 1 : at) + direction))]!;
    this.size = next;
    this.apply();
    try {
      this.doc.defaultView?.localStorage.setItem(PREFS_KEY, JSON.stringify({ notesSize: next }));
    } catch {
      // Not remembered, still applied.
    }
  }

  private apply(): void {
    this.body.style.fontSize = `${this.size}px`;
    this.element.dataset['notesSize'] = String(this.size);
  }

  private loadSize(): number {
    try {
      const stored = JSON.parse(this.doc.defaultView?.localStorage.getItem(PREFS_KEY) ?? '{}') as { notesSize?: unknown };
      if (typeof stored.notesSize === 'number' && SIZES.includes(stored.notesSize)) return stored.notesSize;
    } catch {
      // Fall through to the default.
    }
    return DEFAULT_SIZE;
  }
}
