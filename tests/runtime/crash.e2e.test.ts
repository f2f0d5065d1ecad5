// End-to-end: the browser is killed in the middle of the seminar (a laptop whose battery dies, a machine
// forced shut), seconds after the facilitator typed the council's agreement. Chromium commits localStorage
// to disk seconds after setItem; "Gemt" in the view must mean the text survives this, and the reopened
// deck must come back on the slide the room last saw, its card still timed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser } from 'puppeteer';
import { afterAll, describe, expect, it } from 'vitest';
import { launchOptions } from '../../src/browser/find-browser.js';
import { type PlanCard, planFromModel } from '../../src/runtime/seminar/plan.js';
import { SeminarDeck, waitForAttr, waitForText } from '../support/seminar.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Built once by tests/e2e/global-setup.ts. */
const DECK_HTML = path.join(ROOT, 'tests/.tmp/dist/sociale-medier/index.html');
const BASE = new Date(2026, 2, 12, 9, 0, 0).getTime();
const AGREED = 'Vi laver en fælles politik for sociale medier inden sommerferien. Æ, ø og å kommer med.';

const profile = mkdtempSync(path.join(tmpdir(), 'samtale-crash-'));
const launch = (): Promise<Browser> => puppeteer.launch({ ...launchOptions(), userDataDir: profile });
let browser: Browser | undefined;

afterAll(async () => {
  await browser?.close();
  rmSync(profile, { recursive: true, force: true });
});

describe('a browser killed during the seminar', () => {
  it('keeps every keystroke the view called saved, and reopens on the slide the room saw', async () => {
    browser = await launch();
    const deck = await SeminarDeck.open(browser, DECK_HTML, BASE);
    const plan = planFromModel(JSON.parse(await deck.page.$eval('#samtale-deck', (el) => el.textContent ?? '')));
    const theme1 = plan.items.find((item): item is PlanCard => item.kind === 'card' && item.themeNumber === 1)!;
    const view = await deck.openView();
    await view.click('[data-action="start-seminar"]');
    await waitForAttr(deck.page, 'html', 'data-seminar-state', 'running', deck.problems);
    const action = await deck.slideOf({ card: theme1.id, kind: 'action' });
    await deck.goTo(action);
    await waitForAttr(view, '.fv-agreement', 'data-mode', 'screen');
    await deck.advance(3 * 60_000);
    await view.focus('#fv-agreed');
    // Typed in bursts, as a council's agreement is: the last words just before the machine dies.
    const words = AGREED.split(' ');
    for (const [i, word] of words.entries()) {
      await view.keyboard.type(i === 0 ? word : ` ${word}`);
      // "Gemt" only once the keystroke is on disk; after the last word the machine dies at once.
      await view.waitForFunction(() => document.querySelector('.fv-agreement')?.getAttribute('data-saved') === 'true');
    }
    await waitForText(view, '.fv-saved', /^Gemt \d\d:\d\d$/);
    expect(await view.$eval('.fv-agreement', (el) => el.getAttribute('data-saved'))).toBe('true');
    const killed = browser.process()!;
    const gone = new Promise((resolve) => killed.once('exit', resolve));
    // The whole process group at once (Puppeteer starts Chromium as its leader): no helper process may flush.
    process.kill(-killed.pid!, 'SIGKILL');
    await gone;
    browser.disconnect();

    browser = await launch();
    const reopened = await SeminarDeck.attach(browser, DECK_HTML, BASE, 4 * 60_000);
    // Opened from the file (no slide in the address): back on the action slide, the card's time counted on.
    await reopened.page.waitForFunction((h) => (window as unknown as { Reveal: { getIndices(): { h: number } } }).Reveal.getIndices().h === h, {}, action);
    const state = await reopened.storedSeminar();
    expect(state?.cards[theme1.id]?.agreed?.text).toBe(AGREED);
    expect(state?.position.cardId).toBe(theme1.id);
    const reopenedView = await reopened.openView();
    await waitForAttr(reopenedView, '#fv-agreed', 'data-card', theme1.id);
    expect(await reopenedView.$eval('#fv-agreed', (el) => (el as HTMLTextAreaElement).value)).toBe(AGREED);
    expect(reopened.problems).toEqual([]);
  }, 120_000);
});
