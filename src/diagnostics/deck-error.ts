// The one error type: a problem in the user's content, with its position, a stable code and a hint.
import { CODES, type DiagnosticCode, type ErrorCode, type WarningCode } from './codes.js';

export type { DiagnosticCode, ErrorCode, WarningCode } from './codes.js';

export type Severity = 'error' | 'warning';

/** A problem found in a card or manifest. Collected, not thrown, so that one run reports them all. */
export interface Diagnostic {
  /** Stable code for tools and tests, e.g. `E_UNKNOWN_KEY` (the registry: ./codes.ts, docs/errors.md). */
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  file: string;
  line: number;
  column: number;
  /** What to do about it, e.g. a did-you-mean; the registry's hint for the code when the call site has none. */
  hint: string;
  /** Another place that takes part in the problem, e.g. the first of two cards with one id. */
  related?: { file: string; line: number; column: number };
}

/** Thrown when content problems stop a build; carries every problem found. */
export class DeckError extends Error {
  readonly diagnostics: Diagnostic[];

  constructor(diagnostics: Diagnostic[]) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    super(`${errors.length} problem${errors.length === 1 ? '' : 's'} in the deck's content`);
    this.name = 'DeckError';
    this.diagnostics = diagnostics;
  }
}

/** Thrown for problems with the environment (no runtime, no browser, unwritable output): exit code 1. */
export class EnvironmentError extends Error {
  readonly code: DiagnosticCode;
  readonly hint: string;

  constructor(code: DiagnosticCode, message: string, hint?: string) {
    super(message);
    this.name = 'EnvironmentError';
    this.code = code;
    this.hint = hint ?? CODES[code].hint;
  }
}

/** Thrown for bad usage: a deck name that is no deck id, an unknown option. Exit code 2. */
export class UsageError extends Error {
  readonly code: DiagnosticCode;
  readonly hint: string;

  constructor(code: DiagnosticCode, message: string, hint?: string) {
    super(message);
    this.name = 'UsageError';
    this.code = code;
    this.hint = hint ?? CODES[code].hint;
  }
}

type At = { file: string; line: number; column: number };

/** Collects diagnostics while a stage runs. The same problem found twice (a base deck of two decks) is kept once. */
export class Diagnostics {
  readonly items: Diagnostic[] = [];
  private readonly seen = new Set<string>();

  error(code: ErrorCode, message: string, at: At, hint?: string, related?: Diagnostic['related']): void {
    this.add(code, 'error', message, at, hint, related);
  }

  warning(code: WarningCode, message: string, at: At, hint?: string, related?: Diagnostic['related']): void {
    this.add(code, 'warning', message, at, hint, related);
  }

  private add(code: DiagnosticCode, severity: Severity, message: string, at: At, hint: string | undefined, related: Diagnostic['related']): void {
    const key = [code, at.file, at.line, at.column, message].join('\0');
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.items.push({ code, severity, message, file: at.file, line: at.line, column: at.column, hint: hint ?? CODES[code].hint, ...(related ? { related } : {}) });
  }

  get hasErrors(): boolean {
    return this.items.some((d) => d.severity === 'error');
  }

  /** Throws a DeckError if any error was collected. */
  throwIfErrors(): void {
    if (this.hasErrors) throw new DeckError(this.sorted());
  }

  /** In file order; a problem found twice (in a base manifest that two decks extend) is listed once. */
  sorted(): Diagnostic[] {
    const seen = new Set<string>();
    const unique = this.items.filter((d) => {
      const key = `${d.code}\0${d.file}\0${d.line}\0${d.column}\0${d.message}`;
      return seen.has(key) ? false : (seen.add(key), true);
    });
    return unique.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  }
}
