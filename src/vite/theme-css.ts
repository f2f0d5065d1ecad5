// A theme's CSS straight from its source for the dev server: files by URL instead of inlined, so edits show at once.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

/**
 * The theme's source CSS with every local `url()` pointing at the file
 * through Vite's `/@fs/` route. `npm run compile` inlines the same files as
 * data: URLs for the built deck; in dev, reading the source means a saved
 * theme shows without recompiling. Comments go, as in the compiled CSS.
 */
export function devThemeCss(css: string, cssFile: string, resolveRef: (ref: string, cssFile: string) => string | undefined = resolveCssRef): string {
  const code = css.replace(/\/\*[\s\S]*?\*\//g, '');
  return code.replace(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)"'\s]*))\s*\)/g, (whole, dq?: string, sq?: string, bare?: string) => {
    const ref = dq ?? sq ?? bare ?? '';
    if (ref === '' || ref.startsWith('data:') || ref.startsWith('#') || /^([a-z][a-z0-9+.-]*:|\/\/)/i.test(ref)) return whole;
    const file = resolveRef(ref, cssFile);
    return file === undefined ? whole : `url("${fsUrl(file)}")`;
  });
}

/** A relative URL against the CSS file, anything else as a package specifier (`@fontsource/…`). */
export function resolveCssRef(ref: string, cssFile: string): string | undefined {
  try {
    const file = ref.startsWith('.') || ref.startsWith('/') ? resolve(dirname(cssFile), ref) : createRequire(cssFile).resolve(ref);
    return existsSync(file) ? file : undefined;
  } catch {
    return undefined;
  }
}

/** Vite's URL for a file outside the served folder. */
export function fsUrl(file: string): string {
  return `/@fs/${file.replace(/\\/g, '/').replace(/^\/+/, '')}`;
}

/** The source CSS of theme `name` under `themesDir`, ready for the dev page; undefined if it has none. */
export function readDevThemeCss(themesDir: string, name: string): string | undefined {
  const file = join(themesDir, name, 'theme.css');
  try {
    return devThemeCss(readFileSync(file, 'utf8'), file);
  } catch {
    return undefined;
  }
}
