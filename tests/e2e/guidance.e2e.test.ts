// End-to-end: guidance that follows a five-theme adaptation of the KL deck (a dropped quote, other minutes,
// a changed step, half the themes) as the facilitator reads it: in the facilitator view and in the guide PDF.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageTexts, squash } from '../export/pdf-tools.js';
import { type DeckWindow, launchBrowser, openDeck, watchPage } from '../support/browser.js';
import { HALVBY, halvbyProject } from '../support/guidance-project.js';

const BIN = fileURLToPath(new URL('../../bin/samtale.js', import.meta.url));
const SCREENS = fileURLToPath(new URL('../.tmp/screens/', import.meta.url));

let root: string;
let browser: Browser;
let page: Page;
let view: Page;
let problems: string[];
const viewProblems: string[] = [];

const samtale = (...args: string[]) => {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  if (run.status !== 0) throw new Error(`samtale ${args.join(' ')} failed:\n${run.stdout}${run.stderr}`);
  return run;
};

beforeAll(async () => {
  root = halvbyProject();
  samtale('build', HALVBY);
  samtale('pdf', HALVBY, '--guide');
  browser = await launchBrowser();
  ({ page, problems } = await openDeck(browser, path.join(root, 'dist', HALVBY, 'index.html')));
  const opened = new Promise<Page | null>((resolve) => page.once('popup', resolve));
  await page.keyboard.press('s');
  view = (await opened)!;
  watchPage(view, viewProblems);
  await view.setViewport({ width: 1280, height: 900 });
  await view.waitForSelector('.fv[data-connected="true"]', { timeout: 15_000 });
}, 180_000);

afterAll(async () => {
  await browser?.close();
});

/** Goes to a slide and returns the notes the view shows for it. */
async function viewNotes(index: number): Promise<string> {
  await page.evaluate((h) => (window as unknown as DeckWindow).Reveal.slide(h, 0, -1), index);
  const shown = await view.waitForFunction(
    (h) => document.querySelector('.fv-preview-current figcaption')?.textContent?.includes(` ${h + 1} `) && document.querySelector('.fv-notes-body')?.textContent,
    { timeout: 15_000 }, index);
  return squash(String(await shown.jsonValue()));
}

async function slideIndex(selector: string): Promise<number> {
  return page.$$eval('.reveal .slides > section', (sections, sel) => sections.findIndex((s) => s.matches(sel)), selector);
}

describe('the facilitator view of the adaptation', () => {
  it('shows the card\'s run fitted to its 25 minutes, the changed step, and nothing about the dropped quote', async () => {
    const notes = await viewNotes(await slideIndex('[data-card="om-at-moderere-debatten"][data-slide-kind="card-title"]'));
    expect(notes).toContain(squash('Tema 1 af 5 · 25 min. · 13:20–13:45'));
    expect(notes).toContain(squash('Forløb (25 min)'));
    expect(notes).toContain(squash('(3 min) Læs citatet højt.'));
    expect(notes).toContain(squash('(6 min) Fælles opsamling: Hvert par læser sine tre regler op; skriv dem på flipoveren.'));
    expect(notes).not.toMatch(/TV2|begge citater|Forløb \(15 min\)/);
    await view.screenshot({ path: path.join(SCREENS, 'guidance-view.png') as `${string}.png` });
  });

  it('says the adaptation\'s own number of themes, end and break on the agenda slide', async () => {
    const notes = await viewNotes(await slideIndex('[data-slide-kind="agenda"]'));
    expect(notes).toContain(squash('de fem temaer fra kl. 13:00 til kl. 15:30'));
    expect(notes).toContain(squash('»Kaffe« på 20 minutter ligger kl. 14:05, efter »Om at være rollemodel«'));
    expect(notes).not.toMatch(/ti temaer|moderere debatten/);
  });

  it('opens without errors or requests leaving the machine', () => {
    expect(problems).toEqual([]);
    expect(viewProblems).toEqual([]);
  });
});

describe('the guide PDF of the adaptation', () => {
  it('holds the same run and deck facts, and no line about the dropped quote', () => {
    const pages = pageTexts(path.join(root, 'dist', HALVBY, `${HALVBY}-guide.pdf`)).map(squash);
    const all = pages.join('\n');
    const moderate = pages.filter((p) => p.includes(squash('Om at moderere debatten')) && p.includes('Forløb'));
    expect(moderate.length).toBeGreaterThan(0);
    const text = moderate.join('\n');
    expect(text).toContain(squash('Forløb (25 min)'));
    expect(text).toContain(squash('(6 min) Fælles opsamling: Hvert par læser sine tre regler op'));
    expect(text).not.toContain(squash('Forløb (15 min)'));
    expect(all).not.toMatch(/TV2|ti temaer/);
    expect(all).toContain(squash('de fem temaer fra kl. 13:00 til kl. 15:30'));
    // A card the adaptation shortened from 20 to 15 minutes.
    const limits = pages.filter((p) => p.includes(squash('Om at have forskellige grænser')) && p.includes('Forløb')).join('\n');
    expect(limits).toContain(squash('Forløb (15 min)'));
    expect(limits).not.toContain(squash('Forløb (20 min)'));
  });
});
