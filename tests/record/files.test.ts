// The record's export files: JSON and Markdown read back, with the cards as they were written.
import { describe, expect, it } from 'vitest';
import { markdownCards, readRecordFile, recordFileName, recordToJson } from '../../src/record/files.js';
import { RecordFormatError, recordToMarkdown, type SeminarRecord } from '../../src/record/record.js';

const cards = [
  { id: 'alfa', title: 'Om alfa', actionQuestion: 'Hvad kan I gøre ved alfa?' },
  { id: 'beta', title: 'Om "beta" – 24/7' },
];
const record: SeminarRecord = {
  deck: 'solby',
  seminar: '2027-03-02-2',
  title: 'Sociale medier',
  municipality: 'Faxe Kommune',
  date: '2027-03-02',
  cards: { alfa: { agreed: 'Æ, ø og å.\n\nTo afsnit.', followUp: 'Kim, 1. juni', updatedAt: '2027-03-02T10:00:00.000Z', plannedMinutes: 20, actualMinutes: 22.5 } },
};

describe('record files', () => {
  it('reads the JSON export back to the same record and cards', () => {
    const file = readRecordFile(recordToJson(record, cards, 'da'));
    expect(file).toEqual({ record, cards, format: 'json', language: 'da' });
  });

  it('reads the Markdown export back, with the titles and action questions it was written with', () => {
    const md = recordToMarkdown(record, cards, 'en');
    const file = readRecordFile(`\uFEFF${md.replace(/\n/g, '\r\n')}`);
    expect(file.format).toBe('markdown');
    expect(file.record.cards['alfa']).toEqual({ agreed: 'Æ, ø og å.\n\nTo afsnit.', followUp: 'Kim, 1. juni', plannedMinutes: 20, actualMinutes: 22.5 });
    expect(markdownCards(md)).toEqual(cards);
  });

  it('refuses what is not a record', () => {
    expect(() => readRecordFile('{"format": "samtale-timing/1"}')).toThrow(RecordFormatError);
    expect(() => readRecordFile('{ nope')).toThrow(/not valid JSON/);
    expect(() => readRecordFile('# Noter\n')).toThrow(RecordFormatError);
  });

  it('names the files after the deck, the seminar and the language', () => {
    expect(recordFileName('solby', '2027-03-02-2', 'da', 'md')).toBe('solby-aftaler-2027-03-02-2.md');
    expect(recordFileName('solby', '2027-03-02', 'en', 'pdf')).toBe('solby-agreements-2027-03-02.pdf');
  });
});
