// Golden files for diagnostics: each broken fixture project names the errors it must produce, and its
// formatted output is kept in tests/golden/errors/<case>.txt (regenerate with `npm run golden`).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/api.js';
import { formatDiagnostics } from '../../src/diagnostics/format.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'invalid');
const cases = readdirSync(fixtures).sort();

describe('diagnostics of broken projects', () => {
  it('has fixtures', () => expect(cases.length).toBeGreaterThanOrEqual(8));

  for (const name of cases) {
    it(name, async () => {
      const root = join(fixtures, name);
      const diagnostics = check({ root, all: true });
      const found = diagnostics.map((d) => `${d.code} ${d.file.slice(root.length + 1)}:${d.line}:${d.column}`);
      const expected = readFileSync(join(root, 'expected'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
      for (const line of expected) expect(found).toContain(line);
      await expect(formatDiagnostics(diagnostics, { cwd: root, codeFrame: true })).toMatchFileSnapshot(join('errors', `${name}.txt`));
    });
  }
});
