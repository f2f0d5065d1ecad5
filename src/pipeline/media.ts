// Build stage: a deck's local video media, copied into `media/` beside its HTML under content-hashed names.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { Diagnostics } from '../diagnostics/deck-error.js';
import type { BuiltVideoMedia, Deck, Video } from '../model.js';
import type { OutputFile } from './emit.js';
import { mapDeckVideos } from './card-videos.js';
import { mediaFile } from './media-paths.js';

/** One file the deck's folder gets: `media/<hash>.<ext>`, copied from `from`. */
export interface MediaCopy {
  path: string;
  from: string;
}

/** A deck whose videos know their built media, and the files to copy. */
export interface DeckMedia {
  deck: Deck;
  files: MediaCopy[];
}

/** Content hashes by absolute path, shared by the decks of one build (the same file is hashed once). */
export type MediaCache = Map<string, string>;

/**
 * Gives every local video, poster and captions file of the deck its built form: videos and posters become
 * `media/<first 16 hex digits of SHA-256>.<ext>` (a changed file gets a new name, so no browser or USB-stick
 * copy shows a stale one); captions are inlined, since browsers refuse caption files from file:// pages.
 * Problems (a file gone or unreadable since the check) are reported at the value's position.
 */
export function collectMedia(deck: Deck, diagnostics: Diagnostics, cache: MediaCache = new Map()): DeckMedia {
  const files = new Map<string, MediaCopy>();
  const built = new Map<Video, Video>();
  for (const { card } of deck.cards) {
    for (const video of card.videos) {
      const media: BuiltVideoMedia = {};
      for (const key of ['src', 'poster'] as const) {
        const file = mediaFile(video, key);
        if (!file) continue;
        const hash = read(file, video, key, diagnostics, (bytes) => contentHash(bytes), cache);
        if (hash === undefined) continue;
        const path = `media/${hash}${extname(file).toLowerCase()}`;
        files.set(path, { path, from: file });
        media[key] = path;
      }
      const captions = mediaFile(video, 'captions');
      if (captions) {
        const text = read(captions, video, 'captions', diagnostics, (bytes) => bytes.toString('utf8').replace(/^\uFEFF/, ''));
        if (text !== undefined) media.captionsText = text;
      }
      if (Object.keys(media).length > 0) built.set(video, { ...video, built: media });
    }
  }
  return {
    deck: mapDeckVideos(deck, (video) => built.get(video) ?? video),
    files: [...files.values()].sort((a, b) => a.path.localeCompare(b.path)),
  };
}

/** The media files' bytes, for the emit stage (read now, so only one deck's media is in memory at a time). */
export function mediaOutputFiles(media: DeckMedia): OutputFile[] {
  return media.files.map((copy) => ({ path: copy.path, content: readFileSync(copy.from) }));
}

function contentHash(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 16);
}

function read<T>(file: string, video: Video, key: 'src' | 'poster' | 'captions', diagnostics: Diagnostics,
  use: (bytes: Buffer) => T, cache?: Map<string, T>): T | undefined {
  const known = cache?.get(file);
  if (known !== undefined) return known;
  try {
    const value = use(readFileSync(file));
    cache?.set(file, value);
    return value;
  } catch (error) {
    const at = video.source.media?.[key] ?? { file: video.source.file, line: video.source.startLine, column: 1 };
    diagnostics.error('E_MEDIA_UNREADABLE', `${key} "${video[key]}" cannot be read: ${(error as Error).message}`, at,
      'check that the file is still there and that you may read it');
    return undefined;
  }
}
