// Base decks shipped in the package: a project of one's own extends kl/sociale-medier by name, sees its cards and
// nothing else of the installed samtale; in the repository the name means slides/sociale-medier.yaml.
import { mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDecks, deckGenerator, loadDecks, newAdaptation } from '../../src/api.js';
import { Diagnostics } from '../../src/diagnostics/deck-error.js';
import { CardPools } from '../../src/pipeline/card-pool.js';
import { loadManifestChain } from '../../src/pipeline/manifest-chain.js';
import { locate } from '../../src/project/places.js';
import { baseDecks, findBaseDeck, samtaleVersion, versionText } from '../../src/project/samtale-package.js';
import { loadDeck, writeProject } from '../support/project.js';

const REPO = realpathSync(join(import.meta.dirname, '..', '..'));
const KL = 'kl/sociale-medier';

/** A project of one's own, outside the repository: no cards of KL in it. */
const ownProject = (files: Record<string, string> = {}) => writeProject({ 'package.json': '{ "private": true }\n', ...files });

const card = (id: string, title: string) => `---\nid: ${id}\ntitle: ${title}\nminutes: 10\n---\n\n? Hvad nu?\n\n?! Hvad kan I gøre?\n\n::: notes\nNoter.\n:::\n`;

describe('the package and its base decks', () => {
  it('ships KL\'s deck as kl/sociale-medier, with its edition, and samtale --version names both', () => {
    const kl = findBaseDeck(KL)!;
    expect(kl).toMatchObject({ name: KL, id: 'sociale-medier', manifest: join(REPO, 'slides', 'sociale-medier.yaml'), cards: join(REPO, 'content', 'kl') });
    expect(kl.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(baseDecks()).toEqual([kl]);
    expect(versionText()).toBe(`samtale ${samtaleVersion}\n${KL} ${kl.version}`);
  });
});

describe('in the repository', () => {
  it('kl/sociale-medier is slides/sociale-medier.yaml, and its cards are the project\'s own', () => {
    const byName = loadDecks({ root: REPO, decks: [KL] }).decks[0]!;
    const byId = loadDecks({ root: REPO, decks: ['sociale-medier'] }).decks[0]!;
    expect(byName.id).toBe('sociale-medier');
    expect(byName.cards.map((c) => c.card.id)).toEqual(byId.cards.map((c) => c.card.id));
    expect(byName.baseDecks).toEqual([{ name: KL, version: findBaseDeck(KL)!.version }]);
    expect(byId.baseDecks).toEqual(byName.baseDecks);
  });

  it('an adaptation extending kl/sociale-medier reads the cards once, as the project\'s', () => {
    const diagnostics = new Diagnostics();
    const manifest = { id: 'nord', file: join(REPO, 'slides', 'nord.yaml'), text: `extends: ${KL}\nmunicipality: Nord Kommune\n` };
    const chain = loadManifestChain(REPO, manifest, diagnostics)!;
    expect(chain.map((m) => m.file.name ?? m.file.id)).toEqual(['nord', KL]);
    const pool = new CardPools(REPO, diagnostics).forDeck(false, chain);
    expect(diagnostics.sorted()).toEqual([]);
    expect(pool.cards.get('kom-godt-i-gang')!.file).toBe(join(REPO, 'content', 'kl', 'kom-godt-i-gang.md'));
  });

  it('solby, which extends sociale-medier by id, is built on the base deck too', () => {
    const solby = loadDecks({ root: REPO, decks: ['solby'] }).decks[0]!;
    expect(solby.extends).toEqual(['sociale-medier']);
    expect(deckGenerator(solby)).toBe(`samtale ${samtaleVersion} (${KL} ${findBaseDeck(KL)!.version})`);
  });
});

describe('a project of one\'s own', () => {
  it('extends kl/sociale-medier and gets its cards, plan and notes, beside its own cards', () => {
    const root = ownProject({
      'slides/faxe.yaml': `extends: ${KL}\nmunicipality: Faxe Kommune\ncards:\n  - kom-godt-i-gang\n  - faxe-kodeks\n  - card: om-at-vaere-rollemodel\n    minutes: 25\n`,
      'content/faxe/faxe-kodeks.md': card('faxe-kodeks', 'Om vores kodeks'),
    });
    const { deck, diagnostics } = loadDeck(root, 'faxe');
    expect(diagnostics).toEqual([]);
    expect(deck).toMatchObject({ id: 'faxe', title: 'Sociale medier og lokaldemokrati', municipality: 'Faxe Kommune', extends: [KL] });
    expect(deck!.baseDecks).toEqual([{ name: KL, version: findBaseDeck(KL)!.version }]);
    expect(deck!.cards.map((c) => [c.card.id, c.minutes])).toEqual([['kom-godt-i-gang', 15], ['faxe-kodeks', 10], ['om-at-vaere-rollemodel', 25]]);
    // KL's cards are read where the package has them, never copied into the project.
    expect(deck!.cards[0]!.card.file).toBe(join(REPO, 'content', 'kl', 'kom-godt-i-gang.md'));
    // The guidance follows the adaptation: the run of KL's card is fitted to the project's 25 minutes.
    expect(deck!.cards[2]!.guidance.card!.sections.find((section) => section.run)!.run!.minutes).toBe(25);
  });

  it('builds the base deck as it is by its name', () => {
    const { deck, diagnostics } = loadDeck(ownProject(), KL);
    expect(diagnostics).toEqual([]);
    expect(deck!.id).toBe('sociale-medier');
    expect(deck!.cards).toHaveLength(12);
  });

  it('shows KL\'s cards only to a deck built on KL\'s deck, whatever else the run builds', () => {
    const root = ownProject({
      'slides/faxe.yaml': `extends: ${KL}\n`,
      'slides/egen.yaml': 'title: Eget dæk\ncards:\n  - kom-godt-i-gang\n',
    });
    const all = checkDecks({ root, all: true }).diagnostics;
    expect(all.map((d) => [d.code, d.file.slice(root.length + 1)])).toEqual([['E_UNKNOWN_CARD', 'slides/egen.yaml']]);
  });

  it('reports a card of its own with the id of a base deck card at the project\'s copy', () => {
    const root = ownProject({
      'slides/faxe.yaml': `extends: ${KL}\n`,
      'content/kl/kom-godt-i-gang.md': card('kom-godt-i-gang', 'Kom godt i gang (kopi)'),
    });
    const { diagnostics } = loadDeck(root, 'faxe');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      code: 'E_DUPLICATE_CARD', file: join(root, 'content', 'kl', 'kom-godt-i-gang.md'),
      message: `card "kom-godt-i-gang" is also a card of the base deck ${KL}`,
      related: { file: join(REPO, 'content', 'kl', 'kom-godt-i-gang.md') },
    });
    expect(diagnostics[0]!.hint).toContain(`the base deck's card comes with "extends: ${KL}"`);
  });

  it('names the base deck when a manifest leaves out its scope or misspells it', () => {
    const root = ownProject({ 'slides/a.yaml': 'extends: sociale-medier\n', 'slides/b.yaml': 'extends: kl/sociale-mediar\n' });
    const [a, b] = checkDecks({ root, all: true }).diagnostics;
    expect(a).toMatchObject({ code: 'E_UNKNOWN_DECK', hint: `did you mean "${KL}"? A base deck of the installed samtale is named with its scope` });
    expect(b).toMatchObject({ code: 'E_UNKNOWN_DECK', message: 'manifest: "extends" names a deck "kl/sociale-mediar" that does not exist', hint: `did you mean "${KL}"?` });
  });

  it('says how to start when it has no deck yet', () => {
    expect(() => loadDecks({ root: ownProject() })).toThrow(expect.objectContaining({
      code: 'E_NO_DECKS', hint: expect.stringContaining(`samtale new "Faxe Kommune" (an adaptation of ${KL})`),
    }));
  });

  it('samtale new adapts kl/sociale-medier and points the editor at the installed package\'s schema', () => {
    const root = ownProject();
    const created = newAdaptation({ root, name: 'Faxe Kommune' });
    expect(created.base).toBe(KL);
    const { diagnostics } = loadDeck(root, 'faxe');
    expect(diagnostics).toEqual([]);
    const text = readFileSync(created.manifestFile, 'utf8');
    expect(text).toContain(`extends: ${KL}\n`);
    expect(text).toContain('$schema=../node_modules/samtale/docs/schema/manifest.schema.json');
    expect(text).toContain('node_modules/samtale/docs/adapting.md');
  });
});

describe('what a project may read', () => {
  it('not its node_modules/: a logo there is outside the project', () => {
    const root = ownProject({
      'node_modules/pakke/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
      'slides/faxe.yaml': `extends: ${KL}\nbranding:\n  logo: ../node_modules/pakke/logo.svg\n`,
    });
    const { diagnostics } = loadDeck(root, 'faxe');
    expect(diagnostics).toMatchObject([{ code: 'E_MEDIA_OUTSIDE_PROJECT', message: 'logo "../node_modules/pakke/logo.svg" points into node_modules/, which is not part of the project' }]);
  });

  it('a base deck\'s files only from the base deck\'s own files, and the project\'s only from the project\'s', () => {
    const root = ownProject({ 'content/faxe/logo.svg': '<svg/>' });
    const kl = findBaseDeck(KL)!;
    const klCard = join(kl.cards, 'kom-godt-i-gang.md');
    const projectCard = join(root, 'content', 'faxe', 'faxe-kodeks.md');
    mkdirSync(join(root, 'content', 'faxe'), { recursive: true });
    writeFileSync(projectCard, card('faxe-kodeks', 'Om vores kodeks'));
    // From a KL card: a file beside it may be read, the project's may not.
    expect(locate(root, join(kl.cards, 'media', 'film.mp4'), klCard).kind).toBe('missing');
    expect(locate(root, join(root, 'content', 'faxe', 'logo.svg'), klCard).kind).toBe('outside');
    // From the project's card: its own files, not KL's.
    expect(locate(root, join(root, 'content', 'faxe', 'logo.svg'), projectCard).kind).toBe('inside');
    expect(locate(root, klCard, projectCard)).toMatchObject({ kind: 'outside', viaLink: false });
  });
});
