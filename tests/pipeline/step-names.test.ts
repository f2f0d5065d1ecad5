// Steps of the run with a name ({#grupper}): lines that name the step go when a deck drops it, and lines that
// repeat a dropped step's words without its name are reported; messages name a dropped quote by its source.
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDecks, loadDecks } from '../../src/api.js';
import { guidanceText } from '../../src/pipeline/render/guidance.js';
import { quoteLabel, quoteName } from '../../src/pipeline/notes/stale-guidance.js';
import { repeatedWording, suggestedStepName } from '../../src/pipeline/notes/stale-steps.js';
import { loadDeck, writeProject } from '../support/project.js';

const card = `---
title: Om alfa
minutes: 15
---

? Første spørgsmål? {#første}

? Andet spørgsmål? {#andet}

?! Hvad kan I gøre?

> 1: Hold dig til emnet.
>
> -- TV2 Øst's regler for debat (2019) {#tv2}

> Et citat om alfa.
>
> -- Katrine Emme Thielke, digital ekspert {#thielke}

::: notes
**Forløb**

1. (2 min) Læs {citater} højt.
2. (3 min) Sammenlign TV2 Østs regler med jeres egne. {tv2} {#regler}
3. (5 min) {første} i grupper på tre: skriv tre gode vaner for debatten på en planche. {#grupper}
4. (5 min) Handlingsspørgsmålet.

**Hvis samtalen går i stå**

- Gå rundt til grupperne, og spørg, hvilken vane de er mest uenige om. {grupper}
- Spørg, hvilken af TV2 Østs regler der er sværest at overholde. {regler}
:::

::: notes questions
- {første}: skriv tre gode vaner for debatten på en planche. {grupper}
- {andet} i plenum.
:::
`;

const base = 'title: Basis\ncards:\n  - alfa\n';
const files = { 'content/alfa.md': card, 'slides/base.yaml': base };
const adapt = (entry: string) => `extends: base\ncards:\n  - card: alfa\n${entry.replace(/^/gm, '    ')}\n`;
const guidance = (deck: NonNullable<ReturnType<typeof loadDeck>['deck']>, target: 'card' | 'questions' = 'card') =>
  guidanceText(deck.cards[0]!.guidance[target]);
/** The 1-based line of the first line of `text` that contains `needle`. */
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1;

describe('a step\'s name', () => {
  it('is not shown, and a line that names a step the deck keeps shows nothing in its place', () => {
    const { deck, diagnostics } = loadDeck(writeProject(files), 'base');
    expect(diagnostics).toEqual([]);
    expect(guidance(deck!)).toBe(`Forløb (15 min)
1. (2 min) Læs begge citater højt.
2. (3 min) Sammenlign TV2 Østs regler med jeres egne.
3. (5 min) Spørgsmål 1 i grupper på tre: skriv tre gode vaner for debatten på en planche.
4. (5 min) Handlingsspørgsmålet.

Hvis samtalen går i stå
- Gå rundt til grupperne, og spørg, hvilken vane de er mest uenige om.
- Spørg, hvilken af TV2 Østs regler der er sværest at overholde.`);
    expect(guidance(deck!, 'questions')).toBe('- Spørgsmål 1: skriv tre gode vaner for debatten på en planche.\n- Spørgsmål 2 i plenum.');
  });

  it('takes the lines that name the step along when the deck drops it, in every notes block, and gives its minutes to the others', () => {
    const { deck, diagnostics } = loadDeck(writeProject({ ...files, 'slides/solby.yaml': adapt('notes:\n  drop:\n    - Spørgsmål 1 i grupper') }), 'solby');
    expect(diagnostics).toEqual([]);
    expect(guidance(deck!)).toBe(`Forløb (15 min)
1. (3 min) Læs begge citater højt.
2. (4 min) Sammenlign TV2 Østs regler med jeres egne.
3. (8 min) Handlingsspørgsmålet.

Hvis samtalen går i stå
- Spørg, hvilken af TV2 Østs regler der er sværest at overholde.`);
    expect(guidance(deck!, 'questions')).toBe('- Spørgsmål 2 i plenum.');
  });

  it('finds the step a change points at by its name', () => {
    const { deck, diagnostics } = loadDeck(writeProject({ ...files, 'slides/solby.yaml': adapt('notes:\n  drop:\n    - grupper') }), 'solby');
    expect(diagnostics).toEqual([]);
    expect(guidance(deck!)).not.toContain('grupper');
  });

  it('goes with the quote its step names, and takes the lines that name the step along', () => {
    const { deck, diagnostics } = loadDeck(writeProject({ ...files, 'slides/solby.yaml': adapt('quotes:\n  drop:\n    - tv2') }), 'solby');
    expect(diagnostics).toEqual([]);
    expect(guidance(deck!)).not.toContain('TV2');
    expect(guidance(deck!)).toContain('1. (3 min) Læs citatet højt.');
  });

  it('goes, in a chain, with a step it names', () => {
    const chained = card.replace('4. (5 min) Handlingsspørgsmålet.', '4. (5 min) Saml vanerne fra {grupper} på tavlen. {#tavlen}\n5. (5 min) Handlingsspørgsmålet.')
      .replace('minutes: 15', 'minutes: 20')
      .replace('- {andet} i plenum.', '- {andet} i plenum.\n- Tavlen bliver stående til handlingsspørgsmålet. {tavlen}');
    const root = writeProject({ ...files, 'content/alfa.md': chained, 'slides/solby.yaml': adapt('questions:\n  drop:\n    - Første') });
    const { deck, diagnostics } = loadDeck(root, 'solby');
    expect(diagnostics).toEqual([]);
    expect(guidance(deck!)).not.toMatch(/grupper|vaner|tavlen/i);
    expect(guidance(deck!, 'questions')).toBe('- Spørgsmål 1 i plenum.');
  });

  it('stays with a step an adaptation rewords, so the lines about it stay too', () => {
    const root = writeProject({ ...files, 'slides/solby.yaml': adapt('notes:\n  replace:\n    - match: grupper\n      with: "{første} to og to: én god vane hver."') });
    const { deck, diagnostics } = loadDeck(root, 'solby');
    expect(diagnostics).toEqual([]);
    expect(guidance(deck!)).toContain('3. (5 min) Spørgsmål 1 to og to: én god vane hver.');
    expect(guidance(deck!)).toContain('- Gå rundt til grupperne');
    expect(guidance(deck!, 'questions')).toContain('- Spørgsmål 1: skriv tre gode vaner');
  });

  it('is checked like a question\'s: unknown, used twice, a placeholder\'s, or not on a step', () => {
    const bad = card.replace('{grupper}\n- Spørg', '{gruper}\n- Spørg')
      .replace('{#regler}', '{#første}').replace('overholde. {regler}', 'overholde. {tv2}')
      .replace('4. (5 min) Handlingsspørgsmålet.', '4. (5 min) Handlingsspørgsmålet. {#start}')
      .replace('- {andet} i plenum.', '- {andet} i plenum. {#plenum}');
    const { diagnostics } = loadDeck(writeProject({ ...files, 'content/alfa.md': bad }), 'base');
    expect(diagnostics.map((d) => [d.code, d.line, d.message, d.hint])).toEqual([
      ['E_BAD_REFERENCE', lineOf(bad, 'Sammenlign'), 'two items of card "alfa" are called "{#første}"', 'give each question, quote and step its own name'],
      ['E_BAD_REFERENCE', lineOf(bad, '{#start}'), '"{#start}" is the name of a placeholder', 'choose another name, e.g. "{#start-1}"'],
      ['E_UNKNOWN_REFERENCE', lineOf(bad, '{gruper}'), 'the notes name "{gruper}", which is no question, quote or step of card "alfa" and no placeholder', 'did you mean "{grupper}"?'],
      ['E_BAD_REFERENCE', lineOf(bad, '{#plenum}'), '"{#plenum}" names a line of the notes that is not a step of the run; only questions, quotes and steps can have a name',
        'put it at the very end of a step of the run ("{#plenum}" after the step\'s text), or write "{plenum}" to refer to what it names'],
    ].sort((a, b) => (a[1] as number) - (b[1] as number)));
  });
});

describe('text an adaptation adds that names what the deck drops', () => {
  it('is left out, and the warning names a quote by its source and a step by its words', () => {
    const root = writeProject({ ...files, 'slides/solby.yaml': adapt(`quotes:
  drop:
    - tv2
notes:
  drop:
    - grupper
  add:
    - text: Læs TV2 Østs regler i deres helhed. {tv2}
    - text: Hæng planchen op. {grupper}`) });
    const { deck, diagnostics } = loadDeck(root, 'solby');
    expect(diagnostics.map((d) => [d.code, d.line, d.message])).toEqual([
      ['W_STALE_GUIDANCE', 11, 'this line names "{tv2}", the quote from TV2 Øst, which this deck drops from card "alfa"; the line is left out'],
      ['W_STALE_GUIDANCE', 12, 'this line names "{grupper}", the step "Spørgsmål 1 i grupper på tre: skriv tre gode vaner…", which this deck drops from card "alfa"; the line is left out'],
    ]);
    expect(guidance(deck!)).not.toMatch(/TV2|planchen/);
  });

  it('may name a step the adaptation adds', () => {
    const root = writeProject({ ...files, 'slides/solby.yaml': adapt(`notes:
  add:
    - section: Forløb
      text: (3 min) Læs Solbys egne regler højt. {#solby}
    - for: questions
      text: Hav Solbys regler ved hånden. {solby}`) });
    const { deck, diagnostics } = loadDeck(root, 'solby');
    expect(diagnostics).toEqual([]);
    expect(guidance(deck!)).toContain('5. (2 min) Læs Solbys egne regler højt.');
    expect(guidance(deck!, 'questions')).toContain('- Hav Solbys regler ved hånden.');
  });
});

describe('a line that repeats the words of a step the deck drops', () => {
  const unnamed = card.replace(' {#grupper}', '').replaceAll(' {grupper}', '');

  it('is reported at the card\'s entry, with the line in the card and a name to give the step', () => {
    const root = writeProject({ ...files, 'content/alfa.md': unnamed, 'slides/solby.yaml': adapt('notes:\n  drop:\n    - Spørgsmål 1 i grupper') });
    const { diagnostics } = loadDeck(root, 'solby');
    expect(diagnostics.map((d) => [d.code, d.line, d.related?.line, d.message, d.hint])).toEqual([
      ['W_STALE_GUIDANCE', 3, lineOf(unnamed, '- {første}: skriv tre'),
        'the notes of card "alfa" repeat "skriv tre gode vaner for debatten på en planche" from the step "Spørgsmål 1 i grupper på tre: skriv tre gode vaner…" of the run, which this deck no longer has',
        'give the step a name at the end of its line in the card ("{#grupper}") and end this line with "{grupper}", so that it goes with the step; or change the line with "notes:" in the card\'s entry'],
    ]);
  });

  it('is reported when the deck rewords the step', () => {
    const root = writeProject({ ...files, 'content/alfa.md': unnamed,
      'slides/solby.yaml': adapt('notes:\n  replace:\n    - match: Spørgsmål 1 i grupper\n      with: "{første} to og to."') });
    const { diagnostics } = loadDeck(root, 'solby');
    expect(diagnostics.map((d) => [d.code, d.related?.line])).toEqual([['W_STALE_GUIDANCE', lineOf(unnamed, '- {første}: skriv tre')]]);
  });

  it('is reported when the step goes with its quote, and names the step\'s own name in the hint', () => {
    const repeated = card.replace('- Spørg, hvilken af TV2 Østs regler der er sværest at overholde. {regler}', '- Sammenlign reglerne med jeres egne, hvis der er tid.');
    const root = writeProject({ ...files, 'content/alfa.md': repeated, 'slides/solby.yaml': adapt('quotes:\n  drop:\n    - tv2') });
    const { diagnostics } = loadDeck(root, 'solby');
    // "Sammenlign … med jeres egne" is only four words of the step: not a repeat.
    expect(diagnostics).toEqual([]);
    const longer = card.replace('- Spørg, hvilken af TV2 Østs regler der er sværest at overholde. {regler}', '- Sammenlign TV2 Østs regler med jeres egne, hvis der er tid.');
    const { diagnostics: found } = loadDeck(writeProject({ ...files, 'content/alfa.md': longer, 'slides/solby.yaml': adapt('quotes:\n  drop:\n    - tv2') }), 'solby');
    expect(found.map((d) => [d.code, d.related?.line, d.message, d.hint])).toEqual([
      ['W_STALE_GUIDANCE', lineOf(longer, '- Sammenlign TV2'), 'the notes of card "alfa" mention the quote from TV2 Øst, which this deck drops',
        'end the line with the quote\'s {name} (as in "{tv2}") so the line drops with the quote, or change the line with "notes:" in the card\'s entry'],
      ['W_STALE_GUIDANCE', lineOf(longer, '- Sammenlign TV2'), 'the notes of card "alfa" repeat "Sammenlign TV2 Østs regler med jeres egne" from the step "Sammenlign TV2 Østs regler med jeres egne." of the run, which this deck no longer has',
        'end this line with "{regler}", so that it goes with the step; or change the line with "notes:" in the card\'s entry'],
    ]);
  });

  it('is not reported when a step the deck keeps still has the words, or in the deck the card was written for', () => {
    const twice = unnamed.replace('4. (5 min) Handlingsspørgsmålet.', '4. (5 min) Hæng planchen op: skriv tre gode vaner for debatten på en planche.\n5. (5 min) Handlingsspørgsmålet.').replace('minutes: 15', 'minutes: 20');
    const root = writeProject({ ...files, 'content/alfa.md': twice, 'slides/solby.yaml': adapt('notes:\n  drop:\n    - Spørgsmål 1 i grupper') });
    expect(loadDeck(root, 'solby').diagnostics).toEqual([]);
    expect(loadDeck(root, 'base').diagnostics).toEqual([]);
  });
});

describe('the KL cards', () => {
  it('name the steps that the questions slide\'s notes describe, so a deck that drops a step loses those lines too', () => {
    const repo = join(import.meta.dirname, '..', '..');
    const root = mkdtempSync(join(tmpdir(), 'samtale-steps-'));
    for (const entry of ['content', 'slides', 'package.json']) cpSync(join(repo, entry), join(root, entry), { recursive: true });
    writeFileSync(join(root, 'slides', 'kort.yaml'), `extends: sociale-medier
cards:
  - card: om-at-moderere-debatten
    minutes: 10
    notes:
      drop:
        - opsamling
        - regler
`);
    expect(checkDecks({ root, decks: ['kort'] }).diagnostics).toEqual([]);
    const placed = loadDecks({ root, decks: ['kort'] }).decks[0]!.cards[0]!;
    const notes = `${guidanceText(placed.guidance.card)}\n${guidanceText(placed.guidance.questions)}`;
    expect(notes).toContain('Forløb (10 min)');
    expect(notes).toContain('- Spørgsmål 1: håndsoprækning om debatregler og slettede kommentarer.');
    expect(notes).not.toMatch(/tre regler|én regel|To og to først/);
  });
});

describe('repeatedWording', () => {
  it('finds the longest run of five or more words, as the line writes it', () => {
    expect(repeatedWording('{x}: to og to – formulér tre regler. Saml op.', 'to og to: Formulér tre regler for den tone, I ønsker.', [])).toBe('to og to – formulér tre regler');
  });

  it('ignores short runs and the theme\'s vocabulary', () => {
    expect(repeatedWording('Brug gerne eksempler fra jeres sociale medier.', 'Find eksempler via sociale medier og i pressen.', [])).toBeUndefined();
    expect(repeatedWording('Spørg: i den lokale samtale, hvem taler?', 'Hvem fører ordet i den lokale samtale?', [])).toBeUndefined();
  });

  it('ignores words that a kept step still has', () => {
    expect(repeatedWording('Skriv tre gode vaner på en planche.', 'Skriv tre gode vaner på en planche i grupper.', ['Hæng op: skriv tre gode vaner på en planche.'])).toBeUndefined();
  });

  it('suggests the longest of a step\'s first words as its name', () => {
    expect(suggestedStepName('Fælles opsamling: Hvert par siger én regel.')).toBe('opsamling');
    expect(suggestedStepName('i grupper på tre')).toBe('grupper');
    expect(suggestedStepName('1 2 3')).toBe('trin');
  });
});

describe('a quote in a message', () => {
  it('is named by its source', () => {
    expect(quoteName('TV2 Øst\'s regler for debat på deres sociale medier (2019)')).toBe('TV2 Øst');
    expect(quoteLabel('TV2 Øst\'s regler for debat på deres sociale medier (2019)')).toBe('the quote from TV2 Øst');
    expect(quoteLabel('Katrine Emme Thielke, digital ekspert')).toBe('the quote from Katrine Emme Thielke');
    expect(quoteLabel('*"Chikane, trusler, hærværk og vold mod lokalpolitikere", Indenrigs- og Økonomiministeriet*')).toBe('the quote from "Chikane, trusler, hærværk og vold mod…"');
  });
});
