// End-to-end: emoji in titles and questions are drawn in colour in every PDF, or the export says why it cannot.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportPdf } from '../../src/export/index.js';
import { emojiFaceCss, emojiFontMissing } from '../../src/export/emoji.js';
import { checkPdfUa, formatViolations } from '../support/pdfua.js';
import { outlineTitles, pageTexts, pdfFonts, pdfStructure } from './pdf-tools.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PROJECT = path.join(ROOT, 'tests/.tmp/emoji');
const OUT = path.join(PROJECT, 'dist');

const card = (id: string, title: string, question: string) => `---
id: ${id}
title: "${title}"
kind: theme
minutes: 10
---

? ${question}

?! Hvad vil I gøre? 👍
`;

beforeAll(() => {
  rmSync(PROJECT, { recursive: true, force: true });
  mkdirSync(path.join(PROJECT, 'content'), { recursive: true });
  mkdirSync(path.join(PROJECT, 'slides'), { recursive: true });
  writeFileSync(path.join(PROJECT, 'package.json'), '{ "name": "emoji-test", "private": true }\n');
  writeFileSync(path.join(PROJECT, 'content/om-at-stemme.md'), card('om-at-stemme', 'Om at stemme 🗳️', 'Hvad betyder valget for jer? 🏛️ *Og for borgerne?* 😀'));
  writeFileSync(path.join(PROJECT, 'content/om-det-nye.md'), card('om-det-nye', 'Om det nye \u{1FC00}', 'Et spørgsmål'));
  writeFileSync(path.join(PROJECT, 'slides/valg.yaml'), 'title: Valg og demokrati 🏛️\ncards:\n  - om-at-stemme\n');
  writeFileSync(path.join(PROJECT, 'slides/nyt.yaml'), 'title: Noget nyt\ncards:\n  - om-det-nye\n');
});

describe('emoji in the PDFs', () => {
  it('are drawn by the colour emoji font in the handout, guide and slides, which still pass the PDF/UA check', async () => {
    const result = await exportPdf({ root: PROJECT, decks: ['valg'], outDir: OUT });
    expect(result.warnings).toEqual([]);
    for (const pdf of result.pdfs) {
      const text = pageTexts(pdf.file).join('\n');
      for (const emoji of ['🗳', '🏛', '👍']) expect(text, `${pdf.kind}: ${emoji}`).toContain(emoji);
      // Colour glyphs are Type 3 fonts; the theme's text stays in its own font, and every font maps to Unicode.
      const fonts = pdfFonts(pdf.file);
      expect(fonts.some((font) => font.type === 'Type 3'), pdf.kind).toBe(true);
      expect(fonts.some((font) => /AtkinsonHyperlegibleNext/.test(font.name)), pdf.kind).toBe(true);
      expect(fonts.every((font) => font.embedded && font.unicode), pdf.kind).toBe(true);
      const violations = await checkPdfUa(pdf.file);
      expect(violations, `${pdf.kind}:\n${formatViolations(violations)}`).toEqual([]);
    }
    const handout = result.pdfs.find((pdf) => pdf.kind === 'handout')!.file;
    expect(outlineTitles((await pdfStructure(handout)).outline)).toContain('Om at stemme 🗳️');
    execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '2', '-l', '2', '-singlefile', handout, path.join(PROJECT, 'handout-emoji')]);
  }, 120_000);

  it('are refused with a clear message when no installed font can draw one, and nothing is written', async () => {
    const target = path.join(OUT, 'nyt');
    await expect(exportPdf({ root: PROJECT, decks: ['nyt'], outDir: OUT, kinds: ['handout'] })).rejects.toMatchObject({
      code: 'E_EMOJI_FONT',
      message: expect.stringMatching(/^Could not render the handout of nyt: no installed emoji font can draw \u{1FC00} \(in "Om det nye \u{1FC00}"\)/u),
      hint: expect.stringContaining('fonts-noto-color-emoji'),
    });
    expect(existsSync(target)).toBe(false);
  }, 60_000);
});

describe('emoji faces', () => {
  it('point every web font of a print document at the installed colour emoji font, for the emoji ranges only', () => {
    const css = emojiFaceCss(['@font-face{font-family:\'Atkinson Hyperlegible Next\';src:url(data:a)}', '@font-face{font-family:"samtale-brand";src:url(data:b)}', '.x{}']);
    const faces = css.split('\n');
    expect(faces).toHaveLength(8);
    expect(faces[0]).toBe('@font-face{font-family:"Atkinson Hyperlegible Next";src:local("Noto Color Emoji"),local("Apple Color Emoji"),local("Segoe UI Emoji"),local("Twemoji Mozilla");'
      + 'font-weight:400;font-style:normal;unicode-range:U+1F000-1FAFF, U+2300-23FF, U+2600-27BF, U+2B00-2BFF, U+200D, U+20E3, U+FE0F, U+E0020-E007F}');
    expect(css).toContain('font-family:"samtale-brand"');
    expect(emojiFaceCss(['.x{}'])).toBe('');
  });

  it('explain a missing emoji font, and leave other font failures to the general message', () => {
    const emojiFace = { family: 'X', weight: '400', style: 'normal', unicodeRange: 'U+1F000-1FAFF, U+2300-23FF' };
    expect(emojiFontMissing([emojiFace], 'the handout of valg')).toMatchObject({ code: 'E_EMOJI_FONT', message: expect.stringContaining('no colour emoji font is installed') });
    expect(emojiFontMissing([{ ...emojiFace, unicodeRange: 'U+0-10FFFF' }], 'x')).toBeUndefined();
  });
});
