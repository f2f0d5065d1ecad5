// End-to-end: the built default deck in headless Chromium — offline, complete, readable, with a working facilitator view.

import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Browser, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/browser/find-browser.js';
import { sampleVisibleText } from '../fixtures/runtime/measure.js';
import { axeViolations } from '../support/axe.js';
import { type DeckWindow, launchBrowser, openDeck, watchPage } from '../support/browser.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Built once by tests/e2e/global-setup.ts. */
const DECK_HTML = path.join(ROOT, 'tests/.tmp/dist/sociale-medier/index.html');
const SCREENS = path.join(ROOT, 'tests/.tmp/screens');
/** Smallest text a projected slide may use, in slide pixels of the 1280×720 deck. */
const MIN_FONT_PX = 28;
/** WCAG AA for normal text. */
const MIN_CONTRAST = 4.5;

/** The parts of `#samtale-deck` this test relies on (see docs/architecture.md). */
interface DeckModel {
  id: string;
  title: string;
  cards: {
    id: string;
    title: string;
    kind: string;
    minutes: number;
    questions: { text: string; html: string; action: boolean }[];
    quotes: { text: string; html: string; source: string; sourceHtml: string }[];
    notes: string;
  }[];
}

/** What the static DOM says about one `<section>`. */
interface SlideFacts {
  index: number;
  kind: string;
  card: string | null;
  notes: string;
  /** The slide's first heading, for screen readers and the outline (visually hidden on a quote slide). */
  heading: string;
  /** Visible text of the slide, speaker notes left out. */
  text: string;
}

/** Where the walk stands after a step. */
interface Position {
  h: number;
  kind: string;
  moreFragments: boolean;
  last: boolean;
}

/** Collapses whitespace, so text split over lines or `<br>` compares equal to the model's plain text. */
const squash = (text: string) => text.normalize('NFC').replace(/[\s\u00a0\u00ad]+/g, '');

let browser: Browser;
let page: Page;
let problems: string[];
let model: DeckModel;
let slides: SlideFacts[];

beforeAll(async () => {
  browser = await launchBrowser();
  ({ page, problems } = await openDeck(browser, DECK_HTML));
  model = JSON.parse(await page.$eval('#samtale-deck', (el) => el.textContent ?? '')) as DeckModel;
  slides = await page.$$eval('.reveal .slides section', (sections) =>
    sections.map((section, index) => {
      const visible = section.cloneNode(true) as HTMLElement;
      visible.querySelectorAll('aside.notes').forEach((notes) => notes.remove());
      return {
        index,
        kind: section.dataset['slideKind'] ?? '',
        card: section.dataset['card'] ?? null,
        notes: section.querySelector('aside.notes')?.textContent?.trim() ?? '',
        heading: section.querySelector(':scope > h1, :scope > h2, :scope > header h1, :scope > header h2')?.textContent?.trim() ?? '',
        text: visible.textContent ?? '',
      };
    }),
  );
});

afterAll(async () => {
  await browser?.close();
});

describe('the built default deck', () => {
  it('opens from file:// without errors, CSP violations or network requests', () => {
    expect(problems).toEqual([]);
    expect(model.id).toBe('sociale-medier');
    expect(slides.length).toBeGreaterThan(10);
  });

  it('has speaker notes on every slide', () => {
    const silent = slides.filter((s) => s.notes === '').map((s) => `#${s.index} ${s.kind} ${s.card ?? ''}`);
    expect(silent).toEqual([]);
  });

  it('has a heading on every slide: screen readers list the slides by it', () => {
    const bare = slides.filter((s) => s.heading === '').map((s) => `#${s.index} ${s.kind} ${s.card ?? ''}`);
    expect(bare).toEqual([]);
    const quote = slides.find((s) => s.kind === 'quote')!;
    expect(quote.heading).toBe(model.cards.find((c) => c.id === quote.card)!.title);
  });

  it('names only cards of the model in data-card', () => {
    const ids = new Set(model.cards.map((c) => c.id));
    const strays = slides.filter((s) => s.card !== null && !ids.has(s.card)).map((s) => `#${s.index} → ${s.card}`);
    expect(strays).toEqual([]);
  });

  it("shows every question on its card's slides, the action question on an action slide", () => {
    const missing: string[] = [];
    for (const card of model.cards) {
      const own = slides.filter((s) => s.card === card.id);
      const all = squash(own.map((s) => s.text).join(' '));
      const action = squash(own.filter((s) => s.kind === 'action').map((s) => s.text).join(' '));
      for (const q of card.questions) {
        if (!all.includes(squash(q.text))) missing.push(`${card.id}: ${q.text}`);
        else if (q.action && !action.includes(squash(q.text))) missing.push(`${card.id} (not on an action slide): ${q.text}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('gives every theme card facilitator notes', () => {
    const themes = model.cards.filter((c) => c.kind === 'theme');
    expect(themes.length).toBeGreaterThan(0);
    const bare = themes.filter((c) => c.notes.replace(/<[^>]*>/g, '').trim() === '').map((c) => c.id);
    expect(bare).toEqual([]);
  });

  it('walks every slide and fragment; all text is at least 28 px on screen, AA contrast, inside the slide; 0 axe violations in every state', async () => {
    mkdirSync(SCREENS, { recursive: true });
    // Measuring mid-transition would see slides half-way in; transitions are not what this test is about.
    await page.evaluate(() => {
      const { Reveal } = window as unknown as DeckWindow;
      Reveal.configure({ transition: 'none', backgroundTransition: 'none' });
      Reveal.slide(0, 0, -1);
    });
    const measured = new Set<number>();
    const shot = new Set<string>();
    const issues: string[] = [];
    let position = await settle(page);
    for (let step = 0; ; step += 1) {
      expect(step, 'the walk does not end').toBeLessThan(2000);
      // Measure each slide once, with all its fragments shown, so nothing hidden is skipped.
      if (!position.moreFragments && !measured.has(position.h)) {
        measured.add(position.h);
        issues.push(...(await layoutIssues(page)).map((issue) => `#${position.h} ${position.kind}: ${issue}`));
        // What the room sees: size on this 1280×720 screen (after reveal's scaling) and WCAG AA contrast.
        for (const sample of await page.evaluate(sampleVisibleText)) {
          if (sample.renderedSize < MIN_FONT_PX - 0.5) issues.push(`#${position.h} "${sample.text.slice(0, 40)}" is drawn at ${sample.renderedSize.toFixed(1)}px`);
          if (sample.contrast < MIN_CONTRAST) issues.push(`#${position.h} "${sample.text.slice(0, 40)}" has contrast ${sample.contrast.toFixed(2)}:1 (${sample.color} on ${sample.background})`);
        }
        if (!shot.has(position.kind)) {
          shot.add(position.kind);
          await page.screenshot({ path: path.join(SCREENS, `${position.kind || 'unknown'}.png`) as `${string}.png` });
        }
      }
      // WCAG 2.1 AA in every state the room can see: each fragment shown brings more text.
      issues.push(...(await axeViolations(page)).map((violation) => `#${position.h} ${position.kind} (step ${step}): ${violation}`));
      if (position.last && !position.moreFragments) break;
      await page.evaluate(() => (window as unknown as DeckWindow).Reveal.next());
      position = await settle(page);
    }
    expect(issues).toEqual([]);
    // Every slide but the day's agreements, which the deck passes by while nothing has been agreed.
    expect([...measured].sort((a, b) => a - b)).toEqual(slides.filter((s) => s.kind !== 'agreements').map((s) => s.index));
  }, 600_000);

  it('numbers a card\'s questions on, when they continue on a second slide, as the notes and the handout do', async () => {
    const continued = await page.$$eval('.reveal .slides > section', (sections) =>
      sections.flatMap((section, index) => {
        const start = section.querySelector('ol.questions')?.getAttribute('start');
        return start ? [{ index, start }] : [];
      }));
    expect(continued.length).toBeGreaterThan(0);
    for (const { index, start } of continued) {
      await page.evaluate((h) => (window as unknown as DeckWindow).Reveal.slide(h, 0, 99), index);
      // The number is drawn by CSS (::before); the accessibility tree holds the text the room and screen readers get.
      const item = (await page.$('.reveal .slides > section.present ol.questions > li'))!;
      const tree = await page.accessibility.snapshot({ root: item, interestingOnly: false });
      const firstText = (node: typeof tree): string | undefined =>
        node?.role === 'StaticText' ? node.name : node?.children?.map(firstText).find((text) => text !== undefined);
      expect(firstText(tree), `slide #${index}`).toBe(start);
    }
  });

  it('opens the facilitator view with S, which connects and shows the current notes', async () => {
    const target = slides.find((s) => s.kind === 'questions') ?? slides[0]!;
    await page.evaluate((h) => (window as unknown as DeckWindow).Reveal.slide(h, 0, -1), target.index);
    await settle(page);
    const popupProblems: string[] = [];
    const opened = new Promise<Page | null>((resolve) => page.once('popup', resolve));
    await page.keyboard.press('s');
    const popup = await opened;
    expect(popup, 'no facilitator view window opened').not.toBeNull();
    watchPage(popup!, popupProblems);
    await popup!.setViewport({ width: 1280, height: 800 });
    await popup!.waitForSelector('.fv[data-connected="true"]', { timeout: 15_000 });
    const shown = await popup!.waitForFunction(
      (h) => document.querySelector('.fv-preview-current figcaption')?.textContent?.includes(` ${h + 1} `) && document.querySelector('.fv-notes-body')?.textContent?.trim(),
      { timeout: 15_000 },
      target.index,
    );
    expect(squash(String(await shown.jsonValue()))).toBe(squash(target.notes));
    await popup!.screenshot({ path: path.join(SCREENS, 'facilitator-view.png') as `${string}.png` });
    expect(popupProblems).toEqual([]);
    await popup!.close();
  });

  it('shows the room no developer chrome: no arrows, no counter, a plain zero, and no control for a tool driving the deck', async () => {
    // A tool such as decktape drives the deck through its API and prints what is on screen.
    const fresh = await openDeck(page.browser(), DECK_HTML);
    try {
      await fresh.page.evaluate(() => {
        const { Reveal } = window as unknown as DeckWindow;
        Reveal.slide(0);
        for (let i = 0; i < 6; i++) Reveal.next();
      });
      const chrome = await fresh.page.evaluate(() => {
        const visible = (selector: string) => Array.from(document.querySelectorAll<HTMLElement>(selector)).some((el) => {
          const style = getComputedStyle(el);
          return style.display !== 'none' && style.visibility !== 'hidden' && el.getClientRects().length > 0;
        });
        return {
          arrows: visible('.reveal .controls button'),
          counter: visible('.reveal .slide-number'),
          control: visible('.samtale-control-open'),
          notStarted: visible('.samtale-unstarted'),
          progress: visible('.reveal .progress'),
          // The plain zero is its own face, for U+0030 only, and it is in use.
          plainZero: [...document.fonts].some((f) => f.unicodeRange.toUpperCase() === 'U+30' && f.status === 'loaded'),
        };
      });
      expect(chrome).toEqual({ arrows: false, counter: false, control: false, notStarted: false, progress: true, plainZero: true });
      // A person moving the pointer finds the control, in the bottom right margin, never over the text column.
      await fresh.page.mouse.move(600, 400);
      await fresh.page.mouse.move(640, 360);
      await fresh.page.waitForSelector('.samtale-control:not(.is-idle)');
      const box = await fresh.page.$eval('.samtale-control-open', (el) => el.getBoundingClientRect().toJSON() as DOMRect);
      expect(box.left).toBeGreaterThanOrEqual(1280 - 72);
      expect(box.bottom).toBeLessThanOrEqual(720);
      await fresh.page.emulateMediaType('print');
      expect(await fresh.page.$eval('.samtale-control', (el) => getComputedStyle(el).display)).toBe('none');
      expect(fresh.problems).toEqual([]);
    } finally {
      await fresh.page.close();
    }
  });

  it('stays free of errors and network requests through the whole session', () => {
    expect(problems).toEqual([]);
  });
});

describe('seed fidelity', () => {
  it('has every theme, question, quote and source of the seed text on a slide', async () => {
    const run = promisify(execFile);
    // The check resolves its own browser; hand it ours so it runs wherever this test runs.
    const env = { ...process.env, PUPPETEER_EXECUTABLE_PATH: findBrowser().path };
    const result = await run(process.execPath, ['../shared/checks/seed-fidelity.mjs', path.relative(ROOT, DECK_HTML)], {
      cwd: ROOT,
      env,
      timeout: 90_000,
    }).catch((error: { code?: number; stdout?: string; stderr?: string }) => error);
    expect('code' in result ? result.code : 0, `${result.stdout ?? ''}${result.stderr ?? ''}`).toBe(0);
  }, 120_000);
});

/**
 * Waits for the slides' own animations (fragments; finite ones only, a running timer would never end) and
 * reports where the deck stands. Controls, progress bar and backgrounds animate outside `.slides` and are
 * left running: they do not move text, and waiting for them costs most of a second per step.
 */
async function settle(deck: Page): Promise<Position> {
  return deck.evaluate(async () => {
    const slides = document.querySelector('.reveal .slides');
    const finite = document.getAnimations().filter((a) => {
      const target = (a.effect as KeyframeEffect | null)?.target;
      return a.effect?.getComputedTiming().endTime !== Infinity && target instanceof Element && slides?.contains(target) === true;
    });
    await Promise.race([Promise.all(finite.map((a) => a.finished.catch(() => undefined))), new Promise((r) => setTimeout(r, 2000))]);
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const { Reveal } = window as unknown as DeckWindow;
    return {
      h: Reveal.getIndices().h,
      kind: Reveal.getCurrentSlide().dataset['slideKind'] ?? '',
      moreFragments: Reveal.availableFragments().next,
      last: Reveal.isLastSlide(),
    };
  });
}

/**
 * Every visible element of the current slide with text of its own: its computed font size (in slide
 * pixels, before reveal.js scales the slide) must reach MIN_FONT_PX, and its box must lie within the
 * slide's box (`.slides`, after scaling, like the element's).
 */
async function layoutIssues(deck: Page): Promise<string[]> {
  return deck.evaluate((minFont) => {
    const { Reveal } = window as unknown as DeckWindow;
    const slide = Reveal.getCurrentSlide();
    const box = document.querySelector('.reveal .slides')!.getBoundingClientRect();
    const found: string[] = [];
    for (const el of Array.from(slide.querySelectorAll<HTMLElement>('*'))) {
      if (el.closest('aside.notes, script, style, template')) continue;
      const ownText = Array.from(el.childNodes)
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent ?? '')
        .join('')
        .trim();
      if (ownText === '' || !el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
      const rect = el.getBoundingClientRect();
      // Text for screen readers only (clipped to 1 px) is not on screen.
      if (rect.width <= 1 || rect.height <= 1) continue;
      const name = `${el.tagName.toLowerCase()}${el.classList.length ? `.${Array.from(el.classList).join('.')}` : ''} "${ownText.slice(0, 40)}"`;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < minFont) found.push(`${name} is ${size}px`);
      const out = [
        rect.top < box.top - 1 ? 'top' : '',
        rect.bottom > box.bottom + 1 ? 'bottom' : '',
        rect.left < box.left - 1 ? 'left' : '',
        rect.right > box.right + 1 ? 'right' : '',
      ].filter(Boolean);
      if (out.length) found.push(`${name} overflows the slide at the ${out.join(', ')}`);
    }
    return found;
  }, MIN_FONT_PX);
}
