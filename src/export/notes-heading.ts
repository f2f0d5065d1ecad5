// A heading said once: the guide puts a heading above the title, agenda and closing slides' notes ("Velkommen"),
// and notes written for those slides often begin with the same title ("**Velkommen** (ca. 3 min)").
import type { Guidance } from '../model.js';

/** A title's own words: without a trailing "(ca. 3 min)" or colon, in lower case, letters and digits only. */
const words = (title: string) => title.replace(/\s*\([^()]*\)\s*:?\s*$/u, '').normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * When the guidance begins with a section whose title repeats `heading`, that title and the guidance without
 * it, so the two can be shown as one heading; otherwise the guidance as it is.
 */
export function withoutRepeatedTitle(guidance: Guidance, heading: string): { title?: string; guidance: Guidance } {
  const [first, ...rest] = guidance.sections;
  if (!first?.title || words(first.title) !== words(heading)) return { guidance };
  const { title, titleHtml: _shown, ...untitled } = first;
  return { title, guidance: { sections: [untitled, ...rest] } };
}

/** What a repeated title adds to its heading: "ca. 3 min" of "Velkommen (ca. 3 min)". */
export function titleTail(title: string): string {
  return /\(([^()]*)\)\s*:?\s*$/u.exec(title)?.[1]?.trim() ?? '';
}
