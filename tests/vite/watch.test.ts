// Which changes rebuild the deck, and quick saves coalesced into one rebuild.
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { coalesce, isDeckSource, watchedDirs } from '../../src/vite/watch.js';

describe('isDeckSource', () => {
  const dirs = watchedDirs('/p', '/pkg/themes');

  it('watches content/, slides/ and themes/ of the project and samtale’s own themes', () => {
    expect(dirs).toEqual(['/p/content', '/p/slides', '/p/themes', '/pkg/themes']);
    expect(watchedDirs('/p', '/p/themes')).toHaveLength(3);
  });

  it('takes cards, media, manifests and theme files, in sub-folders too', () => {
    for (const file of ['content/kl/om-at.md', 'content/solby/logo.svg', 'slides/faxe.yaml', 'themes/default/theme.css']) {
      expect(isDeckSource(join('/p', file), dirs), file).toBe(true);
    }
    expect(isDeckSource('/pkg/themes/default/theme.css', dirs)).toBe(true);
  });

  it('ignores other files, the folders themselves and editors’ scratch files', () => {
    for (const file of ['/p/dist/x/index.html', '/p/src/api.ts', '/p/content', '/p/contents/a.md', '/p/content/node_modules/a.md',
      '/p/content/.om-at.md.swp', '/p/content/om-at.md~', '/p/content/.#om-at.md', '/p/content/4913', '/p/slides/#faxe.yaml#']) {
      expect(isDeckSource(file, dirs), file).toBe(false);
    }
  });
});

describe('coalesce', () => {
  afterEach(() => void vi.useRealTimers());

  it('runs once after the calls pause, and once more for calls made while it ran', async () => {
    vi.useFakeTimers();
    const runs: number[] = [];
    let release: () => void = () => undefined;
    const task = vi.fn(() => new Promise<void>((resolve) => {
      runs.push(Date.now());
      release = resolve;
    }));
    const schedule = coalesce(task, 40);
    schedule();
    await vi.advanceTimersByTimeAsync(20);
    schedule();
    schedule();
    await vi.advanceTimersByTimeAsync(39);
    expect(task).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(task).toHaveBeenCalledTimes(1);
    // Saves while the rebuild runs: one more run after it, not one each, and never two at once.
    schedule();
    await vi.advanceTimersByTimeAsync(50);
    schedule();
    await vi.advanceTimersByTimeAsync(50);
    expect(task).toHaveBeenCalledTimes(1);
    release();
    await vi.advanceTimersByTimeAsync(40);
    expect(task).toHaveBeenCalledTimes(2);
    release();
    await vi.advanceTimersByTimeAsync(100);
    expect(task).toHaveBeenCalledTimes(2);
  });

  it('keeps going after a failed run, and cancel stops a pending one', async () => {
    vi.useFakeTimers();
    const task = vi.fn().mockRejectedValueOnce(new Error('boom')).mockResolvedValue(undefined);
    const schedule = coalesce(task, 10);
    schedule();
    await vi.advanceTimersByTimeAsync(10);
    schedule();
    await vi.advanceTimersByTimeAsync(10);
    expect(task).toHaveBeenCalledTimes(2);
    schedule();
    schedule.cancel();
    await vi.advanceTimersByTimeAsync(50);
    expect(task).toHaveBeenCalledTimes(2);
  });
});
