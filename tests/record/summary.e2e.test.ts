// End-to-end: `samtale record FILE` makes the PDF summary of what the council agreed, read back with poppler.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDecks } from '../../src/api.js';
import type { Deck } from '../../src/model.js';
import { recordToJson } from '../../src/record/files.js';
import { recordToMarkdown, type SeminarRecord } from '../../src/record/record.js';
import { pageTexts, pdfFonts, pdfInfo, squash } from '../export/pdf-tools.js';
import { checkPdfUa, formatViolations } from '../support/pdfua.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const WORK = path.join(ROOT, 'tests/.tmp/record-summary');
const SCREENS = path.join(ROOT, 'tests/.tmp/screens');

const AGREED = 'Vi skriver et fælles svar-kodeks: høflig tone, svar inden for to hverdage.\nKodekset gælder også på »de sociale medier«, vi ikke selv ejer – fx Facebook-grupper.';
const FOLLOW = 'Borgmesteren og kommunikationschefen, inden 1. juni';
const AGREED_2 = 'Vi øver os på at stå sammen, når én af os bliver angrebet: æ, ø, å, Æ, Ø, Å.';

let deck: Deck;
let record: SeminarRecord;

function samtale(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, ['bin/samtale.js', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const cardInfo = () => deck.cards.map(({ card }) => {
  const action = card.questions.find((q) => q.action);
  return { id: card.id, title: card.title, ...(action ? { actionQuestion: action.text } : {}) };
});

beforeAll(() => {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  mkdirSync(SCREENS, { recursive: true });
  deck = loadDecks({ root: ROOT, decks: ['solby'] }).decks[0]!;
  const [first, second, third] = deck.cards.filter((c) => c.themeNumber !== undefined);
  record = {
    deck: 'solby',
    seminar: '2027-03-02',
    title: deck.title,
    municipality: 'Solby Kommune',
    date: '2027-03-02',
    place: 'Byrådssalen, Solby Rådhus',
    startedAt: '2027-03-02T15:31:00.000Z',
    cards: {
      [first!.card.id]: { agreed: AGREED, followUp: FOLLOW, plannedMinutes: 25, actualMinutes: 27.5 },
      [second!.card.id]: { agreed: AGREED_2, followUp: '', plannedMinutes: 25, actualMinutes: 21 },
      // Discussed, nothing agreed.
      [third!.card.id]: { agreed: '', followUp: '', plannedMinutes: 20, actualMinutes: 12.4 },
    },
  };
  writeFileSync(path.join(WORK, 'solby-aftaler-2027-03-02.md'), recordToMarkdown(record, cardInfo(), 'da'));
  writeFileSync(path.join(WORK, 'solby-aftaler-2027-03-02.json'), recordToJson(record, cardInfo(), 'da'));
});

describe('samtale record', () => {
  it('makes the PDF summary beside the Markdown export, in the deck’s branding', () => {
    const md = path.join(WORK, 'solby-aftaler-2027-03-02.md');
    const run = samtale('record', path.relative(ROOT, md));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const pdf = path.join(WORK, 'solby-aftaler-2027-03-02.pdf');
    expect(run.stdout).toMatch(/^wrote tests\/\.tmp\/record-summary\/solby-aftaler-2027-03-02\.pdf: seminar 2027-03-02 of solby, 2 cards, \d pages?, \d+ KB\n/);
    const text = pageTexts(pdf).join('\n');
    const flat = squash(text);
    // The seminar: council, date, place, facilitator.
    // (The kicker is set in capitals.)
    expect(flat).toContain(squash('DET AFTALTE VI'));
    for (const fact of [deck.title, 'Solby Kommune', '2. marts 2027', 'Byrådssalen, Solby Rådhus', deck.facilitator!]) {
      expect(flat).toContain(squash(fact));
    }
    // Each card's action question, agreement and follow-up, letter for letter.
    const [first, second] = deck.cards.filter((c) => c.themeNumber !== undefined);
    for (const placed of [first!, second!]) {
      expect(flat).toContain(squash(placed.card.title));
      expect(flat).toContain(squash(placed.card.questions.find((q) => q.action)!.text));
    }
    for (const line of [...AGREED.split('\n'), FOLLOW, AGREED_2]) expect(flat).toContain(squash(line));
    // Danish letters as they were typed, not decomposed or replaced.
    expect(text).toContain('æ, ø, å, Æ, Ø, Å');
    expect(text).toContain('høflig tone');
    // Short: the cards without an agreement on a line each, no minutes unless asked for, one page.
    const [, , third] = deck.cards.filter((c) => c.themeNumber !== undefined);
    expect(flat).toContain(squash(`Temaer uden aftaler`));
    expect(flat).toContain(squash(`3. ${third!.card.title} – drøftet, intet aftalt`));
    expect(flat).not.toContain(squash(third!.card.questions.find((q) => q.action)!.text));
    const untouched = deck.cards.find((c) => c.themeNumber !== undefined && !(c.card.id in record.cards))!;
    expect(text.split(untouched.card.title).length - 1).toBe(1);
    expect(flat).toContain(squash(`${untouched.themeNumber}. ${untouched.card.title} – ikke drøftet`));
    expect(flat).not.toMatch(/Tidpr\.tema|Planlagt|brugt/);
    expect(pageTexts(pdf)).toHaveLength(1);

    const info = pdfInfo(pdf);
    expect(info['Title']).toBe(`Det aftalte vi – ${deck.title} – Solby Kommune`);
    expect(info['Author']).toBe('Solby Kommune');
    expect(info['Tagged']).toBe('yes');
    expect(pdfFonts(pdf).every((f) => f.embedded)).toBe(true);

    execFileSync('pdftoppm', ['-png', '-r', '50', pdf, path.join(SCREENS, 'record-summary')]);
    expect(readdirSync(SCREENS).some((f) => f.startsWith('record-summary-'))).toBe(true);
  });

  it('reads the JSON export too, writes into a folder given with --out, and adds the minutes with --times', async () => {
    const out = path.join(WORK, 'out');
    const run = samtale('record', path.join(WORK, 'solby-aftaler-2027-03-02.json'), '--out', `${out}/`, '--times');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const pdf = path.join(out, 'solby-aftaler-2027-03-02.pdf');
    const text = squash(pageTexts(pdf).join('\n'));
    expect(text).toContain(squash(AGREED_2));
    // Planned against used minutes: whole minutes, Danish signs, a total that adds up.
    const [first, second, third] = deck.cards.filter((c) => c.themeNumber !== undefined);
    expect(text).toContain(squash('Tid pr. tema (minutter)'));
    expect(text).toContain(squash(`1. ${first!.card.title} 25 28 +3`));
    expect(text).toContain(squash(`2. ${second!.card.title} 25 21 −4`));
    expect(text).toContain(squash(`3. ${third!.card.title} 20 12 −8`));
    expect(text).not.toMatch(/27,5|12,4/);
    const planned = deck.cards.reduce((sum, c) => sum + (record.cards[c.card.id]?.plannedMinutes ?? c.minutes), 0);
    expect(text).toContain(squash(`I alt ${planned} 61 −9`));
    const violations = await checkPdfUa(pdf);
    expect(violations, formatViolations(violations)).toEqual([]);
  });

  it('passes the PDF/UA-1 check', async () => {
    const violations = await checkPdfUa(path.join(WORK, 'solby-aftaler-2027-03-02.pdf'));
    expect(violations, formatViolations(violations)).toEqual([]);
  });

  it('says clearly what is wrong, and writes nothing', () => {
    const missing = samtale('record', path.join(WORK, 'nope.md'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/Cannot read .*nope\.md.*\[E_RECORD_READ\]/);

    const broken = path.join(WORK, 'broken.md');
    writeFileSync(broken, '---\ntitle: Noter\n---\n\nIntet her.\n');
    const bad = samtale('record', broken);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('broken.md:2:1');
    expect(bad.stderr).toContain('samtale: record');
    expect(existsSync(path.join(WORK, 'broken.pdf'))).toBe(false);

    const other = path.join(WORK, 'faxe.md');
    writeFileSync(other, recordToMarkdown({ ...record, deck: 'faxe' }, cardInfo(), 'da'));
    const unknown = samtale('record', other);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('the deck "faxe"');
    expect(unknown.stderr).toContain('--deck DECK');
    expect(existsSync(path.join(WORK, 'faxe.pdf'))).toBe(false);
    // Named explicitly, the deck's branding is used, with a warning.
    const named = samtale('record', other, '--deck', 'solby', '--out', path.join(WORK, 'faxe-as-solby.pdf'));
    expect(named.status).toBe(0);
    expect(named.stderr).toContain('warning: the record is of the deck "faxe"');

    const usage = samtale('record');
    expect(usage.status).toBe(2);
  });
});
