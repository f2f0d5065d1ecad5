// A page's content stream, re-marked: untagged drawing becomes an artifact, and chosen tagged sequences too.
//
// PDF/UA asks that every mark on a page be either real content (inside a marked-content sequence with an
// MCID, in the structure tree) or an artifact. Chromium tags what the accessibility tree has and draws the
// rest (page backgrounds, borders, the footer in the page margin, aria-hidden decoration) outside any
// sequence. This pass reads the stream's operators (ISO 32000-1, 7.8.2 and 14.6) and wraps each run of
// such drawing in `/Artifact BMC … EMC`; a run never crosses q/Q, a text object's bounds or other marked
// content, so the nesting rules hold. Operands and bytes are left exactly as they were.

/** One operator of a content stream, with where its operands begin and where it ends (byte offsets). */
export interface ContentOperator {
  name: string;
  /** Offset of its first operand, or of the operator itself when it has none. */
  start: number;
  end: number;
  /** The operand tokens' text, kept only for marked-content operators: e.g. ['/P', '<</MCID 3 >>'] for a BDC. */
  operands: string[];
}

const WHITESPACE = new Uint8Array(256);
for (const c of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) WHITESPACE[c] = 1;
const DELIMITER = new Uint8Array(256);
for (const c of [0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]) DELIMITER[c] = 1;
const OPERAND_KEYWORDS = new Set(['true', 'false', 'null']);
/** Operators whose operands are kept: the ones that open marked content. */
const KEEPS_OPERANDS = new Set(['BDC', 'BMC']);
const NO_OPERANDS: string[] = [];

/**
 * The operators of a content stream (latin1 text), in order. Inline images are one `BI` operator. Written
 * for speed (a guide has hundreds of thousands of tokens): operands are remembered as offsets, and only
 * marked-content operators get theirs as text.
 */
export function contentOperators(text: string): ContentOperator[] {
  const operators: ContentOperator[] = [];
  /** Start and end offsets of the pending operands, flattened. */
  const spans: number[] = [];
  let i = 0;
  const n = text.length;
  const code = (at: number) => (at < n ? text.charCodeAt(at) & 0xff : 0);
  /** Skips a balanced `(…)` string from `at` (on the parenthesis); returns the offset after it. */
  const skipLiteral = (at: number) => {
    let depth = 0;
    for (let j = at; j < n; j++) {
      const c = code(j);
      if (c === 0x5c) j++;
      else if (c === 0x28) depth++;
      else if (c === 0x29 && --depth === 0) return j + 1;
    }
    return n;
  };
  /** Skips a dictionary `<<…>>` or array `[…]` with everything nested in it. */
  const skipNested = (at: number) => {
    let depth = 0;
    let j = at;
    while (j < n) {
      const c = code(j);
      if (c === 0x28) {
        j = skipLiteral(j);
        continue;
      }
      if (c === 0x25) {
        while (j < n && code(j) !== 0x0a && code(j) !== 0x0d) j++;
        continue;
      }
      if (c === 0x3c && code(j + 1) === 0x3c) {
        depth++;
        j += 2;
      } else if (c === 0x3e && code(j + 1) === 0x3e) {
        depth--;
        j += 2;
      } else if (c === 0x5b) {
        depth++;
        j++;
      } else if (c === 0x5d) {
        depth--;
        j++;
      } else if (c === 0x3c) {
        j = text.indexOf('>', j) + 1 || n;
      } else {
        j++;
      }
      if (depth === 0) return j;
    }
    return n;
  };
  const endOfWord = (from: number) => {
    let j = from;
    while (j < n && !WHITESPACE[code(j)] && !DELIMITER[code(j)]) j++;
    return j;
  };

  while (i < n) {
    const c = code(i);
    let end: number;
    if (WHITESPACE[c]) {
      i++;
      continue;
    } else if (c === 0x25) {
      while (i < n && code(i) !== 0x0a && code(i) !== 0x0d) i++;
      continue;
    } else if (c === 0x28) {
      end = skipLiteral(i);
    } else if ((c === 0x3c && code(i + 1) === 0x3c) || c === 0x5b) {
      end = skipNested(i);
    } else if (c === 0x3c) {
      end = text.indexOf('>', i) + 1 || n;
    } else if (c === 0x2f) {
      end = endOfWord(i + 1);
    } else if (DELIMITER[c]) {
      // A stray `)`, `>`, `]`, `{` or `}`: not valid here; step over it rather than loop.
      i++;
      continue;
    } else {
      end = endOfWord(i);
      // Numbers start with a digit, a sign or a point; everything else that is not a keyword is an operator.
      const numeric = (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e;
      const word = numeric ? '' : text.slice(i, end);
      if (!numeric && !OPERAND_KEYWORDS.has(word)) {
        if (word === 'BI') end = inlineImageEnd(text, end);
        const operands = KEEPS_OPERANDS.has(word) ? spansToText(text, spans) : NO_OPERANDS;
        operators.push({ name: word, start: spans.length > 0 ? spans[0]! : i, end, operands });
        spans.length = 0;
        i = end;
        continue;
      }
    }
    spans.push(i, end);
    i = end;
  }
  return operators;
}

function spansToText(text: string, spans: readonly number[]): string[] {
  const out: string[] = [];
  for (let k = 0; k < spans.length; k += 2) out.push(text.slice(spans[k], spans[k + 1]));
  return out;
}

/** After `BI … ID <data>`, the offset just past the `EI` that ends the image data. */
function inlineImageEnd(text: string, from: number): number {
  const id = /\sID[\s]/g;
  id.lastIndex = from - 1;
  const data = id.exec(text);
  if (!data) return text.length;
  const ei = /\sEI(?=[\s]|$)/g;
  ei.lastIndex = data.index + data[0].length;
  const end = ei.exec(text);
  return end ? end.index + end[0].length : text.length;
}

/** Operators that start painting something: path construction, text showing, XObjects, shadings, images. */
const DRAWING = new Set(['m', 're', 'l', 'c', 'v', 'y', 'h', 'Tj', 'TJ', "'", '"', 'Do', 'sh', 'BI']);
/** Operators an artifact run must not cross. */
const RUN_BREAKS = new Set(['q', 'Q', 'BT', 'ET', 'BDC', 'BMC', 'EMC']);

export interface Remarking {
  /** New stream text; undefined when nothing had to change. */
  text?: string;
  /** Runs of untagged drawing wrapped as artifacts. */
  wrapped: number;
  /** MCIDs whose tagged sequences became artifacts. */
  untagged: number[];
}

/** The MCIDs of the marked-content sequences that show text (directly or in a nested sequence). */
export function textMcids(operators: readonly ContentOperator[]): Set<number> {
  const found = new Set<number>();
  const stack: (number | undefined)[] = [];
  for (const op of operators) {
    if (op.name === 'BDC' || op.name === 'BMC') stack.push(op.name === 'BDC' ? mcidOf(op.operands[1]) : undefined);
    else if (op.name === 'EMC') stack.pop();
    else if (SHOWS_TEXT.has(op.name)) for (const mcid of stack) if (mcid !== undefined) found.add(mcid);
  }
  return found;
}

const SHOWS_TEXT = new Set(['Tj', 'TJ', "'", '"']);

/**
 * Wraps untagged drawing in `/Artifact BMC … EMC`, and turns the tagged sequences whose MCIDs are in
 * `toArtifact` (decoration Chromium tagged where no content may be, such as a list's border) into artifacts.
 */
export function remarkContent(text: string, operators: readonly ContentOperator[], toArtifact: ReadonlySet<number> = new Set()): Remarking {
  const edits: { at: number; insert: string; replaceTo?: number }[] = [];
  const untagged: number[] = [];
  /**
   * Open marked-content sequences, innermost last: whether each makes its content real content (an MCID)
   * or an artifact. Chromium also opens sequences that do neither, e.g. a span with /ActualText around an
   * emoji in the page's footer; drawing inside those alone still needs marking.
   */
  const stack: boolean[] = [];
  let open = false;
  let previousEnd = 0;
  let wrapped = 0;
  const close = (at: number) => {
    if (!open) return;
    edits.push({ at, insert: '\nEMC\n' });
    open = false;
  };
  for (const op of operators) {
    if (RUN_BREAKS.has(op.name)) close(previousEnd);
    if (op.name === 'BDC' || op.name === 'BMC') {
      const mcid = op.name === 'BDC' ? mcidOf(op.operands[1]) : undefined;
      stack.push(mcid !== undefined || op.operands[0] === '/Artifact');
      if (mcid !== undefined && toArtifact.has(mcid)) {
        edits.push({ at: op.start, insert: '/Artifact BMC', replaceTo: op.end });
        untagged.push(mcid);
      }
    } else if (op.name === 'EMC') {
      stack.pop();
    } else if (DRAWING.has(op.name) && !stack.includes(true) && !open) {
      edits.push({ at: previousEnd, insert: '\n/Artifact BMC\n' });
      open = true;
      wrapped++;
    }
    previousEnd = op.end;
  }
  close(previousEnd);
  if (edits.length === 0) return { wrapped, untagged };
  edits.sort((a, b) => a.at - b.at);
  let out = '';
  let at = 0;
  for (const edit of edits) {
    out += text.slice(at, edit.at) + edit.insert;
    at = edit.replaceTo ?? edit.at;
  }
  out += text.slice(at);
  return { text: out, wrapped, untagged };
}

/** The MCID in a BDC's property list (`<</MCID 3 >>`), if it is given inline. */
function mcidOf(properties: string | undefined): number | undefined {
  const match = properties === undefined ? null : /\/MCID\s+(\d+)/.exec(properties);
  return match ? Number(match[1]) : undefined;
}
