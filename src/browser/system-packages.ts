// Installing what samtale needs from the system's packages: apt-get on Debian or Ubuntu as root, advice elsewhere.
//
// Used by `samtale setup` (a consultant's project runs it after `npm install`) and by the repository's own
// setup (scripts/ensure-browser.mjs), so both find and install a browser the same way.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Prints a line of the setup, as `samtale: …`. */
export function say(line: string): void {
  console.log(`samtale: ${line}`);
}

/** Like `which`: the first of `names` in a PATH directory. */
export function onPath(names: readonly string[]): string | undefined {
  const exts = process.platform === 'win32' ? ['.exe', ''] : [''];
  for (const dir of (process.env['PATH'] ?? '').split(path.delimiter).filter(Boolean)) {
    for (const name of names) for (const ext of exts) if (isFile(path.join(dir, name + ext))) return path.join(dir, name + ext);
  }
  return undefined;
}

/** Debian or a derivative (Ubuntu), where `apt-get install` names the packages we need. */
export function isDebianLike(): boolean {
  if (process.platform !== 'linux') return false;
  if (existsSync('/etc/debian_version')) return true;
  try {
    return /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(readFileSync('/etc/os-release', 'utf8'));
  } catch {
    return false;
  }
}

/** Whether packages can be installed here without asking anyone: Debian-like, root, apt-get, not switched off. */
export function canApt(): boolean {
  return (
    process.env['SAMTALE_SKIP_BROWSER_INSTALL'] !== '1' &&
    isDebianLike() &&
    process.getuid?.() === 0 &&
    onPath(['apt-get']) !== undefined
  );
}

/**
 * Whether fontconfig knows a colour emoji font: the PDFs draw emoji with it (src/export/emoji.ts). Only asked
 * where fontconfig is (Linux); macOS and Windows come with one.
 */
export function hasEmojiFont(): boolean {
  if (onPath(['fc-list']) === undefined) return true;
  const run = spawnSync('fc-list', [':color=True', 'family'], { encoding: 'utf8', timeout: 30_000 });
  return run.status !== 0 || run.stdout.trim() !== '';
}

/** Installs; only when that fails (usually stale or absent package lists) runs `apt-get update` and retries. */
export function aptInstall(packages: readonly string[], options: readonly string[] = [], report: (line: string) => void = say): boolean {
  report(`installing ${packages.join(' ')} with apt-get`);
  const install = ['install', '-y', ...options, ...packages];
  if (apt(install)) return true;
  report('apt-get install failed; updating the package lists and trying again');
  return apt(['update']) && apt(install);
}

function apt(args: readonly string[]): boolean {
  const run = spawnSync('apt-get', args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    timeout: 20 * 60_000,
  });
  return run.status === 0;
}

function isFile(file: string): boolean {
  return statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
}
