// Property-based tests (fast-check): arbitrary text, bytes and YAML never crash card parsing, manifest loading
// or record import, never throw anything but the errors samtale reports, and every diagnostic points at a
// line and column inside the file it names.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../../src/api.js';
import { Diagnostics, type Diagnostic } from '../../src/diagnostics/deck-error.js';
import { formatDiagnostics } from '../../src/diagnostics/format.js';
import { readManifest } from '../../src/pipeline/manifest-chain.js';
import { createMarkdown } from '../../src/pipeline/parse/markdown.js';
import { parseCard } from '../../src/pipeline/parse-card.js';
import { readRecordFile } from '../../src/record/files.js';
import { RecordFormatError } from '../../src/record/record.js';

const scratch = mkdtempSync(join(tmpdir(), 'samtale-props-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const markdown = createMarkdown({ allowHtml: false });
const markdownWithHtml = createMarkdown({ allowHtml: true });

/** A diagnostic's position lies in its file: a line that exists, a column on it (or just after its end). */
function expectInside(diagnostics: readonly Diagnostic[], texts: ReadonlyMap<string, string>): void {
  for (const d of diagnostics) {
    const text = texts.get(d.file);
    expect(text, `${d.code} names ${d.file}`).toBeDefined();
    const lines = text!.replace(/^\uFEFF/, '').split(/\r?\n/);
    expect(d.line, `${d.code} ${d.message}`).toBeGreaterThanOrEqual(1);
    expect(d.line, `${d.code} ${d.message}`).toBeLessThanOrEqual(lines.length);
    expect(d.column, `${d.code} ${d.message}`).toBeGreaterThanOrEqual(1);
    expect(d.column, `${d.code} ${d.message}`).toBeLessThanOrEqual(lines[d.line - 1]!.length + 1);
    expect(d.hint.length, d.code).toBeGreaterThan(0);
  }
}

/** What a terminal would act on must never be printed. */
function expectPrintable(diagnostics: readonly Diagnostic[], texts: ReadonlyMap<string, string>): void {
  const printed = formatDiagnostics(diagnostics, { codeFrame: true, readText: (file) => texts.get(file) });
  // eslint-disable-next-line no-control-regex -- control characters are what this looks for
  expect(printed).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
}

/** Pieces cards are made of, so that generated text reaches past the front matter into the constructs. */
const piece = fc.constantFrom(
  '---', '', 'title: Om at teste', 'title: "Om at', "title: 'x", 'id: om-kærlighed', 'id: Om Kodeks', 'kind: theme', 'kind: intro', 'minutes: 15', 'minutes: -1',
  'minutes: "tyve"', '? Et spørgsmål?', '?! Hvad kan I gøre?', '> Et citat.', '>', '> -- Kilde', '::: notes', '::: notes quotes', '::: video', ':::',
  'src: media/x.mp4', 'src: ../../../etc/passwd.mp4', 'poster: https://example.org/p.jpg', 'description: Se [her](javascript:x)', 'start: 90', 'end: 10',
  '[link](data:text/html,x)', '![billede](x.png)', '<div>', '</div>', '<script>', '<!--', '\u001b[2K', '\u202e', 'a\tb', '- liste', '  indrykket: 1', '{', '[', '&', '*', '#',
);
const cardText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 400 }),
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.uint8Array({ maxLength: 400 }).map((bytes) => Buffer.from(bytes).toString('utf8')),
  fc.array(fc.oneof(piece, fc.string({ maxLength: 30 })), { maxLength: 40 }).chain((lines) => fc.constantFrom('\n', '\r\n').map((eol) => lines.join(eol))),
);

describe('card parsing of arbitrary text', () => {
  it('never throws, and reports every problem inside the card', () => {
    fc.assert(fc.property(cardText, fc.boolean(), (text, allowHtml) => {
      const file = '/p/content/kort.md';
      const diagnostics = new Diagnostics();
      parseCard({ file, text }, allowHtml ? markdownWithHtml : markdown, diagnostics);
      const texts = new Map([[file, text]]);
      expectInside(diagnostics.items, texts);
      expectPrintable(diagnostics.items, texts);
    }), { numRuns: 400 });
  });
});

const manifestPiece = fc.constantFrom(
  'title: Dæk', 'title: "   "', 'title:', 'cards:', 'cards: []', '  - om-at-teste', '  - break: 10', '  - card: om-at-teste', '    minutes: 5', '    minutes: nul',
  'extends: ../../x', 'extends: dæk', 'extends: Om Noget', 'theme: mork', 'start: 25:00', 'start: "09:00"', 'branding:', '  primary: #fff', '  logo: ../../../etc/passwd',
  'videos:', '  x:', '    src: ../../y.mp4', 'notes: |', '  Se [her](javascript:x)', '- en liste', '? nøgle', '&anker x', '*anker', '!!binary x', '%YAML 1.2', '...', '---',
);
const manifestText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes).toString('utf8')),
  fc.array(fc.oneof(manifestPiece, fc.string({ maxLength: 20 })), { maxLength: 30 }).map((lines) => lines.join('\n')),
);

describe('manifest loading of arbitrary YAML', () => {
  it('never throws, and reports every problem inside the manifest', () => {
    fc.assert(fc.property(manifestText, (text) => {
      const file = '/p/slides/deck.yaml';
      const diagnostics = new Diagnostics();
      readManifest({ id: 'deck', file, text }, diagnostics);
      const texts = new Map([[file, text]]);
      expectInside(diagnostics.items, texts);
      expectPrintable(diagnostics.items, texts);
    }), { numRuns: 400 });
  });

  it('through the whole check, with a card beside it: no crash, positions inside the files', () => {
    let run = 0;
    fc.assert(fc.property(manifestText, cardText, (manifest, cardSource) => {
      const root = join(scratch, `p${run++}`);
      mkdirSync(join(root, 'slides'), { recursive: true });
      mkdirSync(join(root, 'content'), { recursive: true });
      writeFileSync(join(root, 'slides', 'deck.yaml'), manifest);
      writeFileSync(join(root, 'content', 'om-at-teste.md'), cardSource);
      const diagnostics = check({ root, all: true });
      const texts = new Map([[join(root, 'slides', 'deck.yaml'), manifest], [join(root, 'content', 'om-at-teste.md'), cardSource]]);
      expectInside(diagnostics, texts);
      expectPrintable(diagnostics, texts);
    }), { numRuns: 60 });
  });
});

const recordPiece = fc.constantFrom(
  '---', 'samtale: record', 'deck: "sociale-medier"', 'deck: "x', 'seminar: "2027-03-02"', 'seminar: "../../../etc"', 'title: "Titel"', '# Det aftalte vi',
  '## Om at teste', '<!-- card: om-at-teste · planlagt 20 min · brugt 18 min -->', '<!-- card: __proto__ -->', '### Aftalt', '### Opfølgning', 'Vi aftalte noget.', '\\### Aftalt',
  '{"format": "samtale-record/1"', '{', '"record": {"deck": "d", "seminar": "s", "cards": {"__proto__": {"agreed": 1}}}}', ']', 'null',
);
const recordText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes).toString('utf8')),
  fc.array(fc.oneof(recordPiece, fc.string({ maxLength: 20 })), { maxLength: 30 }).map((lines) => lines.join('\n')),
  fc.json().map((json) => json),
);

describe('record import of arbitrary files', () => {
  it('reads a record or says why not, at a line of the file, and nothing else', () => {
    fc.assert(fc.property(recordText, (text) => {
      try {
        const file = readRecordFile(text);
        expect(typeof file.record.deck).toBe('string');
        expect(Object.getPrototypeOf(file.record.cards)).toBe(Object.prototype);
      } catch (error) {
        expect(error).toBeInstanceOf(RecordFormatError);
        const { line, column } = error as RecordFormatError;
        const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
        expect(line).toBeGreaterThanOrEqual(1);
        expect(line).toBeLessThanOrEqual(lines.length);
        expect(column).toBeGreaterThanOrEqual(1);
        expect(column).toBeLessThanOrEqual(lines[line - 1]!.length + 1);
      }
    }), { numRuns: 500 });
  });
});
