// The PowerPoint export read back from its XML: slides, text boxes, click animations, notes, colours, properties.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDecks } from '../../src/api.js';
import { ExportOptionsError } from '../../src/export/options.js';
import type { Deck } from '../../src/model.js';
import { renderDeckSlides } from '../../src/pipeline/render/deck-slides.js';
import type { Slide } from '../../src/pipeline/render/slide.js';
import { exportPptx } from '../../src/pptx/index.js';
import { readPptx, type PptxFile } from '../support/pptx.js';

const repo = join(import.meta.dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'samtale-pptx-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

interface Exported {
  deck: Deck;
  slides: Slide[];
  pptx: PptxFile;
  warnings: string[];
}

async function exportDeck(id: string, root = repo): Promise<Exported> {
  const out = join(scratch, id);
  const result = await exportPptx({ root, decks: [id], outDir: out });
  expect(result.files.map((f) => f.file)).toEqual([join(out, id, `${id}.pptx`)]);
  const loaded = loadDecks({ root, decks: [id] });
  const deck = loaded.decks[0]!;
  return { deck, slides: renderDeckSlides(deck), pptx: readPptx(result.files[0]!.file), warnings: result.diagnostics.map((d) => d.code) };
}

describe('the default deck as PowerPoint', () => {
  let ex: Exported;
  beforeAll(async () => {
    ex = await exportDeck('sociale-medier');
  });

  it('has one 16:9 slide per slide of the deck, in the same order', () => {
    expect(ex.pptx.slides).toHaveLength(ex.slides.length);
    expect(ex.pptx.text('ppt/presentation.xml')).toContain('<p:sldSz cx="12192000" cy="6858000"/>');
    ex.slides.forEach((slide, i) => {
      const shapes = ex.pptx.slides[i]!.shapes;
      if (slide.content.kind === 'card-title' || slide.content.kind === 'title' || slide.content.kind === 'closing') {
        expect(shapes.find((s) => s.name === 'Title')?.text).toBe(slide.content.title);
      }
    });
  });

  it('puts every question, the action question, every quote and every source in a text box of its own', () => {
    const all = ex.pptx.slides.flatMap((s) => s.shapes);
    for (const { card } of ex.deck.cards) {
      for (const question of card.questions) {
        const boxes = all.filter((s) => collapse(s.text) === collapse(question.text));
        expect(boxes, question.text).toHaveLength(1);
        expect(boxes[0]!.name).toMatch(question.action ? /^Action question$/ : /^Question \d+$/);
      }
      for (const quote of card.quotes) {
        const boxes = all.filter((s) => s.name === 'Quote' && collapse(s.text) === collapse(`»${quote.text}«`));
        expect(boxes, quote.text).toHaveLength(1);
        expect(all.filter((s) => s.name === 'Source' && collapse(s.text) === collapse(quote.sourceText))).not.toHaveLength(0);
      }
    }
  });

  it('shows the questions of a slide one per click, in order, and nothing else moves', () => {
    ex.slides.forEach((slide, i) => {
      const { shapes, clickTargets, xml } = ex.pptx.slides[i]!;
      if (slide.content.kind !== 'questions') {
        expect(xml).not.toContain('<p:timing>');
        return;
      }
      const questions = shapes.filter((s) => /^Question \d+$/.test(s.name));
      expect(questions).toHaveLength(slide.content.questions.length);
      expect(clickTargets).toEqual(questions.map((q) => q.id));
      expect(xml).toMatch(/<\/p:clrMapOvr><p:timing>[\s\S]*presetID="1" presetClass="entr"[\s\S]*<\/p:timing><\/p:sld>$/);
      expect(new Set(shapes.map((s) => s.id)).size).toBe(shapes.length);
    });
  });

  it('writes paragraphs PowerPoint opens without repair: one set of paragraph properties each, unique shape ids', () => {
    for (const [i, slide] of ex.pptx.slides.entries()) {
      for (const [, inner] of slide.xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)) expect((inner!.match(/<a:pPr\b/g) ?? []).length, `slide ${i + 1}`).toBeLessThanOrEqual(1);
      expect(new Set(slide.shapes.map((s) => s.id)).size).toBe(slide.shapes.length);
    }
  });

  it('writes each slide\'s guidance into its notes, the header line first, in Danish', () => {
    ex.slides.forEach((slide, i) => {
      const { notes, notesXml } = ex.pptx.slides[i]!;
      expect(notes.length, `slide ${i + 1}`).toBeGreaterThan(0);
      expect(notesXml).not.toContain('lang="en-US"');
      if (slide.cardId === undefined) return;
      const placed = ex.deck.cards.find((c) => c.card.id === slide.cardId)!;
      expect(notes[0]).toMatch(new RegExp(`^${placed.themeNumber ? `Tema ${placed.themeNumber} af 10` : placed.card.title} · ${placed.minutes} min\\. · \\d\\d:\\d\\d–\\d\\d:\\d\\d · Slide \\d+ af \\d+$`));
    });
    const questions = ex.slides.findIndex((s) => s.content.kind === 'questions' && s.cardId === 'om-at-moderere-debatten');
    const notes = ex.pptx.slides[questions]!;
    expect(notes.notes).toContain('Formål');
    expect(notes.notes.some((p) => p.startsWith('Går det i stå: »Hvad gjorde I, sidste gang en tråd på jeres side løb løbsk?«'))).toBe(true);
    // The steps of the run are a numbered list, the headings bold.
    expect(notes.notesXml).toMatch(/<a:buAutoNum type="arabicPeriod" startAt="1"\/><\/a:pPr><a:r><a:rPr lang="da-DK" dirty="0"\/><a:t>\(2 min\) Læs begge citater højt/);
    expect(notes.notesXml).toMatch(/<a:rPr lang="da-DK" b="1" dirty="0"\/><a:t>Formål<\/a:t>/);
  });

  it('uses the theme\'s colours and names its font', () => {
    const title = ex.pptx.slides[0]!;
    expect(title.shapes.find((s) => s.name === 'Title')!.xml).toContain('<a:srgbClr val="0B4A6F"/>');
    expect(title.shapes.find((s) => s.name === 'Band')!.xml).toContain('<a:srgbClr val="0B4A6F"/>');
    expect(title.shapes.find((s) => s.name === 'Accent')!.xml).toContain('<a:srgbClr val="B4471A"/>');
    expect(title.xml).toContain('<a:latin typeface="Atkinson Hyperlegible Next" pitchFamily="34" charset="0"/>');
    expect(ex.pptx.text('ppt/theme/theme1.xml')).toContain('<a:latin typeface="Atkinson Hyperlegible Next"/>');
    const action = ex.pptx.slides[ex.slides.findIndex((s) => s.content.kind === 'action')]!;
    expect(action.xml).toMatch(/<p:bg><p:bgPr><a:solidFill><a:srgbClr val="FBEFE6"/);
    // Without a highlight of its own the theme's highlight is its accent, with white text on it.
    expect(action.shapes.find((s) => s.name === 'Action label')!.xml).toMatch(/<a:solidFill><a:srgbClr val="B4471A"\/>.*<a:solidFill><a:srgbClr val="FFFFFF"\/>/s);
  });

  it('sets the document properties and keeps Danish letters', () => {
    const core = ex.pptx.text('docProps/core.xml');
    expect(core).toContain('<dc:title>Sociale medier og lokaldemokrati</dc:title>');
    expect(core).toContain('<dc:subject>Samtalekort til kommunalbestyrelsen</dc:subject>');
    expect(core).toContain('<dc:creator>KL – Kommunernes Landsforening</dc:creator>');
    expect(core).toContain('<dc:language>da-DK</dc:language>');
    const texts = ex.pptx.slides.flatMap((s) => s.shapes.map((shape) => shape.text)).join('\n');
    expect(texts).toContain('Om at være "på" 24/7');
    expect(texts).toContain('Hvad kan I som kommunalbestyrelse med fordel gøre for, at flere unge deltager i debatterne på sociale medier?');
    expect(texts).toMatch(/æ.*ø.*å/s);
  });

  it('shows an online video as its poster, title, description, link and QR code', () => {
    const index = ex.slides.findIndex((s) => s.content.kind === 'video');
    const slide = ex.pptx.slides[index]!;
    const names = slide.shapes.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['Video poster', 'Video title', 'Video facts', 'Video description', 'QR code', 'Video link']));
    expect(slide.shapes.find((s) => s.name === 'Video title')!.text).toBe('Katrine Emme Thielke');
    expect(slide.shapes.find((s) => s.name === 'Video link')!.text).toBe('Se videoen på www.kl.dk/politik/dit-kommunalpolitiske-arbejde/sociale-medier-og-lokaldemokrati');
    expect(slide.xml).toContain('<a:hlinkClick r:id=');
    expect(slide.shapes.find((s) => s.name === 'QR code')!.xml).toContain('descr="QR-kode til www.kl.dk/');
  });
});

describe('an adaptation as PowerPoint', () => {
  let ex: Exported;
  beforeAll(async () => {
    ex = await exportDeck('solby');
  });

  it('has only its cards, with its minutes, its local quote and card, without the quote it dropped', () => {
    const texts = ex.pptx.slides.flatMap((s) => s.shapes.map((shape) => shape.text)).join('\n');
    expect(ex.pptx.slides).toHaveLength(ex.slides.length);
    expect(texts).toContain('Om vores eget kodeks');
    expect(texts).toContain('»Vi diskuterer sagen, ikke personen.«');
    expect(texts).toContain('Kaffepause');
    expect(texts).toContain('Hvordan bruger I jeres kodeks fra 2024, når debatten på sociale medier bliver hård?');
    expect(texts).not.toContain('1: Hold dig til emnet.');
    expect(texts).not.toContain('Om digital deltagelse');
    const agenda = ex.pptx.slides[1]!.shapes.map((s) => s.text);
    expect(agenda).toEqual(expect.arrayContaining(['16:30', 'Kom godt i gang', '25 min.']));
  });

  it('is in its colours, with its logo and its facts on the title slide', () => {
    const title = ex.pptx.slides[0]!;
    expect(title.shapes.find((s) => s.name === 'Title')!.xml).toContain('<a:srgbClr val="0F5B52"/>');
    expect(title.shapes.find((s) => s.name === 'Accent')!.xml).toContain('<a:srgbClr val="A4400F"/>');
    const logo = title.shapes.find((s) => s.name === 'Logo')!;
    expect(logo.xml).toContain('descr="Solby Kommune"');
    const target = /Id="([^"]+)"[^>]*Target="\.\.\/media\/([^"]+\.png)"/.exec(ex.pptx.text('ppt/slides/_rels/slide1.xml.rels'));
    expect(target).not.toBeNull();
    expect(title.shapes.map((s) => s.text)).toEqual(expect.arrayContaining(['Solby Kommune', '2. marts 2027 · Byrådssalen, Solby Rådhus', 'Facilitator: Mette Kragh, KL']));
    expect(ex.pptx.text('docProps/core.xml')).toContain('<dc:creator>Mette Kragh, KL</dc:creator>');
  });
});

describe('an adaptation with a highlight colour as PowerPoint', () => {
  let ex: Exported;
  beforeAll(async () => {
    const root = mkdtempSync(join(scratch, 'gul-'));
    for (const entry of ['content', 'slides', 'package.json']) cpSync(join(repo, entry), join(root, entry), { recursive: true });
    writeFileSync(join(root, 'slides', 'gul.yaml'), 'extends: solby\nbranding:\n  highlight: "#f2a900"\n');
    ex = await exportDeck('gul', root);
  });
  /** The first shape of that name on a slide of that kind. */
  const shape = (kind: Slide['content']['kind'], name: string) => ex.slides.flatMap((s, i) => (s.content.kind === kind ? ex.pptx.slides[i]!.shapes : []))
    .find((s) => s.name === name)!;
  const fills = (xml: string) => [...xml.matchAll(/<a:solidFill><a:srgbClr val="([0-9A-F]{6})"/g)].map((m) => m[1]);

  it('draws the title rule, the quote bar, the action band and label in the highlight, as the deck does', () => {
    expect(fills(shape('title', 'Accent').xml)).toEqual(['F2A900']);
    expect(fills(shape('quote', 'Quote bar').xml)).toEqual(['F2A900']);
    expect(fills(shape('action', 'Band').xml)).toEqual(['F2A900']);
    // The label's fill is the highlight, its text the theme's dark text (white on the yellow would be 2.01:1).
    expect(fills(shape('action', 'Action label').xml)).toEqual(['F2A900', '1C2B36']);
  });

  it('keeps text in the text colours: the primary for headings, the accent for "Tema 3 af 5"', () => {
    expect(fills(shape('title', 'Title').xml)).toEqual(['0F5B52']);
    expect(fills(shape('card-title', 'Theme number').xml)).toEqual(['A4400F']);
  });
});

describe('videos in PowerPoint', () => {
  it('embeds a local video with its poster, and warns that PowerPoint may not play WebM', async () => {
    const ex = await exportDeck('lokal', join(repo, 'tests', 'fixtures', 'video'));
    const index = ex.slides.findIndex((s) => s.content.kind === 'video');
    const slide = ex.pptx.slides[index]!;
    expect(slide.xml).toMatch(/<a:videoFile r:link="rId\d+"\/>/);
    const media = Object.keys(ex.pptx.files).filter((path) => path.startsWith('ppt/media/'));
    expect(media.some((path) => path.endsWith('.webm'))).toBe(true);
    const webm = media.find((path) => path.endsWith('.webm'))!;
    expect(ex.pptx.files[webm]!.length).toBe(statSync(join(repo, 'tests', 'fixtures', 'video', 'media', 'tiny.webm')).size);
    expect(ex.warnings).toContain('W_PPTX_VIDEO_FORMAT');
    expect(slide.shapes.find((s) => s.name === 'Video title')!.text).toBe('En lille testvideo');
    // The YouTube video the deck points to a downloaded copy is embedded too, its address kept as the link.
    const youtube = ex.pptx.slides[ex.slides.findIndex((s) => s.content.kind === 'video' && s.content.video.id === 'youtube')]!;
    expect(youtube.xml).toContain('<a:videoFile');
    expect(youtube.shapes.find((s) => s.name === 'Video link')!.text).toBe('Se videoen på youtu.be/aqz-KE-bpKQ');
    // Vimeo stays online: a poster with the speaker, a link and a QR code, nothing embedded.
    const vimeo = ex.pptx.slides[ex.slides.findIndex((s) => s.content.kind === 'video' && s.content.video.id === 'vimeo')]!;
    expect(vimeo.xml).not.toContain('<a:videoFile');
    expect(vimeo.shapes.find((s) => s.name === 'Video title')!.text).toBe('Katrine Emme Thielke');
    expect(vimeo.shapes.find((s) => s.name === 'Video link')!.text).toBe('Se videoen på vimeo.com/76979871');
  });
});

describe('problems', () => {
  it('refuses one file for several decks before doing anything', async () => {
    await expect(exportPptx({ root: repo, all: true, out: join(scratch, 'all.pptx') })).rejects.toThrow(ExportOptionsError);
    expect(existsSync(join(scratch, 'all.pptx'))).toBe(false);
  });

  it('reports text PowerPoint cannot hold at its line, and keeps the previous file', async () => {
    const dir = mkdtempSync(join(scratch, 'valid-'));
    cpSync(join(repo, 'tests', 'fixtures', 'valid'), dir, { recursive: true });
    const out = join(dir, 'deck.pptx');
    await exportPptx({ root: dir, out });
    const before = readFileSync(out);
    const card = join(dir, 'content', 'om-vores-kodeks.md');
    const text = readFileSync(card, 'utf8');
    const line = text.split('\n').findIndex((l) => l.startsWith('? ')) + 1;
    writeFileSync(card, text.replace(/\n\? (\S+)/, '\n? $1\u0007'));
    const error = await exportPptx({ root: dir, out }).catch((e: unknown) => e) as { diagnostics?: { code: string; line: number; file: string }[] };
    expect(error.diagnostics?.[0]).toMatchObject({ code: 'E_PPTX_TEXT', line, file: card });
    expect(readFileSync(out).equals(before)).toBe(true);
  });

  it('refuses a video too large for a PowerPoint file, and warns about a poster it cannot draw, at their lines', async () => {
    const dir = mkdtempSync(join(scratch, 'video-'));
    cpSync(join(repo, 'tests', 'fixtures', 'video'), dir, { recursive: true });
    // A sparse file: 1.1 GB on paper, nothing on disk.
    const huge = join(dir, 'media', 'huge.mp4');
    writeFileSync(huge, '');
    truncateSync(huge, 1100 * 1024 ** 2);
    writeFileSync(join(dir, 'media', 'poster.jpg'), 'not a picture');
    const cards = join(dir, 'content', 'videoer.md');
    writeFileSync(cards, readFileSync(cards, 'utf8').replace('src: ../media/tiny.webm', 'src: ../media/huge.mp4'));
    const line = readFileSync(cards, 'utf8').split('\n').indexOf('src: ../media/huge.mp4') + 1;
    const error = await exportPptx({ root: dir, decks: ['lokal'], out: join(dir, 'lokal.pptx') }).catch((e: unknown) => e) as { diagnostics?: { code: string; line: number }[] };
    expect(error.diagnostics?.map((d) => [d.code, d.line])).toEqual(expect.arrayContaining([['E_PPTX_VIDEO_SIZE', line], ['W_PPTX_POSTER', line + 1]]));
    expect(existsSync(join(dir, 'lokal.pptx'))).toBe(false);
  });
});
