// Hostile and broken input against the real command: links out of the project, deck names that climb out,
// terminal escapes, broken and oversized records, long content, names that are no ids. Each case asserts the
// exit code, the message, the position, the hint, and that nothing outside the output folder changed.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HOSTILE_CASES } from './cases.js';
import { allText, fingerprint, samtale, sandbox, scratchDir } from './sandbox.js';

const scratch = scratchDir();
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('hostile input', () => {
  for (const c of HOSTILE_CASES) {
    it(`${c.name} → exit ${c.exit}, ${c.code}`, () => {
      const sb = sandbox(scratch);
      c.setup?.(sb);
      const output = join('project', 'dist');
      const before = fingerprint(sb.dir, [output]);
      const run = samtale(c.args(sb), sb.project);
      const printed = run.stdout + run.stderr;

      expect(run.code, printed).toBe(c.exit);
      expect(run.stderr).toContain(`[${c.code}]`);
      if (typeof c.message === 'string') expect(run.stderr).toContain(c.message);
      else expect(run.stderr).toMatch(c.message);
      if (c.position) expect(run.stderr).toContain(`${c.position}: `);
      const hint = /^ {2}hint: (.*)$/m.exec(run.stderr)?.[1];
      expect(hint, run.stderr).toBeDefined();
      if (typeof c.hint === 'string') expect(hint).toContain(c.hint);
      else expect(hint).toMatch(c.hint);

      // Nothing a terminal would act on, and no stack trace.
      // eslint-disable-next-line no-control-regex -- control characters are what this looks for
      expect(printed).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
      expect(printed).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
      // Nothing outside the output folder changed; nothing from outside reached it.
      expect(fingerprint(sb.dir, [output])).toEqual(before);
      if (c.secret) expect(allText(join(sb.project, 'dist'))).not.toContain(c.secret);
      if (c.exit !== 0) expect(existsSync(join(sb.project, 'dist')) ? readdirSync(join(sb.project, 'dist')) : []).toEqual([]);
    });
  }
});

describe('builds running at the same time', () => {
  it('six builds into one folder all succeed, keep the current PDFs, leave no staging folders', async () => {
    const { GENERATOR, loadDecks } = await import('../../src/api.js');
    const { CONTENT_HASH_KEY, deckContentHashes } = await import('../../src/pipeline/content-hash.js');
    const { spawn } = await import('node:child_process');
    const sb = sandbox(scratch);
    expect(samtale(['build'], sb.project).code).toBe(0);
    const folder = join(sb.project, 'dist', 'testdaek');
    const hashes = deckContentHashes(loadDecks({ root: sb.project }).decks[0]!, GENERATOR);
    for (const kind of ['handout', 'guide', 'slides'] as const) writeFileSync(join(folder, `testdaek-${kind}.pdf`), `%PDF-1.7 stand-in\n/${CONTENT_HASH_KEY} (${hashes[kind]})\n`);
    const before = fingerprint(sb.dir, [join('project', 'dist')]);

    const runs = await Promise.all(Array.from({ length: 6 }, () => new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = spawn(process.execPath, [join(import.meta.dirname, '..', '..', 'bin', 'samtale.js'), 'build'], { cwd: sb.project });
      let output = '';
      child.stdout.on('data', (d: Buffer) => (output += d.toString()));
      child.stderr.on('data', (d: Buffer) => (output += d.toString()));
      child.on('close', (code) => resolve({ code, output }));
    })));
    for (const run of runs) expect(run.code, run.output).toBe(0);
    expect(readdirSync(join(sb.project, 'dist')).filter((name) => name !== 'testdaek')).toEqual([]);
    for (const kind of ['handout', 'guide', 'slides'] as const) expect(readFileSync(join(folder, `testdaek-${kind}.pdf`), 'utf8')).toContain(hashes[kind]);
    expect(readFileSync(join(folder, 'index.html'), 'utf8')).toContain('id="samtale-deck"');
    expect(fingerprint(sb.dir, [join('project', 'dist')])).toEqual(before);
  }, 60_000);

  it('a build puts right what a crashed swap left: the folder restored, staging folders gone', () => {
    const sb = sandbox(scratch);
    expect(samtale(['build'], sb.project).code).toBe(0);
    const dist = join(sb.project, 'dist');
    // A run that died between its two renames: the deck's folder moved aside, a half-written new one beside it.
    writeFileSync(join(dist, 'testdaek', 'referat.pdf'), '%PDF-1.7 the council\'s own');
    renameSync(join(dist, 'testdaek'), join(dist, '.testdaek.old-1-1'));
    mkdirSync(join(dist, '.testdaek.new-1-1'));
    const run = samtale(['build'], sb.project);
    expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(dist)).toEqual(['testdaek']);
    expect(readFileSync(join(dist, 'testdaek', 'referat.pdf'), 'utf8')).toContain('own');
  });
});
