// The day's plan as a whole: the welcome, the cards and breaks in order, the closing, and when the day ends.
import type { Deck, DeckBreak, DeckCard } from '../model.js';

type DayDeck = Pick<Deck, 'welcome' | 'cards' | 'breaks' | 'closing'>;

export interface DayMinutes {
  /** Minutes from the start to the closing: the welcome, every card and every break. */
  closingOffset: number;
  /** Minutes from the start to the planned end, the closing included. */
  total: number;
}

/** One part of the day, with its minutes from the deck's start: what an agenda lists. */
export type DayEntry = { offset: number; minutes: number } & (
  | { kind: 'welcome' }
  | { kind: 'card'; placed: DeckCard }
  | { kind: 'break'; item: DeckBreak }
  | { kind: 'closing' }
);

/** Where the closing starts and the day ends, in minutes from the deck's start. */
export function dayMinutes(deck: DayDeck): DayMinutes {
  const closingOffset = deck.welcome.minutes
    + deck.cards.reduce((sum, c) => sum + c.minutes, 0)
    + deck.breaks.reduce((sum, b) => sum + b.minutes, 0);
  return { closingOffset, total: closingOffset + deck.closing.minutes };
}

/** The day in order: the welcome and the closing when they have minutes, and every card and break between. */
export function dayEntries(deck: DayDeck): DayEntry[] {
  const middle: DayEntry[] = [
    ...deck.cards.map((placed): DayEntry => ({ kind: 'card', offset: placed.offsetMinutes, minutes: placed.minutes, placed })),
    ...deck.breaks.map((item): DayEntry => ({ kind: 'break', offset: item.offsetMinutes, minutes: item.minutes, item })),
  ];
  // A break of no minutes shares its offset with the card after it, and comes first.
  const order = (entry: DayEntry) => entry.offset - (entry.kind === 'break' ? 0.5 : 0);
  middle.sort((a, b) => order(a) - order(b));
  const { closingOffset } = dayMinutes(deck);
  return [
    ...(deck.welcome.minutes > 0 ? [{ kind: 'welcome', offset: 0, minutes: deck.welcome.minutes } as const] : []),
    ...middle,
    ...(deck.closing.minutes > 0 ? [{ kind: 'closing', offset: closingOffset, minutes: deck.closing.minutes } as const] : []),
  ];
}
