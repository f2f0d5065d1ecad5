// Load stage: reads card files and manifests from the project folder. The only file reading of the pipeline.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, isAbsolute, join, resolve } from 'node:path';
import { EnvironmentError } from '../diagnostics/deck-error.js';
import { suggestionHint } from '../diagnostics/suggest.js';

export interface TextFile {
  file: string;
  text: string;
}

const MANIFEST_EXTENSIONS = ['.yaml', '.yml'];

/** Every `*.md` under `content/`, sorted by path so builds are reproducible. */
export function loadCardSources(root: string): TextFile[] {
  const contentDir = join(root, 'content');
  if (!existsSync(contentDir)) return [];
  return (readdirSync(contentDir, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((name) => name.toLowerCase().endsWith('.md'))
    .sort()
    .map((name) => join(contentDir, name))
    .map((file) => ({ file, text: readFileSync(file, 'utf8') }));
}

/** The ids of the manifests in `slides/`. */
export function listDeckIds(root: string): string[] {
  const slidesDir = join(root, 'slides');
  if (!existsSync(slidesDir)) return [];
  return readdirSync(slidesDir)
    .filter((name) => MANIFEST_EXTENSIONS.includes(extname(name).toLowerCase()))
    .map((name) => basename(name, extname(name)))
    .sort();
}

/** The project's default deck: package.json's `samtale.defaultDeck`, else the only manifest. */
export function defaultDeckId(root: string): string {
  const ids = listDeckIds(root);
  try {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { samtale?: { defaultDeck?: string } };
    if (pkg.samtale?.defaultDeck) return pkg.samtale.defaultDeck;
  } catch {
    // No package.json: fall through to the only manifest.
  }
  if (ids.length === 1) return ids[0]!;
  if (ids.length === 0) throw new EnvironmentError('E_NO_DECKS', `no deck manifests in ${join(root, 'slides')}`, 'create slides/<deck-id>.yaml, or run "samtale new NAME"');
  throw new EnvironmentError('E_NO_DEFAULT_DECK', `several decks and no default: ${ids.join(', ')}`, 'name the deck, e.g. "samtale build ' + ids[0] + '", or set "samtale": { "defaultDeck": … } in package.json');
}

/** Finds a deck's manifest by id (`slides/<id>.yaml`) or by path. */
export function loadManifest(root: string, deck: string): TextFile & { id: string } {
  const asPath = isAbsolute(deck) ? deck : resolve(root, deck);
  if (MANIFEST_EXTENSIONS.includes(extname(deck).toLowerCase()) && existsSync(asPath) && statSync(asPath).isFile()) {
    return { id: basename(asPath, extname(asPath)), file: asPath, text: readFileSync(asPath, 'utf8') };
  }
  for (const ext of MANIFEST_EXTENSIONS) {
    const file = join(root, 'slides', deck + ext);
    if (existsSync(file)) return { id: deck, file, text: readFileSync(file, 'utf8') };
  }
  throw new EnvironmentError('E_UNKNOWN_DECK', `no deck "${deck}" in ${join(root, 'slides')}`, suggestionHint(deck, listDeckIds(root), 'a deck id:'));
}
