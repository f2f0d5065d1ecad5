// A sandbox for hostile input: a project beside an "outside" folder, and a fingerprint of everything in it,
// so a test can prove that nothing outside the output folder was read into the output or changed.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const repo = join(import.meta.dirname, '..', '..');
const bin = join(repo, 'bin', 'samtale.js');

export interface Sandbox {
  /** Holds `project/` and `outside/`. */
  dir: string;
  project: string;
  outside: string;
}

/** A copy of tests/fixtures/valid as `project/`, and beside it `outside/` with a folder, a manifest, a card and a secret. */
export function sandbox(parent: string): Sandbox {
  const dir = mkdtempSync(join(parent, 'sandbox-'));
  const project = join(dir, 'project');
  const outside = join(dir, 'outside');
  cpSync(join(repo, 'tests', 'fixtures', 'valid'), project, { recursive: true });
  mkdirSync(join(outside, 'victim'), { recursive: true });
  writeFileSync(join(outside, 'victim', 'keep.txt'), 'this folder must survive\n');
  writeFileSync(join(outside, 'victim.yaml'), 'title: Offer\ncards:\n  - om-vores-kodeks\n');
  writeFileSync(join(outside, 'secret.md'), '---\ntitle: SECRET-CARD-TEXT\nminutes: 5\n---\n\n? SECRET-QUESTION?\n');
  writeFileSync(join(outside, 'secret.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><text>SECRET-LOGO</text></svg>\n');
  writeFileSync(join(outside, 'secret.mp4'), 'SECRET-VIDEO-BYTES');
  return { dir, project, outside };
}

export function scratchDir(): string {
  return mkdtempSync(join(tmpdir(), 'samtale-hostile-'));
}

/**
 * Every entry under `root` with its kind and content hash (links by their target, never followed), except the
 * paths `skip` names (the output folder a command may write).
 */
export function fingerprint(root: string, skip: readonly string[] = []): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const rel = relative(root, path);
      if (skip.some((s) => rel === s || rel.startsWith(`${s}/`))) continue;
      const stat = lstatSync(path);
      if (stat.isSymbolicLink()) found.set(rel, `link ${readlinkSync(path)}`);
      else if (stat.isDirectory()) {
        found.set(rel, 'dir');
        walk(path);
      } else found.set(rel, `file ${createHash('sha256').update(readFileSync(path)).digest('hex')} ${stat.mtimeMs}`);
    }
  };
  walk(root);
  return found;
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function samtale(args: readonly string[], cwd: string): Run {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 120_000, env: { ...process.env, SAMTALE_DEBUG: '' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** All of a folder's files' text, for "the secret did not get in" checks. */
export function allText(dir: string): string {
  let text = '';
  const walk = (d: string) => {
    let names: string[];
    try {
      names = readdirSync(d);
    } catch {
      return;
    }
    for (const name of names) {
      const path = join(d, name);
      const stat = lstatSync(path);
      if (stat.isDirectory()) walk(path);
      else if (stat.isFile()) text += readFileSync(path).toString('latin1');
    }
  };
  walk(dir);
  return text;
}
