// The CSS a print document needs: the theme's own CSS (tokens, fonts inlined) and its print CSS, from lib/runtime/.
import { readFile } from 'node:fs/promises';
import { EnvironmentError } from '../diagnostics/deck-error.js';

export interface PrintAssets {
  /** The theme's CSS: design tokens, fonts as data: URLs, slide styles. No reveal.js CSS. */
  themeCss: string;
  /** The print CSS of the theme, or of the default theme when it has none. */
  printCss: string;
}

/** Where lib/runtime is, from both lib/export/ and src/export/ (under vitest). */
const runtimeDir = new URL('../../lib/runtime/', import.meta.url);

interface Manifest {
  themes?: Record<string, string>;
  printThemes?: Record<string, string>;
}

const cache = new Map<string, Promise<PrintAssets>>();

export function loadPrintAssets(theme: string): Promise<PrintAssets> {
  let assets = cache.get(theme);
  if (!assets) {
    assets = readAssets(theme);
    cache.set(theme, assets);
    assets.catch(() => cache.delete(theme));
  }
  return assets;
}

async function readAssets(theme: string): Promise<PrintAssets> {
  const manifest = JSON.parse(await read('manifest.json')) as Manifest;
  const themeFile = manifest.themes && Object.hasOwn(manifest.themes, theme) ? manifest.themes[theme] : undefined;
  if (themeFile === undefined) {
    throw new EnvironmentError('E_RUNTIME', `Unknown theme "${theme}" (not in lib/runtime/manifest.json).`, 'A new theme in themes/ needs `npm run compile`.');
  }
  const printFile = manifest.printThemes?.[theme] ?? manifest.printThemes?.['default'];
  if (printFile === undefined) {
    throw new EnvironmentError('E_RUNTIME', 'The compiled runtime has no print CSS (themes/default/print.css).', 'Run `npm run compile`.');
  }
  const [themeCss, printCss] = await Promise.all([read(themeFile), read(printFile)]);
  return { themeCss, printCss };
}

async function read(name: string): Promise<string> {
  try {
    return await readFile(new URL(name, runtimeDir), 'utf8');
  } catch {
    throw new EnvironmentError('E_RUNTIME', `The samtale browser runtime is not built (cannot read lib/runtime/${name}).`, 'Run `npm run compile`.');
  }
}
