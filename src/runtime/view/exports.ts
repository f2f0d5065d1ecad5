// The view's files: the record of what the council agreed (Markdown, JSON) and the times (CSV, JSON), all
// computed from the deck's latest snapshot, so they agree with each other and with the screen.
import { recordFileName, recordToJson } from '../../record/files.js';
import { recordToMarkdown } from '../../record/record.js';
import type { Plan } from '../seminar/plan.js';
import { recordCards, seminarRecord } from '../seminar/record.js';
import { exportRows, toCsv, toJson } from '../seminar/timing-export.js';
import type { Snapshot } from '../protocol.js';
import type { Strings } from '../strings/index.js';
import { download } from './download.js';

export type ExportKind = 'record-md' | 'record-json' | 'times-csv' | 'times-json';

export function exportFile(plan: Plan, snapshot: Snapshot, strings: Strings, kind: ExportKind): { text: string; name: string; type: string } {
  const language = strings.language;
  const seminar = snapshot.seminar;
  if (kind === 'record-md' || kind === 'record-json') {
    const record = seminarRecord(plan, seminar, snapshot.projection);
    const cards = recordCards(plan).map((card) => {
      const item = plan.items.find((i) => i.kind === 'card' && i.id === card.id);
      return item?.kind === 'card' && item.themeNumber !== undefined ? { ...card, themeNumber: item.themeNumber } : card;
    });
    const markdown = kind === 'record-md';
    return {
      text: markdown ? recordToMarkdown(record, cards, language) : recordToJson(record, cards, language),
      name: recordFileName(plan.deckId, seminar.id, language, markdown ? 'md' : 'json'),
      type: markdown ? 'text/markdown;charset=utf-8' : 'application/json',
    };
  }
  const csv = kind === 'times-csv';
  return {
    text: csv ? toCsv(exportRows(plan, snapshot.projection), language, strings.exportLabels) : toJson(plan, snapshot.projection, seminar, snapshot.now),
    name: `${plan.deckId}-${strings.fileWords.times}-${seminar.id}.${csv ? 'csv' : 'json'}`,
    type: csv ? 'text/csv;charset=utf-8' : 'application/json',
  };
}

export function downloadExport(doc: Document, plan: Plan, snapshot: Snapshot, strings: Strings, kind: ExportKind): void {
  const { text, name, type } = exportFile(plan, snapshot, strings, kind);
  download(doc, text, name, type);
}
