// End-to-end: the same built deck served by a plain static web server, facilitator view included.
import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'puppeteer';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type DeckWindow, launchBrowser, openDeck, watchPage } from '../support/browser.js';

const DIST = fileURLToPath(new URL('../.tmp/dist/', import.meta.url));

let server: Server;
let origin: string;
let browser: Browser;

beforeAll(async () => {
  // The simplest static host: files as they are, with a content type, nothing else.
  server = createServer((request, response) => {
    const file = path.join(DIST, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    const target = file.endsWith('/') ? path.join(file, 'index.html') : file;
    if (!target.startsWith(DIST) || !statSync(target, { throwIfNoEntry: false })?.isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': target.endsWith('.html') ? 'text/html; charset=utf-8' : 'application/octet-stream' });
    createReadStream(target).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
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
