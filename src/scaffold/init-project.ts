// `samtale init FOLDER`: a consultant's own project that depends on samtale and extends the base decks shipped in it.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { parse } from 'yaml';
import { newAdaptation } from '../api.js';
import { EnvironmentError, UsageError } from '../diagnostics/deck-error.js';
import { baseDecks, samtaleVersion, type BaseDeck } from '../project/samtale-package.js';
import { adaptationId } from './new-adaptation.js';
import { projectReadme } from './project-readme.js';

export interface InitOptions {
  /** The folder to create, relative to `cwd`; it may exist if it is empty (or holds only a `.git`). */
  folder: string;
  /** Defaults to the current folder. */
  cwd?: string;
  /** A first adaptation for this municipality, as `samtale new` writes it. */
  municipality?: string;
  /** The samtale dependency in package.json: a version range (default `^<this version>`), a .tgz file or a folder. */
  samtale?: string;
}

export interface InitResult {
  /** The project folder. */
  root: string;
  /** The files written, relative to it. */
  files: string[];
  /** The base deck the project's decks extend. */
  base: BaseDeck;
  /** The first adaptation, with --municipality. */
  deck?: { id: string; manifestFile: string; contentDir: string };
}

/** What may be in a folder that becomes a project: a repository made first (`git init`). */
const ALLOWED = new Set(['.git']);

/**
 * Writes the project into a hidden folder beside the target and moves it into place only when complete, so
 * a failed run leaves nothing half-written.
 */
export function initProject(options: InitOptions): InitResult {
  const cwd = resolve(options.cwd ?? '.');
  const root = resolve(cwd, options.folder);
  checkTarget(root, options.folder);
  const base = baseDecks()[0];
  if (!base) throw new EnvironmentError('E_NO_DECKS', 'this samtale ships no base deck to build a project on', 'reinstall samtale: npm install samtale');
  const dependency = dependencySpec(options.samtale, cwd, root);
  const staging = join(dirname(root), `.${basename(root)}.samtale-init-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  try {
    mkdirSync(join(staging, 'slides'), { recursive: true });
    mkdirSync(join(staging, 'content'), { recursive: true });
    const name = packageName(basename(root));
    const deckId = options.municipality === undefined ? undefined : adaptationId(options.municipality);
    writeFileSync(join(staging, 'package.json'), `${JSON.stringify(projectPackageJson(name, dependency), null, 2)}\n`);
    writeFileSync(join(staging, '.gitignore'), 'node_modules/\ndist/\n*.log\n');
    const baseTitle = manifestTitle(base.manifest);
    writeFileSync(join(staging, 'README.md'), projectReadme({ title: basename(root), base, ...(baseTitle ? { baseTitle } : {}), ...(deckId ? { deckId } : {}) }));
    // As `samtale new` writes it, from the base deck's plan; its errors (a name that makes no id) stop the run.
    const deck = options.municipality === undefined ? undefined : newAdaptation({ root: staging, name: options.municipality, from: base.name });
    moveInto(staging, root);
    const files = ['package.json', 'README.md', '.gitignore', 'slides/', 'content/'];
    if (!deck) return { root, files, base };
    const moved = (file: string) => join(root, relative(staging, file));
    const placed = { id: deck.id, manifestFile: moved(deck.manifestFile), contentDir: moved(deck.contentDir) };
    return { root, files: [...files, relative(root, placed.manifestFile), `${relative(root, placed.contentDir)}/`], base, deck: placed };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** The target must be new, or an empty folder: samtale init never writes into a folder that has files. */
function checkTarget(root: string, written: string): void {
  const stats = statSync(root, { throwIfNoEntry: false });
  if (!stats) return;
  if (!stats.isDirectory()) throw new EnvironmentError('E_EXISTS', `${written} exists and is not a folder; nothing was written`, 'choose a new folder name');
  const present = readdirSync(root).filter((name) => !ALLOWED.has(name));
  if (present.length > 0) {
    const shown = present.slice(0, 5).join(', ') + (present.length > 5 ? ', …' : '');
    throw new EnvironmentError('E_EXISTS', `${written} is not empty (${shown}); nothing was written`,
      'choose a new folder name, or empty the folder: samtale init starts a project, it never writes into one that has files');
  }
}

/** A version range as written; a .tgz file or a folder as a `file:` path from the new project. */
function dependencySpec(spec: string | undefined, cwd: string, root: string): string {
  if (spec === undefined) return `^${samtaleVersion}`;
  const path = resolve(cwd, spec);
  // A range may start with "~"; a path from the shell arrives with its "~" expanded.
  const looksLikePath = /^(\.\.?[\\/]|\/|[a-z]:[\\/])/i.test(spec) || /\.(tgz|tar\.gz)$/i.test(spec);
  if (!looksLikePath && !existsSync(path)) return spec;
  if (!existsSync(path)) throw new UsageError('E_USAGE', `--samtale ${spec}: there is no such file or folder`, 'give a version range (e.g. ^0.1.0), or the path of a samtale .tgz file');
  return `file:${relative(root, path).split(sep).join('/')}`;
}

/** An npm package name from a folder name: lowercase, URL-safe. */
function packageName(folder: string): string {
  const name = folder.toLowerCase()
    .replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa')
    .normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[-._]+|-+$/g, '')
    .slice(0, 214);
  return name || 'samtale-projekt';
}

function projectPackageJson(name: string, dependency: string): object {
  return {
    name,
    version: '1.0.0',
    private: true,
    description: 'Samtalekort og præsentationer til seminarer med kommunalbestyrelser, lavet med samtale',
    scripts: {
      // The project's own install step runs (npm does not run its dependencies' unless approved): it finds a browser.
      postinstall: 'samtale setup',
      check: 'samtale check',
      build: 'samtale build --all',
      pdf: 'samtale pdf --all',
      pptx: 'samtale pptx --all',
      dev: 'samtale dev',
    },
    dependencies: { samtale: dependency },
    engines: { node: '>=20.19' },
  };
}

/** A manifest's `title`, if it can be read. */
function manifestTitle(file: string): string | undefined {
  try {
    const title = (parse(readFileSync(file, 'utf8')) as { title?: unknown } | null)?.title;
    return typeof title === 'string' ? title : undefined;
  } catch {
    return undefined;
  }
}

/** Moves the staged project into `root`: renamed as a whole when new, entry by entry into an empty folder. */
function moveInto(staging: string, root: string): void {
  if (!existsSync(root)) {
    renameSync(staging, root);
    return;
  }
  for (const name of readdirSync(staging)) renameSync(join(staging, name), join(root, name));
}
