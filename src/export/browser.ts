// The Puppeteer driver: one headless Chromium for every PDF of a run, one tab per document, one page.pdf each.
import type { Browser, Page } from 'puppeteer-core';
import { BrowserNotFoundError, launchOptions } from '../browser/find-browser.js';
import { EnvironmentError } from '../diagnostics/deck-error.js';
import { checkEmoji, emojiFontMissing } from './emoji.js';
import { paginate, type PaginateInput, type PaginateOutput } from './paginate.js';
import { collectAccessibilityHints, type AccessibilityHints } from './pdfua/hints.js';

export interface PrintRequest {
  /** For messages: "the handout of sociale-medier". */
  label: string;
  html: string;
  /** Viewport width in CSS px; the document's own widths govern its layout, this only has to hold them. */
  width: number;
  /** Lay the document out into pages first (handout and guide); the slides PDF needs no measuring. */
  paginate?: PaginateInput;
}

export interface PrintedPdf {
  bytes: Uint8Array;
  layout?: PaginateOutput;
  /** The text of every heading that makes a bookmark, in document order. */
  headings: string[];
  /** The page's figure and link texts, for the PDF/UA stage (./pdfua/). */
  hints: AccessibilityHints;
  /** Things that went wrong without spoiling the document, e.g. an image that would not load. */
  warnings: string[];
}

/** How long one document may take to load, lay out and print before the export gives up on it. */
const PAGE_TIMEOUT_MS = 120_000;

export class PdfBrowser {
  private constructor(private readonly browser: Browser) {}

  /** Finds and starts the browser; a missing one is a BrowserNotFoundError with what to install. */
  static async launch(options: { browser?: string } = {}): Promise<PdfBrowser> {
    const launch = launchOptions(options.browser ? { browser: options.browser } : {});
    const { default: puppeteer } = await import('puppeteer-core');
    try {
      // Unhinted glyph metrics, as in print: text measured on screen wraps exactly as it will on paper.
      const args = [...(launch.args ?? []), '--font-render-hinting=none'];
      return new PdfBrowser(await puppeteer.launch({ ...launch, args, protocolTimeout: PAGE_TIMEOUT_MS * 2 }));
    } catch (error) {
      throw new EnvironmentError('E_BROWSER_LAUNCH', `Could not start the browser at ${launch.executablePath}: ${firstLine(error)}`);
    }
  }

  /** Loads the document, waits for its fonts, lays it out and prints it as one tagged PDF with an outline. */
  async print(job: PrintRequest): Promise<PrintedPdf> {
    let page: Page | undefined;
    const problems: string[] = [];
    const warnings: string[] = [];
    try {
      page = await this.browser.newPage();
      page.on('pageerror', (error) => problems.push(`page error: ${firstLine(error)}`));
      // Print documents carry everything inline; a raw-HTML image pointing elsewhere is left out, not fatal.
      page.on('requestfailed', (request) => warnings.push(`could not load ${request.url().slice(0, 120)}`));
      page.setDefaultTimeout(PAGE_TIMEOUT_MS);
      await page.setViewport({ width: Math.ceil(job.width), height: 1000 });
      await page.emulateMediaType('print');
      await page.setContent(job.html, { waitUntil: 'load', timeout: PAGE_TIMEOUT_MS });
      const failed = await page.evaluate(async () => {
        await document.fonts.ready;
        return Array.from(document.fonts).filter((font) => font.status === 'error')
          .map(({ family, weight, style, unicodeRange }) => ({ family, weight, style, unicodeRange }));
      });
      const noEmojiFont = emojiFontMissing(failed, job.label);
      if (noEmojiFont) throw noEmojiFont;
      if (failed.length > 0) problems.push(`fonts failed to load: ${failed.map((font) => `${font.family} ${font.weight} ${font.style}`).join(', ')}`);
      await checkEmoji(page, job.label);
      const layout = job.paginate ? await page.evaluate(paginate, job.paginate) : undefined;
      const headings = await page.evaluate(() => Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6'))
        .filter((h) => h.getAttribute('role') !== 'none' && !h.closest('[aria-hidden="true"]'))
        .map((h) => (h.textContent ?? '').replace(/\s+/g, ' ').trim()));
      const hints = await page.evaluate(collectAccessibilityHints);
      if (problems.length > 0) throw new Error(problems.join('; '));
      const bytes = await page.pdf({
        printBackground: true,
        preferCSSPageSize: true,
        tagged: true,
        outline: true,
        timeout: PAGE_TIMEOUT_MS,
      });
      return layout ? { bytes, layout, headings, hints, warnings } : { bytes, headings, hints, warnings };
    } catch (error) {
      if (error instanceof EnvironmentError) throw error;
      throw new EnvironmentError('E_PDF_RENDER', `Could not render ${job.label}: ${firstLine(error)}`);
    } finally {
      await page?.close().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
  }
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}

export { BrowserNotFoundError };
