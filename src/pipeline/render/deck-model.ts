// The resolved deck as JSON, embedded in the built HTML for the runtime, tools and tests.
import type { Deck } from '../../model.js';
import { dayMinutes } from '../day-plan.js';
import { clockAfter } from '../resolve.js';
import { guidanceHtml } from './guidance.js';

/** reveal.js options the deck passes to the runtime; the runtime owns the defaults. */
export interface RevealOptions {
  [option: string]: unknown;
}

/** The JSON shape of `<script type="application/json" id="samtale-deck">`. */
export function deckModel(deck: Deck, reveal: RevealOptions, generator: string) {
  return {
    generator,
    id: deck.id,
    title: deck.title,
    subtitle: deck.subtitle,
    language: deck.language,
    theme: deck.theme,
    organisation: deck.organisation,
    municipality: deck.municipality,
    facilitator: deck.facilitator,
    extends: deck.extends,
    baseDecks: deck.baseDecks,
    branding: deck.branding ? { primary: deck.branding.primary, accent: deck.branding.accent, logo: Boolean(deck.branding.logo) } : undefined,
    date: deck.date,
    place: deck.place,
    start: deck.start,
    /** The whole day: the welcome, the cards, the breaks and the closing. */
    plannedSeconds: dayMinutes(deck).total * 60,
    welcome: { minutes: deck.welcome.minutes, plannedSeconds: deck.welcome.minutes * 60 },
    closing: { minutes: deck.closing.minutes, plannedSeconds: deck.closing.minutes * 60, plannedStart: clockAfter(deck.start, dayMinutes(deck).closingOffset) },
    breaks: deck.breaks.map((b) => ({ title: b.title, minutes: b.minutes, plannedSeconds: b.minutes * 60, plannedStart: clockAfter(deck.start, b.offsetMinutes), afterCard: b.afterCard })),
    cards: deck.cards.map(({ card, minutes, offsetMinutes, themeNumber, guidance }) => ({
      id: card.id,
      title: card.title,
      kind: card.kind,
      minutes,
      plannedSeconds: minutes * 60,
      plannedStart: clockAfter(deck.start, offsetMinutes),
      themeNumber,
      questions: card.questions.map((q) => ({ text: q.text, html: q.html, action: q.action })),
      quotes: card.quotes.map((q) => ({ text: q.text, html: q.html, source: q.sourceText, sourceHtml: q.sourceHtml })),
      notes: guidanceHtml(guidance.card),
      videos: card.videos.map(({ source: _source, ...video }) => video),
    })),
    reveal,
  };
}

export type DeckModel = ReturnType<typeof deckModel>;
