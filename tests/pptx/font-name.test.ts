// The family name inside a font file: what PowerPoint is told to use for an adaptation's own font.
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fontFamilyName } from '../../src/pptx/font-name.js';
import { exportPptx } from '../../src/pptx/index.js';
import { readPptx } from '../support/pptx.js';

const repo = join(import.meta.dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'samtale-font-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const fontsource = (file: string) => readFileSync(createRequire(import.meta.url).resolve(`@fontsource/atkinson-hyperlegible-next/files/${file}`));

/** A minimal TrueType file: the sfnt header and a name table with the family name as Windows writes it (UTF-16BE). */
function trueTypeNamed(family: string): Buffer {
  const name = Buffer.from(family, 'utf16le').swap16();
  const table = Buffer.alloc(6 + 12 + name.length);
  table.writeUInt16BE(0, 0); table.writeUInt16BE(1, 2); table.writeUInt16BE(18, 4);
  [3, 1, 0x0406, 1, name.length, 0].forEach((value, i) => table.writeUInt16BE(value, 6 + i * 2));
  name.copy(table, 18);
  const header = Buffer.alloc(12 + 16);
  header.writeUInt32BE(0x00010000, 0); header.writeUInt16BE(1, 4);
  header.write('name', 12, 'latin1'); header.writeUInt32BE(28, 20); header.writeUInt32BE(table.length, 24);
  return Buffer.concat([header, table]);
}

describe('fontFamilyName', () => {
  it('reads WOFF2, WOFF and TrueType files', () => {
    expect(fontFamilyName(fontsource('atkinson-hyperlegible-next-latin-400-normal.woff2'))).toBe('Atkinson Hyperlegible Next');
    expect(fontFamilyName(fontsource('atkinson-hyperlegible-next-latin-700-italic.woff'))).toBe('Atkinson Hyperlegible Next');
    expect(fontFamilyName(trueTypeNamed('Solby Sans Æøå'))).toBe('Solby Sans Æøå');
  });

  it('gives up on what is not a font', () => {
    expect(fontFamilyName(Buffer.from('not a font at all, really'))).toBeUndefined();
  });
});

describe('an adaptation\'s own font in PowerPoint', () => {
  it('is named on every text and in the theme', async () => {
    const dir = mkdtempSync(join(scratch, 'valid-'));
    cpSync(join(repo, 'tests', 'fixtures', 'valid'), dir, { recursive: true });
    writeFileSync(join(dir, 'content', 'solby-sans.ttf'), trueTypeNamed('Solby Sans'));
    appendFileSync(join(dir, 'slides', 'testdaek.yaml'), 'branding:\n  font: ../content/solby-sans.ttf\n');
    const result = await exportPptx({ root: dir, out: 'deck.pptx' });
    expect(result.diagnostics.map((d) => d.code)).not.toContain('W_PPTX_FONT');
    const pptx = readPptx(join(dir, 'deck.pptx'));
    expect(pptx.slides[0]!.shapes.find((s) => s.name === 'Title')!.xml).toContain('<a:latin typeface="Solby Sans" pitchFamily="34" charset="0"/>');
    expect(pptx.text('ppt/theme/theme1.xml')).toContain('<a:latin typeface="Solby Sans"/>');
  });
});
