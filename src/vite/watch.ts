// Which file changes rebuild the deck, and how quick successive saves become one rebuild.
import { basename, relative, resolve, sep } from 'node:path';

/** The folders whose files make up a deck: cards and media, manifests, themes. */
export function watchedDirs(root: string, themesDir?: string): string[] {
  const dirs = ['content', 'slides', 'themes'].map((name) => resolve(root, name));
  if (themesDir && !dirs.includes(resolve(themesDir))) dirs.push(resolve(themesDir));
  return dirs;
}

/** Editors' scratch files: vim's swap and write-test files, emacs' locks and backups, partial downloads. */
const SCRATCH = /(^\.#|^#.*#$|~$|\.sw[a-p]$|^4913$|\.tmp$|\.crdownload$|^\.DS_Store$)/i;

/** Whether a change to `file` can change the deck. */
export function isDeckSource(file: string, dirs: readonly string[]): boolean {
  if (SCRATCH.test(basename(file))) return false;
  const target = resolve(file);
  return dirs.some((dir) => {
    const rel = relative(dir, target);
    return rel !== '' && !rel.startsWith('..') && !rel.startsWith(sep) && !rel.split(sep).includes('node_modules');
  });
}

/**
 * Runs `task` once the calls have paused for `wait` ms, never twice at the
 * same time: calls while it runs schedule one more run after it. An editor's
 * save is often several events (write, rename, chmod); a formatter may save
 * twice in a row.
 */
export function coalesce(task: () => Promise<void>, wait: number): { (): void; idle(): Promise<void>; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  const run = (): void => {
    timer = undefined;
    if (running) {
      again = true;
      return;
    }
    running = task()
      .catch(() => undefined)
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          schedule();
        }
      });
  };
  const schedule = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, wait);
  };
  schedule.idle = async (): Promise<void> => {
    while (timer || running) await (running ?? new Promise((r) => setTimeout(r, wait)));
  };
  schedule.cancel = (): void => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    again = false;
  };
  return schedule;
}
