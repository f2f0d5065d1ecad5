// End-to-end: the facilitator view, the card timers, re-plan, the discussion countdown and the exports of the
// times, from file:// in two windows on a clock the test controls (tests/support/seminar.ts).
//
// The clock is 09:00 on Thursday 12 March 2026 plus what the test advances. The default deck has no `date`,
// so this is the seminar proper, not a rehearsal. Nothing is timed until the facilitator starts it. What the
// view shows of the plan and the re-plan is checked against the pure model (src/runtime/seminar/) computed
// from the seminar the deck stored.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatClock, formatCountdown } from '../../src/runtime/kit/format.js';
import { type Plan, type PlanCard, planFromModel } from '../../src/runtime/seminar/plan.js';
import { project } from '../../src/runtime/seminar/projection.js';
import { REPLAN_THRESHOLD_SECONDS, proposeReplan } from '../../src/runtime/seminar/replan.js';
import type { SeminarState } from '../../src/runtime/seminar/state.js';
import { exportRows, toCsv, toJson } from '../../src/runtime/seminar/timing-export.js';
import { da } from '../../src/runtime/strings/da.js';
import { launchBrowser, openDeck, watchPage } from '../support/browser.js';
import { SeminarDeck, downloadsInto, settle, waitForAttr, waitForFiles, waitForText } from '../support/seminar.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Built once by tests/e2e/global-setup.ts. */
const DECK_HTML = path.join(ROOT, 'tests/.tmp/dist/sociale-medier/index.html');
const SCREENS = path.join(ROOT, 'tests/.tmp/screens');
const DOWNLOADS = path.join(ROOT, 'tests/.tmp/downloads/facilitator');
/** 09:00 local time on a Thursday, in the pages' (and this process's) time zone. */
const BASE = new Date(2026, 2, 12, 9, 0, 0).getTime();
const SEMINAR = '2026-03-12';
const MINUTE = 60_000;

let browser: Browser;
let deck: SeminarDeck;
let view: Page;
let plan: Plan;
let cards: PlanCard[];
let theme1: PlanCard;
let theme2: PlanCard;

const screenshot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENS, `facilitator-${name}.png`) as `${string}.png` });

/** The card countdown in both windows: the contract `data-remaining-seconds` (undefined: none shown). */
async function expectRemaining(seconds: number | undefined): Promise<void> {
  await waitForAttr(deck.page, '.samtale-deck-timer', 'data-remaining-seconds', seconds, deck.problems);
  await waitForAttr(view, '.fv-countdown', 'data-remaining-seconds', seconds, deck.problems);
}

/** `data-seminar-state` on <html> of both windows. */
async function expectPhase(phase: 'before' | 'running' | 'paused' | 'ended'): Promise<void> {
  await waitForAttr(deck.page, 'html', 'data-seminar-state', phase, deck.problems);
  await waitForAttr(view, 'html', 'data-seminar-state', phase, deck.problems);
}

/** The deck's stored seminar and its clock: the input the Node-side model computes from. */
async function stored(): Promise<{ state: SeminarState; now: number }> {
  const state = await deck.storedSeminar();
  if (!state) throw new Error('the deck stored no seminar');
  return { state, now: deck.now };
}

const viewRows = () =>
  view.$$eval('.fv-plan-row[data-id]', (rows) =>
    rows.map((r) => ({ id: r.getAttribute('data-id'), status: r.getAttribute('data-status'), effective: Number(r.getAttribute('data-effective-seconds')), actual: Number(r.getAttribute('data-actual-seconds')) })),
  );

/** "Seminar og referat": details, seminars, exports, import, what the projector shows, reset. */
const SEMINAR_DIALOG = 'dialog[aria-labelledby="fv-dialog-heading"]';
const openDialog = async () => {
  await view.click('[data-action="open-seminar-dialog"]');
  await view.waitForSelector(`${SEMINAR_DIALOG}[open]`);
};
const openReplan = async () => {
  await view.click('[data-action="open-replan"]');
  await view.waitForSelector('dialog.fv-replan-dialog[open]');
};
const closeDialog = async () => {
  await view.click('[data-action="close-dialog"]');
  await view.waitForSelector(`${SEMINAR_DIALOG}:not([open])`);
};

beforeAll(async () => {
  browser = await launchBrowser();
  await downloadsInto(browser, DOWNLOADS);
  deck = await SeminarDeck.open(browser, DECK_HTML, BASE);
  plan = planFromModel(JSON.parse(await deck.page.$eval('#samtale-deck', (el) => el.textContent ?? '')));
  cards = plan.items.filter((item): item is PlanCard => item.kind === 'card');
  [theme1, theme2] = cards.filter((c) => c.themeNumber !== undefined) as [PlanCard, PlanCard];
});

afterAll(async () => {
  await browser?.close();
});

describe('the facilitator view', () => {
  it('opens with S from file://, shows the plan and the notes, and times nothing before the start', async () => {
    view = await deck.openView();
    await expectPhase('before');
    await expectRemaining(undefined);
    expect(await view.$eval('.fv-card-label', (el) => el.textContent)).toBe('Ikke startet');
    // The plan: every card and the break, with the manifest's times.
    const rows = await viewRows();
    expect(rows.filter((r) => !r.id?.startsWith('break-')).map((r) => r.id)).toEqual(cards.map((c) => c.id));
    expect(rows.filter((r) => r.id?.startsWith('break-'))).toHaveLength(1);
    expect(await view.$eval('.fv-projected-end', (el) => el.textContent)).toBe('Planlagt 09:00–13:00');
    expect(await view.$eval('.fv-clock-value', (el) => el.textContent)).toBe('09:00');
    expect(await view.$eval('[data-action="start-seminar"]', (el) => [el.textContent, (el as HTMLElement).hidden])).toEqual(['Start seminaret', false]);
    // The title slide's notes, from the view's own copy of the slides.
    const notes = await deck.page.$eval('.reveal .slides > section aside.notes', (el) => el.textContent?.replace(/\s+/g, ' ').trim());
    expect(await view.$eval('.fv-notes-body', (el) => el.textContent?.replace(/\s+/g, ' ').trim())).toBe(notes);
    expect(await view.title()).toContain('Facilitator');
    // Slides counted as the build counted them: the agreements overview counts only while it is shown.
    const built = await deck.page.$$eval('.reveal .slides > section:not([data-slide-kind="agreements"])', (s) => s.length);
    expect(await view.$eval('.fv-preview-current figcaption', (el) => el.textContent)).toContain(`Slide 1 af ${built}`);
    await screenshot(view, 'view-not-started');

    // Testing the remote before the seminar: the plan's card title takes the deck to a card, two minutes pass.
    await view.click(`.fv-plan-row[data-id="${theme1.id}"] .fv-plan-go`);
    await deck.page.waitForFunction((id) => (window as unknown as { Reveal: { getCurrentSlide(): HTMLElement } }).Reveal.getCurrentSlide().dataset['card'] === id, {}, theme1.id);
    await waitForText(view, '.fv-banner-start', /^Præsentationen viser tema 1 af 10, men seminaret er ikke startet/);
    expect(await view.$eval('.fv-card-title', (el) => el.textContent)).toBe(theme1.title);
    await deck.advance(2 * MINUTE);
    await waitForText(view, '.fv-clock-value', /^09:02$/);
    await expectPhase('before');
    await expectRemaining(undefined);
    const before = (await stored()).state;
    expect(before.startedAt).toBeUndefined();
    expect(before.position).toEqual({ cardId: theme1.id, atEnd: false });
    expect(Object.values(before.cards).every((c) => c.elapsedMs === 0 && c.firstEnteredAt === undefined)).toBe(true);
  });

  it('starts the seminar on one action, re-bases the plan, and counts down in both windows', async () => {
    await view.click('[data-action="start-seminar"]');
    await expectPhase('running');
    await expectRemaining(theme1.plannedSeconds);
    expect(await view.$eval('.fv-banner-start', (el) => (el as HTMLElement).hidden)).toBe(true);
    expect(await view.$eval('[data-action="start-seminar"]', (el) => (el as HTMLElement).hidden)).toBe(true);
    expect(await view.$eval('.fv-start-line', (el) => el.textContent)).toBe('Startede 09:02 (2 min. efter planen)');
    // The plan counts from the real start: the model, from what the deck stored, says where the day ends.
    const { state, now } = await stored();
    expect(state.startedAt).toBe(BASE + 2 * MINUTE);
    const projection = project(plan, state, now);
    // Started with the first theme on the projector: the welcome (5 of the day's 240 minutes) counts as held.
    expect(projection.plannedEnd).toBe(BASE + 2 * MINUTE + 235 * MINUTE);
    await waitForAttr(view, '.fv-projection', 'data-projected-end', projection.projectedEnd);
    expect(await view.$eval('.fv-projected-end', (el) => el.textContent)).toBe(`Forventet slut ${formatClock(projection.projectedEnd, 'da')}`);

    await deck.advance(65_000);
    await expectRemaining(theme1.plannedSeconds - 65);
    expect(await view.$eval('.fv-card-title', (el) => el.textContent)).toBe(theme1.title);
    expect(await view.$eval('.fv-card-label', (el) => el.textContent)).toBe('Tema 1 af 10');
    expect(await view.$eval('.fv-countdown', (el) => el.textContent)).toBe('18:55');
    // Keys in the view drive the deck too.
    const from = await deck.index();
    await view.keyboard.press('ArrowRight');
    await deck.page.waitForFunction((h) => (window as unknown as { Reveal: { getIndices(): { h: number } } }).Reveal.getIndices().h === h + 1, {}, from);
    await screenshot(view, 'view-running');
  });

  it('stops a card while another is shown and takes it up again on return', async () => {
    await deck.goTo(await deck.slideOf({ card: theme2.id }));
    await expectRemaining(theme2.plannedSeconds);
    await deck.advance(30_000);
    await expectRemaining(theme2.plannedSeconds - 30);
    await deck.goTo(await deck.slideOf({ card: theme1.id }));
    await expectRemaining(theme1.plannedSeconds - 65);
    await deck.advance(5_000);
    await expectRemaining(theme1.plannedSeconds - 70);
    const rows = await viewRows();
    expect(rows.find((r) => r.id === theme2.id)).toMatchObject({ status: 'ahead', actual: 30 });
    expect(rows.find((r) => r.id === theme1.id)).toMatchObject({ status: 'current', actual: 70 });
  });

  it('pauses and resumes the whole seminar, shows the break on the projector, and takes ±1 minute on the card', async () => {
    await view.click('[data-action="pause"]');
    await expectPhase('paused');
    await waitForAttr(view, '.fv', 'data-paused', 'true');
    await deck.advance(MINUTE);
    await waitForAttr(view, '.fv-timer', 'data-running', 'false');
    await expectRemaining(theme1.plannedSeconds - 70);
    expect(await view.$eval('.fv-pause-line', (el) => el.textContent)).toBe('Pause siden 09:03');
    expect(await view.$eval('[data-action="pause"]', (el) => el.textContent)).toBe('Fortsæt');
    // The room sees a break screen, not a slide left standing (an unplanned pause: no end time).
    await deck.page.waitForSelector('.samtale-break:not([hidden])');
    expect(await deck.page.$eval('.samtale-break-until', (el) => el.textContent)).toBe('Vi fortsætter om lidt');
    await screenshot(view, 'view-paused');
    await view.click('[data-action="pause"]');
    await expectPhase('running');
    await deck.page.waitForSelector('.samtale-break[hidden]');
    await deck.advance(10_000);
    await expectRemaining(theme1.plannedSeconds - 80);
    await view.click('[data-action="plus-minute"]');
    await expectRemaining(theme1.plannedSeconds - 20);
    await view.click('[data-action="minus-minute"]');
    await expectRemaining(theme1.plannedSeconds - 80);
    // A stray click in the deck or a stray key resets nothing.
    await deck.page.mouse.click(640, 360);
    await deck.page.keyboard.press('x');
    await expectRemaining(theme1.plannedSeconds - 80);
  });

  it('loses nothing when the view is closed and reopened, or the deck reloaded', async () => {
    const rowsBefore = await viewRows();
    await view.close();
    view = await deck.openView();
    await expectRemaining(theme1.plannedSeconds - 80);
    await expectPhase('running');
    expect(await viewRows()).toEqual(rowsBefore);

    // The deck reloads with the view open: the view adopts the new page and keeps driving it.
    await deck.reload();
    await expectRemaining(theme1.plannedSeconds - 80);
    await view.click('[data-action="plus-minute"]');
    await expectRemaining(theme1.plannedSeconds - 20);
    await view.click('[data-action="minus-minute"]');
    await expectRemaining(theme1.plannedSeconds - 80);

    // Reload the deck, close and reopen the view: still the same times, the same slide.
    await view.close();
    const h = await deck.reload();
    view = await deck.openView();
    await expectRemaining(theme1.plannedSeconds - 80);
    await expectPhase('running');
    expect(await viewRows()).toEqual(rowsBefore);
    expect(await view.$eval('.fv-preview-current figcaption', (el) => el.textContent)).toContain(`Slide ${h + 1} af`);
    expect(await view.$eval('.fv-start-line', (el) => el.textContent)).toBe('Startede 09:02 (2 min. efter planen)');
  });

  it('counts a sleep as time of the running card and says so', async () => {
    await deck.advance(14 * MINUTE);
    await expectRemaining(theme1.plannedSeconds - 80 - 14 * 60);
    await view.waitForSelector('.fv-banner-gap:not([hidden])');
    expect(await view.$eval('.fv-banner-gap span', (el) => el.textContent)).toBe('Computeren har sovet i 14 min. – tiden er talt med på tema 1.');
    await view.click('[data-action="dismiss-gap"]');
    await view.waitForSelector('.fv-banner-gap[hidden]');
    expect((await stored()).state.gaps).toHaveLength(1);
  });

  it('shows the countdown colour at a quarter left and at zero, then the overrun', async () => {
    // 16 min 20 s used of 20: under a quarter left.
    await waitForAttr(view, '.fv-timer', 'data-level', 'low');
    await waitForAttr(deck.page, '.samtale-deck-timer', 'data-level', 'low');
    await screenshot(view, 'view-low');
    await deck.advance(4 * MINUTE + 50_000);
    await expectRemaining(-10);
    await waitForAttr(view, '.fv-timer', 'data-level', 'over');
    await waitForAttr(deck.page, '.samtale-deck-timer', 'data-level', 'over');
    expect(await view.$eval('.fv-countdown', (el) => el.textContent)).toBe('+00:10');
    expect(await view.$eval('.fv-timer-label', (el) => el.textContent)).toBe('Over tid');
  });

  it('offers a re-plan only from 5 minutes behind: shorten in proportion, or skip a card, as the model computes', async () => {
    // The intro cards were passed by (their time is saved; the welcome counts as held before the start), so
    // the first theme must run far over before the day is late: 22 more minutes leave it a few minutes
    // behind, not enough to re-plan.
    await deck.advance(22 * MINUTE);
    let { state, now } = await stored();
    const slightly = project(plan, state, now).deltaSeconds;
    expect(slightly).toBeGreaterThan(60);
    expect(slightly).toBeLessThan(REPLAN_THRESHOLD_SECONDS);
    await waitForAttr(view, '.fv-projection', 'data-delta-seconds', slightly);
    expect(await view.$eval('.fv-projection', (el) => el.getAttribute('data-state'))).toBe('behind');
    expect(await view.$eval('.fv-delta', (el) => el.textContent)).toBe(`${Math.round(slightly / 60)} min. bagud`);
    expect(proposeReplan(plan, state, now)).toBeUndefined();
    expect(await view.$eval('.fv-replan-open', (el) => (el as HTMLElement).hidden)).toBe(true);

    // Three minutes more: now the view offers it beside the day's signal, and its dialog proposes exactly what the model proposes.
    await deck.advance(3 * MINUTE);
    await view.waitForSelector('.fv-replan-open:not([hidden])');
    ({ state, now } = await stored());
    const expected = proposeReplan(plan, state, now);
    expect(expected?.behindSeconds).toBeGreaterThanOrEqual(REPLAN_THRESHOLD_SECONDS);
    expect(expected?.shorten).toBeDefined();
    const shorten = expected!.shorten!;
    const behind = new RegExp(`^I er ${Math.round(expected!.behindSeconds / 60)} min\\. bagud`);
    await waitForText(view, '.fv-delta', new RegExp(`^${Math.round(expected!.behindSeconds / 60)} min\\. bagud$`));
    await openReplan();
    await waitForText(view, '.fv-replan-behind', behind);
    const shown = await view.$$eval('.fv-changes li', (items) => items.map((li) => [li.getAttribute('data-card-id'), Number(li.getAttribute('data-to-seconds'))]));
    expect(shown).toEqual(shorten.changes.filter((c) => c.toSeconds !== c.fromSeconds).map((c) => [c.cardId, c.toSeconds]));
    expect(Number(await view.$eval('[data-choice="shorten"]', (el) => el.getAttribute('data-projected-end')))).toBe(shorten.projectedEnd);
    const options = await view.$$eval('.fv-skip-select option', (os) => os.map((o) => [(o as HTMLOptionElement).value, Number(o.getAttribute('data-projected-end'))]));
    expect(options).toEqual(expected!.skipOptions.map((o) => [o.cardId, o.projectedEnd]));
    expect(await view.$eval('.fv-skip-select', (el) => (el as HTMLSelectElement).value)).toBe(expected!.skip?.cardId);
    await screenshot(view, 'view-replan');

    // One action applies it; the plan and the projected end follow.
    await view.click('[data-action="apply-replan"]');
    await view.waitForSelector('dialog.fv-replan-dialog:not([open])');
    await waitForAttr(view, '.fv-projection', 'data-projected-end', shorten.projectedEnd);
    const rows = await viewRows();
    for (const change of shorten.changes) expect(rows.find((r) => r.id === change.cardId)?.effective).toBe(change.toSeconds);
    await view.waitForSelector('.fv-replan-open[hidden]');
    // …and the deck's own agenda and card title slides show the new minutes.
    const changed = shorten.changes.find((c) => c.toSeconds !== c.fromSeconds)!;
    const minutes = da.minutes(changed.toSeconds / 60);
    expect(await deck.page.$eval(`.reveal section.samtale-card-title[data-card="${changed.cardId}"] .card-minutes`, (el) => el.textContent)).toBe(minutes);
    const agendaMinutes = await deck.page.$$eval('.reveal section.samtale-agenda .agenda-minutes', (els) => els.map((el) => el.textContent));
    expect(agendaMinutes).toContain(minutes);

    // Undo, then skip a card of the facilitator's choosing instead of the proposed one.
    await view.click('[data-action="undo-replan"]');
    await view.waitForSelector('.fv-replan-open:not([hidden])');
    expect((await stored()).state.overrides).toEqual({});
    const other = expected!.skipOptions.find((o) => o.cardId !== expected!.skip?.cardId)!;
    await openReplan();
    await view.select('.fv-skip-select', other.cardId);
    await view.click('[data-action="apply-replan"]');
    await view.waitForSelector('dialog.fv-replan-dialog:not([open])');
    await waitForAttr(view, `.fv-plan-row[data-id="${other.cardId}"]`, 'data-status', 'skipped');
    await waitForAttr(view, '.fv-projection', 'data-projected-end', other.projectedEnd);
    const after = await stored();
    expect(after.state.skipped).toEqual([other.cardId]);
    expect(project(plan, after.state, after.now).projectedEnd).toBe(other.projectedEnd);
    expect(await deck.page.$eval('.reveal section.samtale-agenda li.agenda-skipped .agenda-title', (el) => el.textContent)).toBe(other.title);
    await view.$eval('.fv-plan', (el) => el.scrollIntoView());
    await screenshot(view, 'view-plan-skipped');
    await deck.goTo(await deck.slideOf({ kind: 'agenda' }));
    await settle(deck.page);
    await screenshot(deck.page, 'agenda-replanned');

    // Skip means skip: from the slide before it, the deck's next slide is the card after the skipped one.
    const skippedAt = await deck.slideOf({ card: other.cardId });
    const afterSkipped = cards[cards.findIndex((c) => c.id === other.cardId) + 1]!;
    await deck.goTo(skippedAt - 1);
    await waitForText(view, '.fv-preview-next figcaption', new RegExp(`Slide ${(await deck.slideOf({ card: afterSkipped.id })) + 1} af`));
    await deck.page.keyboard.press('ArrowRight');
    await deck.page.waitForFunction((id) => (window as unknown as { Reveal: { getCurrentSlide(): HTMLElement } }).Reveal.getCurrentSlide().dataset['card'] === id, { polling: 100 }, afterSkipped.id);
    await deck.goTo(await deck.slideOf({ card: theme1.id }));
    await waitForAttr(view, `.fv-plan-row[data-id="${theme1.id}"]`, 'data-status', 'current');
    await view.click('[data-action="undo-replan"]');
    await waitForAttr(view, `.fv-plan-row[data-id="${other.cardId}"]`, 'data-status', 'ahead');
    expect((await stored()).state.skipped).toEqual([]);
  });

  it('shows the discussion countdown on the projector, from the view’s buttons and from either window’s keys', async () => {
    await deck.goTo((await deck.slideOf({ card: theme1.id })) + 2);
    // The soft end sound is off by default; on here, so its WebAudio path runs too (silently in headless Chromium).
    await openDialog();
    expect(await view.$eval('#fv-pref-sound', (el) => (el as HTMLInputElement).checked)).toBe(false);
    await view.click('#fv-pref-sound');
    await view.click('[data-action="test-sound"]');
    await closeDialog();
    await view.click('[data-discussion-seconds="180"]');
    await waitForAttr(deck.page, '.samtale-discussion', 'data-discussion-remaining-seconds', 180);
    await waitForAttr(view, '.fv-discussion-time', 'data-discussion-remaining-seconds', 180);
    expect(await deck.page.$eval('.samtale-discussion', (el) => getComputedStyle(el).display)).not.toBe('none');
    await deck.advance(MINUTE);
    await waitForAttr(deck.page, '.samtale-discussion', 'data-discussion-remaining-seconds', 120);
    await settle(deck.page);
    await screenshot(deck.page, 'discussion-running');
    await view.click('[data-action="discussion-toggle"]');
    await waitForAttr(deck.page, '.samtale-discussion', 'data-state', 'paused');
    await deck.advance(MINUTE);
    await waitForAttr(deck.page, '.samtale-discussion', 'data-discussion-remaining-seconds', 120);
    await view.click('[data-action="discussion-toggle"]');
    await waitForAttr(deck.page, '.samtale-discussion', 'data-state', 'running');
    await view.click('[data-action="discussion-extend"]');
    await waitForAttr(deck.page, '.samtale-discussion', 'data-discussion-remaining-seconds', 180);
    await deck.advance(3 * MINUTE);
    await waitForAttr(deck.page, '.samtale-discussion', 'data-state', 'ended');
    await waitForAttr(view, '.fv-discussion-active', 'data-state', 'ended');
    await settle(deck.page);
    await screenshot(deck.page, 'discussion-ended');
    await deck.advance(31_000);
    await deck.page.waitForSelector('.samtale-discussion[hidden]');
    await view.waitForSelector('.fv-discussion-active[hidden]');

    // The deck's own keys: D starts it with the last length, + adds a minute, Shift+D stops it.
    await deck.page.keyboard.press('d');
    await waitForAttr(deck.page, '.samtale-discussion', 'data-discussion-remaining-seconds', 180);
    await deck.page.keyboard.press('+');
    await waitForAttr(deck.page, '.samtale-discussion', 'data-discussion-remaining-seconds', 240);
    // Never on paper.
    await deck.page.emulateMediaType('print');
    expect(await deck.page.$eval('.samtale-discussion', (el) => getComputedStyle(el).display)).toBe('none');
    expect(await deck.page.$eval('.samtale-control', (el) => getComputedStyle(el).display)).toBe('none');
    await deck.page.emulateMediaType('screen');
    await deck.page.keyboard.down('Shift');
    await deck.page.keyboard.press('D');
    await deck.page.keyboard.up('Shift');
    await deck.page.waitForSelector('.samtale-discussion[hidden]');

    // The same keys pressed in the view (the laptop) drive the projector.
    await view.focus('.fv-notes-body');
    await view.keyboard.press('d');
    await waitForAttr(deck.page, '.samtale-discussion', 'data-discussion-remaining-seconds', 180);
    await view.keyboard.press('+');
    await waitForAttr(deck.page, '.samtale-discussion', 'data-discussion-remaining-seconds', 240);
    await waitForAttr(view, '.fv-discussion-time', 'data-discussion-remaining-seconds', 240);
    await view.keyboard.down('Shift');
    await view.keyboard.press('D');
    await view.keyboard.up('Shift');
    await deck.page.waitForSelector('.samtale-discussion[hidden]');
    await view.waitForSelector('.fv-discussion-active[hidden]');

    await openDialog();
    await view.click('#fv-pref-sound');
    // The deck stores the preference: wait for that, so no later step sees it land.
    const key = `samtale.v2/${await deck.deckId()}/prefs`;
    await deck.page.waitForFunction((k) => (JSON.parse(localStorage.getItem(k) ?? '{}') as { sound?: boolean }).sound === false, { polling: 50, timeout: 5_000 }, key);
    await closeDialog();
  });

  it('stays out of reveal’s print view, and print does not touch the stored seminar', async () => {
    const keys = await deck.storedKeys();
    const before = JSON.stringify(await deck.storedSeminar());
    const print = await browser.newPage();
    watchPage(print, deck.problems);
    // Every write to storage or to the window's name the print page makes, from its first line.
    await print.evaluateOnNewDocument(() => {
      const writes: string[] = [];
      (window as unknown as { __writes: string[] }).__writes = writes;
      for (const name of ['setItem', 'removeItem', 'clear'] as const) {
        const original = Storage.prototype[name] as (...args: unknown[]) => unknown;
        Storage.prototype[name] = function (this: Storage, ...args: unknown[]) {
          writes.push(`${name} ${String(args[0] ?? '')}`);
          return original.apply(this, args);
        } as never;
      }
    });
    try {
      await print.goto(`${pathToFileURL(DECK_HTML).href}?view=print`, { waitUntil: 'load' });
      await print.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady() === true, { polling: 100 });
      // reveal has laid the slides out as pages: the runtime has done whatever it does on start.
      await print.waitForSelector('.reveal .pdf-page');
      expect(await print.evaluate(() => document.querySelectorAll('.samtale-control, .samtale-discussion, .samtale-break, .samtale-agreed, .samtale-deck-timer').length)).toBe(0);
      expect(await print.evaluate(() => document.documentElement.dataset['seminarState'])).toBeUndefined();
      expect(await print.evaluate(() => (window as unknown as { __writes: string[] }).__writes.filter((w) => w.includes('samtale')))).toEqual([]);
      expect(await print.evaluate(() => window.name)).toBe('');
      expect(await deck.storedKeys()).toEqual(keys);
      expect(JSON.stringify(await deck.storedSeminar())).toBe(before);
    } finally {
      await print.close();
    }
    await deck.page.bringToFront();
  });

  it('shows the card countdown on the projector only when asked, labelled as such', async () => {
    expect(await deck.page.$eval('.samtale-deck-timer', (el) => getComputedStyle(el).display)).toBe('none');
    await openDialog();
    expect(await view.$eval('#fv-pref-deck-timer', (el) => (el as HTMLInputElement).checked)).toBe(false);
    await view.click('#fv-pref-deck-timer');
    await deck.page.waitForSelector('.samtale-deck-timer:not([hidden])');
    expect(await deck.page.$eval('.samtale-deck-timer', (el) => getComputedStyle(el).display)).not.toBe('none');
    const remaining = Number(await deck.page.$eval('.samtale-deck-timer', (el) => el.getAttribute('data-remaining-seconds')));
    expect(await deck.page.$eval('.samtale-deck-timer-label', (el) => el.textContent)).toBe('Tid tilbage på temaet');
    expect(await deck.page.$eval('.samtale-deck-timer-value', (el) => el.textContent)).toBe(formatCountdown(remaining));
    await screenshot(deck.page, 'deck-timer');
    // Kept with the deck's preferences: a reload still shows it.
    await closeDialog();
    await deck.reload();
    await deck.page.waitForSelector('.samtale-deck-timer:not([hidden])');
    await openDialog();
    await view.click('#fv-pref-deck-timer');
    await deck.page.waitForSelector('.samtale-deck-timer[hidden]');
    await closeDialog();
  });

  it('exports planned and actual minutes per card as CSV and JSON, as the model computes them', async () => {
    await openDialog();
    await view.click('[data-action="export-times-csv"]');
    await view.click('[data-action="export-times-json"]');
    const files = await waitForFiles(DOWNLOADS, [`sociale-medier-tider-${SEMINAR}.csv`, `sociale-medier-tider-${SEMINAR}.json`]);
    await closeDialog();
    const csv = files[0]!.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(csv[0]).toBe('Nr.;Id;Tema;Temanr.;Planlagt (min);Omplanlagt (min);Faktisk (min);Forskel (min);Status;Start');
    expect(csv.length - 1).toBe(cards.length);
    expect(csv.slice(1).map((line) => line.split(';')[1])).toEqual(cards.map((c) => c.id));
    const json = JSON.parse(files[1]!) as { seminar: string; rehearsal: boolean; cards: { id: string; actualMinutes: number }[]; pauses: unknown[]; gaps: { minutes: number; cardId: string; kind: string }[] };
    expect(json).toMatchObject({ seminar: SEMINAR, rehearsal: false });
    expect(json.cards).toHaveLength(cards.length);
    expect(json.cards.find((c) => c.id === theme2.id)?.actualMinutes).toBe(0.5);
    expect(json.pauses).toHaveLength(1);
    // The sleep comes first; every later jump of the test's clock by more than 2 minutes is one too.
    expect(json.gaps[0]).toMatchObject({ minutes: 14, cardId: theme1.id, kind: 'sleep' });
    // Both files are what the model makes of the stored seminar at the deck's time.
    const { state, now } = await stored();
    const projection = project(plan, state, now);
    expect(files[0]).toBe(toCsv(exportRows(plan, projection), 'da', da.exportLabels));
    expect(files[1]).toBe(toJson(plan, projection, state, now));
  });

  it('starts the times over only after confirmation, and then waits for the start again', async () => {
    await openDialog();
    await view.click('[data-action="reset"]');
    await view.waitForSelector('[data-action="reset-confirm"]');
    await screenshot(view, 'view-reset-question');
    await view.click('[data-action="reset-cancel"]');
    await view.waitForSelector('[data-action="reset"]');
    expect(Number(await view.$eval('.fv-countdown', (el) => el.getAttribute('data-remaining-seconds')))).toBeLessThan(0);
    await view.click('[data-action="reset"]');
    await view.click('[data-action="reset-confirm"]');
    await closeDialog();
    // Back to "not started": nothing counts, every card at zero.
    await expectPhase('before');
    await expectRemaining(undefined);
    expect((await viewRows()).every((r) => r.actual === 0)).toBe(true);
    expect((await stored()).state.startedAt).toBeUndefined();
    // T on the deck starts it again, on the card the deck shows.
    await deck.page.keyboard.press('t');
    await expectPhase('running');
    await expectRemaining(theme1.plannedSeconds);
  });

  it('speaks English when the deck’s language is en', async () => {
    // The same deck with `language: en` (and its own id, so its storage is its own) in its model: JSON data,
    // not a script, so the CSP hashes are unaffected.
    const source = readFileSync(DECK_HTML, 'utf8');
    const html = source.replace('"language":"da"', '"language":"en"').replace('<html lang="da">', '<html lang="en">').replace('"id":"sociale-medier","title"', '"id":"sociale-medier-en","title"');
    expect(html.match(/"language":"en"|lang="en"|"id":"sociale-medier-en"/g)).toHaveLength(3);
    const file = path.join(path.dirname(DECK_HTML), 'index-en.html');
    writeFileSync(file, html);
    const { page, problems: enProblems } = await openDeck(browser, file);
    try {
      const opened = new Promise<Page | null>((resolve) => page.once('popup', resolve));
      await page.keyboard.press('s');
      const popup = (await opened)!;
      watchPage(popup, enProblems);
      await popup.waitForSelector('.fv[data-connected="true"]');
      expect(await popup.$eval('.fv-projected-end', (el) => el.textContent)).toBe('Planned 09:00–13:00');
      expect(await popup.$eval('[data-action="start-seminar"]', (el) => el.textContent)).toBe('Start the seminar');
      expect(await popup.$eval('.fv-card-label', (el) => el.textContent)).toBe('Not started');
      expect(await popup.$eval('.fv-notes h2', (el) => el.textContent)).toBe('Notes');
      expect(await popup.$eval('.fv-plan-table thead', (el) => el.textContent)).toBe('TimeThemePlanUsedAction');
      expect(await popup.$eval('[data-action="open-seminar-dialog"]', (el) => el.textContent)).toBe('Seminar and record');
      expect(await popup.$eval('.fv-clock-value', (el) => el.textContent)).toMatch(/^\d\d:\d\d$/);
      await popup.close();
    } finally {
      await page.close();
      rmSync(file, { force: true });
    }
    expect(enProblems).toEqual([]);
    await deck.page.bringToFront();
  });

  it('had no console errors, CSP violations or network requests in either window', () => {
    expect(deck.problems).toEqual([]);
  });
});
