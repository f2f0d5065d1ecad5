// Driving a seminar in two windows for the e2e tests: a deck opened from file:// on a clock the test
// controls (`window.__samtaleNow`), its facilitator view opened with S, waiting on state, downloads.
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer';
import { parseSeminar } from '../../src/runtime/seminar/parse.js';
import type { SeminarState } from '../../src/runtime/seminar/state.js';
import { openDeck, watchPage } from './browser.js';

type ClockWindow = Window & { __samtaleTestOffset: number; __samtaleNow: () => number };
type RevealWindow = Window & { Reveal: { isReady(): boolean; getIndices(): { h: number; f?: number }; slide(h: number, v?: number, f?: number): void; getCurrentSlide(): HTMLElement } };

/** The deck of a seminar, on the test's clock. */
export class SeminarDeck {
  private offset = 0;
  private clockScript: string | undefined;
  private id: string | undefined;

  private constructor(
    readonly browser: Browser,
    readonly page: Page,
    readonly file: string,
    readonly problems: string[],
    private readonly base: number,
  ) {}

  /**
   * Opens `file` with an empty browser storage for its origin, with the clock at `base` from the
   * runtime's first line. The first load runs on the real clock until the reload and may save once
   * more, so storage is cleared again until the reloaded deck starts from nothing.
   */
  static async open(browser: Browser, file: string, base: number): Promise<SeminarDeck> {
    const { page, problems } = await openDeck(browser, file);
    const deck = new SeminarDeck(browser, page, file, problems, base);
    await deck.installClock();
    for (let attempt = 1; ; attempt++) {
      await page.evaluate(async () => {
        localStorage.clear();
        window.name = '';
        // The deck's durable copy (src/runtime/storage/durable.ts) would otherwise bring the last test's seminar back.
        await new Promise<void>((resolve) => {
          const request = indexedDB.open('samtale', 1);
          request.onupgradeneeded = () => request.result.createObjectStore('kv');
          request.onerror = () => resolve();
          request.onsuccess = () => {
            const db = request.result;
            const tx = db.transaction('kv', 'readwrite');
            tx.objectStore('kv').clear();
            tx.oncomplete = tx.onabort = () => {
              db.close();
              resolve();
            };
          };
        });
      });
      await page.reload({ waitUntil: 'load' });
      await page.waitForFunction(() => (window as unknown as Partial<RevealWindow>).Reveal?.isReady() === true);
      const fresh = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('samtale.v2/') && k.includes('/seminar/')).length === 1);
      if (fresh) break;
      if (attempt === 3) throw new Error('could not start from an empty storage');
    }
    return deck;
  }

  /**
   * Opens `file` in a browser that already holds a seminar for it (started again after a crash, on the
   * same profile): storage stays as the crash left it, the clock at `base` plus `offset`.
   */
  static async attach(browser: Browser, file: string, base: number, offset: number): Promise<SeminarDeck> {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 720 });
    const problems: string[] = [];
    await watchWindow(page, problems, 'deck');
    const deck = new SeminarDeck(browser, page, file, problems, base);
    deck.offset = offset;
    await deck.installClock();
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    await page.waitForFunction(() => (window as unknown as Partial<RevealWindow>).Reveal?.isReady() === true, { polling: 100 });
    return deck;
  }

  /**
   * Opens the same file again in a new tab on this clock (in place before the page's first line), with
   * the browser's storage as it is: the deck window after a crash took the old one. Problems of the new
   * tab go into the same list.
   */
  async reopen(): Promise<SeminarDeck> {
    const page = await this.browser.newPage();
    await page.setViewport(this.page.viewport() ?? { width: 1280, height: 720 });
    await watchWindow(page, this.problems, 'deck');
    const deck = new SeminarDeck(this.browser, page, this.file, this.problems, this.base);
    deck.offset = this.offset;
    await deck.installClock();
    await page.goto(pathToFileURL(this.file).href, { waitUntil: 'load' });
    await page.waitForFunction(() => (window as unknown as Partial<RevealWindow>).Reveal?.isReady() === true, { polling: 100 });
    return deck;
  }

  /** The deck's id (its storage keys are `samtale.v2/<id>/…`). */
  async deckId(): Promise<string> {
    this.id ??= await this.page.$eval('#samtale-deck', (el) => (JSON.parse(el.textContent ?? '{}') as { id: string }).id);
    return this.id;
  }

  /** The seminar the deck works in, as its index in the browser's storage names it (the mirror's, when storage lost it). */
  async activeSeminarId(): Promise<string | undefined> {
    const deckId = await this.deckId();
    return this.page.evaluate((prefix) => {
      const index = JSON.parse(localStorage.getItem(`${prefix}index`) ?? 'null') as { active?: string } | null;
      if (index?.active !== undefined) return index.active;
      return window.name.startsWith('samtale.v2:') ? (JSON.parse(window.name.slice('samtale.v2:'.length)) as { state: { id: string } }).state.id : undefined;
    }, `samtale.v2/${deckId}/`);
  }

  /**
   * A seminar as the deck last stored it (`samtale.v2/<deck>/seminar/<id>`, or the `samtale.v2:` mirror in
   * the window's name when that is newer), read in the deck window, which writes it. The active one
   * unless `id` names another; undefined when none is stored.
   */
  async storedSeminar(id?: string): Promise<SeminarState | undefined> {
    const deckId = await this.deckId();
    const want = id ?? (await this.activeSeminarId());
    if (want === undefined) return undefined;
    const copies = await this.page.evaluate((key, seminar) => {
      const found: { revision: number; state: { id: string } }[] = [];
      const raw = localStorage.getItem(key);
      if (raw !== null) found.push(JSON.parse(raw) as never);
      if (window.name.startsWith('samtale.v2:')) {
        const mirrored = JSON.parse(window.name.slice('samtale.v2:'.length)) as { revision: number; state: { id: string } };
        if (mirrored.state.id === seminar) found.push(mirrored);
      }
      return found;
    }, `samtale.v2/${deckId}/seminar/${want}`, want);
    const newest = copies.sort((a, b) => b.revision - a.revision)[0];
    if (newest === undefined) return undefined;
    const state = parseSeminar(newest.state, deckId);
    if (!state) throw new Error(`stored seminar ${want} does not parse: ${JSON.stringify(newest).slice(0, 300)}`);
    return state;
  }

  /** Every stored key of this deck (`samtale.v2/<deck>/…`, the part after the prefix), sorted. */
  async storedKeys(): Promise<string[]> {
    const prefix = `samtale.v2/${await this.deckId()}/`;
    return this.page.evaluate((p) => Object.keys(localStorage).filter((k) => k.startsWith(p)).map((k) => k.slice(p.length)).sort(), prefix);
  }

  /** Epoch ms of the test clock now. */
  get now(): number {
    return this.base + this.offset;
  }

  /** Defines `__samtaleNow` in every document the deck tab loads from now on, at the current offset. */
  private async installClock(): Promise<void> {
    if (this.clockScript !== undefined) await this.page.removeScriptToEvaluateOnNewDocument(this.clockScript);
    ({ identifier: this.clockScript } = await this.page.evaluateOnNewDocument(
      (base, at) => {
        const w = window as unknown as ClockWindow;
        w.__samtaleTestOffset = at;
        w.__samtaleNow = () => base + w.__samtaleTestOffset;
      },
      this.base,
      this.offset,
    ));
  }

  /** Moves the clock (the deck reads it on its next tick, within 250 ms). */
  async advance(ms: number): Promise<void> {
    await this.setTime(this.now + ms);
  }

  /** Sets the clock to `at` (it may jump back, as from one day's test to another's). */
  async setTime(at: number): Promise<void> {
    this.offset = at - this.base;
    await this.installClock();
    await this.page.evaluate((offset) => {
      (window as unknown as ClockWindow).__samtaleTestOffset = offset;
    }, this.offset);
  }

  /** Index of the first slide of a card, or of the first slide of a kind. */
  slideOf(select: { card?: string; kind?: string }): Promise<number> {
    return this.page.evaluate(({ card, kind }) => Array.from(document.querySelectorAll<HTMLElement>('.reveal .slides > section'))
      .findIndex((s) => (card === undefined || s.dataset['card'] === card) && (kind === undefined || s.dataset['slideKind'] === kind)), select);
  }

  async goTo(index: number): Promise<void> {
    await this.page.evaluate((h) => (window as unknown as RevealWindow).Reveal.slide(h), index);
  }

  index(): Promise<number> {
    return this.page.evaluate(() => (window as unknown as RevealWindow).Reveal.getIndices().h);
  }

  /** The card (or slide kind) the projector shows now. */
  showing(): Promise<{ card?: string; kind?: string }> {
    return this.page.evaluate(() => {
      const slide = (window as unknown as RevealWindow).Reveal.getCurrentSlide();
      return { ...(slide.dataset['card'] ? { card: slide.dataset['card'] } : {}), ...(slide.dataset['slideKind'] ? { kind: slide.dataset['slideKind'] } : {}) };
    });
  }

  /**
   * Reloads the deck as a facilitator would (F5). reveal writes the slide into the URL at most once a
   * second; a real reload comes back to the slide, so wait for the URL first.
   */
  async reload(): Promise<number> {
    const h = await this.index();
    await this.page.waitForFunction((at) => location.hash === (at === 0 ? '' : `#/${at}`) || location.hash.startsWith(`#/${at}/`), {}, h);
    await this.page.reload({ waitUntil: 'load' });
    await this.page.waitForFunction(() => (window as unknown as Partial<RevealWindow>).Reveal?.isReady() === true);
    return h;
  }

  /** Opens the facilitator view with S and waits until it is connected. */
  async openView(viewport = { width: 1366, height: 768 }): Promise<Page> {
    // A view being closed still counts as open for a moment; S would only bring it to the front.
    await this.page.waitForSelector('.samtale-control[data-view="closed"]');
    const opened = new Promise<Page | null>((resolve) => this.page.once('popup', resolve));
    await this.page.keyboard.press('s');
    const popup = await opened;
    if (popup === null) throw new Error('S opened no window');
    await watchWindow(popup, this.problems, 'view');
    await popup.setViewport(viewport);
    await popup.waitForSelector('.fv[data-connected="true"]', { timeout: 10_000 });
    return popup;
  }
}

/**
 * Records a window's problems (console errors, page errors, requests leaving the machine) and what
 * Chromium logs as an error, CSP violations included: Log.enable replays what was logged before we
 * listened, so this works for a popup that loaded before the test saw it.
 */
async function watchWindow(page: Page, problems: string[], label: string): Promise<void> {
  const session = await page.createCDPSession();
  session.on('Log.entryAdded', ({ entry }) => {
    if (entry.level === 'error') problems.push(`${label} ${entry.source}: ${entry.text}`);
  });
  await session.send('Log.enable');
  watchPage(page, problems);
}

/** Waits until `selector` in `page` has `attribute` equal to `value` (undefined: absent). */
export async function waitForAttr(page: Page, selector: string, attribute: string, value: string | number | undefined, problems: readonly string[] = []): Promise<void> {
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
    throw new Error(`${selector} [${attribute}] is ${actual}, expected ${expected}\n${problems.join('\n')}`);
  }
}

/** Waits until the text of `selector` in `page` (whitespace folded) matches `pattern`; returns it. */
export async function waitForText(page: Page, selector: string, pattern: RegExp): Promise<string> {
  try {
    await page.waitForFunction(
      (sel, source, flags) => new RegExp(source, flags).test((document.querySelector(sel)?.textContent ?? '').replace(/\s+/g, ' ').trim()),
      { timeout: 5000, polling: 100 },
      selector,
      pattern.source,
      pattern.flags,
    );
  } catch {
    const actual = await page.$eval(selector, (el) => el.textContent).catch(() => 'no element');
    throw new Error(`${selector}: expected ${String(pattern)}, found "${actual}"`);
  }
  return page.$eval(selector, (el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim());
}

/** Waits for the page's transitions and animations (slide fades, pulses) to finish. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.race([
      Promise.all(document.getAnimations().filter((a) => a.effect?.getComputedTiming().endTime !== Infinity).map((a) => a.finished.catch(() => undefined))),
      new Promise((resolve) => setTimeout(resolve, 5000)),
    ]),
  );
}

/** A folder the browser downloads into, emptied first. */
export async function downloadsInto(browser: Browser, dir: string): Promise<void> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const cdp = await browser.target().createCDPSession();
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: dir, eventsEnabled: true });
}

/** Waits until every file is downloaded (complete, not a partial .crdownload) and reads them. */
export async function waitForFiles(dir: string, names: string[]): Promise<string[]> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const present = readdirSync(dir);
    if (names.every((n) => present.includes(n))) return names.map((n) => readFileSync(path.join(dir, n), 'utf8'));
    if (Date.now() > deadline) throw new Error(`downloads missing: ${names.join(', ')} (found ${present.join(', ')})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
