// A deck's manifest and the decks it extends, merged into one: the adaptation wins, key by key.
import type { Diagnostics } from '../diagnostics/deck-error.js';
import type { Manifest } from '../config/schemas.js';
import { manifestSchema } from '../config/schemas.js';
import { validateYaml, type Validated } from '../config/validate-yaml.js';
import { parseDeckRef } from '../project/deck-ref.js';
import { findManifest, isManifestProblem, loadManifest, type ManifestFile } from './load.js';

export type { ManifestFile } from './load.js';

/** One manifest of a chain, validated, with where its parts were written. */
export interface LoadedManifest {
  file: ManifestFile;
  validated: Validated<Manifest>;
}

/** The merged manifest: every key's value, and the manifest that gave it (for positions). */
export interface MergedManifest {
  value: Manifest;
  /** The deck being built (the first of the chain). */
  own: LoadedManifest;
  /** The manifest whose value of `key` won, or the deck's own when no manifest set it. */
  from(key: keyof Manifest): LoadedManifest;
  /** The chain, the deck's own manifest first, then what it extends. */
  chain: LoadedManifest[];
}

/** Values a deck has when no manifest in its chain sets them. */
export const manifestDefaults = { language: 'da', theme: 'default', start: '09:00', allowHtml: false } as const;

/** Keys whose objects merge key by key; every other key is replaced whole. */
const MERGED_OBJECTS = ['welcome', 'agenda', 'closing', 'branding'] as const;

/** Parses and validates one manifest; undefined (after reporting) when it cannot be used. */
export function readManifest(manifest: ManifestFile, diagnostics: Diagnostics): Validated<Manifest> | undefined {
  return validateYaml({ file: manifest.file, text: manifest.text, firstLine: 1, what: 'manifest' }, manifestSchema, diagnostics);
}

/**
 * Loads a deck's manifest and, through `extends`, its bases; undefined when one of them is unusable. The deck
 * is a name (its errors are thrown: see loadManifest) or its manifest, found already.
 */
export function loadManifestChain(root: string, deck: string | ManifestFile, diagnostics: Diagnostics): LoadedManifest[] | undefined {
  const chain: LoadedManifest[] = [];
  let file: ManifestFile = typeof deck === 'string' ? loadManifest(root, deck) : deck;
  for (;;) {
    const validated = readManifest(file, diagnostics);
    if (!validated) return undefined;
    chain.push({ file, validated });
    const base = validated.value.extends;
    if (base === undefined) return chain;
    const at = validated.positionOf(['extends']);
    if (file.name !== undefined && parseDeckRef(base)?.kind !== 'package') {
      // Named from the package, a base deck cannot reach into the project that extends it.
      diagnostics.error('E_EXTENDS_OUTSIDE', `manifest: the base deck ${file.name} extends "${base}", which is not a base deck`, at,
        'a base deck may extend only another base deck, by its name (e.g. "extends: kl/sociale-medier")');
      return undefined;
    }
    const found = findManifest(root, base);
    if (isManifestProblem(found)) {
      const outside = found.code === 'E_DECK_OUTSIDE' || (found.code === 'E_DECK_ID' && /(^|[\\/])\.\.([\\/]|$)|^[\\/]/.test(base));
      if (outside) diagnostics.error('E_EXTENDS_OUTSIDE', `manifest: "extends: ${base}" reaches outside the project folder`, at, found.base ? found.hint : undefined);
      else if (found.code === 'E_DECK_ID') diagnostics.error('E_UNKNOWN_DECK', `manifest: "extends: ${base}" is not a deck id`, at, found.hint);
      else if (found.code === 'E_UNKNOWN_DECK') diagnostics.error('E_UNKNOWN_DECK', `manifest: "extends" names a deck "${base}" that does not exist`, at, found.hint);
      else diagnostics.error(found.code, `manifest: "extends: ${base}": ${found.message}`, at, found.hint);
      return undefined;
    }
    if (chain.some((m) => m.file.file === found.file)) {
      diagnostics.error('E_EXTENDS_CYCLE', `manifest: "extends: ${base}" goes round in a circle (${[...chain.map((m) => m.file.name ?? m.file.id), found.name ?? found.id].join(' → ')})`, at,
        'one deck in the chain must stand on its own, without "extends"');
      return undefined;
    }
    file = found;
  }
}

/** Merges a chain: the deck's own values over its base's, over the base's base's, over the defaults. */
export function mergeChain(chain: LoadedManifest[]): MergedManifest {
  const own = chain[0]!;
  const value: Record<string, unknown> = { ...manifestDefaults };
  const origin = new Map<string, LoadedManifest>();
  for (const loaded of [...chain].reverse()) {
    for (const [key, v] of Object.entries(loaded.validated.value)) {
      if (v === undefined || key === 'extends') continue;
      const merge = (MERGED_OBJECTS as readonly string[]).includes(key) && typeof value[key] === 'object';
      value[key] = merge ? { ...(value[key] as object), ...(v as object) } : v;
      origin.set(key, loaded);
    }
  }
  return { value: value as Manifest, own, chain, from: (key) => origin.get(key) ?? own };
}
