// Replacing the videos of a deck's cards (built media, a manifest's overrides) without changing the shared cards.
import type { Card, Deck, Video } from '../model.js';

/** The card with `swap` applied to each video, in `videos` and in the body alike; the card itself if nothing changed. */
export function mapCardVideos(card: Card, swap: (video: Video) => Video): Card {
  const videos = card.videos.map(swap);
  if (videos.every((video, i) => video === card.videos[i])) return card;
  const swapped = new Map(card.videos.map((video, i) => [video, videos[i]!]));
  return {
    ...card,
    videos,
    body: card.body.map((block) => (block.type === 'video' ? { ...block, video: swapped.get(block.video) ?? block.video } : block)),
  };
}

/** The deck with `swap` applied to every video of its cards. */
export function mapDeckVideos(deck: Deck, swap: (video: Video) => Video): Deck {
  const cards = deck.cards.map((placed) => {
    const card = mapCardVideos(placed.card, swap);
    return card === placed.card ? placed : { ...placed, card };
  });
  return cards.every((placed, i) => placed === deck.cards[i]) ? deck : { ...deck, cards };
}
