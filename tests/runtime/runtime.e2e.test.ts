// End-to-end: the compiled runtime and default theme on a hand-made page, from file:// in headless Chromium.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, Page, Target } from 'puppeteer';
import type { RevealApi } from 'reveal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleVisibleText, type TextSample } from '../fixtures/runtime/measure.js';
import { SAMPLE_SLIDES, buildSamplePage } from '../fixtures/runtime/sample-deck.js';
import { launchBrowser, openDeck, watchPage } from '../support/browser.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OUT = path.join(ROOT, 'tests/.tmp/runtime');
const PAGE_FILE = path.join(OUT, 'index.html');
/** Screenshots of every slide kind, for people to look at (not compared). */
const SCREENS = path.join(OUT, 'screens');
const MIN_FONT_PX = 28;
const MIN_CONTRAST = 4.5;

type DeckWindow = Window & { Reveal: RevealApi };
interface Rect { left: number; top: number; right: number; bottom: number }

let browser: Browser;
let page: Page;
let problems: string[];
const pageUrl = pathToFileURL(PAGE_FILE).href;

/** A deck may load data: URLs and its own file (the facilitator view is the same file); nothing else. */
function watchRequests(target: Page, label: string): void {
  target.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url === 'about:blank') return;
    const file = url.replace(/[?#].*$/, '');
    if (file !== pageUrl) problems.push(`${label} requested ${url.slice(0, 120)}`);
  });
}

/** Waits until transitions on the slides (fragments fading in) have finished, so colours are final. */
async function settle(target: Page): Promise<void> {
  await target.evaluate(() => {
    // The progress bar's 0.8 s slide is no text; waiting for it would only slow the test.
    const onSlides = document.getAnimations().filter((a) => {
      const node = a.effect instanceof KeyframeEffect ? a.effect.target : null;
      return node instanceof Element && node.closest('.reveal .slides') !== null;
    });
    return Promise.race([
      Promise.all(onSlides.map((a) => a.finished.catch(() => undefined))),
      new Promise((resolve) => setTimeout(resolve, 2000)),
    ]);
  });
}

const overlaps = (a: Rect, b: Rect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

beforeAll(async () => {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(SCREENS, { recursive: true });
  // The deck's own options must win over the runtime defaults; no transitions keeps sampling quick.
  writeFileSync(PAGE_FILE, await buildSamplePage({ transition: 'none', backgroundTransition: 'none' }));
  browser = await launchBrowser();
  ({ page, problems } = await openDeck(browser, PAGE_FILE));
  watchRequests(page, 'deck');
});

afterAll(async () => {
  await browser?.close();
});

describe('the runtime on a sample page from file://', () => {
  it('starts reveal.js with the facilitator plugin, the defaults and the deck options merged', async () => {
    const state = await page.evaluate(() => {
      const deck = (window as unknown as DeckWindow).Reveal;
      const config = deck.getConfig() as Record<string, unknown>;
      return {
        ready: deck.isReady(),
        slides: deck.getTotalSlides(),
        facilitator: deck.hasPlugin('samtale-facilitator'),
        width: config['width'],
        height: config['height'],
        slideNumber: config['slideNumber'],
        pdfSeparateFragments: config['pdfSeparateFragments'],
        transition: config['transition'],
        fontsLoaded: [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family),
      };
    });
    expect(state).toMatchObject({
      ready: true,
      // The runtime adds the day's agreements before the closing slide.
      slides: SAMPLE_SLIDES.length + 1,
      facilitator: true,
      width: 1280,
      height: 720,
      slideNumber: false,
      pdfSeparateFragments: false,
      transition: 'none',
    });
    expect(state.fontsLoaded).toContain('Atkinson Hyperlegible Next');
    expect(problems).toEqual([]);
  });

  it('keeps every visible text at 28 px or more, with AA contrast, clear of the controls', async () => {
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const samples: (TextSample & { slide: string })[] = [];
    const chrome: Rect[] = [];
    for (const [index, slide] of SAMPLE_SLIDES.entries()) {
      const fragments = (slide.html.match(/class="[^"]*\bfragment\b/g) ?? []).length;
      // Every fragment state: before the first question, then each question as the current one.
      for (let fragment = -1; fragment < fragments; fragment++) {
        await page.evaluate((h, f) => (window as unknown as DeckWindow).Reveal.slide(h, 0, f), index, fragment);
        await settle(page);
        const name = `${index}-${slide.kind}${fragments > 0 ? `-f${fragment + 1}` : ''}`;
        await page.screenshot({ path: path.join(SCREENS, `${name}.png`) });
        samples.push(...(await page.evaluate(sampleVisibleText)).map((s) => ({ ...s, slide: name })));
        chrome.push(...(await page.evaluate(() =>
          [...document.querySelectorAll('.reveal .controls button.enabled, .reveal .slide-number')].map((el) => {
            const { left, top, right, bottom } = el.getBoundingClientRect();
            return { left, top, right, bottom };
          }),
        )));
      }
    }
    const describeSample = (s: TextSample & { slide: string }) =>
      `${s.slide}: "${s.text}" ${s.fontSize}px ${s.color} on ${s.background} = ${s.contrast}:1`;

    expect(samples.filter((s) => s.where === 'slide').length).toBeGreaterThan(30);
    expect(samples.some((s) => s.where === 'chrome' && /\d+\s*\/?\s*\d*/.test(s.text))).toBe(true); // the slide number
    expect(samples.filter((s) => s.fontSize < MIN_FONT_PX).map(describeSample)).toEqual([]);
    expect(samples.filter((s) => s.contrast < MIN_CONTRAST).map(describeSample)).toEqual([]);
    const hidden = samples.filter((s) => s.where === 'slide' && chrome.some((c) => c.right > c.left && overlaps(s.rect, c)));
    expect(hidden.map(describeSample)).toEqual([]);
    // Danish quotation marks come from CSS, the quote text itself has none.
    expect(samples.map((s) => s.text)).toContain('::before open-quote');
    expect(problems).toEqual([]);
  });

  it('opens the facilitator view with `s`: it connects, shows the notes and follows the deck', async () => {
    await page.evaluate(() => (window as unknown as DeckWindow).Reveal.slide(0));
    const popupTarget = browser.waitForTarget((t: Target) => t.opener() === page.target() && t.type() === 'page', { timeout: 10_000 });
    await page.keyboard.press('s');
    const target = await popupTarget;
    // The popup loads the deck file itself before anyone can listen to it; Log.enable replays what
    // Chromium logged meanwhile, CSP violations included.
    const session = await target.createCDPSession();
    session.on('Log.entryAdded', ({ entry }) => {
      if (entry.level === 'error') problems.push(`facilitator view ${entry.source}: ${entry.text}`);
    });
    await session.send('Log.enable');
    const popup = await target.page();
    if (popup === null) throw new Error('the facilitator view is not a page');
    watchPage(popup, problems);
    watchRequests(popup, 'facilitator view');

    const notesShow = (text: string) =>
      popup.waitForFunction(
        (expected) =>
          document.querySelector('.fv')?.getAttribute('data-connected') === 'true' &&
          (document.querySelector('.fv-notes-body')?.textContent ?? '').includes(expected),
        { timeout: 10_000 },
        text,
      );
    await notesShow(SAMPLE_SLIDES[0]!.notes);

    // The view is the deck file itself, not running reveal.js: its previews are clones of the slides, no frames.
    expect(popup.url()).toBe(`${pageUrl}?samtale=facilitator`);
    expect(await popup.evaluate(() => ({ frames: document.querySelectorAll('iframe').length, reveal: 'Reveal' in window }))).toEqual({ frames: 0, reveal: false });
    expect(await popup.$eval('.fv-preview-current .slides > section', (s) => s.getAttribute('data-slide-kind'))).toBe(SAMPLE_SLIDES[0]!.kind);

    await page.keyboard.press('ArrowRight');
    await notesShow(SAMPLE_SLIDES[1]!.notes);
    expect(await popup.$eval('.fv-preview-current .slides > section', (s) => s.getAttribute('data-slide-kind'))).toBe(SAMPLE_SLIDES[1]!.kind);

    await session.detach();
    await popup.close();
    expect(problems).toEqual([]);
  });
});
