// The seminar day as a facilitator lives it, in headless Chromium with two windows and a controlled clock.
//
// Solby Kommune's adaptation (slides/solby.yaml: the seminar on 2 March 2027 at 16:30, a coffee break after
// the second theme). The day before: a rehearsal, kept apart and cleared. The day itself: the remote tested
// at 16:20 (nothing counts), the start at 16:30, a card over time, a look back at an earlier agreement while
// the deck moves on, typing and the remote's PageDown, the discussion countdown from the view's keyboard,
// the break screen, a skipped card, an abrupt reload of both windows, the closing overview; then the
// exports: every typed character in the right card, and the CSV, JSON, Markdown and the summary PDF agree
// with each other and with what happened. Screenshots of the view at 1366×768 and 1440×900 and of the
// projector go to tests/.tmp/screens; axe-core checks both windows in each state.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import { SeminarDeck, downloadsInto, settle, waitForAttr, waitForFiles, waitForText } from '../support/seminar.js';
import { axeViolations } from '../support/axe.js';
import { recordWords } from '../../src/record/record.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Built once by tests/e2e/global-setup.ts. */
const DECK_HTML = path.join(ROOT, 'tests/.tmp/dist/solby/index.html');
const SCREENS = path.join(ROOT, 'tests/.tmp/screens');
const DOWNLOADS = path.join(ROOT, 'tests/.tmp/seminar-day');
const MIN = 60_000;
const at = (day: number, h: number, m: number, s = 0) => new Date(2027, 2, day, h, m, s).getTime();

const CARD1 = 'om-at-bruge-sociale-medier';
const CARD2 = 'om-at-vaere-rollemodel';
const CARD3 = 'om-at-moderere-debatten';
const SKIPPED = 'om-at-naa-unge-paa-sociale-medier';
const CARD5 = 'solby-om-vores-eget-kodeks';
const AGREED_1 = 'Vi svarer på borgerhenvendelser på sociale medier inden for to hverdage.';
const AGREED_1_MORE = ' Også i ferierne – æøå ÆØÅ «citat».';
const FOLLOW_1 = 'Borgmesterens sekretariat, inden 1. maj';
const AGREED_2 = 'Vi tager kodekset op på hvert tredje møde.';
const AGREED_5 = 'Kodekset revideres i 2028.\nGruppeformændene samler forslag.';

let browser: Browser;
let deck: SeminarDeck;
let view: Page;

const screenshot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENS, `seminar-day-${name}.png`) as `${string}.png` });
const bothSay = async (state: string, rehearsal: boolean) => {
  for (const page of [deck.page, view]) {
    await waitForAttr(page, 'html', 'data-seminar-state', state, deck.problems);
    await waitForAttr(page, 'html', 'data-seminar-rehearsal', rehearsal ? 'true' : undefined, deck.problems);
  }
};
const remaining = async (seconds: number | undefined) => {
  await waitForAttr(deck.page, '.samtale-deck-timer', 'data-remaining-seconds', seconds, deck.problems);
  await waitForAttr(view, '.fv-countdown', 'data-remaining-seconds', seconds, deck.problems);
};
/** The deck's stored seminar, as the runtime last saved it. */
const stored = () => deck.page.evaluate(() => {
  const index = JSON.parse(localStorage.getItem('samtale.v2/solby/index') ?? '{}') as { active?: string };
  return (JSON.parse(localStorage.getItem(`samtale.v2/solby/seminar/${index.active}`) ?? '{}') as { state?: { id: string; cards: Record<string, { agreed?: { text: string }; followUp?: { text: string } }> } }).state;
});
/** Types into one of the view's agreement fields, the way a person does (focus, then keys). */
async function typeInto(field: 'agreed' | 'followUp', text: string, card: string): Promise<void> {
  await waitForAttr(view, `#fv-${field}`, 'data-card', card, deck.problems);
  await view.focus(`#fv-${field}`);
  await view.keyboard.type(text);
}
/**
 * What the facilitator sees at a glance: how many lines of notes fit at the default size, and whether the
 * plan's current row is in view without scrolling the page.
 */
async function glance(): Promise<{ notesLines: number; planInView: boolean; pageScrolls: boolean }> {
  return view.evaluate(() => {
    const body = document.querySelector<HTMLElement>('.fv-notes-body')!;
    const lines = body.clientHeight / parseFloat(getComputedStyle(body).lineHeight);
    const row = document.querySelector<HTMLElement>('.fv-plan-row[data-status="current"]') ?? document.querySelector<HTMLElement>('.fv-plan-row[data-status="ahead"]');
    const area = document.querySelector<HTMLElement>('.fv-plan-scroll')!.getBoundingClientRect();
    const box = row?.getBoundingClientRect();
    return {
      notesLines: Math.floor(lines),
      planInView: box !== undefined && box.top >= area.top - 1 && box.bottom <= area.bottom + 1 && area.bottom <= innerHeight,
      pageScrolls: document.documentElement.scrollHeight > innerHeight,
    };
  });
}

beforeAll(async () => {
  mkdirSync(SCREENS, { recursive: true });
  browser = await launchBrowser();
  await downloadsInto(browser, DOWNLOADS);
  deck = await SeminarDeck.open(browser, DECK_HTML, at(1, 14, 0));
});

afterAll(async () => {
  await browser?.close();
});

describe('a seminar day in Solby', () => {
  it('the day before: a rehearsal, marked as such, never "behind", kept apart and easy to clear', async () => {
    view = await deck.openView();
    await bothSay('before', true);
    expect(await view.$eval('.fv-banner-rehearsal', (el) => el.textContent)).toContain('seminaret er 2. marts 2027');
    expect(await view.$eval('[data-action="start-seminar"]', (el) => el.textContent)).toBe('Start prøven');
    await deck.goTo(await deck.slideOf({ card: 'kom-godt-i-gang' }));
    await view.waitForSelector('.fv-banner-start:not([hidden])');
    await view.click('[data-action="start-seminar"]');
    await bothSay('running', true);
    await deck.advance(20 * MIN);
    // Twenty minutes into a rehearsal begun at 14:00, for a seminar planned at 16:30: measured against itself.
    await remaining(-5 * 60);
    await waitForText(view, '.fv-delta', /^5 min\. bagud$/);
    await typeInto('agreed', 'Prøvetekst fra i går', 'kom-godt-i-gang');
    await view.waitForFunction(() => document.querySelector('.fv-agreement')?.getAttribute('data-saved') === 'true');
    await view.click('[data-action="clear-rehearsal"]');
    await bothSay('before', false);
    // Cleared: the seminar's own record starts empty.
    await view.click('[data-action="open-seminar-dialog"]');
    const seminars = await view.$$eval('#fv-seminars option', (options) => options.map((o) => o.textContent));
    expect(seminars).toEqual(['2. marts 2027 · Solby Kommune (nu, tomt)']);
    await view.click('[data-action="close-dialog"]');
    await view.close();
  });

  it('16:20 on the day: testing the remote starts nothing', async () => {
    await deck.setTime(at(2, 16, 20));
    await deck.goTo(0);
    await deck.reload();
    view = await deck.openView({ width: 1366, height: 768 });
    await bothSay('before', false);
    for (const key of ['PageDown', 'PageDown', 'PageDown', 'PageUp', 'PageUp'] as const) await deck.page.keyboard.press(key);
    await deck.setTime(at(2, 16, 30));
    await remaining(undefined);
    expect(await view.$$eval('.fv-plan-row[data-id]', (rows) => rows.every((r) => r.getAttribute('data-actual-seconds') === '0'))).toBe(true);
    await waitForText(view, '.fv-projection', /^Planlagt 16:30–19:05$/);
    expect(await axeViolations(view)).toEqual([]);
    await screenshot(view, 'before-1366');
  });

  it('16:30: the start, on the view’s button; the plan counts from now', async () => {
    await deck.goTo(await deck.slideOf({ card: 'kom-godt-i-gang' }));
    await view.waitForSelector('.fv-banner-start:not([hidden])');
    await view.click('[data-action="start-seminar"]');
    await bothSay('running', false);
    await remaining(15 * 60);
    await waitForText(view, '.fv-start-line', /^Startede 16:30$/);
  });

  it('a card over time, and the next one', async () => {
    await deck.advance(20 * MIN);
    await remaining(-5 * 60);
    await waitForAttr(view, '.fv-timer', 'data-level', 'over');
    await waitForText(view, '.fv-delta', /^5 min\. bagud$/);
    await deck.goTo(await deck.slideOf({ card: CARD1 }));
    await remaining(25 * 60);
  });

  it('writes into the card on the projector; a look back is labelled and ends when the deck moves on', async () => {
    await deck.goTo(await deck.slideOf({ card: CARD1, kind: 'action' }));
    await waitForAttr(view, '.fv-agreement', 'data-prominent', 'true');
    await typeInto('agreed', AGREED_1, CARD1);
    await typeInto('followUp', FOLLOW_1, CARD1);
    await deck.advance(24 * MIN);
    // The clock jumped 24 minutes at once, which looks like a sleep: the view says so until dismissed.
    await view.waitForSelector('.fv-banner-gap:not([hidden])');
    await view.click('[data-action="dismiss-gap"]');
    await view.waitForSelector('.fv-banner-gap[hidden]');
    await screenshot(view, 'action-1366');
    expect(await glance()).toEqual({ notesLines: expect.toSatisfy((n: number) => n >= 15), planInView: true, pageScrolls: false });
    expect(await axeViolations(view)).toEqual([]);

    // On to the next card's questions; a look back at the first card's agreement, and a correction there.
    await deck.goTo(await deck.slideOf({ card: CARD2, kind: 'questions' }));
    await waitForAttr(view, '#fv-agreed', 'data-card', CARD2);
    await view.select('#fv-lookback-select', CARD1);
    await waitForAttr(view, '.fv-agreement', 'data-mode', 'look-back');
    expect(await view.$eval('.fv-lookback', (el) => el.textContent)).toContain('Tilbageblik: du skriver i Tema 1 af 5: Om at bruge sociale medier');
    await view.focus('#fv-agreed');
    await view.keyboard.press('End');
    await view.keyboard.type(AGREED_1_MORE);
    // The co-facilitator moves the deck on to this card's action slide while the cursor is in the field.
    await deck.goTo(await deck.slideOf({ card: CARD2, kind: 'action' }));
    await waitForAttr(view, '.fv-agreement', 'data-mode', 'screen');
    await waitForAttr(view, '#fv-agreed', 'data-card', CARD2);
    expect(await view.$eval('#fv-agreed', (el) => (el as HTMLTextAreaElement).value)).toBe('');
    await view.keyboard.type(AGREED_2);
    await view.waitForFunction(() => document.querySelector('.fv-agreement')?.getAttribute('data-saved') === 'true');
    const state = await stored();
    expect(state?.cards[CARD1]?.agreed?.text).toBe(AGREED_1 + AGREED_1_MORE);
    expect(state?.cards[CARD1]?.followUp?.text).toBe(FOLLOW_1);
    expect(state?.cards[CARD2]?.agreed?.text).toBe(AGREED_2);
  });

  it('the remote’s PageDown moves the deck from the agreement field, and the text stays as typed', async () => {
    await deck.advance(10 * MIN);
    const before = await deck.index();
    await view.focus('#fv-agreed');
    await view.keyboard.press('PageDown');
    await deck.page.waitForFunction((h) => (window as unknown as { Reveal: { getIndices(): { h: number } } }).Reveal.getIndices().h === h + 1, {}, before);
    // The next slide belongs to the next card: so does the field now, and the old text is where it was.
    await waitForAttr(view, '#fv-agreed', 'data-card', CARD3);
    expect((await stored())?.cards[CARD2]?.agreed?.text).toBe(AGREED_2);
    await view.keyboard.press('PageUp');
    await waitForAttr(view, '#fv-agreed', 'data-card', CARD2);
    expect(await view.$eval('#fv-agreed', (el) => (el as HTMLTextAreaElement).value)).toBe(AGREED_2);
  });

  it('the break: the projector says when the seminar goes on, with its countdown', async () => {
    await view.click('[data-action="pause"]');
    await bothSay('paused', false);
    await deck.page.waitForSelector('.samtale-break:not([hidden])');
    await waitForText(deck.page, '.samtale-break-until', /^Vi fortsætter kl\. \d\d:\d\d$/);
    const until = await deck.page.$eval('.samtale-break-until', (el) => el.textContent ?? '');
    const end = new Date(deck.now + 15 * MIN);
    expect(until).toBe(`Vi fortsætter kl. ${String(end.getHours()).padStart(2, '0')}:${String(end.getMinutes()).padStart(2, '0')}`);
    await deck.advance(5 * MIN);
    await waitForAttr(deck.page, '.samtale-break', 'data-break-remaining-seconds', 10 * 60);
    await settle(deck.page);
    await screenshot(deck.page, 'break');
    expect(await axeViolations(deck.page)).toEqual([]);
    await deck.advance(10 * MIN);
    await view.click('[data-action="pause"]');
    await bothSay('running', false);
    await deck.page.waitForSelector('.samtale-break[hidden]');
  });

  it('the discussion countdown from the view’s keyboard', async () => {
    await deck.goTo(await deck.slideOf({ card: CARD3, kind: 'questions' }));
    await view.focus('.fv-notes-body');
    await view.keyboard.press('d');
    await waitForAttr(deck.page, '.samtale-discussion', 'data-discussion-remaining-seconds', 180);
    await view.keyboard.press('+');
    await waitForAttr(deck.page, '.samtale-discussion', 'data-discussion-remaining-seconds', 240);
    await deck.advance(MIN);
    await waitForAttr(view, '.fv-discussion-time', 'data-discussion-remaining-seconds', 180);
    await settle(deck.page);
    expect(await axeViolations(deck.page)).toEqual([]);
    await view.keyboard.down('Shift');
    await view.keyboard.press('D');
    await view.keyboard.up('Shift');
    await deck.page.waitForSelector('.samtale-discussion[hidden]');
    // B blacks the projector out and back, from the laptop.
    await view.keyboard.press('b');
    await deck.page.waitForSelector('.reveal.paused');
    await view.keyboard.press('b');
    await deck.page.waitForSelector('.reveal:not(.paused)');
    await deck.advance(19 * MIN);
  });

  it('a skipped card is passed by, whichever way the deck is driven', async () => {
    await deck.page.evaluate(() => {
      const w = window as unknown as { __shown: string[]; Reveal: { on(e: string, f: () => void): void; getCurrentSlide(): HTMLElement } };
      w.__shown = [];
      w.Reveal.on('slidechanged', () => w.__shown.push(w.Reveal.getCurrentSlide().dataset['card'] ?? ''));
    });
    await view.hover(`.fv-plan-row[data-id="${SKIPPED}"] .fv-plan-go`);
    await view.click(`[data-action="toggle-skip"][data-card="${SKIPPED}"]`);
    await waitForAttr(view, `.fv-plan-row[data-id="${SKIPPED}"]`, 'data-status', 'skipped');
    await deck.goTo(await deck.slideOf({ card: CARD3, kind: 'action' }));
    await view.focus('.fv-notes-body');
    await view.keyboard.press('ArrowRight');
    await deck.page.waitForFunction((card) => (window as unknown as { Reveal: { getCurrentSlide(): HTMLElement } }).Reveal.getCurrentSlide().dataset['card'] === card, {}, CARD5);
    // Back with the deck's own key: straight back to the card before.
    await deck.page.keyboard.press('ArrowLeft');
    await deck.page.waitForFunction((card) => (window as unknown as { Reveal: { getCurrentSlide(): HTMLElement } }).Reveal.getCurrentSlide().dataset['card'] === card, {}, CARD3);
    await deck.page.keyboard.press('ArrowRight');
    await deck.page.waitForFunction((card) => (window as unknown as { Reveal: { getCurrentSlide(): HTMLElement } }).Reveal.getCurrentSlide().dataset['card'] === card, {}, CARD5);
    expect(await deck.page.evaluate(() => (window as unknown as { __shown: string[] }).__shown)).not.toContain(SKIPPED);
    expect(await deck.page.$eval('.reveal section.samtale-agenda li.agenda-skipped .agenda-title', (el) => el.textContent)).toBe('Om at nå unge på sociale medier');
    await remaining(20 * 60);
  });

  it('an abrupt reload of both windows loses nothing', async () => {
    await deck.goTo(await deck.slideOf({ card: CARD5, kind: 'action' }));
    await typeInto('agreed', AGREED_5, CARD5);
    await deck.advance(12 * MIN);
    await deck.reload();
    await view.reload({ waitUntil: 'load' });
    await view.waitForSelector('.fv[data-connected="true"]');
    await bothSay('running', false);
    await remaining(8 * 60);
    await waitForAttr(view, '#fv-agreed', 'data-card', CARD5);
    expect(await view.$eval('#fv-agreed', (el) => (el as HTMLTextAreaElement).value)).toBe(AGREED_5);
    expect((await stored())?.cards[CARD1]?.agreed?.text).toBe(AGREED_1 + AGREED_1_MORE);
    await deck.advance(8 * MIN);
  });

  it('closes with the day’s agreements on the projector, for the council to confirm', async () => {
    await view.click('#fv-show-agreements');
    await deck.page.waitForSelector('section.samtale-agreements .agreements-item');
    await deck.goTo(await deck.slideOf({ kind: 'agreements' }));
    await deck.page.waitForFunction(() => (window as unknown as { Reveal: { getCurrentSlide(): HTMLElement } }).Reveal.getCurrentSlide().dataset['slideKind'] === 'agreements');
    const shown = await deck.page.$eval('section.samtale-agreements', (el) => el.textContent?.replace(/\s+/g, ' ') ?? '');
    for (const text of [AGREED_1 + AGREED_1_MORE, AGREED_2, 'Kodekset revideres i 2028.', FOLLOW_1]) expect(shown).toContain(text);
    await bothSay('ended', false);
    await settle(deck.page);
    await screenshot(deck.page, 'agreements');
    expect(await axeViolations(deck.page)).toEqual([]);
    await view.setViewport({ width: 1440, height: 900 });
    await deck.goTo(await deck.slideOf({ card: CARD5, kind: 'questions' }));
    await waitForAttr(view, '#fv-agreed', 'data-card', CARD5);
    expect(await glance()).toEqual({ notesLines: expect.toSatisfy((n: number) => n >= 15), planInView: true, pageScrolls: false });
    await deck.goTo(await deck.slideOf({ kind: 'agreements' }));
    await screenshot(view, 'closing-1440');
    expect(await axeViolations(view)).toEqual([]);
  });

  it('exports that agree with each other and with what happened, and a summary the council receives', async () => {
    await view.click('[data-action="open-seminar-dialog"]');
    for (const kind of ['record-md', 'record-json', 'times-csv', 'times-json']) await view.click(`[data-action="export-${kind}"]`);
    const [markdown, json, csv, times] = await waitForFiles(DOWNLOADS, [
      'solby-aftaler-2027-03-02.md', 'solby-aftaler-2027-03-02.json', 'solby-tider-2027-03-02.csv', 'solby-tider-2027-03-02.json',
    ]) as [string, string, string, string];
    const record = (JSON.parse(json) as { record: { cards: Record<string, { agreed: string; followUp: string; actualMinutes?: number; status?: string }> } }).record;
    // Every typed character, in the right card.
    expect(record.cards[CARD1]).toMatchObject({ agreed: AGREED_1 + AGREED_1_MORE, followUp: FOLLOW_1, status: 'held' });
    expect(record.cards[CARD2]).toMatchObject({ agreed: AGREED_2, followUp: '', status: 'held' });
    expect(record.cards[CARD5]).toMatchObject({ agreed: AGREED_5, status: 'held' });
    expect(record.cards[CARD3]?.agreed ?? '').toBe('');
    expect(record.cards[SKIPPED]).toMatchObject({ status: 'skipped', actualMinutes: 0 });
    // A line break typed stays one in any Markdown reader: a hard break (a backslash at the line's end).
    for (const text of [AGREED_1 + AGREED_1_MORE, FOLLOW_1, AGREED_2, AGREED_5.replace('\n', '\\\n')]) expect(markdown).toContain(text);
    expect(markdown).toContain(`<!-- card: ${SKIPPED} · planlagt 20 min · brugt 0 min · sprunget over -->`);
    // The CSV and the times' JSON say the same of every card as the record.
    const rows = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n').slice(1).map((line) => line.split(';'));
    const timing = JSON.parse(times) as { cards: { id: string; actualMinutes: number; status: string }[] };
    for (const row of rows) {
      const [, id, , , , , actual, , status] = row as string[];
      const inRecord = record.cards[id!];
      const inJson = timing.cards.find((c) => c.id === id)!;
      expect(Number(actual!.replace(',', '.'))).toBe(inJson.actualMinutes);
      if (inRecord?.actualMinutes !== undefined) expect(inRecord.actualMinutes).toBe(inJson.actualMinutes);
      expect(status === 'Sprunget over').toBe(inJson.status === 'skipped');
      // Where the CSV says what the record says (held, skipped, not held), it says it in the record's words.
      const recordStatus = ({ done: 'held', skipped: 'skipped', passed: 'not-held' } as const)[inJson.status as 'done' | 'skipped' | 'passed'];
      if (recordStatus) expect(status!.toLowerCase()).toBe(recordWords.da.status[recordStatus]);
      expect(inRecord?.status === 'skipped').toBe(inJson.status === 'skipped');
    }
    expect(timing.cards.find((c) => c.id === CARD1)?.actualMinutes).toBe(24);
    expect(timing.cards.find((c) => c.id === 'kom-godt-i-gang')?.actualMinutes).toBe(20);

    // The summary PDF from the Markdown: what the council agreed, with the follow-ups.
    const pdf = path.join(DOWNLOADS, 'solby-aftaler-2027-03-02.pdf');
    const run = spawnSync(process.execPath, ['bin/samtale.js', 'record', path.join(DOWNLOADS, 'solby-aftaler-2027-03-02.md'), '--deck', 'solby', '--out', pdf], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const part of ['Vi svarer på borgerhenvendelser på sociale medier inden for to hverdage.', 'Også i ferierne – æøå ÆØÅ «citat».', FOLLOW_1, AGREED_2, 'Kodekset revideres i 2028.']) {
      expect(text).toContain(part);
    }
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('had no console errors, CSP violations or network requests in either window', () => {
    expect(deck.problems).toEqual([]);
  });
});
