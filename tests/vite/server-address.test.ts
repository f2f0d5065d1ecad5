// `samtale dev` when Vite starts but reports no address to open: E_DEV_SERVER, and the server is closed again.
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

const closed = vi.fn(async () => undefined);
vi.mock('vite', async (original) => ({
  ...(await original<typeof import('vite')>()),
  createServer: async () => ({ listen: async () => undefined, close: closed, resolvedUrls: null }),
}));
const { dev } = await import('../../src/vite/server.js');

describe('dev', () => {
  it('fails with E_DEV_SERVER when the server has no address, and closes it', async () => {
    const root = join(import.meta.dirname, '..', 'fixtures', 'valid');
    await expect(dev({ root })).rejects.toMatchObject({ code: 'E_DEV_SERVER', hint: expect.stringContaining('--port') });
    expect(closed).toHaveBeenCalled();
  });
});
