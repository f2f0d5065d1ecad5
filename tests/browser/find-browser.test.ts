// Unit tests of the browser resolution order, with the environment and file system injected.

import { computeExecutablePath, detectBrowserPlatform, type Browser } from '@puppeteer/browsers';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BrowserNotFoundError,
  chromiumArgs,
  findBrowser,
  launchOptions,
  systemCandidates,
} from '../../src/browser/find-browser.js';

/** An `exists` that knows only the given files, so this machine's browsers never leak into a test. */
function files(...paths: string[]): (file: string) => boolean {
  const set = new Set(paths);
  return (file) => set.has(file);
}

const linux = { platform: 'linux' as const, puppeteerPath: null };

describe('findBrowser', () => {
  it('prefers SAMTALE_BROWSER over the other variables, Puppeteer and the system', () => {
    const found = findBrowser({
      ...linux,
      env: { SAMTALE_BROWSER: '/opt/mine', PUPPETEER_EXECUTABLE_PATH: '/opt/pptr', CHROME_PATH: '/opt/chrome' },
      puppeteerPath: '/cache/chrome',
      exists: files('/opt/mine', '/opt/pptr', '/opt/chrome', '/cache/chrome', '/usr/bin/chromium'),
    });
    expect(found).toEqual({ path: '/opt/mine', source: 'setting' });
  });

  it('checks PUPPETEER_EXECUTABLE_PATH before CHROME_PATH', () => {
    const exists = files('/opt/pptr', '/opt/chrome');
    expect(findBrowser({ ...linux, env: { PUPPETEER_EXECUTABLE_PATH: '/opt/pptr', CHROME_PATH: '/opt/chrome' }, exists })).toEqual({
      path: '/opt/pptr',
      source: 'setting',
    });
    expect(findBrowser({ ...linux, env: { CHROME_PATH: '/opt/chrome' }, exists })).toEqual({ path: '/opt/chrome', source: 'setting' });
  });

  it('puts an explicit browser setting before the environment', () => {
    const found = findBrowser({ ...linux, browser: '/flag/chrome', env: { SAMTALE_BROWSER: '/opt/mine' }, exists: files('/flag/chrome', '/opt/mine') });
    expect(found).toEqual({ path: '/flag/chrome', source: 'setting' });
  });

  it('fails, naming the variable, when a variable points at a missing file', () => {
    const run = () => findBrowser({ ...linux, env: { CHROME_PATH: '/nope/chrome' }, exists: files('/usr/bin/chromium') });
    expect(run).toThrow(BrowserNotFoundError);
    expect(run).toThrow(/CHROME_PATH is set to \/nope\/chrome/);
    try {
      run();
    } catch (error) {
      expect((error as BrowserNotFoundError).variable).toBe('CHROME_PATH');
      expect((error as BrowserNotFoundError).code).toBe('E_NO_BROWSER');
    }
  });

  it('ignores variables that are set but empty', () => {
    const found = findBrowser({ ...linux, env: { SAMTALE_BROWSER: '', CHROME_PATH: '' }, exists: files('/usr/bin/chromium') });
    expect(found).toEqual({ path: '/usr/bin/chromium', source: 'system' });
  });

  it("uses Puppeteer's browser when it is installed", () => {
    const found = findBrowser({ ...linux, env: {}, puppeteerPath: '/cache/chrome', exists: files('/cache/chrome', '/usr/bin/chromium') });
    expect(found).toEqual({ path: '/cache/chrome', source: 'puppeteer' });
  });

  it("asks for Puppeteer's path lazily and skips it when the file is absent", () => {
    let asked = 0;
    const puppeteerPath = () => {
      asked += 1;
      return '/cache/chrome';
    };
    const found = findBrowser({ ...linux, env: {}, puppeteerPath, exists: files('/usr/bin/chromium') });
    expect(found).toEqual({ path: '/usr/bin/chromium', source: 'system' });
    expect(asked).toBe(1);
    findBrowser({ ...linux, env: { SAMTALE_BROWSER: '/opt/mine' }, puppeteerPath, exists: files('/opt/mine') });
    expect(asked).toBe(1);
  });

  it("finds the newest Chrome in Puppeteer's cache ($PUPPETEER_CACHE_DIR), where Puppeteer or npx puppeteer put it", () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'samtale-puppeteer-cache-'));
    try {
      const install = (browser: `${Browser}`, buildId: string) => {
        const file = computeExecutablePath({ browser: browser as Browser, buildId, cacheDir, platform: detectBrowserPlatform()! });
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, '');
        return file;
      };
      install('chrome', '129.0.6668.100');
      const newest = install('chrome', '131.0.6778.85');
      install('firefox', 'stable_140.0');
      const found = findBrowser({ platform: 'linux', env: { PUPPETEER_CACHE_DIR: cacheDir }, exists: files(newest, '/usr/bin/chromium') });
      expect(found).toEqual({ path: newest, source: 'puppeteer' });
      const empty = join(cacheDir, 'empty');
      expect(findBrowser({ platform: 'linux', env: { PUPPETEER_CACHE_DIR: empty }, exists: files('/usr/bin/chromium') }).source).toBe('system');
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });

  it('tries the Debian paths in order, then PATH', () => {
    const env = { PATH: '/home/me/bin:/snap/bin' };
    expect(findBrowser({ ...linux, env, exists: files('/usr/bin/google-chrome', '/usr/bin/chromium-browser') })).toEqual({
      path: '/usr/bin/chromium-browser',
      source: 'system',
    });
    expect(findBrowser({ ...linux, env, exists: files('/snap/bin/chromium') })).toEqual({ path: '/snap/bin/chromium', source: 'system' });
  });

  it('finds Chrome on macOS', () => {
    const chrome = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    const found = findBrowser({ platform: 'darwin', puppeteerPath: null, env: { HOME: '/Users/me' }, exists: files(chrome) });
    expect(found).toEqual({ path: chrome, source: 'system' });
    const mine = '/Users/me/Applications/Chromium.app/Contents/MacOS/Chromium';
    expect(findBrowser({ platform: 'darwin', puppeteerPath: null, env: { HOME: '/Users/me' }, exists: files(mine) }).path).toBe(mine);
  });

  it('finds Chrome on Windows, reading environment names case-insensitively', () => {
    const chrome = 'D:\\Apps\\Google\\Chrome\\Application\\chrome.exe';
    const found = findBrowser({ platform: 'win32', puppeteerPath: null, env: { ProgramFiles: 'D:\\Apps' }, exists: files(chrome) });
    expect(found).toEqual({ path: chrome, source: 'system' });
    const candidates = systemCandidates({ Path: 'C:\\tools' }, 'win32');
    expect(candidates).toContain('C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe');
    expect(candidates).toContain('C:\\tools\\chrome.exe');
  });

  it('says what to install when nothing is found', () => {
    const none = () => false;
    expect(() => findBrowser({ ...linux, env: {}, exists: none })).toThrow(/sudo apt-get install chromium/);
    expect(() => findBrowser({ platform: 'darwin', puppeteerPath: null, env: {}, exists: none })).toThrow(/Google Chrome/);
    expect(() => findBrowser({ ...linux, env: {}, exists: none })).toThrow(/SAMTALE_BROWSER=\/path/);
  });
});

describe('launchOptions', () => {
  it('launches the found browser headless with the container-safe flags', () => {
    const options = launchOptions({ ...linux, env: {}, exists: files('/usr/bin/chromium') });
    expect(options).toEqual({ executablePath: '/usr/bin/chromium', headless: true, args: [...chromiumArgs] });
    expect(chromiumArgs).toEqual(expect.arrayContaining(['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run']));
  });
});
