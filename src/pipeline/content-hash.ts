// The fingerprint of what a deck shows: its resolved content and the posters it prints, not where its files lie.
//
// `samtale pdf` stamps it into every PDF it makes, and `samtale pptx` into the PowerPoint's core properties;
// `samtale build` keeps such a file in the deck's folder only when the stamp matches the deck it builds, so a
// handout or a PowerPoint never outlives the cards it was made from. Each kind of file is stamped with what it
// shows: the handout has no facilitator notes, so a change to them leaves it as it is.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import type { Deck } from '../model.js';
import { mediaFile } from './media-paths.js';

/** Positions and paths: they say where the content was written, not what it is. */
const NOT_CONTENT = new Set(['file', 'manifestFile', 'source', 'idSource', 'built']);
/** The facilitator's guidance: in the guide, the slides PDF and the PowerPoint's notes, never in the handout. */
const GUIDANCE = new Set(['guidance', 'notes']);

/** The files stamped with what they were made from: the three PDFs and the PowerPoint. */
export type StampedKind = 'handout' | 'guide' | 'slides' | 'pptx';

/**
 * A hex SHA-256 (first 32 digits) of what one kind of file shows of the deck: its content, the posters' bytes and
 * the samtale that prints it. The handout's leaves out the guidance, so a change to the notes keeps it.
 */
export function deckContentHash(deck: Deck, generator: string, kind: StampedKind): string {
  const left = kind === 'handout' ? new Set([...NOT_CONTENT, ...GUIDANCE]) : NOT_CONTENT;
  const hash = createHash('sha256');
  // The guide's, the slides' and the PowerPoint's are the whole deck, as every stamp was before they differed.
  hash.update(generator).update('\0');
  if (kind === 'handout') hash.update('handout\0');
  hash.update(JSON.stringify(deck, (key, value: unknown) => (left.has(key) ? undefined : value)));
  for (const { card } of deck.cards) {
    for (const video of card.videos) {
      const poster = mediaFile(video, 'poster');
      if (!poster) continue;
      hash.update('\0poster\0');
      try {
        hash.update(readFileSync(poster));
      } catch {
        // A poster that cannot be read prints as none; `check` reports it.
      }
    }
  }
  return hash.digest('hex').slice(0, 32);
}

/** Every kind's hash of a deck. */
export function deckContentHashes(deck: Deck, generator: string): Record<StampedKind, string> {
  const whole = deckContentHash(deck, generator, 'guide');
  return { handout: deckContentHash(deck, generator, 'handout'), guide: whole, slides: whole, pptx: whole };
}

/**
 * Whether a file's stamp says it was made from the deck as it is now. A handout stamped by an earlier samtale
 * carries the whole deck's hash: it is kept while nothing of the deck has changed, its notes included.
 */
export function stampMatches(stamp: string, kind: StampedKind | undefined, hashes: Record<StampedKind, string>): boolean {
  if (kind === undefined) return Object.values(hashes).includes(stamp);
  return stamp === hashes[kind] || (kind === 'handout' && stamp === hashes.guide);
}

/** The Info dictionary key that carries the stamp. */
export const CONTENT_HASH_KEY = 'SamtaleContentHash';

/** The stamp of a PDF's bytes (the last one, as an incremental update appends), if it has one. */
export function readContentHash(pdf: Uint8Array): string | undefined {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  let found: string | undefined;
  for (const match of text.matchAll(new RegExp(`/${CONTENT_HASH_KEY}\\s*\\(([0-9a-f]{8,64})\\)`, 'g'))) found = match[1];
  return found;
}

/** How a PowerPoint names its stamp in `docProps/core.xml` (`<dc:identifier>`). */
export const PPTX_CONTENT_HASH_PREFIX = 'samtale-content:';

/** The stamp of a PowerPoint file's bytes, if it has one (only its core properties are unpacked). */
export function readPptxContentHash(pptx: Uint8Array): string | undefined {
  try {
    const core = unzipSync(pptx, { filter: (file) => file.name === 'docProps/core.xml' })['docProps/core.xml'];
    if (!core) return undefined;
    const text = Buffer.from(core.buffer, core.byteOffset, core.byteLength).toString('utf8');
    return new RegExp(`<dc:identifier>${PPTX_CONTENT_HASH_PREFIX}([0-9a-f]{8,64})</dc:identifier>`).exec(text)?.[1];
  } catch {
    return undefined;
  }
}
