// Emit stage: writes a deck's folder atomically, so a failed build leaves the previous output as it was.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface OutputFile {
  /** Path inside the deck's folder, e.g. "index.html" or "media/abc123.mp4". */
  path: string;
  content: string | Uint8Array;
}

/**
 * Writes the files into a fresh sibling folder, then swaps it in with renames.
 * Until the swap the old folder is untouched; the swap itself is two renames on one file system.
 */
export function emitDeck(outDir: string, deckId: string, files: readonly OutputFile[]): string {
  const target = join(outDir, deckId);
  const stamp = `${process.pid}-${Date.now()}`;
  const staging = join(outDir, `.${deckId}.new-${stamp}`);
  const retired = join(outDir, `.${deckId}.old-${stamp}`);
  mkdirSync(staging, { recursive: true });
  try {
    for (const file of files) {
      const path = join(staging, file.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.content);
    }
    let hadOld = true;
    try {
      renameSync(target, retired);
    } catch {
      hadOld = false;
    }
    try {
      renameSync(staging, target);
    } catch (error) {
      if (hadOld) renameSync(retired, target);
      throw error;
    }
    if (hadOld) rmSync(retired, { recursive: true, force: true });
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return join(target, 'index.html');
}
