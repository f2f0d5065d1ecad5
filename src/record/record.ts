// What the council agreed: the record of one seminar, and its Markdown form for export and re-import.
//
// The same module runs in the facilitator view (to save and export) and in Node (to read an export back
// and make the PDF summary), so it is plain data and string work only: no DOM, no file system.

/** What was agreed on one card. */
export interface CardRecord {
  /** What the council agreed (plain text, as typed; may span lines). */
  agreed: string;
  /** Who follows up, and by when. */
  followUp: string;
  /** When the facilitator last typed here (ISO), for merging. */
  updatedAt?: string;
  /** Planned and actual minutes, when the facilitator view knows them. */
  plannedMinutes?: number;
  actualMinutes?: number;
  /** Whether the card was held, skipped by a re-plan, or not reached; unset in records of earlier versions. */
  status?: CardStatus;
}

export type CardStatus = 'held' | 'skipped' | 'not-held';

/** One seminar: a deck held for one council on one date. Several seminars with one deck never mix. */
export interface SeminarRecord {
  deck: string;
  /** Identifies the seminar among others with the same deck, e.g. "2027-03-02" or "2027-03-02-2". */
  seminar: string;
  title: string;
  municipality?: string;
  date?: string;
  place?: string;
  /** When the seminar was started in the facilitator view (ISO). */
  startedAt?: string;
  /** A rehearsal's record, kept apart from the seminar's. */
  rehearsal?: boolean;
  cards: Record<string, CardRecord>;
}

/** What the Markdown needs to know about each card, in deck order. */
export interface RecordCardInfo {
  id: string;
  title: string;
  /** The card's action question, as plain text. */
  actionQuestion?: string;
}

export interface RecordWords {
  heading: string;
  agreed: string;
  followUp: string;
  planned: string;
  actual: string;
  nothing: string;
  status: Record<CardStatus, string>;
}

export const recordWords: Record<'da' | 'en', RecordWords> = {
  da: {
    heading: 'Det aftalte vi', agreed: 'Aftalt', followUp: 'Opfølgning', planned: 'planlagt', actual: 'brugt', nothing: '(intet noteret)',
    status: { held: 'holdt', skipped: 'sprunget over', 'not-held': 'ikke holdt' },
  },
  en: {
    heading: 'What we agreed', agreed: 'Agreed', followUp: 'Follow-up', planned: 'planned', actual: 'used', nothing: '(nothing noted)',
    status: { held: 'held', skipped: 'skipped', 'not-held': 'not held' },
  },
};

const FRONT_KEYS = ['deck', 'seminar', 'title', 'municipality', 'date', 'place', 'startedAt', 'rehearsal'] as const;

/** The record as Markdown: front matter, then a section per card with its action question, agreement and follow-up. */
export function recordToMarkdown(record: SeminarRecord, cards: readonly RecordCardInfo[], language: 'da' | 'en' = 'da'): string {
  const words = recordWords[language];
  const front = FRONT_KEYS.filter((key) => record[key] !== undefined).map((key) => `${key}: ${JSON.stringify(record[key])}`);
  const lines = ['---', 'samtale: record', ...front, '---', '', `# ${words.heading} – ${record.title}`, ''];
  const known = new Set(cards.map((c) => c.id));
  const extra = Object.keys(record.cards).filter((id) => !known.has(id)).map((id) => ({ id, title: id }));
  for (const card of [...cards, ...extra]) {
    const entry = record.cards[card.id];
    const minutes = entry && (entry.plannedMinutes !== undefined || entry.actualMinutes !== undefined)
      ? ` · ${words.planned} ${entry.plannedMinutes ?? '?'} min · ${words.actual} ${entry.actualMinutes ?? '?'} min` : '';
    const status = entry?.status ? ` · ${words.status[entry.status]}` : '';
    lines.push(`## ${card.title}`, `<!-- card: ${card.id}${minutes}${status} -->`, '');
    // The same facts for the reader: the comment above is the machine's copy, which Markdown hides.
    if (minutes || status) lines.push(`*${`${status}${minutes}`.slice(3)}*`, '');
    if ('actionQuestion' in card && card.actionQuestion) lines.push(`**${card.actionQuestion}**`, '');
    lines.push(`### ${words.agreed}`, '', blockText(entry?.agreed), '', `### ${words.followUp}`, '', blockText(entry?.followUp), '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/**
 * The text as typed, shown as typed by any Markdown reader, and read back exactly by the import:
 * - empty text is written as nothing at all;
 * - a backslash, `<` and `&` get a backslash, so typed HTML or an entity is shown as text, never run;
 * - a line that looks like one of the record's own headings or markers gets a backslash;
 * - a line break inside a paragraph ends the line with a backslash (a hard break), so it is not joined.
 */
/** A line that starts a block of its own (a list item, a quote): no hard break is needed before it. */
const BLOCK_START = /^\s*(?:[-*+>]|\d+[.)])(?:\s|$)/;

function blockText(text: string | undefined): string {
  const lines = (text ?? '').replace(/\r\n?/g, '\n').trimEnd().split('\n')
    .map((line) => line.replace(/[\\<&]/g, '\\$&').replace(/^(#|<!--|---)/, '\\$1'));
  const joins = (next: string | undefined) => next !== undefined && next.trim() !== '' && !BLOCK_START.test(next);
  return lines.map((line, i) => (line.trim() !== '' && joins(lines[i + 1]) ? `${line}\\` : line)).join('\n');
}

/**
 * Reads a line back. Exports of earlier versions escaped only the markers at a line's start (`\#`, `\<!--`,
 * `\---`), which this reads the same way; their other backslashes stand for themselves unless they precede
 * one of the characters escaped now.
 */
function unescapeLine(line: string): string {
  const hardBreak = /(?:^|[^\\])(?:\\\\)*\\$/.test(line);
  const body = hardBreak ? line.slice(0, -1) : line;
  return body.replace(/\\([\\<&#-])/g, '$1');
}

/** A problem reading an export back, with the line it was found on. */
export class RecordFormatError extends Error {
  constructor(message: string, readonly line: number, readonly column = 1) {
    super(message);
    this.name = 'RecordFormatError';
  }
}

/** A front matter value written in quotes (as the export writes every value), read as the JSON string it is. */
function quotedValue(raw: string, line: number, column: number): string {
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value === 'string') return value;
  } catch {
    // Reported below, with the place of the quote.
  }
  throw new RecordFormatError(`the quoted value on line ${line} of the front matter is not closed or not valid: ${raw.length > 40 ? `${raw.slice(0, 40)}…` : raw}`, line, column);
}

/** Reads an exported record back. Accepts the Danish and the English section names. */
export function markdownToRecord(markdown: string): SeminarRecord {
  const lines = markdown.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n').split('\n');
  if (lines[0] !== '---') throw new RecordFormatError('not a samtale record: it must start with "---"', 1);
  const close = lines.indexOf('---', 1);
  if (close < 0) throw new RecordFormatError('the front matter is never closed with "---"', 1);
  const front: Record<string, string> = {};
  for (let i = 1; i < close; i++) {
    const match = /^(\w+):\s*(.*)$/.exec(lines[i]!);
    if (!match) throw new RecordFormatError(`cannot read line ${i + 1} of the front matter`, i + 1);
    const raw = match[2]!;
    front[match[1]!] = raw.startsWith('"') ? quotedValue(raw, i + 1, lines[i]!.length - raw.length + 1) : raw;
  }
  const statusOf = new Map<string, CardStatus>();
  for (const words of Object.values(recordWords)) for (const [status, word] of Object.entries(words.status)) statusOf.set(word, status as CardStatus);
  if (front['samtale'] !== 'record') throw new RecordFormatError('not a samtale record (no "samtale: record" line)', 2);
  if (!front['deck'] || !front['seminar']) throw new RecordFormatError('the record names no deck or seminar', 2);

  const record: SeminarRecord = { deck: front['deck'], seminar: front['seminar'], title: front['title'] ?? '', cards: {} };
  for (const key of ['municipality', 'date', 'place', 'startedAt'] as const) if (front[key] !== undefined) record[key] = front[key];
  if (front['rehearsal'] === 'true') record.rehearsal = true;

  const agreedNames = new Set(Object.values(recordWords).map((w) => w.agreed));
  const followNames = new Set(Object.values(recordWords).map((w) => w.followUp));
  let card: CardRecord | undefined;
  let field: 'agreed' | 'followUp' | undefined;
  let buffer: string[] = [];
  const flush = () => {
    if (card && field) card[field] = buffer.join('\n').trim();
    buffer = [];
  };
  for (let i = close + 1; i < lines.length; i++) {
    const line = lines[i]!;
    const marker = /^<!-- card: ([^\s·]+)(?: · \S+ (\S+) min · \S+ (\S+) min)?(?: · ([^·]+?))? -->$/.exec(line);
    if (marker) {
      flush();
      field = undefined;
      card = { agreed: '', followUp: '' };
      const [planned, actual] = [Number(marker[2]), Number(marker[3])];
      if (Number.isFinite(planned)) card.plannedMinutes = planned;
      if (Number.isFinite(actual)) card.actualMinutes = actual;
      const status = marker[4] === undefined ? undefined : statusOf.get(marker[4].trim());
      if (status) card.status = status;
      // A card id that names an object's own machinery would change the record's shape instead of adding to it.
      if (marker[1] !== '__proto__') record.cards[marker[1]!] = card;
      continue;
    }
    if (line.startsWith('## ')) {
      flush();
      field = undefined;
      continue;
    }
    const heading = /^### (.+)$/.exec(line);
    if (heading && card) {
      flush();
      field = agreedNames.has(heading[1]!.trim()) ? 'agreed' : followNames.has(heading[1]!.trim()) ? 'followUp' : undefined;
      continue;
    }
    if (field) buffer.push(unescapeLine(line));
  }
  flush();
  return record;
}

/** The seminar key for a deck held on a date; a second seminar the same day gets "-2", and so on. */
export function seminarKey(date: string, taken: readonly string[]): string {
  if (!taken.includes(date)) return date;
  for (let n = 2; ; n++) if (!taken.includes(`${date}-${n}`)) return `${date}-${n}`;
}
