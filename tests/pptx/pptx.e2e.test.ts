// The PowerPoint files opened in a real presentation program: LibreOffice Impress converts them to PDF, and the
// PDF is read back — one page per slide, every question, quote and source of the seed, the branding's colours.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDecks } from '../../src/api.js';
import { themeColours } from '../../src/assets/runtime-assets.js';
import { brandingColourTokens } from '../../src/pipeline/branding.js';
import { renderDeckSlides } from '../../src/pipeline/render/deck-slides.js';
import { pageTexts, pdfInfo } from '../export/pdf-tools.js';
import { convertToPdf, findOffice } from '../support/office.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OUT = path.join(ROOT, 'tests/.tmp/pptx');
/** Built once by tests/e2e/global-setup.ts. */
const DECK_HTML = path.join(ROOT, 'tests/.tmp/dist/sociale-medier/index.html');

const office = findOffice();
const SKIPPED = 'LibreOffice (soffice) is not installed, so the PowerPoint files cannot be opened in a presentation program here; '
  + '`npm install` installs it on Debian/Ubuntu as root (libreoffice-impress), elsewhere install LibreOffice';
if (!office) console.warn(`pptx.e2e: skipped: ${SKIPPED}`);

const pdfs: Record<string, string> = {};
const slideCounts: Record<string, number> = {};
let solbyActionBg = '';

/** The colour of the pixel at (x, y), as fractions of the page, on page `page` of a PDF (rendered by pdftoppm). */
function pixel(pdf: string, page: number, x: number, y: number): string {
  const ppm = execFileSync('pdftoppm', ['-r', '24', '-f', String(page), '-l', String(page), '-singlefile', pdf]);
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.toString('latin1', 0, 32))!;
  const [width, height] = [Number(header[1]), Number(header[2])];
  const at = header[0].length + 3 * (Math.floor(y * height) * width + Math.floor(x * width));
  return [...ppm.subarray(at, at + 3)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

describe.skipIf(!office)(`PowerPoint in LibreOffice Impress${office ? '' : ` (skipped: ${SKIPPED})`}`, () => {
  beforeAll(() => {
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    const run = spawnSync(process.execPath, ['bin/samtale.js', 'pptx', 'sociale-medier', 'solby', '--out', OUT], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    if (run.status !== 0) throw new Error(`samtale pptx failed:\n${run.stdout}${run.stderr}`);
    const loaded = loadDecks({ root: ROOT, decks: ['sociale-medier', 'solby'] });
    for (const deck of loaded.decks) {
      slideCounts[deck.id] = renderDeckSlides(deck).length;
      if (deck.id === 'solby') solbyActionBg = brandingColourTokens(deck.branding!, themeColours(deck.theme))['color-action-bg']!;
      pdfs[deck.id] = convertToPdf(office!, path.join(OUT, deck.id, `${deck.id}.pptx`), OUT);
    }
  }, 300_000);

  it('opens the default deck with one page per slide, 16:9', () => {
    const info = pdfInfo(pdfs['sociale-medier']!);
    expect(Number(info['Pages'])).toBe(slideCounts['sociale-medier']);
    const [w, h] = /([\d.]+) x ([\d.]+) pts/.exec(info['Page size'] ?? '')!.slice(1).map(Number);
    expect(w! / h!).toBeCloseTo(16 / 9, 2);
  });

  it('shows every question, quote and source of the seed (the seed-fidelity check on the PDF)', () => {
    const check = spawnSync(process.execPath, ['../shared/checks/seed-fidelity.mjs', DECK_HTML, pdfs['sociale-medier']!], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(check.stdout).toMatch(/^pdf: (\d+)\/\1 seed items present$/m);
    expect(check.status, check.stdout).toBe(0);
  });

  it('shows every question of a slide in the PDF (its last state), the questions slide in the deck\'s words', () => {
    const pages = pageTexts(pdfs['sociale-medier']!).map((p) => p.replace(/\s+/g, ' '));
    const questions = pages.find((p) => p.includes('Hvilke sociale medier bruger I?'))!;
    expect(questions).toContain('Om at bruge sociale medier');
    expect(questions).toContain('Hvilken vægt tillægger I en borgerhenvendelse på sociale medier');
    expect(pages.some((p) => p.includes('TIL HANDLING Hvad kan I som kommunalbestyrelse'))).toBe(true);
  });

  it('opens the adaptation in its colours, with its cards and its local quote', () => {
    const pdf = pdfs['solby']!;
    expect(Number(pdfInfo(pdf)['Pages'])).toBe(slideCounts['solby']);
    const text = pageTexts(pdf).join('\n');
    expect(text).toContain('Solby Kommune');
    expect(text).toContain('Kaffepause');
    expect(text).toContain('»Vi diskuterer sagen, ikke personen.«');
    expect(text).not.toContain('Hold dig til emnet');
    // The band across the title slide in Solby's green; the action slide on its tint of Solby's orange.
    expect(pixel(pdf, 1, 0.5, 0.005)).toBe('0f5b52');
    const action = pageTexts(pdf).findIndex((p) => p.includes('TIL HANDLING')) + 1;
    expect(pixel(pdf, action, 0.5, 0.01)).toBe('a4400f');
    expect(`#${pixel(pdf, action, 0.98, 0.95)}`).toBe(solbyActionBg);
  });
});
