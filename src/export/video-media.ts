// Videos on paper: the slides' own poster, link and QR code (render/video.ts), with each poster image inlined.
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Deck, Video } from '../model.js';
import { mediaFile } from '../pipeline/media-paths.js';

const IMAGE_TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png', '.webp': 'image/webp', '.gif': 'image/gif', '.svg': 'image/svg+xml', '.avif': 'image/avif',
};

/**
 * The deck as the print documents render it: every video with a local poster gets it as a data: URL (print
 * documents load no files) and no player (`built.src` stays unset, so the slide shows poster, link and QR).
 * A poster that cannot be read is left out; `samtale check` and the build report it.
 */
export async function withPrintPosters(deck: Deck): Promise<Deck> {
  const posters = new Map<Video, string>();
  await Promise.all(deck.cards.flatMap(({ card }) => card.videos.map(async (video) => {
    const poster = await posterDataUrl(video);
    if (poster) posters.set(video, poster);
  })));
  const swap = (video: Video): Video => {
    const { built: _built, ...rest } = video;
    const poster = posters.get(video);
    return poster ? { ...rest, built: { poster } } : rest;
  };
  return {
    ...deck,
    cards: deck.cards.map((placed) => ({
      ...placed,
      card: {
        ...placed.card,
        videos: placed.card.videos.map(swap),
        body: placed.card.body.map((block) => (block.type === 'video' ? { ...block, video: swap(block.video) } : block)),
      },
    })),
  };
}

/** A video's local poster as a data: URL, or undefined when it has none, or it cannot be read. */
export async function posterDataUrl(video: Video): Promise<string | undefined> {
  const file = mediaFile(video, 'poster');
  const type = file ? IMAGE_TYPES[extname(file).toLowerCase()] : undefined;
  if (!file || !type) return undefined;
  try {
    return `data:${type};base64,${(await readFile(file)).toString('base64')}`;
  } catch {
    return undefined;
  }
}
