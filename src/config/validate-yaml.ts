// Parses YAML and validates it against a schema, reporting every problem at its line and column.
import { isMap, isPair, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import type { z } from 'zod';
import type { Diagnostics } from '../diagnostics/deck-error.js';
import { didYouMean, suggestionHint } from '../diagnostics/suggest.js';
import { reportYamlErrors, type YamlSource } from './yaml-errors.js';

export type { YamlSource } from './yaml-errors.js';

type Position = { file: string; line: number; column: number };

/** A validated value and a way to find where any part of it was written. */
export interface Validated<T> {
  value: T;
  /** The position of the value at `path` (or of its nearest written parent). */
  positionOf(path: (string | number)[]): Position;
}

/** Parses and validates; returns the typed value, or undefined after reporting the problems. */
export function validateYaml<S extends z.ZodType>(
  source: YamlSource,
  schema: S,
  diagnostics: Diagnostics,
): Validated<z.infer<S>> | undefined {
  const doc = parseDocument(source.text, { prettyErrors: false, uniqueKeys: true });
  const locate = offsetToPosition(source.text);
  const at = (offset: number): Position => {
    const { line, column } = locate(offset);
    return { file: source.file, line: source.firstLine + line - 1, column };
  };
  if (doc.errors.length > 0) {
    reportYamlErrors(source, doc, at, diagnostics);
    return undefined;
  }
  if (doc.contents !== null && !isMap(doc.contents)) {
    const shape = isSeq(doc.contents) ? 'a list' : 'a single value';
    diagnostics.error('E_YAML_NOT_MAPPING', `${source.what}: expected "key: value" lines, but the YAML is ${shape}`,
      at(doc.contents.range?.[0] ?? 0), notMappingHint(source.what));
    return undefined;
  }
  const value: unknown = doc.toJS() ?? {};
  const result = schema.safeParse(value);
  if (result.success) {
    return { value: result.data, positionOf: (path) => nearestPosition(doc.contents, path.map(String), at, source) };
  }
  // A misspelt key is also a missing one: report it once, as the misspelling.
  const misspelt = new Set<string>();
  for (const issue of result.error.issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const known = knownKeys(schema, issue.path.map(String));
    for (const key of issue.keys) {
      const guess = didYouMean(key, known);
      if (guess) misspelt.add([...issue.path, guess].join('.'));
    }
  }
  for (const issue of result.error.issues) {
    const missing = issue.code === 'invalid_type' && findNode(doc.contents, issue.path.map(String)) === undefined;
    if (missing && misspelt.has(issue.path.join('.'))) continue;
    reportIssue(issue, doc.contents, at, source, schema, diagnostics);
  }
  return undefined;
}

function reportIssue(
  issue: z.core.$ZodIssue,
  root: unknown,
  at: (offset: number) => Position,
  source: YamlSource,
  schema: z.ZodType,
  diagnostics: Diagnostics,
  /** The keys of the union branch an object was taken for, when it is one. */
  knownOverride?: string[],
): void {
  const path = issue.path.map(String);
  const nodeAt = (p: string[]): Node | undefined => findNode(root, p);
  const positionOf = (p: string[]): Position => nearestPosition(root, p, at, source);
  const where = path.length ? `"${path.join('.')}"` : source.what;

  if (issue.code === 'invalid_union') {
    const branch = bestBranch(issue, schema, path);
    // A misspelt key is also a missing one within its branch: report it once, as the misspelling.
    const misspelt = new Set(branch.errors.flatMap((e) => (e.code === 'unrecognized_keys' ? e.keys.flatMap((k) => didYouMean(k, branch.keys) ?? []) : [])));
    for (const sub of branch.errors) {
      if (sub.code === 'invalid_type' && sub.path.length === 1 && misspelt.has(String(sub.path[0]))) continue;
      reportIssue({ ...sub, path: [...issue.path, ...sub.path] } as z.core.$ZodIssue, root, at, source, schema, diagnostics, branch.keys);
    }
    return;
  }
  if (issue.code === 'unrecognized_keys') {
    const known = knownOverride ?? knownKeys(schema, path);
    for (const key of issue.keys) {
      const keyNode = findKeyNode(nodeAt(path), key);
      diagnostics.error('E_UNKNOWN_KEY', `${source.what}: unknown key "${key}"${path.length ? ` in ${where}` : ''}`,
        keyNode?.range ? at(keyNode.range[0]) : positionOf(path), suggestionHint(key, known, 'one of'));
    }
    return;
  }
  const node = nodeAt(path);
  const written = path.length > 0 && findKeyNode(nodeAt(path.slice(0, -1)), path[path.length - 1]!) !== undefined;
  if (issue.code === 'invalid_type' && (node === undefined || (isScalar(node) && node.value === null)) && written) {
    // `key:` with nothing after it, or `primary: #fff`, where YAML reads "#" as the start of a comment.
    const key = path[path.length - 1]!;
    const keyNode = findKeyNode(nodeAt(path.slice(0, -1)), key);
    const position = keyNode?.range ? at(keyNode.range[0]) : positionOf(path);
    const line = source.text.split(/\r?\n/)[position.line - source.firstLine] ?? '';
    const comment = new RegExp(`${escapeRegExp(key)}\\s*:\\s+#`).test(line);
    diagnostics.error('E_INVALID_VALUE', `${source.what}: ${where} has no value${comment ? ' (YAML reads what follows "#" as a comment)' : ''}`, position,
      comment ? `quote the value: ${key}: "${/#\S*/.exec(line.slice(line.indexOf(':')))?.[0] ?? '#…'}"` : `write a value after "${key}:", or remove the line`);
    return;
  }
  if (issue.code === 'invalid_type' && node === undefined) {
    const key = path[path.length - 1] ?? '';
    diagnostics.error('E_MISSING_KEY', `${source.what}: missing "${key}"`, positionOf(path.slice(0, -1)),
      `add a line "${key}: …"`);
    return;
  }
  const shown = node && isScalar(node) ? JSON.stringify(node.value) : undefined;
  if (issue.code === 'invalid_value' && 'values' in issue) {
    const options = issue.values.map(String);
    diagnostics.error('E_INVALID_VALUE', `${source.what}: ${where} must be one of ${options.join(', ')}${shown ? `, got ${shown}` : ''}`,
      positionOf(path), suggestionHint(String(node && isScalar(node) ? node.value : ''), options));
    return;
  }
  const code = path[path.length - 1] === 'minutes' ? 'E_BAD_MINUTES' : 'E_INVALID_VALUE';
  const expected = issue.code === 'invalid_type' ? `must be ${article(issue.expected)}` : issue.message.replace(/^Invalid input: /, '');
  diagnostics.error(code, `${source.what}: ${where}${issue.code === 'invalid_type' ? '' : ':'} ${expected}${shown ? `, got ${shown}` : ''}`,
    positionOf(path), hintFor(path, node && isScalar(node) ? node.value : undefined, issue.message));
}

/**
 * Line and column (1-based) of a character offset, counted in the text itself: yaml's LineCounter only knows
 * the lines its lexer reached, so after some errors it puts a column past the end of a line.
 */
export function offsetToPosition(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return (offset) => {
    const clamped = Math.max(0, Math.min(offset, text.length));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    const lineEnd = (starts[low + 1] ?? text.length + 1) - 1;
    const lineText = text.slice(starts[low]!, lineEnd).replace(/\r$/, '');
    return { line: low + 1, column: Math.min(clamped - starts[low]!, lineText.length) + 1 };
  };
}

/**
 * The branch of a union the written value was most likely meant as: one whose keys a misspelt key is close to
 * (`- pause: 15` is a break), else the first that got past its type (the object form when an object was written).
 */
function bestBranch(issue: z.core.$ZodIssue & { code: 'invalid_union' }, schema: z.ZodType, path: string[]): { errors: z.core.$ZodIssue[]; keys: string[] } {
  const options = unionOptions(schema, path);
  const branches = issue.errors.map((errors, i) => ({ errors, keys: objectKeys(options[i]) })).filter((b) => b.errors.length > 0);
  const guessed = branches.find((b) => b.errors.some((e) => e.code === 'unrecognized_keys' && e.keys.some((k) => didYouMean(k, b.keys))));
  return guessed ?? branches.find((b) => b.errors.some((e) => e.path.length > 0 || e.code === 'unrecognized_keys')) ?? branches[0] ?? { errors: [], keys: [] };
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function nearestPosition(root: unknown, path: string[], at: (offset: number) => Position, source: YamlSource): Position {
  for (let n = path.length; n >= 0; n--) {
    const node = findNode(root, path.slice(0, n));
    if (node?.range) return at(node.range[0]);
  }
  return { file: source.file, line: source.firstLine, column: 1 };
}

function hintFor(path: string[], value: unknown, message: string): string | undefined {
  const key = path[path.length - 1];
  if (key === 'minutes') return 'write a number, e.g. "minutes: 20"';
  if (key === 'start') {
    // "9.00" (or 9.00 unquoted, which YAML reads as the number 9): the time with a dot.
    const dotted = /^(\d{1,2})[.,](\d{1,2})$/.exec(typeof value === 'number' ? value.toFixed(2) : String(value ?? ''));
    if (dotted) return `write the time with a colon, in quotes: start: "${dotted[1]!.padStart(2, '0')}:${dotted[2]!.padEnd(2, '0')}"`;
    return 'write the time as "HH:MM" in quotes, e.g. start: "09:00"';
  }
  if (key === 'title') return 'write the title after "title:", e.g. title: Om at moderere debatten';
  const example = /e\.g\. (".*?")/.exec(message)?.[1];
  if (example && key !== undefined && !/^\d+$/.test(key)) return `write it like this: ${key}: ${example}`;
  return undefined;
}

function notMappingHint(what: string): string {
  if (what === 'manifest') return 'a manifest is "key: value" lines: "title: …", then "cards:" with the cards below it as "- card-id"';
  if (what === 'front matter') return 'front matter is "key: value" lines: "title: …", "kind: theme", "minutes: 20"';
  return 'write one "key: value" per line, e.g. "speaker: …"';
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function findNode(root: unknown, path: string[]): Node | undefined {
  let node: unknown = root;
  for (const segment of path) {
    if (isMap(node)) {
      node = node.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === segment)?.value;
    } else if (node && typeof node === 'object' && 'items' in node && Array.isArray((node as { items: unknown[] }).items)) {
      node = (node as { items: unknown[] }).items[Number(segment)];
    } else {
      return undefined;
    }
    if (isPair(node)) node = node.value;
  }
  return (node ?? undefined) as Node | undefined;
}

function findKeyNode(mapNode: unknown, key: string): Node | undefined {
  if (!isMap(mapNode)) return undefined;
  const pair = mapNode.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
  return pair?.key as Node | undefined;
}

/** The keys an object schema accepts at `path`, for did-you-mean. */
function knownKeys(schema: z.ZodType, path: string[]): string[] {
  let current: z.ZodType | undefined = schema;
  for (const segment of [...path, '']) {
    current = unwrap(current);
    if (!current) return [];
    if (segment === '') break;
    const def = current.def as { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType };
    if (def.type === 'object' && def.shape) current = def.shape[segment];
    else if (def.type === 'array') current = def.element;
    else return [];
  }
  const def = current?.def as { type: string; shape?: Record<string, z.ZodType> } | undefined;
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

/** The options of the union at `path` (inside arrays and optionals), or none. */
function unionOptions(schema: z.ZodType, path: string[]): (z.ZodType | undefined)[] {
  let current: z.ZodType | undefined = schema;
  for (const segment of path) {
    current = unwrapOptional(current);
    const def = current?.def as { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType } | undefined;
    if (def?.type === 'object' && def.shape) current = def.shape[segment];
    else if (def?.type === 'array') current = def.element;
    else return [];
  }
  const def = unwrapOptional(current)?.def as { type: string; options?: z.ZodType[] } | undefined;
  return def?.type === 'union' && def.options ? def.options : [];
}

function objectKeys(schema: z.ZodType | undefined): string[] {
  const def = unwrapOptional(schema)?.def as { type: string; shape?: Record<string, z.ZodType> } | undefined;
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

function unwrapOptional(schema: z.ZodType | undefined): z.ZodType | undefined {
  let current = schema;
  for (let i = 0; i < 8 && current; i++) {
    const def = current.def as { type: string; innerType?: z.ZodType };
    if ((def.type === 'optional' || def.type === 'default' || def.type === 'nullable') && def.innerType) current = def.innerType;
    else break;
  }
  return current;
}

function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
  let current = schema;
  for (let i = 0; i < 8 && current; i++) {
    const def = current.def as { type: string; innerType?: z.ZodType; options?: z.ZodType[] };
    if ((def.type === 'optional' || def.type === 'default' || def.type === 'nullable') && def.innerType) current = def.innerType;
    else if (def.type === 'union' && def.options) current = def.options.find((o) => (o.def as { type: string }).type === 'object') ?? def.options[0];
    else break;
  }
  return current;
}
