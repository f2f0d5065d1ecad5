// `samtale new`: the scaffold keeps the base deck's plan (its minutes and breaks) and checks clean as written.
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDecks, loadDecks, newAdaptation } from '../../src/api.js';
import { adaptationId } from '../../src/scaffold/new-adaptation.js';

const repo = join(import.meta.dirname, '..', '..');

function copyOfProject(): string {
  const root = mkdtempSync(join(tmpdir(), 'samtale-new-'));
  for (const entry of ['content', 'slides', 'package.json']) cpSync(join(repo, entry), join(root, entry), { recursive: true });
  return root;
}

describe('samtale new', () => {
  it('names the deck after the municipality', () => {
    expect(adaptationId('Faxe Kommune')).toBe('faxe');
    expect(adaptationId('Lyngby-Taarbæk Kommune')).toBe('lyngby-taarbaek');
  });

  it('lists the base deck\'s cards with their minutes and keeps its breaks, so the plan is the same until edited', () => {
    const root = copyOfProject();
    const created = newAdaptation({ root, name: 'Faxe Kommune' });
    const text = readFileSync(created.manifestFile, 'utf8');
    expect(text).toContain('  - card: om-at-bruge-sociale-medier\n    minutes: 20\n');
    expect(text).toContain('  - om-at-moderere-debatten\n  - break: 15\n  - om-enkeltsager-og-helhedshensyn\n');
    expect(checkDecks({ root, decks: ['faxe'] }).diagnostics).toEqual([]);
    const { decks } = loadDecks({ root, decks: ['faxe', 'sociale-medier'] });
    const plan = (i: number) => [decks[i]!.cards.map((c) => [c.card.id, c.minutes, c.offsetMinutes]), decks[i]!.breaks];
    expect(plan(0)).toEqual(plan(1));
  });

  it('adapting an adaptation keeps its changes and its own break', () => {
    const root = copyOfProject();
    const created = newAdaptation({ root, name: 'Solby Nord', from: 'solby' });
    const text = readFileSync(created.manifestFile, 'utf8');
    expect(text).toContain('  - break: 15\n    title: Kaffepause\n');
    expect(text).toContain('        - match: Har I overvejet at udarbejde et kodeks\n');
    expect(checkDecks({ root, decks: [created.id] }).diagnostics).toEqual([]);
  });
});
