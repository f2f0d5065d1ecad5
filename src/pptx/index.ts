// `exportPptx`: each selected deck as an editable PowerPoint file with the facilitator's guidance in the notes.
import { extname, join, resolve } from 'node:path';
import { GENERATOR, loadDecks, type DeckSelection } from '../api.js';
import type { Diagnostic } from '../diagnostics/deck-error.js';
import { ExportOptionsError } from '../export/options.js';
import { writeFilesAtomically } from '../export/write-files.js';
import { deckPresentation } from './presentation.js';

export interface PptxOptions extends DeckSelection {
  /** Folder for `<deck-id>/<deck-id>.pptx`, as `samtale build` puts `<deck-id>/index.html` there. Defaults to `dist`. */
  outDir?: string;
  /** One file (ending in .pptx) when exactly one deck is exported; otherwise a folder, as `outDir`. Wins over `outDir`. */
  out?: string;
}

export interface ExportedPptx {
  deck: string;
  file: string;
  slides: number;
  bytes: number;
}

export interface PptxResult {
  files: ExportedPptx[];
  /** Warnings (errors throw a DeckError). */
  diagnostics: Diagnostic[];
}

/** The file name of a deck's PowerPoint: `<deck-id>.pptx`. */
export function pptxFileName(deckId: string): string {
  return `${deckId}.pptx`;
}

/**
 * Makes the PowerPoint files of the selected decks. Every file is made before any is written, and each is
 * written under a temporary name and renamed, so a problem leaves the previous files as they were.
 */
export async function exportPptx(options: PptxOptions = {}): Promise<PptxResult> {
  const root = resolve(options.root ?? '.');
  const oneFile = options.out !== undefined && extname(options.out).toLowerCase() === '.pptx';
  if (oneFile && ((options.decks?.length ?? 0) > 1 || options.all)) {
    throw new ExportOptionsError(`--out ${options.out} names one file, but more than one deck is to be exported; name a folder instead`);
  }
  const { decks, diagnostics } = loadDecks({ ...options, root });
  diagnostics.throwIfErrors();
  if (oneFile && decks.length > 1) throw new ExportOptionsError(`--out ${options.out} names one file, but ${decks.length} decks are to be exported; name a folder instead`);
  const target = (deckId: string) => oneFile ? resolve(root, options.out!) : join(resolve(root, options.out ?? options.outDir ?? 'dist'), deckId, pptxFileName(deckId));

  const made: (ExportedPptx & { content: Uint8Array })[] = [];
  for (const deck of decks) {
    const { bytes, slides } = await deckPresentation(deck, diagnostics, GENERATOR);
    made.push({ deck: deck.id, file: target(deck.id), slides, bytes: bytes.length, content: bytes });
  }
  diagnostics.throwIfErrors();
  await writeFilesAtomically(made.map(({ file, content }) => ({ path: file, bytes: content })));
  return { files: made.map(({ content: _content, ...file }) => file), diagnostics: diagnostics.sorted() };
}
