// The rendered HTML of cards and notes as paragraphs of styled text runs: what a PowerPoint text box holds.
import { Parser } from 'htmlparser2';

/** A piece of text with one style. */
export interface TextRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** An http(s) or mailto address the run links to. */
  link?: string;
  /** A colour of its own (six hex digits), e.g. the accent of a quote's quotation marks. */
  color?: string;
}

/** One paragraph: its runs, and whether it is a list item, a heading or a divider. */
export interface TextParagraph {
  runs: TextRun[];
  /** A list item: ordered lists carry the item's number. */
  list?: { ordered: boolean; level: number; number?: number };
  /** A heading (h1–h6), or a line of its own in bold such as "**Formål**". */
  heading?: boolean;
  /** A thematic break (`<hr>`): a divider between a slide's own notes and the card's. */
  divider?: boolean;
  /** The HTML element's class, e.g. `notes-meta` for the header line of the notes. */
  className?: string;
}

/** How a divider (`<hr>`) reads in a text box or the notes. */
export const DIVIDER = '―――';

const BLOCKS = new Set(['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'figcaption', 'div', 'pre', 'tr', 'dt', 'dd']);
const SKIPPED = new Set(['script', 'style', 'template', 'svg']);

/**
 * Reads HTML (as markdown-it and our renderers write it, or raw HTML a deck allows) into paragraphs. Inline
 * HTML without block elements becomes one paragraph. Whitespace collapses as a browser would show it.
 */
export function htmlParagraphs(html: string): TextParagraph[] {
  const paragraphs: TextParagraph[] = [];
  const lists: { ordered: boolean; next: number }[] = [];
  const style = { bold: 0, italic: 0 };
  const links: (string | undefined)[] = [];
  let skipping = 0;
  let current: TextParagraph | undefined;

  const close = () => {
    if (!current) return;
    trimRuns(current.runs);
    if (current.runs.length > 0 || current.divider) paragraphs.push(current);
    current = undefined;
  };
  const open = (extra: Partial<TextParagraph> = {}) => {
    close();
    current = { runs: [], ...extra };
  };

  const parser = new Parser({
    onopentag(name, attributes) {
      if (SKIPPED.has(name)) skipping++;
      if (skipping > 0) return;
      if (name === 'ol' || name === 'ul') {
        close();
        const start = Number(attributes['start'] ?? 1);
        lists.push({ ordered: name === 'ol', next: Number.isFinite(start) ? start : 1 });
      } else if (name === 'li') {
        const list = lists.at(-1) ?? { ordered: false, next: 1 };
        open({ list: { ordered: list.ordered, level: Math.max(0, lists.length - 1), ...(list.ordered ? { number: list.next++ } : {}) } });
      } else if (name === 'hr') {
        open({ divider: true });
        close();
      } else if (name === 'br') {
        // A line break inside a paragraph starts a new paragraph of the same kind.
        if (current) {
          const { list: _list, runs: _runs, ...kind } = current;
          open(kind);
        }
      } else if (BLOCKS.has(name)) {
        // A paragraph inside a list item continues the item.
        const inItem = current?.list !== undefined && current.runs.length === 0 && name === 'p';
        if (!inItem) {
          open({
            ...(/^h[1-6]$/.test(name) ? { heading: true } : {}),
            ...(attributes['class'] ? { className: attributes['class'] } : {}),
          });
        }
      } else if (name === 'strong' || name === 'b') style.bold++;
      else if (name === 'em' || name === 'i') style.italic++;
      else if (name === 'a') {
        const href = attributes['href'];
        links.push(href && /^(https?:|mailto:)/i.test(href) ? href : undefined);
      }
    },
    ontext(text) {
      if (skipping > 0) return;
      if (!current) open();
      const link = links.findLast((l) => l !== undefined);
      const run: TextRun = {
        text: text.replace(/\s+/g, ' '),
        ...(style.bold > 0 ? { bold: true } : {}),
        ...(style.italic > 0 ? { italic: true } : {}),
        ...(link ? { link } : {}),
      };
      const last = current!.runs.at(-1);
      if (last && sameStyle(last, run)) last.text += run.text;
      else current!.runs.push(run);
    },
    onclosetag(name) {
      if (SKIPPED.has(name)) {
        skipping = Math.max(0, skipping - 1);
        return;
      }
      if (skipping > 0) return;
      if (name === 'ol' || name === 'ul') {
        close();
        lists.pop();
      } else if (BLOCKS.has(name)) close();
      else if (name === 'strong' || name === 'b') style.bold = Math.max(0, style.bold - 1);
      else if (name === 'em' || name === 'i') style.italic = Math.max(0, style.italic - 1);
      else if (name === 'a') links.pop();
    },
  }, { decodeEntities: true });
  parser.end(html);
  close();
  // A paragraph that is only bold text is a heading in the notes' structure ("**Formål**").
  for (const paragraph of paragraphs) {
    if (!paragraph.list && !paragraph.heading && paragraph.runs.length > 0 && paragraph.runs.every((r) => r.bold)) paragraph.heading = true;
  }
  return paragraphs;
}

/** The plain text of paragraphs, one line each (list items with their number or a bullet). */
export function paragraphsText(paragraphs: readonly TextParagraph[]): string {
  return paragraphs.map((p) => {
    const marker = p.divider ? DIVIDER : p.list ? `${'  '.repeat(p.list.level)}${p.list.number === undefined ? '•' : `${p.list.number}.`} ` : '';
    return marker + p.runs.map((r) => r.text).join('');
  }).join('\n');
}

function sameStyle(a: TextRun, b: TextRun): boolean {
  return a.bold === b.bold && a.italic === b.italic && a.link === b.link && a.color === b.color;
}

/** Drops the spaces a browser would not show at a paragraph's start and end. */
function trimRuns(runs: TextRun[]): void {
  while (runs.length > 0) {
    runs[0]!.text = runs[0]!.text.replace(/^ +/, '');
    if (runs[0]!.text) break;
    runs.shift();
  }
  while (runs.length > 0) {
    runs.at(-1)!.text = runs.at(-1)!.text.replace(/ +$/, '');
    if (runs.at(-1)!.text) break;
    runs.pop();
  }
}
