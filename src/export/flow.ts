// Building blocks shared by the handout and the guide: a flow (a part that starts on a new page), its
// continuation header, and card markup that the paginator can break between.
import type { Deck, DeckCard } from '../model.js';
import { nestHeadings } from '../pipeline/render/headings.js';
import { escapeHtml } from '../pipeline/render/html.js';
import type { PrintStrings } from './strings.js';

export interface FlowParts {
  id: string;
  /** Extra classes, e.g. "card". */
  className?: string;
  /** Small line above the title, e.g. "Tema 3 af 10". */
  kicker?: string;
  /** The flow's title: a real heading (and so a PDF bookmark) at `level`. */
  title: string;
  level?: 1 | 2;
  /** Rows after the heading, inside the header (e.g. planned times). */
  headExtra?: string;
  /** The rows: direct children, or inside `<div class="group">`. */
  body: string;
  cardId?: string;
}

/** The id of a card's flow, for the contents list's page numbers. */
export function flowId(cardId: string): string {
  return `flow-${cardId}`;
}

export function flowHtml(parts: FlowParts, strings: PrintStrings): string {
  const level = parts.level ?? 2;
  const kicker = parts.kicker ? `<p class="kicker">${escapeHtml(parts.kicker)}</p>` : '';
  const continued = `<div class="flow-continued" aria-hidden="true">${kicker}`
    + `<p class="continued-title">${escapeHtml(parts.title)} <span class="continued-mark">(${escapeHtml(strings.continued)})</span></p></div>`;
  const card = parts.cardId === undefined ? '' : ` data-card="${escapeHtml(parts.cardId)}"`;
  return `<article class="flow${parts.className ? ` ${parts.className}` : ''}" id="${escapeHtml(parts.id)}"${card}>
<template class="continued">${continued}</template>
<header class="flow-head keep-with-next">${kicker}<h${level}>${escapeHtml(parts.title)}</h${level}>${parts.headExtra ?? ''}</header>
${parts.body}
</article>`;
}

/** "Tema 3 af 10" for a theme card, "Introduktion" for an intro card. */
export function cardKicker(placed: DeckCard, themeCount: number, strings: PrintStrings): string {
  return placed.themeNumber === undefined ? strings.intro : strings.deck.theme(placed.themeNumber, themeCount);
}

/** Headings inside card prose and notes, nested under the heading they come under (level `under`). */
export const shiftHeadings = nestHeadings;

/** The cover's fact lines, as on the title slide: for whom; when and where; who leads it. Empty ones left out. */
export function coverLines(deck: Deck, strings: PrintStrings): string[] {
  const join = (parts: (string | undefined)[]) => parts.filter((s): s is string => Boolean(s)).join(' · ');
  return [
    join([deck.municipality ?? deck.organisation]),
    join([deck.date ? strings.deck.date(deck.date) : undefined, deck.place]),
    join([deck.facilitator ? strings.deck.facilitator(deck.facilitator) : undefined]),
  ].filter(Boolean);
}
