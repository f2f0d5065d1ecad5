// Planned against actual minutes per card, as CSV and JSON, for calibrating the next seminar.
//
// CSV follows the spreadsheet conventions of the deck's language: Danish uses
// ";" between fields and a decimal comma (what Excel expects in a Danish
// locale), English "," and a decimal point. A UTF-8 byte order mark makes
// Excel read æ, ø and å correctly. One row per card in the plan, in order.
import { type Language, decimalMinutes, formatClock, formatNumber } from '../kit/format.js';
import type { Plan } from './plan.js';
import type { Projection, RowStatus } from './projection.js';
import type { SeminarState } from './state.js';

export interface ExportRow {
  position: number;
  id: string;
  title: string;
  kind: string;
  themeNumber?: number;
  plannedMinutes: number;
  /** The minutes after re-plans and ±1 min, when they differ from the plan. */
  replannedMinutes?: number;
  actualMinutes: number;
  /** Actual minus planned. */
  differenceMinutes: number;
  status: RowStatus;
  /** "HH:MM" when it started. */
  started?: string;
}

/** Column headers and status words of the CSV, in the deck's language. */
export interface ExportLabels {
  columns: readonly [string, string, string, string, string, string, string, string, string, string];
  status: Record<RowStatus, string>;
}

export function exportRows(plan: Plan, projection: Projection): ExportRow[] {
  const rows: ExportRow[] = [];
  for (const row of projection.rows) {
    if (row.kind !== 'card') continue;
    const card = plan.items.find((i) => i.id === row.id);
    const actual = decimalMinutes(row.actualSeconds);
    const planned = row.plannedSeconds / 60;
    const out: ExportRow = {
      position: rows.length + 1,
      id: row.id,
      title: row.title ?? row.id,
      kind: card?.kind === 'card' ? card.cardKind : 'theme',
      plannedMinutes: planned,
      actualMinutes: actual,
      differenceMinutes: Math.round((actual - planned) * 10) / 10,
      status: row.status,
    };
    if (row.themeNumber !== undefined) out.themeNumber = row.themeNumber;
    if (row.effectiveSeconds !== row.plannedSeconds) out.replannedMinutes = row.effectiveSeconds / 60;
    if (row.start !== undefined && (row.status === 'done' || row.status === 'current')) out.started = formatClock(row.start, plan.language);
    rows.push(out);
  }
  return rows;
}

function csvField(value: string, separator: string): string {
  return value.includes(separator) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function toCsv(rows: readonly ExportRow[], language: Language, labels: ExportLabels): string {
  const separator = language === 'da' ? ';' : ',';
  const num = (n: number | undefined) => (n === undefined ? '' : formatNumber(n, language));
  const lines = [labels.columns.join(separator)];
  for (const row of rows) {
    const fields = [
      String(row.position),
      row.id,
      row.title,
      row.themeNumber === undefined ? '' : String(row.themeNumber),
      num(row.plannedMinutes),
      num(row.replannedMinutes),
      num(row.actualMinutes),
      num(row.differenceMinutes),
      labels.status[row.status],
      row.started ?? '',
    ];
    lines.push(fields.map((f) => csvField(f, separator)).join(separator));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The whole record of the seminar: plan and actual per card, breaks, pauses, sleeps and re-plans. */
export function toJson(plan: Plan, projection: Projection, state: SeminarState, exportedAt: number): string {
  const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());
  const record = {
    format: 'samtale-timing/1',
    deck: { id: plan.deckId, title: plan.title, language: plan.language },
    seminar: state.id,
    rehearsal: state.rehearsal,
    date: state.details.date,
    exportedAt: iso(exportedAt),
    plannedStart: iso(projection.plannedStart),
    plannedEnd: iso(projection.plannedEnd),
    actualStart: iso(projection.actualStart),
    actualEnd: iso(state.endedAt),
    projectedEnd: iso(projection.projectedEnd),
    deltaMinutes: decimalMinutes(projection.deltaSeconds),
    cards: exportRows(plan, projection),
    breaks: projection.rows
      .filter((row) => row.kind === 'break')
      .map((row) => ({ id: row.id, title: row.title, plannedMinutes: row.plannedSeconds / 60, actualMinutes: decimalMinutes(row.actualSeconds), status: row.status })),
    pauses: projection.pauses.map((p) => ({ from: iso(p.from), to: iso(p.to), minutes: decimalMinutes(p.seconds), cardId: p.cardId, breakId: p.breakId })),
    gaps: state.gaps.map((g) => ({ from: iso(g.from), to: iso(g.to), minutes: decimalMinutes((g.to - g.from) / 1000), cardId: g.cardId, kind: g.kind })),
    replans: state.replans.map((r) => ({ at: iso(r.at), kind: r.kind, cardIds: r.cardIds })),
  };
  return `${JSON.stringify(record, null, 2)}\n`;
}
