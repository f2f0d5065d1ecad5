// Unit tests of the export's pure parts: metadata by incremental update, atomic writing, slide boxes, options.

import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument, PDFName } from 'pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import { exportPdf, ExportOptionsError } from '../../src/export/index.js';
import { appendMetadata, withMetadata, type PdfMetadata } from '../../src/export/metadata.js';
import { shiftHeadings } from '../../src/export/flow.js';
import { cssString } from '../../src/export/page.js';
import { demoteHeadings, groupQuotes, stripPlayers } from '../../src/export/slide-box.js';
import { writeFilesAtomically } from '../../src/export/write-files.js';
import { guideBody } from '../../src/export/guide.js';
import { printStringsFor } from '../../src/export/strings.js';
import { renderDeckSlides } from '../../src/pipeline/render/deck-slides.js';
import { loadDeck, writeProject } from '../support/project.js';

const FIXTURE = fileURLToPath(new URL('./fixtures/long/', import.meta.url));

const meta: PdfMetadata = {
  title: 'Prøvedæk – Samtalekort',
  author: 'Solby Kommune',
  subject: 'Samtalekort til deltagerne',
  language: 'da',
  creator: 'samtale 0.0.0',
  keywords: ['Samtalekort', 'Prøvedæk'],
};

/** A small PDF with a classic cross-reference table, as Chromium writes them. */
async function classicPdf(pages = 3): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage([200, 100]);
  doc.setTitle('Før');
  return doc.save({ useObjectStreams: false });
}

describe('metadata', () => {
  it('is appended as an incremental update that leaves every earlier byte as it was', async () => {
    const before = await classicPdf();
    const result = appendMetadata(before, meta);
    expect(result).toBeDefined();
    expect(result!.pages).toBe(3);
    expect(Buffer.from(result!.bytes.subarray(0, before.length)).equals(Buffer.from(before))).toBe(true);
    const doc = await PDFDocument.load(result!.bytes, { updateMetadata: false });
    expect(doc.getTitle()).toBe(meta.title);
    expect(doc.getAuthor()).toBe(meta.author);
    expect(doc.getSubject()).toBe(meta.subject);
    expect(doc.getCreator()).toBe(meta.creator);
    expect(doc.getKeywords()).toBe('Samtalekort, Prøvedæk');
    expect(String(doc.catalog.get(PDFName.of('Lang')))).toBe('<FEFF00640061>');
    expect(doc.getPageCount()).toBe(3);
  });

  it('falls back to a pdf-lib rewrite for files it does not recognise (cross-reference streams)', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    const streams = await doc.save({ useObjectStreams: true });
    expect(appendMetadata(streams, meta)).toBeUndefined();
    const result = await withMetadata(streams, meta);
    const reread = await PDFDocument.load(result.bytes, { updateMetadata: false });
    expect(reread.getAuthor()).toBe(meta.author);
    expect(result.pages).toBe(1);
  });
});

describe('writing files', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes every file, creating folders, and leaves no temporary files', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'samtale-write-'));
    await writeFilesAtomically([{ path: path.join(dir, 'a', 'one.pdf'), bytes: Buffer.from('1') }, { path: path.join(dir, 'two.pdf'), bytes: Buffer.from('2') }]);
    expect(readFileSync(path.join(dir, 'a', 'one.pdf'), 'utf8')).toBe('1');
    expect(readdirSync(dir).sort()).toEqual(['a', 'two.pdf']);
  });

  it('replaces nothing when one file cannot be written, and cleans up', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'samtale-write-'));
    writeFileSync(path.join(dir, 'one.pdf'), 'old');
    // A folder where a file's folder should be: the second file cannot be written.
    writeFileSync(path.join(dir, 'blocked'), '');
    await expect(writeFilesAtomically([
      { path: path.join(dir, 'one.pdf'), bytes: Buffer.from('new') },
      { path: path.join(dir, 'blocked', 'two.pdf'), bytes: Buffer.from('2') },
    ])).rejects.toThrow(/Could not write/);
    expect(readFileSync(path.join(dir, 'one.pdf'), 'utf8')).toBe('old');
    expect(readdirSync(dir).sort()).toEqual(['blocked', 'one.pdf']);
  });
});

describe('slide boxes', () => {
  it('keeps only the first heading of a slide that opens a part, for one bookmark per card', () => {
    const html = '<h2>Om noget</h2><h2 class="card-label">Om noget</h2><h3>Under</h3>';
    expect(demoteHeadings(html, true)).toBe('<h2>Om noget</h2><h2 role="none" class="card-label">Om noget</h2><h3 role="none">Under</h3>');
    expect(demoteHeadings(html)).not.toMatch(/<h[1-6](?![^>]*role="none")[^>]*>/);
  });

  it('makes a quote a group with its source as a paragraph: text to read, not a figure with a caption', () => {
    const html = '<figure class="quote"><blockquote class="quote-text" dir="auto"><p>Citat</p></blockquote><figcaption class="quote-source" dir="auto"><em>Kilde</em> (2024)</figcaption></figure>';
    expect(groupQuotes(html)).toBe('<figure class="quote" role="group"><blockquote class="quote-text" dir="auto"><p>Citat</p></blockquote><p class="quote-source" dir="auto"><em>Kilde</em> (2024)</p></figure>');
  });

  it('drops players, keeping posters and links', () => {
    const html = '<div class="video-stage"><video class="video-player" data-src="media/a.mp4"></video><iframe src="x"></iframe>'
      + '<div class="video-poster">P</div></div><p class="video-link"><a href="https://example.org">x</a></p>';
    expect(stripPlayers(html)).toBe('<div class="video-stage"><div class="video-poster">P</div></div><p class="video-link"><a href="https://example.org">x</a></p>');
  });

  it('writes footer text as a safe CSS string', () => {
    expect(cssString('Om "os" \\ </style>')).toBe('"Om \\"os\\" \\\\ \\3C /style>"');
  });
});

describe('headings in card text on paper', () => {
  it('sit one level below the heading they come under, never skipping a level', () => {
    expect(shiftHeadings('<h2>A</h2><p>x</p><h4 id="b">B</h4><h2>C</h2>')).toBe('<h3>A</h3><p>x</p><h4 id="b">B</h4><h3>C</h3>');
    expect(shiftHeadings('<h1>A</h1><h3>B</h3>', 3)).toBe('<h4>A</h4><h5>B</h5>');
    expect(shiftHeadings('<h1>1</h1><h2>2</h2><h3>3</h3><h4>4</h4><h5>5</h5>', 3)).toBe('<h4>1</h4><h5>2</h5><h6>3</h6><h6>4</h6><h6>5</h6>');
    expect(shiftHeadings('<p>no headings</p>')).toBe('<p>no headings</p>');
  });
});

describe('the guide\'s headings for the title, agenda and closing notes', () => {
  const card = '---\ntitle: Om alfa\nminutes: 10\n---\n\n? Et?\n\n?! To?\n\n::: notes\nN.\n:::\n';
  const guide = (manifest: string) => {
    const { deck } = loadDeck(writeProject({ 'content/alfa.md': card, 'slides/d.yaml': `title: D\ncards:\n  - alfa\n${manifest}` }), 'd');
    return guideBody(deck!, renderDeckSlides(deck!), printStringsFor('da'));
  };
  const count = (html: string, text: string) => html.split(text).length - 1;

  it('are said once: notes that begin with the same title give the heading their title, the closing\'s minutes join its times', () => {
    const html = guide('notes: |\n  **Velkommen** (ca. 3 min)\n\n  - Byd velkommen.\nclosing:\n  notes: |\n    **Afslutning** (ca. 10 min)\n\n    Tak.\n');
    expect(html).toContain('<h3 class="notes-heading keep-with-next">Velkommen (ca. 3 min)</h3>');
    expect(count(html, 'Velkommen')).toBe(count(html, 'Velkommen og dagsorden') + 1);
    expect(html).toMatch(/<h2>Afslutning<\/h2><p class="flow-meta">[^<]* · ca\. 10 min<\/p>/);
    // The part's title, and its continuation line for the next page; not the notes' own title.
    expect(count(html, 'Afslutning')).toBe(count(html, 'Afslutning <span class="continued-mark">') + 1);
    expect(html).toContain('<p>Tak.</p>');
  });

  it('keep their own words above notes with another title, or none', () => {
    const html = guide('notes: |\n  **Praktisk**\n\n  - Kaffe.\nagenda:\n  notes: |\n    - Programmet.\n');
    expect(html).toContain('<h3 class="notes-heading keep-with-next">Velkommen</h3>');
    expect(html).toContain('<p><strong>Praktisk</strong></p>');
    expect(html).toContain('<h3 class="notes-heading keep-with-next">Dagsorden</h3>');
  });
});

describe('export options', () => {
  it('refuses one output file for several PDFs before starting a browser', async () => {
    await expect(exportPdf({ root: FIXTURE, decks: ['lang'], out: 'one.pdf' })).rejects.toBeInstanceOf(ExportOptionsError);
  });

  it('refuses an unknown paper', async () => {
    await expect(exportPdf({ root: FIXTURE, decks: ['lang'], paper: 'a3' as 'a4' })).rejects.toThrow(/unknown paper/);
  });
});
