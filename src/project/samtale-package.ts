// The running samtale as an installed package: its folder, its version and the base decks it ships.
//
// Paths come from this module's own location, never from the current folder: in a consultant's project the
// package is node_modules/samtale (or wherever npm put it), in the repository it is the repository itself.
import { readFileSync, realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A deck shipped inside the package, which a project extends by name (`extends: kl/sociale-medier`). */
export interface BaseDeck {
  /** `kl/sociale-medier`: a scope (who made it) and the deck's own name. */
  name: string;
  /** The deck's id when built on its own: the name after the scope. */
  id: string;
  /** The edition of its cards, printed by `samtale --version` and carried in every deck built on it. */
  version: string;
  /** Its manifest (real path). */
  manifest: string;
  /** The folder of its cards and their media (real path). */
  cards: string;
}

interface PackageJson {
  version?: string;
  samtale?: { baseDecks?: Record<string, { version?: string; manifest?: string; cards?: string }> };
}

/** The package's folder: lib/project/ and src/project/ (under Vitest) both sit two levels below it. */
export const packageRoot = fileURLToPath(new URL('../..', import.meta.url));

const packageJson = readPackageJson();

/** samtale's version, from its package.json. */
export const samtaleVersion = packageJson.version ?? '0.0.0';

let decks: readonly BaseDeck[] | undefined;

/** The base decks the package declares in package.json (`samtale.baseDecks`), with real paths. */
export function baseDecks(): readonly BaseDeck[] {
  decks ??= Object.entries(packageJson.samtale?.baseDecks ?? {}).flatMap(([name, entry]) => {
    const id = name.split('/')[1];
    if (!id || !entry.manifest || !entry.cards) return [];
    return [{ name, id, version: entry.version ?? samtaleVersion, manifest: real(join(packageRoot, entry.manifest)), cards: real(join(packageRoot, entry.cards)) }];
  });
  return decks;
}

/** The base deck called `name` (`kl/sociale-medier`), if the package has it. */
export function findBaseDeck(name: string): BaseDeck | undefined {
  return baseDecks().find((deck) => deck.name === name);
}

/** The base deck whose manifest is `realFile`: in the repository, slides/sociale-medier.yaml is kl/sociale-medier. */
export function baseDeckOfManifest(realFile: string): BaseDeck | undefined {
  return baseDecks().find((deck) => deck.manifest === realFile);
}

/** What `samtale --version` prints: samtale's version, then each base deck's. */
export function versionText(): string {
  return [`samtale ${samtaleVersion}`, ...baseDecks().map((deck) => `${deck.name} ${deck.version}`)].join('\n');
}

/** samtale's docs/ folder as a project sees it: its own in the repository, the installed package's elsewhere. */
export function docsFolderFrom(root: string): string {
  return real(resolve(root)) === real(packageRoot) ? 'docs' : 'node_modules/samtale/docs';
}

function readPackageJson(): PackageJson {
  try {
    return JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as PackageJson;
  } catch {
    return {};
  }
}

function real(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
