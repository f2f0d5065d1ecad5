// End-to-end: the facilitator view on a laptop screen and what the projector shows around it.
//
// KL's deck (no `date` in its manifest), 09:00 on Thursday 12 March 2026 on the test's clock. At 1366×768
// and 1440×900 every control of the view and both agreement fields are inside the window without scrolling
// the page — before the start, on a card with the discussion countdown running, on the action slide with a
// look back and with the notice that the deck moved on — with the notes and the plan still readable. On
// the projector the discussion countdown never covers a slide's heading or its questions. A black
// projector (B, or . ) is said in the view. An undated deck offers a seminar and a rehearsal; a start can
// be undone until the first card is reached. Screenshots go to tests/.tmp/screens.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.js';
import { launchBrowser } from '../support/browser.js';
import { SeminarDeck, settle, waitForAttr, waitForText } from '../support/seminar.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Built once by tests/e2e/global-setup.ts. */
const DECK_HTML = path.join(ROOT, 'tests/.tmp/dist/sociale-medier/index.html');
const SCREENS = path.join(ROOT, 'tests/.tmp/screens');
const BASE = new Date(2026, 2, 12, 9, 0, 0).getTime();
const MIN = 60_000;
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1440, height: 900 },
] as const;

let browser: Browser;
let deck: SeminarDeck;
let view: Page;

const screenshot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENS, `view-layout-${name}.png`) as `${string}.png` });

type RevealWindow = Window & { Reveal: { getSlides(): HTMLElement[]; slide(h: number, v?: number, f?: number): void; getIndices(): { h: number }; isPaused(): boolean } };

/** Takes the deck to the first slide of `kind` of the `n`th card that has one (0-based); resolves when the view follows. */
async function gotoSlide(n: number, kind: string): Promise<{ card: string; index: number }> {
  const target = await deck.page.evaluate((nth, k) => {
    const slides = (window as unknown as RevealWindow).Reveal.getSlides();
    // The cards that have such a slide (the welcome card has no questions).
    const cards = [...new Set(slides.filter((s) => s.dataset['slideKind'] === k).map((s) => s.dataset['card']).filter((c): c is string => c !== undefined))];
    const card = cards[nth]!;
    const index = slides.findIndex((s) => s.dataset['card'] === card && s.dataset['slideKind'] === k);
    (window as unknown as RevealWindow).Reveal.slide(index, 0, -1);
    return { card, index };
  }, n, kind);
  if (target.index < 0) throw new Error(`card ${n} has no ${kind} slide`);
  await view.waitForFunction((h) => document.querySelector('.fv-preview-current .fv-preview-caption')?.textContent?.includes(` ${h + 1} `) === true, { polling: 100 }, target.index);
  return target;
}

/**
 * Every visible control of the view, both fields and the discussion countdown: the ones not wholly inside
 * the window (page not scrolled), named. Dialogs are left out (closed, they are not shown).
 */
async function outsideWindow(): Promise<string[]> {
  return view.evaluate(() => {
    const selectors = [
      'button', 'select', 'textarea', 'input', '.fv-countdown', '.fv-discussion-time', '.fv-discussion-start', '.fv-lookback:not([hidden])',
    ];
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(selectors.join(','))) {
      if (el.closest('dialog') || el.closest('.fv-sr') || el.closest('.fv-plan-scroll')) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue; // hidden
      // Inside the window, and not clipped by a scrolling ancestor either.
      let clip = { top: 0, left: 0, bottom: innerHeight, right: innerWidth };
      for (let p = el.parentElement; p; p = p.parentElement) {
        const style = getComputedStyle(p);
        if (style.overflowY !== 'visible' || style.overflowX !== 'visible') {
          const r = p.getBoundingClientRect();
          clip = { top: Math.max(clip.top, r.top), left: Math.max(clip.left, r.left), bottom: Math.min(clip.bottom, r.bottom), right: Math.min(clip.right, r.right) };
        }
      }
      if (box.top < clip.top - 1 || box.left < clip.left - 1 || box.bottom > clip.bottom + 1 || box.right > clip.right + 1) {
        const name = el.getAttribute('data-action') ?? el.id ?? '';
        out.push(`${el.tagName.toLowerCase()}.${el.className} ${name} "${(el.textContent ?? '').trim().slice(0, 30)}" ${Math.round(box.top)}–${Math.round(box.bottom)} (clip ${Math.round(clip.top)}–${Math.round(clip.bottom)})`);
      }
    }
    if (document.documentElement.scrollHeight > innerHeight + 1) out.push(`the page scrolls: ${document.documentElement.scrollHeight} > ${innerHeight}`);
    return out;
  });
}

/** Lines of notes shown at the default size, and rows of the plan wholly in view. */
async function glance(): Promise<{ notesLines: number; planRows: number }> {
  return view.evaluate(() => {
    const body = document.querySelector<HTMLElement>('.fv-notes-body')!;
    const area = document.querySelector<HTMLElement>('.fv-plan-scroll')!.getBoundingClientRect();
    const rows = [...document.querySelectorAll<HTMLElement>('.fv-plan-row')].filter((row) => {
      const box = row.getBoundingClientRect();
      return box.height > 0 && box.top >= area.top - 1 && box.bottom <= Math.min(area.bottom, innerHeight) + 1;
    });
    return { notesLines: Math.floor(body.clientHeight / parseFloat(getComputedStyle(body).lineHeight)), planRows: rows.length };
  });
}

async function expectFits(state: string, minimum: { notes: number; plan: number }): Promise<void> {
  for (const size of SIZES) {
    await view.setViewport(size);
    await settle(view);
    await screenshot(view, `${state}-${size.width}`);
    expect(await outsideWindow(), `${state} at ${size.width}×${size.height}`).toEqual([]);
    const { notesLines, planRows } = await glance();
    expect(notesLines, `notes lines, ${state} at ${size.width}`).toBeGreaterThanOrEqual(minimum.notes);
    expect(planRows, `plan rows, ${state} at ${size.width}`).toBeGreaterThanOrEqual(minimum.plan);
  }
  await view.setViewport(SIZES[0]);
}

beforeAll(async () => {
  mkdirSync(SCREENS, { recursive: true });
  browser = await launchBrowser();
  deck = await SeminarDeck.open(browser, DECK_HTML, BASE);
});

afterAll(async () => {
  await browser?.close();
});

describe('the facilitator view at 1366×768 and 1440×900', () => {
  it('before the start: every control in the window, the plan and the notes readable', async () => {
    view = await deck.openView(SIZES[0]);
    await waitForAttr(view, 'html', 'data-seminar-state', 'before', deck.problems);
    // A deck without a date: the seminar, or a rehearsal, on any day.
    expect(await view.$eval('[data-action="start-seminar"]', (el) => [el.textContent, (el as HTMLElement).hidden])).toEqual(['Start seminaret', false]);
    expect(await view.$eval('[data-action="start-trial"]', (el) => [el.textContent, (el as HTMLElement).hidden])).toEqual(['Start en prøve', false]);
    expect(await view.$eval('[data-action="undo-start"]', (el) => (el as HTMLElement).hidden)).toBe(true);
    await expectFits('before', { notes: 15, plan: 5 });
    expect(await axeViolations(view)).toEqual([]);
  });

  it('a start with T on the deck can be undone until the first card is reached', async () => {
    await deck.page.keyboard.press('t');
    await waitForAttr(view, 'html', 'data-seminar-state', 'running', deck.problems);
    await view.waitForSelector('[data-action="undo-start"]:not([hidden])');
    expect(await view.$eval('[data-action="undo-start"]', (el) => el.textContent)).toBe('Fortryd start');
    await expectFits('started', { notes: 15, plan: 5 });
    await deck.advance(2 * MIN);
    await view.click('[data-action="undo-start"]');
    await waitForAttr(view, 'html', 'data-seminar-state', 'before', deck.problems);
    await waitForAttr(deck.page, 'html', 'data-seminar-state', 'before', deck.problems);
    expect((await deck.storedSeminar())?.startedAt).toBeUndefined();
    expect(await view.$eval('[data-action="start-trial"]', (el) => (el as HTMLElement).hidden)).toBe(false);
    // Started again on the view's button; once the deck is in a card, the start stays.
    await view.click('[data-action="start-seminar"]');
    await waitForAttr(view, 'html', 'data-seminar-state', 'running', deck.problems);
    expect((await deck.storedSeminar())?.startedAt).toBe(BASE + 2 * MIN);
    await view.waitForSelector('[data-action="undo-start"]:not([hidden])');
  });

  it('on a card with the discussion countdown: its buttons and the countdown in the window', async () => {
    await gotoSlide(0, 'questions');
    await view.waitForSelector('[data-action="undo-start"][hidden]');
    await expectFits('card', { notes: 15, plan: 5 });
    await view.keyboard.press('d');
    await view.waitForSelector('.fv-discussion-active:not([hidden])');
    await expectFits('discussion', { notes: 15, plan: 5 });
    expect(await axeViolations(view)).toEqual([]);
    await view.keyboard.down('Shift');
    await view.keyboard.press('D');
    await view.keyboard.up('Shift');
    await view.waitForSelector('.fv-discussion-active[hidden]');
  });

  it('on the action slide with a look back and the moved-on notice: both fields still in the window', async () => {
    const first = await gotoSlide(0, 'action');
    await view.focus('#fv-agreed');
    await view.keyboard.type('Vi svarer inden for to hverdage.');
    await gotoSlide(1, 'action');
    await view.select('#fv-lookback-select', first.card);
    await view.waitForSelector('.fv-lookback:not(.fv-switch-notice):not([hidden])');
    await expectFits('look-back', { notes: 15, plan: 5 });
    expect(await axeViolations(view)).toEqual([]);
    await view.click('[data-action="end-look-back"]');
    // Typing, then the deck moves on mid-sentence: the notice offers to move the words back.
    await view.focus('#fv-agreed');
    await view.keyboard.type('Vi tager det op');
    await gotoSlide(2, 'action');
    await view.keyboard.type(' på hvert møde');
    await view.waitForSelector('.fv-switch-notice:not([hidden])');
    await expectFits('switch-notice', { notes: 15, plan: 5 });
    expect(await axeViolations(view)).toEqual([]);
  });
});

describe('the projector', () => {
  /** The countdown's box against the slide's heading and its questions (or its action) at 1280×720. */
  async function overlaps(): Promise<string[]> {
    return deck.page.evaluate(() => {
      const overlay = document.querySelector<HTMLElement>('.samtale-discussion')!.getBoundingClientRect();
      const slide = (window as unknown as { Reveal: { getCurrentSlide(): HTMLElement } }).Reveal.getCurrentSlide();
      const parts = [...slide.querySelectorAll<HTMLElement>('h1, h2, h3, p, li, ol, ul')].filter((el) => el.getBoundingClientRect().height > 0 && !el.closest('aside'));
      if (parts.length < 2) return ['the slide shows no heading and text'];
      return parts
        .map((el) => ({ el, box: el.getBoundingClientRect() }))
        .filter(({ box }) => box.left < overlay.right && box.right > overlay.left && box.top < overlay.bottom && box.bottom > overlay.top)
        .map(({ el, box }) => `${el.tagName} "${(el.textContent ?? '').trim().slice(0, 30)}" ${Math.round(box.left)},${Math.round(box.top)}–${Math.round(box.right)},${Math.round(box.bottom)}`);
    });
  }

  it('the discussion countdown never covers a heading or the questions at 1280×720', async () => {
    await view.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await view.keyboard.press('d');
    await deck.page.waitForSelector('.samtale-discussion:not([hidden])');
    for (const [n, kind] of [[0, 'questions'], [3, 'questions'], [1, 'action'], [4, 'action']] as const) {
      await gotoSlide(n, kind);
      await settle(deck.page);
      await screenshot(deck.page, `discussion-${kind}-${n}`);
      expect(await overlaps(), `${kind} slide of card ${n}`).toEqual([]);
    }
    expect(await axeViolations(deck.page)).toEqual([]);
    await view.keyboard.down('Shift');
    await view.keyboard.press('D');
    await view.keyboard.up('Shift');
    await deck.page.waitForSelector('.samtale-discussion[hidden]');
  });

  it('a black projector (B in the view, . on the deck) is said in the view', async () => {
    await waitForAttr(view, 'html', 'data-projector', undefined, deck.problems);
    expect(await view.$eval('.fv-projector-black', (el) => (el as HTMLElement).hidden)).toBe(true);
    await view.keyboard.press('b');
    await deck.page.waitForFunction(() => (window as unknown as RevealWindow).Reveal.isPaused());
    await waitForAttr(view, 'html', 'data-projector', 'black', deck.problems);
    expect(await waitForText(view, '.fv-projector-black', /./)).toBe('Lærredet er sort – tryk B for at vise det igen');
    await expectFits('black', { notes: 15, plan: 5 });
    expect(await axeViolations(view)).toEqual([]);
    await deck.page.keyboard.press('.');
    await waitForAttr(view, 'html', 'data-projector', undefined, deck.problems);
    expect(await view.$eval('.fv-projector-black', (el) => (el as HTMLElement).hidden)).toBe(true);
    await deck.page.keyboard.press('b');
    await waitForAttr(view, 'html', 'data-projector', 'black', deck.problems);
    await view.keyboard.press('.');
    await waitForAttr(view, 'html', 'data-projector', undefined, deck.problems);
  });

  it('had no console errors or requests in either window', () => {
    expect(deck.problems).toEqual([]);
  });
});
