// The facilitator's guidance for one slide, as PowerPoint's notes: the one place where notes are made.
//
// Today the notes are read from the rendered slide's notes (its header line "Tema 3 af 10 · 20 min. ·
// 09:40–10:00 · Slide 2 af 4", then the slide's own guidance and the card's). When the deck model carries the
// guidance as structured data, this function reads that instead; nothing else in the export changes.
import type { Slide } from '../pipeline/render/slide.js';
import { htmlParagraphs, type TextParagraph } from './html-text.js';

/** The notes of a slide as paragraphs: the header line first (bold), then the guidance. */
export function slideNotes(slide: Slide): TextParagraph[] {
  return htmlParagraphs(slide.notesHtml).map((paragraph) =>
    paragraph.className?.split(/\s+/).includes('notes-meta') ? { ...paragraph, heading: true } : paragraph);
}
