// What a deck name on the command line or in `extends:` may be: a deck id, a manifest file, or a base deck shipped with samtale.
import { idHint, isValidId, normaliseId } from './ids.js';

export type DeckRef =
  /** `sociale-medier`: the manifest `slides/sociale-medier.yaml` of the project. */
  | { kind: 'id'; id: string }
  /** `slides/solby.yaml`: a manifest file, relative to the project folder (it must lie inside it). */
  | { kind: 'path'; path: string }
  /** `kl/sociale-medier`: a base deck shipped with samtale (src/project/samtale-package.ts). */
  | { kind: 'package'; scope: string; name: string };

const MANIFEST_FILE = /\.ya?ml$/i;

/** Understands a deck name; undefined when it is none of the three forms. */
export function parseDeckRef(text: string): DeckRef | undefined {
  // A path is kept as written: the file system compares bytes, and macOS writes names decomposed.
  if (MANIFEST_FILE.test(text.trim())) return { kind: 'path', path: text.trim() };
  const name = normaliseId(text.trim());
  if (isValidId(name)) return { kind: 'id', id: name };
  const scoped = /^([^/]+)\/([^/]+)$/.exec(name);
  if (scoped && isValidId(scoped[1]!) && isValidId(scoped[2]!)) return { kind: 'package', scope: scoped[1]!, name: scoped[2]! };
  return undefined;
}

/** Why a name is not a deck name, for a hint. */
export function deckRefHint(text: string): string {
  return /(^|[\\/])\.\.([\\/]|$)|^[\\/]|^[a-z]:[\\/]/i.test(text)
    ? 'name a deck in slides/ by its id (e.g. sociale-medier), or a manifest inside the project (e.g. slides/solby.yaml)'
    : idHint(text, 'sociale-medier');
}
