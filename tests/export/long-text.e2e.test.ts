// End-to-end: a question of 20,000 characters among short cards. The handout prints every word of it over
// as many pages as it needs, each continued page headed "(fortsat)", and its contents list names the page each
// card really starts on; `check` warns that the slide cannot hold it; every PDF carries the deck's content hash.

import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { handoutBody } from '../../src/export/handout.js';
import { printStringsFor } from '../../src/export/strings.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { GENERATOR, loadDecks } from '../../src/api.js';
import { deckContentHash, readContentHash } from '../../src/pipeline/content-hash.js';
import type { Deck } from '../../src/model.js';
import { pageTexts, squash } from './pdf-tools.js';
import { launchBrowser, openDeck, type DeckWindow } from '../support/browser.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURE = fileURLToPath(new URL('./fixtures/huge/', import.meta.url));
const OUT = path.join(ROOT, 'tests/.tmp/export/huge');
const CLI = path.join(ROOT, 'bin/samtale.js');

let deck: Deck;
let run: { status: number | null; stdout: string; stderr: string };

beforeAll(() => {
  rmSync(OUT, { recursive: true, force: true });
  const result = spawnSync(process.execPath, [CLI, 'pdf', 'enorm', '--handout', '--out', OUT], { cwd: FIXTURE, encoding: 'utf8', timeout: 120_000 });
  run = { status: result.status, stdout: result.stdout, stderr: result.stderr };
  deck = loadDecks({ root: FIXTURE, decks: ['enorm'] }).decks[0]!;
  const built = spawnSync(process.execPath, [CLI, 'build', 'enorm', '--out', OUT], { cwd: FIXTURE, encoding: 'utf8', timeout: 60_000 });
  if (built.status !== 0) throw new Error(built.stderr);
}, 150_000);

describe('a question of 20,000 characters', () => {
  it('is printed whole in the handout, continuing over pages headed "(fortsat)"', () => {
    expect(run.status, run.stderr).toBe(0);
    const pages = pageTexts(path.join(OUT, 'enorm-handout.pdf'));
    const question = deck.cards.find((c) => c.card.id === 'om-det-enorme-spoergsmaal')!.card.questions[0]!;
    expect(question.text.length).toBeGreaterThan(19_000);
    // Page heads and footers come between its lines, so it is read back word by word: the numbered words in
    // order, and every one of its words as often as it has them.
    const own = pages.flatMap((page, i) => (squash(page).startsWith(squash('TEMA 4 AF 11Om det enorme spørgsmål')) ? [i] : []));
    expect(own.length).toBeGreaterThan(4);
    const printed = own.map((i) => pages[i]).join(' ');
    const markers = question.text.split(' ').filter((word) => /\d/.test(word));
    let from = 0;
    for (const marker of markers) {
      const at = printed.indexOf(marker, from);
      expect(at, marker).toBeGreaterThanOrEqual(0);
      from = at + marker.length;
    }
    const count = (text: string, word: string) => text.split(/\s+/).filter((w) => w === word).length;
    expect(count(printed, 'kommunalbestyrelsen')).toBe(count(question.text, 'kommunalbestyrelsen'));
    for (const i of own.slice(1)) expect(squash(pages[i]!)).toContain(squash('Om det enorme spørgsmål (fortsat)'));
  });

  it('leaves the contents page right: every card on the page it names', () => {
    const pages = pageTexts(path.join(OUT, 'enorm-handout.pdf'));
    const contents = pages[0]!;
    deck.cards.forEach((placed, index) => {
      if (placed.themeNumber === undefined) return;
      const title = placed.card.title;
      const listed = new RegExp(`${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+(\\d+)`).exec(contents)?.[1];
      const kicker = `TEMA ${placed.themeNumber} AF ${deck.cards.length}`;
      void index;
      const actual = pages.findIndex((page) => squash(page).startsWith(squash(`${kicker}${title}`))) + 1;
      expect(Number(listed), title).toBe(actual);
    });
  });

  it('is reported by the export, as by check, with the card and line', () => {
    expect(run.stderr).toContain('content/om-det-enorme-spoergsmaal.md:6:1: warning: card "om-det-enorme-spoergsmaal": a question is 20003 characters');
    expect(run.stderr).toContain('[W_TEXT_TOO_LONG]');
  });

  it('stamps the deck\'s content hash into the PDF', () => {
    expect(readContentHash(readFileSync(path.join(OUT, 'enorm-handout.pdf')))).toBe(deckContentHash(deck, GENERATOR, 'handout'));
  });
});

describe('long text that a slide can still hold', () => {
  it('is set smaller on its slide, never under 28 px, and stays inside the slide', async () => {
    const browser = await launchBrowser();
    try {
      const { page, problems } = await openDeck(browser, path.join(OUT, 'enorm', 'index.html'));
      await page.addStyleTag({ content: '*, *::before { transition: none !important; }' });
      const found = await page.evaluate(() => {
        const { Reveal } = window as unknown as DeckWindow;
        const box = document.querySelector('.reveal .slides')!.getBoundingClientRect();
        return Reveal.getSlides().filter((s) => s.dataset['card'] === 'om-det-lange-men-passende' && s.dataset['slideKind'] !== 'card-title').map((slide) => {
          Reveal.slide(Reveal.getIndices(slide).h, 0, 99);
          slide.querySelectorAll('.fragment').forEach((f) => f.classList.add('visible'));
          const texts = Array.from(slide.querySelectorAll<HTMLElement>('li, p, blockquote, figcaption')).filter((el) => !el.closest('aside'));
          return {
            kind: slide.dataset['slideKind'],
            dense: slide.classList.contains('samtale-dense'),
            smallest: Math.min(...texts.map((el) => parseFloat(getComputedStyle(el).fontSize))),
            lowest: Math.max(...texts.map((el) => el.getBoundingClientRect().bottom)) - box.bottom,
          };
        });
      });
      expect(found.map((s) => s.kind).sort()).toEqual(['action', 'questions', 'quote']);
      for (const slide of found) {
        expect(slide, slide.kind).toMatchObject({ dense: true });
        expect(slide.smallest, slide.kind).toBeGreaterThanOrEqual(28);
        expect(slide.lowest, `${slide.kind} overflows by ${slide.lowest}px`).toBeLessThanOrEqual(1);
      }
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});

describe('right-to-left text in a Danish deck', () => {
  it('lays a question and a quote in Arabic out from the right, on the slides and in the handout', async () => {
    const browser = await launchBrowser();
    try {
      const { page } = await openDeck(browser, path.join(OUT, 'enorm', 'index.html'));
      const directions = await page.evaluate(() => Array.from(document.querySelectorAll('section[data-card="om-hoejre-til-venstre"] :is(li.question, .quote-text, .quote-source, .action-question)'))
        .map((el) => `${el.className}: ${el.matches(':dir(rtl)') ? 'rtl' : 'ltr'}`));
      expect(directions).toEqual(['quote-text: rtl', 'quote-source: rtl', 'question fragment: rtl', 'action-question: ltr']);
      const card = deck.cards.find((c) => c.card.id === 'om-hoejre-til-venstre')!;
      const handout = handoutBody({ ...deck, cards: [card] }, printStringsFor(deck.language));
      expect(handout).toContain(`<li dir="auto">${card.card.questions[0]!.html}</li>`);
      expect(handout).toContain(`<blockquote dir="auto">${card.card.quotes[0]!.html}</blockquote><p class="quote-source" dir="auto">`);
    } finally {
      await browser.close();
    }
  });
});
