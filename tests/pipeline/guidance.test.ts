// Guidance that follows the deck: lines about dropped items leave, {names} show the deck's own numbers and
// facts, the run is fitted to the deck's minutes, adaptations change notes, and words that contradict the deck are found.
import { describe, expect, it } from 'vitest';
import { guidanceText } from '../../src/pipeline/render/guidance.js';
import { renderDeckSlides } from '../../src/pipeline/render/deck-slides.js';
import { loadDeck, writeProject } from '../support/project.js';

const card = `---
title: Om alfa
minutes: 15
---

? Første spørgsmål? {#første}

? Andet spørgsmål? {#andet}

?! Hvad kan I gøre? {#handling}

> Et citat om alfa.
>
> -- Katrine Emme Thielke, digital ekspert {#thielke}

> 1: Hold dig til emnet.
>
> -- TV2 Øst's regler for debat (2019) {#tv2}

::: notes
**Formål**

Temaet handler om alfa.

TV2 Østs regler viser, hvor enkle regler kan være. {tv2}

**Forløb**

1. (2 min) Læs {citater} højt.
   - TV2 Østs regler i deres helhed. {tv2}
2. (5 min) {første} to og to.
3. (2 min, fast) {andet} i plenum.
4. (6 min) {Handling}: saml aftaler.

**Hvis én stemme dominerer**

- To og to først.
:::

::: notes quotes
- Læs {citater} højt.
- Spørg: »Kunne de regler stå på jeres side?« {tv2}
:::
`;

const base = `title: Basis
start: "09:00"
cards:
  - alfa
  - beta
  - break: 15
  - gamma
agenda:
  notes: |
    - Programmet: {temaer} fra kl. {start} til kl. {slut}.
    - {Pauser}.
    - Vi ses i {kommune}.
`;
const other = (title: string) => `---\ntitle: ${title}\nminutes: 20\n---\n\n? Et?\n\n?! To?\n\n::: notes\nN.\n:::\n`;
/** The 1-based line of the first line of `text` that contains `needle`. */
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1;
const files = { 'content/alfa.md': card, 'content/beta.md': other('Om beta'), 'content/gamma.md': other('Om gamma'), 'slides/base.yaml': base };
const guidance = (deck: NonNullable<ReturnType<typeof loadDeck>['deck']>, id = 'alfa', target: 'card' | 'quotes' = 'card') =>
  guidanceText(deck.cards.find((c) => c.card.id === id)!.guidance[target]);

describe('guidance in the deck the card was written for', () => {
  it('shows questions by number, the run with its minutes, and every line', () => {
    const { deck, diagnostics } = loadDeck(writeProject(files), 'base');
    expect(diagnostics).toEqual([]);
    expect(guidance(deck!)).toBe(`Formål
Temaet handler om alfa.
TV2 Østs regler viser, hvor enkle regler kan være.

Forløb (15 min)
1. (2 min) Læs begge citater højt.
   - TV2 Østs regler i deres helhed.
2. (5 min) Spørgsmål 1 to og to.
3. (2 min) Spørgsmål 2 i plenum.
4. (6 min) Handlingsspørgsmålet: saml aftaler.

Hvis én stemme dominerer
- To og to først.`);
  });

  it('fills the deck notes with the deck\'s facts and leaves out a line whose fact the deck lacks', () => {
    const { deck } = loadDeck(writeProject(files), 'base');
    expect(guidanceText(deck!.guidance.agenda)).toBe('- Programmet: de tre temaer fra kl. 09:00 til kl. 10:10.\n- Pausen på 15 minutter ligger kl. 09:35, efter »Om beta«.');
  });
});

describe('guidance in an English deck', () => {
  it('says its placeholders and question numbers in the deck\'s language', () => {
    const { deck } = loadDeck(writeProject({ ...files, 'slides/en.yaml': 'extends: base\nlanguage: en\n' }), 'en');
    expect(guidance(deck!)).toContain('Forløb (15 min)\n1. (2 min) Læs both quotes højt.');
    expect(guidance(deck!)).toContain('2. (5 min) Question 1 to og to.');
    expect(guidanceText(deck!.guidance.agenda)).toBe('- Programmet: the three themes fra kl. 09:00 til kl. 10:10.\n- The break of 15 minutes is at 09:35, after “Om beta”.');
  });
});

describe('guidance in an adaptation', () => {
  const adaptation = `extends: base
municipality: Solby Kommune
start: "17:00"
cards:
  - card: alfa
    minutes: 25
    questions:
      drop:
        - Første spørgsmål
    quotes:
      drop:
        - TV2 Øst's regler
  - gamma
`;

  it('drops the lines about a dropped quote or question, renumbers, and fits the run to the deck\'s minutes', () => {
    const { deck, diagnostics } = loadDeck(writeProject({ ...files, 'slides/solby.yaml': adaptation }), 'solby');
    expect(diagnostics).toEqual([]);
    expect(guidance(deck!)).toBe(`Formål
Temaet handler om alfa.

Forløb (25 min)
1. (6 min) Læs citatet højt.
2. (2 min) Spørgsmål 1 i plenum.
3. (17 min) Handlingsspørgsmålet: saml aftaler.

Hvis én stemme dominerer
- To og to først.`);
    expect(guidance(deck!, 'alfa', 'quotes')).toBe('- Læs citatet højt.');
    const run = deck!.cards[0]!.guidance.card!.sections[1]!;
    expect(run.run).toEqual({ minutes: 25, scaled: true, writtenMinutes: 15 });
    expect(run.blocks[0]).toMatchObject({ type: 'steps', steps: [{ minutes: 6, writtenMinutes: 2, fixed: false }, { minutes: 2, fixed: true }, { minutes: 17 }] });
  });

  it('says the adaptation\'s own number of themes, its end, its municipality, and no break it does not have', () => {
    const { deck } = loadDeck(writeProject({ ...files, 'slides/solby.yaml': adaptation }), 'solby');
    expect(guidanceText(deck!.guidance.agenda)).toBe('- Programmet: begge temaer fra kl. 17:00 til kl. 17:45.\n- Vi ses i Solby Kommune.');
  });

  it('shows the same run in the speaker notes of every slide of the card', () => {
    const { deck } = loadDeck(writeProject({ ...files, 'slides/solby.yaml': adaptation }), 'solby');
    const slides = renderDeckSlides(deck!).filter((s) => s.cardId === 'alfa');
    for (const slide of slides) {
      expect(slide.notesHtml).toContain('<p><strong>Forløb (25 min)</strong></p>');
      expect(slide.notesHtml).toContain('<li><span class="step-minutes">(17 min)</span> Handlingsspørgsmålet: saml aftaler.</li>');
      expect(slide.notesHtml).not.toContain('TV2');
    }
    expect(slides[0]!.notes.header).toBe('Tema 1 af 2 · 25 min. · 17:00–17:25 · Slide 1 af 4');
  });
});

describe('changes to a card\'s notes', () => {
  const withNotes = (notes: string) => `extends: base\ncards:\n  - card: alfa\n    notes:\n${notes.replace(/^/gm, '      ')}\n  - beta\n`;

  it('replaces a line or a step (keeping its minutes), drops a section, and adds steps, lines and sections', () => {
    const root = writeProject({ ...files, 'slides/solby.yaml': withNotes(`replace:
  - match: Spørgsmål 1 to og to
    with: "{første} i grupper på tre."
  - match: Temaet handler
    with: Temaet handler om alfa i Solby.
drop:
  - section: Hvis én stemme dominerer
add:
  - section: Forløb
    after: Læs begge citater
    text: (4 min) Læs Solbys regler højt.
  - for: quotes
    text: Del reglerne ud.
  - title: Lokalt
    text: Hav kodekset med.`) });
    const { deck, diagnostics } = loadDeck(root, 'solby');
    expect(diagnostics).toEqual([]);
    expect(guidance(deck!)).toBe(`Formål
Temaet handler om alfa i Solby.
TV2 Østs regler viser, hvor enkle regler kan være.

Forløb (15 min)
1. (1 min) Læs begge citater højt.
   - TV2 Østs regler i deres helhed.
2. (3 min) Læs Solbys regler højt.
3. (4 min) Spørgsmål 1 i grupper på tre.
4. (2 min) Spørgsmål 2 i plenum.
5. (5 min) Handlingsspørgsmålet: saml aftaler.

Lokalt
Hav kodekset med.`);
    expect(guidance(deck!, 'alfa', 'quotes')).toBe('- Læs begge citater højt.\n- Spørg: »Kunne de regler stå på jeres side?«\n- Del reglerne ud.');
  });

  it('fails a change that finds no line or section, naming what the notes have', () => {
    const { diagnostics } = loadDeck(writeProject({ ...files, 'slides/solby.yaml': withNotes('drop:\n  - Spørgsmål 7 i plenum\n  - section: Forlob') }), 'solby');
    expect(diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['E_NO_MATCH', 6, 11], ['E_NO_MATCH', 7, 20]]);
    expect(diagnostics[0]!.hint).toMatch(/^did you mean "Spørgsmål 2 i plenum." \(Forløb\)\? the card's lines of the notes: /);
    expect(diagnostics[1]!.hint).toMatch(/^did you mean "Forløb"\? the card's sections of the notes: /);
    // "see:" is the line or section itself, in the card.
    expect(diagnostics.map((d) => d.related?.line)).toEqual([
      lineOf(card, '{andet} i plenum'), lineOf(card, '**Forløb**'),
    ]);
  });

  it('asks for the minutes of an added step, and names in added text must be the card\'s', () => {
    const { diagnostics } = loadDeck(writeProject({ ...files, 'slides/solby.yaml': withNotes('add:\n  - section: Forløb\n    text: Læs reglerne højt.\n  - text: Om {tv3}.') }), 'solby');
    expect(diagnostics.map((d) => [d.code, d.line, d.hint])).toEqual([
      ['E_STEP_MINUTES', 7, 'start the text with the minutes, e.g. "(3 min) Gennemgå jeres egne debatregler."'],
      ['E_UNKNOWN_REFERENCE', 8, 'did you mean "{tv2}"?'],
    ]);
  });
});

describe('words that contradict the deck', () => {
  it('finds a dropped quote named in plain words, "begge citater" of one quote and a question number past the last', () => {
    const plain = card.replace('TV2 Østs regler viser, hvor enkle regler kan være. {tv2}', 'TV2 Østs regler viser, hvor enkle regler kan være.')
      .replace('- Spørg: »Kunne de regler stå på jeres side?« {tv2}', '- Læs begge citater højt, og tag spørgsmål 2 til sidst.');
    const root = writeProject({ ...files, 'content/alfa.md': plain,
      'slides/solby.yaml': 'extends: base\ncards:\n  - card: alfa\n    questions:\n      drop:\n        - Første\n    quotes:\n      drop:\n        - tv2\n' });
    const { diagnostics } = loadDeck(root, 'solby');
    expect(diagnostics.map((d) => [d.code, d.line, d.message, d.related?.line])).toEqual([
      ['W_STALE_GUIDANCE', 3, 'the notes of card "alfa" mention the quote from TV2 Øst, which this deck drops', 25],
      ['W_STALE_GUIDANCE', 3, 'the notes of card "alfa" say "begge citater", but the card has 1 quote in this deck', 42],
      ['W_STALE_GUIDANCE', 3, 'the notes of card "alfa" say "spørgsmål 2", but the card has 1 question before its action question in this deck', 42],
    ]);
  });

  it('finds "ti temaer", an end time and a break the deck does not have in inherited deck notes', () => {
    const root = writeProject({ ...files,
      'slides/base.yaml': base.replace(/agenda:[\s\S]*/, 'agenda:\n  notes: |\n    Vi tager ti temaer og slutter kl. ca. 13. Pausen ligger efter »Om beta«.\n'),
      'slides/solby.yaml': 'extends: base\ncards:\n  - alfa\n  - gamma\n' });
    const { diagnostics } = loadDeck(root, 'solby');
    expect(diagnostics.map((d) => [d.code, d.file.endsWith('base.yaml'), d.line, d.message])).toEqual([
      ['W_STALE_GUIDANCE', true, 10, 'the notes say "ti temaer", but deck "solby" has 2 themes'],
      ['W_STALE_GUIDANCE', true, 10, 'the notes say "slutter kl. ca. 13", but deck "solby" ends at 09:35'],
      ['W_STALE_GUIDANCE', true, 10, 'the notes say "Pausen ligger efter »Om beta«", but deck "solby" has no break'],
    ]);
    expect(diagnostics[0]!.hint).toBe('write "{temaer}": it names as many as the deck has; deck "solby" inherits these notes: give it its own with "agenda: notes:" in its manifest');
  });
});
