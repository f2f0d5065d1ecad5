// End-to-end: what the council agreed, written in the facilitator view, from file:// in two windows on a clock
// the test controls (tests/support/seminar.ts).
//
// The agreement field belongs to the card on the projector (`#fv-agreed[data-card]`); looking at another card
// is explicit and ends when the deck moves on. Every keystroke is kept at once in the view's outbox and, once
// the deck confirms, in the deck's seminar (`samtale.v2/<deck>/seminar/<id>`): checked without waiting, and
// across a crashed renderer, a reloaded deck, a closed view and a browser that hands either window an empty
// throw-away storage. Two seminars keep separate records; the projector shows the agreement on the action
// slide when asked (never in print); the Markdown and JSON exports hold every card's text and read back in,
// reported only once stored, and refused with a message when the browser cannot keep them.
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, ElementHandle, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRecordFile } from '../../src/record/files.js';
import { markdownToRecord } from '../../src/record/record.js';
import { type PlanCard, planFromModel } from '../../src/runtime/seminar/plan.js';
import { type SeminarState, fieldText } from '../../src/runtime/seminar/state.js';
import { launchBrowser, openDeck, watchPage } from '../support/browser.js';
import { SeminarDeck, downloadsInto, settle, waitForAttr, waitForFiles, waitForText } from '../support/seminar.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Built once by tests/e2e/global-setup.ts. */
const DECK_HTML = path.join(ROOT, 'tests/.tmp/dist/sociale-medier/index.html');
const WORK = path.join(ROOT, 'tests/.tmp/record');
const DOWNLOADS = path.join(WORK, 'downloads');
const SCREENS = path.join(ROOT, 'tests/.tmp/screens');
const DECK_ID = 'sociale-medier';
/** 09:00 local time on a Thursday; the deck has no `date`, so this is the seminar proper. */
const BASE = new Date(2026, 2, 12, 9, 0, 0).getTime();
const FIRST = '2026-03-12';
const SECOND = '2026-03-12-2';
const MINUTE = 60_000;

let browser: Browser;
let deck: SeminarDeck;
let view: Page;
let cards: PlanCard[];
let theme1: PlanCard;
let theme2: PlanCard;
let theme3: PlanCard;

// Danish letters, quotes, a dash, a line break and a Markdown heading marker: all must survive exactly.
const AGREED_1 = 'Vi laver et fælles kodeks for vores opslag på sociale medier – også om »tonen«.\n## Ikke en overskrift: å, æ, ø og Å, Æ, Ø.';
const FOLLOW_1 = 'Borgmesteren og kommunikationschefen, inden 1. juni';
const AGREED_2 = 'Vi svarer borgerne inden for to hverdage.';
const CORRECTED_2 = 'Vi svarer borgerne inden for tre hverdage – rettet.';
const AGREED_FAXE = 'Faxe: Vi prøver en åben spørgetime på Facebook.';

type Field = 'agreed' | 'followUp';

const screenshot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENS, `record-${name}.png`) as `${string}.png` });

/** A seminar as the deck stored it; fails when there is none. */
async function stored(id: string): Promise<SeminarState> {
  const state = await deck.storedSeminar(id);
  if (!state) throw new Error(`the deck stored no seminar ${id}`);
  return state;
}

/** Waits until the deck's stored seminar holds `text` in a card's field. */
async function waitStored(seminar: string, cardId: string, field: Field, text: string): Promise<void> {
  const key = `samtale.v2/${DECK_ID}/seminar/${seminar}`;
  try {
    await deck.page.waitForFunction(
      (k, id, f, want) => ((JSON.parse(localStorage.getItem(k) ?? 'null') as { state?: { cards: Record<string, Record<string, { text: string } | undefined>> } } | null)?.state?.cards[id]?.[f]?.text ?? '') === want,
      { polling: 50, timeout: 5000 },
      key,
      cardId,
      field,
      text,
    );
  } catch {
    throw new Error(`seminar ${seminar} holds ${JSON.stringify(fieldText(await stored(seminar), cardId, field))} in ${cardId}.${field}, expected ${JSON.stringify(text)}\n${deck.problems.join('\n')}`);
  }
}

/** The keystrokes the view has kept and the deck not yet confirmed (its outbox in the view's storage). */
const outbox = (page: Page) =>
  page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '[]') as { seminar: string; write: { cardId: string; field: string; text: string } }[], `samtale.v2/${DECK_ID}/outbox`);

/** Waits until the deck has confirmed everything the view typed: the view's outbox is empty. */
async function confirmed(): Promise<void> {
  await view.waitForFunction((key) => localStorage.getItem(key) === null, { polling: 50, timeout: 5000 }, `samtale.v2/${DECK_ID}/outbox`);
}

/** Waits until the view's fields belong to `cardId` (`data-card`). */
async function fieldsOn(cardId: string | undefined): Promise<void> {
  await waitForAttr(view, '#fv-agreed', 'data-card', cardId, deck.problems);
  await waitForAttr(view, '#fv-followUp', 'data-card', cardId, deck.problems);
}

const fieldValue = (field: Field) => view.$eval(`#fv-${field}`, (el) => (el as HTMLTextAreaElement).value);

async function waitForValue(field: Field, text: string): Promise<void> {
  await view.waitForFunction((f, t) => (document.querySelector(`#fv-${f}`) as HTMLTextAreaElement).value === t, { polling: 50, timeout: 5000 }, field, text).catch(async () => {
    throw new Error(`#fv-${field} shows ${JSON.stringify(await fieldValue(field))}, expected ${JSON.stringify(text)}`);
  });
}

/** Puts the cursor in a field (as a click would) and checks it is there, so no key goes to the deck instead. */
async function focusField(field: Field): Promise<void> {
  await view.focus(`#fv-${field}`);
  expect(await view.evaluate(() => document.activeElement?.id)).toBe(`fv-${field}`);
}

/** Puts the cursor at the very end of a field's text (End alone stops at the end of a wrapped line). */
async function toEnd(field: Field): Promise<void> {
  await focusField(field);
  await view.keyboard.down('Control');
  await view.keyboard.press('End');
  await view.keyboard.up('Control');
}

/** Types like a person: one key at a time, so every character is its own input event. */
async function typeInto(field: Field, text: string): Promise<void> {
  await focusField(field);
  for (const [i, line] of text.split('\n').entries()) {
    if (i > 0) await view.keyboard.press('Enter');
    await view.keyboard.type(line);
  }
}

const slideOf = (card: PlanCard, kind: string) => deck.slideOf({ card: card.id, kind });

/** "Seminar og referat": details, seminars, exports, import, what the projector shows, reset. */
const SEMINAR_DIALOG = 'dialog[aria-labelledby="fv-dialog-heading"]';
const openDialog = async () => {
  await view.click('[data-action="open-seminar-dialog"]');
  await view.waitForSelector(`${SEMINAR_DIALOG}[open]`);
};
const closeDialog = async () => {
  await view.click('[data-action="close-dialog"]');
  await view.waitForSelector(`${SEMINAR_DIALOG}:not([open])`);
};

/** Opens another stored seminar from the dialog, and waits until the deck works in it. */
async function openSeminar(id: string): Promise<void> {
  await openDialog();
  await view.select('#fv-seminars', id);
  await view.click('[data-action="open-seminar"]');
  await deck.page.waitForFunction((key, want) => (JSON.parse(localStorage.getItem(key) ?? '{}') as { active?: string }).active === want, { polling: 50, timeout: 5000 }, `samtale.v2/${DECK_ID}/index`, id);
  await view.waitForFunction((want) => (document.querySelector('#fv-seminars') as HTMLSelectElement).value === want, { polling: 50 }, id);
  await closeDialog();
}

/** Reads a record file into the view (the dialog's file input); returns the message it ends with. */
async function importFile(file: string, outcome: RegExp): Promise<string> {
  await openDialog();
  // Blank the last message, so the one waited for is this file's.
  await view.$eval('.fv-message', (el) => {
    (el as HTMLElement).hidden = true;
    el.firstElementChild!.textContent = '';
  });
  const input = (await view.$('#fv-import')) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(file);
  return waitForText(view, '.fv-message', outcome);
}

const seminarKeys = async () => (await deck.storedKeys()).filter((k) => k.startsWith('seminar/'));

beforeAll(async () => {
  rmSync(WORK, { recursive: true, force: true });
  browser = await launchBrowser();
  await downloadsInto(browser, DOWNLOADS);
  deck = await SeminarDeck.open(browser, DECK_HTML, BASE);
  cards = planFromModel(JSON.parse(await deck.page.$eval('#samtale-deck', (el) => el.textContent ?? ''))).items.filter((item): item is PlanCard => item.kind === 'card');
  [theme1, theme2, theme3] = cards.filter((c) => c.themeNumber !== undefined) as [PlanCard, PlanCard, PlanCard];
});

afterAll(async () => {
  await browser?.close();
});

describe('the record in the facilitator view', () => {
  it('writes into the card on the projector and keeps every keystroke at once', async () => {
    view = await deck.openView();
    // Before the first card: a hint, no fields.
    expect(await view.$eval('.fv-agreement-fields', (el) => (el as HTMLElement).hidden)).toBe(true);
    expect(await view.$eval('.fv-agreement .fv-hint', (el) => (el as HTMLElement).hidden)).toBe(false);
    await fieldsOn(undefined);
    await deck.goTo(await slideOf(theme1, 'questions'));
    await fieldsOn(theme1.id);
    expect(await view.$eval('#fv-agreement-heading', (el) => el.textContent)).toBe(`Aftalen · Tema 1 af 10: ${theme1.title}`);
    expect(await view.$eval('.fv-agreement', (el) => [el.getAttribute('data-mode'), el.getAttribute('data-prominent')])).toEqual(['screen', 'false']);
    // The card's action question, above the fields (the projector does not show it yet).
    expect(await view.$eval('.fv-action-question', (el) => (el as HTMLElement).hidden)).toBe(false);
    expect(await view.$eval('.fv-action-text', (el) => el.textContent)).toBe(theme1.actionQuestion);
    await view.click('[data-action="start-seminar"]');
    await waitForAttr(view, 'html', 'data-seminar-state', 'running');
    expect(await deck.activeSeminarId()).toBe(FIRST);
    expect(await seminarKeys()).toEqual([`seminar/${FIRST}`]);

    // Whatever the field shows is already kept, checked right after every key: in the view's outbox (read in
    // the same go as the field), or, once the deck confirmed it and the view let it go, in the deck's seminar
    // (read in the deck window, which wrote it: another window may see its writes a moment later).
    await view.click('#fv-agreed');
    for (const ch of 'Vi ærgrer os') {
      await view.keyboard.type(ch);
      const [shown, pending] = await view.evaluate(
        (key, seminar, id) => [
          (document.querySelector('#fv-agreed') as HTMLTextAreaElement).value,
          (JSON.parse(localStorage.getItem(key) ?? '[]') as { seminar: string; write: { cardId: string; field: string; text: string } }[])
            .find((e) => e.seminar === seminar && e.write.cardId === id && e.write.field === 'agreed')?.write.text ?? null,
        ],
        `samtale.v2/${DECK_ID}/outbox`,
        FIRST,
        theme1.id,
      );
      expect(pending ?? fieldText(await stored(FIRST), theme1.id, 'agreed')).toBe(shown);
    }
    await waitStored(FIRST, theme1.id, 'agreed', 'Vi ærgrer os');
    await confirmed();
    await view.keyboard.down('Control');
    await view.keyboard.press('a');
    await view.keyboard.up('Control');
    await view.keyboard.press('Backspace');
    await waitStored(FIRST, theme1.id, 'agreed', '');
    await typeInto('agreed', AGREED_1);
    await typeInto('followUp', FOLLOW_1);
    // Read at once, no blur, no wait: every character is kept (the outbox, or already the seminar).
    const pending = await outbox(view);
    const held = await stored(FIRST);
    for (const [field, text] of [['agreed', AGREED_1], ['followUp', FOLLOW_1]] as const) {
      const entry = pending.find((e) => e.seminar === FIRST && e.write.cardId === theme1.id && e.write.field === field);
      expect(entry?.write.text ?? fieldText(held, theme1.id, field)).toBe(text);
    }
    // The deck confirms: its seminar holds both, and the outbox is empty again.
    await waitStored(FIRST, theme1.id, 'agreed', AGREED_1);
    await waitStored(FIRST, theme1.id, 'followUp', FOLLOW_1);
    await confirmed();
    await waitForText(view, '.fv-saved', /^Gemt \d\d:\d\d$/);
    // Five minutes on this card, for the exported minutes.
    await deck.advance(5 * MINUTE);
    await waitForAttr(view, '.fv-countdown', 'data-remaining-seconds', theme1.plannedSeconds - 300);

    // In the field, an arrow key moves the cursor, not the deck; a remote's PageDown moves the deck one step
    // (here: the next question, a fragment) and leaves the text alone.
    type Steps = { Reveal: { getIndices(): { h: number; f?: number }; availableFragments(): { next: boolean } } };
    const at = await deck.page.evaluate(() => {
      const { h, f } = (window as unknown as Steps).Reveal.getIndices();
      return { h, f: f ?? -1, fragment: (window as unknown as Steps).Reveal.availableFragments().next };
    });
    expect(at.fragment).toBe(true);
    await view.keyboard.press('ArrowLeft');
    await view.keyboard.press('PageDown');
    await deck.page.waitForFunction(
      (from) => {
        const { h, f } = (window as unknown as Steps).Reveal.getIndices();
        return h !== from.h || (f ?? -1) !== from.f;
      },
      { polling: 50, timeout: 5000 },
      at,
    );
    expect(await deck.page.evaluate(() => (window as unknown as Steps).Reveal.getIndices())).toMatchObject({ h: at.h, f: at.f + 1 });
    expect(await view.evaluate(() => {
      const area = document.activeElement as HTMLTextAreaElement;
      return [area.id, area.value, area.selectionStart === area.value.length - 1];
    })).toEqual(['fv-followUp', FOLLOW_1, true]);
    expect(fieldText(await stored(FIRST), theme1.id, 'followUp')).toBe(FOLLOW_1);
    await deck.goTo(await slideOf(theme1, 'questions'));
  });

  it('loses nothing when the renderer crashes mid-typing, the deck reloads and the view reopens', async () => {
    await toEnd('followUp');
    await view.keyboard.type(' (æøå)');
    // Crash the view's renderer right after the last key: no blur, no unload handler runs. The view shares
    // the deck's renderer, so the deck goes too.
    const [crashedDeck, crashedView] = [deck.page, view];
    const gone = Promise.all([new Promise((resolve) => crashedView.once('error', resolve)), new Promise((resolve) => crashedDeck.once('error', resolve))]);
    const session = await view.createCDPSession();
    // Page.crash never answers: the renderer is gone.
    void session.send('Page.crash').catch(() => undefined);
    await gone;
    // The facilitator opens the same file again, in a new tab on the same clock.
    deck = await deck.reopen();
    await Promise.all([crashedDeck.close(), crashedView.close()]).catch(() => undefined);
    await waitStored(FIRST, theme1.id, 'followUp', `${FOLLOW_1} (æøå)`);
    expect(fieldText(await stored(FIRST), theme1.id, 'agreed')).toBe(AGREED_1);

    // The deck reopened from the same file, on the card: the view shows every character.
    await deck.goTo(await slideOf(theme1, 'questions'));
    view = await deck.openView();
    await fieldsOn(theme1.id);
    await waitForValue('agreed', AGREED_1);
    await waitForValue('followUp', `${FOLLOW_1} (æøå)`);
    await waitForAttr(view, 'html', 'data-seminar-state', 'running');

    // Reload the deck abruptly with the view open, then close and reopen the view: still all there.
    await toEnd('followUp');
    for (let i = 0; i < ' (æøå)'.length; i++) await view.keyboard.press('Backspace');
    await deck.reload();
    await view.close();
    view = await deck.openView();
    await fieldsOn(theme1.id);
    await waitForValue('agreed', AGREED_1);
    await waitForValue('followUp', FOLLOW_1);
    await waitStored(FIRST, theme1.id, 'followUp', FOLLOW_1);
    expect(await seminarKeys()).toEqual([`seminar/${FIRST}`]);
  });

  it('grows on the action slide, and shows the agreement to the room when asked', async () => {
    const action1 = await slideOf(theme1, 'action');
    await deck.goTo(action1);
    await waitForAttr(view, '.fv-agreement', 'data-prominent', 'true');
    await fieldsOn(theme1.id);
    // The question is on the projector now; the fields get the room.
    expect(await view.$eval('.fv-action-question', (el) => (el as HTMLElement).hidden)).toBe(true);
    // Off by default.
    expect(await deck.page.$('.samtale-agreed')).toBeNull();
    expect(await view.$eval('#fv-show-agreements', (el) => (el as HTMLInputElement).checked)).toBe(false);
    expect(await view.$eval('label[for="fv-show-agreements"]', (el) => el.textContent?.trim())).toBe('Vis på lærredet');
    await view.click('#fv-show-agreements');
    await deck.page.waitForSelector('section.samtale-action.present .samtale-agreed');
    expect(await deck.page.$eval('.samtale-agreed-text', (el) => el.textContent)).toBe(AGREED_1);
    expect(await deck.page.$eval('.samtale-agreed-follow', (el) => el.textContent)).toBe(`Opfølgning: ${FOLLOW_1}`);
    expect(await deck.page.$eval('.samtale-agreed-label', (el) => el.textContent)).toBe('Det aftalte vi');
    await waitForText(view, '.fv-on-screen[data-on-screen="true"]', /^Vises på lærredet nu$/);
    // The whole slide is on screen: nothing pushed below its bottom.
    const box = await deck.page.$eval('section.present', (el) => ({ bottom: el.querySelector('.samtale-agreed')!.getBoundingClientRect().bottom, height: window.innerHeight }));
    expect(box.bottom).toBeLessThanOrEqual(box.height);
    // The room sees the wording as it is typed.
    await toEnd('agreed');
    await view.keyboard.type(' Godkendt.');
    await deck.page.waitForFunction((text) => document.querySelector('.samtale-agreed-text')?.textContent === text, { polling: 100, timeout: 5000 }, `${AGREED_1} Godkendt.`);
    await settle(deck.page);
    await screenshot(deck.page, 'audience-agreed');
    await screenshot(view, 'view-action');
    // Not on paper.
    await deck.page.emulateMediaType('print');
    expect(await deck.page.$eval('.samtale-agreed', (el) => getComputedStyle(el).display)).toBe('none');
    await deck.page.emulateMediaType('screen');
    // Only on the action slide.
    await deck.goTo(action1 - 1);
    await deck.page.waitForFunction(() => document.querySelector('.samtale-agreed') === null, { polling: 100 });
    await waitForAttr(view, '.fv-agreement', 'data-prominent', 'false');
    await screenshot(view, 'view-questions');
  });

  it('follows the projector to the next card; a look back is explicit, labelled, and ends when the deck moves to another card', async () => {
    await deck.goTo(await slideOf(theme1, 'questions'));
    await fieldsOn(theme1.id);
    await toEnd('agreed');
    // The deck moves to the next card while the cursor is in the field: the field is now the new card's.
    await deck.goTo(await slideOf(theme2, 'questions'));
    await fieldsOn(theme2.id);
    await waitForValue('agreed', '');
    expect(await view.$eval('#fv-agreement-heading', (el) => el.textContent)).toBe(`Aftalen · Tema 2 af 10: ${theme2.title}`);
    await typeInto('agreed', AGREED_2);
    await waitStored(FIRST, theme2.id, 'agreed', AGREED_2);
    expect(fieldText(await stored(FIRST), theme1.id, 'agreed')).toBe(`${AGREED_1} Godkendt.`);
    // Two minutes on this card, for the exported minutes.
    await deck.advance(2 * MINUTE);
    await waitForAttr(view, '.fv-countdown', 'data-remaining-seconds', theme2.plannedSeconds - 120);

    // A look back at the first card: chosen, labelled, and what is typed goes there.
    await view.select('#fv-lookback-select', theme1.id);
    await fieldsOn(theme1.id);
    await waitForAttr(view, '.fv-agreement', 'data-mode', 'look-back');
    expect(await waitForText(view, '.fv-lookback', /^Tilbageblik/)).toBe(
      `Tilbageblik: du skriver i Tema 1 af 10: ${theme1.title}. Lærredet viser Tema 2 af 10: ${theme2.title}. Tilbage til Tema 2 af 10: ${theme2.title}`,
    );
    await waitForValue('agreed', `${AGREED_1} Godkendt.`);
    await toEnd('agreed');
    await view.keyboard.type(' Slut.');
    await waitStored(FIRST, theme1.id, 'agreed', `${AGREED_1} Godkendt. Slut.`);
    expect(fieldText(await stored(FIRST), theme2.id, 'agreed')).toBe(AGREED_2);
    await screenshot(view, 'view-look-back');
    // Another slide of the same card: still the look back.
    await deck.goTo((await slideOf(theme2, 'questions')) + 1);
    await waitForText(view, '.fv-preview-current figcaption', new RegExp(`Slide ${(await slideOf(theme2, 'questions')) + 2} af`));
    expect(await view.$eval('.fv-agreement', (el) => el.getAttribute('data-mode'))).toBe('look-back');
    await fieldsOn(theme1.id);
    // The deck arrives at this card's action slide, where its agreement is written: the look back ends.
    await deck.goTo(await slideOf(theme2, 'action'));
    await fieldsOn(theme2.id);
    await waitForAttr(view, '.fv-agreement', 'data-mode', 'screen');
    await waitForAttr(view, '.fv-agreement', 'data-prominent', 'true');
    await waitForValue('agreed', AGREED_2);
    // Looking back from there, then the deck moves to another card: the look back ends, the field is that card's.
    await view.select('#fv-lookback-select', theme1.id);
    await fieldsOn(theme1.id);
    await waitForAttr(view, '.fv-agreement', 'data-mode', 'look-back');
    await deck.goTo(await deck.slideOf({ card: theme3.id }));
    await fieldsOn(theme3.id);
    await waitForAttr(view, '.fv-agreement', 'data-mode', 'screen');
    await waitForValue('agreed', '');
    expect(await view.$eval('.fv-lookback', (el) => (el as HTMLElement).hidden)).toBe(true);
    // …and the facilitator can end one by hand.
    await view.select('#fv-lookback-select', theme2.id);
    await fieldsOn(theme2.id);
    await waitForValue('agreed', AGREED_2);
    await view.click('[data-action="end-look-back"]');
    await fieldsOn(theme3.id);
    expect(fieldText(await stored(FIRST), theme3.id, 'agreed')).toBe('');
    await deck.goTo(await slideOf(theme1, 'questions'));
    await fieldsOn(theme1.id);
  });

  it('keeps two seminars apart: a new one starts empty and untimed, and the old one can be opened again with its own times', async () => {
    // The first seminar's card: 5 of its 20 minutes used.
    await waitForAttr(view, '.fv-countdown', 'data-remaining-seconds', theme1.plannedSeconds - 300);
    await openDialog();
    await view.click('[data-action="new-seminar"]');
    await view.waitForSelector('[data-action="new-confirm"]');
    expect(await view.$eval('#fv-new-date', (el) => (el as HTMLInputElement).value)).toBe(FIRST);
    await view.$eval('#fv-new-municipality', (el) => ((el as HTMLInputElement).value = ''));
    await view.type('#fv-new-municipality', 'Faxe Kommune');
    await view.$eval('#fv-new-place', (el) => ((el as HTMLInputElement).value = ''));
    await view.type('#fv-new-place', 'Byrådssalen, Faxe Rådhus');
    await screenshot(view, 'view-new-seminar');
    await view.click('[data-action="new-confirm"]');
    await deck.page.waitForFunction((key, want) => (JSON.parse(localStorage.getItem(key) ?? '{}') as { active?: string }).active === want, { polling: 50, timeout: 5000 }, `samtale.v2/${DECK_ID}/index`, SECOND);
    await view.waitForFunction((want) => (document.querySelector('#fv-seminars') as HTMLSelectElement).value === want, { polling: 50 }, SECOND);
    expect(await view.$eval('#fv-seminar-municipality', (el) => (el as HTMLInputElement).value)).toBe('Faxe Kommune');
    await closeDialog();
    expect(await seminarKeys()).toEqual([`seminar/${FIRST}`, `seminar/${SECOND}`]);
    // Empty fields for the new council, and nothing timed until it is started.
    await waitForAttr(view, 'html', 'data-seminar-state', 'before');
    await waitForAttr(deck.page, 'html', 'data-seminar-state', 'before');
    await waitForAttr(view, '.fv-countdown', 'data-remaining-seconds', undefined);
    await fieldsOn(theme1.id);
    await waitForValue('agreed', '');
    await view.click('[data-action="start-seminar"]');
    await waitForAttr(view, '.fv-countdown', 'data-remaining-seconds', theme1.plannedSeconds);
    await waitForAttr(deck.page, '.samtale-deck-timer', 'data-remaining-seconds', theme1.plannedSeconds);

    await typeInto('agreed', AGREED_FAXE);
    await waitStored(SECOND, theme1.id, 'agreed', AGREED_FAXE);
    const faxe = await stored(SECOND);
    expect(faxe).toMatchObject({ id: SECOND, rehearsal: false, details: { municipality: 'Faxe Kommune', place: 'Byrådssalen, Faxe Rådhus', date: FIRST } });
    expect(fieldText(faxe, theme2.id, 'agreed')).toBe('');
    const first = await stored(FIRST);
    expect(fieldText(first, theme1.id, 'agreed')).toBe(`${AGREED_1} Godkendt. Slut.`);
    expect(fieldText(first, theme2.id, 'agreed')).toBe(AGREED_2);

    // The room sees the active seminar's text.
    await deck.goTo(await slideOf(theme1, 'action'));
    await deck.page.waitForFunction((text) => document.querySelector('.samtale-agreed-text')?.textContent === text, { polling: 100, timeout: 5000 }, AGREED_FAXE);

    // Back to the first seminar: its text, and its own times (the card where it was left).
    await openSeminar(FIRST);
    await waitForValue('agreed', `${AGREED_1} Godkendt. Slut.`);
    await deck.page.waitForFunction((text) => document.querySelector('.samtale-agreed-text')?.textContent === text, { polling: 100, timeout: 5000 }, `${AGREED_1} Godkendt. Slut.`);
    await waitForAttr(view, 'html', 'data-seminar-state', 'running');
    await waitForAttr(view, '.fv-countdown', 'data-remaining-seconds', theme1.plannedSeconds - 300);
    // Survives a reload of both windows: the active seminar is remembered.
    await view.close();
    await deck.reload();
    view = await deck.openView();
    await fieldsOn(theme1.id);
    await waitForValue('agreed', `${AGREED_1} Godkendt. Slut.`);
    expect(await deck.activeSeminarId()).toBe(FIRST);
    await openDialog();
    expect(await view.$$eval('#fv-seminars option', (os) => os.map((o) => [(o as HTMLOptionElement).value, o.textContent]))).toEqual([
      [SECOND, '12. marts 2026 · Faxe Kommune'],
      [FIRST, '12. marts 2026 (nu)'],
    ]);
    await screenshot(view, 'view-seminars');
    await closeDialog();
  });

  it('exports Markdown and JSON with every card’s text, and reads them back in only once stored, with undo', async () => {
    await openDialog();
    await view.click('[data-action="export-record-md"]');
    await view.click('[data-action="export-record-json"]');
    const [md, json] = await waitForFiles(DOWNLOADS, [`${DECK_ID}-aftaler-${FIRST}.md`, `${DECK_ID}-aftaler-${FIRST}.json`]) as [string, string];
    await closeDialog();
    const state = await stored(FIRST);
    // Each card's text, its action question and the planned and used minutes.
    for (const card of cards) {
      expect(md).toContain(`## ${card.title}\n<!-- card: ${card.id}`);
      if (card.actionQuestion) expect(md).toContain(`**${card.actionQuestion}**`);
    }
    // The line break stays a line break (a hard break), and the typed heading stays text.
    expect(md).toContain(`${AGREED_1.replace('\n## ', '\\\n\\## ')} Godkendt. Slut.`);
    expect(md).toContain(AGREED_2);
    expect(md).toContain(FOLLOW_1);
    expect(md).not.toContain(AGREED_FAXE);
    expect(md).toContain(`<!-- card: ${theme1.id} · planlagt 20 min · brugt 5 min · holdt -->`);
    expect(md).toContain(`<!-- card: ${theme2.id} · planlagt 20 min · brugt 2 min · holdt -->`);
    // Round trip: the file reads back to the stored texts, card by card.
    const back = markdownToRecord(md);
    expect(back).toMatchObject({ deck: DECK_ID, seminar: FIRST, date: FIRST });
    for (const id of Object.keys(state.cards)) {
      expect(back.cards[id] ?? { agreed: '', followUp: '' }).toMatchObject({ agreed: fieldText(state, id, 'agreed'), followUp: fieldText(state, id, 'followUp') });
    }
    const fromJson = readRecordFile(json).record;
    expect(fromJson.seminar).toBe(FIRST);
    for (const id of Object.keys(state.cards)) expect(fromJson.cards[id]?.agreed ?? '').toBe(fieldText(state, id, 'agreed'));

    // Corrected in an editor and imported again while the other seminar is under way in the room: the
    // file's seminar gets its text, stored beside; the seminar in the room goes on. "Read in" is said only
    // once the deck has stored it.
    const corrected = path.join(WORK, 'rettet.md');
    writeFileSync(corrected, md.replace(AGREED_2, CORRECTED_2));
    await openSeminar(SECOND);
    await importFile(corrected, /^Indlæst og gemt i seminaret 12\. marts 2026, ved siden af seminaret, der er i gang/);
    expect(fieldText(await stored(FIRST), theme2.id, 'agreed')).toBe(CORRECTED_2);
    expect(await deck.activeSeminarId()).toBe(SECOND);
    const imported = await stored(FIRST);
    expect(fieldText(imported, theme1.id, 'agreed')).toBe(fieldText(state, theme1.id, 'agreed'));
    expect(fieldText(imported, theme1.id, 'followUp')).toBe(FOLLOW_1);
    expect(fieldText(await stored(SECOND), theme1.id, 'agreed')).toBe(AGREED_FAXE);
    await view.$eval('.fv-message', (el) => el.scrollIntoView());
    await screenshot(view, 'view-imported');
    await closeDialog();
    // Opened, the first seminar holds the corrected text.
    await openSeminar(FIRST);
    await view.select('#fv-lookback-select', theme2.id);
    await fieldsOn(theme2.id);
    await waitForValue('agreed', CORRECTED_2);
    // Read in while its own seminar is open, the file replaces the text, and the import can be undone.
    writeFileSync(path.join(WORK, 'record.json'), json);
    await importFile(path.join(WORK, 'record.json'), /^Indlæst og gemt i seminaret 12\. marts 2026\. Filens tekst erstatter den, der stod\./);
    await waitStored(FIRST, theme2.id, 'agreed', AGREED_2);
    await view.click('[data-action="undo-import"]');
    await waitForText(view, '.fv-message', /^Indlæsningen er fortrudt\.$/);
    await closeDialog();
    await waitStored(FIRST, theme2.id, 'agreed', CORRECTED_2);
    await view.select('#fv-lookback-select', theme2.id);
    await fieldsOn(theme2.id);
    await waitForValue('agreed', CORRECTED_2);

    // A file from another deck is refused with a reason.
    writeFileSync(path.join(WORK, 'other.md'), md.replace(`deck: "${DECK_ID}"`, 'deck: "faxe"'));
    expect(await importFile(path.join(WORK, 'other.md'), /^Filen kunne ikke indlæses/)).toContain('»faxe«');
    await closeDialog();
  });

  it('refuses an import the browser cannot store, says so, and changes nothing', async () => {
    const keys = await deck.storedKeys();
    const before = JSON.stringify([await stored(FIRST), await stored(SECOND)]);
    const firstText = fieldText(await stored(FIRST), theme2.id, 'agreed');

    // Over 4 MB: more than a browser keeps for a page; refused before it is read.
    const big = path.join(WORK, 'for-stor.md');
    writeFileSync(big, readFileSync(path.join(WORK, 'rettet.md'), 'utf8').replace(CORRECTED_2, `${CORRECTED_2} ${'Lang tekst. '.repeat(400_000)}`));
    const mb = (statSync(big).size / 1024 / 1024).toLocaleString('da-DK', { maximumFractionDigits: 1 });
    expect(statSync(big).size).toBeGreaterThan(4 * 1024 * 1024);
    expect(await importFile(big, /^Filen er for stor/)).toBe(`Filen er for stor (${mb} MB) til browserens lager. Intet er ændret.`);
    await closeDialog();

    // Storage nearly full (another page's data): a 300 kB record does not fit, and the deck puts back what it had.
    const filled = await deck.page.evaluate(() => {
      let low = 0;
      let high = 12_000_000;
      while (high - low > 1000) {
        const mid = Math.floor((low + high) / 2);
        try {
          localStorage.setItem('samtale-test-filler', 'x'.repeat(mid));
          low = mid;
        } catch {
          high = mid;
        }
      }
      // Room left for the deck's own small saves, not for the record.
      localStorage.setItem('samtale-test-filler', 'x'.repeat(low - 60_000));
      return low;
    });
    expect(filled).toBeGreaterThan(1_000_000);
    const large = path.join(WORK, 'stor.md');
    writeFileSync(large, readFileSync(path.join(WORK, 'rettet.md'), 'utf8').replace(CORRECTED_2, `${CORRECTED_2} ${'Lang tekst. '.repeat(25_000)}`));
    try {
      expect(await importFile(large, /^Browseren kunne ikke gemme/)).toBe('Browseren kunne ikke gemme filens indhold (lageret er fuldt). Intet er ændret.');
      await closeDialog();
      expect(JSON.stringify([await stored(FIRST), await stored(SECOND)])).toBe(before);
      expect(await deck.activeSeminarId()).toBe(FIRST);
      await fieldsOn(theme2.id);
      await waitForValue('agreed', firstText);
    } finally {
      await deck.page.evaluate(() => localStorage.removeItem('samtale-test-filler'));
    }
    expect(await deck.storedKeys()).toEqual(keys);
    expect(JSON.stringify([await stored(FIRST), await stored(SECOND)])).toBe(before);
  });

  it('loses nothing when the browser hands the view, or the reloaded deck, an empty throw-away storage area', async () => {
    // Chromium does this now and then on a reload of a file:// page; here it is forced with an in-memory localStorage.
    const throwaway = () => {
      if (!location.search.includes('samtale=facilitator') && !location.search.includes('throwaway')) return;
      const map = new Map<string, string>();
      const fake = {
        getItem: (k: string) => map.get(k) ?? null,
        setItem: (k: string, v: string) => void map.set(k, String(v)),
        removeItem: (k: string) => void map.delete(k),
        clear: () => map.clear(),
        key: (i: number) => [...map.keys()][i] ?? null,
        get length() {
          return map.size;
        },
      };
      Object.defineProperty(window, 'localStorage', { configurable: true, get: () => fake });
    };
    const text2 = fieldText(await stored(FIRST), theme2.id, 'agreed');
    const more = `${text2} Også i weekenden.`;
    // The view reloads into an empty area: it shows the deck's seminar and keeps writing to the deck.
    await view.evaluateOnNewDocument(throwaway);
    await view.reload({ waitUntil: 'load' });
    await view.waitForSelector('.fv[data-connected="true"]');
    // The view's localStorage is the throw-away one (which the durable copy in IndexedDB fills again on opening).
    expect(await view.evaluate(() => Object.getOwnPropertyDescriptor(window, 'localStorage') !== undefined)).toBe(true);
    await view.select('#fv-lookback-select', theme2.id);
    await fieldsOn(theme2.id);
    await waitForValue('agreed', text2);
    await screenshot(view, 'view-throwaway');
    await toEnd('agreed');
    await view.keyboard.type(' Også i weekenden.');
    await waitStored(FIRST, theme2.id, 'agreed', more);
    // Closed and opened again with S (a popup gets the real storage): the text is there.
    await view.close();
    view = await deck.openView();
    await view.select('#fv-lookback-select', theme2.id);
    await fieldsOn(theme2.id);
    await waitForValue('agreed', more);

    // The deck reloads into an empty area on the second card's action slide: it keeps the seminar (its
    // window-name mirror), the view writes on, and the room still sees the text.
    const action2 = await slideOf(theme2, 'action');
    await deck.page.evaluateOnNewDocument(throwaway);
    await deck.page.goto(`${pathToFileURL(DECK_HTML).href}?throwaway#/${action2}`, { waitUntil: 'load' });
    await deck.page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady() === true, { polling: 100 });
    expect(await deck.page.evaluate((key) => localStorage.getItem(key), `samtale.v2/${DECK_ID}/index`)).not.toContain(SECOND);
    await waitForAttr(deck.page, 'html', 'data-seminar-state', 'running');
    await fieldsOn(theme2.id);
    await waitForValue('agreed', more);
    await toEnd('agreed');
    await view.keyboard.type('!');
    await waitForAttr(view, '.fv-agreement', 'data-saved', 'true');
    expect(fieldText((await deck.storedSeminar(FIRST))!, theme2.id, 'agreed')).toBe(`${more}!`);
    // The facilitator's choice to show the agreements is the deck's too: the room still sees the text.
    const onScreen = await deck.page
      .waitForFunction((text) => document.querySelector('.samtale-agreed-text')?.textContent === text, { polling: 100, timeout: 5000 }, `${more}!`)
      .then(
        () => `${more}!`,
        async () => `${await deck.page.evaluate(() => document.querySelector('.samtale-agreed-text')?.textContent ?? '(no agreement on the projector)')}; "Vis på lærredet" ticked in the view: ${await view.$eval('#fv-show-agreements', (el) => (el as HTMLInputElement).checked)}`,
      );
    // Soft: what follows (the seminar back in the real storage) is checked even if this fails.
    expect.soft(onScreen, 'the room sees the agreement after the deck reloaded into a throw-away storage').toBe(`${more}!`);
    // Back to the real storage: everything is there, the other seminar too.
    await deck.page.goto(pathToFileURL(DECK_HTML).href, { waitUntil: 'load' });
    await deck.page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady() === true, { polling: 100 });
    await waitStored(FIRST, theme2.id, 'agreed', `${more}!`);
    expect(fieldText(await stored(SECOND), theme1.id, 'agreed')).toBe(AGREED_FAXE);
    expect(await deck.activeSeminarId()).toBe(FIRST);
  });

  it('speaks English when the deck’s language is en', async () => {
    // The same deck with `language: en` and its own id (so its storage is its own); JSON data, not a script.
    const html = readFileSync(DECK_HTML, 'utf8').replace('"language":"da"', '"language":"en"').replace('<html lang="da">', '<html lang="en">').replace('"id":"sociale-medier","title"', '"id":"sociale-medier-en","title"');
    expect(html.match(/"language":"en"|lang="en"|"id":"sociale-medier-en"/g)).toHaveLength(3);
    const file = path.join(WORK, 'index-en.html');
    writeFileSync(file, html);
    const { page, problems } = await openDeck(browser, file);
    try {
      const opened = new Promise<Page | null>((resolve) => page.once('popup', resolve));
      await page.keyboard.press('s');
      const popup = (await opened)!;
      watchPage(popup, problems);
      await popup.waitForSelector('.fv[data-connected="true"]');
      await page.evaluate((cardId) => {
        const reveal = (window as unknown as { Reveal: { slide(h: number): void; getSlides(): HTMLElement[] } }).Reveal;
        reveal.slide(reveal.getSlides().findIndex((s) => s.dataset['card'] === cardId && s.dataset['slideKind'] === 'questions'));
      }, theme1.id);
      await waitForAttr(popup, '#fv-agreed', 'data-card', theme1.id);
      expect(await popup.$eval('#fv-agreement-heading', (el) => el.textContent)).toBe(`Agreement · Theme 1 of 10: ${theme1.title}`);
      expect(await popup.$eval('label[for="fv-agreed"]', (el) => el.textContent)).toBe('What did the council agree?');
      expect(await popup.$eval('label[for="fv-show-agreements"]', (el) => el.textContent?.trim())).toBe('Show on screen');
      expect(await popup.$eval('[data-action="new-seminar"]', (el) => el.textContent)).toBe('New seminar …');
      expect(await popup.$eval('[data-action="export-record-md"]', (el) => el.textContent)).toBe('Download record (Markdown)');
      await popup.close();
    } finally {
      await page.close();
      rmSync(file, { force: true });
    }
    expect(problems).toEqual([]);
    await deck.page.bringToFront();
  });

  it('stays out of reveal’s print view', async () => {
    const print = await browser.newPage();
    watchPage(print, deck.problems);
    try {
      await print.goto(`${pathToFileURL(DECK_HTML).href}?view=print`, { waitUntil: 'load' });
      await print.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady() === true, { polling: 100 });
      await print.waitForSelector('.reveal .pdf-page');
      // Shown on screen as the deck stands (the agreements are on), never on paper: no box, no overview slide.
      expect(await print.evaluate(() => document.querySelectorAll('.samtale-agreed, section[data-slide-kind="agreements"]').length)).toBe(0);
    } finally {
      await print.close();
    }
  });

  it('had no console errors, CSP violations or network requests in any window', () => {
    // The crashed renderer included: a crash is no console error.
    expect(deck.problems).toEqual([]);
  });
});
