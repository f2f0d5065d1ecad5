// Raw HTML in a card (only with `allowHtml: true`) must close what it opens: one open `<div>` or `<script>`
// swallows every slide after it, and the deck never starts.
import { parseFragment } from 'parse5';

/** A piece of raw HTML and the source line it starts on. */
export interface HtmlFragment {
  html: string;
  line: number;
}

export interface UnclosedElement {
  /** `<div>`, or `<!--` for a comment. */
  tag: string;
  line: number;
  /** Offset of the tag in its fragment's text. */
  offset: number;
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
/** Elements HTML lets end without an end tag (the next one closes them). */
const OPTIONAL_END = new Set(['p', 'li', 'dt', 'dd', 'rt', 'rp', 'optgroup', 'option', 'colgroup', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'html', 'head', 'body']);

interface LocatedNode {
  nodeName: string;
  tagName?: string;
  childNodes?: LocatedNode[];
  content?: LocatedNode;
  sourceCodeLocation?: { startOffset: number; startTag?: unknown; endTag?: unknown } | null;
}

/** The elements the fragments, read together in order, open and never close. */
export function unclosedElements(fragments: readonly HtmlFragment[]): UnclosedElement[] {
  if (fragments.length === 0) return [];
  const starts: number[] = [];
  let text = '';
  for (const fragment of fragments) {
    starts.push(text.length);
    text += `${fragment.html}\n`;
  }
  const place = (offset: number) => {
    let index = 0;
    while (index + 1 < starts.length && starts[index + 1]! <= offset) index++;
    return { line: fragments[index]!.line + countLines(fragments[index]!.html.slice(0, offset - starts[index]!)), offset: offset - starts[index]! };
  };
  const found: UnclosedElement[] = [];
  const root = parseFragment(text, {
    sourceCodeLocationInfo: true,
    onParseError: (error) => {
      if (error.code === 'eof-in-comment') found.push({ tag: '<!--', ...place(text.lastIndexOf('<!--', error.startOffset)) });
    },
  }) as unknown as LocatedNode;
  const walk = (node: LocatedNode) => {
    for (const child of [...(node.childNodes ?? []), ...(node.content ? [node.content] : [])]) {
      const location = child.sourceCodeLocation;
      if (child.tagName && location?.startTag && !location.endTag && !VOID.has(child.tagName) && !OPTIONAL_END.has(child.tagName)) {
        found.push({ tag: `<${child.tagName}>`, ...place(location.startOffset) });
      }
      walk(child);
    }
  };
  walk(root);
  return found.sort((a, b) => a.line - b.line || a.offset - b.offset);
}

function countLines(text: string): number {
  return text.split('\n').length - 1;
}
