// YAML that does not parse, reported once per mistake: one tab or one wrong indentation makes the parser stumble
// over every line after it, so each root cause is found, reported where it is, and the top-level block it
// upsets is set aside before looking for the next one.
import { parseDocument, visit, type Document, type YAMLError } from 'yaml';
import type { Diagnostics } from '../diagnostics/deck-error.js';
import { indentationProblem, type IndentationProblem } from './yaml-indentation.js';

/** Where a YAML text sits in its file, so positions can be reported in file terms. */
export interface YamlSource {
  file: string;
  text: string;
  /** 1-based line of the file where `text` starts. */
  firstLine: number;
  /** What the YAML is, for messages: "front matter", "manifest", "video block". */
  what: string;
}

type Position = { file: string; line: number; column: number };

/** More rounds than a file has top-level blocks worth reporting. */
const MAX_CAUSES = 8;
const INDENT_HINT = 'check the indentation: the keys of one level line up, each level 2 spaces deeper than the one above';

/** Reports the errors of a document that did not parse, one per root cause. */
export function reportYamlErrors(source: YamlSource, doc: Document.Parsed, at: (offset: number) => Position, diagnostics: Diagnostics): void {
  let text = source.text;
  let errors: readonly YAMLError[] = doc.errors;
  let parsed: Document.Parsed = doc;
  for (let round = 0; round < MAX_CAUSES && errors.length > 0; round++) {
    const starts = lineStarts(text);
    const lineOf = (offset: number) => lineAt(starts, offset);
    const first = [...errors].map((error) => ({ error, offset: causeOffset(parsed, error) })).sort((a, b) => a.offset - b.offset)[0]!;
    const errorLine = lineOf(first.offset);
    const lines = text.split('\n');
    const blockStart = topLevelStart(lines, errorLine);
    const problem = indentationProblem(lines, blockStart, errorLine + 1);
    const causeLine = problem?.line ?? errorLine;
    if (problem) reportIndentation(problem, source, (line, column) => at(starts[line]! + column), diagnostics);
    else reportError(first.error, first.offset, parsed, source, at, diagnostics);
    // The top-level blocks from the cause to where the parser gave up are set aside (blanked, so offsets stay).
    const from = topLevelStart(lines, Math.min(causeLine, errorLine));
    const to = topLevelEnd(lines, Math.max(causeLine, errorLine));
    text = lines.map((line, i) => (i >= from && i <= to ? line.replace(/[^\r]/g, ' ') : line)).join('\n');
    parsed = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
    errors = parsed.errors;
  }
}

function reportIndentation(problem: IndentationProblem, source: YamlSource, at: (line: number, column: number) => Position, diagnostics: Diagnostics): void {
  const position = at(problem.line, problem.column);
  const what = problem.key === undefined ? 'this line' : `"${problem.key}:"`;
  const like = problem.sibling ? `, like "${problem.sibling.key}:" on line ${source.firstLine + problem.sibling.line}` : '';
  const spaces = (n: number) => `${n} space${n === 1 ? '' : 's'}`;
  if (problem.kind === 'tab') {
    diagnostics.error('E_YAML_INDENT', `${source.what}: a tab indents ${what}; YAML indents with spaces only`, position,
      `use spaces, not tabs${problem.expected === undefined ? ' (2 per level)' : `: indent it ${spaces(problem.expected)}${like}`}; an editor can show tabs and turn them into spaces`);
    return;
  }
  const expected = problem.expected === undefined ? '' : `: indent it ${spaces(problem.expected)}${like}`;
  if (problem.kind === 'too-deep') {
    diagnostics.error('E_YAML_INDENT', `${source.what}: ${what} is indented ${spaces(problem.indent)}, deeper than the keys beside it`, position,
      `the keys of one level line up${expected}`);
  } else {
    diagnostics.error('E_YAML_INDENT', `${source.what}: ${what} is indented ${spaces(problem.indent)}, at the column of the list's "-"`, position,
      `a key of a list entry lines up with the entry's first key, after "- "${expected}`);
  }
}

function reportError(error: YAMLError, offset: number, doc: Document.Parsed, source: YamlSource, at: (offset: number) => Position, diagnostics: Diagnostics): void {
  const quote = unclosedQuote(doc, error);
  if (quote) {
    diagnostics.error('E_YAML', `${source.what}: a quoted value is never closed: the ${quote.mark === '"' ? 'double' : 'single'} quote here runs on to the end`,
      at(quote.start), `end the value with ${quote.mark} on the same line, e.g. title: ${quote.mark}Om at teste${quote.mark}`);
    return;
  }
  // yaml's own "at line L, column C" counts from the YAML's start; our position counts in the file.
  const message = (error.message.split('\n')[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, '');
  diagnostics.error('E_YAML', `${source.what}: YAML does not parse: ${message}`, at(offset), hintFor(error));
}

/** A hint for what a YAML error usually means in a manifest or front matter. */
function hintFor(error: YAMLError): string {
  switch (error.code) {
    case 'DUPLICATE_KEY': return 'a key may be written once per level: remove one of the two, or merge them';
    case 'TAB_AS_INDENT': return 'use spaces, not tabs, to indent (2 per level)';
    case 'BAD_INDENT':
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY': return INDENT_HINT;
    case 'MISSING_CHAR': return /map value/.test(error.message) ? 'a key needs ": " after it; text with ": " in it is quoted, e.g. title: "Del 1: Tonen"' : INDENT_HINT;
    default: return 'check the indentation, and quote values that contain ": " or start with a special character';
  }
}

/** Where an error's cause starts: an unclosed quote at its opening mark (yaml reports the end of the text). */
function causeOffset(doc: Document.Parsed, error: YAMLError): number {
  return unclosedQuote(doc, error)?.start ?? error.pos[0];
}

/** The opening quote of a quoted scalar that runs to the end of the text (yaml reports the end). */
function unclosedQuote(doc: Document.Parsed, error: YAMLError): { start: number; mark: string } | undefined {
  if (error.code !== 'MISSING_CHAR' || !/quote/.test(error.message)) return undefined;
  let found: { start: number; mark: string } | undefined;
  visit(doc, {
    Scalar(_key, node) {
      if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && node.range && node.range[0] <= error.pos[0]
        && (!found || node.range[0] > found.start)) {
        found = { start: node.range[0], mark: node.type === 'QUOTE_DOUBLE' ? '"' : "'" };
      }
    },
  });
  return found;
}

/** A line that starts a top-level entry: something at column 1 that is not a comment or a list's "-". */
const isTopLevel = (line: string) => /^[^\s#-]/u.test(line);

/** The first line of the top-level block that holds `line`. */
function topLevelStart(lines: readonly string[], line: number): number {
  for (let i = Math.min(line, lines.length - 1); i > 0; i--) if (isTopLevel(lines[i]!)) return i;
  return 0;
}

/** The last line of the top-level block that holds `line`. */
function topLevelEnd(lines: readonly string[], line: number): number {
  for (let i = line + 1; i < lines.length; i++) if (isTopLevel(lines[i]!)) return i - 1;
  return lines.length - 1;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

function lineAt(starts: readonly number[], offset: number): number {
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1]! <= offset) line++;
  return line;
}
