// Builds every deck in slides/ once, with the real CLI, into tests/.tmp/dist for the end-to-end tests to open,
// and makes the folder every suite writes its screenshots into (a fresh clone has none).

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OUT = 'tests/.tmp/dist';
const SCREENS = 'tests/.tmp/screens';

export default function setup(): void {
  if (!existsSync(`${ROOT}bin/samtale.js`)) throw new Error('e2e setup: bin/samtale.js is missing; run npm install first');
  // Start clean: a failed build leaves old output in place by design, and the tests must not read that.
  rmSync(`${ROOT}${OUT}`, { recursive: true, force: true });
  mkdirSync(`${ROOT}${SCREENS}`, { recursive: true });
  const run = spawnSync(process.execPath, ['bin/samtale.js', 'build', '--all', '--out', OUT], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  if (run.status !== 0) {
    const why = run.error ? String(run.error) : run.status === null ? `signal ${run.signal}` : `exit code ${run.status}`;
    throw new Error(`e2e setup: \`node bin/samtale.js build --all --out ${OUT}\` failed (${why}):\n${run.stdout}${run.stderr}`);
  }
}
