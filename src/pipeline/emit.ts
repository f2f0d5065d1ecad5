// Emit stage: writes a deck's folder atomically, so a failed build leaves the previous output as it was.
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface OutputFile {
  /** Path inside the deck's folder, e.g. "index.html" or "media/abc123.mp4". */
  path: string;
  content: string | Uint8Array;
}

/** Files in a deck's folder that other commands made (`samtale pdf`, `samtale pptx`); a rebuild of the deck keeps them. */
const KEPT_FROM_BEFORE = /\.(pdf|pptx)$/i;

/**
 * Writes the files into a fresh sibling folder, then swaps it in with renames. Files another command put
 * in the old folder (the PDFs, the PowerPoint) are carried over, so rebuilding the deck does not delete its handouts.
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
    if (existsSync(target)) {
      for (const name of readdirSync(target)) {
        if (KEPT_FROM_BEFORE.test(name) && !existsSync(join(staging, name))) copyFileSync(join(target, name), join(staging, name));
      }
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
