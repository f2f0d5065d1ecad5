// `samtale record FILE`: the PDF summary of what the council agreed, in the deck's branding.
//
// FILE is the record exported from the facilitator view (Markdown or JSON, src/record/files.ts). The
// summary names the seminar (council, date, place, facilitator); then, per card that was held or has
// text, the action question, what was agreed and who follows up; then the planned and actual minutes
// per card. It is printed like the other PDFs (src/export/): the theme's CSS and print CSS,
// the deck's branding, one Chromium tab, the document information set afterwards, the file written
// under a temporary name and renamed. The card titles and action questions are those the export was
// written with; the deck supplies its branding, theme numbers and anything the file lacks.
import { readFile } from 'node:fs/promises';
import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { loadDecks } from '../api.js';
import { themeColours } from '../assets/runtime-assets.js';
import { DeckError, EnvironmentError, type Diagnostic } from '../diagnostics/deck-error.js';
import type { Deck } from '../model.js';
import { brandingCss } from '../pipeline/branding.js';
import { listDeckIds } from '../pipeline/load.js';
import { escapeHtml } from '../pipeline/render/html.js';
import { stringsFor } from '../pipeline/render/strings.js';
import { readRecordFile, recordFileName, type RecordFile, type RecordFileCard } from '../record/files.js';
import { RecordFormatError, type SeminarRecord } from '../record/record.js';
import { PdfBrowser } from './browser.js';
import { printDocument } from './document.js';
import { withMetadata, type PdfMetadata } from './metadata.js';
import { GEOMETRY, mmToPx, pageCss } from './page.js';
import { loadPrintAssets } from './print-assets.js';
import { writeFilesAtomically } from './write-files.js';

export interface RecordSummaryOptions {
  /** The exported record (Markdown or JSON). */
  file: string;
  /** The deck whose branding and cards to use; by default the deck the record names. */
  deck?: string;
  /** A .pdf file, or a folder for `<deck>-aftaler-<seminar>.pdf`. By default FILE with `.pdf`. */
  out?: string;
  /** The project folder (with slides/). Defaults to the current folder. */
  root?: string;
  /** A browser executable, over SAMTALE_BROWSER and the usual search. */
  browser?: string;
}

export interface RecordSummaryResult {
  file: string;
  deck: string;
  seminar: string;
  /** Cards in the summary (held, or with something written). */
  cards: number;
  pages: number;
  bytes: number;
  diagnostics: Diagnostic[];
  warnings: string[];
}

/** A card as the summary shows it. */
export interface SummaryCard {
  id: string;
  title: string;
  themeNumber?: number;
  actionQuestion?: string;
  agreed: string;
  followUp: string;
  plannedMinutes?: number;
  actualMinutes?: number;
}

interface SummaryWords {
  product: string;
  subject: (title: string) => string;
  council: string;
  date: string;
  place: string;
  facilitator: string;
  times: string;
  columns: { card: string; planned: string; actual: string; difference: string };
  total: string;
  agreed: string;
  followUp: string;
  nothing: string;
  minutes: (planned: string | undefined, actual: string | undefined) => string;
  exported: (seminar: string) => string;
}

const WORDS: Record<'da' | 'en', SummaryWords> = {
  da: {
    product: 'Det aftalte vi',
    subject: (title) => `Det aftalte vi: kommunalbestyrelsens aftaler fra seminaret om ${title}`,
    council: 'Kommunalbestyrelse',
    date: 'Dato',
    place: 'Sted',
    facilitator: 'Facilitator',
    times: 'Tid pr. tema',
    columns: { card: 'Tema', planned: 'Planlagt', actual: 'Brugt', difference: 'Forskel' },
    total: 'I alt',
    agreed: 'Aftalt',
    followUp: 'Opfølgning',
    nothing: 'Intet noteret.',
    minutes: (planned, actual) => [planned && `Planlagt ${planned} min.`, actual && `brugt ${actual} min.`].filter(Boolean).join(' · '),
    exported: (seminar) => `Seminar ${seminar}`,
  },
  en: {
    product: 'What we agreed',
    subject: (title) => `What we agreed: the council’s agreements from the seminar on ${title}`,
    council: 'Council',
    date: 'Date',
    place: 'Place',
    facilitator: 'Facilitator',
    times: 'Time per theme',
    columns: { card: 'Theme', planned: 'Planned', actual: 'Used', difference: 'Difference' },
    total: 'Total',
    agreed: 'Agreed',
    followUp: 'Follow-up',
    nothing: 'Nothing noted.',
    minutes: (planned, actual) => [planned && `Planned ${planned} min`, actual && `used ${actual} min`].filter(Boolean).join(' · '),
    exported: (seminar) => `Seminar ${seminar}`,
  },
};

const GENERATOR = `samtale ${readVersion()}`;

/** Reads the record, loads the deck, prints the summary and writes it. */
export async function exportRecordSummary(options: RecordSummaryOptions): Promise<RecordSummaryResult> {
  const root = resolve(options.root ?? '.');
  const input = resolve(root, options.file);
  const parsed = await readRecord(input);
  const deckId = options.deck ?? parsed.record.deck;
  if (options.deck === undefined && !listDeckIds(root).includes(deckId)) {
    throw new EnvironmentError('E_RECORD_DECK', `${options.file} is the record of the deck "${deckId}", which is not in ${join(root, 'slides')}`,
      'Name the deck whose branding to use: --deck DECK');
  }
  const launching = PdfBrowser.launch(options.browser ? { browser: options.browser } : {});
  launching.catch(() => undefined);
  let browser: PdfBrowser | undefined;
  try {
    const { decks, diagnostics } = loadDecks({ root, decks: [deckId] });
    diagnostics.throwIfErrors();
    const deck = decks[0]!;
    const warnings: string[] = [];
    if (deck.id !== parsed.record.deck) warnings.push(`the record is of the deck "${parsed.record.deck}"; it is printed with the branding of "${deck.id}"`);
    const language = deck.language === 'en' ? 'en' : 'da';
    const cards = summaryCards(parsed, deck);
    const html = await recordSummaryHtml(parsed.record, cards, deck, language);
    const target = outputFile(options, root, input, parsed.record, language);

    browser = await launching;
    const printed = await browser.print({ label: `the summary of ${options.file}`, html: html.document, width: mmToPx(GEOMETRY.a4.width) });
    warnings.push(...printed.warnings);
    const described = await withMetadata(printed.bytes, html.metadata, printed.headings);
    const { makePdfUa } = await import('./pdfua/index.js');
    const { bytes, pages, warnings: accessibility } = await makePdfUa(described.bytes, printed.hints, html.metadata);
    warnings.push(...accessibility);
    const closing = browser.close();
    await writeFilesAtomically([{ path: target, bytes }]);
    await closing;
    return {
      file: target,
      deck: deck.id,
      seminar: parsed.record.seminar,
      cards: cards.filter(shown).length,
      pages,
      bytes: bytes.length,
      diagnostics: diagnostics.sorted(),
      warnings,
    };
  } finally {
    await (browser ?? (await launching.catch(() => undefined)))?.close();
  }
}

async function readRecord(file: string): Promise<RecordFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new EnvironmentError('E_RECORD_READ', `Cannot read ${file}: ${(error as Error).message}`,
      'Give the Markdown or JSON file downloaded from the facilitator view ("Hent Markdown" / "Hent JSON").');
  }
  try {
    return readRecordFile(text);
  } catch (error) {
    if (!(error instanceof RecordFormatError)) throw error;
    throw new DeckError([{
      code: 'E_RECORD_FORMAT',
      severity: 'error',
      message: error.message,
      file,
      line: error.line,
      column: 1,
      hint: 'Export the record again from the facilitator view ("Hent Markdown"), or fix the line.',
    }]);
  }
}

/** `--out` as a file or a folder, else FILE's name with `.pdf`. */
function outputFile(options: RecordSummaryOptions, root: string, input: string, record: SeminarRecord, language: 'da' | 'en'): string {
  if (options.out === undefined) return join(dirname(input), `${basename(input, extname(input))}.pdf`);
  const out = resolve(root, options.out);
  if (extname(out).toLowerCase() === '.pdf') return out;
  let folder = /[\\/]$/.test(options.out);
  try {
    folder ||= statSync(out).isDirectory();
  } catch {
    // Not there yet: a name without .pdf is a folder to make.
    folder = true;
  }
  return folder ? join(out, recordFileName(record.deck, record.seminar, language, 'pdf')) : out;
}

/**
 * The cards in deck order (then any the deck no longer has), with the titles and action questions the
 * export was written with, the deck's theme numbers, and the record's text and minutes.
 */
export function summaryCards(file: RecordFile, deck: Deck): SummaryCard[] {
  const fromFile = new Map<string, RecordFileCard>(file.cards.map((card) => [card.id, card]));
  const ids = [...deck.cards.map((placed) => placed.card.id)];
  for (const id of [...file.cards.map((c) => c.id), ...Object.keys(file.record.cards)]) if (!ids.includes(id)) ids.push(id);
  return ids.map((id) => {
    const placed = deck.cards.find((p) => p.card.id === id);
    const written = fromFile.get(id);
    const entry = file.record.cards[id];
    const card: SummaryCard = {
      id,
      title: written?.title ?? placed?.card.title ?? id,
      agreed: entry?.agreed ?? '',
      followUp: entry?.followUp ?? '',
    };
    const question = written?.actionQuestion ?? placed?.card.questions.find((q) => q.action)?.text;
    if (question) card.actionQuestion = question;
    const themeNumber = placed?.themeNumber ?? written?.themeNumber;
    if (themeNumber !== undefined) card.themeNumber = themeNumber;
    const planned = entry?.plannedMinutes ?? placed?.minutes;
    if (planned !== undefined) card.plannedMinutes = planned;
    if (entry?.actualMinutes !== undefined) card.actualMinutes = entry.actualMinutes;
    return card;
  });
}

/** A card gets its own section when it was held or something was written for it. */
const shown = (card: SummaryCard) => card.agreed.trim() !== '' || card.followUp.trim() !== '' || (card.actualMinutes ?? 0) > 0;

/** The print document: HTML (theme, branding, print CSS, page rules, the summary's own CSS) and its PDF metadata. */
export async function recordSummaryHtml(record: SeminarRecord, cards: readonly SummaryCard[], deck: Deck, language: 'da' | 'en'):
  Promise<{ document: string; metadata: PdfMetadata }> {
  const words = WORDS[language];
  const assets = await loadPrintAssets(deck.theme);
  const branding = deck.branding ? brandingCss(deck.branding, themeColours(deck.theme)) : '';
  const council = record.municipality ?? deck.municipality;
  const metadata: PdfMetadata = {
    title: `${words.product} – ${deck.title}${council ? ` – ${council}` : ''}`,
    author: council ?? deck.organisation ?? 'samtale',
    subject: words.subject(deck.title),
    language: deck.language,
    creator: GENERATOR,
    keywords: [words.product, deck.title, council, record.date].filter((k): k is string => Boolean(k)),
  };
  const footer = { left: `${words.product} · ${deck.title}`, pageWord: language === 'en' ? 'Page' : 'Side', ofWord: language === 'en' ? 'of' : 'af' };
  const document = printDocument({
    language: deck.language,
    title: metadata.title,
    author: metadata.author,
    subject: metadata.subject,
    generator: GENERATOR,
    htmlClass: 'samtale-print samtale-record',
    css: [assets.themeCss, branding, assets.printCss, pageCss(GEOMETRY.a4, footer), SUMMARY_CSS].filter(Boolean),
    body: summaryBody(record, cards, deck, language),
  });
  return { document, metadata };
}

function summaryBody(record: SeminarRecord, cards: readonly SummaryCard[], deck: Deck, language: 'da' | 'en'): string {
  const words = WORDS[language];
  const deckWords = stringsFor(language);
  const number = (n: number) => new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'da-DK', { maximumFractionDigits: 1 }).format(n);
  const themeCount = deck.cards.filter((c) => c.themeNumber !== undefined).length;
  const council = record.municipality ?? deck.municipality;
  const date = record.date ?? deck.date;
  const place = record.place ?? deck.place;
  const facts = [
    [words.council, council],
    [words.date, date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? deckWords.date(date) : date],
    [words.place, place],
    [words.facilitator, deck.facilitator],
  ].filter((row): row is [string, string] => Boolean(row[1]));
  const head = `<header class="cover-head record-head">
<div class="cover-logo" aria-hidden="true"></div>
<p class="kicker">${escapeHtml(words.product)}</p>
<h1>${escapeHtml(deck.title)}</h1>
${facts.length ? `<dl class="record-facts">${facts.map(([k, v]) => `<div><dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd></div>`).join('')}</dl>` : ''}
</header>`;

  const timed = cards.filter((c) => c.plannedMinutes !== undefined || c.actualMinutes !== undefined);
  const anyActual = timed.some((c) => c.actualMinutes !== undefined);
  let table = '';
  if (timed.length > 0) {
    const cell = (n: number | undefined) => (n === undefined ? '–' : number(n));
    const diff = (c: SummaryCard) => (c.plannedMinutes === undefined || !((c.actualMinutes ?? 0) > 0) ? '–' : signed(c.actualMinutes! - c.plannedMinutes, number));
    const rows = timed.map((c) => `<tr${(c.actualMinutes ?? 0) > 0 ? '' : ' class="record-not-held"'}><th scope="row">${c.themeNumber === undefined ? '' : `<span class="record-number">${c.themeNumber}.</span> `}${escapeHtml(c.title)}</th>`
      + `<td>${cell(c.plannedMinutes)}</td>${anyActual ? `<td>${cell(c.actualMinutes)}</td><td>${diff(c)}</td>` : ''}</tr>`).join('\n');
    const sum = (pick: (c: SummaryCard) => number | undefined) => timed.reduce((total, c) => total + (pick(c) ?? 0), 0);
    const planned = sum((c) => c.plannedMinutes);
    const actual = Math.round(sum((c) => c.actualMinutes) * 10) / 10;
    const held = timed.filter((c) => (c.actualMinutes ?? 0) > 0);
    const heldPlanned = held.reduce((total, c) => total + (c.plannedMinutes ?? 0), 0);
    const c = words.columns;
    table = `<section class="record-times">
<h2>${escapeHtml(words.times)}</h2>
<table>
<thead><tr><th scope="col">${escapeHtml(c.card)}</th><th scope="col">${escapeHtml(c.planned)}</th>${anyActual ? `<th scope="col">${escapeHtml(c.actual)}</th><th scope="col">${escapeHtml(c.difference)}</th>` : ''}</tr></thead>
<tbody>
${rows}
</tbody>
<tfoot><tr><th scope="row">${escapeHtml(words.total)}</th><td>${number(planned)}</td>${anyActual ? `<td>${number(actual)}</td><td>${held.length ? signed(actual - heldPlanned, number) : '–'}</td>` : ''}</tr></tfoot>
</table>
</section>`;
  }

  const sections = cards.filter(shown).map((card) => {
    const kicker = card.themeNumber === undefined ? '' : `<p class="kicker">${escapeHtml(deckWords.theme(card.themeNumber, themeCount))}</p>`;
    const minutes = words.minutes(card.plannedMinutes === undefined ? undefined : number(card.plannedMinutes), card.actualMinutes === undefined ? undefined : number(card.actualMinutes));
    const question = card.actionQuestion
      ? `<div class="handout-action"><p class="handout-action-label">${escapeHtml(deckWords.action)}</p><p class="action-question">${escapeHtml(card.actionQuestion)}</p></div>`
      : '';
    return `<section class="record-card" data-card="${escapeHtml(card.id)}">
<div class="record-card-head">${kicker}<h2>${escapeHtml(card.title)}</h2>${minutes ? `<p class="record-minutes">${escapeHtml(minutes)}</p>` : ''}</div>
${question}
<div class="record-entry"><p class="record-label">${escapeHtml(words.agreed)}</p>${textHtml(card.agreed, words.nothing)}</div>
${card.followUp.trim() ? `<div class="record-entry"><p class="record-label">${escapeHtml(words.followUp)}</p>${textHtml(card.followUp, words.nothing)}</div>` : ''}
</section>`;
  });
  // What was agreed first; the minutes, for whoever plans the next seminar, after it.
  return [head, ...sections, table].filter(Boolean).join('\n');
}

/** "+3,5" / "−2" / "0": the difference between actual and planned minutes. */
function signed(value: number, number: (n: number) => string): string {
  const rounded = Math.round(value * 10) / 10;
  return rounded > 0 ? `+${number(rounded)}` : rounded < 0 ? `−${number(-rounded)}` : '0';
}

/** Typed text as it was typed: paragraphs at blank lines, line breaks kept, nothing read as Markdown or HTML. */
function textHtml(text: string, nothing: string): string {
  const paragraphs = text.replace(/\r\n/g, '\n').trim().split(/\n\s*\n/).filter((p) => p.trim() !== '');
  if (paragraphs.length === 0) return `<p class="record-text record-nothing">${escapeHtml(nothing)}</p>`;
  return paragraphs.map((p) => `<p class="record-text">${escapeHtml(p)}</p>`).join('');
}

/** The summary's own layout, over the theme's tokens and the print CSS (cover head, kicker, action box). */
const SUMMARY_CSS = `
html.samtale-record { font-size: var(--print-font-size); line-height: 1.4; }
.samtale-record .record-head { margin: 0 0 8mm; padding-top: 2mm; }
.samtale-record .record-head h1 { font-size: 2.2rem; }
.samtale-record .record-facts { display: grid; grid-template-columns: max-content 1fr; gap: 1mm 6mm; margin: 4mm 0 0; }
.samtale-record .record-facts > div { display: contents; }
.samtale-record .record-facts dt { font-weight: 700; color: var(--samtale-color-muted); }
.samtale-record .record-facts dd { margin: 0; }
.samtale-record h2 { margin: 0 0 3mm; font-size: 1.45rem; line-height: 1.2; color: var(--samtale-color-primary); break-after: avoid; }
.samtale-record .record-times { margin: 10mm 0 0; break-inside: avoid; }
.samtale-record table { width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums; }
.samtale-record th, .samtale-record td { padding: 1.4mm 2mm; border-bottom: 0.3mm solid var(--samtale-color-rule); text-align: right; vertical-align: baseline; }
.samtale-record thead th { font-size: 0.8rem; letter-spacing: 0.04em; text-transform: uppercase; color: var(--samtale-color-muted); border-bottom-width: 0.5mm; }
.samtale-record th:first-child { text-align: left; font-weight: 400; }
.samtale-record thead th:first-child { font-weight: 700; }
.samtale-record tfoot th, .samtale-record tfoot td { font-weight: 700; border-bottom: 0; border-top: 0.5mm solid var(--samtale-color-rule); }
.samtale-record .record-number { color: var(--samtale-color-muted); }
.samtale-record .record-not-held { color: var(--samtale-color-muted); }
.samtale-record .record-card { margin: 0 0 8mm; padding-top: 5mm; border-top: 0.5mm solid var(--samtale-color-rule); break-inside: avoid; }
.samtale-record .record-card-head { break-after: avoid; }
.samtale-record .record-card h2 { margin-bottom: 1mm; }
.samtale-record .record-minutes { margin: 0 0 3mm; font-size: 0.9rem; color: var(--samtale-color-muted); font-variant-numeric: tabular-nums; }
.samtale-record .handout-action { margin-bottom: 4mm; break-inside: avoid; }
.samtale-record .handout-action .action-question { font-size: 1.05rem; }
.samtale-record .record-entry { margin: 0 0 3mm; }
.samtale-record .record-label { margin: 0 0 1mm; font-size: 0.78rem; font-weight: 700; letter-spacing: 0.05em; text-transform: uppercase; color: var(--samtale-color-primary); break-after: avoid; }
.samtale-record .record-text { margin: 0 0 2mm; font-size: 1.1rem; white-space: pre-line; overflow-wrap: anywhere; orphans: 3; widows: 3; }
.samtale-record .record-nothing { font-size: 1rem; font-style: italic; color: var(--samtale-color-muted); }
`;

function readVersion(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}
