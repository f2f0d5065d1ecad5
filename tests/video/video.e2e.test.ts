// End-to-end: video slides in headless Chromium — a local file plays from file:// and pauses when the slide is
// left; online videos load nothing from a third party until the poster is pressed, then the privacy-enhanced
// player; from file://, offline or after a failure the slide shows poster, link and QR code; print shows them too.
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, Frame, HTTPRequest, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/api.js';
import { axeViolations } from '../support/axe.js';
import { launchBrowser, openDeck, watchPage, type DeckWindow } from '../support/browser.js';
import { serveStatic, type StaticServer } from '../support/static-server.js';
import { fakeVimeo, fakeYouTube } from './fake-players.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURE = path.join(ROOT, 'tests/fixtures/video');
const OUT = path.join(ROOT, 'tests/.tmp/video');
const DIST = path.join(OUT, 'dist');
/** Screenshots of the video slide in each state, for people to look at (not compared). */
const SCREENS = path.join(OUT, 'screens');
const DECK = path.join(DIST, 'video/index.html');

/** What the tests read from a `[data-video]` container. */
interface Shown {
  state: string | undefined;
  unavailable: string | undefined;
  remaining: string | undefined;
  visible: { poster: boolean; qr: boolean; link: boolean; note: boolean; video: boolean; iframe: boolean };
  link: string | undefined;
}

let browser: Browser;
let server: StaticServer;
let origin: string;

beforeAll(async () => {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(SCREENS, { recursive: true });
  await build({ root: FIXTURE, outDir: DIST, all: true });
  server = await serveStatic(DIST);
  origin = server.origin;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Shows the slide holding the video with this id, without transitions. */
async function goToVideo(page: Page, id: string): Promise<void> {
  await page.evaluate((videoId) => {
    const { Reveal } = window as unknown as DeckWindow;
    Reveal.configure({ transition: 'none', backgroundTransition: 'none' });
    const sections = Array.from(document.querySelectorAll('.reveal .slides > section'));
    Reveal.slide(sections.findIndex((s) => s.querySelector(`[data-video-id="${videoId}"]`)));
  }, id);
  await page.waitForFunction((videoId) => document.querySelector(`section.present [data-video-id="${videoId}"]`) !== null, {}, id);
}

async function shown(page: Page, id: string): Promise<Shown> {
  return page.$eval(`[data-video-id="${id}"]`, (el) => {
    const container = el as HTMLElement;
    const visible = (selector: string) => {
      const found = container.querySelector(selector);
      return found !== null && found.checkVisibility({ checkVisibilityCSS: true }) && found.getBoundingClientRect().width > 10;
    };
    return {
      state: container.dataset['videoState'],
      unavailable: container.dataset['videoUnavailable'],
      remaining: container.dataset['videoRemainingSeconds'],
      visible: {
        poster: visible('.video-poster'),
        qr: visible('.video-qr svg'),
        link: visible('.video-link a'),
        note: Array.from(container.querySelectorAll('.video-note')).some((n) => n.checkVisibility({ checkVisibilityCSS: true })),
        video: visible('video'),
        iframe: visible('iframe'),
      },
      link: container.querySelector<HTMLAnchorElement>('.video-link a')?.href,
    };
  });
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENS, `${name}.png`) as `${string}.png` });
}

/**
 * Opens the deck over http. Every request that is not to the test's own server is recorded; those the
 * `answer` gives a body for are answered locally (the stand-in players), all others are blocked.
 */
async function openOverHttp(answer: (request: HTTPRequest) => string | undefined = () => undefined) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 720 });
  const thirdParty: HTTPRequest[] = [];
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error instanceof Error ? error.message : String(error)}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.location().url?.includes('youtube') && !message.location().url?.includes('vimeo')) problems.push(message.text());
  });
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith(`${origin}/`) || /^(data|about|blob):/.test(url)) {
      void request.continue();
      return;
    }
    thirdParty.push(request);
    const body = answer(request);
    void (body === undefined
      ? request.abort('blockedbyclient')
      : request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body }));
  });
  await page.goto(`${origin}/video/`, { waitUntil: 'load' });
  await page.waitForFunction(() => (window as unknown as Partial<DeckWindow>).Reveal?.isReady?.() === true);
  return { page, thirdParty, problems };
}

/** Opens the deck from file:// with a query (`?view=print`, `?receiver`); requests off the machine are blocked and recorded. */
async function openFileWithQuery(query: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage();
  const problems: string[] = [];
  await page.setViewport({ width: 1280, height: 720 });
  watchPage(page, problems);
  await page.setRequestInterception(true);
  page.on('request', (request) => void (/^(file|data|about|blob):/.test(request.url()) ? request.continue() : request.abort('blockedbyclient')));
  await page.goto(`${pathToFileURL(DECK).href}${query}`, { waitUntil: 'load' });
  await page.waitForFunction(() => (window as unknown as Partial<DeckWindow>).Reveal?.isReady?.() === true);
  return { page, problems };
}

function playerFrame(page: Page, host: string): Frame | undefined {
  return page.frames().find((frame) => frame.url().startsWith(host));
}

describe('a local video', () => {
  it('plays from file:// when its poster is pressed, and pauses when the slide is left', async () => {
    const { page, problems } = await openDeck(browser, DECK);
    await goToVideo(page, 'lokal');
    const before = await shown(page, 'lokal');
    expect(before).toMatchObject({ state: 'idle', remaining: '2', visible: { poster: true, video: false, qr: true } });
    // Nothing plays on its own: the slide was shown a moment ago.
    expect(await page.$eval('[data-video-id="lokal"] video', (v) => (v as HTMLVideoElement).paused)).toBe(true);
    await screenshot(page, 'local-poster');

    await page.click('section.present .video-poster');
    await page.waitForFunction(() => {
      const video = document.querySelector<HTMLVideoElement>('[data-video-id="lokal"] video')!;
      return !video.paused && video.currentTime > 0.3;
    }, { timeout: 10_000 });
    const playing = await shown(page, 'lokal');
    expect(playing).toMatchObject({ state: 'playing', visible: { poster: false, video: true, qr: false } });
    expect(Number(playing.remaining)).toBeLessThanOrEqual(2);
    const facts = await page.evaluate(() => {
      const video = document.querySelector<HTMLVideoElement>('[data-video-id="lokal"] video')!;
      const api = (window as unknown as DeckWindow).Reveal.getPlugin('samtale-video') as unknown as { getState(): { status: string; remainingSeconds?: number; id?: string }[] };
      return {
        src: video.currentSrc,
        muted: video.muted,
        captions: Array.from(video.textTracks).map((t) => [t.kind, t.mode, t.cues?.length]),
        focus: document.activeElement?.tagName,
        api: api.getState().map(({ status, remainingSeconds, id }) => ({ status, remainingSeconds, id })),
      };
    });
    expect(facts.src).toMatch(/\/media\/[0-9a-f]{16}\.webm$/);
    expect(facts.muted).toBe(false);
    expect(facts.captions).toEqual([['captions', 'showing', 1]]);
    expect(facts.focus).not.toBe('VIDEO');
    expect(facts.api).toEqual([{ status: 'playing', remainingSeconds: expect.any(Number), id: 'lokal' }]);
    await screenshot(page, 'local-playing');
    // WCAG 2.1 AA while it plays: the player, its captions and the slide around it.
    expect(await axeViolations(page)).toEqual([]);

    // The facilitator moves on with the keyboard, as with a presenter's clicker.
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-video-id="lokal"]')!.dataset['videoState'] === 'paused', { timeout: 5_000 });
    const left = await page.$eval('[data-video-id="lokal"] video', (v) => ({ paused: (v as HTMLVideoElement).paused, time: (v as HTMLVideoElement).currentTime }));
    expect(left.paused).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await page.$eval('[data-video-id="lokal"] video', (v) => (v as HTMLVideoElement).currentTime)).toBeCloseTo(left.time, 1);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('starts by itself only when the card asks for autoplay, and stops when the slide is left', async () => {
    const { page, problems } = await openDeck(browser, DECK);
    await goToVideo(page, 'side');
    expect(await page.$eval('[data-video-id="auto"] video', (v) => (v as HTMLVideoElement).paused)).toBe(true);
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-video-id="auto"]')!.dataset['videoState'] === 'playing', { timeout: 10_000 });
    expect(await page.$eval('[data-video-id="auto"] video', (v) => (v as HTMLVideoElement).muted)).toBe(false);
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-video-id="auto"]')!.dataset['videoState'] === 'paused', { timeout: 5_000 });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('that is broken falls back to poster, link and QR code, and the deck goes on', async () => {
    const { page, problems } = await openDeck(browser, DECK);
    await goToVideo(page, 'broken');
    await page.click('section.present .video-poster');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-video-id="broken"]')!.dataset['videoUnavailable'] === 'error', { timeout: 10_000 });
    expect(await shown(page, 'broken')).toMatchObject({ state: 'unavailable', visible: { poster: true, qr: true, link: true, note: true, video: false } });
    await screenshot(page, 'local-broken');
    await page.keyboard.press('ArrowLeft');
    expect(await page.evaluate(() => document.querySelector('section.present [data-video-id="auto"]') !== null)).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('plays from a web server too, without any request elsewhere', async () => {
    const { page, thirdParty, problems } = await openOverHttp();
    await goToVideo(page, 'lokal');
    await page.click('section.present .video-poster');
    await page.waitForFunction(() => document.querySelector<HTMLVideoElement>('[data-video-id="lokal"] video')!.currentTime > 0.3, { timeout: 10_000 });
    expect(await page.$eval('[data-video-id="lokal"] video', (v) => (v as HTMLVideoElement).currentSrc)).toMatch(new RegExp(`^${origin}/video/media/[0-9a-f]{16}\\.webm$`));
    expect(thirdParty).toHaveLength(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('that is only a web page: K points at its address and QR code, as a press on its poster does', async () => {
    const { page, problems } = await openDeck(browser, DECK);
    await goToVideo(page, 'side');
    expect(await page.$eval('section.present [data-video-id="side"] .video-play', (el) => getComputedStyle(el).display)).toBe('none');
    await page.keyboard.press('k');
    await page.waitForSelector('section.present [data-video-id="side"][data-video-pointed]');
    expect(await page.$eval('section.present [data-video-id="side"] .video-access', (el) => getComputedStyle(el).outlineStyle)).toBe('solid');
    await screenshot(page, 'page-video-pointed');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('plays and pauses with the K key', async () => {
    const { page, problems } = await openDeck(browser, DECK);
    await goToVideo(page, 'lokal');
    await page.keyboard.press('k');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-video-id="lokal"]')!.dataset['videoState'] === 'playing', { timeout: 10_000 });
    await page.keyboard.press('k');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-video-id="lokal"]')!.dataset['videoState'] === 'paused', { timeout: 5_000 });
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('an online video', () => {
  it('sends nothing to a third party until its poster is pressed, then loads youtube-nocookie with the origin as referrer', async () => {
    const { page, thirdParty, problems } = await openOverHttp((request) => (request.url().startsWith('https://www.youtube-nocookie.com/') ? fakeYouTube('play') : undefined));
    // Every slide of the deck, shown once: posters, QR codes and links load nothing.
    const total = await page.evaluate(() => (window as unknown as DeckWindow).Reveal.getTotalSlides());
    for (let index = 0; index < total; index++) await page.evaluate((i) => (window as unknown as DeckWindow).Reveal.slide(i), index);
    await goToVideo(page, 'youtube');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(thirdParty.map((r) => r.url())).toEqual([]);
    expect(await shown(page, 'youtube')).toMatchObject({ state: 'idle', visible: { poster: true, iframe: false, qr: true, link: true, note: false } });
    await screenshot(page, 'youtube-poster-online');

    await page.click('section.present .video-poster');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-video-id="youtube"]')!.dataset['videoState'] === 'playing', { timeout: 10_000 });
    expect(thirdParty).toHaveLength(1);
    const request = thirdParty[0]!;
    const url = new URL(request.url());
    expect(`${url.origin}${url.pathname}`).toBe('https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ autoplay: '1', enablejsapi: '1', rel: '0', origin });
    // strict-origin-when-cross-origin: the player learns the site (no Error 153), not the page.
    expect(request.headers()['referer']).toBe(`${origin}/`);
    const frame = await page.$eval('[data-video-id="youtube"] iframe', (f) => ({
      referrerPolicy: (f as HTMLIFrameElement).referrerPolicy,
      allow: f.getAttribute('allow'),
      title: f.getAttribute('title'),
    }));
    expect(frame).toEqual({ referrerPolicy: 'strict-origin-when-cross-origin', allow: expect.stringContaining('autoplay'), title: 'Sociale medier og tillid – Ulrik Kjær' });
    await page.waitForFunction(() => Number(document.querySelector<HTMLElement>('[data-video-id="youtube"]')!.dataset['videoRemainingSeconds']) < 270, { timeout: 5_000 });
    await screenshot(page, 'youtube-playing');

    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-video-id="youtube"]')!.dataset['videoState'] === 'paused', { timeout: 5_000 });
    expect(await playerFrame(page, 'https://www.youtube-nocookie.com/')!.evaluate(() => (window as unknown as { commands: string[] }).commands)).toContain('pauseVideo');
    expect(thirdParty).toHaveLength(1);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('loads a Vimeo video from player.vimeo.com with do-not-track, and pauses it on leaving', async () => {
    const { page, thirdParty, problems } = await openOverHttp((request) => (request.url().startsWith('https://player.vimeo.com/') ? fakeVimeo() : undefined));
    await goToVideo(page, 'vimeo');
    expect(thirdParty).toHaveLength(0);
    await page.click('section.present .video-poster');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-video-id="vimeo"]')!.dataset['videoState'] === 'playing', { timeout: 10_000 });
    const url = new URL(thirdParty[0]!.url());
    expect(`${url.origin}${url.pathname}`).toBe('https://player.vimeo.com/video/76979871');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ dnt: '1', autoplay: '1' });
    // The clip runs from 0:10 to 1:10.
    expect(await page.$eval('[data-video-id="vimeo"]', (el) => Number((el as HTMLElement).dataset['videoDurationSeconds']))).toBe(60);
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-video-id="vimeo"]')!.dataset['videoState'] === 'paused', { timeout: 5_000 });
    expect(await playerFrame(page, 'https://player.vimeo.com/')!.evaluate(() => (window as unknown as { commands: string[] }).commands)).toContain('pause');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('opened from file:// shows poster, link and QR code, and a press loads nothing', async () => {
    const { page, problems } = await openDeck(browser, DECK);
    await goToVideo(page, 'youtube');
    const before = await shown(page, 'youtube');
    expect(before).toMatchObject({ state: 'unavailable', unavailable: 'file', visible: { poster: true, qr: true, link: true, note: true, iframe: false } });
    expect(before.link).toBe('https://youtu.be/aqz-KE-bpKQ');
    await screenshot(page, 'youtube-file');
    // A press cannot play it: the slide points at the address and QR code instead, and loads nothing.
    await page.click('section.present .video-poster');
    await page.waitForSelector('section.present [data-video-id="youtube"][data-video-pointed] .video-access');
    expect(await shown(page, 'youtube')).toMatchObject({ state: 'unavailable', visible: { iframe: false } });
    // openDeck blocks and records any request that would leave the machine.
    expect(problems).toEqual([]);
    await page.close();
  });

  it('without network shows poster, link and QR code, and plays again when the network is back', async () => {
    const { page, thirdParty } = await openOverHttp();
    await goToVideo(page, 'youtube');
    await page.setOfflineMode(true);
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-video-id="youtube"]')!.dataset['videoUnavailable'] === 'offline', { timeout: 5_000 });
    expect(await shown(page, 'youtube')).toMatchObject({ state: 'unavailable', visible: { poster: true, qr: true, link: true, note: true, iframe: false } });
    await screenshot(page, 'youtube-offline');
    await page.click('section.present .video-poster');
    expect(thirdParty).toHaveLength(0);
    await page.setOfflineMode(false);
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-video-id="youtube"]')!.dataset['videoState'] === 'idle', { timeout: 5_000 });
    await page.close();
  });

  it('falls back to poster, link and QR code when the player reports an error', async () => {
    const { page } = await openOverHttp((request) => (request.url().startsWith('https://www.youtube-nocookie.com/') ? fakeYouTube('error') : undefined));
    await goToVideo(page, 'youtube');
    await page.click('section.present .video-poster');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-video-id="youtube"]')!.dataset['videoUnavailable'] === 'error', { timeout: 10_000 });
    expect(await shown(page, 'youtube')).toMatchObject({ state: 'unavailable', visible: { poster: true, qr: true, link: true, note: true, iframe: false } });
    await screenshot(page, 'youtube-error');
    await page.close();
  });
});

describe('a deck whose manifest points a video to a downloaded copy', () => {
  it('plays the copy from file://, and keeps the online address as link and QR code', async () => {
    const { page, problems } = await openDeck(browser, path.join(DIST, 'lokal/index.html'));
    await goToVideo(page, 'youtube');
    expect(await page.$eval('[data-video-id="youtube"]', (el) => (el as HTMLElement).dataset['videoKind'])).toBe('local');
    expect(await shown(page, 'youtube')).toMatchObject({ state: 'idle', link: 'https://youtu.be/aqz-KE-bpKQ', visible: { qr: true } });
    await page.click('section.present .video-poster');
    await page.waitForFunction(() => document.querySelector<HTMLVideoElement>('[data-video-id="youtube"] video')!.currentTime > 0.3, { timeout: 10_000 });
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('print and previews', () => {
  it('the print view shows every video as poster, title, speaker, length, address and QR code', async () => {
    const { page, problems } = await openFileWithQuery('?view=print');
    await page.waitForFunction(() => document.documentElement.classList.contains('reveal-print') && document.querySelector('.pdf-page') !== null, { timeout: 15_000 });
    const printed = await page.$$eval('[data-video]', (containers) => containers.map((el) => {
      const visible = (selector: string) => {
        const found = el.querySelector(selector);
        return found !== null && found.checkVisibility({ checkVisibilityCSS: true }) && found.getBoundingClientRect().width > 10;
      };
      return {
        id: (el as HTMLElement).dataset['videoId'],
        poster: visible('.video-poster'),
        qr: visible('.video-qr svg'),
        player: visible('video') || visible('iframe'),
        note: Array.from(el.querySelectorAll('.video-note')).some((n) => n.checkVisibility({ checkVisibilityCSS: true })),
        caption: el.querySelector('.video-poster-caption')?.textContent,
        link: el.querySelector('.video-link')?.textContent,
      };
    }));
    expect(printed).toEqual([
      { id: 'lokal', poster: true, qr: true, player: false, note: false, caption: 'En lille testvideoTestpersonKommunalforsker0:02 min.', link: 'Se videoen på www.kl.dk' },
      { id: 'youtube', poster: true, qr: true, player: false, note: false, caption: 'Sociale medier og tillidUlrik KjærKommunalforsker4:30 min.', link: 'Se videoen på youtu.be/aqz-KE-bpKQ' },
      { id: 'vimeo', poster: true, qr: true, player: false, note: false, caption: 'Katrine Emme ThielkeDigital ekspert1:00 min.', link: 'Se videoen på vimeo.com/76979871' },
      { id: 'side', poster: true, qr: true, player: false, note: false, caption: 'Benjamin Rud ElberthDigital ekspert', link: 'Se videoen på www.kl.dk/politik/dit-kommunalpolitiske-arbejde/sociale-medier-og-lokaldemokrati' },
      { id: 'auto', poster: true, qr: false, player: false, note: false, caption: 'Starter af sig selvTestperson', link: undefined },
      { id: 'broken', poster: true, qr: true, player: false, note: false, caption: 'En ødelagt kopiTestperson', link: 'Se videoen på www.kl.dk' },
    ]);
    const page2 = await page.$('.pdf-page:has([data-video-id="youtube"])');
    await page2!.screenshot({ path: path.join(SCREENS, 'print-youtube.png') as `${string}.png` });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('in reveal.js’s speaker-view preview mode (?receiver) shows posters and never loads or plays a video', async () => {
    const { page, problems } = await openFileWithQuery('?receiver');
    await goToVideo(page, 'lokal');
    await page.click('section.present .video-poster');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const video = await page.$eval('[data-video-id="lokal"] video', (v) => ({ src: v.getAttribute('src'), dataSrc: v.getAttribute('data-src'), paused: (v as HTMLVideoElement).paused }));
    expect(video).toEqual({ src: null, dataSrc: null, paused: true });
    expect(await shown(page, 'lokal')).toMatchObject({ state: 'idle', visible: { poster: true } });
    expect(problems).toEqual([]);
    await page.close();
  });
});
