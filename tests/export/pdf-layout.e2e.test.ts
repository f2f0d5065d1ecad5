// End-to-end: a card too long for its page continues with its title repeated and nothing cut (A4 and A5);
// posters and QR codes; and how `samtale pdf` fails — no browser, a browser that will not start, bad options.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDecks } from '../../src/api.js';
import { PdfBrowser } from '../../src/export/browser.js';
import type { Card, Deck } from '../../src/model.js';
import { checkPdfUa, formatViolations } from '../support/pdfua.js';
import { outlineTitles, pageSizes, pageTexts, pdfStructure, squash } from './pdf-tools.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURE = fileURLToPath(new URL('./fixtures/long/', import.meta.url));
const OUT = path.join(ROOT, 'tests/.tmp/export/long');
const CLI = path.join(ROOT, 'bin/samtale.js');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function samtale(args: readonly string[], env: Record<string, string> = {}): Run {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: FIXTURE, encoding: 'utf8', timeout: 120_000, env: { ...process.env, ...env } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

let deck: Deck;
let long: Card;
let a4: Run;
let a5: Run;

beforeAll(() => {
  rmSync(OUT, { recursive: true, force: true });
  a4 = samtale(['pdf', 'lang', '--out', OUT]);
  a5 = samtale(['pdf', 'lang', '--handout', '--paper', 'a5', '--out', path.join(OUT, 'a5', 'handout-a5.pdf')]);
  deck = loadDecks({ root: FIXTURE, decks: ['lang'] }).decks[0]!;
  long = deck.cards.find((c) => c.card.id === 'om-det-lange-kort')!.card;
}, 150_000);

/** The text alternatives of every Figure in a PDF's structure tree. */
async function figureAlts(file: string): Promise<string[]> {
  const doc = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
  return doc.context.enumerateIndirectObjects().flatMap(([, object]) => {
    if (!(object instanceof PDFDict) || object.get(PDFName.of('S'))?.toString() !== '/Figure') return [];
    const alt = object.lookup(PDFName.of('Alt'));
    return alt instanceof PDFHexString || alt instanceof PDFString ? [alt.decodeText()] : [];
  });
}

/** Pages that open with the long card's kicker and title; the ones after its first must say "(fortsat)". */
function longCardPages(pages: readonly string[]): number[] {
  const head = squash(`TEMA 1 AF 2${long.title}`).toLowerCase();
  return pages.flatMap((page, i) => (squash(page).toLowerCase().startsWith(head) ? [i] : []));
}

describe('a card longer than a page', () => {
  for (const [paper, file, size] of [['A4', 'lang-handout.pdf', /^59[45](\.\d+)? x 84[12](\.\d+)?$/], ['A5', 'a5/handout-a5.pdf', /^4(19|20)(\.\d+)? x 59[45](\.\d+)?$/]] as const) {
    it(`continues on the next ${paper} page with its title repeated, and nothing is cut`, () => {
      const run = paper === 'A4' ? a4 : a5;
      expect(run.status, run.stderr).toBe(0);
      // The layout the exporter measured is the one Chromium printed (else it warns).
      expect(run.stderr).not.toMatch(/warning/);
      const pdf = path.join(OUT, file);
      expect(pageSizes(pdf, 1)[0]).toMatch(size);
      const pages = pageTexts(pdf);
      const own = longCardPages(pages);
      expect(own.length).toBeGreaterThanOrEqual(2);
      expect(own).toEqual(Array.from({ length: own.length }, (_, i) => own[0]! + i));
      for (const i of own.slice(1)) expect(squash(pages[i]!), `page ${i + 1}`).toContain(squash(`${long.title} (fortsat)`));
      expect(squash(pages[own[0]!]!)).not.toContain(squash('(fortsat)'));
      const text = squash(own.map((i) => pages[i]).join('\n'));
      const questions = long.questions.filter((q) => !q.action);
      expect(squash(pages[own[0]!]!)).toContain(squash(questions[0]!.text));
      for (const question of long.questions) expect(text, question.text).toContain(squash(question.text));
      for (const quote of long.quotes) {
        expect(text).toContain(squash(quote.text));
        expect(text).toContain(squash(quote.sourceText));
      }
      expect(text).toContain(squash('SIDSTE KILDE: Åse Øberg Æbelø, ekspert i lange kort (2026)'));
      // The writing room comes last, on the card's last page.
      expect(squash(pages[own.at(-1)!]!)).toContain('NOTER');
      expect(pages.join('\n')).not.toContain('NOTEHEMMELIGHED');
    });
  }

  it('continues in the guide too, the numbered steps unbroken', () => {
    const pages = pageTexts(path.join(OUT, 'lang-guide.pdf'));
    const own = longCardPages(pages);
    expect(own.length).toBeGreaterThanOrEqual(2);
    const text = own.map((i) => pages[i]).join('\n');
    expect(text).toContain('NOTEHEMMELIGHED-LANG');
    expect(text).toContain('NOTEHEMMELIGHED-SPØRGSMÅL');
    // Steps 1–18 as one list, split between pages: its numbers continue.
    for (let step = 1; step <= 18; step++) expect(squash(text), `step ${step}`).toContain(squash(`${step}.(${step}min)Trinnummer${step}`));
  });

  it('keeps the bookmarks one per card, with the titles of the fixture', async () => {
    for (const file of ['lang-handout.pdf', 'lang-guide.pdf', 'lang-slides.pdf']) {
      const titles = outlineTitles((await pdfStructure(path.join(OUT, file))).outline);
      for (const { card } of deck.cards) expect(titles.filter((t) => t === card.title), `${file}: ${JSON.stringify(titles)}`).toHaveLength(1);
    }
  });
});

describe('videos on paper', () => {
  it('has speaker, address and the cover facts in the handout, and the poster in the slides', async () => {
    const handout = squash(pageTexts(path.join(OUT, 'lang-handout.pdf')).join('\n'));
    expect(handout).toContain(squash('Åse Øberg Æbelø'));
    expect(handout).toContain(squash('example.org/videoer/lange-kort'));
    for (const fact of ['Solby Kommune', 'Byrådssalen, Solby Rådhus', '24. november 2026']) expect(handout).toContain(squash(fact));
    // The cover points to the participants' edition: its address, and a QR code that says where it leads.
    const cover = squash(pageTexts(path.join(OUT, 'lang-handout.pdf'))[0]!);
    expect(cover).toContain(squash('Samtalekortene på nettet'));
    expect(cover).toContain(squash('solby.example/samtalekort'));
    expect(await figureAlts(path.join(OUT, 'lang-handout.pdf'))).toContain('QR-kode til solby.example/samtalekort');
    // The poster is inlined into the slides PDF as an image (16×9 px here).
    const slides = readFileSync(path.join(OUT, 'lang-slides.pdf')).toString('latin1');
    expect(slides).toMatch(/\/Subtype\s*\/Image[\s\S]{0,200}?\/Width 16/);
  });
});

describe('accessibility', () => {
  it('passes the PDF/UA-1 check with a poster image and on A5 paper', async () => {
    for (const file of ['lang-handout.pdf', 'lang-guide.pdf', 'lang-slides.pdf', 'a5/handout-a5.pdf']) {
      const violations = await checkPdfUa(path.join(OUT, file));
      expect(violations, `${file}:\n${formatViolations(violations)}`).toEqual([]);
    }
  }, 90_000);
});

describe('when samtale pdf cannot do its work', () => {
  it('says which browser is missing and exits 1, writing nothing', () => {
    const target = path.join(OUT, 'missing', 'x.pdf');
    const run = samtale(['pdf', 'lang', '--handout', '--browser', '/nonexistent/chrome', '--out', target]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/\/nonexistent\/chrome.*does not exist.*\[E_NO_BROWSER\]/);
    expect(existsSync(target)).toBe(false);
  });

  it('names what to install when no browser is found at all', () => {
    const run = samtale(['pdf', 'lang', '--handout', '--out', path.join(OUT, 'none', 'x.pdf')], { SAMTALE_BROWSER: '/nonexistent/by-env' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/SAMTALE_BROWSER is set to \/nonexistent\/by-env/);
  });

  it('exits 1 when the browser will not start, and leaves the previous PDF as it was', () => {
    const dir = path.join(OUT, 'previous');
    mkdirSync(dir, { recursive: true });
    const target = path.join(dir, 'handout.pdf');
    writeFileSync(target, 'the previous PDF');
    const run = samtale(['pdf', 'lang', '--handout', '--browser', '/bin/false', '--out', target]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Could not start the browser at \/bin\/false.*\[E_BROWSER_LAUNCH\]\n {2}hint: check that it is a working Chromium or Chrome/s);
    expect(readFileSync(target, 'utf8')).toBe('the previous PDF');
    expect(readdirSync(dir)).toEqual(['handout.pdf']);
  });

  it('reports a page that cannot render properly (here: its font will not load) by name, as E_PDF_RENDER', async () => {
    const browser = await PdfBrowser.launch();
    try {
      const html = '<!doctype html><html lang="da"><head><title>x</title><style>@font-face { font-family: Broken; src: url(data:font/woff2;base64,AAAA); }'
        + ' p { font-family: Broken; }</style></head><body><p>Æbler og pærer</p></body></html>';
      await expect(browser.print({ label: 'the handout of a test deck', html, width: 800 })).rejects.toMatchObject({
        code: 'E_PDF_RENDER',
        message: expect.stringMatching(/^Could not render the handout of a test deck: fonts failed to load: Broken/),
      });
    } finally {
      await browser.close();
    }
  });

  it('exits 2 for options that do not fit together', () => {
    expect(samtale(['pdf', 'lang', '--handout', '--guide', '--out', path.join(OUT, 'two.pdf')]).status).toBe(2);
    const paper = samtale(['pdf', 'lang', '--paper', 'a3']);
    expect(paper.status).toBe(2);
    expect(paper.stderr).toMatch(/--paper must be a4 or a5/);
  });
});
