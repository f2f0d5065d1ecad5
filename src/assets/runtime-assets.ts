// Loading the compiled browser runtime (script, CSS, CSP hashes) from lib/runtime/.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { ThemeColours } from '../pipeline/branding.js';

/** What a deck build inlines into its HTML file. */
export interface RuntimeAssets {
  /** The runtime as one classic script, safe to inline in a `<script>`. */
  script: string;
  /** reveal.js's core CSS followed by the theme's CSS, fonts inlined. */
  css: string;
  /** CSP hashes (`'sha256-…'`) of scripts the runtime writes into new documents at run time (none today). */
  scriptHashes: string[];
}

/** The shape of lib/runtime/manifest.json, written by scripts/compile.mjs. */
interface RuntimeManifest {
  script: string;
  revealCss: string;
  themes: Record<string, string>;
  scriptHashes: string[];
}

// Both lib/assets/runtime-assets.js and src/assets/runtime-assets.ts (under
// vitest) sit two levels below the package root; the runtime is always built
// into lib/runtime/.
const runtimeDir = new URL('../../lib/runtime/', import.meta.url);

const NOT_COMPILED = 'The samtale browser runtime is not built (lib/runtime/ is missing or incomplete). Run `npm run compile`.';

/** Reads the compiled runtime and the CSS of `themeName` (a folder name under themes/). */
export async function loadRuntimeAssets(themeName: string): Promise<RuntimeAssets> {
  const manifest = await readManifest();
  const themeFile = Object.hasOwn(manifest.themes, themeName) ? manifest.themes[themeName] : undefined;
  if (themeFile === undefined) {
    const available = Object.keys(manifest.themes).sort().join(', ');
    throw new Error(`Unknown theme "${themeName}". Available themes: ${available}. (A new theme in themes/ needs \`npm run compile\`.)`);
  }
  const [script, revealCss, themeCss] = await Promise.all([
    readRuntimeFile(manifest.script),
    readRuntimeFile(manifest.revealCss),
    readRuntimeFile(themeFile),
  ]);
  return { script, css: `${revealCss}\n${themeCss}`, scriptHashes: [...manifest.scriptHashes] };
}

/** The themes the compiled runtime has, or undefined when it is not compiled (the build then says so). */
export function listThemes(): string[] | undefined {
  try {
    const parsed: unknown = JSON.parse(readFileSync(fileURLToPath(new URL('manifest.json', runtimeDir)), 'utf8'));
    return isManifest(parsed) ? Object.keys(parsed.themes).sort() : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The colours a theme declares for branding checks (`--samtale-color-bg`, `-text`, `-on-primary`, `-on-accent`),
 * read from its compiled CSS; undefined when the runtime is not compiled.
 */
export function themeColours(themeName: string): ThemeColours | undefined {
  const tokens = themeTokens(themeName);
  const [bg, text, onPrimary, onAccent] = ['bg', 'text', 'on-primary', 'on-accent'].map((name) => tokens?.[`color-${name}`]);
  return bg && text && onPrimary && onAccent && [bg, text, onPrimary, onAccent].every((c) => /^#[0-9a-f]{3,6}$/i.test(c)) ? { bg, text, onPrimary, onAccent } : undefined;
}

/**
 * A theme's design tokens (`--samtale-color-primary: #0b4a6f` → `color-primary: '#0b4a6f'`), as its compiled
 * CSS declares them on `:root`; undefined when the runtime is not compiled or has no such theme.
 */
export function themeTokens(themeName: string): Readonly<Record<string, string>> | undefined {
  const cached = tokensByTheme.get(themeName);
  if (cached !== undefined) return cached ?? undefined;
  let found: Record<string, string> | null = null;
  try {
    const manifest: unknown = JSON.parse(readFileSync(fileURLToPath(new URL('manifest.json', runtimeDir)), 'utf8'));
    const file = isManifest(manifest) && Object.hasOwn(manifest.themes, themeName) ? manifest.themes[themeName] : undefined;
    if (file) {
      const css = readFileSync(fileURLToPath(new URL(file, runtimeDir)), 'utf8');
      found = {};
      // Only the first declaration of a token counts: the theme's own, not a later override in a rule.
      for (const [, name, value] of css.matchAll(/--samtale-([a-z0-9-]+)\s*:\s*([^;}]+)/g)) found[name!] ??= value!.trim();
    }
  } catch {
    found = null;
  }
  tokensByTheme.set(themeName, found);
  return found ?? undefined;
}

const tokensByTheme = new Map<string, Record<string, string> | null>();

async function readManifest(): Promise<RuntimeManifest> {
  const parsed: unknown = JSON.parse(await readRuntimeFile('manifest.json'));
  if (!isManifest(parsed)) throw new Error(`${NOT_COMPILED} (manifest.json has an unexpected shape)`);
  return parsed;
}

async function readRuntimeFile(name: string): Promise<string> {
  const file = fileURLToPath(new URL(name, runtimeDir));
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if (isMissingFile(error)) throw new Error(`${NOT_COMPILED} (missing ${file})`);
    throw error;
  }
}

function isMissingFile(error: unknown): boolean {
  return error instanceof Error && 'code' in error && (error.code === 'ENOENT' || error.code === 'ENOTDIR');
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return typeof value === 'object' && value !== null && Object.values(value).every((v) => typeof v === 'string');
}

function isManifest(value: unknown): value is RuntimeManifest {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  return typeof m['script'] === 'string'
    && typeof m['revealCss'] === 'string'
    && isStringRecord(m['themes'])
    && Array.isArray(m['scriptHashes'])
    && m['scriptHashes'].every((h) => typeof h === 'string');
}
