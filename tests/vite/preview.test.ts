// The deck as the dev server holds it: rebuilt from a project copy, each change classified, errors kept as data.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EnvironmentError } from '../../src/diagnostics/deck-error.js';
import { DeckPreview, packageThemesDir } from '../../src/vite/preview.js';

const root = mkdtempSync(join(tmpdir(), 'samtale-preview-'));
cpSync(join(import.meta.dirname, '..', 'fixtures', 'valid'), root, { recursive: true });
afterAll(() => rmSync(root, { recursive: true, force: true }));

const card = join(root, 'content', 'om-vores-kodeks.md');
const edit = (file: string, change: (text: string) => string) => writeFileSync(file, change(readFileSync(file, 'utf8')));

describe('DeckPreview', () => {
  const preview = new DeckPreview({ root, deck: 'testdaek', themesDir: packageThemesDir });

  it('serves the error page before the first build, then the deck with the dev client', async () => {
    expect(preview.html()).toContain('id="samtale-dev-error"');
    const first = await preview.refresh();
    expect(first).toMatchObject({ kind: 'reload', deck: { id: 'testdaek', title: 'Testdæk', slides: 12 } });
    const html = preview.html();
    expect(html).toContain('data-card="om-vores-kodeks"');
    expect(html).toContain('<meta name="samtale-dev-version" content="1">');
    expect(html).not.toContain('samtale-dev-error');
  });

  it("uses the theme's source CSS, with its fonts served by Vite rather than inlined", () => {
    const html = preview.html();
    expect(html).toMatch(/url\("\/@fs\/[^"]+\.woff2"\)/);
    expect(html).not.toContain('data:font/woff2');
  });

  it('has nothing to send when nothing changed', async () => {
    expect(await preview.refresh()).toMatchObject({ kind: 'unchanged' });
    expect(preview.version).toBe(1);
  });

  it('updates in place when a card changes', async () => {
    edit(card, (text) => text.replace('Hvem siger til', 'Hvem af os siger til'));
    const result = await preview.refresh();
    expect(result.kind).toBe('hot');
    if (result.kind !== 'hot') return;
    expect(result.update.version).toBe(2);
    expect(result.update.slides).toContain('Hvem af os siger til');
    expect(result.update.css).toBeUndefined();
    expect(JSON.parse(result.update.model)).toMatchObject({ id: 'testdaek' });
  });

  it('keeps an error with its position, serves the last deck under it, and reports a repeat as such', async () => {
    edit(card, (text) => text.replace('minutes: 20\n', 'minutes: 20\nminuts: 15\n'));
    const broken = await preview.refresh();
    expect(broken).toMatchObject({ kind: 'error', repeated: false, overlay: { loc: { file: card, line: 6, column: 1 }, plugin: 'samtale' } });
    if (broken.kind !== 'error') return;
    expect(broken.diagnostics.map((d) => d.code)).toEqual(['E_UNKNOWN_KEY']);
    expect(broken.overlay.frame).toContain('6 | minuts: 15\n  | ^');
    const html = preview.html();
    expect(html).toContain('id="samtale-dev-error"');
    expect(html).toContain('data-card="om-vores-kodeks"');
    expect(await preview.refresh()).toMatchObject({ kind: 'error', repeated: true });
  });

  it('sends an update when fixed, even back to the very deck the page shows, so its overlay goes', async () => {
    edit(card, (text) => text.replace('minuts: 15\n', ''));
    const fixed = await preview.refresh();
    expect(fixed.kind).toBe('hot');
    expect(preview.currentError).toBeUndefined();
  });

  it('reloads when the page shell changes (the language)', async () => {
    edit(join(root, 'slides', 'testdaek.yaml'), (text) => `language: en\n${text}`);
    expect(await preview.refresh()).toMatchObject({ kind: 'reload' });
  });

  it('reports a deck that is gone as an environment error in the overlay', async () => {
    const gone = await new DeckPreview({ root, deck: 'nope' }).refresh();
    expect(gone).toMatchObject({ kind: 'error', overlay: { message: expect.stringContaining('[E_UNKNOWN_DECK]') } });
    expect(gone.kind === 'error' && gone.error).toBeInstanceOf(EnvironmentError);
  });

  it("serves a video's files under the build's media/ names, and watches them wherever they are", async () => {
    const videoRoot = mkdtempSync(join(tmpdir(), 'samtale-preview-video-'));
    try {
      cpSync(join(import.meta.dirname, '..', 'fixtures', 'video'), videoRoot, { recursive: true });
      const video = new DeckPreview({ root: videoRoot, deck: 'video' });
      expect(await video.refresh()).toMatchObject({ kind: 'reload' });
      const path = /data-src="(media\/[0-9a-f]{16}\.webm)[^"]*"/.exec(video.html())?.[1];
      expect(path).toBeDefined();
      const file = join(videoRoot, 'media', 'tiny.webm');
      expect(video.mediaFile(`/${path}`)).toBe(file);
      expect(video.mediaFile('/media/0000000000000000.webm')).toBeUndefined();
      expect(video.usesFile(file)).toBe(true);
      expect(video.usesFile(join(videoRoot, 'media', 'tiny.vtt'))).toBe(true);
      // A changed file gets a new name, as in the build.
      writeFileSync(file, Buffer.concat([readFileSync(file), Buffer.from([0])]));
      const changed = await video.refresh();
      expect(changed.kind).toBe('hot');
      expect(video.mediaFile(`/${path}`)).toBeUndefined();
    } finally {
      rmSync(videoRoot, { recursive: true, force: true });
    }
  });
});
