// End-to-end: the participants' edition (participants.html) on a phone and a laptop, offline, axe-core over every section.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, loadDecks } from '../../src/api.js';
import type { Deck } from '../../src/model.js';
import { axeCheck } from '../support/axe.js';
import { launchBrowser, watchPage } from '../support/browser.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DIST = path.join(ROOT, 'tests/.tmp/dist');
const SCREENS = path.join(ROOT, 'tests/.tmp/screens');
const VIDEO_DIST = path.join(ROOT, 'tests/.tmp/participants-video');
const PHONE = { width: 390, height: 844, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

let browser: Browser;
let deck: Deck;

beforeAll(async () => {
  browser = await launchBrowser();
  deck = loadDecks({ root: ROOT }).decks[0]!;
  mkdirSync(SCREENS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
});

/** Opens a participants' edition from file://, blocking (and recording) anything that would leave the machine. */
async function open(file: string, viewport: Parameters<Page['setViewport']>[0]): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage();
  const problems: string[] = [];
  await page.setViewport(viewport);
  watchPage(page, problems);
  await page.setRequestInterception(true);
  page.on('request', (request) => void (/^(file|data|about):/.test(request.url()) ? request.continue() : request.abort('blockedbyclient')));
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return { page, problems };
}

/** axe-core (WCAG 2.1 A and AA) over each section of the page in turn, each scrolled into view first. */
async function axeEverySection(page: Page): Promise<string[]> {
  const sections = await page.$$eval('header.cover, nav.contents, main > article, footer.page-footer', (elements) =>
    elements.map((el, i) => {
      el.setAttribute('data-axe-section', String(i));
      return `[data-axe-section="${i}"]`;
    }));
  expect(sections.length).toBeGreaterThan(3);
  const found: string[] = [];
  for (const selector of sections) {
    await page.$eval(selector, (el) => el.scrollIntoView());
    const results = await axeCheck(page, selector);
    // axe did look: some rules applied to the section and passed.
    expect(results.passes, selector).toBeGreaterThan(0);
    found.push(...results.violations.map((violation) => `${selector} ${violation}`));
  }
  return found;
}

describe('the participants\' edition on a phone (390×844)', () => {
  const file = () => path.join(DIST, 'sociale-medier', 'participants.html');

  it('is built beside the deck', () => {
    expect(existsSync(file())).toBe(true);
  });

  it('reads as a page: every card in order, questions and quotes at 16 px or more, no horizontal scrolling, nothing loaded', async () => {
    const { page, problems } = await open(file(), PHONE);
    try {
      const layout = await page.evaluate(() => {
        const size = (el: Element) => parseFloat(getComputedStyle(el).fontSize);
        const texts = Array.from(document.querySelectorAll('.questions > li, .action p, .quote blockquote p, .quote figcaption, .prose p, .video p'));
        return {
          cards: Array.from(document.querySelectorAll('main > article')).map((a) => a.id),
          scrollWidth: document.documentElement.scrollWidth,
          clientWidth: document.documentElement.clientWidth,
          wider: Array.from(document.querySelectorAll('body *')).filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
            .filter((el) => !el.closest('.skip-link')).map((el) => el.outerHTML.slice(0, 80)),
          smallest: Math.min(...texts.map(size)),
          counted: texts.length,
          questionSize: size(document.querySelector('.questions > li')!),
          scripts: document.scripts.length,
        };
      });
      expect(layout.cards).toEqual(deck.cards.map((c) => `kort-${c.card.id}`));
      expect(layout.scrollWidth).toBe(layout.clientWidth);
      expect(layout.wider).toEqual([]);
      expect(layout.counted).toBeGreaterThan(50);
      expect(layout.smallest).toBeGreaterThanOrEqual(16);
      expect(layout.questionSize).toBeGreaterThanOrEqual(18);
      expect(layout.scripts).toBe(0);
      expect(problems).toEqual([]);

      // For a person to look at: the top of the page and a card.
      await page.screenshot({ path: path.join(SCREENS, 'participants-phone-top.png') });
      await page.$eval('#kort-om-at-bruge-sociale-medier', (el) => el.scrollIntoView());
      await page.screenshot({ path: path.join(SCREENS, 'participants-phone-card.png') });
      for (const shot of ['participants-phone-top.png', 'participants-phone-card.png']) expect(statSync(path.join(SCREENS, shot)).size).toBeGreaterThan(20_000);
    } finally {
      await page.close();
    }
  });

  it('has no axe-core violations (WCAG 2.1 A/AA) in any section', async () => {
    const { page } = await open(file(), PHONE);
    try {
      expect(await axeEverySection(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('offers a skip link first, and takes you to a card from the contents', async () => {
    const { page } = await open(file(), PHONE);
    try {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
      await page.click('nav.contents a[href="#kort-om-at-moderere-debatten"]');
      await page.waitForFunction(() => location.hash === '#kort-om-at-moderere-debatten');
      const top = await page.$eval('#kort-om-at-moderere-debatten', (el) => el.getBoundingClientRect().top);
      expect(Math.abs(top)).toBeLessThan(2);
    } finally {
      await page.close();
    }
  });
});

describe('the participants\' edition on a laptop, and in a municipality\'s branding', () => {
  it('has no axe-core violations at 1280×800, for the KL deck and for Solby', async () => {
    for (const id of ['sociale-medier', 'solby']) {
      const { page, problems } = await open(path.join(DIST, id, 'participants.html'), { width: 1280, height: 800 });
      try {
        // The whole page at once here; section by section on the phone.
        const results = await axeCheck(page);
        expect(results.violations, id).toEqual([]);
        expect(results.passes).toBeGreaterThan(10);
        expect(problems, id).toEqual([]);
        if (id === 'solby') {
          const logo = await page.$eval('.cover-logo', (el) => getComputedStyle(el).backgroundImage);
          expect(logo).toMatch(/^url\("data:image\/svg\+xml/);
          await page.evaluate(() => window.scrollTo(0, 0));
          await page.screenshot({ path: path.join(SCREENS, 'participants-solby-laptop.png') });
        }
      } finally {
        await page.close();
      }
    }
  });
});

describe('a local video in the participants\' edition', () => {
  it('plays from the file beside the page, with its captions, and passes axe', async () => {
    await build({ root: path.join(ROOT, 'tests/fixtures/video'), outDir: VIDEO_DIST, decks: ['lokal'] });
    const { page, problems } = await open(path.join(VIDEO_DIST, 'lokal', 'participants.html'), PHONE);
    try {
      const video = await page.$eval('video', (el) => ({ src: el.getAttribute('src'), track: el.querySelector('track')?.getAttribute('src')?.slice(0, 22), kind: el.querySelector('track')?.kind }));
      expect(video.src).toMatch(/^media\/[0-9a-f]+\.webm/);
      expect(existsSync(path.join(VIDEO_DIST, 'lokal', video.src!.replace(/#.*$/, '')))).toBe(true);
      expect(video).toMatchObject({ track: 'data:text/vtt;charset=', kind: 'captions' });
      await page.$eval('video', (el) => {
        el.muted = true;
        return el.play();
      });
      await page.waitForFunction(() => (document.querySelector('video')?.currentTime ?? 0) > 0);
      await page.waitForFunction(() => (document.querySelector('video')?.textTracks[0]?.cues?.length ?? 0) > 0);
      expect(problems).toEqual([]);
      expect(await axeEverySection(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
