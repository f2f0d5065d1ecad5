// A manifest's own Markdown (the title, agenda and closing slides' notes) follows the cards' link policy, and says so.
import type { Env, MarkdownIt } from 'markdown-it';
import type { Diagnostics } from '../diagnostics/deck-error.js';
import type { MergedManifest } from './manifest-chain.js';
import type { RefusedLink } from './parse/links.js';
import { findText } from './parse-card.js';

const NOTES_PATHS = [['notes'], ['agenda', 'notes'], ['closing', 'notes']] as const;

/** Reports every link the notes of a deck's manifests have that the deck would drop. */
export function checkManifestNotes(merged: MergedManifest, md: MarkdownIt, diagnostics: Diagnostics): void {
  for (const path of NOTES_PATHS) {
    const from = merged.from(path[0]);
    const section = (from.validated.value as Record<string, unknown>)[path[0]];
    const text = path.length === 1 ? section : (section as Record<string, unknown> | undefined)?.[path[1]];
    if (typeof text !== 'string') continue;
    const env: Env & { refusedLinks?: RefusedLink[] } = {};
    md.render(text, env);
    const lines = from.file.text.split(/\r?\n/);
    const start = from.validated.positionOf([...path]).line;
    for (const link of env.refusedLinks ?? []) {
      diagnostics.error('E_LINK_NOT_ALLOWED', `manifest: ${path.join('.')}: ${link.image ? 'image' : 'link'} "${link.href}" is not allowed`,
        findText(lines, start, link.href, from.file.file));
    }
  }
}
