// What to say when a manifest names a card that does not exist: the card whose file has that name (and its
// real id), else a did-you-mean that looks at the deck's own cards before the shared ones.
import { basename, dirname, relative } from 'node:path';
import { didYouMean } from '../diagnostics/suggest.js';
import type { Card } from '../model.js';
import { normaliseId } from '../project/ids.js';
import type { MergedManifest } from './manifest-chain.js';

export interface DeckCardsContext {
  /** The project folder, for paths in the hint. */
  root?: string;
  /** The deck and the decks it extends, nearest first: a deck's own cards carry its id (content/<id>/, "<id>-…"). */
  deckIds: readonly string[];
  /** The cards the decks it extends list: the shared ones. */
  baseCardIds: ReadonlySet<string>;
}

/** The deck's chain as the hint needs it. */
export function deckCards(merged: MergedManifest, root: string | undefined): DeckCardsContext {
  const entries = merged.chain.slice(1).flatMap((m) => m.validated.value.cards ?? []);
  const baseCardIds = new Set(entries.flatMap((entry) => (typeof entry === 'string' ? [entry] : 'card' in entry ? [entry.card] : [])).map(normaliseId));
  return { ...(root ? { root } : {}), deckIds: merged.chain.map((m) => m.file.id), baseCardIds };
}

/** The hint for an unknown card id. */
export function unknownCardHint(id: string, cards: ReadonlyMap<string, Card>, context: DeckCardsContext): string {
  const all = [...cards.values()];
  const byFileName = all.find((card) => fileId(card) === id);
  if (byFileName) {
    const file = context.root ? relative(context.root, byFileName.file) : basename(byFileName.file);
    return `"${id}" is the file name of ${file}, whose id is "${byFileName.id}": write "${byFileName.id}", or change the card's "id:" to its file name`;
  }
  const ids = ownFirst(all, context).map((card) => card.id);
  const own = ids.filter((cardId) => !context.baseCardIds.has(cardId));
  const guess = didYouMean(id, own) ?? didYouMean(id, ids);
  if (guess) return `did you mean "${guess}"?`;
  // A slip in a file name that is not the card's id.
  const nearFile = didYouMean(id, all.map(fileId));
  const byNearFile = nearFile === undefined ? undefined : all.find((card) => fileId(card) === nearFile && card.id !== nearFile);
  if (byNearFile) return `did you mean the card in ${basename(byNearFile.file)}? Its id is "${byNearFile.id}": write that`;
  return `expected a card id: ${ids.slice(0, 12).map((c) => `"${c}"`).join(', ')}${ids.length > 12 ? ', …' : ''}`;
}

/** The cards with the deck's own first: named or filed after the deck, then others no base deck lists, then the shared ones. */
function ownFirst(cards: readonly Card[], context: DeckCardsContext): Card[] {
  const rank = (card: Card) => {
    if (context.deckIds.some((deck) => card.id.startsWith(`${deck}-`) || basename(dirname(card.file)) === deck)) return 0;
    return context.baseCardIds.has(card.id) ? 2 : 1;
  };
  return cards.map((card, i) => ({ card, i, rank: rank(card) })).sort((a, b) => a.rank - b.rank || a.i - b.i).map((entry) => entry.card);
}

/** The id a card's file name gives: its name without ".md". */
export function fileId(card: Pick<Card, 'file'>): string {
  return normaliseId(basename(card.file).replace(/\.md$/i, ''));
}
