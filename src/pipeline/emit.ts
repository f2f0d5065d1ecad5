// Emit stage: writes a deck's folder atomically, so a failed build leaves the previous output as it was.
import { existsSync, linkSync, copyFileSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PDF_KINDS, pdfFileName } from '../export/options.js';
import { withFolderLock } from '../output/folder-lock.js';
import { EnvironmentError } from '../diagnostics/deck-error.js';
import { readContentHash, readPptxContentHash, stampMatches, type StampedKind } from './content-hash.js';

export interface OutputFile {
  /** Path inside the deck's folder, e.g. "index.html" or "media/abc123.mp4". */
  path: string;
  content: string | Uint8Array;
}

export interface EmittedDeck {
  /** The deck's index.html. */
  file: string;
  /** PDFs and PowerPoints of the previous folder carried over: made from this very content, or not samtale's. */
  kept: string[];
  /** PDFs and PowerPoints of the previous folder left out: made from other content (or by a samtale that did not stamp them). */
  removed: string[];
}

/**
 * Writes the files into a fresh sibling folder, then swaps it in with renames, holding the folder's lock so
 * that builds and PDF exports of the deck running at the same time take turns. The PDFs and PowerPoints of
 * the old folder are carried over when they were made from the same deck content (`contentHashes`, per kind, stamped by
 * `samtale pdf` and `samtale pptx`); other samtale ones are stale and left out. Until the swap the old folder is untouched; the swap itself is
 * two renames on one file system, and whatever a crashed run left beside the folder is put right first.
 */
export async function emitDeck(outDir: string, deckId: string, files: readonly OutputFile[], contentHashes: Record<StampedKind, string>): Promise<EmittedDeck> {
  const target = join(outDir, deckId);
  return withFolderLock(target, async () => {
    recoverLeftovers(outDir, deckId);
    const stamp = `${process.pid}-${Date.now()}`;
    const staging = join(outDir, `.${deckId}.new-${stamp}`);
    const retired = join(outDir, `.${deckId}.old-${stamp}`);
    const kept: string[] = [];
    const removed: string[] = [];
    try {
      mkdirSync(staging, { recursive: true });
      for (const file of files) {
        const path = join(staging, file.path);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, file.content);
      }
      for (const name of existsSync(target) ? readdirSync(target) : []) {
        const stampOf = STAMPS.find(([pattern]) => pattern.test(name))?.[1];
        if (!stampOf || existsSync(join(staging, name))) continue;
        const from = join(target, name);
        const made = stampOf(from);
        if (made === undefined ? !samtaleNames(deckId).has(name) : stampMatches(made, kindOf(deckId, name), contentHashes)) {
          carry(from, join(staging, name));
          kept.push(name);
        } else {
          removed.push(name);
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
    } catch (error) {
      const failed = (error as { path?: string }).path ?? target;
      throw new EnvironmentError('E_WRITE', `Could not write ${failed}: ${(error as Error).message}`);
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
    return { file: join(target, 'index.html'), kept, removed };
  });
}

/** The names `samtale pdf` and `samtale pptx` give a deck's files. */
function samtaleNames(deckId: string): Set<string> {
  return new Set([...PDF_KINDS.map((kind) => pdfFileName(deckId, kind)), `${deckId}.pptx`]);
}

/** Which kind of file a name is, when samtale gave it; a stamped file of another name may be any. */
function kindOf(deckId: string, name: string): StampedKind | undefined {
  return name === `${deckId}.pptx` ? 'pptx' : PDF_KINDS.find((kind) => pdfFileName(deckId, kind) === name);
}

/** Files other commands put in a deck's folder, and how each tells the content it was made from. */
const STAMPS: readonly [RegExp, (file: string) => string | undefined][] = [
  [/\.pdf$/i, (file) => stampOf(file, readContentHash)],
  [/\.pptx$/i, (file) => stampOf(file, readPptxContentHash)],
];

function stampOf(file: string, read: (bytes: Uint8Array) => string | undefined): string | undefined {
  try {
    return read(readFileSync(file));
  } catch {
    return undefined;
  }
}

/** A hard link where the file system allows it (the old folder goes away next), else a copy. */
function carry(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/**
 * A run that crashed mid-swap leaves `.<deck>.new-*` (unfinished) and `.<deck>.old-*` (the previous folder)
 * beside the deck's folder. Under the lock no other run is using them: the deck's folder is restored from the
 * newest old one if it is missing, and the rest removed.
 */
function recoverLeftovers(outDir: string, deckId: string): void {
  const target = join(outDir, deckId);
  let names: string[];
  try {
    names = readdirSync(outDir);
  } catch {
    return;
  }
  const leftovers = names.filter((name) => name.startsWith(`.${deckId}.new-`) || name.startsWith(`.${deckId}.old-`)).map((name) => join(outDir, name));
  if (leftovers.length === 0) return;
  if (!existsSync(target)) {
    const old = leftovers.filter((path) => path.includes(`.${deckId}.old-`)).sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
    if (old) renameSync(old, target);
  }
  for (const path of leftovers) rmSync(path, { recursive: true, force: true });
}
