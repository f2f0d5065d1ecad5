// A manifest's `videos:` points a card's video (by its id) to other files, e.g. a downloaded copy, without touching the card.
import { dirname } from 'node:path';
import { isMap, isScalar, parseDocument } from 'yaml';
import { offsetToPosition } from '../config/validate-yaml.js';
import type { VideoOverride } from '../config/schemas.js';
import type { Diagnostics } from '../diagnostics/deck-error.js';
import { suggestionHint } from '../diagnostics/suggest.js';
import type { DeckCard, SourcePosition, Video } from '../model.js';
import { mapCardVideos } from './card-videos.js';
import { normaliseId } from '../project/ids.js';
import { checkVideoFiles } from './media-paths.js';
import { checkMediaValue } from './video-check.js';
import { classifyVideoSource, isProblem, watchUrl, type MediaKey } from './video-source.js';

/** The manifest that set `videos:`: its file and text, and where its values were written. */
export interface VideoOverrideSource {
  file: string;
  text: string;
  positionOf(path: (string | number)[]): SourcePosition;
  /** The project folder; media must stay inside it. Defaults to the folder above the manifest's (`slides/..`). */
  root?: string;
}

const KEYS: readonly MediaKey[] = ['src', 'poster', 'captions'];

/** The deck's cards with the overrides applied; shared cards are copied, never changed. */
export function applyVideoOverrides(
  placed: DeckCard[],
  overrides: Record<string, VideoOverride> | undefined,
  manifest: VideoOverrideSource,
  diagnostics: Diagnostics,
): DeckCard[] {
  if (!overrides || Object.keys(overrides).length === 0) return placed;
  const root = manifest.root ?? dirname(dirname(manifest.file));
  const found = new Map<string, { placed: DeckCard; video: Video }[]>();
  for (const entry of placed) {
    for (const video of entry.card.videos) {
      if (video.id !== undefined) found.set(video.id, [...(found.get(video.id) ?? []), { placed: entry, video }]);
    }
  }
  const replaced = new Map<Video, Video>();
  for (const [written, override] of Object.entries(overrides)) {
    const id = normaliseId(written);
    const at = keyPosition(manifest, written);
    const matches = found.get(id) ?? [];
    if (matches.length === 0) {
      const ids = [...found.keys()];
      diagnostics.error('E_UNKNOWN_VIDEO', `manifest: no video "${id}" in this deck's cards`, at,
        ids.length ? suggestionHint(id, ids, 'a video id:') : 'give the video an "id:" in its "::: video" block first');
      continue;
    }
    if (matches.length > 1) {
      const second = matches[1]!.video.source;
      diagnostics.error('E_AMBIGUOUS_VIDEO', `manifest: video id "${id}" is used by more than one video in this deck`, at,
        `the ids of videos in one deck must differ; change one of them (also in ${[...new Set(matches.map((m) => m.placed.card.id))].join(', ')})`,
        { file: second.file, line: second.startLine, column: 1 });
      continue;
    }
    const { video } = matches[0]!;
    const changed: Video = { ...video, source: { ...video.source, media: { ...video.source.media } } };
    // A downloaded copy replaces an online video: its address stays as the link and QR code (handouts, later viewing).
    const original = video.src === undefined ? undefined : classifyVideoSource(video.src);
    const address = original && !isProblem(original) ? watchUrl(original, video.start) : undefined;
    if (override.src !== undefined && video.page === undefined && address) changed.page = address;
    const keys: MediaKey[] = [];
    for (const key of KEYS) {
      const value = override[key];
      if (value === undefined) continue;
      const position = manifest.positionOf(['videos', written, key]);
      changed[key] = value;
      changed.source.media![key] = position;
      if (checkMediaValue(key, value, position, diagnostics, `manifest: video "${id}": `)) keys.push(key);
    }
    checkVideoFiles(changed, root, diagnostics, undefined, keys);
    replaced.set(video, changed);
  }
  if (replaced.size === 0) return placed;
  return placed.map((entry) => {
    const card = mapCardVideos(entry.card, (video) => replaced.get(video) ?? video);
    return card === entry.card ? entry : { ...entry, card };
  });
}

/** Where `videos: { <id>: … }` names the id: the key itself, which the validated value does not record. */
function keyPosition(manifest: VideoOverrideSource, id: string): SourcePosition {
  const doc = parseDocument(manifest.text);
  const locate = offsetToPosition(manifest.text);
  const videos = isMap(doc.contents) ? doc.contents.items.find((p) => isScalar(p.key) && p.key.value === 'videos')?.value : undefined;
  const key = isMap(videos) ? videos.items.find((p) => isScalar(p.key) && String(p.key.value) === id)?.key : undefined;
  if (isScalar(key) && key.range) {
    return { file: manifest.file, ...locate(key.range[0]) };
  }
  return manifest.positionOf(['videos', id]);
}
