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
    expect(card!.notes.card).toBe('<p><strong>Formål:</strong> at tale om brugen.</p>\n');
    expect(card!.notes.action).toBe('<p>Skriv aftalerne ned.</p>\n');
    expect(card!.body).toEqual([]);
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
