// Test helper: a small samtale project on disk, from file texts by path.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDecks } from '../../src/api.js';

export function writeProject(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'samtale-test-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** One deck of a project, and every diagnostic in file order. */
export function loadDeck(root: string, deck: string) {
  const { decks, diagnostics } = loadDecks({ root, decks: [deck] });
  return { deck: decks[0], diagnostics: diagnostics.sorted() };
}
