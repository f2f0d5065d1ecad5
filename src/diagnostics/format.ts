// Formats diagnostics for the terminal: `file:line:col: message`, the hint, and a code frame.
import { readFileSync, realpathSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import type { Diagnostic } from './deck-error.js';

export interface FormatOptions {
  /** Paths are printed relative to this folder. */
  cwd?: string;
  /** Show the source line with a caret under the column. */
  codeFrame?: boolean;
  /** Read a file's text (for the code frame); tests inject it. */
  readText?: (file: string) => string | undefined;
}

/**
 * Characters a terminal would act on instead of showing: C0 and C1 controls (ESC starts a sequence that can
 * erase lines or retitle the window), DEL, and the bidirectional overrides that reorder what is shown.
 * Tab is kept: it is harmless and common in sources.
 */
// eslint-disable-next-line no-control-regex -- control characters are what this looks for
const INVISIBLE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Text with every control character shown as an escape (`\x1b`, `\u202e`), so printing it cannot steer the terminal. */
export function visible(text: string): string {
  return text.replace(INVISIBLE, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/**
 * The code frame reads a file only when it is what it says it is: a file reached through a link to another
 * place (a card linked to a file outside the project) is named, not shown.
 */
const readOrUndefined = (file: string): string | undefined => {
  try {
    if (realpathSync(file) !== resolve(file)) return undefined;
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
};

/** Characters of a source line a code frame shows. */
const FRAME_WIDTH = 120;

/** One diagnostic as `file:line:col: severity message [code]` plus hint and code frame lines. */
export function formatDiagnostic(d: Diagnostic, options: FormatOptions = {}): string {
  const file = visible(shownPath(d.file, options.cwd));
  const lines = [`${file}:${d.line}:${d.column}: ${d.severity === 'warning' ? 'warning: ' : ''}${visible(d.message)} [${d.code}]`];
  if (options.codeFrame) {
    const text = (options.readText ?? readOrUndefined)(d.file);
    const sourceLine = text?.split(/\r?\n/)[d.line - 1];
    if (sourceLine !== undefined) {
      const gutter = String(d.line).padStart(4);
      // A long line is shown around the column; the caret sits under the column as shown, escapes and all.
      const from = sourceLine.length > FRAME_WIDTH ? Math.max(0, Math.min(d.column - 1 - FRAME_WIDTH / 4, sourceLine.length - FRAME_WIDTH)) : 0;
      const to = Math.min(sourceLine.length, from + FRAME_WIDTH);
      const [lead, tail] = [from > 0 ? '…' : '', to < sourceLine.length ? '…' : ''];
      const before = lead + visible(sourceLine.slice(from, Math.max(from, d.column - 1)));
      lines.push(`${gutter} | ${lead}${visible(sourceLine.slice(from, to))}${tail}`, `${' '.repeat(4)} | ${' '.repeat(before.length)}^`);
    }
  }
  if (d.hint) lines.push(`  hint: ${visible(d.hint)}`);
  if (d.related) lines.push(`  see: ${visible(shownPath(d.related.file, options.cwd))}:${d.related.line}:${d.related.column}`);
  return lines.join('\n');
}

function shownPath(file: string, cwd: string | undefined): string {
  if (!cwd) return file;
  const rel = relative(cwd, file);
  return rel && !rel.startsWith(`..${sep}`) ? rel : file;
}

/** All diagnostics, then a one-line summary. */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], options: FormatOptions = {}): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const parts = diagnostics.map((d) => formatDiagnostic(d, options));
  const summary = [errors && `${errors} error${errors === 1 ? '' : 's'}`, warnings && `${warnings} warning${warnings === 1 ? '' : 's'}`]
    .filter(Boolean)
    .join(', ');
  if (summary) parts.push(summary);
  return parts.join('\n');
}
