// Videos through the pipeline: errors at their position, manifest `videos:` overrides, media copies, the slide HTML, the CSP.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import QRCode from 'qrcode';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { build, check, DeckError, loadDecks } from '../../src/api.js';
import { contentSecurityPolicy } from '../../src/assets/csp.js';
import type { Diagnostic } from '../../src/diagnostics/deck-error.js';
import { Diagnostics } from '../../src/diagnostics/deck-error.js';
import type { Deck, Video } from '../../src/model.js';
import { collectMedia, mediaOutputFiles } from '../../src/pipeline/media.js';
import { qrSvg } from '../../src/pipeline/render/qr.js';
import { stringsFor } from '../../src/pipeline/render/strings.js';
import { planVideo, renderVideo, videoFrameSources } from '../../src/pipeline/render/video.js';
import { cardText, parse } from '../support/cards.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MEDIA = join(ROOT, 'tests/fixtures/video/media');
const TMP = join(ROOT, 'tests/.tmp/video-unit');

afterAll(() => rmSync(TMP, { recursive: true, force: true }));

/** A project folder with these files (text, or a path under the fixture media to copy). */
function project(name: string, files: Record<string, string | { copy: string }>): string {
  const root = join(TMP, name);
  rmSync(root, { recursive: true, force: true });
  for (const [path, content] of Object.entries(files)) {
    const file = join(root, path);
    mkdirSync(dirname(file), { recursive: true });
    if (typeof content === 'string') writeFileSync(file, content);
    else copyFileSync(join(MEDIA, content.copy), file);
  }
  return root;
}

const intro = (body: string) => cardText(body, 'title: Kom godt i gang\nkind: intro\nminutes: 10');
const deck = (extra = '') => `title: Videoer\ncards:\n  - kom-godt-i-gang\n${extra}`;
/** The deck's Content-Security-Policy, as the browser reads it from the meta element. */
const cspOf = (html: string) => /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)![1]!.replace(/&#39;/g, "'").replace(/&amp;/g, '&');
const where = (d: Diagnostic, root: string) => `${d.code} ${d.file.slice(root.length + 1)}:${d.line}:${d.column}`;

describe('video blocks as written', () => {
  it('reports a bad source, page, poster, length and autoplay at the value', () => {
    const { diagnostics } = parse(intro(`::: video
speaker: Ulrik Kjær
src: media/kjaer.mov
poster: https://i.ytimg.com/vi/aqz-KE-bpKQ/hqdefault.jpg
page: www.kl.dk/video
:::

::: video
src: https://www.youtube.com/watch?v=aqz-KE-bpK
:::

::: video
src: https://youtu.be/aqz-KE-bpKQ
autoplay: true
length: 4 min
:::

::: video
src: https://youtu.be/aqz-KE-bpKQ
autoplay: true
:::`));
    expect(diagnostics.map((d) => `${d.code} ${d.line}:${d.column}`)).toEqual([
      'E_MEDIA_FORMAT 9:6',
      'E_MEDIA_REMOTE 10:9',
      'E_VIDEO_ADDRESS 11:7',
      'E_VIDEO_ADDRESS 15:6',
      'E_INVALID_VALUE 21:9',
      'W_VIDEO_AUTOPLAY 26:11',
    ]);
    expect(diagnostics[0]).toMatchObject({ message: 'src "media/kjaer.mov": unsupported video format ".mov"', hint: expect.stringContaining('mp4') });
    expect(diagnostics[1]).toMatchObject({ message: 'poster "https://i.ytimg.com/vi/aqz-KE-bpKQ/hqdefault.jpg": a web address; a poster must be a file in the project' });
    expect(diagnostics[2]).toMatchObject({ message: 'page "www.kl.dk/video": malformed address: it has no "https://"', hint: 'write it in full: "https://www.kl.dk/video"' });
    expect(diagnostics[3]).toMatchObject({ message: 'src "https://www.youtube.com/watch?v=aqz-KE-bpK": not the address of a YouTube video' });
    expect(diagnostics[4]!.message).toContain('expected a length as "m:ss"');
  });

  it('accepts times as seconds or "m:ss", and an end before the start is an error at the end', () => {
    const ok = parse(intro('::: video\nid: kjaer\nsrc: media/k.mp4\nstart: "1:35"\nend: 300\nlength: "5:00"\n:::'));
    expect(ok.diagnostics).toEqual([]);
    expect(ok.card!.videos[0]).toMatchObject({ id: 'kjaer', start: 95, end: 300, length: '5:00' });
    const bad = parse(intro('::: video\nsrc: media/k.mp4\nstart: 95\nend: "1:00"\n:::'));
    expect(bad.diagnostics.map((d) => `${d.code} ${d.line}:${d.column}`)).toEqual(['E_VIDEO_TIMES 10:6']);
  });

  it('warns about a video with nothing to play or link to', () => {
    expect(parse(intro('::: video\nspeaker: X\n:::')).diagnostics.map((d) => d.code)).toEqual(['W_VIDEO_NOTHING']);
  });
});

describe('local media files', () => {
  it('a missing file, a missing folder and captions that are not WebVTT are errors at the value, with a did-you-mean', () => {
    const root = project('missing', {
      'content/kom-godt-i-gang.md': intro(`::: video
src: ../media/tiny.webn.webm
:::

::: video
src: videoer/kjaer.mp4
poster: ../media/poster.jpg
captions: ../media/tiny.vtt
:::`),
      'media/tiny.webm.webm': { copy: 'tiny.webm' },
      'media/poster.jpg': { copy: 'poster.jpg' },
      'media/tiny.vtt': '1\n00:00:00,000 --> 00:00:02,000\nSRT, ikke WebVTT\n',
      'slides/videoer.yaml': deck(),
    });
    const found = check({ root });
    expect(found.map((d) => where(d, root))).toEqual([
      'E_MEDIA_MISSING content/kom-godt-i-gang.md:8:6',
      'E_MEDIA_MISSING content/kom-godt-i-gang.md:12:6',
      'E_CAPTIONS_NOT_VTT content/kom-godt-i-gang.md:14:11',
    ]);
    expect(found[0]).toMatchObject({ message: 'src "../media/tiny.webn.webm" does not exist (looked for media/tiny.webn.webm)', hint: 'did you mean "tiny.webm.webm"?' });
    expect(found[1]!.hint).toContain('no folder content/videoer/');
  });

  it('a build with a missing file fails with the position and writes nothing', async () => {
    const root = project('build-missing', {
      'content/kom-godt-i-gang.md': intro('::: video\nspeaker: Ulrik Kjær\nsrc: media/kjaer.mp4\n:::'),
      'slides/videoer.yaml': deck(),
    });
    const error = await build({ root, outDir: 'dist' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeckError);
    expect((error as DeckError).diagnostics.map((d) => where(d, root))).toEqual(['E_MEDIA_MISSING content/kom-godt-i-gang.md:9:6']);
    expect(existsSync(join(root, 'dist'))).toBe(false);
  });

  it('are copied under content-hashed names beside the deck, once each, and captions are inlined', async () => {
    const root = project('copies', {
      'content/kom-godt-i-gang.md': intro(`::: video
id: en
src: media/tiny.webm
poster: media/poster.jpg
captions: media/tiny.vtt
:::

::: video
id: to
src: media/samme.webm
:::`),
      'content/media/tiny.webm': { copy: 'tiny.webm' },
      'content/media/samme.webm': { copy: 'tiny.webm' },
      'content/media/poster.jpg': { copy: 'poster.jpg' },
      'content/media/tiny.vtt': { copy: 'tiny.vtt' },
      'slides/videoer.yaml': deck(),
    });
    await build({ root, outDir: 'dist' });
    const media = readdirSync(join(root, 'dist/videoer/media')).sort();
    expect(media).toEqual([expect.stringMatching(/^[0-9a-f]{16}\.jpg$/), expect.stringMatching(/^[0-9a-f]{16}\.webm$/)]);
    const webm = media.find((m) => m.endsWith('.webm'))!;
    expect(readFileSync(join(root, 'dist/videoer/media', webm))).toEqual(readFileSync(join(MEDIA, 'tiny.webm')));
    const html = readFileSync(join(root, 'dist/videoer/index.html'), 'utf8');
    expect(html.match(new RegExp(`data-src="media/${webm}"`, 'g'))).toHaveLength(2);
    expect(html).toContain('<template class="video-captions" data-label="Undertekster">WEBVTT');
    // Local files only: the policy frames nothing from outside.
    expect(cspOf(html)).toContain("frame-src 'self' file:;");
  });
});

describe('a manifest’s videos:', () => {
  const card = intro(`::: video
id: thielke
speaker: Katrine Emme Thielke
src: https://www.youtube.com/watch?v=aqz-KE-bpKQ
:::

::: video
id: kjaer
speaker: Ulrik Kjær
page: https://www.kl.dk/
:::`);

  it('points a card’s video to a downloaded copy without touching the card; the online address stays as the link', async () => {
    const root = project('override', {
      'content/kom-godt-i-gang.md': card,
      'slides/videoer.yaml': deck(),
      'slides/offline.yaml': 'extends: videoer\ntitle: Videoer offline\nvideos:\n  thielke:\n    src: ../videoer/thielke.webm\n    poster: ../videoer/thielke.jpg\n',
      'videoer/thielke.webm': { copy: 'tiny.webm' },
      'videoer/thielke.jpg': { copy: 'poster.jpg' },
    });
    const { decks, diagnostics } = loadDecks({ root, decks: ['offline'] });
    expect(diagnostics.items).toEqual([]);
    const video = decks[0]!.cards[0]!.card.videos[0]!;
    expect(video).toMatchObject({ src: '../videoer/thielke.webm', page: 'https://youtu.be/aqz-KE-bpKQ' });
    expect(video.source.media?.src).toMatchObject({ file: join(root, 'slides/offline.yaml'), line: 5, column: 10 });
    // The shared card is not changed for other decks.
    const base = loadDecks({ root, decks: ['videoer'] }).decks[0]!.cards[0]!.card.videos[0]!;
    expect(base.src).toBe('https://www.youtube.com/watch?v=aqz-KE-bpKQ');

    await build({ root, outDir: 'dist', all: true });
    const html = readFileSync(join(root, 'dist/offline/index.html'), 'utf8');
    expect(html).toMatch(/data-video-kind="local" data-video-id="thielke"/);
    expect(html).not.toContain('data-video-embed');
    expect(readdirSync(join(root, 'dist/offline/media'))).toHaveLength(2);
    expect(cspOf(readFileSync(join(root, 'dist/videoer/index.html'), 'utf8'))).toContain("frame-src 'self' file: https://www.youtube-nocookie.com;");
    expect(cspOf(html)).toContain("frame-src 'self' file:;");
  });

  it('reports an unknown id at its key with a did-you-mean, and a missing or wrong file at its value', () => {
    const root = project('override-errors', {
      'content/kom-godt-i-gang.md': card,
      'slides/videoer.yaml': deck('videos:\n  thielk:\n    src: ../videoer/thielke.mp4\n  kjaer:\n    src: ../videoer/kjaer.mp4\n    captions: ../videoer/kjaer.srt\n'),
    });
    const found = check({ root });
    expect(found.map((d) => where(d, root))).toEqual([
      'E_UNKNOWN_VIDEO slides/videoer.yaml:5:3',
      'E_MEDIA_MISSING slides/videoer.yaml:8:10',
      'E_MEDIA_FORMAT slides/videoer.yaml:9:15',
    ]);
    expect(found[0]).toMatchObject({ message: 'manifest: no video "thielk" in this deck\'s cards', hint: 'did you mean "thielke"?' });
    expect(found[1]!.hint).toContain('no folder videoer/');
  });
});

describe('the video slide', () => {
  const strings = stringsFor('da');
  const video = (fields: Partial<Video>): Video => ({ source: { file: '/p/content/c.md', startLine: 1, endLine: 3 }, ...fields });

  it('a page-only video is a poster with the link and a QR code, and nothing to press', () => {
    const html = renderVideo(video({ id: 'kjaer', speaker: 'Ulrik Kjær', role: 'Kommunalforsker', page: 'http://www.kl.dk/sociale-medier/' }), strings);
    expect(html).toContain('data-video-kind="page"');
    expect(html).not.toContain('<button');
    expect(html).toContain('<a href="http://www.kl.dk/sociale-medier/" target="_blank" rel="noopener noreferrer">www.kl.dk/sociale-medier</a>');
    expect(html).toContain('aria-label="QR-kode til www.kl.dk/sociale-medier"');
  });

  it('an online video is a play button over the poster; its player address waits in a data attribute', () => {
    const html = renderVideo(video({ title: 'Tillid', speaker: 'Ulrik Kjær', length: '4:30', src: 'https://youtu.be/aqz-KE-bpKQ', autoplay: true }), strings);
    expect(html).toContain('<button type="button" class="video-poster" aria-label="Afspil video: Tillid – Ulrik Kjær (4:30)">');
    expect(html).toContain('data-video-embed="https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?autoplay=1&amp;rel=0&amp;playsinline=1&amp;enablejsapi=1"');
    expect(html).toContain('data-video-remaining-seconds="270"');
    expect(html).not.toMatch(/<iframe|<img/);
    expect(html).not.toContain('data-video-autoplay');
    expect(html).toContain('data-video-note="file"');
  });

  it('a local file plays only once the build has copied it; its clip sets the length shown', () => {
    expect(planVideo(video({ src: 'media/k.mp4' })).kind).toBe('none');
    const built = video({ src: 'media/k.mp4', start: 30, end: 90, length: '5:00', autoplay: true, built: { src: 'media/0123456789abcdef.mp4' } });
    expect(planVideo(built)).toMatchObject({ kind: 'local', seconds: 60, length: '1:00' });
    const html = renderVideo(built, strings);
    expect(html).toContain('data-src="media/0123456789abcdef.mp4#t=30,90"');
    expect(html).toContain('data-video-autoplay=""');
    expect(html).toContain('1:00 min.');
  });

  it('the CSP frames only the players of the deck’s own videos', () => {
    const deckWith = (...src: string[]) => ({ cards: [{ card: { videos: src.map((s) => video({ src: s })) } }] }) as unknown as Deck;
    expect(videoFrameSources(deckWith('https://youtu.be/aqz-KE-bpKQ', 'https://vimeo.com/76979871'))).toEqual(['https://player.vimeo.com', 'https://www.youtube-nocookie.com']);
    expect(videoFrameSources(deckWith('https://www.kl.dk/'))).toEqual([]);
    const csp = contentSecurityPolicy({ inlineScripts: [], extraScriptHashes: [], frameSources: ['https://www.youtube-nocookie.com'] });
    expect(csp).toContain("frame-src 'self' file: https://www.youtube-nocookie.com;");
    expect(csp).toContain("img-src data: 'self' file:;");
    expect(csp).toContain("default-src 'none'");
  });

  it('draws the QR code as one path with a quiet zone', () => {
    const svg = qrSvg('https://youtu.be/aqz-KE-bpKQ', 'QR');
    const size = QRCode.create('https://youtu.be/aqz-KE-bpKQ', { errorCorrectionLevel: 'M' }).modules.size + 4;
    expect(svg).toMatch(new RegExp(`^<svg class="video-qr-code" [^>]*viewBox="0 0 ${size} ${size}"`));
    expect(svg.match(/<path /g)).toHaveLength(1);
  });
});

describe('collectMedia', () => {
  let diagnostics: Diagnostics;
  beforeEach(() => {
    diagnostics = new Diagnostics();
  });

  it('leaves a deck without local media as it is', () => {
    const root = project('no-media', { 'content/kom-godt-i-gang.md': intro('::: video\npage: https://www.kl.dk/\n:::'), 'slides/videoer.yaml': deck() });
    const loaded = loadDecks({ root }).decks[0]!;
    const media = collectMedia(loaded, diagnostics);
    expect(media.deck).toBe(loaded);
    expect(mediaOutputFiles(media)).toEqual([]);
  });
});
