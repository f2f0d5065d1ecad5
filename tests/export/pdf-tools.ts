// Reading PDFs back for the export tests: text page by page (pdftotext), info and fonts (poppler), outline and catalog (pdf-lib).

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString, type PDFObject } from 'pdf-lib';

/** The text of every page, in reading order (pdftotext, UTF-8). */
export function pageTexts(file: string): string[] {
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  // pdftotext ends every page with a form feed.
  return text.split('\f').slice(0, -1);
}

/** pdfinfo's "Key: value" lines. */
export function pdfInfo(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', ['-enc', 'UTF-8', file], { encoding: 'utf8' });
  return Object.fromEntries(out.split('\n').filter((line) => line.includes(':')).map((line) => {
    const at = line.indexOf(':');
    return [line.slice(0, at).trim(), line.slice(at + 1).trim()];
  }));
}

export interface FontRow {
  name: string;
  type: string;
  embedded: boolean;
  unicode: boolean;
}

/** pdffonts' table. */
export function pdfFonts(file: string): FontRow[] {
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  return lines.map((line) => {
    const cells = line.trim().split(/\s+/);
    // name type… encoding emb sub uni object ID: the last six cells are fixed.
    const [emb, , uni] = cells.slice(-5, -2);
    return { name: cells[0]!, type: cells.slice(1, -6).join(' '), embedded: emb === 'yes', unicode: uni === 'yes' };
  });
}

/** Page boxes in points, from pdfinfo -f/-l. */
export function pageSizes(file: string, pages: number): string[] {
  const out = execFileSync('pdfinfo', ['-f', '1', '-l', String(pages), file], { encoding: 'utf8' });
  return [...out.matchAll(/^Page\s+\d+ size:\s+([\d.]+ x [\d.]+) pts/gm)].map((m) => m[1]!);
}

export interface Outline {
  title: string;
  children: Outline[];
}

export interface PdfStructure {
  outline: Outline[];
  lang?: string;
  structTree: boolean;
  markInfo: boolean;
  displayDocTitle: boolean;
  pages: number;
  title?: string;
  author?: string;
}

/** The catalog's structure entries and the bookmarks, as pdf-lib reads them (it also proves the file parses). */
export async function pdfStructure(file: string): Promise<PdfStructure> {
  const doc = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
  const lookup = (dict: PDFDict | undefined, key: string): PDFObject | undefined => {
    const value = dict?.get(PDFName.of(key));
    return value === undefined ? undefined : doc.context.lookup(value);
  };
  const text = (value: PDFObject | undefined) => (value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined);
  const items = (parent: PDFDict | undefined, depth = 0): Outline[] => {
    const list: Outline[] = [];
    for (let node = lookup(parent, 'First'); node instanceof PDFDict && depth < 16; node = lookup(node, 'Next')) {
      list.push({ title: text(lookup(node, 'Title')) ?? '', children: items(node, depth + 1) });
    }
    return list;
  };
  const catalog = doc.catalog;
  const outlines = lookup(catalog, 'Outlines');
  const viewer = lookup(catalog, 'ViewerPreferences');
  const lang = text(lookup(catalog, 'Lang'));
  const title = doc.getTitle();
  const author = doc.getAuthor();
  return {
    outline: outlines instanceof PDFDict ? items(outlines) : [],
    ...(lang === undefined ? {} : { lang }),
    structTree: lookup(catalog, 'StructTreeRoot') instanceof PDFDict,
    markInfo: lookup(catalog, 'MarkInfo') instanceof PDFDict,
    displayDocTitle: viewer instanceof PDFDict && String(viewer.get(PDFName.of('DisplayDocTitle'))) === 'true',
    pages: doc.getPageCount(),
    ...(title === undefined ? {} : { title }),
    ...(author === undefined ? {} : { author }),
  };
}

/** Every bookmark title, depth first. */
export function outlineTitles(outline: readonly Outline[]): string[] {
  return outline.flatMap((item) => [item.title, ...outlineTitles(item.children)]);
}

/**
 * Text compared without white space and hyphens: line breaks fall anywhere on paper, and pdftotext joins a
 * line that ends in a hyphen to the next without it ("og -" + "dialog" → "ogdialog").
 */
export const squash = (text: string) => text.normalize('NFC').replace(/[\s\u00a0\u00ad-]+/g, '');

/** The plain text of some HTML (tags dropped, the entities our renderer writes decoded). */
export function htmlText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name]!);
}

export interface PageImage {
  width: number;
  height: number;
  /** Red + green + blue of a pixel: 765 is white. */
  sum: (x: number, y: number) => number;
}

/** One page rendered by poppler (PPM, read here without an image library). */
export function renderPage(file: string, page: number, dpi: number): PageImage {
  const bytes = execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', file], { maxBuffer: 256 * 1024 * 1024 });
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(bytes.toString('latin1', 0, 40));
  if (!header) throw new Error(`pdftoppm did not write a PPM for page ${page} of ${file}`);
  const [width, height, offset] = [Number(header[1]), Number(header[2]), header[0].length];
  return {
    width,
    height,
    sum: (x, y) => {
      const at = offset + (y * width + x) * 3;
      return bytes[at]! + bytes[at + 1]! + bytes[at + 2]!;
    },
  };
}

/** The longest run of non-white pixels down one column between columns `from` and `to`. */
export function longestVerticalLine(image: PageImage, from: number, to: number): number {
  let best = 0;
  for (let x = Math.max(0, from); x <= Math.min(image.width - 1, to); x++) {
    let run = 0;
    for (let y = 0; y < image.height; y++) {
      run = image.sum(x, y) < 750 ? run + 1 : 0;
      best = Math.max(best, run);
    }
  }
  return best;
}
