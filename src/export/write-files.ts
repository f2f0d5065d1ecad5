// Writes finished PDFs so that no reader ever sees half a file: a temporary name beside the target, then a rename.
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { EnvironmentError } from '../diagnostics/deck-error.js';

export interface FileToWrite {
  path: string;
  bytes: Uint8Array;
}

/**
 * Writes every file under a temporary name first and renames them only when all are on disk, so a failure
 * (a full disk, a missing permission) leaves the previous files as they were and no temporary files behind.
 */
export async function writeFilesAtomically(files: readonly FileToWrite[]): Promise<void> {
  const staged: { temp: string; path: string }[] = [];
  try {
    for (const file of files) {
      await mkdir(dirname(file.path), { recursive: true });
      const temp = join(dirname(file.path), `.${basename(file.path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
      staged.push({ temp, path: file.path });
      const handle = await open(temp, 'wx');
      try {
        await handle.writeFile(file.bytes);
        await handle.datasync();
      } finally {
        await handle.close();
      }
    }
    for (const { temp, path } of staged) await rename(temp, path);
  } catch (error) {
    await Promise.all(staged.map(({ temp }) => rm(temp, { force: true })));
    const failed = (error as { path?: string }).path ?? files[0]?.path ?? '';
    throw new EnvironmentError('E_WRITE', `Could not write ${failed}: ${(error as Error).message}`);
  }
}
