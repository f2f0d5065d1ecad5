// The samtale command as a user runs it: exit codes, messages, and that a failed build writes nothing.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GENERATOR, loadDecks } from '../../src/api.js';
import { CONTENT_HASH_KEY, deckContentHash, deckContentHashes } from '../../src/pipeline/content-hash.js';

const repo = join(import.meta.dirname, '..', '..');
const bin = join(repo, 'bin', 'samtale.js');
const scratch = mkdtempSync(join(tmpdir(), 'samtale-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function samtale(args: string[], cwd = repo) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A copy of a fixture project to build in. */
function project(fixture: string): string {
  const dir = mkdtempSync(join(scratch, `${fixture}-`));
  cpSync(join(repo, 'tests', 'fixtures', fixture), dir, { recursive: true });
  return dir;
}

describe('samtale build', () => {
  it('builds the default deck into one HTML file with the deck model and data-card slides', () => {
    const out = join(scratch, 'default');
    const { code, stdout } = samtale(['build', '--out', out]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/built sociale-medier \(the default deck\): 12 cards, \d+ slides → .*index\.html, and the participants' edition .*participants\.html/);
    expect(readdirSync(out)).toEqual(['sociale-medier']);
    expect(readdirSync(join(out, 'sociale-medier')).sort()).toEqual(['index.html', 'participants.html']);
    const html = readFileSync(join(out, 'sociale-medier', 'index.html'), 'utf8');
    expect(html).toContain('<script type="application/json" id="samtale-deck">');
    expect(html).toMatch(/<section class="samtale-questions" data-slide-kind="questions" data-card="om-at-bruge-sociale-medier"/);
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href="(?!data:)|type="module"|crossorigin/);
  });

  it('says which deck it built when none was named, and which others there are', () => {
    const { code, stdout } = samtale(['build', '--out', join(scratch, 'named')]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^built sociale-medier \(the default deck\): 12 cards/);
    expect(stdout).toContain('also in slides/: solby — build one by name, e.g. "samtale build solby", or every deck with --all');
  });

  it('builds a deck named by id, and every deck with --all', () => {
    const dir = project('valid');
    expect(samtale(['build', 'testdaek'], dir).code).toBe(0);
    expect(existsSync(join(dir, 'dist', 'testdaek', 'index.html'))).toBe(true);
    expect(samtale(['build', '--all', '--out', 'public'], dir).code).toBe(0);
    expect(existsSync(join(dir, 'public', 'testdaek', 'index.html'))).toBe(true);
  });

  it('writes nothing and keeps the previous output when the content has an error', () => {
    const dir = project('valid');
    expect(samtale(['build'], dir).code).toBe(0);
    const index = join(dir, 'dist', 'testdaek', 'index.html');
    const before = { text: readFileSync(index, 'utf8'), mtime: statSync(index).mtimeMs };
    const card = join(dir, 'content', 'om-vores-kodeks.md');
    writeFileSync(card, readFileSync(card, 'utf8').replace('minutes: 20', 'minuts: 20'));

    const { code, stderr } = samtale(['build'], dir);
    expect(code).toBe(1);
    expect(stderr).toContain('content/om-vores-kodeks.md:5:1: front matter: unknown key "minuts" [E_UNKNOWN_KEY]');
    expect(stderr).toContain('hint: did you mean "minutes"?');
    expect(stderr).toContain('nothing was written');
    expect(readFileSync(index, 'utf8')).toBe(before.text);
    expect(statSync(index).mtimeMs).toBe(before.mtime);
    expect(readdirSync(join(dir, 'dist'))).toEqual(['testdaek']);
  });

  it('keeps the PDFs made from the same content when the deck is rebuilt, and removes the stale ones, saying so', () => {
    const dir = project('valid');
    expect(samtale(['build'], dir).code).toBe(0);
    const deck = loadDecks({ root: dir }).decks[0]!;
    const current = `%PDF-1.7 stand-in\n/${CONTENT_HASH_KEY} (${deckContentHash(deck, GENERATOR, 'handout')})\n`;
    writeFileSync(join(dir, 'dist', 'testdaek', 'testdaek-handout.pdf'), current);
    writeFileSync(join(dir, 'dist', 'testdaek', 'testdaek-guide.pdf'), `%PDF-1.7 stand-in\n/${CONTENT_HASH_KEY} (0123456789abcdef)\n`);
    writeFileSync(join(dir, 'dist', 'testdaek', 'testdaek-slides.pdf'), '%PDF-1.7 made before PDFs were stamped');
    writeFileSync(join(dir, 'dist', 'testdaek', 'referat.pdf'), '%PDF-1.7 the council\'s own');

    const { code, stdout } = samtale(['build'], dir);
    expect(code).toBe(0);
    expect(readFileSync(join(dir, 'dist', 'testdaek', 'testdaek-handout.pdf'), 'utf8')).toBe(current);
    expect(readFileSync(join(dir, 'dist', 'testdaek', 'referat.pdf'), 'utf8')).toContain('own');
    expect(existsSync(join(dir, 'dist', 'testdaek', 'testdaek-guide.pdf'))).toBe(false);
    expect(existsSync(join(dir, 'dist', 'testdaek', 'testdaek-slides.pdf'))).toBe(false);
    expect(stdout).toContain('removed dist/testdaek/testdaek-guide.pdf: it was made from other content; "samtale pdf testdaek" makes it again');
    expect(stdout).toContain('removed dist/testdaek/testdaek-slides.pdf');
    expect(stdout).not.toContain('testdaek-handout.pdf');
  });

  it('keeps the handout after a change to the notes only, and removes the guide, the slides and the PowerPoint, whose notes changed', () => {
    const dir = project('valid');
    expect(samtale(['build'], dir).code).toBe(0);
    const folder = join(dir, 'dist', 'testdaek');
    const stamped = (hash: string) => `%PDF-1.7 stand-in\n/${CONTENT_HASH_KEY} (${hash})\n`;
    const before = deckContentHashes(loadDecks({ root: dir }).decks[0]!, GENERATOR);
    for (const kind of ['handout', 'guide', 'slides'] as const) writeFileSync(join(folder, `testdaek-${kind}.pdf`), stamped(before[kind]));
    // A handout an earlier samtale stamped with the whole deck's hash.
    writeFileSync(join(folder, 'gammel-handout.pdf'), stamped(before.guide));
    const card = join(dir, 'content', 'om-vores-kodeks.md');
    writeFileSync(card, readFileSync(card, 'utf8').replace('::: notes\n', '::: notes\nHusk kodekset på papir.\n\n'));
    const after = deckContentHashes(loadDecks({ root: dir }).decks[0]!, GENERATOR);
    expect(after.handout).toBe(before.handout);
    expect(after.guide).not.toBe(before.guide);

    const { code, stdout } = samtale(['build'], dir);
    expect(code).toBe(0);
    expect(readdirSync(folder).filter((name) => name.endsWith('.pdf'))).toEqual(['testdaek-handout.pdf']);
    expect(stdout).toContain('removed dist/testdaek/testdaek-guide.pdf');
    expect(stdout).toContain('removed dist/testdaek/testdaek-slides.pdf');
    expect(stdout).toContain('removed dist/testdaek/gammel-handout.pdf');
    expect(stdout).not.toContain('testdaek-handout.pdf');
  });

  it('exits 1 with a did-you-mean for an unknown deck', () => {
    const { code, stderr } = samtale(['build', 'testdæk'], project('valid'));
    expect(code).toBe(1);
    expect(stderr).toMatch(/no deck "testdæk".*\[E_UNKNOWN_DECK\]\n {2}hint: did you mean "testdaek"\?/s);
  });
});

describe('a manifest whose name has a space', () => {
  /** A project with slides/aften møde.yaml beside slides/testdaek.yaml. */
  const spaced = () => {
    const dir = project('valid');
    cpSync(join(dir, 'slides', 'testdaek.yaml'), join(dir, 'slides', 'aften møde.yaml'));
    return dir;
  };

  it('build "aften møde" says to rename the file, as check does, and builds nothing', () => {
    const dir = spaced();
    const { code, stderr } = samtale(['build', 'aften møde'], dir);
    expect(code).toBe(1);
    expect(stderr).toContain('slides/aften møde.yaml:1:1: the manifest\'s file name "aften møde.yaml" does not make a deck id [E_DECK_FILE_NAME]');
    expect(stderr).toContain('hint: rename it to slides/aften-møde.yaml, then name the deck "aften-møde"');
    expect(stderr).not.toContain('write it as');
    expect(existsSync(join(dir, 'dist'))).toBe(false);
  });

  it('build aften møde (the shell split the name) says so, and offers only deck ids', () => {
    const { code, stderr } = samtale(['build', 'aften', 'møde'], spaced());
    expect(code).toBe(1);
    expect(stderr).toContain('no deck "aften"');
    expect(stderr).toContain('hint: slides/aften møde.yaml has spaces in its name, so the shell passed its words as separate decks: rename it to slides/aften-møde.yaml');
    const other = samtale(['build', 'aftn'], spaced());
    expect(other.stderr).toContain('hint: expected a deck: "testdaek", "kl/sociale-medier"\n');
  });

  it('a name that is no id and no file: says what an id is, and suggests a deck that exists', () => {
    const { code, stderr } = samtale(['build', 'Test daek'], project('valid'));
    expect(code).toBe(2);
    expect(stderr).toContain('hint: a deck id is lowercase letters, digits and hyphens; did you mean "testdaek"?');
  });

  it('check of that manifest reports it and never says "nothing was written"', () => {
    const dir = spaced();
    for (const deck of ['aften møde', 'slides/aften møde.yaml']) {
      const { code, stdout, stderr } = samtale(['check', deck], dir);
      expect(code).toBe(1);
      expect(stderr).toContain('[E_DECK_FILE_NAME]');
      expect(stdout + stderr).not.toContain('nothing was written');
      expect(stdout).toBe(`checked the deck ${deck} and its cards: 1 error, see above\n`);
    }
  });
});

describe('samtale check', () => {
  it('reports every problem of a broken project as file:line:col and exits 1', () => {
    const { code, stderr } = samtale(['check'], join(repo, 'tests', 'fixtures', 'invalid', 'many-problems'));
    expect(code).toBe(1);
    expect(stderr.match(/^\S+:\d+:\d+: /gm)).toHaveLength(7);
    expect(stderr).toContain('7 errors');
  });

  it('checks every deck in slides/ when none is named, and says which', () => {
    const { code, stdout } = samtale(['check']);
    expect(code).toBe(0);
    expect(stdout).toBe('checked 2 decks (sociale-medier, solby) and their cards: no problems found\n');
    expect(samtale(['check', 'solby']).stdout).toBe('checked the deck solby and its cards: no problems found\n');
  });

  it('never says "no problems found" after a warning or an error', () => {
    const dir = project('valid');
    writeFileSync(join(dir, 'content', 'uden-handling.md'), '---\ntitle: Om noget\nminutes: 5\n---\n\n? Et spørgsmål?\n\n::: notes\nN.\n:::\n');
    const warned = samtale(['check'], dir);
    expect(warned.code).toBe(0);
    expect(warned.stderr).toContain('[W_NO_ACTION_QUESTION]');
    expect(warned.stdout).toBe('checked the deck testdaek and its cards: no errors, 1 warning (above)\n');
    const failed = samtale(['check'], join(repo, 'tests', 'fixtures', 'invalid', 'adaptation'));
    expect(failed.code).toBe(1);
    expect(failed.stdout).toBe('checked 2 decks (base, deck) and their cards: 4 errors, see above\n');
    expect(failed.stdout + failed.stderr).not.toContain('no problems');
  });
});

describe('usage', () => {
  it('exits 2 on an unknown command or option', () => {
    expect(samtale(['bild']).code).toBe(2);
    expect(samtale(['build', '--bogus']).code).toBe(2);
  });

  it('prints help with exit 0', () => {
    const { code, stdout } = samtale(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('build');
    expect(stdout).toContain('check');
    expect(stdout).toContain('init <folder>');
  });

  it('prints its version and the base deck\'s with --version', () => {
    const { version, samtale: settings } = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
    const { code, stdout } = samtale(['--version']);
    expect(code).toBe(0);
    expect(stdout).toBe(`samtale ${version}\nkl/sociale-medier ${settings.baseDecks['kl/sociale-medier'].version}\n`);
  });
});

describe('samtale init', () => {
  it('makes a project, and refuses a folder that has files with exit 1 and nothing written', () => {
    const { code, stdout } = samtale(['init', 'mit-projekt', '--municipality', 'Faxe Kommune'], scratch);
    expect(code).toBe(0);
    expect(stdout).toContain('created mit-projekt/: package.json, README.md, .gitignore, slides/, content/, slides/faxe.yaml, content/faxe/\n');
    expect(stdout).toContain('next:\n  cd mit-projekt\n  npm install\n  npx samtale build\n');
    const again = samtale(['init', 'mit-projekt'], scratch);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^samtale: mit-projekt is not empty \(\.gitignore, README\.md, content, package\.json, slides\); nothing was written \[E_EXISTS\]/);
    expect(samtale(['init'], scratch).code).toBe(2);
  });
});

describe('samtale pptx', () => {
  it('writes the PowerPoint beside the deck, and a rebuild of the deck keeps it', () => {
    const dir = project('valid');
    const { code, stdout } = samtale(['pptx'], dir);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^wrote dist\/testdaek\/testdaek\.pptx: \d+ slides, \d+ KB$/m);
    const file = join(dir, 'dist', 'testdaek', 'testdaek.pptx');
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(samtale(['build'], dir).code).toBe(0);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    // Once the cards change, the PowerPoint no longer shows them: a rebuild removes it and says how to remake it.
    const card = join(dir, 'content', 'om-vores-kodeks.md');
    writeFileSync(card, readFileSync(card, 'utf8').replace(/\n\? /, '\n? Et nyt spørgsmål?\n\n? '));
    const rebuilt = samtale(['build'], dir);
    expect(rebuilt.stdout).toContain('removed dist/testdaek/testdaek.pptx: it was made from other content; "samtale pptx testdaek" makes it again');
    expect(existsSync(file)).toBe(false);
    // --out names the output folder, as for build: the deck's folder inside it.
    expect(samtale(['pptx', '--all', '--out', 'public'], dir).code).toBe(0);
    expect(existsSync(join(dir, 'public', 'testdaek', 'testdaek.pptx'))).toBe(true);
  }, 30_000); // five runs of the command, each a process of its own

  it('exits 2 when one file is named for several decks, and 1 with nothing written for a content error', () => {
    const dir = project('valid');
    const usage = samtale(['pptx', '--all', '--out', 'alle.pptx'], dir);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--out alle.pptx names one file');
    const card = join(dir, 'content', 'om-vores-kodeks.md');
    writeFileSync(card, readFileSync(card, 'utf8').replace('minutes: 20', 'minuts: 20'));
    const broken = samtale(['pptx'], dir);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('nothing was written');
    expect(existsSync(join(dir, 'dist'))).toBe(false);
  });
});
