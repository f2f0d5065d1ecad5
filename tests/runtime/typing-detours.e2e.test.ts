// End-to-end: the detours of typing the council's agreement while the deck is driven by someone else.
//
// The deck moves on mid-sentence (a colleague holds the remote): the words typed after the switch land in
// the new card, and the view says so and moves them back on one click. A look back the deck ends is said
// aloud. A button clicked with the mouse does not catch the next Space or Enter meant for the deck.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PlanCard, planFromModel } from '../../src/runtime/seminar/plan.js';
import { da } from '../../src/runtime/strings/da.js';
import { launchBrowser } from '../support/browser.js';
import { SeminarDeck, waitForAttr, waitForText } from '../support/seminar.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Built once by tests/e2e/global-setup.ts. */
const DECK_HTML = path.join(ROOT, 'tests/.tmp/dist/sociale-medier/index.html');
const BASE = new Date(2026, 2, 12, 9, 0, 0).getTime();

let browser: Browser;
let deck: SeminarDeck;
let view: Page;
let themes: PlanCard[];
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const name = (card: PlanCard) => `${da.themeOf(card.themeNumber!, 10)}: ${card.title}`;

beforeAll(async () => {
  browser = await launchBrowser();
  deck = await SeminarDeck.open(browser, DECK_HTML, BASE);
  const plan = planFromModel(JSON.parse(await deck.page.$eval('#samtale-deck', (el) => el.textContent ?? '')));
  themes = plan.items.filter((item): item is PlanCard => item.kind === 'card' && item.themeNumber !== undefined);
  view = await deck.openView();
  await view.click('[data-action="start-seminar"]');
  await waitForAttr(deck.page, 'html', 'data-seminar-state', 'running', deck.problems);
});

afterAll(async () => {
  await browser?.close();
});

describe('typing while the deck is driven', () => {
  it('moves the words typed after a switch mid-sentence back to the card they were meant for', async () => {
    const [first, second] = themes as [PlanCard, PlanCard];
    await deck.goTo(await deck.slideOf({ card: first.id, kind: 'action' }));
    await waitForAttr(view, '#fv-agreed', 'data-card', first.id);
    await view.focus('#fv-agreed');
    await view.keyboard.type('Vi vil gerne ');
    // The deck moves on while the facilitator goes on typing, eyes on the keyboard.
    await deck.goTo(await deck.slideOf({ card: second.id }));
    await waitForAttr(view, '#fv-agreed', 'data-card', second.id);
    await view.keyboard.type('have en politik.');
    await waitForText(view, '.fv-switch-notice:not([hidden])', new RegExp(`under ${escape(name(second))}\\.`));
    expect(await view.$eval('[data-action="move-typing-back"]', (el) => el.textContent)).toBe(da.moveTypingBack(name(first)));

    await view.click('[data-action="move-typing-back"]');
    await waitForText(view, '.fv-switch-notice', new RegExp(`^${escape(da.movedBack(name(first)))}`));
    expect(await view.$eval('#fv-agreed', (el) => (el as HTMLTextAreaElement).value)).toBe('');
    const state = await waitForStored((s) => s.cards[first.id]?.agreed?.text === 'Vi vil gerne have en politik.');
    expect(state.cards[second.id]?.agreed?.text ?? '').toBe('');
  });

  it('says so when the deck ends a look back', async () => {
    const [first, second, third] = themes as [PlanCard, PlanCard, PlanCard];
    await view.select('#fv-lookback-select', first.id);
    await waitForAttr(view, '.fv-agreement', 'data-mode', 'look-back');
    await deck.goTo(await deck.slideOf({ card: third.id }));
    await waitForAttr(view, '.fv-agreement', 'data-mode', 'screen');
    await waitForText(view, '.fv-switch-notice:not([hidden])', /^Tilbageblikket på Tema 1 af 10: .* sluttede, fordi præsentationen gik videre\./);
    expect(await view.$eval('#fv-agreed', (el) => el.getAttribute('data-card'))).toBe(third.id);
    // Nobody has typed in this card: no "Gemt" that would say otherwise.
    expect(await view.$eval('.fv-saved', (el) => el.textContent)).toBe('');
    expect(second.id).not.toBe(third.id);
  });

  it('gives the focus back after a mouse click, so Space from the remote moves the deck', async () => {
    const third = themes[2]!;
    const adjust = async () => (await deck.storedSeminar())?.cards[third.id]?.adjustSeconds ?? 0;
    await view.click('[data-action="plus-minute"]');
    await view.waitForFunction(() => document.activeElement === document.body);
    const from = await deck.index();
    await view.keyboard.press(' ');
    await deck.page.waitForFunction((h) => (window as unknown as { Reveal: { getIndices(): { h: number } } }).Reveal.getIndices().h === h, {}, from + 1);
    expect(await adjust()).toBe(60);
    expect(deck.problems).toEqual([]);
  });
});

/** The deck's stored seminar, once it satisfies `done`. */
async function waitForStored(done: (state: NonNullable<Awaited<ReturnType<SeminarDeck['storedSeminar']>>>) => boolean) {
  for (;;) {
    const state = await deck.storedSeminar();
    if (state && done(state)) return state;
    await deck.page.waitForFunction(() => true, { polling: 'raf' });
  }
}
