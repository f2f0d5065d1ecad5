// Where a project may read from: its own folder, with every symbolic link resolved before the check.
//
// A file is inside when its real path (links followed) lies in one of the project's readable places. Today
// that is the project folder alone; base decks shipped in an installed package (`extends: kl/…`) will be
// another place, added here and nowhere else.
import { realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';

export interface ReadablePlace {
  /** For messages: "the project folder". */
  name: string;
  /** The place's real path. */
  dir: string;
}

export interface ProjectPlaces {
  /** The project folder as given (paths in messages are relative to it). */
  root: string;
  /** Its real path. */
  realRoot: string;
  readable: readonly ReadablePlace[];
}

/** Where a path led: to a file inside a readable place (read `real`), outside them all, or to nothing. */
export type Located =
  | { kind: 'inside'; file: string; real: string }
  | { kind: 'outside'; file: string; real: string; /** True when a symbolic link, not the path as written, leads out. */ viaLink: boolean }
  | { kind: 'missing'; file: string };

const cache = new Map<string, ProjectPlaces>();

/** The project at `root` and the places it may read from. */
export function projectPlaces(root: string): ProjectPlaces {
  const absolute = resolve(root);
  let places = cache.get(absolute);
  if (!places) {
    const realRoot = realOrSelf(absolute);
    places = { root: absolute, realRoot, readable: [{ name: 'the project folder', dir: realRoot }] };
    cache.set(absolute, places);
  }
  return places;
}

/** Whether `path` (absolute) lies in `dir` or is `dir`. */
export function isWithin(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** Resolves `file` (absolute) with its links and says whether it may be read. */
export function locate(root: string, file: string): Located {
  const places = projectPlaces(root);
  const lexicallyInside = isWithin(places.root, file) || places.readable.some((place) => isWithin(place.dir, file));
  let real: string;
  try {
    real = realpathSync(file);
  } catch {
    return lexicallyInside ? { kind: 'missing', file } : { kind: 'outside', file, real: file, viaLink: false };
  }
  if (places.readable.some((place) => isWithin(place.dir, real))) return { kind: 'inside', file, real };
  return { kind: 'outside', file, real, viaLink: lexicallyInside };
}

/** Whether a path, links resolved, lies inside the project's readable places. */
export function isInsideProject(root: string, file: string): boolean {
  return locate(root, file).kind !== 'outside';
}

function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
