// The seminar record: its Markdown export reads back to the same record.
import { describe, expect, it } from 'vitest';
import { markdownToRecord, RecordFormatError, recordToMarkdown, seminarKey, type SeminarRecord } from '../../src/record/record.js';

const cards = [
  { id: 'alfa', title: 'Om alfa', actionQuestion: 'Hvad kan I gøre ved alfa?' },
  { id: 'beta', title: 'Om "beta" 24/7', actionQuestion: 'Hvad kan I gøre ved beta?' },
  { id: 'gamma', title: 'Om gamma' },
];

const record: SeminarRecord = {
  deck: 'faxe',
  seminar: '2027-03-02',
  title: 'Sociale medier og lokaldemokrati',
  municipality: 'Faxe Kommune',
  date: '2027-03-02',
  place: 'Byrådssalen: "Sal A"',
  startedAt: '2027-03-02T16:31:00.000Z',
  cards: {
    alfa: { agreed: 'Vi laver et kodeks.\n\n- Punkt 1\n- Punkt 2 med ### i teksten\n### Ikke en overskrift\n## Heller ikke\n<!-- card: nej -->\n\\# allerede med skråstreg', followUp: 'Borgmesteren, inden 1. juni', plannedMinutes: 20, actualMinutes: 23.5 },
    beta: { agreed: 'Æ, ø og å – alt med.', followUp: '' },
  },
};

describe('the record as Markdown', () => {
  it('writes each card with its action question, agreement, follow-up and minutes', () => {
    const md = recordToMarkdown(record, cards);
    expect(md).toContain('# Det aftalte vi – Sociale medier og lokaldemokrati');
    expect(md).toContain('## Om alfa\n<!-- card: alfa · planlagt 20 min · brugt 23.5 min -->\n\n*planlagt 20 min · brugt 23.5 min*\n\n**Hvad kan I gøre ved alfa?**\n\n### Aftalt\n\nVi laver et kodeks.');
    expect(md).toContain('### Opfølgning\n\nBorgmesteren, inden 1. juni');
  });

  it('reads back to the same record (round trip), in Danish and English', () => {
    for (const language of ['da', 'en'] as const) {
      const back = markdownToRecord(recordToMarkdown(record, cards, language));
      expect(back).toEqual({ ...record, cards: { ...record.cards, gamma: { agreed: '', followUp: '' } } });
    }
  });

  it('shows typed text as typed in any Markdown reader: HTML as text, line breaks kept, and reads it back exactly', () => {
    const typed = 'Første linje\nanden linje <b>fed?</b> & &amp; C:\\mappe\\\n- et punkt\n- et andet\n\nNyt afsnit \\# og \\<';
    const md = recordToMarkdown({ ...record, cards: { alfa: { agreed: typed, followUp: '', status: 'skipped' } } }, cards);
    expect(md).toContain('*sprunget over*');
    expect(md).toContain('Første linje\\\nanden linje \\<b>fed?\\</b> \\& \\&amp; C:\\\\mappe\\\\\n- et punkt\n- et andet\n\nNyt afsnit \\\\# og \\\\\\<');
    expect(markdownToRecord(md).cards['alfa']?.agreed).toBe(typed);
  });

  it('reads an export of an earlier version, whose markers at a line start were the only escapes', () => {
    const earlier = ['---', 'samtale: record', 'deck: "faxe"', 'seminar: "2027-03-02"', 'title: "T"', '---', '', '## Om alfa', '<!-- card: alfa -->', '',
      '### Aftalt', '', '\\### Ikke en overskrift', '\\<!-- card: nej -->', 'C:\\mappe og 1 < 2', '', '### Opfølgning', ''].join('\n');
    expect(markdownToRecord(earlier).cards['alfa']?.agreed).toBe('### Ikke en overskrift\n<!-- card: nej -->\nC:\\mappe og 1 < 2');
  });

  it('keeps a card that is no longer in the deck', () => {
    const withOld = { ...record, cards: { ...record.cards, gammel: { agreed: 'Stadig aftalt', followUp: '' } } };
    expect(markdownToRecord(recordToMarkdown(withOld, cards)).cards['gammel']!.agreed).toBe('Stadig aftalt');
  });

  it('refuses a file that is not a record, saying where', () => {
    expect(() => markdownToRecord('# Noter\n')).toThrow(RecordFormatError);
    expect(() => markdownToRecord('---\ntitle: x\n---\n')).toThrow(/no "samtale: record"/);
  });
});

describe('seminarKey', () => {
  it('is the date, then the date with a number for a second seminar the same day', () => {
    expect(seminarKey('2027-03-02', [])).toBe('2027-03-02');
    expect(seminarKey('2027-03-02', ['2027-03-02', '2027-03-02-2'])).toBe('2027-03-02-3');
  });
});
