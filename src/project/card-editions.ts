// Earlier wordings of the installed samtale's base deck cards: `lib/card-editions.json`, which `npm run
// compile` writes from the repository's git history (scripts/card-editions.mjs), the current text included.
//
// In a consultant's project those cards live in node_modules/samtale, outside the project's own history: this
// is how `check` still tells a change written for an earlier edition (E_STALE_CHANGE) from a mistyped one.
import { readFileSync, realpathSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { packageRoot } from './samtale-package.js';
import type { CardHistory } from './card-history.js';

/** The texts a base deck card has had in the installed package's editions, the current one first; none for other files. */
export function packageCardEditions(): CardHistory {
  let editions: Record<string, readonly string[]> | undefined;
  return (file) => {
    editions ??= readEditions();
    let real = file;
    try {
      real = realpathSync(file);
    } catch {
      // A card that is gone has no editions to offer.
    }
    const path = relative(packageRoot, real).split(sep).join('/');
    return path.startsWith('..') ? [] : editions[path] ?? [];
  };
}

function readEditions(): Record<string, readonly string[]> {
  try {
    const value = JSON.parse(readFileSync(join(packageRoot, 'lib', 'card-editions.json'), 'utf8')) as unknown;
    return typeof value === 'object' && value !== null ? (value as Record<string, readonly string[]>) : {};
  } catch {
    // A package compiled outside a git repository has none: changes are then only checked against the card as it is.
    return {};
  }
}
