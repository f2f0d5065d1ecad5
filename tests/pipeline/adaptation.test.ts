// Adaptations: a manifest that extends another, its changes to shared cards, stale changes and branding.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDecks } from '../../src/api.js';
import { themeColours } from '../../src/assets/runtime-assets.js';
import { contrastRatio, parseHex } from '../../src/config/colour.js';
import { brandingCss } from '../../src/pipeline/branding.js';

/** A small project on disk: two shared cards, a base deck and whatever the test adds. */
function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'samtale-adapt-'));
  const all: Record<string, string> = {
    'content/kl/alfa.md': '---\ntitle: Om alfa\nminutes: 20\n---\n\n? Første spørgsmål om *alfa*?\n\n? Andet spørgsmål om alfa?\n\n?! Hvad kan I gøre ved alfa?\n\n> Et citat om alfa.\n>\n> -- Kilde A, 2021\n\n> Endnu et citat.\n>\n> -- Kilde B\n\n::: notes\nN.\n:::\n',
    'content/kl/beta.md': '---\ntitle: Om beta\nminutes: 15\n---\n\n? Et spørgsmål om beta?\n\n?! Hvad kan I gøre ved beta?\n\n::: notes\nN.\n:::\n',
    'slides/base.yaml': 'title: Basisdæk\nsubtitle: Samtalekort\nstart: "09:00"\ncards:\n  - alfa\n  - beta\n',
    ...files,
  };
  for (const [path, text] of Object.entries(all)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.org', '-c', 'commit.gpgsign=false', ...args], { cwd, stdio: 'pipe' });

/** The project's files committed to a repository in the folder (created the first time). */
function commitAll(root: string, message: string): void {
  if (!existsSync(join(root, '.git'))) git(root, 'init', '-q');
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', message);
}

const load = (root: string, deck: string) => {
  const { decks, diagnostics } = loadDecks({ root, decks: [deck] });
  return { deck: decks[0], diagnostics: diagnostics.sorted() };
};

describe('extends', () => {
  it('takes everything from the base deck and overrides key by key', () => {
    const root = project({ 'slides/solby.yaml': 'extends: base\nmunicipality: Solby Kommune\ndate: "2027-03-02"\nstart: "17:00"\nfacilitator: Mette\n' });
    const { deck, diagnostics } = load(root, 'solby');
    expect(diagnostics).toEqual([]);
    expect(deck).toMatchObject({ id: 'solby', title: 'Basisdæk', subtitle: 'Samtalekort', municipality: 'Solby Kommune', date: '2027-03-02', start: '17:00', facilitator: 'Mette', extends: ['base'] });
    expect(deck!.cards.map((c) => c.card.id)).toEqual(['alfa', 'beta']);
  });

  it('chooses and orders its own cards, with its own minutes and a local card', () => {
    const root = project({
      'content/solby/kodeks.md': '---\nid: solby-kodeks\ntitle: Om vores kodeks\nminutes: 10\n---\n\n? Hvad står der?\n\n?! Hvad gør vi?\n\n::: notes\nN.\n:::\n',
      'slides/solby.yaml': 'extends: base\ncards:\n  - card: beta\n    minutes: 25\n  - solby-kodeks\n',
    });
    const { deck } = load(root, 'solby');
    expect(deck!.cards.map((c) => [c.card.id, c.minutes, c.offsetMinutes])).toEqual([['beta', 25, 0], ['solby-kodeks', 10, 25]]);
  });

  it('reports a base deck that does not exist, with a did-you-mean, and a cycle', () => {
    expect(load(project({ 'slides/solby.yaml': 'extends: bsae\n' }), 'solby').diagnostics)
      .toEqual([expect.objectContaining({ code: 'E_UNKNOWN_DECK', line: 1, column: 10, hint: 'did you mean "base"?' })]);
    expect(load(project({ 'slides/a.yaml': 'extends: b\n', 'slides/b.yaml': 'extends: a\n' }), 'a').diagnostics)
      .toEqual([expect.objectContaining({ code: 'E_EXTENDS_CYCLE', message: expect.stringContaining('a → b → a') })]);
  });

  it('reports an unknown card of the base deck at the base manifest', () => {
    const root = project({ 'slides/base.yaml': 'title: T\ncards:\n  - alfa\n  - gama\n', 'slides/solby.yaml': 'extends: base\n' });
    expect(load(root, 'solby').diagnostics).toEqual([expect.objectContaining({ code: 'E_UNKNOWN_CARD', file: join(root, 'slides/base.yaml'), line: 4 })]);
  });
});

describe('changes to a shared card', () => {
  const changes = `extends: base
cards:
  - card: alfa
    questions:
      replace:
        - match: Andet spørgsmål
          with: Hvordan gør *vi* det i Solby?
      add:
        - Et nyt spørgsmål?
      drop:
        - første spørgsmål om alfa
    quotes:
      drop:
        - Endnu et citat
      add:
        - text: Det man ikke vil sige, skal man heller ikke skrive.
          source: Solby Kommunes kodeks (2023)
  - beta
`;

  it('replaces, adds and drops questions and quotes, keeping the action question last', () => {
    const { deck, diagnostics } = load(project({ 'slides/solby.yaml': changes }), 'solby');
    expect(diagnostics).toEqual([]);
    const alfa = deck!.cards[0]!.card;
    expect(alfa.questions.map((q) => [q.text, q.action])).toEqual([
      ['Hvordan gør vi det i Solby?', false], ['Et nyt spørgsmål?', false], ['Hvad kan I gøre ved alfa?', true],
    ]);
    expect(alfa.questions[0]!.html).toBe('Hvordan gør <em>vi</em> det i Solby?');
    expect(alfa.quotes.map((q) => [q.text, q.sourceText])).toEqual([
      ['Et citat om alfa.', 'Kilde A, 2021'], ['Det man ikke vil sige, skal man heller ikke skrive.', 'Solby Kommunes kodeks (2023)'],
    ]);
  });

  it('never changes the shared card: the base deck is as before', () => {
    const root = project({ 'slides/solby.yaml': changes });
    const { decks } = loadDecks({ root, decks: ['solby', 'base'] });
    expect(decks[1]!.cards[0]!.card.questions).toHaveLength(3);
    expect(decks[1]!.cards[0]!.card.quotes).toHaveLength(2);
  });

  it('takes updates of the base card except where the adaptation changed that very item', () => {
    const root = project({
      'slides/solby.yaml': changes,
      'content/kl/alfa.md': '---\ntitle: Om alfa\nminutes: 20\n---\n\n? Første spørgsmål om *alfa*?\n\n? Andet spørgsmål om alfa?\n\n? Et nyt spørgsmål fra KL?\n\n?! Hvad kan I gøre ved alfa?\n\n> Et citat om alfa, opdateret.\n>\n> -- Kilde A, 2021\n\n> Endnu et citat.\n>\n> -- Kilde B\n\n::: notes\nN.\n:::\n',
    });
    const alfa = load(root, 'solby').deck!.cards[0]!.card;
    expect(alfa.questions.map((q) => q.text)).toContain('Et nyt spørgsmål fra KL?');
    expect(alfa.quotes[0]!.text).toBe('Et citat om alfa, opdateret.');
  });

  it('fails when a change finds no question, with a did-you-mean for a slip and the list of questions, "see" at the question', () => {
    const root = project({
      'slides/solby.yaml': 'extends: base\ncards:\n  - card: alfa\n    questions:\n      replace:\n        - match: Andet spørgsmål om alfa og beta\n          with: X?\n      drop:\n        - Et spørgsmål der aldrig fandtes\n',
    });
    const { diagnostics } = load(root, 'solby');
    // Without a history of the card, a near miss is a slip in the manifest, not a change in the card.
    expect(diagnostics.map((d) => [d.code, d.severity, d.line, d.related?.line])).toEqual([['E_NO_MATCH', 'error', 6, 8], ['E_NO_MATCH', 'error', 9, 6]]);
    expect(diagnostics[0]!.hint).toBe('did you mean "Andet spørgsmål om alfa?"? the card\'s questions: "Første spørgsmål om alfa?"; "Andet spørgsmål om alfa?"; "Hvad kan I gøre ved alfa?"');
    expect(diagnostics[1]!.message).toBe('no question of card "alfa" matches "Et spørgsmål der aldrig fandtes"; the change is not applied');
    expect(diagnostics[1]!.hint).toBe('the card\'s questions: "Første spørgsmål om alfa?"; "Andet spørgsmål om alfa?"; "Hvad kan I gøre ved alfa?"');
  });

  it('calls a change stale only when the card\'s history had the item it points at, and says what it said and says now', () => {
    const alfa = (second: string, quote = 'Et citat om alfa.') => `---\ntitle: Om alfa\nminutes: 20\n---\n\n? Første spørgsmål om *alfa*?\n\n? ${second}\n\n?! Hvad kan I gøre ved alfa?\n\n> ${quote}\n>\n> -- Kilde A, 2021\n\n::: notes\n**Forløb**\n\n1. (5 min) Fælles opsamling på tavlen.\n2. (15 min) Handlingsspørgsmålet.\n:::\n`;
    const root = project({
      'content/kl/alfa.md': alfa('Andet spørgsmål om alfa?'),
      'slides/solby.yaml': 'extends: base\ncards:\n  - card: alfa\n    questions:\n      replace:\n        - match: Andet spørgsmål om alfa\n          with: X?\n      drop:\n        - Andet sporgsmal om alf\n    quotes:\n      drop:\n        - Et citat om alfa\n    notes:\n      drop:\n        - Fælles opsamling på tavlen\n',
    });
    commitAll(root, 'KL\'s cards');
    writeFileSync(join(root, 'content/kl/alfa.md'), alfa('Et helt nyt andet spørgsmål om alfa og beta?', 'Et citat om alpha.').replace('Fælles opsamling på tavlen', 'Fælles opsamling i plenum'));
    commitAll(root, 'KL rewords the card');
    const { diagnostics } = load(root, 'solby');
    expect(diagnostics.map((d) => [d.code, d.line, d.related?.line])).toEqual([
      ['E_STALE_CHANGE', 6, 8], ['E_NO_MATCH', 9, 6], ['E_STALE_CHANGE', 12, 12], ['E_STALE_CHANGE', 15, 19],
    ]);
    expect(diagnostics[0]!.message).toBe('the question this change points at has changed in card "alfa" since the change was written; the change is not applied');
    expect(diagnostics[0]!.hint).toBe('it said "Andet spørgsmål om alfa?"; the card now says "Et helt nyt andet spørgsmål om alfa og beta?" — update "match" if the change still applies');
    expect(diagnostics[1]!.hint).toBe('the card\'s questions: "Første spørgsmål om alfa?"; "Et helt nyt andet spørgsmål om alfa og beta?"; "Hvad kan I gøre ved alfa?"');
    expect(diagnostics[2]!.message).toBe('the quote this change points at has changed in card "alfa" since the change was written; the change is not applied');
    expect(diagnostics[2]!.hint).toBe('it said "Et citat om alfa." (Kilde A, 2021); the card now says "Et citat om alpha." (Kilde A, 2021) — update "match" if the change still applies');
    expect(diagnostics[3]!.hint).toBe('it said "Fælles opsamling på tavlen." (Forløb); the card now says "Fælles opsamling i plenum." (Forløb) — update "match" if the change still applies');
  });

  it('reads no history from a repository around the project, only from the project\'s own', () => {
    const outer = mkdtempSync(join(tmpdir(), 'samtale-outer-'));
    git(outer, 'init', '-q');
    const root = join(outer, 'projekt');
    mkdirSync(root);
    for (const [path, text] of Object.entries({ 'content/kl/alfa.md': '---\ntitle: Om alfa\nminutes: 20\n---\n\n? Gammelt spørgsmål?\n\n?! Hvad gør I?\n\n::: notes\nN.\n:::\n', 'slides/base.yaml': 'title: T\ncards:\n  - card: alfa\n    questions:\n      drop:\n        - Gammelt spørgsmål\n' })) {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    commitAll(outer, 'outside');
    writeFileSync(join(root, 'content/kl/alfa.md'), '---\ntitle: Om alfa\nminutes: 20\n---\n\n? Nyt spørgsmål?\n\n?! Hvad gør I?\n\n::: notes\nN.\n:::\n');
    expect(load(root, 'base').diagnostics.map((d) => d.code)).toEqual(['E_NO_MATCH']);
  });

  it('finds a quote by its source as well as by its text, and says did-you-mean for words from its middle', () => {
    const root = project({ 'slides/solby.yaml': 'extends: base\ncards:\n  - card: alfa\n    quotes:\n      drop:\n        - Kilde B\n  - card: beta\n    questions:\n      drop:\n        - spørgsmål om beta\n' });
    const { deck, diagnostics } = load(root, 'solby');
    expect(deck!.cards[0]!.card.quotes.map((q) => q.sourceText)).toEqual(['Kilde A, 2021']);
    expect(diagnostics.map((d) => [d.code, d.hint])).toEqual([['E_NO_MATCH', 'did you mean "Et spørgsmål om beta?"? "match" is the start of the question']]);
  });
});

describe('branding', () => {
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="#0b5563"/></svg>';

  it('reads the logo and checks nothing else when the colours are fine', () => {
    const root = project({ 'content/solby/logo.svg': svg, 'slides/solby.yaml': 'extends: base\nbranding:\n  logo: ../content/solby/logo.svg\n  primary: "#0b5563"\n  accent: "#a63d11"\n' });
    const { deck, diagnostics } = load(root, 'solby');
    expect(diagnostics).toEqual([]);
    expect(deck!.branding!.logo!.dataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
  });

  it('reports a colour without AA contrast, with the measured ratio, at the colour', () => {
    const root = project({ 'slides/solby.yaml': 'extends: base\nbranding:\n  primary: "#7fb3d5"\n' });
    const ratio = contrastRatio(parseHex('#7fb3d5'), parseHex('#ffffff')).toFixed(2);
    expect(load(root, 'solby').diagnostics).toEqual([expect.objectContaining({
      code: 'E_CONTRAST', line: 3, column: 12, message: expect.stringContaining(`contrast ${ratio}:1`),
    })]);
  });

  it('names the exact nearest shade that passes, and takes a light brand colour as the highlight', () => {
    const yellow = project({ 'slides/solby.yaml': 'extends: base\nbranding:\n  accent: "#f2a900"\n' });
    const [error] = load(yellow, 'solby').diagnostics;
    expect(error).toMatchObject({ code: 'E_CONTRAST', message: 'branding: accent #f2a900 has contrast 2.01:1 as text on the background #ffffff; WCAG AA needs 4.5:1' });
    const shade = /is (#[0-9a-f]{6}) /.exec(error!.hint!)![1]!;
    expect(error!.hint).toBe(`the nearest shade that passes everywhere the theme uses accent is ${shade} (4.53:1): write accent: "${shade}", and keep the brand colour as highlight: "#f2a900" for bars, rules and backgrounds, where no text is set in it`);
    // The shade passes; one step lighter would not.
    expect(contrastRatio(parseHex(shade), parseHex('#ffffff'))).toBeGreaterThanOrEqual(4.5);
    expect(load(project({ 'slides/solby.yaml': `extends: base\nbranding:\n  accent: "${shade}"\n  highlight: "#f2a900"\n` }), 'solby').diagnostics).toEqual([]);

    const { deck } = load(project({ 'slides/solby.yaml': 'extends: base\nbranding:\n  highlight: "#f2a900"\n' }), 'solby');
    // Dark text on the yellow: white on it would be 2.01:1.
    expect(deck!.branding!.highlight).toEqual({ colour: '#f2a900', text: '#1c2b36' });
    expect(brandingCss(deck!.branding!, themeColours('default'))).toContain('--samtale-color-highlight:#f2a900;--samtale-color-on-highlight:#1c2b36');
  });

  it('offers one highlight when both colours fail, the lighter one, so following both hints gives one highlight line that passes', () => {
    const { diagnostics } = load(project({ 'slides/solby.yaml': 'extends: base\nbranding:\n  primary: "#9ecae1"\n  accent: "#f2a900"\n' }), 'solby');
    expect(diagnostics.map((d) => d.code)).toEqual(['E_CONTRAST', 'E_CONTRAST']);
    const [primary, accent] = diagnostics;
    // The light blue primary (1.75:1) is lighter than the yellow accent (2.01:1): it is the one offered as the highlight.
    expect(primary!.hint).toContain('keep the brand colour as highlight: "#9ecae1"');
    expect(accent!.hint).toMatch(/^the nearest shade that passes everywhere the theme uses accent is #[0-9a-f]{6} \([\d.]+:1\): write accent: "#[0-9a-f]{6}" \(the deck has one highlight colour: the hint for primary suggests it\)$/);
    expect(`${primary!.hint} ${accent!.hint}`.match(/highlight: "/g)).toHaveLength(1);
    // What the two hints say, written down, checks clean.
    const write = (hint: string) => /write ((?:primary|accent): "#[0-9a-f]{6}")/.exec(hint)![1]!;
    const followed = `extends: base\nbranding:\n  ${write(primary!.hint!)}\n  ${write(accent!.hint!)}\n  highlight: "#9ecae1"\n`;
    expect(load(project({ 'slides/solby.yaml': followed }), 'solby').diagnostics).toEqual([]);
  });

  it('reports a highlight no text of the theme can sit on', () => {
    const { diagnostics } = load(project({ 'slides/solby.yaml': 'extends: base\nbranding:\n  highlight: "#6e7f80"\n' }), 'solby');
    expect(diagnostics.map((d) => [d.code, d.line, d.hint])).toEqual([['E_CONTRAST', 3, expect.stringMatching(/^the nearest shade that does is "#[0-9a-f]{6}"$/)]]);
  });

  it('reports a missing logo, an unsupported file and a path outside the project', () => {
    const root = project({ 'content/solby/logo.gif': 'GIF', 'slides/solby.yaml': 'extends: base\nbranding:\n  logo: ../content/solby/mangler.svg\n  font: ../content/solby/logo.gif\n' });
    expect(load(root, 'solby').diagnostics.map((d) => [d.code, d.line])).toEqual([['E_MEDIA_MISSING', 3], ['E_MEDIA_FORMAT', 4]]);
    const outside = project({ 'slides/solby.yaml': 'extends: base\nbranding:\n  logo: ../../../etc/logo.svg\n' });
    expect(load(outside, 'solby').diagnostics.map((d) => d.code)).toEqual(['E_MEDIA_OUTSIDE_PROJECT']);
  });

  it('suggests the logo that is there: the same name with another extension, or a near name in the same folder', () => {
    const root = project({ 'content/solby/logo.svg': svg, 'content/solby/Solby.ttf': 'font', 'slides/solby.yaml': 'extends: base\nbranding:\n  logo: ../content/solby/logo.png\n  font: ../content/solby/solby.woff2\n' });
    expect(load(root, 'solby').diagnostics.map((d) => [d.code, d.line, d.hint])).toEqual([
      ['E_MEDIA_MISSING', 3, 'there is logo.svg beside it: write "../content/solby/logo.svg"'],
      ['E_MEDIA_MISSING', 4, 'there is Solby.ttf beside it: write "../content/solby/Solby.ttf"'],
    ]);
    const near = project({ 'content/solby/logo.svg': svg, 'slides/solby.yaml': 'extends: base\nbranding:\n  logo: ../content/solby/lgo.svg\n' });
    expect(load(near, 'solby').diagnostics.map((d) => d.hint)).toEqual(['did you mean "../content/solby/logo.svg"?']);
  });

  it('names the formats a logo and a font may have, in words', () => {
    const root = project({ 'content/solby/logo.gif': 'GIF', 'slides/solby.yaml': 'extends: base\nbranding:\n  logo: ../content/solby/logo.gif\n  font: ../content/solby/logo.gif\n' });
    expect(load(root, 'solby').diagnostics.map((d) => [d.message, d.hint])).toEqual([
      ['logo "../content/solby/logo.gif" is not a supported file: a logo is SVG or PNG', 'save it as SVG or PNG'],
      ['font "../content/solby/logo.gif" is not a supported file: a font is WOFF2, WOFF, TTF or OTF', 'save it as WOFF2, WOFF, TTF or OTF'],
    ]);
  });
});
