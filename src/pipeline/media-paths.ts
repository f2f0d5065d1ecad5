// Checks that a card's local media paths (video files, posters, captions) stay inside the project folder.
import { isAbsolute, relative, resolve, dirname } from 'node:path';
import type { Diagnostics } from '../diagnostics/deck-error.js';
import type { Card } from '../model.js';

const MEDIA_KEYS = ['src', 'poster', 'captions'] as const;
const URL_LIKE = /^[a-z][a-z0-9+.-]*:/i;

/** Reports media paths that are absolute or climb out of `root`; web addresses are checked elsewhere. */
export function checkMediaPaths(card: Card, root: string, sourceText: string, diagnostics: Diagnostics): void {
  const lines = sourceText.split(/\r?\n/);
  for (const video of card.videos) {
    for (const key of MEDIA_KEYS) {
      const value = video[key];
      if (!value || (URL_LIKE.test(value) && !/^file:/i.test(value))) continue;
      const target = resolve(dirname(card.file), value);
      const inside = !/^file:/i.test(value) && !isAbsolute(value) && !relative(root, target).startsWith('..');
      if (inside) continue;
      const lineIndex = lines.findIndex((line, i) => i + 1 >= video.source.startLine && i + 1 <= video.source.endLine && line.trimStart().startsWith(`${key}:`));
      const line = lineIndex >= 0 ? lineIndex + 1 : video.source.startLine;
      diagnostics.error('E_MEDIA_OUTSIDE_PROJECT', `${key} "${value}" points outside the project folder`,
        { file: card.file, line, column: Math.max(1, (lines[line - 1] ?? '').indexOf(value) + 1) },
        'put media files in the project, e.g. content/media/, and write a path relative to the card');
    }
  }
}
