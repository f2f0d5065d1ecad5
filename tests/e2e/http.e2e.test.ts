// End-to-end: the same built deck served by a plain static web server, facilitator view included.
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'puppeteer';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type DeckWindow, launchBrowser, openDeck, watchPage } from '../support/browser.js';
import { serveStatic, type StaticServer } from '../support/static-server.js';

const DIST = fileURLToPath(new URL('../.tmp/dist/', import.meta.url));

let server: StaticServer;
let origin: string;
let browser: Browser;

beforeAll(async () => {
  server = await serveStatic(DIST);
  origin = server.origin;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('runs from a static web server without errors or requests elsewhere, and its facilitator view connects', async () => {
  const { page, problems } = await openDeck(browser, `${origin}/sociale-medier/`, { localOrigins: [origin] });
  const slides = await page.evaluate(() => (window as unknown as DeckWindow).Reveal.getTotalSlides());
  expect(slides).toBeGreaterThan(50);

  const popupProblems: string[] = [];
  const opened = new Promise<Page | null>((resolve) => page.once('popup', resolve));
  await page.keyboard.press('s');
  const popup = await opened;
  expect(popup, 'no facilitator view window opened').not.toBeNull();
  watchPage(popup!, popupProblems, [origin]);
  await popup!.waitForSelector('.fv[data-connected="true"]', { timeout: 15_000 });
  const notes = await popup!.waitForFunction(() => document.querySelector('.fv-notes-body')?.textContent?.trim() || false, { timeout: 15_000 });
  expect(String(await notes.jsonValue())).toMatch(/\w/);
  // The plan is there: every card with its planned minutes, and a projected end.
  expect(await popup!.$$eval('.fv-plan-row[data-effective-seconds]', (rows) => rows.length)).toBeGreaterThan(10);
  await popup!.waitForSelector('.fv-projection[data-projected-end]', { timeout: 5_000 });
  await popup!.close();
  expect([...problems, ...popupProblems]).toEqual([]);
});
