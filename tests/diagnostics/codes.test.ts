// The registry of diagnostic codes (src/diagnostics/codes.ts): every code has a hint, a fixture that produces
// it and an entry in docs/errors.md, which this test writes from the registry and the fixtures' real output
// (`npm run golden` regenerates it; review the diff).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/api.js';
import { CODES, type CodeKind, type DiagnosticCode } from '../../src/diagnostics/codes.js';
import { formatDiagnostic } from '../../src/diagnostics/format.js';
import { HOSTILE_CASES } from '../hostile/cases.js';

const repo = join(import.meta.dirname, '..', '..');
const fixtures = join(repo, 'tests', 'fixtures', 'invalid');
const codes = Object.keys(CODES) as DiagnosticCode[];

function files(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(keep).map((name) => join(dir, name));
}

/** The fixture folders under tests/fixtures/invalid, by the codes their `expected` files name. */
const fixtureOf = new Map<string, string>();
for (const name of readdirSync(fixtures).sort()) {
  for (const line of readFileSync(join(fixtures, name, 'expected'), 'utf8').split('\n')) {
    const code = /^([EW]_[A-Z_]+) /.exec(line)?.[1];
    if (code && !fixtureOf.has(code)) fixtureOf.set(code, name);
  }
}
const hostileOf = new Map([...HOSTILE_CASES].reverse().map((c) => [c.code, c] as const));
/** Codes other tests assert by name (`code: 'E_X'`, `[E_X]`). */
const testSources = files(join(repo, 'tests'), (name) => name.endsWith('.ts') && !name.includes('.tmp')).map((file) => readFileSync(file, 'utf8'));
const asserted = (code: string) => testSources.some((text) => text.includes(`'${code}'`) || text.includes(`[${code}]`));
const sources = files(join(repo, 'src'), (name) => name.endsWith('.ts')).filter((file) => !file.endsWith('codes.ts')).map((file) => readFileSync(file, 'utf8'));

describe('the registry of diagnostic codes', () => {
  it('gives every code a title and a hint, warnings only for content', () => {
    for (const code of codes) {
      expect(CODES[code].title.length, code).toBeGreaterThan(5);
      expect(CODES[code].hint.length, code).toBeGreaterThan(10);
      if (code.startsWith('W_')) expect(CODES[code].kind, code).toBe('content');
    }
  });

  it('holds only codes samtale uses', () => {
    const unused = codes.filter((code) => !sources.some((text) => text.includes(`'${code}'`)));
    expect(unused).toEqual([]);
  });

  it('has a fixture or a test that produces each code', () => {
    const missing = codes.filter((code) => !fixtureOf.has(code) && !hostileOf.has(code) && !asserted(code));
    expect(missing).toEqual([]);
  });

  it('is documented in docs/errors.md, with an example of each code', async () => {
    await expect(await errorsDoc()).toMatchFileSnapshot(join(repo, 'docs', 'errors.md'));
  });
});

const KINDS: Record<CodeKind, { heading: string; intro: string }> = {
  content: {
    heading: 'Problems in cards and manifests',
    intro: 'Reported by `samtale check`, `build`, `pdf` and `dev` as `file:line:column: message [CODE]`, with the line, a caret and a hint. '
      + 'Errors stop a build (exit code 1, nothing written); warnings (`W_`) do not.',
  },
  usage: {
    heading: 'Bad usage',
    intro: 'A command, option or deck name samtale cannot use. Exit code 2; nothing is read or written.',
  },
  environment: {
    heading: 'The machine, the files around the project, the tools',
    intro: 'Printed as `samtale: message [CODE]` and a hint. Exit code 1.',
  },
};

/** docs/errors.md: every code under its kind, with its hint and a real example. */
async function errorsDoc(): Promise<string> {
  const examples = new Map<string, string>();
  for (const name of new Set(fixtureOf.values())) {
    const root = join(fixtures, name);
    for (const d of check({ root, all: true })) {
      if (!examples.has(d.code)) examples.set(d.code, `From tests/fixtures/invalid/${name}:\n\n\`\`\`text\n${formatDiagnostic(d, { cwd: root, codeFrame: true })}\n\`\`\``);
    }
  }
  const place = { dir: '/home/konsulent', project: '/home/konsulent/projekt', outside: '/home/konsulent/andet' };
  const lines = [
    '# Diagnostic codes',
    '',
    'Every problem samtale reports has a stable code, a message and a hint: what to do about it. This page lists them all.',
    'It is generated from the registry in `src/diagnostics/codes.ts` and the test fixtures by `tests/diagnostics/codes.test.ts`',
    '(`npm run golden` rewrites it); the examples are real output.',
    '',
    'Adding a code is one entry in `src/diagnostics/codes.ts`; the type check then accepts it where it is reported, and the test asks',
    'for a fixture in `tests/fixtures/invalid/` (or a case in `tests/hostile/cases.ts`) that produces it.',
    '',
  ];
  for (const kind of Object.keys(KINDS) as CodeKind[]) {
    lines.push(`## ${KINDS[kind].heading}`, '', KINDS[kind].intro, '');
    for (const code of codes.filter((c) => CODES[c].kind === kind)) {
      const info = CODES[code];
      lines.push(`### ${code}`, '', `${info.title[0]!.toUpperCase()}${info.title.slice(1)}${code.startsWith('W_') ? ' (a warning)' : ''}.`, '', `**What to do:** ${info.hint}.`, '');
      const hostile = hostileOf.get(code);
      if (examples.has(code)) lines.push(examples.get(code)!, '');
      else if (hostile) {
        const args = hostile.args(place).map((a) => (/[\s"]/.test(a) ? JSON.stringify(a) : a)).join(' ').replaceAll('\u001b', '\\e').replaceAll('\u0007', '\\a');
        lines.push(`For example (tests/hostile/cases.ts: ${hostile.name}):`, '', '```sh', `samtale ${args}    # exit code ${hostile.exit}`, '```', '');
      } else if (info.example) lines.push(`When: ${info.example}`, '');
    }
  }
  return `${lines.join('\n').trimEnd()}\n`.replaceAll(repo, '.').replace(new RegExp(relative('/', repo), 'g'), '.');
}
