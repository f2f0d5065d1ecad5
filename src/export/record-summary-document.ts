// The record summary as a print document: what the council agreed, short enough to hand out on one or two pages.
//
// Each card with an agreement gets its action question, what was agreed and who follows up. The other theme
// cards share one list, a line each ("drøftet, intet aftalt" / "ikke drøftet"). The planned and used minutes
// per card, for whoever plans the next seminar, only when asked for (`samtale record --times`), in whole
// minutes and the deck language's number format.
import type { Deck } from '../model.js';
import { brandingCss } from '../pipeline/branding.js';
import { escapeHtml } from '../pipeline/render/html.js';
import { stringsFor } from '../pipeline/render/strings.js';
import type { RecordFile, RecordFileCard } from '../record/files.js';
import type { SeminarRecord } from '../record/record.js';
import { themeColours } from '../assets/runtime-assets.js';
import { printDocument } from './document.js';
import type { PdfMetadata } from './metadata.js';
import { GEOMETRY, pageCss } from './page.js';
import { loadPrintAssets } from './print-assets.js';

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

export interface SummaryOptions {
  /** Add the table of planned and used minutes per card. */
  times?: boolean;
  generator: string;
}

interface SummaryWords {
  product: string;
  subject: (title: string) => string;
  council: string;
  date: string;
  place: string;
  facilitator: string;
  others: string;
  held: string;
  notHeld: string;
  times: string;
  columns: { card: string; planned: string; actual: string; difference: string };
  total: string;
  agreed: string;
  followUp: string;
  nothing: string;
}

const WORDS: Record<'da' | 'en', SummaryWords> = {
  da: {
    product: 'Det aftalte vi',
    subject: (title) => `Det aftalte vi: kommunalbestyrelsens aftaler fra seminaret om ${title}`,
    council: 'Kommunalbestyrelse',
    date: 'Dato',
    place: 'Sted',
    facilitator: 'Facilitator',
    others: 'Temaer uden aftaler',
    held: 'drøftet, intet aftalt',
    notHeld: 'ikke drøftet',
    times: 'Tid pr. tema (minutter)',
    columns: { card: 'Tema', planned: 'Planlagt', actual: 'Brugt', difference: 'Forskel' },
    total: 'I alt',
    agreed: 'Aftalt',
    followUp: 'Opfølgning',
    nothing: 'Intet noteret.',
  },
  en: {
    product: 'What we agreed',
    subject: (title) => `What we agreed: the council’s agreements from the seminar on ${title}`,
    council: 'Council',
    date: 'Date',
    place: 'Place',
    facilitator: 'Facilitator',
    others: 'Themes without agreements',
    held: 'discussed, nothing agreed',
    notHeld: 'not discussed',
    times: 'Time per theme (minutes)',
    columns: { card: 'Theme', planned: 'Planned', actual: 'Used', difference: 'Difference' },
    total: 'Total',
    agreed: 'Agreed',
    followUp: 'Follow-up',
    nothing: 'Nothing noted.',
  },
};

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

/** A card gets its own section when something was agreed or someone follows up. */
export const hasAgreement = (card: SummaryCard) => card.agreed.trim() !== '' || card.followUp.trim() !== '';

/** A theme card, or any card something was written for: the ones the summary accounts for. */
const isTheme = (card: SummaryCard) => card.themeNumber !== undefined || card.actionQuestion !== undefined || hasAgreement(card);

/** The print document: HTML (theme, branding, print CSS, page rules, the summary's own CSS) and its PDF metadata. */
export async function recordSummaryHtml(record: SeminarRecord, cards: readonly SummaryCard[], deck: Deck, language: 'da' | 'en', options: SummaryOptions):
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
    creator: options.generator,
    keywords: [words.product, deck.title, council, record.date].filter((k): k is string => Boolean(k)),
  };
  const footer = { left: `${words.product} · ${deck.title}`, pageWord: language === 'en' ? 'Page' : 'Side', ofWord: language === 'en' ? 'of' : 'af' };
  const document = printDocument({
    language: deck.language,
    title: metadata.title,
    author: metadata.author,
    subject: metadata.subject,
    generator: options.generator,
    htmlClass: 'samtale-print samtale-record',
    css: [assets.themeCss, branding, assets.printCss, pageCss(GEOMETRY.a4, footer), SUMMARY_CSS].filter(Boolean),
    body: summaryBody(record, cards, deck, language, options.times ?? false),
  });
  return { document, metadata };
}

function summaryBody(record: SeminarRecord, cards: readonly SummaryCard[], deck: Deck, language: 'da' | 'en', times: boolean): string {
  const words = WORDS[language];
  const deckWords = stringsFor(language);
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

  const sections = cards.filter(hasAgreement).map((card) => {
    const kicker = card.themeNumber === undefined ? '' : `<p class="kicker">${escapeHtml(deckWords.theme(card.themeNumber, themeCount))}</p>`;
    const question = card.actionQuestion
      ? `<div class="handout-action"><p class="handout-action-label">${escapeHtml(deckWords.action)}</p><p class="action-question" dir="auto">${escapeHtml(card.actionQuestion)}</p></div>`
      : '';
    return `<section class="record-card" data-card="${escapeHtml(card.id)}">
<div class="record-card-head">${kicker}<h2>${escapeHtml(card.title)}</h2></div>
${question}
<div class="record-entry"><p class="record-label">${escapeHtml(words.agreed)}</p>${textHtml(card.agreed, words.nothing)}</div>
${card.followUp.trim() ? `<div class="record-entry"><p class="record-label">${escapeHtml(words.followUp)}</p>${textHtml(card.followUp, words.nothing)}</div>` : ''}
</section>`;
  });

  // The rest, a line each; whether they were discussed only when the record knows the minutes.
  const others = cards.filter((card) => isTheme(card) && !hasAgreement(card));
  const known = cards.some((card) => card.actualMinutes !== undefined);
  const list = others.length === 0 ? '' : `<section class="record-others">
<h2>${escapeHtml(words.others)}</h2>
<ul>
${others.map((card) => `<li data-card="${escapeHtml(card.id)}">${numbered(card)}`
    + `${known ? ` <span class="record-state">– ${escapeHtml((card.actualMinutes ?? 0) > 0 ? words.held : words.notHeld)}</span>` : ''}</li>`).join('\n')}
</ul>
</section>`;

  return [head, ...sections, list, times ? timesTable(cards, words, language) : ''].filter(Boolean).join('\n');
}

function numbered(card: SummaryCard): string {
  return `${card.themeNumber === undefined ? '' : `<span class="record-number">${card.themeNumber}.</span> `}${escapeHtml(card.title)}`;
}

/** Planned against used minutes, whole minutes in the deck's number format; the differences add up to the total's. */
function timesTable(cards: readonly SummaryCard[], words: SummaryWords, language: 'da' | 'en'): string {
  const format = new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'da-DK', { maximumFractionDigits: 0 });
  const whole = (n: number | undefined) => (n === undefined ? undefined : Math.round(n));
  const timed = cards.filter((c) => c.plannedMinutes !== undefined || c.actualMinutes !== undefined)
    .map((c) => ({ card: c, planned: whole(c.plannedMinutes), actual: whole(c.actualMinutes) }));
  if (timed.length === 0) return '';
  const anyActual = timed.some((t) => t.actual !== undefined);
  const held = (t: (typeof timed)[number]) => (t.actual ?? 0) > 0;
  const cell = (n: number | undefined) => (n === undefined ? '–' : format.format(n));
  const signed = (n: number) => (n > 0 ? `+${format.format(n)}` : n < 0 ? `−${format.format(-n)}` : '0');
  const diff = (t: (typeof timed)[number]) => (t.planned === undefined || !held(t) ? '–' : signed(t.actual! - t.planned));
  const rows = timed.map((t) => `<tr${held(t) ? '' : ' class="record-not-held"'}><th scope="row">${numbered(t.card)}</th>`
    + `<td>${cell(t.planned)}</td>${anyActual ? `<td>${cell(t.actual)}</td><td>${diff(t)}</td>` : ''}</tr>`).join('\n');
  const sum = (values: (number | undefined)[]) => values.reduce<number>((total, n) => total + (n ?? 0), 0);
  const planned = sum(timed.map((t) => t.planned));
  const actual = sum(timed.map((t) => t.actual));
  const heldPlanned = sum(timed.filter(held).map((t) => t.planned));
  const c = words.columns;
  return `<section class="record-times">
<h2>${escapeHtml(words.times)}</h2>
<table>
<thead><tr><th scope="col">${escapeHtml(c.card)}</th><th scope="col">${escapeHtml(c.planned)}</th>${anyActual ? `<th scope="col">${escapeHtml(c.actual)}</th><th scope="col">${escapeHtml(c.difference)}</th>` : ''}</tr></thead>
<tbody>
${rows}
</tbody>
<tfoot><tr><th scope="row">${escapeHtml(words.total)}</th><td>${cell(planned)}</td>${anyActual ? `<td>${cell(actual)}</td><td>${timed.some(held) ? signed(actual - heldPlanned) : '–'}</td>` : ''}</tr></tfoot>
</table>
</section>`;
}

/** Typed text as it was typed: paragraphs at blank lines, line breaks kept, nothing read as Markdown or HTML. */
function textHtml(text: string, nothing: string): string {
  const paragraphs = text.replace(/\r\n/g, '\n').trim().split(/\n\s*\n/).filter((p) => p.trim() !== '');
  if (paragraphs.length === 0) return `<p class="record-text record-nothing">${escapeHtml(nothing)}</p>`;
  return paragraphs.map((p) => `<p class="record-text" dir="auto">${escapeHtml(p)}</p>`).join('');
}

/** The summary's own layout, over the theme's tokens and the print CSS (cover head, kicker, action box). */
const SUMMARY_CSS = `
html.samtale-record { font-size: var(--print-font-size); line-height: 1.4; }
.samtale-record .record-head { margin: 0 0 5mm; padding-top: 0; }
.samtale-record .record-head .kicker::before { margin-bottom: 4mm; }
.samtale-record .record-head h1 { font-size: 2.2rem; }
.samtale-record .record-facts { display: grid; grid-template-columns: max-content 1fr; gap: 1mm 6mm; margin: 4mm 0 0; }
.samtale-record .record-facts > div { display: contents; }
.samtale-record .record-facts dt { font-weight: 700; color: var(--samtale-color-muted); }
.samtale-record .record-facts dd { margin: 0; }
.samtale-record h2 { margin: 0 0 2mm; font-size: 1.35rem; line-height: 1.2; color: var(--samtale-color-primary); break-after: avoid; }
.samtale-record .record-card { margin: 0 0 5mm; padding-top: 4mm; border-top: 0.5mm solid var(--samtale-color-rule); break-inside: avoid; }
.samtale-record .record-card-head { break-after: avoid; }
.samtale-record .handout-action { margin-bottom: 3mm; padding: 3mm 4mm; break-inside: avoid; }
.samtale-record .handout-action .action-question { font-size: 1.05rem; }
.samtale-record .record-entry { margin: 0 0 2mm; }
.samtale-record .record-label { margin: 0 0 1mm; font-size: 0.78rem; font-weight: 700; letter-spacing: 0.05em; text-transform: uppercase; color: var(--samtale-color-primary); break-after: avoid; }
.samtale-record .record-text { margin: 0 0 1.5mm; font-size: 1.1rem; white-space: pre-line; overflow-wrap: anywhere; orphans: 3; widows: 3; }
.samtale-record .record-nothing { font-size: 1rem; font-style: italic; color: var(--samtale-color-muted); }
.samtale-record .record-others { margin: 0 0 5mm; padding-top: 4mm; border-top: 0.5mm solid var(--samtale-color-rule); }
.samtale-record .record-others ul { margin: 0; padding: 0; list-style: none; }
.samtale-record .record-others li { margin: 0 0 1mm; }
.samtale-record .record-state { color: var(--samtale-color-muted); }
.samtale-record .record-number { color: var(--samtale-color-muted); font-variant-numeric: tabular-nums; }
.samtale-record .record-times { margin: 6mm 0 0; break-inside: avoid; }
.samtale-record table { width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums; }
.samtale-record th, .samtale-record td { padding: 1.2mm 2mm; border-bottom: 0.3mm solid var(--samtale-color-rule); text-align: right; vertical-align: baseline; }
.samtale-record thead th { font-size: 0.8rem; letter-spacing: 0.04em; text-transform: uppercase; color: var(--samtale-color-muted); border-bottom-width: 0.5mm; }
.samtale-record th:first-child { text-align: left; font-weight: 400; }
.samtale-record thead th:first-child { font-weight: 700; }
.samtale-record tfoot th, .samtale-record tfoot td { font-weight: 700; border-bottom: 0; border-top: 0.5mm solid var(--samtale-color-rule); }
.samtale-record .record-not-held { color: var(--samtale-color-muted); }
`;
