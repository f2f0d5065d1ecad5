// The print CSS comes from the compiled runtime; a theme it does not have is a problem of the environment.
import { describe, expect, it } from 'vitest';
import { loadPrintAssets } from '../../src/export/print-assets.js';

describe('loadPrintAssets', () => {
  it('reads the default theme and its print CSS', async () => {
    const assets = await loadPrintAssets('default');
    expect(assets.themeCss).toContain('--samtale-size-min');
    expect(assets.printCss).toContain('.samtale-print');
  });

  it('names a theme the runtime was not compiled with as E_RUNTIME, with what to run', async () => {
    await expect(loadPrintAssets('no-such-theme')).rejects.toMatchObject({ code: 'E_RUNTIME', hint: expect.stringContaining('npm run compile') });
  });
});
