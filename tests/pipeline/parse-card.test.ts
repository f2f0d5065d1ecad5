// Parse stage: card files become Cards; every construct and every content error.
import { describe, expect, it } from 'vitest';
import { cardText, parse } from '../support/cards.js';

const fullCard = cardText(`? *Hvilke sociale medier bruger I?
Hvad bruger I dem til?*

? Hvilken vægt tillægger I det?

?! Hvad kan I som kommunalbestyrelse med fordel gøre?

> Man er hele tiden "på". Man bliver fuldtidspolitiker.
>
> -- Kommunalpolitiker, efteråret 2021

> 1: Hold dig til emnet.
>
> 2: Tal pænt.
>
> -- *"Guide til en bedre debat online"*, Dansk Journalistforbund (2019)

::: notes
**Formål:** at tale om brugen.
:::

::: notes action
Skriv aftalerne ned.
:::`);

describe('parseCard', () => {
  it('reads the front matter, defaulting the id to the file name', () => {
    const { card, diagnostics } = parse(fullCard);
    expect(diagnostics).toEqual([]);
    expect(card).toMatchObject({ id: 'test-card', title: 'Om at teste', kind: 'theme', minutes: 15 });
  });

  it('reads questions in order, keeps emphasis, and marks the action question', () => {
    const { card } = parse(fullCard);
    expect(card!.questions.map((q) => [q.text, q.action])).toEqual([
      ['Hvilke sociale medier bruger I? Hvad bruger I dem til?', false],
      ['Hvilken vægt tillægger I det?', false],
      ['Hvad kan I som kommunalbestyrelse med fordel gøre?', true],
    ]);
    expect(card!.questions[0]!.html).toBe('<em>Hvilke sociale medier bruger I?\nHvad bruger I dem til?</em>');
    expect(card!.questions[0]!.source).toEqual({ file: '/project/content/test-card.md', startLine: 7, endLine: 8 });
  });

  it('reads quotes with their sources, inner quotes and several paragraphs', () => {
    const { card } = parse(fullCard);
    expect(card!.quotes).toHaveLength(2);
    expect(card!.quotes[0]).toMatchObject({ text: 'Man er hele tiden "på". Man bliver fuldtidspolitiker.', sourceText: 'Kommunalpolitiker, efteråret 2021' });
    expect(card!.quotes[1]!.html).toBe('<p>1: Hold dig til emnet.</p>\n<p>2: Tal pænt.</p>');
    expect(card!.quotes[1]!.sourceHtml).toBe('<em>&quot;Guide til en bedre debat online&quot;</em>, Dansk Journalistforbund (2019)');
  });

  it('keeps notes by target and out of the body', () => {
    const { card } = parse(fullCard);
    // "**Formål:** at tale …" is a paragraph that starts in bold, not a section title.
    expect(card!.notes.card!.sections.map((s) => [s.title, s.blocks.map((b) => b.kind)])).toEqual([[undefined, ['paragraph']]]);
    expect(card!.notes.action!.sections[0]!.blocks[0]!.tokens[1]!.content).toBe('Skriv aftalerne ned.');
    expect(card!.body).toEqual([]);
  });

  it('takes a trailing {#name} off a question or a quote\'s source as the item\'s reference', () => {
    const { card, diagnostics } = parse(cardText(`? *Hvilke medier?
Hvad bruger I dem til?* {#medier}

?! Hvad gør I? {#Handling}

> Et citat.
>
> -- TV2 Øst (2019) {#tv2}`));
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(card!.questions.map((q) => [q.text, q.html, q.ref])).toEqual([
      ['Hvilke medier? Hvad bruger I dem til?', '<em>Hvilke medier?\nHvad bruger I dem til?</em>', 'medier'],
      ['Hvad gør I?', 'Hvad gør I?', 'handling'],
    ]);
    expect(card!.quotes[0]).toMatchObject({ sourceText: 'TV2 Øst (2019)', sourceHtml: 'TV2 Øst (2019)', ref: 'tv2' });
  });

  it('splits intro prose at slide breaks and reads videos as data', () => {
    const { card, diagnostics } = parse(cardText(`Første slide.

---

Anden slide med **fed** tekst.

::: video
speaker: Ulrik Kjær
description: Kommunalforsker **Ulrik Kjær**, som giver perspektiver.
page: https://www.kl.dk/
:::`, 'title: Kom godt i gang\nkind: intro\nminutes: 5'));
    expect(diagnostics).toEqual([]);
    expect(card!.body.map((b) => b.type)).toEqual(['prose', 'break', 'prose', 'video']);
    expect(card!.videos[0]).toMatchObject({ speaker: 'Ulrik Kjær', page: 'https://www.kl.dk/', descriptionHtml: 'Kommunalforsker <strong>Ulrik Kjær</strong>, som giver perspektiver.' });
  });

  it('shows raw HTML as text unless the deck allows it', () => {
    const body = '? Hvad med <script>alert(1)</script> her?\n\n?! Og <b>så</b>?';
    expect(parse(cardText(body)).card!.questions[0]!.html).toBe('Hvad med &lt;script&gt;alert(1)&lt;/script&gt; her?');
    expect(parse(cardText(body), { allowHtml: true }).card!.questions[1]!.html).toBe('Og <b>så</b>?');
  });

  it('allows http(s) and mailto links and refuses every other scheme, by line', () => {
    const { card, diagnostics } = parse(cardText(`? Se [KL](https://www.kl.dk) og [mail](mailto:a@b.dk)?

?! Klik [her](javascript:alert(1)) eller [fil](file:///etc/passwd)?`));
    expect(card!.questions[0]!.html).toContain('<a href="https://www.kl.dk" target="_blank" rel="noopener noreferrer">KL</a>');
    expect(card!.questions[1]!.html).toBe('Klik her eller fil?');
    expect(diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, d.line])).toEqual([['E_LINK_NOT_ALLOWED', 9], ['E_LINK_NOT_ALLOWED', 9]]);
  });
});

describe('the notes\' sections and run', () => {
  const notes = `? Et? {#et}

?! Gør? {#gør}

::: notes
**Formål**

Hvorfor.

**Forløb (15 min)**

1. (2 min) Læs citatet.
2. (10 min, fast) {et} i plenum.
   - Et underpunkt.
3. (3 min.) Handlingsspørgsmålet.

**Hvis samtalen går i stå** (ca. 1 min)

- »Hvad så?«
:::`;

  it('splits notes into titled sections and reads the run\'s steps with their minutes', () => {
    const { card, diagnostics } = parse(cardText(notes));
    expect(diagnostics).toEqual([]);
    const sections = card!.notes.card!.sections;
    expect(sections.map((s) => [s.title, s.run, s.blocks.map((b) => b.kind)])).toEqual([
      ['Formål', undefined, ['paragraph']],
      ['Forløb (15 min)', { base: 'Forløb', scalable: true }, ['step', 'step', 'step']],
      ['Hvis samtalen går i stå (ca. 1 min)', undefined, ['item']],
    ]);
    expect(sections[1]!.blocks.map((b) => [b.minutes, b.fixed])).toEqual([[2, false], [10, true], [3, false]]);
    expect(sections[1]!.blocks[1]!.tokens[1]!.children![0]!.content).toBe('{et} i plenum.');
    expect(sections[1]!.source.startLine).toBe(16);
  });

  it('warns when the steps do not add up to the card\'s minutes', () => {
    const { diagnostics } = parse(cardText(notes.replace('(3 min.)', '(5 min)')));
    expect(diagnostics.map((d) => [d.code, d.line, d.message])).toEqual([
      ['W_RUN_SUM', 16, 'the steps of the run of card "test-card" add up to 17 min, but the card has 15 min'],
    ]);
  });

  it('shows an old free-form run as written, with a warning at the step without minutes', () => {
    const { card, diagnostics } = parse(cardText(notes.replace('3. (3 min.) Handlingsspørgsmålet.', '3. Handlingsspørgsmålet til sidst.')));
    expect(card!.notes.card!.sections[1]!.run).toEqual({ base: 'Forløb', scalable: false });
    expect(card!.notes.card!.sections[1]!.blocks.map((b) => b.kind)).toEqual(['item', 'item', 'item']);
    expect(diagnostics.map((d) => [d.code, d.severity, d.line])).toEqual([['W_RUN_NOT_SCALED', 'warning', 21]]);
    expect(diagnostics[0]!.hint).toContain('(5 min)');
  });

  it('reports a name the card does not know, with a did-you-mean, at its line and column', () => {
    const { diagnostics } = parse(cardText(notes.replace('{et} i plenum', 'Tag {ett} i plenum')));
    expect(diagnostics.map((d) => [d.code, d.line, d.column, d.hint])).toEqual([['E_UNKNOWN_REFERENCE', 19, 23, 'did you mean "{et}"?']]);
  });

  it('reports names used twice, a placeholder\'s name, and a name that is not one', () => {
    const { diagnostics } = parse(cardText('? Et? {#et}\n\n? To? {#et}\n\n? Tre? {#citater}\n\n?! Fire? {#fi_re}'));
    expect(diagnostics.map((d) => [d.code, d.line, d.column, d.message])).toEqual([
      ['W_NO_NOTES', 2, 1, expect.any(String)],
      ['E_BAD_REFERENCE', 9, 7, 'two items of card "test-card" are called "{#et}"'],
      ['E_BAD_REFERENCE', 11, 8, '"{#citater}" is the name of a placeholder'],
      ['E_BAD_REFERENCE', 13, 10, '"{#fi_re}" is not a usable name'],
    ]);
  });
});

describe('content errors', () => {
  it('reports a card with no questions at its front matter', () => {
    const { diagnostics } = parse(cardText('Bare tekst.'));
    expect(diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['E_NO_QUESTIONS', 2, 1]]);
  });

  it('reports a quote without a source where the quote ends', () => {
    const { diagnostics } = parse(cardText('? Et spørgsmål?\n\n?! Hvad gør vi?\n\n> Et citat\n> uden kilde\n\n::: notes\nx\n:::'));
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([['E_QUOTE_NO_SOURCE', 12]]);
  });

  it('reports unknown blocks, unknown notes targets and unclosed blocks', () => {
    const { diagnostics } = parse(cardText('? Et?\n\n?! To?\n\n::: noter\nx\n:::\n\n::: notes slides\ny\n:::\n\n::: notes\nz'));
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([['E_UNKNOWN_BLOCK', 11], ['E_NOTES_TARGET', 15], ['E_UNCLOSED_BLOCK', 19]]);
  });

  it('warns about a theme card without an action question', () => {
    const { diagnostics } = parse(cardText('? Et spørgsmål?\n\n::: notes\nx\n:::'));
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([['W_NO_ACTION_QUESTION', 'warning']]);
  });

  it('reports a file without front matter', () => {
    const { card, diagnostics } = parse('? Et spørgsmål?');
    expect(card).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['E_NO_FRONT_MATTER', 1, 1]]);
  });
});
