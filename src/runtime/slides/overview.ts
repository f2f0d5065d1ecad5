// "Det aftalte vi i dag": the day's agreements, card by card, on a slide before the closing, for the council
// to confirm. Both windows build it the same way — the deck for the room, the view for its preview — so
// the slide indices of the two windows always agree.
//
// The slide is added by the runtime (not the build), so no PDF, handout or PowerPoint ever carries it. It
// is shown only when the facilitator shows the agreements on screen and something has been agreed;
// otherwise the deck passes it by (deck/navigation.ts). Long lists are fitted: the text steps down to the
// theme's 28 px minimum and goes into two columns; what still does not fit continues on further pages,
// shown one after another with → like a slide's questions (reveal fragments).
import { h, injectStyle } from '../kit/dom.js';
import type { Plan } from '../seminar/plan.js';
import { type SeminarState, fieldText } from '../seminar/state.js';
import type { Strings } from '../strings/index.js';
import css from './overview.css?inline';

export const OVERVIEW_KIND = 'agreements';
const FIT_LEVELS = 3;
const SLIDE_HEIGHT = 720;
/** Room kept free at the top and bottom of the slide (slide pixels): the theme's band, the corner controls. */
const CLEAR_PX = 70;

export interface OverviewEntry {
  cardId: string;
  /** "Tema 3 · Om at være på 24/7". */
  label: string;
  agreed: string;
  followUp: string;
}

/** The agreements to show, in the day's order: every card with something agreed. */
export function overviewEntries(plan: Plan, state: SeminarState, strings: Strings): OverviewEntry[] {
  return plan.items.flatMap((item) => {
    if (item.kind !== 'card') return [];
    const agreed = fieldText(state, item.id, 'agreed');
    if (agreed.trim() === '') return [];
    const label = item.themeNumber === undefined ? item.title : `${strings.themeOf(item.themeNumber, plan.themeCount)} · ${item.title}`;
    return [{ cardId: item.id, label, agreed, followUp: fieldText(state, item.id, 'followUp') }];
  });
}

/** An off-screen place, the slide's size, where a slide can be laid out and measured. */
export function measureStage(doc: Document, width: number, height: number): HTMLElement {
  const slides = h(doc, 'div', { class: 'slides' });
  const stage = h(doc, 'div', { class: 'reveal samtale-measure', 'aria-hidden': 'true' }, slides);
  Object.assign(stage.style, { position: 'fixed', left: '-20000px', top: '0', width: `${width}px`, height: `${height}px`, visibility: 'hidden', pointerEvents: 'none' });
  Object.assign(slides.style, { width: `${width}px`, height: `${height}px` });
  doc.body.append(stage);
  return slides;
}

/** Adds the (empty) overview slide before the closing slide, once; returns it. */
export function insertOverviewSlide(doc: Document, strings: Strings): HTMLElement | undefined {
  const slides = doc.querySelector<HTMLElement>('.reveal > .slides');
  if (!slides) return undefined;
  injectStyle(doc, 'samtale-overview-style', css);
  const existing = slides.querySelector<HTMLElement>(`:scope > section[data-slide-kind="${OVERVIEW_KIND}"]`);
  if (existing) return existing;
  const section = h(
    doc,
    'section',
    { class: 'samtale-agreements', 'data-slide-kind': OVERVIEW_KIND, 'data-timing': 0 },
    h(doc, 'h2', {}, strings.overviewHeading),
    h(doc, 'div', { class: 'agreements-pages' }),
    h(doc, 'aside', { class: 'notes' }, h(doc, 'p', {}, strings.overviewNotes)),
  );
  const closing = slides.querySelector(':scope > section[data-slide-kind="closing"]');
  slides.insertBefore(section, closing);
  return section;
}

/**
 * Fills the overview with `entries`, fitted to the slide. Returns the number of pages (each page after
 * the first is a fragment). `measure` is an element in which the slide can be laid out off screen.
 */
export function fillOverview(section: HTMLElement, entries: readonly OverviewEntry[], strings: Strings, measure: HTMLElement): number {
  const doc = section.ownerDocument;
  const pages = section.querySelector<HTMLElement>('.agreements-pages');
  if (!pages) return 0;
  const items = entries.map((entry) => item(doc, entry, strings));
  if (items.length === 0) {
    pages.replaceChildren(h(doc, 'p', { class: 'agreements-nothing' }, strings.overviewNothing));
    delete section.dataset['fit'];
    return 1;
  }
  // Lay out off screen in a copy of the slide, at each fit level, until everything fits on one page.
  const probe = section.cloneNode(true) as HTMLElement;
  probe.querySelector('aside.notes')?.remove();
  probe.classList.add('present');
  probe.hidden = false;
  Object.assign(probe.style, { display: 'block', position: 'relative', top: '0' });
  measure.replaceChildren(probe);
  const probePages = probe.querySelector<HTMLElement>('.agreements-pages')!;
  const room = SLIDE_HEIGHT - 2 * CLEAR_PX;
  let level = 0;
  for (; level <= FIT_LEVELS; level++) {
    probe.dataset['fit'] = String(level);
    probePages.replaceChildren(page(doc, items.map((i) => i.cloneNode(true) as HTMLElement)));
    if (probe.scrollHeight <= room) break;
  }
  level = Math.min(level, FIT_LEVELS);
  section.dataset['fit'] = String(level);
  probe.dataset['fit'] = String(level);
  // Still too long at the smallest size: fill page after page.
  const filled: HTMLElement[][] = [[]];
  for (const entry of items) {
    const current = filled[filled.length - 1]!;
    probePages.replaceChildren(page(doc, [...current, entry].map((i) => i.cloneNode(true) as HTMLElement)));
    if (current.length > 0 && probe.scrollHeight > room) filled.push([entry]);
    else current.push(entry);
  }
  measure.replaceChildren();
  pages.replaceChildren(...filled.map((group, index) => pageOf(doc, group, index, filled.length, strings)));
  return filled.length;
}

function item(doc: Document, entry: OverviewEntry, strings: Strings): HTMLElement {
  const follow = entry.followUp.trim();
  return h(
    doc,
    'li',
    { class: 'agreements-item', 'data-card': entry.cardId },
    h(doc, 'p', { class: 'agreements-card' }, entry.label),
    h(doc, 'p', { class: 'agreements-text' }, entry.agreed.trim()),
    follow ? h(doc, 'p', { class: 'agreements-follow' }, h(doc, 'span', { class: 'agreements-follow-label' }, strings.audienceFollowUp), ` ${follow}`) : null,
  );
}

function page(doc: Document, items: HTMLElement[]): HTMLElement {
  return h(doc, 'ol', { class: `agreements-list${items.length > 3 ? ' agreements-columns' : ''}` }, ...items);
}

/** Page 1 fades out at the first step; each further page shows on its step and hides at the next (the last stays). */
function pageOf(doc: Document, items: HTMLElement[], index: number, count: number, strings: Strings): HTMLElement {
  const element = h(doc, 'div', { class: 'agreements-page' }, page(doc, items));
  if (count > 1) {
    element.append(h(doc, 'p', { class: 'agreements-page-number' }, strings.overviewPage(index + 1, count)));
    if (index === 0) element.classList.add('fragment', 'fade-out');
    else if (index < count - 1) element.classList.add('fragment', 'current-visible');
    else element.classList.add('fragment');
    element.dataset['fragmentIndex'] = String(Math.max(0, index - 1));
  }
  return element;
}
