// The output folder's lock: runs take turns, a held lock that is not let go in time is E_OUTPUT_BUSY.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { afterAll, describe, expect, it } from 'vitest';
import { lockFileOf, withFolderLock } from '../../src/output/folder-lock.js';

const scratch = mkdtempSync(join(tmpdir(), 'samtale-lock-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('withFolderLock', () => {
  it('lets runs of one folder take turns, never overlapping', async () => {
    const folder = join(scratch, 'dist', 'deck');
    let inside = 0;
    let most = 0;
    const run = () => withFolderLock(folder, async () => {
      most = Math.max(most, ++inside);
      await new Promise((resolve) => setImmediate(resolve));
      inside -= 1;
    });
    await Promise.all([run(), run(), run(), run()]);
    expect(most).toBe(1);
  });

  it('gives up with E_OUTPUT_BUSY, without running, while another run keeps the folder', async () => {
    const folder = join(scratch, 'dist', 'busy');
    const release = await lockfile.lock(folder, { realpath: false, lockfilePath: lockFileOf(folder) });
    let ran = false;
    try {
      await expect(withFolderLock(folder, async () => {
        ran = true;
      }, { retries: 1 })).rejects.toMatchObject({ code: 'E_OUTPUT_BUSY', message: expect.stringContaining('is being written by another samtale run') });
    } finally {
      await release();
    }
    expect(ran).toBe(false);
  });
});
