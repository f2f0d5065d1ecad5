// Where a project may read from: its own folder, and the base decks of the installed samtale, each only through
// its own files; every symbolic link resolved before the check.
//
// A file is inside when its real path (links followed) lies in the readable place of the file that names it: a
// path in one of the project's cards or manifests must stay in the project folder, a path in a base deck's card
// must stay in that base deck. The project's node_modules/ is not part of the project: the installed samtale is
// reached only through the base decks' names (`extends: kl/sociale-medier`), never by a path into it.
import { realpathSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { baseDecks } from './samtale-package.js';

export interface ReadablePlace {
  /** For messages: "the project folder", "the base deck kl/sociale-medier". */
  name: string;
  /** Its folders and files. */
  paths: readonly string[];
  /** Folders inside it that are not part of it. */
  excluded: readonly string[];
}

export interface ProjectPlaces {
  /** The project folder as given (paths in messages are relative to it). */
  root: string;
  /** Its real path. */
  realRoot: string;
  /** The project folder, without its node_modules/. */
  project: ReadablePlace;
  /** The project first, then the base decks of the installed samtale. */
  readable: readonly ReadablePlace[];
}

/** Where a path led: to a file inside a readable place (read `real`), outside them all, or to nothing. */
export type Located =
  | { kind: 'inside'; file: string; real: string }
  | {
    kind: 'outside'; file: string; real: string;
    /** True when a symbolic link, not the path as written, leads out. */ viaLink: boolean;
    /** True when it leads into the project's node_modules/, where the installed packages are. */ installed: boolean;
  }
  | { kind: 'missing'; file: string };

const cache = new Map<string, ProjectPlaces>();

/** The project at `root` and the places it may read from. */
export function projectPlaces(root: string): ProjectPlaces {
  const absolute = resolve(root);
  let places = cache.get(absolute);
  if (!places) {
    const realRoot = realOrSelf(absolute);
    const roots = [...new Set([realRoot, absolute])];
    const project = { name: 'the project folder', paths: roots, excluded: roots.map((dir) => join(dir, 'node_modules')) };
    const bases = baseDecks().map((deck) => ({ name: `the base deck ${deck.name}`, paths: [deck.cards, deck.manifest], excluded: [] }));
    places = { root: absolute, realRoot, project, readable: [project, ...bases] };
    cache.set(absolute, places);
  }
  return places;
}

/** Whether `path` (absolute) lies in `dir` or is `dir`. */
export function isWithin(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** Whether `path` lies in `place`. */
export function inPlace(place: ReadablePlace, path: string): boolean {
  return place.paths.some((dir) => isWithin(dir, path)) && !place.excluded.some((dir) => isWithin(dir, path));
}

/** The readable place a file belongs to (the project's before a base deck's), if any. */
export function placeOf(root: string, file: string): ReadablePlace | undefined {
  const real = realOrSelf(file);
  return projectPlaces(root).readable.find((place) => inPlace(place, real));
}

/**
 * Resolves `file` (absolute) with its links and says whether it may be read by the file `from` that names it:
 * whether it lies in `from`'s readable place. Without `from`, the project folder is the place.
 */
export function locate(root: string, file: string, from?: string): Located {
  const places = projectPlaces(root);
  const home = (from === undefined ? undefined : placeOf(root, from)) ?? places.project;
  const installed = (path: string) => places.project.excluded.some((dir) => isWithin(dir, path));
  const lexicallyInside = inPlace(home, file);
  let real: string;
  try {
    real = realpathSync(file);
  } catch {
    return lexicallyInside ? { kind: 'missing', file } : { kind: 'outside', file, real: file, viaLink: false, installed: installed(file) };
  }
  if (inPlace(home, real)) return { kind: 'inside', file, real };
  return { kind: 'outside', file, real, viaLink: lexicallyInside, installed: installed(file) || installed(real) };
}

function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
