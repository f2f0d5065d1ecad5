// `samtale record FILE`: the PDF summary of what the council agreed, in the deck's branding.
//
// FILE is the record exported from the facilitator view (Markdown or JSON, src/record/files.ts). What the
// summary says is in ./record-summary-document.ts. It is printed like the other PDFs (src/export/): one
// Chromium tab, the document information set afterwards, the PDF/UA stage, the file written under a
// temporary name and renamed. The card titles and action questions are those the export was written with;
// the deck supplies its branding, theme numbers and anything the file lacks.
import { readFile, stat } from 'node:fs/promises';
import { statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { deckGenerator, loadDecks } from '../api.js';
import { DeckError, EnvironmentError, type Diagnostic } from '../diagnostics/deck-error.js';
import { listDeckIds, loadManifest } from '../pipeline/load.js';
import { RECORD_FILE_MAX_BYTES, readRecordFile, recordFileName, type RecordFile } from '../record/files.js';
import { RecordFormatError, type SeminarRecord } from '../record/record.js';
import { PdfBrowser } from './browser.js';
import { withMetadata } from './metadata.js';
import { GEOMETRY, mmToPx } from './page.js';
import { hasAgreement, recordSummaryHtml, summaryCards } from './record-summary-document.js';
import { writeFilesAtomically } from './write-files.js';

export interface RecordSummaryOptions {
  /** The exported record (Markdown or JSON). */
  file: string;
  /** The deck whose branding and cards to use; by default the deck the record names. */
  deck?: string;
  /** A .pdf file, or a folder for `<deck>-aftaler-<seminar>.pdf`. By default FILE with `.pdf`. */
  out?: string;
  /** The project folder (with slides/). Defaults to the current folder. */
  root?: string;
  /** A browser executable, over SAMTALE_BROWSER and the usual search. */
  browser?: string;
  /** Add the table of planned and used minutes per card (`--times`). */
  times?: boolean;
}

export interface RecordSummaryResult {
  file: string;
  deck: string;
  seminar: string;
  /** Cards with an agreement or a follow-up (each has its own section). */
  cards: number;
  pages: number;
  bytes: number;
  diagnostics: Diagnostic[];
  warnings: string[];
}

/** Reads the record, loads the deck, prints the summary and writes it. */
export async function exportRecordSummary(options: RecordSummaryOptions): Promise<RecordSummaryResult> {
  const root = resolve(options.root ?? '.');
  const input = resolve(root, options.file);
  const parsed = await readRecord(input);
  // A --deck that is no deck (or reaches outside the project) is bad usage: told before a browser starts.
  if (options.deck !== undefined) loadManifest(root, options.deck);
  const deckId = options.deck ?? parsed.record.deck;
  if (options.deck === undefined && !listDeckIds(root).includes(deckId)) {
    throw new EnvironmentError('E_RECORD_DECK', `${options.file} is the record of the deck "${deckId}", which is not in ${join(root, 'slides')}`,
      'name the deck whose branding to use: --deck DECK');
  }
  const launching = PdfBrowser.launch(options.browser ? { browser: options.browser } : {});
  launching.catch(() => undefined);
  let browser: PdfBrowser | undefined;
  try {
    const { decks, diagnostics } = loadDecks({ root, decks: [deckId] });
    diagnostics.throwIfErrors();
    const deck = decks[0]!;
    const warnings: string[] = [];
    if (deck.id !== parsed.record.deck) warnings.push(`the record is of the deck "${parsed.record.deck}"; it is printed with the branding of "${deck.id}"`);
    const language = deck.language === 'en' ? 'en' : 'da';
    const cards = summaryCards(parsed, deck);
    const html = await recordSummaryHtml(parsed.record, cards, deck, language, { generator: deckGenerator(deck), times: options.times ?? false });
    const target = outputFile(options, root, input, parsed.record, language);

    browser = await launching;
    const printed = await browser.print({ label: `the summary of ${options.file}`, html: html.document, width: mmToPx(GEOMETRY.a4.width) });
    warnings.push(...printed.warnings);
    const described = await withMetadata(printed.bytes, html.metadata, printed.headings);
    const { makePdfUa } = await import('./pdfua/index.js');
    const { bytes, pages, warnings: accessibility } = await makePdfUa(described.bytes, printed.hints, html.metadata);
    warnings.push(...accessibility);
    const closing = browser.close();
    await writeFilesAtomically([{ path: target, bytes }]);
    await closing;
    return {
      file: target,
      deck: deck.id,
      seminar: parsed.record.seminar,
      cards: cards.filter(hasAgreement).length,
      pages,
      bytes: bytes.length,
      diagnostics: diagnostics.sorted(),
      warnings,
    };
  } finally {
    await (browser ?? (await launching.catch(() => undefined)))?.close();
  }
}

async function readRecord(file: string): Promise<RecordFile> {
  let text: string;
  try {
    // The size first: a huge file is refused at once, not after minutes of reading and printing.
    const { size } = await stat(file);
    if (size > RECORD_FILE_MAX_BYTES) {
      throw new EnvironmentError('E_RECORD_TOO_LARGE', `${file} is ${Math.round(size / 1024 / 1024 * 10) / 10} MB; a seminar record is a few kilobytes, and at most ${RECORD_FILE_MAX_BYTES / 1024 / 1024} MB is read`);
    }
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof EnvironmentError) throw error;
    throw new EnvironmentError('E_RECORD_READ', `Cannot read ${file}: ${(error as Error).message}`);
  }
  try {
    return readRecordFile(text);
  } catch (error) {
    if (!(error instanceof RecordFormatError)) throw error;
    throw new DeckError([{
      code: 'E_RECORD_FORMAT',
      severity: 'error',
      message: error.message,
      file,
      line: error.line,
      column: error.column,
      hint: 'export the record again from the facilitator view ("Hent Markdown"), or fix the line',
    }]);
  }
}

/** `--out` as a file or a folder, else FILE's name with `.pdf`. */
function outputFile(options: RecordSummaryOptions, root: string, input: string, record: SeminarRecord, language: 'da' | 'en'): string {
  if (options.out === undefined) return join(dirname(input), `${basename(input, extname(input))}.pdf`);
  const out = resolve(root, options.out);
  if (extname(out).toLowerCase() === '.pdf') return out;
  let folder = /[\\/]$/.test(options.out);
  try {
    folder ||= statSync(out).isDirectory();
  } catch {
    // Not there yet: a name without .pdf is a folder to make.
    folder = true;
  }
  return folder ? join(out, recordFileName(record.deck, record.seminar, language, 'pdf')) : out;
}
