// The first line of block YAML whose indentation cannot be right: a tab, a key deeper than the keys beside it,
// a key at the column of its list's "-". YAML's own errors name where the parser gave up, often the line
// before or after; this names the line to fix and the column its siblings use.

/** An indentation mistake on one line (0-based line of the text, 0-based column). */
export interface IndentationProblem {
  line: number;
  column: number;
  kind: 'tab' | 'too-deep' | 'at-dash';
  /** The key written on the line, if it is one. */
  key?: string;
  /** The indentation (spaces) of the line, and the one its siblings have. */
  indent: number;
  expected?: number;
  /** The key the line should line up with, and its 0-based line. */
  sibling?: { key: string; line: number };
}

interface Level {
  indent: number;
  kind: 'map' | 'seq';
  /** A map's first key; a list's current item's first key (what its other keys line up under). */
  key?: { key: string; line: number; indent: number };
}

const KEY = /^(?:"[^"]*"|'[^']*'|[^\s#'"[\]{}|>&*!%@`-][^#]*?|-[^\s#][^#]*?)\s*:(?=\s|$)/u;
const BLOCK_SCALAR = /^[|>][-+0-9]*\s*(?:#.*)?$/u;

/**
 * The first indentation mistake in `lines[from..to]` (inclusive), reading the lines before for context; undefined
 * when there is none, or when the text uses YAML this reader does not follow (flow collections and quoted
 * values over several lines, anchors): then YAML's own message stands.
 */
export function indentationProblem(lines: readonly string[], from: number, to: number): IndentationProblem | undefined {
  const stack: Level[] = [];
  /** The line before opened a block ("key:" or "-" with nothing after it) at this indentation. */
  let opened: { indent: number; key: boolean } | undefined;
  /** Inside a block scalar ("|", ">"): lines deeper than this belong to it. */
  let scalarIndent: number | undefined;
  for (let i = 0; i <= Math.min(to, lines.length - 1); i++) {
    const line = lines[i]!.replace(/\r$/, '');
    const lead = /^[ \t]*/.exec(line)![0];
    const content = line.slice(lead.length);
    if (content === '' || content.startsWith('#')) continue;
    const indent = lead.length;
    // A block scalar's lines are its text (a tab after the spaces too), whatever they hold.
    if (scalarIndent !== undefined && /^ */.exec(line)![0].length > scalarIndent) continue;
    scalarIndent = undefined;
    const top = stack.at(-1);
    if (lead.includes('\t')) {
      if (i < from) return undefined;
      const level = opened ? undefined : top;
      return { line: i, column: lead.indexOf('\t'), kind: 'tab', indent, ...keyOf(content),
        ...(level?.key ? { expected: level.key.indent, sibling: { key: level.key.key, line: level.key.line } } : {}) };
    }
    const dash = /^-(?:\s|$)/u.test(content);
    const key = KEY.exec(content)?.[0].replace(/\s*:$/u, '');
    if (opened && (indent > opened.indent || (dash && opened.key && indent === opened.indent))) {
      stack.push({ indent, kind: dash ? 'seq' : 'map' });
    } else {
      while (stack.length > 0 && stack.at(-1)!.indent > indent) stack.pop();
      let level = stack.at(-1);
      if (!level) {
        stack.push({ indent, kind: dash ? 'seq' : 'map' });
      } else if (level.indent < indent) {
        // Deeper than the level it is in, and the line before opened nothing: a key here is a mistake (plain text
        // is the continuation of a long value).
        if (key !== undefined || dash) {
          if (i < from) return undefined;
          const sibling = level.kind === 'map' ? level.key : undefined;
          return { line: i, column: indent, kind: 'too-deep', indent, ...(key ? { key } : {}), expected: sibling?.indent ?? level.indent,
            ...(sibling ? { sibling: { key: sibling.key, line: sibling.line } } : {}) };
        }
        opened = undefined;
        continue;
      } else if (level.kind === 'seq' && !dash) {
        // A key at the column of a list's "-": it ends a list written under its key ("cards:" then "- …" at the
        // same column), or it was meant as a key of the list's current item.
        const item = level.key;
        stack.pop();
        level = stack.at(-1);
        if (!level || level.indent !== indent || level.kind !== 'map') {
          if (i < from) return undefined;
          return { line: i, column: indent, kind: 'at-dash', indent, ...(key ? { key } : {}),
            ...(item ? { expected: item.indent, sibling: { key: item.key, line: item.line } } : {}) };
        }
      } else if (level.kind === 'map' && dash) {
        return undefined;
      }
    }
    opened = undefined;
    const level = stack.at(-1)!;
    if (dash) {
      const rest = content.replace(/^-\s*/u, '');
      const restIndent = indent + content.length - rest.length;
      const restKey = KEY.exec(rest)?.[0].replace(/\s*:$/u, '');
      if (rest === '' || rest.startsWith('#')) {
        opened = { indent, key: false };
      } else if (restKey !== undefined) {
        level.key = { key: restKey, line: i, indent: restIndent };
        stack.push({ indent: restIndent, kind: 'map', key: { key: restKey, line: i, indent: restIndent } });
        const value = rest.slice(rest.indexOf(':') + 1).trim();
        if (!follows(value)) return undefined;
        if (value === '' || value.startsWith('#')) opened = { indent: restIndent, key: true };
        else if (BLOCK_SCALAR.test(value)) scalarIndent = restIndent;
      } else if (!follows(rest)) {
        return undefined;
      }
    } else if (key !== undefined) {
      level.key ??= { key, line: i, indent };
      const value = content.slice(content.indexOf(':', key.length) + 1).trim();
      if (!follows(value)) return undefined;
      if (value === '' || value.startsWith('#')) opened = { indent, key: true };
      else if (BLOCK_SCALAR.test(value)) scalarIndent = indent;
    } else {
      return undefined;
    }
  }
  return undefined;
}

/** Whether a value is one this reader can step over: closed on its line, no flow collection, anchor or tag. */
function follows(value: string): boolean {
  if (/^["']/.test(value)) {
    const quote = value[0]!;
    const body = quote === '"' ? value.slice(1).replace(/\\./g, '') : value.slice(1).replace(/''/g, '');
    return body.includes(quote);
  }
  return !/^[[{&*!]/.test(value);
}

function keyOf(content: string): { key?: string } {
  const key = KEY.exec(content)?.[0].replace(/\s*:$/u, '');
  return key === undefined ? {} : { key };
}
