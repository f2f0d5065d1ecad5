// The record's export files: Markdown (record.ts) and JSON, their names, and reading either back.
//
// Shared by the facilitator view (export, import) and the `samtale record` command (the PDF summary):
// string work only, like record.ts.
import { markdownToRecord, RecordFormatError, recordToMarkdown, type CardRecord, type CardStatus, type RecordCardInfo, type SeminarRecord } from './record.js';

export const RECORD_JSON_FORMAT = 'samtale-record/1';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const STATUSES: readonly CardStatus[] = ['held', 'skipped', 'not-held'];
const isStatus = (value: unknown): value is CardStatus => STATUSES.includes(value as CardStatus);

/** A card as an export file describes it: the Markdown's `##` title and bold action question, or the JSON's cards. */
export interface RecordFileCard extends RecordCardInfo {
  themeNumber?: number;
}

export interface RecordFile {
  record: SeminarRecord;
  /** The cards in the file's order, with the titles and action questions it was written with. */
  cards: RecordFileCard[];
  format: 'markdown' | 'json';
  language?: 'da' | 'en';
}

/**
 * The largest record file that is read: a seminar's agreements are a few kilobytes, so anything near this is
 * not a record, and reading or printing it would only keep the user waiting.
 */
export const RECORD_FILE_MAX_BYTES = 1024 * 1024;

/**
 * `<deck>-aftaler-<seminar>.md` (Danish) or `<deck>-agreements-<seminar>.json` (English). The names come from a
 * file that may have been edited, so anything but letters, digits and hyphens becomes a hyphen: the name
 * never leaves the folder it is meant for.
 */
export function recordFileName(deckId: string, seminar: string, language: 'da' | 'en', extension: 'md' | 'json' | 'pdf'): string {
  const safe = (text: string) => text.normalize('NFC').replace(/[^\p{L}\p{N}-]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'record';
  return `${safe(deckId)}-${language === 'en' ? 'agreements' : 'aftaler'}-${safe(seminar)}.${extension}`;
}

export { recordToMarkdown };

/** The record as JSON: the record itself, and the cards (titles, action questions) it was written against. */
export function recordToJson(record: SeminarRecord, cards: readonly RecordFileCard[], language: 'da' | 'en'): string {
  return `${JSON.stringify({ format: RECORD_JSON_FORMAT, language, record, cards }, null, 2)}\n`;
}

/** Reads a Markdown or JSON export. Throws RecordFormatError (with a line) when it is neither. */
export function readRecordFile(text: string): RecordFile {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trimStart().startsWith('{')) return readJson(body);
  const record = markdownToRecord(body);
  return { record, cards: markdownCards(body), format: 'markdown' };
}

function readJson(text: string): RecordFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    // V8 says where: "… in JSON at position 17 (line 3 column 2)"; older versions only the position.
    const message = (error as Error).message;
    const lineColumn = /line (\d+) column (\d+)/.exec(message);
    const position = /end of JSON/.test(message) ? text.length : Number(/position (\d+)/.exec(message)?.[1] ?? 0);
    const before = text.slice(0, position).split('\n');
    const line = lineColumn ? Number(lineColumn[1]) : before.length;
    const lineText = (text.split('\n')[line - 1] ?? '').replace(/\r$/, '');
    const column = Math.min(lineText.length + 1, lineColumn ? Number(lineColumn[2]) : before[before.length - 1]!.replace(/\r$/, '').length + 1);
    throw new RecordFormatError(`not valid JSON (${message.replace(/ \(line \d+ column \d+\)$/, '')})`, line, column);
  }
  if (!isObject(data)) throw new RecordFormatError('not a samtale record', 1);
  const record = parseRecordValue(data['format'] === RECORD_JSON_FORMAT ? data['record'] : data);
  if (!record) {
    throw new RecordFormatError(`not a samtale record (expected "format": "${RECORD_JSON_FORMAT}" with a record naming its deck and seminar)`, 1);
  }
  const cards: RecordFileCard[] = [];
  for (const value of Array.isArray(data['cards']) ? data['cards'] : []) {
    if (!isObject(value) || typeof value['id'] !== 'string') continue;
    const card: RecordFileCard = { id: value['id'], title: str(value['title']) ?? value['id'] };
    const question = str(value['actionQuestion']);
    if (question) card.actionQuestion = question;
    const themeNumber = num(value['themeNumber']);
    if (themeNumber !== undefined) card.themeNumber = themeNumber;
    cards.push(card);
  }
  const file: RecordFile = { record, cards, format: 'json' };
  if (data['language'] === 'da' || data['language'] === 'en') file.language = data['language'];
  return file;
}

/** A record as JSON holds it (the export's `record`, or a record stored by an earlier version); undefined if it is not one. */
export function parseRecordValue(raw: unknown): SeminarRecord | undefined {
  if (!isObject(raw) || typeof raw['deck'] !== 'string' || typeof raw['seminar'] !== 'string' || !isObject(raw['cards'])) return undefined;
  const record: SeminarRecord = { deck: raw['deck'], seminar: raw['seminar'], title: str(raw['title']) ?? '', cards: {} };
  for (const key of ['municipality', 'date', 'place', 'startedAt'] as const) {
    const value = str(raw[key]);
    if (value !== undefined) record[key] = value;
  }
  if (raw['rehearsal'] === true) record.rehearsal = true;
  for (const [id, value] of Object.entries(raw['cards'])) {
    if (!isObject(value)) continue;
    const card: CardRecord = { agreed: str(value['agreed']) ?? '', followUp: str(value['followUp']) ?? '' };
    const updatedAt = str(value['updatedAt']);
    if (updatedAt) card.updatedAt = updatedAt;
    const planned = num(value['plannedMinutes']);
    const actual = num(value['actualMinutes']);
    if (planned !== undefined) card.plannedMinutes = planned;
    if (actual !== undefined) card.actualMinutes = actual;
    if (isStatus(value['status'])) card.status = value['status'];
    // A card id that names an object's own machinery would change the record's shape instead of adding to it.
    if (id !== '__proto__') record.cards[id] = card;
  }
  return record;
}

/**
 * The cards of a Markdown export as it was written: each `<!-- card: id -->` marker follows its `## title`,
 * and the bold line after it (if any, after the italic line of facts) is the action question.
 */
export function markdownCards(markdown: string): RecordFileCard[] {
  const lines = markdown.replace(/\r\n/g, '\n').split('\n');
  const cards: RecordFileCard[] = [];
  for (let i = 1; i < lines.length; i++) {
    const marker = /^<!-- card: ([^\s·]+)/.exec(lines[i]!);
    const heading = /^## (.*)$/.exec(lines[i - 1]!);
    if (!marker || !heading) continue;
    const card: RecordFileCard = { id: marker[1]!, title: heading[1]!.trim() || marker[1]! };
    let next = i + 1;
    // Past blank lines, and the italic line of facts (status, minutes) exports now write for the reader.
    while (next < lines.length && (lines[next]!.trim() === '' || /^\*[^*].*\*$/.test(lines[next]!))) next++;
    const question = /^\*\*(.+)\*\*$/.exec(lines[next] ?? '');
    if (question) card.actionQuestion = question[1]!;
    cards.push(card);
  }
  return cards;
}
