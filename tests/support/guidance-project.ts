// Test helper: a copy of the project with the five-theme adaptation of tests/fixtures/guidance/ in slides/.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const repo = join(import.meta.dirname, '..', '..');

/** The deck id of the adaptation. */
export const HALVBY = 'halvby';

export function halvbyProject(): string {
  const root = mkdtempSync(join(tmpdir(), 'samtale-halvby-'));
  for (const entry of ['content', 'slides', 'package.json']) cpSync(join(repo, entry), join(root, entry), { recursive: true });
  cpSync(join(repo, 'tests', 'fixtures', 'guidance', `${HALVBY}.yaml`), join(root, 'slides', `${HALVBY}.yaml`));
  return root;
}
