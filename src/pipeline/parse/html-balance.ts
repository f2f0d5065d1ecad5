// Raw HTML in a card (only with `allowHtml: true`) must close what it opens: one open `<div>` or `<script>`
// swallows every slide after it, and the deck never starts.
//
// This is a scan of tags, not an HTML parser: it only has to find an element that is opened and never
// closed, and it runs on every build of a deck that allows HTML, so it stays small and loads nothing
// (an HTML parser library would add a tenth of the build's start-up time).

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
/** Elements whose content is text up to their end tag: unclosed, they swallow the rest of the page. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript']);
/** A comment, or a start or end tag with its attributes (quoted values may hold `>`). */
const TOKEN = /<!--|<(\/?)([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;

/** The elements the fragments, read together in order, open and never close. */
export function unclosedElements(fragments: readonly HtmlFragment[]): UnclosedElement[] {
  const starts: number[] = [];
  let text = '';
  for (const fragment of fragments) {
    starts.push(text.length);
    text += `${fragment.html}\n`;
  }
  const place = (offset: number) => {
    let index = 0;
    while (index + 1 < starts.length && starts[index + 1]! <= offset) index++;
    const within = offset - starts[index]!;
    return { line: fragments[index]!.line + (fragments[index]!.html.slice(0, within).split('\n').length - 1), offset: within };
  };

  const open: { name: string; at: number }[] = [];
  const found: UnclosedElement[] = [];
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(text); match; match = TOKEN.exec(text)) {
    if (match[0] === '<!--') {
      const end = text.indexOf('-->', match.index + 4);
      if (end < 0) {
        found.push({ tag: '<!--', ...place(match.index) });
        break;
      }
      TOKEN.lastIndex = end + 3;
      continue;
    }
    const [, slash, rawName, attributes] = match;
    const name = rawName!.toLowerCase();
    if (slash) {
      const index = open.map((element) => element.name).lastIndexOf(name);
      if (index >= 0) open.length = index;
      continue;
    }
    if (VOID.has(name) || attributes!.trimEnd().endsWith('/')) continue;
    if (RAW_TEXT.has(name)) {
      const close = new RegExp(`</${name}\\s*>`, 'i');
      const rest = close.exec(text.slice(TOKEN.lastIndex));
      if (!rest) {
        found.push({ tag: `<${name}>`, ...place(match.index) });
        break;
      }
      TOKEN.lastIndex += rest.index + rest[0].length;
      continue;
    }
    if (!OPTIONAL_END.has(name)) open.push({ name, at: match.index });
  }
  for (const element of open) found.push({ tag: `<${element.name}>`, ...place(element.at) });
  return found.sort((a, b) => a.line - b.line || a.offset - b.offset);
}
