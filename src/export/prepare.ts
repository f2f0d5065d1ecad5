// The export's heavy half, loaded once the browser is on its way: decks loaded, slides rendered, print documents made.
import { extname, join, resolve } from 'node:path';
import { deckGenerator, GENERATOR, loadDecks, type DeckSelection } from '../api.js';
import type { Diagnostic } from '../diagnostics/deck-error.js';
import type { Deck } from '../model.js';
import { themeColours } from '../assets/runtime-assets.js';
import { brandingCss } from '../pipeline/branding.js';
import { renderDeckSlides } from '../pipeline/render/deck-slides.js';
import { deckContentHash } from '../pipeline/content-hash.js';
import { printDocumentFor, type DeckPrintContext, type PrintDocument } from './documents.js';
import { ExportOptionsError, pdfFileName, type PdfKind } from './options.js';
import type { Paper } from './page.js';
import { loadPrintAssets } from './print-assets.js';
import { printStringsFor } from './strings.js';
import { withPrintPosters } from './video-media.js';

export interface PrintJob {
  deck: string;
  kind: PdfKind;
  file: string;
  document: PrintDocument;
  /** The hash of what this kind of PDF shows of the deck, stamped into it (src/pipeline/content-hash.ts). */
  contentHash: string;
  /** The deck's own output folder, when the PDF goes there: `samtale build` swaps it, so it is locked while written. */
  deckFolder?: string;
}

export interface PrepareOptions extends DeckSelection {
  root: string;
  kinds: readonly PdfKind[];
  paper: Paper;
  out?: string;
  outDir?: string;
}

/** Loads and checks the decks (a DeckError lists every problem) and makes their print documents. */
export async function preparePrintJobs(options: PrepareOptions): Promise<{ jobs: PrintJob[]; diagnostics: Diagnostic[] }> {
  const { decks, diagnostics } = loadDecks(options);
  diagnostics.throwIfErrors();
  const target = outputTarget(options, decks.length);
  const jobs: PrintJob[] = [];
  for (const deck of decks) {
    const context = await printContext(deck, options.paper);
    const deckFolder = options.out === undefined ? join(resolve(options.root, options.outDir ?? 'dist'), deck.id) : undefined;
    for (const kind of options.kinds) {
      jobs.push({ deck: deck.id, kind, file: target(deck.id, kind), document: printDocumentFor(kind, context), contentHash: deckContentHash(deck, GENERATOR, kind), ...(deckFolder ? { deckFolder } : {}) });
    }
  }
  return { jobs, diagnostics: diagnostics.sorted() };
}

async function printContext(resolved: Deck, paper: Paper): Promise<DeckPrintContext> {
  const [deck, assets] = await Promise.all([withPrintPosters(resolved), loadPrintAssets(resolved.theme)]);
  // An adaptation's colours, logo and font, over the theme's tokens, exactly as its deck has them.
  const branding = deck.branding ? brandingCss(deck.branding, themeColours(deck.theme)) : '';
  return { deck, slides: renderDeckSlides(deck), strings: printStringsFor(deck.language), assets, branding, generator: deckGenerator(deck), paper };
}

/** Where each PDF goes: `--out` as a file (one PDF) or a folder, else `<outDir>/<deck-id>/<deck-id>-<kind>.pdf`. */
function outputTarget(options: PrepareOptions, decks: number): (deckId: string, kind: PdfKind) => string {
  const count = decks * options.kinds.length;
  if (options.out !== undefined) {
    const out = resolve(options.root, options.out);
    if (extname(out).toLowerCase() === '.pdf') {
      if (count !== 1) {
        throw new ExportOptionsError(`--out ${options.out} names one file, but ${count} PDFs are to be made; name a folder, or pick one deck and one of --handout, --guide, --slides`);
      }
      return () => out;
    }
    return (deckId, kind) => join(out, pdfFileName(deckId, kind));
  }
  const outDir = resolve(options.root, options.outDir ?? 'dist');
  return (deckId, kind) => join(outDir, deckId, pdfFileName(deckId, kind));
}
