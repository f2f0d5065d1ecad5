// Resolve stage: manifests against cards: order, minutes, breaks, the plan, and its errors.
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics/deck-error.js';
import type { Card } from '../../src/model.js';
import { mergeChain, readManifest } from '../../src/pipeline/manifest-chain.js';
import { clockAfter, indexCards, resolveDeck } from '../../src/pipeline/resolve.js';

const card = (id: string, minutes: number, kind: Card['kind'] = 'theme'): Card => ({
  id, title: `Om ${id}`, kind, minutes, questions: [], quotes: [], notes: {}, body: [], videos: [], file: `/p/content/${id}.md`,
});
const cards = [card('intro', 5, 'intro'), card('alfa', 20), card('beta', 15), card('gamma', 10)];

function resolve(manifest: string, themes?: string[]) {
  const diagnostics = new Diagnostics();
  const file = { id: 'deck', file: '/p/slides/deck.yaml', text: manifest };
  const validated = readManifest(file, diagnostics);
  const deck = validated && resolveDeck(mergeChain([{ file, validated }]), indexCards(cards, diagnostics), {
    broken: new Set(['broken']), diagnostics, ...(themes ? { themes } : {}),
  });
  return { deck, diagnostics: diagnostics.sorted() };
}

describe('resolveDeck', () => {
  it('places the cards in manifest order with their minutes, offsets and theme numbers', () => {
    const { deck, diagnostics } = resolve('title: T\nstart: "9:00"\ncards:\n  - intro\n  - card: gamma\n    minutes: 12\n  - alfa\n');
    expect(diagnostics).toEqual([]);
    expect(deck!.start).toBe('09:00');
    expect(deck!.cards.map((c) => [c.card.id, c.minutes, c.offsetMinutes, c.themeNumber])).toEqual([
      ['intro', 5, 0, undefined], ['gamma', 12, 5, 1], ['alfa', 20, 17, 2],
    ]);
  });

  it('counts breaks in the plan', () => {
    const { deck } = resolve('title: T\ncards:\n  - alfa\n  - break: 15\n  - beta\n');
    expect(deck!.breaks).toEqual([{ minutes: 15, offsetMinutes: 20, afterCard: 'alfa' }]);
    expect(deck!.cards[1]!.offsetMinutes).toBe(35);
  });

  it('reports an unknown card at its entry with a did-you-mean', () => {
    const { diagnostics } = resolve('title: T\ncards:\n  - alfa\n  - card: betta\n');
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'E_UNKNOWN_CARD', line: 4, column: 11, hint: 'did you mean "beta"?' })]);
  });

  it('stays silent about a card that failed to parse (its own errors say why)', () => {
    expect(resolve('title: T\ncards:\n  - broken\n').diagnostics).toEqual([]);
  });

  it('reports an unknown visual theme at its value, with a did-you-mean', () => {
    const { diagnostics } = resolve('title: T\ntheme: defualt\ncards:\n  - alfa\n', ['default', 'solby']);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'E_UNKNOWN_THEME', line: 2, column: 8, hint: 'did you mean "default"?' })]);
  });

  it('reports a card listed twice', () => {
    expect(resolve('title: T\ncards:\n  - alfa\n  - alfa\n').diagnostics.map((d) => [d.code, d.line])).toEqual([['E_CARD_TWICE', 4]]);
  });

  it('reports duplicate card ids across files', () => {
    const diagnostics = new Diagnostics();
    const byId = indexCards([card('alfa', 5), { ...card('alfa', 5), file: '/p/content/lokal/alfa.md' }], diagnostics);
    expect(byId.size).toBe(1);
    expect(diagnostics.items).toEqual([expect.objectContaining({ code: 'E_DUPLICATE_CARD', file: '/p/content/lokal/alfa.md', related: { file: '/p/content/alfa.md', line: 1, column: 1 } })]);
  });

  it('takes where the participants\' edition is published, and reports a malformed address at its line', () => {
    const { deck, diagnostics } = resolve('title: T\nparticipants:\n  url: https://www.solby.dk/samtalekort\ncards:\n  - alfa\n');
    expect(diagnostics).toEqual([]);
    expect(deck!.participantsUrl).toBe('https://www.solby.dk/samtalekort');
    const bad = resolve('title: T\nparticipants:\n  url: www.solby.dk/samtalekort\ncards:\n  - alfa\n');
    expect(bad.diagnostics).toEqual([expect.objectContaining({
      code: 'E_PARTICIPANTS_URL', severity: 'error', line: 3, column: 8,
      message: expect.stringContaining('participants.url "www.solby.dk/samtalekort"'),
      hint: expect.stringContaining('https://'),
    })]);
  });
});

describe('clockAfter', () => {
  it('adds minutes to a clock time and wraps at midnight', () => {
    expect(clockAfter('09:00', 95)).toBe('10:35');
    expect(clockAfter('23:30', 45)).toBe('00:15');
  });
});
