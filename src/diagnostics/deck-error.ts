// The one error type: a problem in the user's content, with its position, a stable code and a hint.

export type Severity = 'error' | 'warning';

/** A problem found in a card or manifest. Collected, not thrown, so that one run reports them all. */
export interface Diagnostic {
  /** Stable code for tools and tests, e.g. `E_UNKNOWN_KEY`. */
  code: string;
  severity: Severity;
  message: string;
  file: string;
  line: number;
  column: number;
  /** What to do about it, e.g. a did-you-mean. */
  hint?: string;
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

/** Thrown for problems with the environment (no runtime, no browser, unwritable output). */
export class EnvironmentError extends Error {
  readonly code: string;
  readonly hint?: string;

  constructor(code: string, message: string, hint?: string) {
    super(message);
    this.name = 'EnvironmentError';
    this.code = code;
    if (hint !== undefined) this.hint = hint;
  }
}

/** Collects diagnostics while a stage runs. */
export class Diagnostics {
  readonly items: Diagnostic[] = [];

  error(code: string, message: string, at: { file: string; line: number; column: number }, hint?: string, related?: Diagnostic['related']): void {
    this.items.push({ code, severity: 'error', message, ...at, ...(hint === undefined ? {} : { hint }), ...(related ? { related } : {}) });
  }

  warning(code: string, message: string, at: { file: string; line: number; column: number }, hint?: string, related?: Diagnostic['related']): void {
    this.items.push({ code, severity: 'warning', message, ...at, ...(hint === undefined ? {} : { hint }), ...(related ? { related } : {}) });
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
