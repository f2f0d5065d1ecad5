// The PDF's document information (title, author, subject, keywords, creator, language), set after printing.
//
// Chromium writes /Title (from <title>), /Lang (from <html lang>), the structure tree and the outline, but
// no author or subject. They are added as an incremental update: new Info and catalog objects appended
// after Chromium's bytes, which stay untouched, so the tags and bookmarks cannot be lost and a 600-page
// PDF takes a millisecond instead of pdf-lib's half second. A file this code does not recognise (say, a
// future Chromium writing cross-reference streams) goes through pdf-lib instead, whose full rewrite also
// keeps /StructTreeRoot, /MarkInfo and /Outlines (tests/export checks both ways).

import { CONTENT_HASH_KEY } from '../pipeline/content-hash.js';

export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
  language: string;
  creator: string;
  keywords: string[];
  /** The deck content the PDF was made from (src/pipeline/content-hash.ts); `samtale build` keeps only current PDFs. */
  contentHash?: string;
}

/**
 * Sets the metadata. `headings` are the texts of the document's headings in order: Chromium builds each
 * bookmark's title from the heading's lines without the spaces between them ("mellemkommunalbestyrelse"),
 * and the incremental update puts them back.
 */
export async function withMetadata(pdf: Uint8Array, meta: PdfMetadata, headings: readonly string[] = []): Promise<{ bytes: Uint8Array; pages: number }> {
  return appendMetadata(pdf, meta, headings) ?? (await rewriteMetadata(pdf, meta));
}

/** The whole file rewritten by pdf-lib. */
export async function rewriteMetadata(pdf: Uint8Array, meta: PdfMetadata): Promise<{ bytes: Uint8Array; pages: number }> {
  // Loaded on first use, so that importing samtale's API does not load pdf-lib.
  const { PDFDocument, ParseSpeeds, PDFName, PDFString } = await import('pdf-lib');
  // pdf-lib yields to the event loop every 100 objects by default, which makes it ten times slower here.
  const doc = await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  // Viewers show the title, not the file name, in their title bar (as PDF/UA asks).
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setAuthor(meta.author);
  doc.setSubject(meta.subject);
  doc.setLanguage(meta.language);
  doc.setCreator(meta.creator);
  doc.setKeywords(meta.keywords);
  if (meta.contentHash) {
    // pdf-lib has no setter for a key of one's own; its Info dictionary takes one like any other.
    (doc as unknown as { getInfoDict(): { set(key: unknown, value: unknown): void } }).getInfoDict().set(PDFName.of(CONTENT_HASH_KEY), PDFString.of(meta.contentHash));
  }
  const bytes = await doc.save({ useObjectStreams: false, addDefaultPage: false, objectsPerTick: Infinity });
  return { bytes, pages: doc.getPageCount() };
}

/**
 * An incremental update (PDF 1.7, 7.5.6) for a file with a classic cross-reference table: a new Info
 * dictionary, and, if Chromium left them out, a copy of the catalog with /Lang and /DisplayDocTitle.
 * Undefined when the file is not of that simple shape.
 */
export function appendMetadata(pdf: Uint8Array, meta: PdfMetadata, headings: readonly string[] = []): { bytes: Uint8Array; pages: number } | undefined {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text.slice(-64));
  if (!startxref) return undefined;
  const xrefOffset = Number(startxref[1]);
  if (!text.startsWith('xref', xrefOffset)) return undefined;
  const trailerAt = text.indexOf('trailer', xrefOffset);
  const trailer = trailerAt < 0 ? undefined : /<<([\s\S]*?)>>\s*startxref/.exec(text.slice(trailerAt))?.[1];
  if (!trailer) return undefined;
  const size = Number(/\/Size\s+(\d+)/.exec(trailer)?.[1]);
  const root = Number(/\/Root\s+(\d+)\s+0\s+R/.exec(trailer)?.[1]);
  const infoRef = /\/Info\s+(\d+)\s+0\s+R/.exec(trailer)?.[1];
  const id = /\/ID\s*(\[[^\]]*\])/.exec(trailer)?.[1];
  if (!Number.isInteger(size) || !Number.isInteger(root)) return undefined;

  const table = parseXrefTable(text, xrefOffset);
  const catalog = table && objectBody(text, table, root);
  if (!table || !catalog || !/\/Type\s*\/Catalog/.test(catalog)) return undefined;
  const pagesRef = Number(/\/Pages\s+(\d+)\s+0\s+R/.exec(catalog)?.[1]);
  const pages = Number(/\/Count\s+(\d+)/.exec(objectBody(text, table, pagesRef) ?? '')?.[1]);
  if (!Number.isInteger(pages)) return undefined;
  const oldInfo = infoRef === undefined ? '' : objectBody(text, table, Number(infoRef)) ?? '';
  const kept = ['Producer', 'CreationDate', 'ModDate']
    .map((key) => new RegExp(`/${key}\\s*(\\([^()\\\\]*\\))`).exec(oldInfo))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => `${m[0].slice(0, m[0].indexOf(m[1]!)).trim()} ${m[1]}`);

  // Chromium writes /Lang and /DisplayDocTitle itself; the catalog is copied only to add what is missing.
  const additions = (/\/Lang\b/.test(catalog) ? '' : ` /Lang ${pdfString(meta.language)}`)
    + (/\/ViewerPreferences\b/.test(catalog) ? '' : ' /ViewerPreferences << /DisplayDocTitle true >>');
  const info = [
    `/Title ${pdfString(meta.title)}`,
    `/Author ${pdfString(meta.author)}`,
    `/Subject ${pdfString(meta.subject)}`,
    `/Keywords ${pdfString(meta.keywords.join(', '))}`,
    `/Creator ${pdfString(meta.creator)}`,
    ...(meta.contentHash && /^[0-9a-f]+$/.test(meta.contentHash) ? [`/${CONTENT_HASH_KEY} (${meta.contentHash})`] : []),
    ...kept,
  ].join('\n');

  const infoNumber = size;
  let tail = text.endsWith('\n') ? '' : '\n';
  const offsets: [number, number][] = [];
  const add = (number: number, body: string) => {
    offsets.push([number, pdf.byteLength + Buffer.byteLength(tail, 'latin1')]);
    tail += `${number} 0 obj\n${body}\nendobj\n`;
  };
  if (additions) add(root, `${catalog.replace(/>>\s*$/, '')}${additions} >>`);
  for (const [number, body] of outlineFixes(text, table, catalog, headings)) add(number, body);
  add(infoNumber, `<<\n${info}\n>>`);
  const xrefAt = pdf.byteLength + Buffer.byteLength(tail, 'latin1');
  tail += 'xref\n0 1\n0000000000 65535 f \n'
    + offsets.map(([number, offset]) => `${number} 1\n${String(offset).padStart(10, '0')} 00000 n \n`).join('')
    + `trailer\n<< /Size ${size + 1} /Root ${root} 0 R /Info ${infoNumber} 0 R /Prev ${xrefOffset}${id ? ` /ID ${id}` : ''} >>\n`
    + `startxref\n${xrefAt}\n%%EOF\n`;
  const bytes = new Uint8Array(pdf.byteLength + Buffer.byteLength(tail, 'latin1'));
  bytes.set(pdf, 0);
  bytes.set(Buffer.from(tail, 'latin1'), pdf.byteLength);
  return { bytes, pages };
}

/**
 * Outline items whose title differs from its heading only in white space, with the heading's text as title.
 * Items and headings are both in document order; an item with no such heading is left as it is.
 */
function outlineFixes(text: string, table: Map<number, number>, catalog: string, headings: readonly string[]): [number, string][] {
  const outlines = Number(/\/Outlines\s+(\d+)\s+0\s+R/.exec(catalog)?.[1]);
  if (!Number.isInteger(outlines) || headings.length === 0) return [];
  const squash = (s: string) => s.replace(/\s+/g, '');
  const fixes: [number, string][] = [];
  let next = 0;
  const ref = (body: string, key: string) => Number(new RegExp(`/${key}\\s+(\\d+)\\s+0\\s+R`).exec(body)?.[1]);
  const visit = (first: number, depth: number) => {
    // Bounded: a malformed file must not loop.
    for (let number = first, guard = 0; Number.isInteger(number) && guard < 100_000; guard++) {
      const body = objectBody(text, table, number);
      if (!body) return;
      const title = /\/Title\s*(<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\))/.exec(body);
      const current = title ? decodePdfString(title[1]!) : undefined;
      if (current !== undefined) {
        const found = headings.findIndex((heading, i) => i >= next && squash(heading) === squash(current));
        if (found >= 0) {
          next = found + 1;
          if (headings[found] !== current) fixes.push([number, body.replace(title![0], `/Title ${pdfString(headings[found]!)}`)]);
        }
      }
      if (depth < 32) visit(ref(body, 'First'), depth + 1);
      number = ref(body, 'Next');
    }
  };
  visit(ref(objectBody(text, table, outlines) ?? '', 'First'), 0);
  return fixes;
}

/** A PDF string token as text: `<FEFF…>` (UTF-16BE), other hex (bytes) or a literal `(…)`. */
function decodePdfString(token: string): string {
  if (token.startsWith('<')) {
    const hex = token.slice(1, -1).replace(/\s+/g, '');
    if (/^feff/i.test(hex)) {
      let out = '';
      for (let i = 4; i + 4 <= hex.length; i += 4) out += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
      return out;
    }
    return Buffer.from(hex, 'hex').toString('latin1');
  }
  return token.slice(1, -1).replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_, c: string) =>
    /^[0-7]/.test(c) ? String.fromCharCode(parseInt(c, 8)) : ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' } as Record<string, string>)[c] ?? c);
}

/** Offsets of in-use objects from a classic `xref` table (every subsection). */
function parseXrefTable(text: string, at: number): Map<number, number> | undefined {
  const table = new Map<number, number>();
  const section = /^xref\s*\n((?:\d+ \d+\s*\n(?:\d{10} \d{5} [nf]\s*\n?)*)+)/.exec(text.slice(at, text.indexOf('trailer', at)));
  if (!section) return undefined;
  let number = 0;
  for (const line of section[1]!.split('\n')) {
    const head = /^(\d+) (\d+)\s*$/.exec(line);
    if (head) {
      number = Number(head[1]);
      continue;
    }
    const entry = /^(\d{10}) \d{5} ([nf])/.exec(line);
    if (!entry) continue;
    if (entry[2] === 'n') table.set(number, Number(entry[1]));
    number++;
  }
  return table;
}

/** The dictionary text of object `number` (without `obj`/`endobj`), if it is a plain dictionary. */
function objectBody(text: string, table: Map<number, number>, number: number): string | undefined {
  const offset = table.get(number);
  if (offset === undefined) return undefined;
  const match = new RegExp(`^${number}\\s+0\\s+obj\\s*(<<[\\s\\S]*?>>)\\s*endobj`).exec(text.slice(offset, offset + 65536));
  return match?.[1];
}

/** A PDF text string: UTF-16BE with a byte order mark, in hex, so every letter (æ, ø, å, –) survives. */
function pdfString(value: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < value.length; i++) hex += value.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  return `<${hex}>`;
}
