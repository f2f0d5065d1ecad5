// The light part of the export's vocabulary: what can be made and how files are named. Imports nothing heavy.
import type { Paper } from './page.js';

export type PdfKind = 'handout' | 'guide' | 'slides';

/** In the order they are made and listed. */
export const PDF_KINDS: readonly PdfKind[] = ['handout', 'guide', 'slides'];

export const PAPERS: readonly Paper[] = ['a4', 'a5'];

/** Thrown for options that do not fit together (the CLI turns it into exit code 2). */
export class ExportOptionsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportOptionsError';
  }
}

/** The file name of a deck's PDF of one kind: `<deck-id>-<kind>.pdf`. */
export function pdfFileName(deckId: string, kind: PdfKind): string {
  return `${deckId}-${kind}.pdf`;
}
