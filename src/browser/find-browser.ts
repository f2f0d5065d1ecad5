// Finds a Chromium or Chrome for PDF export and browser tests: a setting, then Puppeteer's browser, then the system's.

import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import path from 'node:path';
// Type-only: nothing of Puppeteer is loaded when this module is imported, so `samtale build` stays fast.
import type { LaunchOptions } from 'puppeteer-core';
import { EnvironmentError } from '../diagnostics/deck-error.js';

/** Where a browser was found, and which rule found it. */
export interface BrowserLocation {
  path: string;
  source: 'setting' | 'puppeteer' | 'system';
}

/** The environment variables that name a browser, checked in this order. */
export const BROWSER_ENV_VARS = ['SAMTALE_BROWSER', 'PUPPETEER_EXECUTABLE_PATH', 'CHROME_PATH'] as const;

/**
 * Everything the search depends on, injectable so that tests do not depend on the machine.
 * Each defaults to the real thing.
 */
export interface FindBrowserOptions {
  /** An explicit browser path from a setting (e.g. a `--browser` flag); wins over everything. */
  browser?: string;
  env?: Record<string, string | undefined>;
  /** Whether a file exists (and is a file, not a directory). */
  exists?: (file: string) => boolean;
  platform?: NodeJS.Platform;
  /** Puppeteer's browser path; `null` when Puppeteer has none. By default looked up in Puppeteer's cache, lazily. */
  puppeteerPath?: string | null | (() => string | null);
}

/** No usable browser: either none is installed, or a setting names a file that does not exist. */
export class BrowserNotFoundError extends EnvironmentError {
  override readonly code = 'E_NO_BROWSER';
  /** The setting or environment variable that named a missing file, if that was the problem. */
  readonly variable?: string;

  constructor(message: string, variable?: string) {
    super('E_NO_BROWSER', message);
    this.name = 'BrowserNotFoundError';
    if (variable !== undefined) this.variable = variable;
  }
}

/**
 * Headless flags that work as root in a container with the network closed (see DESIGN.md):
 * no sandbox (root), no GPU, nothing phoning home, and /tmp instead of a small /dev/shm.
 */
export const chromiumArgs: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

/** Resolves the browser to use. Throws {@link BrowserNotFoundError} with install advice when there is none. */
export function findBrowser(options: FindBrowserOptions = {}): BrowserLocation {
  const env = options.env ?? process.env;
  const exists = options.exists ?? isFile;
  const platform = options.platform ?? process.platform;

  if (options.browser) {
    if (exists(options.browser)) return { path: options.browser, source: 'setting' };
    throw new BrowserNotFoundError(`The browser setting names ${options.browser}, which does not exist.`, 'browser');
  }
  for (const name of BROWSER_ENV_VARS) {
    const value = getEnv(env, name, platform);
    if (!value) continue;
    // A wrong setting is an error rather than a reason to fall through: the user asked for that browser.
    if (exists(value)) return { path: value, source: 'setting' };
    throw new BrowserNotFoundError(
      `${name} is set to ${value}, but there is no such file. Point it at a Chromium or Chrome executable, or unset it.`,
      name,
    );
  }

  const fromPuppeteer = resolvePuppeteerPath(options.puppeteerPath, env);
  if (fromPuppeteer && exists(fromPuppeteer)) return { path: fromPuppeteer, source: 'puppeteer' };

  for (const candidate of systemCandidates(env, platform)) {
    if (exists(candidate)) return { path: candidate, source: 'system' };
  }
  throw new BrowserNotFoundError(notFoundMessage(platform, fromPuppeteer));
}

/** Puppeteer launch options for the browser {@link findBrowser} resolves. */
export function launchOptions(options: FindBrowserOptions = {}): LaunchOptions {
  return { executablePath: findBrowser(options).path, headless: true, args: [...chromiumArgs] };
}

/** Well-known install locations, then the usual executable names on PATH (like `which`). */
export function systemCandidates(env: Record<string, string | undefined>, platform: NodeJS.Platform): string[] {
  const p = platform === 'win32' ? path.win32 : path.posix;
  const fixed: string[] = [];
  let names: string[];
  if (platform === 'darwin') {
    const apps = ['Google Chrome.app/Contents/MacOS/Google Chrome', 'Chromium.app/Contents/MacOS/Chromium'];
    const home = getEnv(env, 'HOME', platform);
    for (const app of apps) fixed.push(p.join('/Applications', app));
    if (home) for (const app of apps) fixed.push(p.join(home, 'Applications', app));
    names = ['chromium', 'google-chrome', 'chrome'];
  } else if (platform === 'win32') {
    const roots = [
      getEnv(env, 'PROGRAMFILES', platform) ?? 'C:\\Program Files',
      getEnv(env, 'PROGRAMFILES(X86)', platform) ?? 'C:\\Program Files (x86)',
      getEnv(env, 'LOCALAPPDATA', platform),
    ].filter((r): r is string => Boolean(r));
    for (const root of roots) fixed.push(p.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'));
    for (const root of roots) fixed.push(p.join(root, 'Chromium', 'Application', 'chrome.exe'));
    // Edge is Chromium and on every Windows machine, so it is the last resort rather than an error.
    for (const root of roots) fixed.push(p.join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'));
    names = ['chrome.exe', 'chromium.exe', 'msedge.exe'];
  } else {
    fixed.push('/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable');
    names = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];
  }
  const dirs = (getEnv(env, 'PATH', platform) ?? '').split(p.delimiter).filter(Boolean);
  const onPath = dirs.flatMap((dir) => names.map((name) => p.join(dir, name)));
  return [...new Set([...fixed, ...onPath])];
}

function resolvePuppeteerPath(option: FindBrowserOptions['puppeteerPath'], env: Record<string, string | undefined>): string | null {
  if (option === undefined) return puppeteerCacheBrowser(env);
  return typeof option === 'function' ? option() : option;
}

/** What samtale needs of @puppeteer/browsers (the package that puppeteer-core installs browsers with). */
interface PuppeteerBrowsers {
  Cache: new (dir: string) => { getInstalledBrowsers(): { browser: string; buildId: string; platform: string; executablePath: string }[] };
  detectBrowserPlatform(): string | undefined;
}

/**
 * The newest Chrome in Puppeteer's cache (`$PUPPETEER_CACHE_DIR`, else ~/.cache/puppeteer): what Puppeteer
 * downloaded, here or for another project, or what `npx puppeteer browsers install chrome` installed. samtale
 * depends on puppeteer-core, which never downloads a browser during `npm install`. Loaded only now (and
 * synchronously, through require) so that importing this module costs nothing; null when there is none.
 */
function puppeteerCacheBrowser(env: Record<string, string | undefined>): string | null {
  try {
    const require = createRequire(import.meta.url);
    const { Cache, detectBrowserPlatform } = require('@puppeteer/browsers') as PuppeteerBrowsers;
    const platform = detectBrowserPlatform();
    const installed = new Cache(env['PUPPETEER_CACHE_DIR'] ?? path.join(homedir(), '.cache', 'puppeteer')).getInstalledBrowsers()
      .filter((browser) => browser.platform === platform && ['chrome', 'chrome-headless-shell'].includes(browser.browser))
      .sort((a, b) => compareBuildIds(b.buildId, a.buildId));
    return installed[0]?.executablePath ?? null;
  } catch {
    return null;
  }
}

/** "131.0.6778.85" against "130.0.6723.58", part by part. */
function compareBuildIds(a: string, b: string): number {
  const [x, y] = [a.split('.').map(Number), b.split('.').map(Number)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function notFoundMessage(platform: NodeJS.Platform, puppeteerPath: string | null): string {
  const install =
    platform === 'darwin' || platform === 'win32'
      ? 'install Google Chrome (https://www.google.com/chrome/)'
      : "on Debian/Ubuntu: sudo apt-get install chromium (elsewhere: your distribution's chromium package)";
  return [
    'No Chromium or Chrome found; PDF export and the browser tests need one.',
    `Looked at $${BROWSER_ENV_VARS.join(', $')}, Puppeteer's browser${puppeteerPath ? ` (${puppeteerPath})` : ''}, the usual install locations and PATH.`,
    'To fix it, do one of:',
    `  - ${install}`,
    '  - set SAMTALE_BROWSER=/path/to/chrome',
    '  - let Puppeteer download its browser: npx puppeteer browsers install chrome',
  ].join('\n');
}

/** Reads an environment variable; on Windows names are case-insensitive (`Path`, `ProgramFiles`). */
function getEnv(env: Record<string, string | undefined>, name: string, platform: NodeJS.Platform): string | undefined {
  if (env[name] !== undefined || platform !== 'win32') return env[name];
  const key = Object.keys(env).find((k) => k.toUpperCase() === name.toUpperCase());
  return key === undefined ? undefined : env[key];
}

function isFile(file: string): boolean {
  return statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
}
