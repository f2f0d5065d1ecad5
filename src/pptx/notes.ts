// The facilitator's guidance for one slide, as PowerPoint's notes: the one place where notes are made.
//
// Read from the slide's structured notes: the header line ("Tema 3 af 10 · 20 min. · 09:40–10:00 · Slide 2 af
// 4") as a bold paragraph, then the slide's own guidance and the card's, with their emphasis, lists and links.
import { guidanceHtml } from '../pipeline/render/guidance.js';
import type { Slide } from '../pipeline/render/slide.js';
import { htmlParagraphs, type TextParagraph } from './html-text.js';

/** The notes of a slide as paragraphs: the header line first (bold), then the guidance. Read-only: shared. */
export function slideNotes(slide: Slide): readonly TextParagraph[] {
  const { header, own, main } = slide.notes;
  const headerParagraph: TextParagraph[] = header ? [{ runs: [{ text: header }], heading: true }] : [];
  const ownParagraphs = own ? paragraphs(guidanceHtml(own)) : [];
  const divider: TextParagraph[] = ownParagraphs.length > 0 ? [{ runs: [], divider: true }] : [];
  return [...headerParagraph, ...ownParagraphs, ...divider, ...paragraphs(guidanceHtml(main))];
}

/** Every slide of a card repeats the card's guidance below its header: each text is read once. */
const parsed = new Map<string, readonly TextParagraph[]>();
const MAX_PARSED = 2000;

function paragraphs(html: string): readonly TextParagraph[] {
  let found = parsed.get(html);
  if (!found) {
    if (parsed.size >= MAX_PARSED) parsed.clear();
    parsed.set(html, (found = htmlParagraphs(html)));
  }
  return found;
}
