// The participants' edition as HTML: every card in order, nothing of the facilitator's, fonts cut to what it uses.
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDecks } from '../../src/api.js';
import { loadParticipantsThemeFiles } from '../../src/assets/participants-assets.js';
import type { Deck } from '../../src/model.js';
import { renderParticipantsHtml } from '../../src/participants/render.js';
import { coversAny, participantsThemeCss } from '../../src/participants/theme-css.js';
import { guidanceText } from '../../src/pipeline/render/guidance.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let deck: Deck;
let html: string;

beforeAll(async () => {
  deck = loadDecks({ root: ROOT }).decks[0]!;
  const files = await loadParticipantsThemeFiles(deck.theme);
  html = renderParticipantsHtml(deck, { ...files, brandingCss: '' }, 'samtale test');
});

/** The HTML of one card's article. */
const article = (id: string) => new RegExp(`<article class="card" id="kort-${id}"[\\s\\S]*?</article>`).exec(html)![0];

describe('the participants\' edition', () => {
  it('has every card in deck order, with its questions, action question, quotes and text', () => {
    const ids = [...html.matchAll(/<article class="card" id="kort-([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(deck.cards.map((c) => c.card.id));
    for (const { card } of deck.cards) {
      const own = article(card.id);
      for (const question of card.questions) expect(own, question.text).toContain(question.html);
      for (const quote of card.quotes) {
        expect(own).toContain(quote.html);
        expect(own).toContain(quote.sourceHtml);
      }
      for (const block of card.body) if (block.type === 'prose') expect(own).toContain(block.html);
    }
    expect(html).toContain(`<h1>${deck.title}</h1>`);
  });

  it('carries no facilitator notes, no agenda times, no deck model and no script', () => {
    for (const { card, guidance } of deck.cards) {
      const sentences = Object.values(guidance).flatMap((notes) => guidanceText(notes).split(/(?<=[.!?])\s+|\n+/))
        .map((s) => s.trim()).filter((s) => s.length > 40);
      expect(sentences.length, card.id).toBeGreaterThan(0);
      for (const sentence of sentences) expect(html, `${card.id}: ${sentence}`).not.toContain(sentence);
    }
    expect(html).not.toMatch(/<script|samtale-deck|class="notes"|<aside/);
    expect(html).not.toContain(deck.start);
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
  });

  it('gives a video address shared by several videos once, where the card\'s own text gives it', () => {
    const own = article('kom-godt-i-gang');
    expect(own.match(/href="http:\/\/www\.kl\.dk\/politik\/dit-kommunalpolitiske-arbejde\/sociale-medier-og-lokaldemokrati\/"/g)).toHaveLength(1);
    for (const speaker of ['Katrine Emme Thielke', 'Benjamin Rud Elberth', 'Ulrik Kjær']) expect(own).toContain(`>${speaker}</h3>`);
  });

  it('nests its headings without skipping a level', () => {
    const levels = [...html.matchAll(/<h([1-6])\b/g)].map((m) => Number(m[1]));
    expect(levels[0]).toBe(1);
    levels.forEach((level, i) => expect(level, `heading ${i}`).toBeLessThanOrEqual((levels[i - 1] ?? 0) + 1));
  });

  it('inlines only the font faces it uses, shown at once in a fallback while they load', () => {
    const faces = [...html.matchAll(/@font-face\{([^}]*)\}/g)].map((m) => m[1]!);
    expect(faces.length).toBeGreaterThan(1);
    expect(faces.every((face) => face.includes('font-display:swap'))).toBe(true);
    // Latin only (æ, ø, å and – are in it), no bold italic: the deck has emphasis, but never inside bold.
    expect(faces.some((face) => /unicode-range:\s*U\+0100/.test(face))).toBe(false);
    expect(faces.some((face) => /font-style:\s*italic/.test(face) && /font-weight:\s*700/.test(face))).toBe(false);
    expect(faces.some((face) => /font-style:\s*italic/.test(face))).toBe(true);
    expect(Buffer.byteLength(html)).toBeLessThan(120_000);
  });
});

describe('the theme CSS it keeps', () => {
  it('reads unicode-range lists, ranges and wildcards', () => {
    const points = (text: string) => new Set([...text].map((c) => c.codePointAt(0)!));
    expect(coversAny('U+0000-00FF, U+0131', points('æøå'))).toBe(true);
    expect(coversAny('U+0100-02BA, U+1E00-1E9F', points('æøå'))).toBe(false);
    expect(coversAny('U+0100-02BA', points('Łódź'))).toBe(true);
    expect(coversAny('U+4??', points('\u0416'))).toBe(true);
    expect(coversAny(undefined, points('x'))).toBe(true);
  });

  it('keeps the tokens and the faces asked for, and none when the branding brings its own font', () => {
    const theme = ':root{--a:1}\n.reveal h1{color:red}\n@font-face{font-family:X;font-style:normal;font-weight:400;font-display:block;src:url(data:a);unicode-range:U+0000-00FF}\n'
      + '@font-face{font-family:X;font-style:italic;font-weight:400;src:url(data:b);unicode-range:U+0000-00FF}';
    const css = participantsThemeCss(theme, { text: 'hej', italic: false, boldItalic: false, ownFont: false });
    expect(css).toContain(':root{--a:1}');
    expect(css).not.toContain('.reveal');
    expect(css).toContain('font-display:swap');
    expect(css).not.toContain('data:b');
    expect(participantsThemeCss(theme, { text: 'hej', italic: true, boldItalic: false, ownFont: false })).toContain('data:b');
    expect(participantsThemeCss(theme, { text: 'hej', italic: true, boldItalic: false, ownFont: true })).not.toContain('@font-face');
  });
});
