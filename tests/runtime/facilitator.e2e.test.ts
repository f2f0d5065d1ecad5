// End-to-end: the facilitator view, card timers, re-plan, the discussion countdown and export, from file:// with a controlled clock.
//
// The clock: the runtime reads time through `window.__samtaleNow` when a test defines it (src/runtime/facilitator/clock.ts).
// Here it is 09:00 on 12 March 2026 plus an offset; `advance()` moves it in the page and re-registers the script that
// defines it for pages to come (reloads). The facilitator view computes no time itself, so only the deck needs the hook.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, CDPSession, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Plan, planFromModel } from '../../src/runtime/timing/plan.js';
import { project } from '../../src/runtime/timing/projection.js';
import { proposeReplan } from '../../src/runtime/timing/replan.js';
import { type TimingState, parseState } from '../../src/runtime/timing/state.js';
import { launchBrowser, openDeck, watchPage } from '../support/browser.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Built once by tests/e2e/global-setup.ts. */
const DECK_HTML = path.join(ROOT, 'tests/.tmp/dist/sociale-medier/index.html');
const SCREENS = path.join(ROOT, 'tests/.tmp/screens');
const DOWNLOADS = path.join(ROOT, 'tests/.tmp/downloads');
/** 09:00 local time on the test's seminar day, in the pages' (and this process's) time zone. */
const BASE = new Date(2026, 2, 12, 9, 0, 0).getTime();
const MINUTE = 60_000;

interface ModelCard {
  id: string;
  kind: string;
  plannedSeconds: number;
  title: string;
}

let browser: Browser;
let deck: Page;
let view: Page;
let problems: string[];
let model: { id: string; cards: ModelCard[] };
let plan: Plan;
let theme1: ModelCard;
let theme2: ModelCard;

const screenshot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENS, `facilitator-${name}.png`) as `${string}.png` });

type ClockWindow = Window & { __samtaleTestOffset: number; __samtaleNow: () => number };
let offset = 0;
let clockScript: string | undefined;

/** Defines `__samtaleNow` in every document the deck tab loads from now on, at the current offset. */
async function installClock(): Promise<void> {
  if (clockScript !== undefined) await deck.removeScriptToEvaluateOnNewDocument(clockScript);
  ({ identifier: clockScript } = await deck.evaluateOnNewDocument(
    (base, at) => {
      const w = window as unknown as ClockWindow;
      w.__samtaleTestOffset = at;
      w.__samtaleNow = () => base + w.__samtaleTestOffset;
    },
    BASE,
    offset,
  ));
}

/** Moves the test clock forward (the deck reads it on its next tick, within 250 ms). */
async function advance(ms: number): Promise<void> {
  offset += ms;
  await installClock();
  await deck.evaluate((by) => {
    (window as unknown as ClockWindow).__samtaleTestOffset += by;
  }, ms);
}

/** The deck's timing state as the runtime last saved it (its window-name mirror: see src/runtime/facilitator/store.ts). */
const savedState = () =>
  deck.evaluate(() => (window.name.startsWith('samtale.timing.v1:') ? (JSON.parse(window.name.slice('samtale.timing.v1:'.length)) as { state: unknown }).state : null));

const deckNow = () => deck.evaluate(() => (window as unknown as { __samtaleNow: () => number }).__samtaleNow());

/** Waits until `selector` in `page` has `attribute` equal to `value` (undefined: absent). */
async function waitForAttr(page: Page, selector: string, attribute: string, value: string | number | undefined): Promise<void> {
  const expected = value === undefined ? null : String(value);
  try {
    await page.waitForFunction(
      (sel, attr, want) => (document.querySelector(sel)?.getAttribute(attr) ?? null) === want,
      // Polling by time, not animation frames: a window in the background gets no frames.
      { timeout: 5000, polling: 100 },
      selector,
      attribute,
      expected,
    );
  } catch {
    const actual = await page.$eval(selector, (el, attr) => el.getAttribute(attr), attribute).catch(() => 'no element');
    const where = await Promise.all([deck.url(), savedState()]).catch((error: unknown) => String(error));
    throw new Error(`${selector} [${attribute}] is ${actual}, expected ${expected}\n${JSON.stringify(where)}\n${problems.join('\n')}`);
  }
}

/** The card countdown in both windows: the contract `data-remaining-seconds`. */
async function expectRemaining(seconds: number | undefined): Promise<void> {
  await waitForAttr(deck, '.samtale-deck-timer', 'data-remaining-seconds', seconds);
  await waitForAttr(view, '.fv-countdown', 'data-remaining-seconds', seconds);
}

const firstSlideOf = (cardId: string) =>
  deck.evaluate((id) => Array.from(document.querySelectorAll<HTMLElement>('.reveal .slides > section')).findIndex((s) => s.dataset['card'] === id), cardId);

async function goToSlide(index: number): Promise<void> {
  await deck.evaluate((h) => (window as unknown as { Reveal: { slide(h: number): void } }).Reveal.slide(h), index);
}

/**
 * Reloads the deck as a facilitator would (F5). reveal writes the slide into the URL at most once a second;
 * a real reload comes back to the slide, so wait for the URL first.
 */
async function reloadDeck(): Promise<number> {
  const h = await deck.evaluate(() => (window as unknown as { Reveal: { getIndices(): { h: number } } }).Reveal.getIndices().h);
  await deck.waitForFunction((at) => location.hash === (at === 0 ? '' : `#/${at}`), {}, h);
  await deck.reload({ waitUntil: 'load' });
  await deck.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady() === true);
  return h;
}

/** Opens the facilitator view with S and waits until it is connected. */
async function openView(): Promise<Page> {
  // A view being closed still counts as open for a moment; S would only bring it to the front.
  await deck.waitForSelector('.samtale-control[data-view="closed"]');
  const opened = new Promise<Page | null>((resolve) => deck.once('popup', resolve));
  await deck.keyboard.press('s');
  const popup = await opened;
  if (popup === null) throw new Error('S opened no window');
  // The popup loads the deck file itself; Log.enable replays what Chromium logged before we listened (CSP included).
  const session: CDPSession = await popup.createCDPSession();
  session.on('Log.entryAdded', ({ entry }) => {
    if (entry.level === 'error') problems.push(`view ${entry.source}: ${entry.text}`);
  });
  await session.send('Log.enable');
  watchPage(popup, problems);
  await popup.setViewport({ width: 1280, height: 800 });
  await popup.waitForSelector('.fv[data-connected="true"]', { timeout: 10_000 });
  return popup;
}

/** The deck's stored timing state and clock: the input the Node-side oracle computes from. */
async function storedState(): Promise<{ state: TimingState; now: number }> {
  const saved = await savedState();
  const state = parseState(saved, model.id);
  if (!state) throw new Error(`no saved timing state: ${JSON.stringify(saved)}`);
  return { state, now: await deckNow() };
}

const viewRows = () =>
  view.$$eval('.fv-plan-row[data-id]', (rows) =>
    rows.map((r) => ({ id: r.getAttribute('data-id'), status: r.getAttribute('data-status'), effective: Number(r.getAttribute('data-effective-seconds')), actual: Number(r.getAttribute('data-actual-seconds')) })),
  );

beforeAll(async () => {
  rmSync(DOWNLOADS, { recursive: true, force: true });
  mkdirSync(DOWNLOADS, { recursive: true });
  mkdirSync(SCREENS, { recursive: true });
  browser = await launchBrowser();
  ({ page: deck, problems } = await openDeck(browser, DECK_HTML));
  // Install the test clock and start from nothing saved, then load again so the runtime sees both from its first line.
  // The first load (on the real clock) keeps running until the reload and may save once more: check, and repeat.
  await installClock();
  for (let attempt = 1; ; attempt++) {
    await deck.evaluate(() => {
      localStorage.clear();
      window.name = '';
    });
    await deck.reload({ waitUntil: 'load' });
    await deck.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady() === true);
    const saved = (await savedState()) as { createdAt?: number } | null;
    if (saved?.createdAt === BASE) break;
    if (attempt === 3) throw new Error(`could not start from a fresh timing state: ${JSON.stringify(saved)}`);
  }
  model = JSON.parse(await deck.$eval('#samtale-deck', (el) => el.textContent ?? '')) as typeof model;
  plan = planFromModel(model);
  [theme1, theme2] = model.cards.filter((c) => c.kind === 'theme') as [ModelCard, ModelCard];
  const cdp = await browser.target().createCDPSession();
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: DOWNLOADS, eventsEnabled: true });
});

afterAll(async () => {
  await browser?.close();
});

describe('the facilitator view', () => {
  it('opens with S from file://, shows the plan, the notes and no countdown before the first card', async () => {
    view = await openView();
    await waitForAttr(view, '.fv-countdown', 'data-remaining-seconds', undefined);
    expect(await view.$eval('.fv-card-label', (el) => el.textContent)).toBe('Ikke startet');
    // The plan: every card and the break, with the manifest's times.
    const rows = await viewRows();
    expect(rows.filter((r) => r.id?.startsWith('break-') === false).map((r) => r.id)).toEqual(model.cards.map((c) => c.id));
    expect(await view.$eval('.fv-planned-end', (el) => el.textContent)).toBe('Planlagt slut 12:45');
    expect(await view.$eval('.fv-clock', (el) => el.textContent)).toBe('09:00');
    // The title slide's notes, from the view's own copy of the slides.
    const notes = await deck.$eval('.reveal .slides > section aside.notes', (el) => el.textContent?.replace(/\s+/g, ' ').trim());
    expect(await view.$eval('.fv-notes-body', (el) => el.textContent?.replace(/\s+/g, ' ').trim())).toBe(notes);
    expect(await view.title()).toContain('Facilitator');
    await screenshot(view, 'view-not-started');
  });

  it('starts a card on entry and counts down in both windows', async () => {
    // Navigating from the view: the plan's card title takes the deck there.
    await view.click(`.fv-plan-row[data-id="${theme1.id}"] .fv-plan-go`);
    await deck.waitForFunction((id) => (window as unknown as { Reveal: { getCurrentSlide(): HTMLElement } }).Reveal.getCurrentSlide().dataset['card'] === id, {}, theme1.id);
    await expectRemaining(theme1.plannedSeconds);
    await advance(65_000);
    await expectRemaining(theme1.plannedSeconds - 65);
    expect(await view.$eval('.fv-card-title', (el) => el.textContent)).toBe(theme1.title);
    expect(await view.$eval('.fv-countdown', (el) => el.textContent)).toBe('18:55');
    // Keys in the view drive the deck too.
    const before = await deck.evaluate(() => (window as unknown as { Reveal: { getIndices(): { h: number } } }).Reveal.getIndices().h);
    await view.keyboard.press('ArrowRight');
    await deck.waitForFunction((h) => (window as unknown as { Reveal: { getIndices(): { h: number } } }).Reveal.getIndices().h === h + 1, {}, before);
    await screenshot(view, 'view-running');
  });

  it('pauses a card while another is shown and resumes it on return', async () => {
    await goToSlide(await firstSlideOf(theme2.id));
    await expectRemaining(theme2.plannedSeconds);
    await advance(30_000);
    await expectRemaining(theme2.plannedSeconds - 30);
    await goToSlide(await firstSlideOf(theme1.id));
    await expectRemaining(theme1.plannedSeconds - 65);
    await advance(5_000);
    await expectRemaining(theme1.plannedSeconds - 70);
    const rows = await viewRows();
    expect(rows.find((r) => r.id === theme2.id)).toMatchObject({ status: 'ahead', actual: 30 });
    expect(rows.find((r) => r.id === theme1.id)).toMatchObject({ status: 'current', actual: 70 });
  });

  it('pauses and resumes the whole seminar, and takes ±1 minute on the current card', async () => {
    await view.click('[data-action="pause"]');
    await waitForAttr(view, '.fv', 'data-paused', 'true');
    await advance(60_000);
    await waitForAttr(view, '.fv-timer', 'data-running', 'false');
    await expectRemaining(theme1.plannedSeconds - 70);
    expect(await view.$eval('.fv-pause-line', (el) => el.textContent)).toBe('Pause siden 09:01');
    await screenshot(view, 'view-paused');
    await view.click('[data-action="pause"]');
    await waitForAttr(view, '.fv', 'data-paused', 'false');
    await advance(10_000);
    await expectRemaining(theme1.plannedSeconds - 80);
    await view.click('[data-action="plus-minute"]');
    await expectRemaining(theme1.plannedSeconds - 20);
    await view.click('[data-action="minus-minute"]');
    await expectRemaining(theme1.plannedSeconds - 80);
    // A stray click in the deck or a stray key resets nothing.
    await deck.mouse.click(640, 360);
    await deck.keyboard.press('x');
    await expectRemaining(theme1.plannedSeconds - 80);
  });

  it('loses nothing when the view is closed and reopened, or the deck reloaded', async () => {
    const rowsBefore = await viewRows();
    await view.close();
    view = await openView();
    await expectRemaining(theme1.plannedSeconds - 80);
    expect(await viewRows()).toEqual(rowsBefore);

    // The deck reloads with the view open: the view adopts the new page and keeps driving it.
    await reloadDeck();
    await expectRemaining(theme1.plannedSeconds - 80);
    await view.waitForSelector('.fv[data-connected="true"]');
    await view.click('[data-action="plus-minute"]');
    await waitForAttr(deck, '.samtale-deck-timer', 'data-remaining-seconds', theme1.plannedSeconds - 20);
    await view.click('[data-action="minus-minute"]');

    // Reload the deck, close and reopen the view: still the same times, the same slide.
    await view.close();
    const h = await reloadDeck();
    view = await openView();
    await expectRemaining(theme1.plannedSeconds - 80);
    expect(await viewRows()).toEqual(rowsBefore);
    expect(await view.$eval('.fv-preview-current figcaption', (el) => el.textContent)).toContain(`Slide ${h + 1} af`);
  });

  it('counts a sleep as time of the running card and says so', async () => {
    await advance(14 * MINUTE);
    await expectRemaining(theme1.plannedSeconds - 80 - 14 * 60);
    await view.waitForSelector('.fv-banner-gap:not([hidden])');
    expect(await view.$eval('.fv-banner-gap span', (el) => el.textContent)).toBe('Computeren har sovet i 14 min – tiden er talt med på tema 1.');
    await view.click('[data-action="dismiss-gap"]');
    await view.waitForSelector('.fv-banner-gap[hidden]');
  });

  it('shows the countdown colour at a quarter left and at zero, then the overrun', async () => {
    // 16 min 20 s used of 20: under a quarter left.
    await waitForAttr(view, '.fv-timer', 'data-level', 'low');
    await screenshot(view, 'view-low');
    await advance(4 * MINUTE + 50_000);
    await expectRemaining(-10);
    await waitForAttr(view, '.fv-timer', 'data-level', 'over');
    expect(await view.$eval('.fv-countdown', (el) => el.textContent)).toBe('+00:10');
  });

  it('re-plans when behind: shorten in proportion, or skip a card, as computed', async () => {
    // Make the seminar clearly late: the first theme runs 25 minutes over.
    await advance(25 * MINUTE);
    await view.waitForSelector('.fv-replan:not([hidden])');
    const { state, now } = await storedState();
    const expected = proposeReplan(plan, state, now);
    expect(expected?.shorten).toBeDefined();
    const shown = await view.$$eval('.fv-changes li', (items) => items.map((li) => [li.getAttribute('data-card-id'), Number(li.getAttribute('data-to-seconds'))]));
    expect(shown).toEqual(expected!.shorten!.changes.filter((c) => c.toSeconds !== c.fromSeconds).map((c) => [c.cardId, c.toSeconds]));
    expect(Number(await view.$eval('[data-choice="shorten"]', (el) => el.getAttribute('data-projected-end')))).toBe(expected!.shorten!.projectedEnd);
    await screenshot(view, 'view-replan');

    // One action applies it; the plan and the projected end follow.
    await view.click('[data-action="apply-replan"]');
    await waitForAttr(view, '.fv-projection', 'data-projected-end', expected!.shorten!.projectedEnd);
    const rows = await viewRows();
    for (const change of expected!.shorten!.changes) expect(rows.find((r) => r.id === change.cardId)?.effective).toBe(change.toSeconds);
    expect(await view.$('.fv-replan:not([hidden])')).toBeNull();
    // …and the deck's own agenda and card title slides show the new minutes.
    const changed = expected!.shorten!.changes.find((c) => c.toSeconds !== c.fromSeconds)!;
    const minutes = `${changed.toSeconds / 60} min.`;
    expect(await deck.$eval(`.reveal section.samtale-card-title[data-card="${changed.cardId}"] .card-minutes`, (el) => el.textContent)).toBe(minutes);
    const agendaMinutes = await deck.$$eval('.reveal section.samtale-agenda .agenda-minutes', (els) => els.map((el) => el.textContent));
    expect(agendaMinutes).toContain(minutes);

    // Undo, then skip a card of the facilitator's choosing instead of the proposed one.
    await view.click('[data-action="undo-replan"]');
    await view.waitForSelector('.fv-replan:not([hidden])');
    const options = expected!.skipOptions;
    const other = options.find((o) => o.cardId !== expected!.skip?.cardId)!;
    await view.select('.fv-skip-select', other.cardId);
    await view.click('[data-action="apply-replan"]');
    await waitForAttr(view, `.fv-plan-row[data-id="${other.cardId}"]`, 'data-status', 'skipped');
    await waitForAttr(view, '.fv-projection', 'data-projected-end', other.projectedEnd);
    const after = await storedState();
    expect(project(plan, after.state, after.now).projectedEnd).toBe(other.projectedEnd);
    expect(await deck.$eval('.reveal section.samtale-agenda li.agenda-skipped .agenda-title', (el) => el.textContent)).toBe(other.title);
    await view.$eval('.fv-plan', (el) => el.scrollIntoView());
    await screenshot(view, 'view-plan-skipped');
    await goToSlide(1);
    await settle(deck);
    await screenshot(deck, 'agenda-replanned');
    await view.click('[data-action="undo-replan"]');
    await waitForAttr(view, `.fv-plan-row[data-id="${other.cardId}"]`, 'data-status', 'ahead');
  });

  it('shows the discussion countdown on the audience screen, counts down and goes away', async () => {
    await goToSlide(await firstSlideOf(theme1.id) + 2);
    // The soft end sound is off by default; on here, so its WebAudio path runs too (silently in headless Chromium).
    expect(await view.$eval('.fv-sound input', (el) => (el as HTMLInputElement).checked)).toBe(false);
    await view.click('.fv-sound input');
    await view.click('.fv-sound .fv-link-button');
    await view.click('[data-discussion-seconds="180"]');
    await waitForAttr(deck, '.samtale-discussion', 'data-discussion-remaining-seconds', 180);
    await waitForAttr(view, '.fv-discussion-time', 'data-discussion-remaining-seconds', 180);
    expect(await deck.$eval('.samtale-discussion', (el) => getComputedStyle(el).display)).not.toBe('none');
    await advance(60_000);
    await waitForAttr(deck, '.samtale-discussion', 'data-discussion-remaining-seconds', 120);
    await settle(deck);
    await screenshot(deck, 'discussion-running');
    await view.click('[data-action="discussion-toggle"]');
    await waitForAttr(deck, '.samtale-discussion', 'data-state', 'paused');
    await advance(60_000);
    await waitForAttr(deck, '.samtale-discussion', 'data-discussion-remaining-seconds', 120);
    await view.click('[data-action="discussion-toggle"]');
    await view.click('[data-action="discussion-extend"]');
    await waitForAttr(deck, '.samtale-discussion', 'data-discussion-remaining-seconds', 180);
    await advance(180_000);
    await waitForAttr(deck, '.samtale-discussion', 'data-state', 'ended');
    await waitForAttr(view, '.fv-discussion-active', 'data-state', 'ended');
    await settle(deck);
    await screenshot(deck, 'discussion-ended');
    await advance(31_000);
    await deck.waitForSelector('.samtale-discussion[hidden]');
    await view.waitForSelector('.fv-discussion-active[hidden]');

    // The deck's own keys: D starts it with the last length, Shift+D stops it.
    await deck.keyboard.press('d');
    await waitForAttr(deck, '.samtale-discussion', 'data-discussion-remaining-seconds', 180);
    // Never on paper.
    await deck.emulateMediaType('print');
    expect(await deck.$eval('.samtale-discussion', (el) => getComputedStyle(el).display)).toBe('none');
    expect(await deck.$eval('.samtale-control', (el) => getComputedStyle(el).display)).toBe('none');
    await deck.emulateMediaType('screen');
    await deck.keyboard.down('Shift');
    await deck.keyboard.press('D');
    await deck.keyboard.up('Shift');
    await deck.waitForSelector('.samtale-discussion[hidden]');
    await view.click('.fv-sound input');
    // The view sends the preference to the deck, which stores it: wait for that, so no later test sees it land.
    await deck.waitForFunction((k) => (JSON.parse(localStorage.getItem(k) ?? '{}') as { state?: { prefs?: { sound?: boolean } } }).state?.prefs?.sound === false,
      { polling: 50, timeout: 5_000 }, `samtale.timing.v1/${model.id}`);
  });

  it('stays out of reveal’s print view, and print does not touch the times', async () => {
    // The stored state, without the revision number the deck's own saves bump.
    const key = `samtale.timing.v1/${model.id}`;
    const stored = () => deck.evaluate((k) => JSON.stringify((JSON.parse(localStorage.getItem(k) ?? '{}') as { state?: unknown }).state), key);
    const before = await stored();
    const print = await browser.newPage();
    watchPage(print, problems);
    try {
      await print.goto(`${pathToFileURL(DECK_HTML).href}?view=print`, { waitUntil: 'load' });
      await print.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady() === true, { polling: 100 });
      expect(await print.evaluate(() => document.querySelectorAll('.samtale-control, .samtale-discussion').length)).toBe(0);
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(await stored()).toBe(before);
    } finally {
      await print.close();
    }
    await deck.bringToFront();
  });

  it('shows the card countdown on the audience screen only when asked', async () => {
    expect(await deck.$eval('.samtale-deck-timer', (el) => getComputedStyle(el).display)).toBe('none');
    await view.click('.fv-tools input[type="checkbox"]');
    await deck.waitForSelector('.samtale-deck-timer:not([hidden])');
    await screenshot(deck, 'deck-timer');
    await view.click('.fv-tools input[type="checkbox"]');
    await deck.waitForSelector('.samtale-deck-timer[hidden]');
  });

  it('exports planned and actual minutes per card as CSV and JSON', async () => {
    await view.click('[data-action="export-csv"]');
    await view.click('[data-action="export-json"]');
    const files = await waitForFiles(['sociale-medier-tider-2026-03-12.csv', 'sociale-medier-tider-2026-03-12.json']);
    const csv = files[0]!.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(csv[0]).toBe('Nr.;Id;Tema;Temanr.;Planlagt (min);Omplanlagt (min);Faktisk (min);Forskel (min);Status;Start');
    expect(csv.length - 1).toBe(model.cards.length);
    expect(csv.slice(1).map((line) => line.split(';')[1])).toEqual(model.cards.map((c) => c.id));
    const json = JSON.parse(files[1]!) as { cards: { id: string; actualMinutes: number }[]; pauses: unknown[] };
    expect(json.cards).toHaveLength(model.cards.length);
    expect(json.cards.find((c) => c.id === theme2.id)?.actualMinutes).toBe(0.5);
    expect(json.pauses).toHaveLength(1);
  });

  it('resets only after confirmation', async () => {
    await view.click('[data-action="reset"]');
    await view.waitForSelector('[data-action="reset-confirm"]');
    await screenshot(view, 'view-reset-question');
    await view.click('[data-action="reset-cancel"]');
    await view.waitForSelector('[data-action="reset"]');
    expect(Number(await view.$eval('.fv-countdown', (el) => el.getAttribute('data-remaining-seconds')))).toBeLessThan(0);
    await view.click('[data-action="reset"]');
    await view.click('[data-action="reset-confirm"]');
    // Timing starts afresh on the card the deck shows.
    await expectRemaining(theme1.plannedSeconds);
    expect((await viewRows()).every((r) => r.actual === 0)).toBe(true);
  });

  it('speaks English when the deck’s language is en', async () => {
    // The same deck with `language: en` in its model (JSON data, not a script: the CSP hashes are unaffected).
    const html = readFileSync(DECK_HTML, 'utf8').replace('"language":"da"', '"language":"en"').replace('<html lang="da">', '<html lang="en">');
    const file = path.join(path.dirname(DECK_HTML), 'index-en.html');
    writeFileSync(file, html);
    const { page, problems: enProblems } = await openDeck(browser, file);
    try {
      const opened = new Promise<Page | null>((resolve) => page.once('popup', resolve));
      await page.keyboard.press('s');
      const popup = (await opened)!;
      watchPage(popup, enProblems);
      await popup.waitForSelector('.fv[data-connected="true"]');
      expect(await popup.$eval('.fv-planned-end', (el) => el.textContent)).toBe('Planned end 12:45');
      expect(await popup.$eval('.fv-notes h2', (el) => el.textContent)).toBe('Notes');
      expect(await popup.$eval('.fv-plan-table thead', (el) => el.textContent)).toBe('TimeThemePlanActual');
      expect(await popup.$eval('.fv-clock', (el) => el.textContent)).toMatch(/^\d\d:\d\d$/);
      await popup.close();
    } finally {
      await page.close();
      rmSync(file, { force: true });
    }
    expect(enProblems).toEqual([]);
    await deck.bringToFront();
  });

  it('had no console errors, CSP violations or network requests in either window', () => {
    expect(problems).toEqual([]);
  });
});

/** Waits for the deck's transitions and animations (slide fades, the end signal's pulses) to finish. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.race([
      Promise.all(document.getAnimations().filter((a) => a.effect?.getComputedTiming().endTime !== Infinity).map((a) => a.finished.catch(() => undefined))),
      new Promise((resolve) => setTimeout(resolve, 5000)),
    ]),
  );
}

async function waitForFiles(names: string[]): Promise<string[]> {
  for (let i = 0; i < 100; i++) {
    const present = readdirSync(DOWNLOADS);
    if (names.every((n) => present.includes(n))) return names.map((n) => readFileSync(path.join(DOWNLOADS, n), 'utf8'));
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`downloads missing: ${names.join(', ')} (found ${readdirSync(DOWNLOADS).join(', ')})`);
}
