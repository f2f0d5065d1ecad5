// Test helpers: launch the resolved Chromium, open a built deck from file:// and collect everything that went wrong.

import path from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer';
import type { RevealApi } from 'reveal.js';
import { launchOptions } from '../../src/browser/find-browser.js';

/** `window` of a deck page, for page.evaluate callbacks (types only; they are erased before serialising). */
export type DeckWindow = Window & { Reveal: RevealApi };

/** URL schemes a self-contained deck may use; anything else would leave the machine. */
const LOCAL_SCHEMES = new Set(['file:', 'data:', 'about:', 'blob:']);

/** Launches headless Chromium the same way `samtale pdf` does (same browser resolution, same flags). */
export async function launchBrowser(): Promise<Browser> {
  return puppeteer.launch(launchOptions());
}

export interface OpenedDeck {
  page: Page;
  /** Console errors, page errors, CSP violations, failed loads and requests that tried to leave the machine. */
  problems: string[];
}

export interface OpenDeckOptions {
  viewport?: { width: number; height: number };
  /** How long to wait for reveal.js to be ready. */
  timeout?: number;
  /** Origins besides file: that count as this machine, e.g. the test's own http://127.0.0.1:PORT. */
  localOrigins?: string[];
}

/**
 * Opens a deck file at 1280×720 (the deck's own size, so 1 CSS px is 1 slide px) and waits for reveal.js.
 * Requests leaving the machine are recorded and blocked, never sent: a deck must work offline.
 */
export async function openDeck(browser: Browser, file: string, options: OpenDeckOptions = {}): Promise<OpenedDeck> {
  const problems: string[] = [];
  const page = await browser.newPage();
  const localOrigins = options.localOrigins ?? [];
  const isLocal = (url: string) => isLocalUrl(url, localOrigins);
  await page.setViewport(options.viewport ?? { width: 1280, height: 720 });
  watchPage(page, problems, localOrigins);
  await reportCspViolations(page, problems);
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.isInterceptResolutionHandled()) return;
    void (isLocal(request.url()) ? request.continue() : request.abort('blockedbyclient'));
  });

  const url = /^https?:\/\//.test(file) ? file : pathToFileURL(path.resolve(file)).href;
  await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
  try {
    await page.waitForFunction(() => (window as unknown as Partial<DeckWindow>).Reveal?.isReady?.() === true, {
      timeout: options.timeout ?? 15_000,
    });
  } catch (error) {
    // The problems usually say why the runtime never started; a bare timeout would hide them.
    throw new Error(`reveal.js did not become ready in ${file}: ${String(error)}\n${problems.join('\n')}`);
  }
  return { page, problems };
}

/**
 * Records into `problems` a page's console errors, uncaught errors, failed local loads and requests that
 * try to leave the machine. Needs no request interception, so it also works on a popup the deck opens
 * (the speaker view).
 */
export function watchPage(page: Page, problems: string[], localOrigins: readonly string[] = []): void {
  const isLocal = (url: string) => isLocalUrl(url, localOrigins);
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const { url, lineNumber } = message.location();
    problems.push(`console error: ${message.text()}${url ? ` (${url}:${lineNumber ?? '?'})` : ''}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error instanceof Error ? error.message : String(error)}`));
  page.on('request', (request) => {
    if (!isLocal(request.url())) problems.push(`request leaving the machine: ${request.method()} ${shorten(request.url())}`);
  });
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? 'failed';
    // Non-local requests are recorded above; ERR_ABORTED is a load the page itself cancelled (e.g. a video).
    if (isLocal(request.url()) && reason !== 'net::ERR_ABORTED') problems.push(`failed to load ${shorten(request.url())}: ${reason}`);
  });
}

/**
 * Chrome reports CSP violations only to the DevTools log, not to the console API, so listen for them in
 * the page (before any of its scripts run) and pass them out through a binding.
 */
async function reportCspViolations(page: Page, problems: string[]): Promise<void> {
  await page.exposeFunction('__samtaleCspViolation', (text: string) => {
    problems.push(`CSP violation: ${text}`);
  });
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __samtaleCspViolation?: (text: string) => void }).__samtaleCspViolation;
      void report?.(`${event.violatedDirective} blocked ${event.blockedURI || 'inline code'} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
}

function isLocalUrl(url: string, localOrigins: readonly string[]): boolean {
  return LOCAL_SCHEMES.has(url.slice(0, url.indexOf(':') + 1).toLowerCase()) || localOrigins.some((origin) => url.startsWith(`${origin}/`));
}

/** data: URLs of inlined fonts are long; a problem line needs only their start. */
function shorten(url: string): string {
  return url.length > 160 ? `${url.slice(0, 157)}...` : url;
}
