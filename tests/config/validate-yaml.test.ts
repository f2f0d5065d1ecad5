// Front matter and manifest validation: every problem at its line and column, with a hint.
import { describe, expect, it } from 'vitest';
import { cardText, parse } from '../support/cards.js';

const body = '? Et?\n\n?! To?\n\n::: notes\nx\n:::';
const codes = (front: string) => parse(cardText(body, front)).diagnostics.map((d) => ({ code: d.code, line: d.line, column: d.column, hint: d.hint }));

describe('front matter', () => {
  it('reports an unknown key at the key, with a did-you-mean', () => {
    // The misspelt key is not also reported as a missing "minutes".
    expect(codes('title: Om at teste\nkind: theme\nminuts: 15')).toEqual([
      { code: 'E_UNKNOWN_KEY', line: 4, column: 1, hint: 'did you mean "minutes"?' },
    ]);
  });

  it('reports a missing title', () => {
    expect(codes('kind: theme\nminutes: 15')).toEqual([expect.objectContaining({ code: 'E_MISSING_KEY', line: 2, column: 1 })]);
  });

  it('reports minutes that are not a positive number, at the value', () => {
    expect(codes('title: T\nminutes: 0')).toEqual([expect.objectContaining({ code: 'E_BAD_MINUTES', line: 3, column: 10 })]);
    expect(codes('title: T\nminutes: tyve')).toEqual([expect.objectContaining({ code: 'E_BAD_MINUTES', line: 3, column: 10 })]);
  });

  it('reports an unknown kind with a did-you-mean', () => {
    expect(codes('title: T\nkind: tema\nminutes: 5')).toEqual([
      expect.objectContaining({ code: 'E_INVALID_VALUE', line: 3, column: 7, hint: 'did you mean "theme"?' }),
    ]);
  });

  it('reports YAML that does not parse at its position', () => {
    // An unterminated string is reported where its quote opens, not where the front matter ends.
    const [first] = codes('title: "Om at teste\nminutes: 5');
    expect(first).toMatchObject({ code: 'E_YAML', line: 2, column: 8, hint: 'end the value with " on the same line, e.g. title: "Om at teste"' });
    expect(codes('title: a\n  kind: b: c')[0]).toMatchObject({ code: 'E_YAML', line: 2 });
  });

  it('reports every problem of a card in one run', () => {
    expect(codes('titel: T\nkind: tema\nminutes: -2\nfoo: 1').map((d) => d.code).sort()).toEqual(['E_BAD_MINUTES', 'E_INVALID_VALUE', 'E_UNKNOWN_KEY', 'E_UNKNOWN_KEY']);
  });
});
