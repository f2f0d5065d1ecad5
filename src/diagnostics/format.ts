// Formats diagnostics for the terminal: `file:line:col: message`, the hint, and a code frame.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Diagnostic } from './deck-error.js';

export interface FormatOptions {
  /** Paths are printed relative to this folder. */
  cwd?: string;
  /** Show the source line with a caret under the column. */
  codeFrame?: boolean;
  /** Read a file's text (for the code frame); tests inject it. */
  readText?: (file: string) => string | undefined;
}

const readOrUndefined = (file: string): string | undefined => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
};

/** One diagnostic as `file:line:col: severity message [code]` plus hint and code frame lines. */
export function formatDiagnostic(d: Diagnostic, options: FormatOptions = {}): string {
  const file = options.cwd ? relative(options.cwd, d.file) || d.file : d.file;
  const lines = [`${file}:${d.line}:${d.column}: ${d.severity === 'warning' ? 'warning: ' : ''}${d.message} [${d.code}]`];
  if (options.codeFrame) {
    const text = (options.readText ?? readOrUndefined)(d.file);
    const sourceLine = text?.split(/\r?\n/)[d.line - 1];
    if (sourceLine !== undefined) {
      const gutter = String(d.line).padStart(4);
      lines.push(`${gutter} | ${sourceLine}`, `${' '.repeat(4)} | ${' '.repeat(Math.max(0, d.column - 1))}^`);
    }
  }
  if (d.hint) lines.push(`  hint: ${d.hint}`);
  if (d.related) {
    const other = options.cwd ? relative(options.cwd, d.related.file) || d.related.file : d.related.file;
    lines.push(`  see: ${other}:${d.related.line}:${d.related.column}`);
  }
  return lines.join('\n');
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
