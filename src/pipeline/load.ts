// Load stage: reads card files and manifests from the project folder and the base decks it extends. The only
// file reading of the pipeline.
//
// Every file is located with its links resolved (src/project/places.ts) and read through its real path;
// one that leads outside the project is reported and never read.
import { readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { DeckError, EnvironmentError, UsageError, type Diagnostics, type ErrorCode } from '../diagnostics/deck-error.js';
import { suggestionHint } from '../diagnostics/suggest.js';
import { deckRefHint, parseDeckRef } from '../project/deck-ref.js';
import { isValidId, normaliseId, suggestId } from '../project/ids.js';
import { locate, projectPlaces } from '../project/places.js';
import { baseDeckOfManifest, baseDecks, findBaseDeck, type BaseDeck } from '../project/samtale-package.js';

export interface TextFile {
  file: string;
  text: string;
}

export type ManifestFile = TextFile & {
  /** The deck's id: its file name, or a base deck's name after the scope. */
  id: string;
  /** The name it was found by when that is not its id: a base deck's `kl/sociale-medier`. */
  name?: string;
  /** The base deck this manifest is, when it is one (in the repository, slides/sociale-medier.yaml is kl/sociale-medier). */
  base?: BaseDeck;
};

/** Why a deck name finds no manifest: a code of the registry, a message and a hint. */
export interface ManifestProblem {
  code: Extract<ErrorCode, 'E_DECK_ID' | 'E_DECK_OUTSIDE' | 'E_UNKNOWN_DECK' | 'E_FILE_OUTSIDE_PROJECT' | 'E_DECK_FILE_NAME'>;
  message: string;
  hint: string;
  /** The manifest file the problem is in, when there is one. */
  file?: string;
  /** The base deck a path outside the project led to: it is to be named, not reached by a path. */
  base?: BaseDeck;
}

const MANIFEST_EXTENSIONS = ['.yaml', '.yml'];

/** Every `*.md` under `content/`, sorted by path so builds are reproducible. A link out of the project is reported, not read. */
export function loadCardSources(root: string, diagnostics: Diagnostics): TextFile[] {
  return walkCards(root, join(projectPlaces(root).root, 'content'), undefined, diagnostics);
}

/** The cards of a base deck, read only through it: a link out of its folder is reported, not read. */
export function loadBaseCardSources(root: string, base: BaseDeck, diagnostics: Diagnostics): TextFile[] {
  return walkCards(root, base.cards, base.manifest, diagnostics);
}

/** Every `*.md` under `dir`, sorted by path; `from` is the file whose place `dir` belongs to (none: the project's). */
function walkCards(root: string, dir: string, from: string | undefined, diagnostics: Diagnostics): TextFile[] {
  const files: TextFile[] = [];
  const seen = new Set<string>();
  const walk = (dir: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = join(dir, entry.name);
      const isCard = entry.name.toLowerCase().endsWith('.md');
      if (!entry.isDirectory() && !entry.isSymbolicLink() && !isCard) continue;
      const found = locate(root, path, from);
      if (found.kind === 'missing') continue;
      if (found.kind === 'outside') {
        // A linked card, or a linked folder that may hold cards; a linked image is reported where it is used.
        if (isCard || isDirectory(found.real)) reportOutside(root, path, found, diagnostics);
        continue;
      }
      if (seen.has(found.real)) continue;
      seen.add(found.real);
      if (entry.isDirectory() || (entry.isSymbolicLink() && !isCard)) walk(path);
      else if (isCard) files.push({ file: path, text: readFileSync(found.real, 'utf8') });
    }
  };
  walk(dir);
  return files.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function reportOutside(root: string, path: string, found: { real: string; installed: boolean }, diagnostics: Diagnostics): void {
  const base = baseDecks().find((deck) => deck.cards === found.real || deck.manifest === found.real);
  const where = found.installed ? 'in node_modules/, which is not part of the project' : 'outside the project folder';
  diagnostics.error('E_FILE_OUTSIDE_PROJECT', `${relative(root, path)} is a link to ${found.real}, ${where}; it is not read`,
    { file: path, line: 1, column: 1 }, base ? baseDeckHint(base) : undefined);
}

/** For a path or link into the installed samtale: its decks are extended by name. */
export function baseDeckHint(base: BaseDeck): string {
  return `the installed samtale's decks are used by name, not by path: write "extends: ${base.name}" in the manifest, and its cards come with it`;
}

/** The manifest files in `slides/`, as paths relative to the project, sorted. */
export function listManifestFiles(root: string): string[] {
  let names: string[];
  try {
    names = readdirSync(join(resolve(root), 'slides'));
  } catch {
    return [];
  }
  // Hidden files (an editor's backup, a lock) are not decks.
  return names.filter((name) => !name.startsWith('.') && MANIFEST_EXTENSIONS.includes(extname(name).toLowerCase())).sort().map((name) => `slides/${name}`);
}

/** The ids of the manifests in `slides/` (NFC), whatever their names. */
export function listDeckIds(root: string): string[] {
  return listManifestFiles(root).map((path) => normaliseId(basename(path, extname(path)))).sort();
}

/** The project's default deck: package.json's `samtale.defaultDeck`, else the only manifest. */
export function defaultDeckId(root: string): string {
  const ids = listDeckIds(root);
  const configured = projectDefaultDeck(root);
  if (configured) return configured;
  if (ids.length === 1) return ids[0]!;
  if (ids.length === 0) {
    const base = baseDecks()[0];
    throw new EnvironmentError('E_NO_DECKS', `no deck manifests in ${join(root, 'slides')}`,
      base ? `create slides/<deck-id>.yaml, or run: samtale new "Faxe Kommune" (an adaptation of ${base.name}); or build the base deck as it is: samtale build ${base.name}` : undefined);
  }
  throw new EnvironmentError('E_NO_DEFAULT_DECK', `several decks and no default: ${ids.join(', ')}`, 'name the deck, e.g. "samtale build ' + ids[0] + '", or set "samtale": { "defaultDeck": … } in package.json');
}

/** The deck `samtale new` adapts when none is named: the project's default deck if it sets one, else the first base deck. */
export function defaultBaseDeck(root: string): string {
  const configured = projectDefaultDeck(root);
  if (configured) return configured;
  const base = baseDecks()[0];
  return base ? base.name : defaultDeckId(root);
}

/** package.json's `samtale.defaultDeck`, if the project has one. */
function projectDefaultDeck(root: string): string | undefined {
  const pkg = locate(root, join(resolve(root), 'package.json'));
  if (pkg.kind !== 'inside') return undefined;
  try {
    const json = JSON.parse(readFileSync(pkg.real, 'utf8')) as { samtale?: { defaultDeck?: unknown } };
    return typeof json.samtale?.defaultDeck === 'string' && json.samtale.defaultDeck ? json.samtale.defaultDeck : undefined;
  } catch {
    // No usable package.json: no setting.
    return undefined;
  }
}

/** Finds the manifest a deck name means, inside the project; a problem (never an exception) otherwise. */
export function findManifest(root: string, deck: string): ManifestFile | ManifestProblem {
  const places = projectPlaces(root);
  const ref = parseDeckRef(deck);
  if (!ref) return notADeckId(root, deck);
  if (ref.kind === 'package') return findPackageDeck(`${ref.scope}/${ref.name}`);
  const candidates = ref.kind === 'path'
    ? [resolve(places.root, ref.path)]
    : MANIFEST_EXTENSIONS.map((ext) => join(places.root, 'slides', ref.id + ext));
  for (const file of candidates) {
    const found = locate(root, file);
    if (found.kind === 'missing') continue;
    if (found.kind === 'outside') {
      if (found.viaLink) {
        return { code: 'E_FILE_OUTSIDE_PROJECT', message: `${relative(places.root, file)} is a link to ${found.real}, outside the project folder; it is not read`,
          hint: 'copy the manifest into slides/ instead of linking to it', file };
      }
      const base = baseDeckOfManifest(found.real);
      return { code: 'E_DECK_OUTSIDE', message: `"${deck}" is outside the project folder ${places.root}`, ...(base ? { hint: baseDeckHint(base), base } : { hint: deckRefHint(deck) }) };
    }
    const id = normaliseId(basename(file, extname(file)));
    if (!isValidId(id)) {
      return { code: 'E_DECK_FILE_NAME', message: `the manifest's file name "${basename(file)}" does not make a deck id`, hint: suggestId(id) ? `rename it to ${relative(places.root, join(dirname(file), `${suggestId(id)}${extname(file)}`))}` : 'rename it: lowercase letters, digits and hyphens, e.g. slides/solby.yaml', file };
    }
    const base = baseDeckOfManifest(found.real);
    return { id, file, text: readFileSync(found.real, 'utf8'), ...(base ? { base } : {}) };
  }
  const where = ref.kind === 'path' ? ref.path : `no deck "${ref.id}" in ${join(places.root, 'slides')}`;
  // In a consultant's project, "sociale-medier" is a base deck's name without its scope.
  const base = ref.kind === 'id' ? baseDecks().find((deck) => deck.id === ref.id) : undefined;
  return { code: 'E_UNKNOWN_DECK', message: ref.kind === 'path' ? `no manifest ${where}` : where,
    hint: base ? `did you mean "${base.name}"? A base deck of the installed samtale is named with its scope`
      : (ref.kind === 'id' ? spacedNameHint(root, ref.id) : undefined)
        ?? suggestionHint(ref.kind === 'id' ? ref.id : basename(ref.path, extname(ref.path)), [...validDeckIds(root), ...baseDecks().map((deck) => deck.name)], 'a deck:') };
}

/** A base deck of the installed samtale, by its name (`kl/sociale-medier`). */
function findPackageDeck(name: string): ManifestFile | ManifestProblem {
  const base = findBaseDeck(name);
  if (!base) {
    const names = baseDecks().map((deck) => deck.name);
    return { code: 'E_UNKNOWN_DECK', message: `no base deck "${name}" in the installed samtale`,
      hint: names.length ? suggestionHint(name, names, 'a base deck:') : 'this samtale ships no base decks; name a deck in slides/ by its id' };
  }
  return { id: base.id, name: base.name, file: base.manifest, text: readFileSync(base.manifest, 'utf8'), base };
}

/**
 * A deck name that is no id. When a manifest has that very name ("vordingborg aften.yaml"), it is the file that
 * needs another name, as `check` says; otherwise the id it was probably meant as, if that deck exists.
 */
function notADeckId(root: string, deck: string): ManifestProblem {
  const named = listManifestFiles(root).find((path) => basename(path, extname(path)).normalize('NFC') === deck.trim().normalize('NFC'));
  const file = named ? join(projectPlaces(root).root, named) : undefined;
  if (named && file && locate(root, file).kind === 'inside') {
    const id = suggestId(deck);
    return { code: 'E_DECK_FILE_NAME', message: `the manifest's file name "${basename(named)}" does not make a deck id`, file,
      hint: id ? `rename it to slides/${id}${extname(named)}, then name the deck "${id}"` : 'rename it: lowercase letters, digits and hyphens, e.g. slides/solby.yaml' };
  }
  const guess = suggestId(deck);
  if (!/(^|[\\/])\.\.([\\/]|$)|^[\\/]|^[a-z]:[\\/]/i.test(deck) && !validDeckIds(root).includes(guess)) {
    return { code: 'E_DECK_ID', message: `"${deck}" is not a deck id`, hint: `a deck id is lowercase letters, digits and hyphens; ${suggestionHint(guess || deck, validDeckIds(root), 'a deck id:')}` };
  }
  return { code: 'E_DECK_ID', message: `"${deck}" is not a deck id`, hint: deckRefHint(deck) };
}

/** When the shell split a manifest's name at its spaces ("vordingborg aften.yaml"), what to do about it. */
function spacedNameHint(root: string, word: string): string | undefined {
  const named = listManifestFiles(root).find((path) => basename(path, extname(path)).normalize('NFC').split(/\s+/).includes(word) && /\s/.test(basename(path)));
  if (!named) return undefined;
  const id = suggestId(basename(named, extname(named)));
  return `${named} has spaces in its name, so the shell passed its words as separate decks: rename it to slides/${id}${extname(named)}, then name the deck "${id}"`;
}

/** The deck ids of slides/ that are ids: what a hint may offer. */
function validDeckIds(root: string): string[] {
  return listDeckIds(root).filter(isValidId);
}

export function isManifestProblem(found: ManifestFile | ManifestProblem): found is ManifestProblem {
  return 'code' in found;
}

/** Finds a deck named on the command line; throws the error its problem is (bad usage, a missing deck, a broken project). */
export function loadManifest(root: string, deck: string): ManifestFile {
  const found = findManifest(root, deck);
  if (!isManifestProblem(found)) return found;
  if (found.code === 'E_DECK_ID' || found.code === 'E_DECK_OUTSIDE') throw new UsageError(found.code, found.message, found.hint);
  if (found.file) {
    throw new DeckError([{ code: found.code, severity: 'error', message: found.message, file: found.file, line: 1, column: 1, hint: found.hint }]);
  }
  throw new EnvironmentError(found.code, found.message, found.hint);
}
