// The facilitator's guidance for one slide, as PowerPoint's notes: the one place where notes are made.
//
// Today the notes are read from the rendered slide's notes (its header line "Tema 3 af 10 · 20 min. ·
// 09:40–10:00 · Slide 2 af 4", then the slide's own guidance and the card's). When the deck model carries the
// guidance as structured data, this function reads that instead; nothing else in the export changes.
import type { Slide } from '../pipeline/render/slide.js';
import { htmlParagraphs, type TextParagraph } from './html-text.js';

/** The header line the renderer writes first in a slide's notes (src/pipeline/render/card-slides.ts). */
const HEADER = /^<p class="notes-meta">[\s\S]*?<\/p>\n?/;

/** The notes of a slide as paragraphs: the header line first (bold), then the guidance. Read-only: shared. */
export function slideNotes(slide: Slide): readonly TextParagraph[] {
  const header = HEADER.exec(slide.notesHtml)?.[0] ?? '';
  return [...htmlParagraphs(header).map((paragraph) => ({ ...paragraph, heading: true })), ...guidance(slide.notesHtml.slice(header.length))];
}

/** Every slide of a card repeats the card's guidance below its header: each text is read once. */
const parsed = new Map<string, readonly TextParagraph[]>();
const MAX_PARSED = 2000;

function guidance(html: string): readonly TextParagraph[] {
  let paragraphs = parsed.get(html);
  if (!paragraphs) {
    if (parsed.size >= MAX_PARSED) parsed.clear();
    parsed.set(html, (paragraphs = htmlParagraphs(html)));
  }
  return paragraphs;
}
