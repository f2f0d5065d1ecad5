// The earlier editions of the base decks' cards, from the repository's git history, into lib/card-editions.json.
//
// Why: in a consultant's project a base deck's cards live in node_modules/samtale, outside the project's own
// history. When an update rewords a question that an adaptation's change pointed at, `check` must say the
// card changed (E_STALE_CHANGE, with the old and the new wording), not that the change is mistyped
// (E_NO_MATCH). The package carries every wording its cards have had, the current one included, so the next
// edition can tell. Outside a git repository (an installed package) the file is left as it is.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Earlier committed versions per card are enough for years of updates. */
const MAX_VERSIONS = 50;

function git(root, args) {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
}

/** Writes lib/card-editions.json: `{ "content/kl/<card>.md": [text, …] }`, the current text first. */
export function writeCardEditions(root) {
  const out = path.join(root, 'lib', 'card-editions.json');
  try {
    git(root, ['rev-parse', '--git-dir']);
  } catch {
    return;
  }
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const folders = Object.values(pkg.samtale?.baseDecks ?? {}).map((deck) => deck.cards).filter(Boolean);
  const editions = {};
  for (const folder of folders) {
    for (const name of readdirSync(path.join(root, folder)).filter((file) => file.endsWith('.md')).sort()) {
      const file = path.posix.join(folder.replace(/\\/g, '/').replace(/\/$/, ''), name);
      const texts = [readFileSync(path.join(root, file), 'utf8')];
      const commits = git(root, ['log', `--max-count=${MAX_VERSIONS}`, '--format=%H', '--', file]).split('\n').filter(Boolean);
      for (const commit of commits) {
        let text;
        try {
          text = git(root, ['show', `${commit}:${file}`]);
        } catch {
          continue;
        }
        if (!texts.includes(text)) texts.push(text);
      }
      editions[file] = texts;
    }
  }
  if (!existsSync(path.dirname(out))) return;
  writeFileSync(out, `${JSON.stringify(editions)}\n`);
}
