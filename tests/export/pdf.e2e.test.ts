// End-to-end: `samtale pdf` on the default deck, every PDF read back — text page by page, fonts, tags, bookmarks, metadata.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDecks } from '../../src/api.js';
import type { Deck, DeckCard } from '../../src/model.js';
import { clockAfter } from '../../src/pipeline/resolve.js';
import { renderDeckSlides } from '../../src/pipeline/render/deck-slides.js';
import { guidanceText } from '../../src/pipeline/render/guidance.js';
import type { Slide } from '../../src/pipeline/render/slide.js';
import { stringsFor } from '../../src/pipeline/render/strings.js';
import { checkPdfUa, formatViolations } from '../support/pdfua.js';
import { htmlText, longestVerticalLine, outlineTitles, pageSizes, pageTexts, pdfFonts, pdfInfo, pdfStructure, renderPage, squash } from './pdf-tools.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OUT = path.join(ROOT, 'tests/.tmp/export/default');
const PNG = path.join(ROOT, 'tests/.tmp/export/png');
/** Built once by tests/e2e/global-setup.ts. */
const DECK_HTML = path.join(ROOT, 'tests/.tmp/dist/sociale-medier/index.html');

let deck: Deck;
let slides: Slide[];
let run: { status: number | null; stdout: string; stderr: string };
const files = {
  handout: path.join(OUT, 'sociale-medier-handout.pdf'),
  guide: path.join(OUT, 'sociale-medier-guide.pdf'),
  slides: path.join(OUT, 'sociale-medier-slides.pdf'),
};

beforeAll(() => {
  rmSync(OUT, { recursive: true, force: true });
  const result = spawnSync(process.execPath, ['bin/samtale.js', 'pdf', '--out', OUT], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  run = { status: result.status, stdout: result.stdout, stderr: result.stderr };
  const loaded = loadDecks({ root: ROOT });
  deck = loaded.decks[0]!;
  slides = renderDeckSlides(deck);
}, 150_000);

const themeCount = () => deck.cards.filter((c) => c.themeNumber !== undefined).length;
const kicker = (placed: DeckCard) => (placed.themeNumber === undefined ? 'Introduktion' : stringsFor('da').theme(placed.themeNumber, themeCount()));

/**
 * The pages of each card: every page after the cover opens with the card's kicker and title — its first page
 * and, marked "(fortsat)", every page it continues on — so a page belongs to exactly one card.
 */
function cardPages(pages: readonly string[], cards: readonly DeckCard[], firstCardPage: number): Map<string, number[]> {
  const byCard = new Map<string, number[]>(cards.map((c) => [c.card.id, []]));
  for (let i = firstCardPage; i < pages.length; i++) {
    const head = squash(pages[i]!).toLowerCase();
    const owner = cards.find((c) => head.startsWith(squash(kicker(c) + c.card.title).toLowerCase()));
    if (owner) byCard.get(owner.card.id)!.push(i);
  }
  return byCard;
}

describe('samtale pdf (default deck, all three)', () => {
  it('exits 0, writes three PDFs into the folder, and draws no progress bar when not on a terminal', () => {
    expect(run.stderr).not.toMatch(/warning|error/i);
    expect(run.status).toBe(0);
    for (const file of Object.values(files)) expect(existsSync(file), file).toBe(true);
    expect(run.stdout).toMatch(/wrote .*sociale-medier-handout\.pdf: handout, \d+ pages/);
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/[█░]/);
    // Nothing left behind under a temporary name.
    expect(readdirSync(OUT).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('embeds the theme font (subsets with Unicode maps) in every PDF', () => {
    for (const file of Object.values(files)) {
      const fonts = pdfFonts(file);
      expect(fonts.length, file).toBeGreaterThan(0);
      for (const font of fonts) {
        expect(font.embedded, `${file}: ${font.name}`).toBe(true);
        expect(font.unicode, `${file}: ${font.name}`).toBe(true);
        // The theme's font, and its plain zero (scripts/plain-zero.mjs), a face of its own.
        expect(font.name, file).toMatch(/AtkinsonHyperlegibleNext|SamtalePlainZero/);
      }
    }
  });

  it('tags every PDF, sets title, author, subject, creator and language, and keeps the structure through the metadata step', async () => {
    for (const [kind, file] of Object.entries(files)) {
      const info = pdfInfo(file);
      expect(info['Tagged'], kind).toBe('yes');
      expect(info['Title'], kind).toMatch(/^Sociale medier og lokaldemokrati – (Samtalekort|Facilitatorguide|Slides)$/);
      expect(info['Author'], kind).toBe('KL – Kommunernes Landsforening');
      expect(info['Subject'], kind).toContain('Sociale medier og lokaldemokrati');
      expect(info['Creator'], kind).toMatch(/^samtale \d/);
      const structure = await pdfStructure(file);
      expect(structure.lang, kind).toBe('da');
      expect(structure.structTree, kind).toBe(true);
      expect(structure.markInfo, kind).toBe(true);
      expect(structure.displayDocTitle, kind).toBe(true);
      expect(structure.pages, kind).toBe(Number(info['Pages']));
    }
  });

  it('passes the PDF/UA-1 check, every one of them', async () => {
    for (const [kind, file] of Object.entries(files)) {
      const violations = await checkPdfUa(file);
      expect(violations, `${kind}:\n${formatViolations(violations)}`).toEqual([]);
    }
  }, 90_000);

  it('keeps emphasised text in the tag tree: the italic first question of "Om at bruge sociale medier"', () => {
    const tree = spawnSync('pdfinfo', ['-struct-text', files.handout], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(tree.stderr).not.toMatch(/wrong type/);
    const card = deck.cards.find((c) => c.card.id === 'om-at-bruge-sociale-medier')!.card;
    expect(card.questions[0]!.html).toMatch(/^<em>/);
    expect(squash(tree.stdout)).toContain(squash(card.questions[0]!.text));
  });

  it('gives each PDF a bookmark per card, with the card title exactly as written', async () => {
    for (const [kind, file] of Object.entries(files)) {
      const titles = outlineTitles((await pdfStructure(file)).outline);
      for (const { card } of deck.cards) {
        expect(titles.filter((t) => t === card.title), `${kind}: ${card.title} in ${JSON.stringify(titles)}`).toHaveLength(1);
      }
    }
  });

  it('renders a few pages to PNG (cover, card, guide, slides) for a person to look at', () => {
    rmSync(PNG, { recursive: true, force: true });
    mkdirSync(PNG, { recursive: true });
    const shots: [string, string, number][] = [['handout', files.handout, 1], ['handout', files.handout, 4], ['guide', files.guide, 1],
      ['guide', files.guide, 7], ['slides', files.slides, 1], ['slides', files.slides, 13]];
    for (const [name, file, page] of shots) {
      const prefix = path.join(PNG, `${name}-${page}`);
      const result = spawnSync('pdftoppm', ['-png', '-r', '50', '-f', String(page), '-l', String(page), '-singlefile', file, prefix], { encoding: 'utf8' });
      expect(result.status, result.stderr).toBe(0);
      // Not blank: a white page compresses to almost nothing.
      expect(statSync(`${prefix}.png`).size).toBeGreaterThan(3000);
    }
  });
});

describe('the participant handout', () => {
  it('is A4 with a cover that names the deck, its organisation and its contents with page numbers', () => {
    const pages = pageTexts(files.handout);
    expect(pageSizes(files.handout, 2).every((size) => /^59[45](\.\d+)? x 84[12](\.\d+)?$/.test(size)), pageSizes(files.handout, 2).join()).toBe(true);
    const cover = squash(pages[0]!);
    expect(cover).toContain(squash(deck.title));
    expect(cover).toContain(squash(deck.subtitle!));
    expect(cover).toContain(squash(deck.organisation!));
    const byCard = cardPages(pages, deck.cards, 1);
    for (const { card } of deck.cards) expect(cover).toContain(squash(`${card.title}${byCard.get(card.id)![0]! + 1}`));
  });

  it('has every page after the cover belong to one card, in deck order, with page numbers', () => {
    const pages = pageTexts(files.handout);
    const byCard = cardPages(pages, deck.cards, 1);
    const order = [...byCard.values()].flat();
    expect(order).toEqual(Array.from({ length: pages.length - 1 }, (_, i) => i + 1));
    for (const [id, list] of byCard) {
      expect(list.length, id).toBeGreaterThan(0);
      expect(list, id).toEqual(Array.from({ length: list.length }, (_, i) => list[0]! + i));
    }
    for (let i = 1; i < pages.length; i++) expect(squash(pages[i]!)).toContain(squash(`Side ${i + 1} af ${pages.length}`));
  });

  it('prints every question, the action question and every quote with its source on the card\'s own pages, Danish letters exact', () => {
    const pages = pageTexts(files.handout);
    const byCard = cardPages(pages, deck.cards, 1);
    for (const { card } of deck.cards) {
      const text = squash(byCard.get(card.id)!.map((i) => pages[i]).join('\n'));
      const questions = card.questions.filter((q) => !q.action);
      if (questions.length > 0) {
        expect(text, `${card.id}: first question`).toContain(squash(questions[0]!.text));
        expect(text, `${card.id}: last question`).toContain(squash(questions.at(-1)!.text));
      }
      for (const question of card.questions) expect(text, `${card.id}: ${question.text}`).toContain(squash(question.text));
      for (const quote of card.quotes) {
        expect(text, `${card.id}: quote`).toContain(squash(quote.text));
        expect(text, `${card.id}: source`).toContain(squash(quote.sourceText));
      }
      if (card.quotes.length > 0) expect(text, `${card.id}: last source`).toContain(squash(card.quotes.at(-1)!.sourceText));
    }
    // Exact letters, not look-alikes: a phrase with æ, ø and å as it is in the card.
    expect(pages.join('\n')).toContain('Hvilken vægt tillægger I det, der skrives på sociale medier');
  });

  it('has the expert videos with speaker and address, and no facilitator notes', () => {
    const pages = pageTexts(files.handout);
    const all = squash(pages.join('\n'));
    for (const { card, guidance } of deck.cards) {
      for (const video of card.videos) {
        if (video.speaker) expect(all).toContain(squash(video.speaker));
        if (video.page) expect(all).toContain(squash(video.page.replace(/^https?:\/\//, '').replace(/\/$/, '')));
      }
      const shown = squash([...card.questions.map((q) => q.text), ...card.quotes.flatMap((q) => [q.text, q.sourceText]),
        ...card.body.map((b) => (b.type === 'prose' ? htmlText(b.html) : ''))].join('\n'));
      const notes = Object.values(guidance).flatMap((g) => guidanceText(g).split(/(?<=[.!?:])\s+|\n+/))
        .map((sentence) => sentence.trim()).filter((sentence) => sentence.length > 30 && !shown.includes(squash(sentence)));
      expect(notes.length, card.id).toBeGreaterThan(0);
      for (const sentence of notes) expect(all, `${card.id} notes leaked: ${sentence}`).not.toContain(squash(sentence));
    }
  });

  it('passes the seed check: every theme, question, quote and source of the KL text', () => {
    expect(existsSync(DECK_HTML), 'the e2e global setup builds the deck').toBe(true);
    const result = spawnSync(process.execPath, ['../shared/checks/seed-fidelity.mjs', DECK_HTML, files.handout], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
    expect(result.stdout).toMatch(/pdf: (\d+)\/\1 seed items present/);
  }, 130_000);
});

describe('the facilitator guide', () => {
  it('opens with the agenda and its planned clock times', () => {
    const cover = squash(pageTexts(files.guide)[0]!);
    expect(cover).toContain('FACILITATORGUIDE');
    for (const placed of deck.cards) expect(cover).toContain(squash(`${clockAfter(deck.start, placed.offsetMinutes)}`));
    for (const placed of deck.cards) expect(cover).toContain(squash(placed.card.title));
    for (const pause of deck.breaks) expect(cover).toContain(squash(clockAfter(deck.start, pause.offsetMinutes)));
  });

  it('gives each card its slides with every question shown, its times and minutes, and all its guidance', () => {
    const pages = pageTexts(files.guide);
    const byCard = cardPages(pages, deck.cards, 2);
    const strings = stringsFor('da');
    for (const placed of deck.cards) {
      const { card } = placed;
      const list = byCard.get(card.id)!;
      expect(list.length, card.id).toBeGreaterThan(0);
      const text = squash(list.map((i) => pages[i]).join('\n'));
      const times = `${clockAfter(deck.start, placed.offsetMinutes)}–${clockAfter(deck.start, placed.offsetMinutes + placed.minutes)}`;
      expect(text, card.id).toContain(squash(`${times} · ${strings.minutes(placed.minutes)}`));
      // The slides, fragments shown: every question is on the card's guide pages.
      for (const question of card.questions) expect(text, `${card.id}: ${question.text}`).toContain(squash(question.text));
      for (const target of Object.values(placed.guidance)) {
        // Lines as printed: list markers are drawn by CSS, not written.
        const sentences = guidanceText(target).split('\n').map((s) => s.trim().replace(/^(?:-|\d+\.)\s+/, '')).filter((s) => s.length > 0);
        expect(text, `${card.id} guidance: ${sentences[0]}`).toContain(squash(sentences[0]!));
        expect(text, `${card.id} guidance: ${sentences.at(-1)}`).toContain(squash(sentences.at(-1)!));
      }
    }
  });
});

describe('the facilitator guide\'s headings', () => {
  it('say "Velkommen" and "Afslutning" once each: the notes\' own titles are not printed again under the guide\'s', () => {
    // After the cover, whose agenda has the welcome's and the closing's rows.
    const lines = pageTexts(files.guide).slice(1).join('\n').split('\n').map((line) => line.trim()).filter(Boolean);
    // "Velkommen og dagsorden" is the part's title, on its first page and "(fortsat)" on the next.
    expect(lines.filter((line) => /^Velkommen\b/.test(line) && !line.startsWith('Velkommen og dagsorden'))).toEqual(['Velkommen (ca. 3 min)']);
    expect(lines.filter((line) => /^Afslutning\b/.test(line))).toEqual(['Afslutning']);
    expect(lines).toContainEqual(expect.stringMatching(/^\d{2}:\d{2} · Slide \d+ · ca\. 10 min$/));
  });
});

describe('the guide\'s slide thumbnails', () => {
  it('are framed whole in both columns: nothing cut off at the page\'s content edges', () => {
    const pages = pageTexts(files.guide);
    const page = cardPages(pages, deck.cards, 2).get('kom-godt-i-gang')![0]! + 1;
    const dpi = 150;
    const px = (mm: number) => Math.round((mm / 25.4) * dpi);
    const image = renderPage(files.guide, page, dpi);
    // A4 with 18 mm side margins: the left column's frame starts at 18 mm, the right column's ends at 192 mm.
    const thumbHeight = px((210 - 36 - 5) / 2 * 9 / 16);
    expect(longestVerticalLine(image, px(17), px(19.5))).toBeGreaterThan(thumbHeight * 0.9);
    expect(longestVerticalLine(image, px(190.5), px(193))).toBeGreaterThan(thumbHeight * 0.9);
    mkdirSync(PNG, { recursive: true });
    writeFileSync(path.join(PNG, 'guide-thumbnails.png'), execFileSync('pdftoppm', ['-png', '-r', '80', '-f', String(page), '-l', String(page), '-singlefile', files.guide]));
  });
});

describe('the slides PDF', () => {
  it('has one 1280×720 px page per slide, in order', () => {
    const pages = pageTexts(files.slides);
    expect(pages).toHaveLength(slides.length);
    expect(new Set(pageSizes(files.slides, 3))).toEqual(new Set(['960 x 540']));
    expect(squash(pages[0]!)).toContain(squash(deck.title));
  });

  it('shows every fragment: each question on its slide\'s page', () => {
    const pages = pageTexts(files.slides);
    slides.forEach((slide, index) => {
      if (slide.kind !== 'questions' && slide.kind !== 'action' && slide.kind !== 'quote') return;
      const card = deck.cards.find((c) => c.card.id === slide.cardId)!.card;
      const page = squash(pages[index]!);
      for (const question of card.questions) {
        if (slide.html.includes(question.html)) expect(page, `slide ${index + 1}: ${question.text}`).toContain(squash(question.text));
      }
    });
  });

  it('shows each video as its poster, speaker and address', () => {
    const pages = pageTexts(files.slides);
    const videoPages = slides.map((slide, index) => ({ slide, index })).filter(({ slide }) => slide.kind === 'video');
    expect(videoPages.length).toBeGreaterThan(0);
    for (const { index } of videoPages) {
      expect(pages[index]).toMatch(/Se videoen på/);
      expect(squash(pages[index]!)).toContain(squash('www.kl.dk/politik'));
    }
  });
});
