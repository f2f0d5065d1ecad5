// `exportPdf`: a deck's participant handout, facilitator guide and slides as tagged PDFs, from one browser.
//
// The browser starts first: Chromium takes half a second to come up, time in which the decks are loaded and
// the print documents made (./prepare.js, imported only then). A content problem still wins: it is
// reported, and the browser closed, before anything is printed.
import { resolve } from 'node:path';
import type { DeckSelection } from '../api.js';
import type { Diagnostic } from '../diagnostics/deck-error.js';
import { PdfBrowser } from './browser.js';
import { withMetadata } from './metadata.js';
import { ExportOptionsError, PAPERS, PDF_KINDS, pdfFileName, type PdfKind } from './options.js';
import type { Paper } from './page.js';
import type { PrintJob } from './prepare.js';
import { writeFilesAtomically } from './write-files.js';
import { withFolderLocks } from '../output/folder-lock.js';
import { loadManifest } from '../pipeline/load.js';

export { ExportOptionsError, PAPERS, PDF_KINDS, pdfFileName, type Paper, type PdfKind };

export interface ExportOptions extends DeckSelection {
  /** Which PDFs; all three when empty. */
  kinds?: readonly PdfKind[];
  /** Folder for `<deck-id>/<deck-id>-<kind>.pdf`. Defaults to `dist`. */
  outDir?: string;
  /**
   * One file (ending in .pdf) when exactly one deck and one kind are exported; otherwise a folder that
   * receives `<deck-id>-<kind>.pdf` files. Wins over `outDir`.
   */
  out?: string;
  /** Paper of the handout: A4 (default) or A5. The guide is A4, the slides 1280×720 px. */
  paper?: Paper;
  /** A browser executable, over SAMTALE_BROWSER and the search of src/browser/find-browser.ts. */
  browser?: string;
  /** Documents printed at the same time, each in its own tab. Defaults to 2. */
  concurrency?: number;
  /** Called as the export proceeds (the CLI draws a progress bar with it). */
  onProgress?: (event: ExportProgress) => void;
}

export interface ExportProgress {
  done: number;
  total: number;
  /** What is under way, e.g. "sociale-medier handout: printed". */
  task: string;
}

export interface ExportedPdf {
  deck: string;
  kind: PdfKind;
  file: string;
  pages: number;
  bytes: number;
}

export interface ExportResult {
  pdfs: ExportedPdf[];
  /** Content warnings from loading the decks (errors throw a DeckError). */
  diagnostics: Diagnostic[];
  /** Layout and loading warnings, e.g. a block too tall for a page; the PDFs are still written. */
  warnings: string[];
}

/** Two tabs printing at once keep two cores busy; more only queue behind them. */
const DEFAULT_CONCURRENCY = 2;

/**
 * Makes the PDFs of the selected decks with one browser. Everything is printed before anything is written,
 * and each file is written under a temporary name and renamed, so a failure leaves the previous PDFs as
 * they were.
 */
export async function exportPdf(options: ExportOptions = {}): Promise<ExportResult> {
  const root = resolve(options.root ?? '.');
  const kinds = options.kinds?.length ? PDF_KINDS.filter((k) => options.kinds!.includes(k)) : [...PDF_KINDS];
  const paper = options.paper ?? 'a4';
  if (!PAPERS.includes(paper)) throw new ExportOptionsError(`unknown paper "${String(paper)}"; use ${PAPERS.join(' or ')}`);
  // What can be told without loading the decks is told before a browser starts (--all is counted later).
  if (options.out !== undefined && /\.pdf$/i.test(options.out) && (kinds.length > 1 || (options.decks?.length ?? 0) > 1)) {
    throw new ExportOptionsError(`--out ${options.out} names one file, but more than one PDF is to be made; name a folder, or pick one deck and one of --handout, --guide, --slides`);
  }

  // A deck name that is no deck (or reaches outside the project) is bad usage: told before a browser starts.
  for (const deck of options.decks ?? []) loadManifest(root, deck);

  const launching = PdfBrowser.launch(options.browser ? { browser: options.browser } : {});
  launching.catch(() => undefined);
  let browser: PdfBrowser | undefined;
  let closing: Promise<void> | undefined;
  const printed: { job: PrintJob; bytes: Uint8Array; pages: number }[] = [];
  const warnings: string[] = [];
  let diagnostics: Diagnostic[];
  let jobs: PrintJob[];
  try {
    const { preparePrintJobs } = await import('./prepare.js');
    const { makePdfUa } = await import('./pdfua/index.js');
    ({ jobs, diagnostics } = await preparePrintJobs({ ...options, root, kinds, paper }));
    let done = 0;
    const total = jobs.length * 2 + 2;
    const report = (task: string) => options.onProgress?.({ done: ++done, total, task });
    options.onProgress?.({ done, total, task: 'starting the browser' });
    browser = await launching;
    report('browser started');
    // Each document prints in its own tab (its own renderer process), a few at a time.
    await forEachConcurrently(jobs, options.concurrency ?? DEFAULT_CONCURRENCY, async (job) => {
      const name = `${job.deck} ${job.kind}`;
      const { document } = job;
      const result = await browser!.print({ label: `the ${job.kind} of ${job.deck}`, html: document.html, width: document.width, ...(document.paginate ? { paginate: document.paginate } : {}) });
      report(`${name}: printed`);
      const described = await withMetadata(result.bytes, { ...document.metadata, contentHash: job.contentHash }, result.headings);
      const { bytes, pages, warnings: accessibility } = await makePdfUa(described.bytes, result.hints, document.metadata);
      for (const warning of [...result.warnings, ...accessibility]) warnings.push(`${name}: ${warning}`);
      if (result.layout) {
        for (const overflow of result.layout.overflows) warnings.push(`${name}: a block is taller than a page and is split where it falls (${overflow})`);
        if (result.layout.pages !== pages) warnings.push(`${name}: laid out as ${result.layout.pages} pages but printed as ${pages}; page numbers in the contents may be off`);
      }
      printed.push({ job, bytes, pages });
      report(`${name}: done`);
    });
    // The browser shuts down while the files are written.
    closing = browser.close();
    // A build of the same deck swaps the deck's folder under the same lock, so a PDF never lands in a folder on its
    // way out. A folder named with --out is the user's own: nothing swaps it, and nothing is written beside it.
    const folders = printed.flatMap(({ job }) => (job.deckFolder ? [job.deckFolder] : []));
    await withFolderLocks(folders, () => writeFilesAtomically(printed.map(({ job, bytes }) => ({ path: job.file, bytes }))));
    options.onProgress?.({ done: total, total, task: 'written' });
  } finally {
    await (closing ?? (browser ?? (await launching.catch(() => undefined)))?.close());
  }
  // In the order asked for, whatever order the prints finished in.
  const order = (job: PrintJob) => jobs.indexOf(job);
  return {
    pdfs: printed.sort((a, b) => order(a.job) - order(b.job)).map(({ job, bytes, pages }) => ({ deck: job.deck, kind: job.kind, file: job.file, pages, bytes: bytes.length })),
    diagnostics,
    warnings,
  };
}

/** Runs `work` on every item, at most `limit` at a time; the first failure rejects once the running ones end. */
async function forEachConcurrently<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const errors: unknown[] = [];
  const worker = async () => {
    while (next < items.length && errors.length === 0) {
      const item = items[next++]!;
      await work(item).catch((error: unknown) => errors.push(error));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  if (errors.length > 0) throw errors[0];
}
