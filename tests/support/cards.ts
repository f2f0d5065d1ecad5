// Test helpers: parse a card from a string and collect its diagnostics.
import { Diagnostics } from '../../src/diagnostics/deck-error.js';
import { createMarkdown } from '../../src/pipeline/parse/markdown.js';
import { parseCard } from '../../src/pipeline/parse-card.js';

export function parse(text: string, options: { allowHtml?: boolean; file?: string } = {}) {
  const diagnostics = new Diagnostics();
  const md = createMarkdown({ allowHtml: options.allowHtml ?? false });
  const card = parseCard({ file: options.file ?? '/project/content/test-card.md', text }, md, diagnostics);
  return { card, diagnostics: diagnostics.sorted(), md };
}

/** A card file from front matter fields and a body. */
export function cardText(body: string, front = 'title: Om at teste\nkind: theme\nminutes: 15'): string {
  return `---\n${front}\n---\n\n${body}\n`;
}
