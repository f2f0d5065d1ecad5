// The examples in docs/cards.md and docs/adapting.md build: a consultant who copies them meets no error.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDecks, loadDecks } from '../../src/api.js';
import { guidanceText } from '../../src/pipeline/render/guidance.js';

const repo = join(import.meta.dirname, '..', '..');
const blocks = (doc: string, lang: string) => [...readFileSync(join(repo, 'docs', doc), 'utf8').matchAll(new RegExp(`\`\`\`${lang}\\n([\\s\\S]*?)\`\`\``, 'g'))].map((m) => m[1]!);

/** A consultant's own project, as `samtale init` starts it: KL's cards come from the package. */
function ownProject(): string {
  const root = mkdtempSync(join(tmpdir(), 'samtale-docs-'));
  mkdirSync(join(root, 'slides'));
  writeFileSync(join(root, 'package.json'), '{ "private": true }\n');
  return root;
}

function copyOfProject(): string {
  const root = mkdtempSync(join(tmpdir(), 'samtale-docs-'));
  for (const entry of ['content', 'slides', 'package.json']) cpSync(join(repo, entry), join(root, entry), { recursive: true });
  return root;
}

describe('docs/adapting.md', () => {
  const yaml = blocks('adapting.md', 'yaml');

  it('section 11, the adaptation to copy, checks clean in a project of one\'s own', () => {
    const root = ownProject();
    writeFileSync(join(root, 'slides', 'faxe.yaml'), yaml.find((b) => b.startsWith('extends: kl/sociale-medier\nmunicipality: Faxe Kommune'))!);
    expect(checkDecks({ root, decks: ['faxe'] }).diagnostics).toEqual([]);
  });

  it('the card changes of sections 5 and 6 and the welcome notes of section 6 check clean together, and do what they say', () => {
    const root = ownProject();
    const cards = yaml.filter((b) => b.startsWith('  - card: om-at-'));
    const welcome = yaml.find((b) => b.startsWith('notes: |'))!;
    expect(cards).toHaveLength(2);
    writeFileSync(join(root, 'slides', 'faxe.yaml'), `extends: kl/sociale-medier\nmunicipality: Faxe Kommune\n${welcome}cards:\n${cards.join('')}`);
    expect(checkDecks({ root, decks: ['faxe'] }).diagnostics).toEqual([]);
    const deck = loadDecks({ root, decks: ['faxe'] }).decks[0]!;
    const moderate = guidanceText(deck.cards.find((c) => c.card.id === 'om-at-moderere-debatten')!.guidance.card);
    expect(moderate).toContain('Forløb (20 min)');
    expect(moderate).toContain('Læs Faxes egne debatregler højt.');
    expect(moderate).not.toContain('Vær opmærksom');
    expect(guidanceText(deck.guidance.title)).toContain('Byd velkommen på vegne af borgmesteren i Faxe Kommune.');
  });
});

describe('README.md', () => {
  it('the card example parses clean, and its notes name its question and quote', () => {
    const example = [...readFileSync(join(repo, 'README.md'), 'utf8').matchAll(/```markdown\n([\s\S]*?)```/g)].map((m) => m[1]!).find((b) => b.includes('id: solby-vores-kodeks'))!;
    const root = copyOfProject();
    writeFileSync(join(root, 'content', 'solby', 'solby-vores-kodeks.md'), example);
    writeFileSync(join(root, 'slides', 'kodeks.yaml'), 'extends: solby\ncards:\n  - solby-vores-kodeks\n');
    expect(checkDecks({ root, decks: ['kodeks'] }).diagnostics).toEqual([]);
    const deck = loadDecks({ root, decks: ['kodeks'] }).decks[0]!;
    expect(guidanceText(deck.cards[0]!.guidance.card)).toContain('1. (5 min) Læs citatet højt, og tag spørgsmål 1 to og to.');
  });
});

describe('docs/cards.md', () => {
  it('the complete example card is the Solby card, and it parses clean', () => {
    const example = blocks('cards.md', 'markdown').find((b) => b.includes('id: solby-om-vores-eget-kodeks'))!;
    expect(`${example}`).toBe(readFileSync(join(repo, 'content', 'solby', 'solby-om-vores-eget-kodeks.md'), 'utf8'));
    expect(checkDecks({ root: repo, decks: ['solby'] }).diagnostics).toEqual([]);
  });
});
