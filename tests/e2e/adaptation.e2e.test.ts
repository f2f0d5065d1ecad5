// End-to-end: the example adaptation (Solby Kommune) in headless Chromium: its facts, cards, colours, logo, quote.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.js';
import { type DeckWindow, launchBrowser, openDeck } from '../support/browser.js';

const DECK = fileURLToPath(new URL('../.tmp/dist/solby/index.html', import.meta.url));
const SCREENS = fileURLToPath(new URL('../.tmp/screens/', import.meta.url));

let browser: Browser;
let page: Page;
let problems: string[];

beforeAll(async () => {
  browser = await launchBrowser();
  ({ page, problems } = await openDeck(browser, DECK));
  await page.evaluate(() => (window as unknown as DeckWindow).Reveal.configure({ transition: 'none' }));
});

afterAll(async () => {
  await browser?.close();
});

const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

describe('the Solby adaptation', () => {
  it('shows the municipality, the date, the place and the facilitator on the title slide', async () => {
    const text = await page.$eval('section.samtale-title', (s) => (s as HTMLElement).innerText);
    expect(text).toContain('Solby Kommune');
    expect(text).toContain('2. marts 2027');
    expect(text).toContain('Byrådssalen, Solby Rådhus');
    expect(text).toContain('Facilitator: Mette Kragh, KL');
    await page.screenshot({ path: path.join(SCREENS, 'solby-title.png') as `${string}.png` });
  });

  it('has only its own cards, in its order, with its break on the agenda', async () => {
    const cards = await page.$$eval('section[data-card]', (sections) => [...new Set(sections.map((s) => (s as HTMLElement).dataset['card']))]);
    expect(cards).toEqual(['kom-godt-i-gang', 'om-at-bruge-sociale-medier', 'om-at-vaere-rollemodel', 'om-at-moderere-debatten',
      'om-at-naa-unge-paa-sociale-medier', 'solby-om-vores-eget-kodeks']);
    const agenda = await page.$$eval('.agenda li', (rows) => rows.map((r) => (r as HTMLElement).innerText.replace(/\s+/g, ' ')));
    expect(agenda[0]).toBe('16:30 Kom godt i gang 15 min.');
    expect(agenda).toContain('17:35 Kaffepause 15 min.');
  });

  it('uses its colours in the computed styles', async () => {
    const colours = await page.evaluate(() => {
      const { Reveal } = window as unknown as DeckWindow;
      Reveal.slide(0);
      const h1 = getComputedStyle(document.querySelector('section.samtale-title h1')!).color;
      const label = document.querySelector('section.samtale-action .action-label')!;
      return { h1, actionLabel: getComputedStyle(label).backgroundColor };
    });
    expect(colours).toEqual({ h1: rgb('#0f5b52'), actionLabel: rgb('#a4400f') });
  });

  it('shows its logo on the title slide', async () => {
    const logo = await page.evaluate(() => {
      const style = getComputedStyle(document.querySelector('section.samtale-title')!, '::before');
      return { image: style.backgroundImage.slice(0, 31), height: style.height };
    });
    expect(logo).toEqual({ image: 'url("data:image/svg+xml;base64,', height: '96px' });
  });

  it('has its local quote on the right card, its changed question, and no dropped quote', async () => {
    const text = (card: string) => page.$$eval(`section[data-card="${card}"]`, (sections) =>
      sections.map((s) => { const c = s.cloneNode(true) as HTMLElement; c.querySelector('aside.notes')?.remove(); return c.textContent ?? ''; }).join(' '));
    const rolemodel = await text('om-at-vaere-rollemodel');
    expect(rolemodel).toContain('Vi diskuterer sagen, ikke personen.');
    expect(rolemodel).toContain('Kodeks for god politisk debat i Solby Kommune (2024)');
    expect(rolemodel).toContain('Hvordan bruger I jeres kodeks fra 2024');
    expect(rolemodel).not.toContain('Har I overvejet at udarbejde et kodeks');
    expect(await text('om-at-moderere-debatten')).not.toContain('Hold dig til emnet');
    expect(await text('om-at-bruge-sociale-medier')).not.toContain('Vi diskuterer sagen');
  });

  it('meets WCAG 2.1 AA in its own colours on every slide, all fragments shown (axe)', async () => {
    const count = await page.evaluate(() => (window as unknown as DeckWindow).Reveal.getTotalSlides());
    const violations: string[] = [];
    for (let index = 0; index < count; index++) {
      const kind = await page.evaluate((h) => {
        const { Reveal } = window as unknown as DeckWindow;
        // The last fragment: every question of the slide is shown.
        Reveal.slide(h, 0, Number.MAX_SAFE_INTEGER);
        return Reveal.getCurrentSlide().dataset['slideKind'] ?? '';
      }, index);
      // The day's agreements are passed by while nothing is agreed: the room never sees the slide then.
      if (kind === 'agreements') continue;
      violations.push(...(await axeViolations(page)).map((violation) => `#${index} ${kind}: ${violation}`));
    }
    expect(count).toBeGreaterThan(20);
    expect(violations).toEqual([]);
  }, 300_000);

  it('opens without errors or requests leaving the machine', () => {
    expect(problems).toEqual([]);
  });
});
