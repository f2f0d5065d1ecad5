// Earlier versions of a card file, from the project's own git history: what an adaptation's change may have
// been written against. Read only when a change finds nothing, and only from a repository that lies in the
// project folder itself (git is told not to look above it), so nothing outside the project is read.
import { execFileSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { dirname, relative, sep } from 'node:path';
import { isWithin, projectPlaces } from './places.js';

/** The texts of a card file's earlier committed versions, newest first; none without a repository. */
export type CardHistory = (file: string) => readonly string[];

/** How far back a change is looked for: enough for years of updates to a card. */
const MAX_VERSIONS = 50;

/** The card history of the project at `root`, each file's read once. */
export function gitCardHistory(root: string): CardHistory {
  const { realRoot } = projectPlaces(root);
  const cache = new Map<string, string[]>();
  let repository: boolean | undefined;
  const git = (args: string[], input?: string): Buffer => execFileSync('git', ['-c', 'core.fsmonitor=false', ...args], {
    cwd: realRoot, env: gitEnvironment(realRoot), input, maxBuffer: 256 * 1024 * 1024, stdio: ['pipe', 'pipe', 'ignore'],
  });
  const insideRepository = (): boolean => {
    if (repository === undefined) {
      try {
        const [top, gitDir] = git(['rev-parse', '--show-toplevel', '--absolute-git-dir']).toString('utf8').trim().split('\n');
        repository = top !== undefined && gitDir !== undefined && realpathSync(top) === realRoot && isWithin(realRoot, realpathSync(gitDir));
      } catch {
        repository = false;
      }
    }
    return repository;
  };
  return (file) => {
    let versions = cache.get(file);
    if (versions) return versions;
    versions = [];
    if (insideRepository()) {
      try {
        const path = relative(realRoot, realpathSync(file)).split(sep).join('/');
        const commits = git(['log', '--format=%H', `-n${MAX_VERSIONS}`, '--', path]).toString('utf8').split('\n').filter(Boolean);
        if (commits.length > 0) versions = blobs(git(['cat-file', '--batch'], commits.map((commit) => `${commit}:${path}`).join('\n') + '\n'));
      } catch {
        // No git, or a history git cannot read: the change is judged without it.
      }
    }
    cache.set(file, versions);
    return versions;
  };
}

/** The contents of `git cat-file --batch` output: "<sha> blob <size>\n<bytes>\n" per object, "… missing" for none. */
function blobs(output: Buffer): string[] {
  const texts: string[] = [];
  let at = 0;
  while (at < output.length) {
    const end = output.indexOf(0x0a, at);
    if (end < 0) break;
    const header = output.subarray(at, end).toString('utf8').split(' ');
    at = end + 1;
    if (header[1] !== 'blob') continue;
    const size = Number(header[2]);
    texts.push(output.subarray(at, at + size).toString('utf8'));
    at += size + 1;
  }
  return texts;
}

/** The environment git runs in: no variable that points it at another repository, and no looking above the project. */
function gitEnvironment(realRoot: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('GIT_')) env[key] = value;
  return { ...env, GIT_CEILING_DIRECTORIES: dirname(realRoot), GIT_OPTIONAL_LOCKS: '0' };
}
