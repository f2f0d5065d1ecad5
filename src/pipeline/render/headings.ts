// Headings inside a card's text, nested under the heading they come under.

/**
 * The highest level the HTML uses becomes `under + 1`, and each lower one the next, so an outline never
 * skips a level: a card's `## Step` under the card's h2 becomes h3, not h4. Levels stop at h6.
 */
export function nestHeadings(html: string, under = 2): string {
  const levels = [...new Set([...html.matchAll(/<h([1-6])(?=[\s>])/gi)].map((m) => Number(m[1])))].sort();
  const to = (level: number) => Math.min(6, under + 1 + levels.indexOf(level));
  return html.replace(/<(\/?)h([1-6])(?=[\s>])/gi, (_, slash: string, level: string) => `<${slash}h${to(Number(level))}`);
}
