// Front matter and manifest validation: every problem at its line and column, with a hint.
import { describe, expect, it } from 'vitest';
import { manifestSchema } from '../../src/config/schemas.js';
import { validateYaml } from '../../src/config/validate-yaml.js';
import { Diagnostics } from '../../src/diagnostics/deck-error.js';
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
    expect(codes('title: a\n  kind: b: c')[0]).toMatchObject({ code: 'E_YAML_INDENT', line: 3, column: 3 });
  });

  it('reports every problem of a card in one run', () => {
    expect(codes('titel: T\nkind: tema\nminutes: -2\nfoo: 1').map((d) => d.code).sort()).toEqual(['E_BAD_MINUTES', 'E_INVALID_VALUE', 'E_UNKNOWN_KEY', 'E_UNKNOWN_KEY']);
  });
});

describe('YAML mistakes in a manifest: one error per mistake, at the line to fix, with a hint for it', () => {
  const manifest = `extends: sociale-medier
municipality: Vordingborg Kommune
cards:
  - om-at-bruge-sociale-medier
  - card: om-at-vaere-rollemodel
    minutes: 25
    quotes:
      drop:
        - Uddrag fra byrådets kodeks
  - card: om-at-moderere-debatten
    minutes: 20
    questions:
      replace:
        - match: Har I sat rammer for debatten
          with: Hvilke rammer har I sat?
  - break: 15
    title: Kaffepause
  - card: om-digital-deltagelse
    minutes: 15
closing:
  title: Tak for i aften
`;
  const check = (text: string) => {
    const diagnostics = new Diagnostics();
    validateYaml({ file: 'slides/v.yaml', text, firstLine: 1, what: 'manifest' }, manifestSchema, diagnostics);
    return diagnostics.items.map((d) => ({ code: d.code, line: d.line, column: d.column, message: d.message, hint: d.hint }));
  };

  it('parses as written', () => expect(check(manifest)).toEqual([]));

  it('a tab: "use spaces, not tabs", with the indentation its siblings have', () => {
    expect(check(manifest.replace('    minutes: 25', '\tminutes: 25'))).toEqual([{
      code: 'E_YAML_INDENT', line: 6, column: 1, message: 'manifest: a tab indents "minutes:"; YAML indents with spaces only',
      hint: 'use spaces, not tabs: indent it 4 spaces, like "card:" on line 5; an editor can show tabs and turn them into spaces',
    }]);
    // A tab after spaces is found at the tab.
    expect(check(manifest.replace('        - match: Har I', '      \t- match: Har I'))).toEqual([expect.objectContaining({ code: 'E_YAML_INDENT', line: 14, column: 7 })]);
  });

  it('a key of a list entry at the column of its "-"', () => {
    expect(check(manifest.replace('    quotes:\n      drop:', '  quotes:\n      drop:'))).toEqual([{
      code: 'E_YAML_INDENT', line: 7, column: 3, message: 'manifest: "quotes:" is indented 2 spaces, at the column of the list\'s "-"',
      hint: 'a key of a list entry lines up with the entry\'s first key, after "- ": indent it 4 spaces, like "card:" on line 5',
    }]);
  });

  it('a key one space too deep, reported at its own line, not at the line above', () => {
    expect(check(manifest.replace('    minutes: 20', '     minutes: 20'))).toEqual([{
      code: 'E_YAML_INDENT', line: 11, column: 6, message: 'manifest: "minutes:" is indented 5 spaces, deeper than the keys beside it',
      hint: 'the keys of one level line up: indent it 4 spaces, like "card:" on line 10',
    }]);
    expect(check(manifest.replace('  title: Tak', '   title: Tak').replace('closing:\n', 'closing:\n  text: Tak.\n'))).toEqual([
      expect.objectContaining({ code: 'E_YAML_INDENT', line: 22, column: 4, hint: 'the keys of one level line up: indent it 2 spaces, like "text:" on line 21' }),
    ]);
  });

  it('reports separate mistakes separately, and nothing that only follows from them', () => {
    const broken = manifest.replace('    minutes: 25', '\tminutes: 25').replace('municipality: Vordingborg Kommune', 'municipality: "Vordingborg Kommune')
      .replace('  title: Tak for i aften', '  title: Tak for i aften\n   text: Tak.');
    expect(check(broken).map((d) => [d.code, d.line, d.column])).toEqual([['E_YAML', 2, 15], ['E_YAML_INDENT', 6, 1], ['E_YAML_INDENT', 22, 4]]);
  });

  it('leaves other YAML errors to YAML, with a hint for the common ones', () => {
    expect(check('title: T\ntitle: U\n')).toEqual([expect.objectContaining({ code: 'E_YAML', line: 2, hint: 'a key may be written once per level: remove one of the two, or merge them' })]);
  });
});
