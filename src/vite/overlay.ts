// Problems as Vite's error overlay shows them: every diagnostic, the first one's position and a code frame.
import type { Diagnostic } from '../diagnostics/deck-error.js';
import { formatDiagnostic } from '../diagnostics/format.js';
import type { OverlayError } from './protocol.js';

const PLUGIN = 'samtale';

export interface OverlayOptions {
  /** Paths in the message are relative to this folder. */
  root: string;
  /** Reads a file's text for the code frame. */
  readText: (file: string) => string | undefined;
}

/**
 * The overlay for a failed rebuild. The overlay has room for one position
 * (a link to the editor) and one code frame: those are the first error's;
 * the message lists every problem, so fixing one never hides the next.
 */
export function diagnosticsOverlay(diagnostics: readonly Diagnostic[], options: OverlayOptions): OverlayError {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const shown = errors.length > 0 ? errors : diagnostics;
  const first = shown[0];
  if (!first) return { message: 'the deck could not be built', stack: '', plugin: PLUGIN };
  const lines = shown.map((d) => formatDiagnostic(d, { cwd: options.root }));
  if (shown.length > 1) lines.push(`${shown.length} problems`);
  const text = options.readText(first.file);
  const frame = text === undefined ? undefined : codeFrame(text, first.line, first.column);
  return {
    message: lines.join('\n\n'),
    stack: '',
    plugin: PLUGIN,
    id: first.file,
    loc: { file: first.file, line: first.line, column: first.column },
    ...(frame ? { frame } : {}),
  };
}

/** The overlay for a problem that is not in one place: a missing manifest, an uncompiled runtime, a bug. */
export function errorOverlay(error: { message: string; code?: string; hint?: string; stack?: string }, root: string): OverlayError {
  const code = error.code ? ` [${error.code}]` : '';
  const hint = error.hint ? `\n  hint: ${error.hint}` : '';
  // Our own errors name paths absolutely; relative ones read better and still say where.
  const message = `${error.message}${code}${hint}`.split(`${root}/`).join('');
  return { message, stack: error.code ? '' : cleanStack(error.stack), plugin: PLUGIN };
}

/**
 * Lines around `line` with a caret under `column`, in the shape of Vite's
 * own code frames (`12 | text`), which its overlay recognises. Numbers are
 * padded on the right: the overlay trims the frame's leading space.
 */
export function codeFrame(text: string, line: number, column: number, context = 2): string {
  const lines = text.split(/\r?\n/);
  if (line < 1 || line > lines.length) return '';
  const first = Math.max(1, line - context);
  const last = Math.min(lines.length, line + context);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    out.push(`${String(n).padEnd(width)} | ${lines[n - 1]}`);
    if (n === line) out.push(`${' '.repeat(width)} | ${' '.repeat(Math.max(0, column - 1))}^`);
  }
  return `${out.join('\n')}\n`;
}

/** Stack frames only, without the message line that the overlay already shows. */
function cleanStack(stack: string | undefined): string {
  return (stack ?? '').split('\n').filter((line) => /^\s*at /.test(line)).join('\n');
}

