// One samtale run at a time per output folder: `build` swapping a deck's folder and `pdf` writing into it.
//
// The lock is proper-lockfile's: a directory `.<folder>.lock` beside the folder, made atomically and kept
// fresh while the holder lives, so a crashed run's lock goes stale and is taken over after a few seconds.
import { mkdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { EnvironmentError } from '../diagnostics/deck-error.js';

/** Waits up to about half a minute: long enough for a few other builds of the deck, short of hanging. */
const RETRIES = { retries: 60, factor: 1.3, minTimeout: 25, maxTimeout: 1000 };
const STALE_MS = 10_000;

/** The lock file of an output folder: beside it, so the folder itself may be renamed while locked. */
export function lockFileOf(folder: string): string {
  return join(dirname(folder), `.${basename(folder)}.lock`);
}

export interface FolderLockOptions {
  /** How many times to try again while another run holds the lock (tests shorten the wait). */
  retries?: number;
}

/** Runs `work` while holding the lock of `folder` (which need not exist yet). */
export async function withFolderLock<T>(folder: string, work: () => Promise<T>, options: FolderLockOptions = {}): Promise<T> {
  try {
    await mkdir(dirname(folder), { recursive: true });
  } catch (error) {
    throw new EnvironmentError('E_WRITE', `Could not make the folder ${dirname(folder)}: ${(error as Error).message}`);
  }
  let compromised: Error | undefined;
  let release: () => Promise<void>;
  try {
    // Loaded here, so that only the commands that write output load it.
    const { default: lockfile } = await import('proper-lockfile');
    release = await lockfile.lock(folder, {
      realpath: false,
      lockfilePath: lockFileOf(folder),
      stale: STALE_MS,
      retries: options.retries === undefined ? RETRIES : { ...RETRIES, retries: options.retries },
      onCompromised: (error) => {
        compromised = error;
      },
    });
  } catch (error) {
    if ((error as { code?: string }).code === 'ELOCKED') {
      throw new EnvironmentError('E_OUTPUT_BUSY', `${folder} is being written by another samtale run, and it did not finish in time`);
    }
    throw new EnvironmentError('E_WRITE', `Could not lock ${folder}: ${(error as Error).message}`);
  }
  try {
    const result = await work();
    if (compromised) throw new EnvironmentError('E_OUTPUT_BUSY', `another samtale run took over ${folder} while this one wrote it: ${compromised.message}`);
    return result;
  } finally {
    await release().catch(() => undefined);
  }
}

/** Runs `work` holding the locks of several folders, taken in one order so that two runs never wait on each other. */
export async function withFolderLocks<T>(folders: readonly string[], work: () => Promise<T>): Promise<T> {
  const sorted = [...new Set(folders)].sort();
  const next = (index: number): Promise<T> => (index === sorted.length ? work() : withFolderLock(sorted[index]!, () => next(index + 1)));
  return next(0);
}
