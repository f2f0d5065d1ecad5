// End-to-end: samtale as a consultant installs it. `npm pack`, the tarball installed in a folder far from the
// repository, `samtale init` with a municipality, `npm install`, check/build/pdf/pptx/dev/record there, the seed
// in the built deck and its handout; then a newer tarball with one of KL's questions changed: the change arrives
// in the deck, and an adaptation that changed that question is stopped with the card's new wording.
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordToMarkdown, type SeminarRecord } from '../../src/record/record.js';
import { pageTexts, pdfInfo } from '../export/pdf-tools.js';

const REPO = join(import.meta.dirname, '..', '..');
const SEED_CHECK = join(REPO, '..', 'shared', 'checks', 'seed-fidelity.mjs');
const INSTALL_MS = 240_000;

const CARD = 'content/kl/om-at-vaere-rollemodel.md';
const OLD_QUESTION = 'Har I overvejet at udarbejde et kodeks for kommunalbestyrelsens brug af sociale medier';
const NEW_QUESTION = 'Har I overvejet at udarbejde et fælles kodeks for kommunalbestyrelsens brug af sociale medier';

/** Far from the repository: nothing there can be found by walking up from the project. */
const work = mkdtempSync(join(tmpdir(), 'samtale-package-'));
const project = join(work, 'vordingborg-seminar');
const started = performance.now();
let tarball: string;

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  console.log(`package e2e: ${((performance.now() - started) / 1000).toFixed(1)} s in all`);
});

/** The child's environment without what `npm test` set for the repository (npm_package_json, INIT_CWD, …). */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(npm_|INIT_CWD$)/i.test(key)));
}

function run(command: string, args: string[], cwd: string, timeout = 120_000): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: cleanEnv(), timeout });
  if (result.error) throw result.error;
  return result;
}

function ok(result: SpawnSyncReturns<string>): string {
  expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
  return result.stdout;
}

/** The project's own samtale, never one fetched from the registry. */
const samtale = (args: string[], cwd = project, timeout?: number) => run('npx', ['--no', '--', 'samtale', ...args], cwd, timeout);

const npmInstall = (cwd: string, ...specs: string[]) =>
  ok(run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', ...specs], cwd, INSTALL_MS));

function pack(folder: string, destination: string): string {
  mkdirSync(destination, { recursive: true });
  const out = ok(run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', destination], folder));
  const [info] = JSON.parse(out) as { filename: string; size: number; files: { path: string }[] }[];
  return join(destination, info!.filename);
}

function tarFiles(file: string): string[] {
  return ok(run('tar', ['-tzf', file], work)).split('\n').filter((line) => line && !line.endsWith('/')).map((line) => line.replace(/^package\//, ''));
}

/** The deck model a built deck carries. */
function deckModel(html: string): { generator: string; baseDecks: { name: string; version: string }[]; cards: { id: string; title: string; questions: { text: string; action: boolean }[] }[] } {
  const json = /<script type="application\/json" id="samtale-deck">([\s\S]*?)<\/script>/.exec(html)?.[1];
  expect(json).toBeDefined();
  return JSON.parse(json!);
}

const builtDeck = () => readFileSync(join(project, 'dist', 'vordingborg', 'index.html'), 'utf8');

beforeAll(() => {
  tarball = pack(REPO, join(work, 'packs'));
}, INSTALL_MS);

describe('samtale as a package', () => {
  it('packs what a user needs and nothing else', () => {
    const files = tarFiles(tarball);
    const kb = statSync(tarball).size / 1024;
    console.log(`package e2e: ${relative(work, tarball)}: ${kb.toFixed(0)} KB, ${files.length} files`);
    for (const needed of ['bin/samtale.js', 'lib/cli/main.js', 'lib/index.js', 'lib/runtime/runtime.js', 'lib/runtime/manifest.json',
      'themes/default/theme.css', 'slides/sociale-medier.yaml', 'content/kl/om-at-vaere-rollemodel.md', 'docs/adapting.md',
      'docs/schema/manifest.schema.json', 'package.json', 'README.md']) {
      expect(files, needed).toContain(needed);
    }
    expect(files.filter((file) => /^(tests|bench|src|scripts|\.ci)\/|^(content\/solby|slides\/solby)|^docs\/architecture|\.ts$|^\.puppeteerrc/.test(file))).toEqual([]);
    // Compiled code only from today's sources: a stale lib/ file of a removed module would ship otherwise.
    const stale = files.filter((file) => /^lib\/(?!runtime\/|fonts\/).*\.js$/.test(file))
      .filter((file) => !existsSync(join(REPO, file.replace(/^lib\//, 'src/').replace(/\.js$/, '.ts'))));
    expect(stale).toEqual([]);
    const pkg = JSON.parse(ok(run('tar', ['-xzOf', tarball, 'package/package.json'], work))) as { private?: boolean; dependencies: Record<string, string> };
    expect(pkg.private).toBeUndefined();
    // puppeteer-core never downloads a browser while npm installs, so an install without internet cannot fail over it.
    expect(Object.keys(pkg.dependencies)).toContain('puppeteer-core');
    expect(Object.keys(pkg.dependencies)).not.toContain('puppeteer');
    expect(kb).toBeLessThan(1024);
  });

  it('starts a project of its own with samtale init, from the installed samtale', () => {
    const tool = join(work, 'tool');
    mkdirSync(tool);
    writeFileSync(join(tool, 'package.json'), '{ "private": true }\n');
    npmInstall(tool, tarball);
    const out = ok(samtale(['init', project, '--municipality', 'Vordingborg Kommune', '--samtale', tarball], tool));
    expect(out).toContain('the deck vordingborg extends kl/sociale-medier');
    expect(readdirSync(project).sort()).toEqual(['.gitignore', 'README.md', 'content', 'package.json', 'slides']);
    const pkg = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')) as { name: string; private: boolean; dependencies: Record<string, string>; scripts: Record<string, string> };
    expect(pkg).toMatchObject({ name: 'vordingborg-seminar', private: true, dependencies: { samtale: `file:${relative(project, tarball)}` } });
    expect(pkg.scripts.postinstall).toBe('samtale setup');
    const manifest = readFileSync(join(project, 'slides', 'vordingborg.yaml'), 'utf8');
    expect(manifest).toContain('extends: kl/sociale-medier\n');
    expect(manifest).toContain('municipality: Vordingborg Kommune\n');
    expect(manifest).toContain('$schema=../node_modules/samtale/docs/schema/manifest.schema.json');
    expect(statSync(join(project, 'content', 'vordingborg')).isDirectory()).toBe(true);
    expect(readFileSync(join(project, 'README.md'), 'utf8')).toMatch(/^# vordingborg-seminar\n[\s\S]*Kom i gang[\s\S]*npx samtale build[\s\S]*kl\/sociale-medier/);
    expect(readFileSync(join(project, '.gitignore'), 'utf8')).toContain('node_modules/');

    // A second init into the same folder writes nothing.
    const again = samtale(['init', project], tool);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('is not empty');
    expect(again.stderr).toContain('[E_EXISTS]');
  }, INSTALL_MS);

  it('installs, checks and builds there: the deck, its PDFs and its PowerPoint, every seed item on a slide and in the handout', () => {
    const install = npmInstall(project);
    // The project's own install step found the browser for the PDFs.
    expect(install).toMatch(/samtale: browser for PDF export: \S+/);
    expect(ok(samtale(['--version']))).toBe('samtale 0.1.0\nkl/sociale-medier 1.0.0\n');
    expect(ok(samtale(['check']))).toContain('checked the deck vordingborg and its cards: no problems found');
    expect(ok(samtale(['build']))).toMatch(/built vordingborg \(the default deck\): 12 cards, \d+ slides → dist\/vordingborg\/index\.html/);
    const model = deckModel(builtDeck());
    expect(model.generator).toBe('samtale 0.1.0 (kl/sociale-medier 1.0.0)');
    expect(model.baseDecks).toEqual([{ name: 'kl/sociale-medier', version: '1.0.0' }]);
    expect(builtDeck()).toContain('Vordingborg Kommune');

    expect(ok(samtale(['build', '--all']))).toContain('built vordingborg');
    const pdf = ok(samtale(['pdf'], project, 180_000));
    for (const kind of ['handout', 'guide', 'slides']) expect(pdf).toContain(`wrote dist/vordingborg/vordingborg-${kind}.pdf`);
    const handout = join(project, 'dist', 'vordingborg', 'vordingborg-handout.pdf');
    expect(pdfInfo(handout).Creator).toBe('samtale 0.1.0 (kl/sociale-medier 1.0.0)');
    expect(pageTexts(handout).join('\n')).toContain('Vordingborg Kommune');
    expect(ok(samtale(['pptx']))).toMatch(/wrote dist\/vordingborg\/vordingborg\.pptx: \d+ slides/);
    expect(readFileSync(join(project, 'dist', 'vordingborg', 'vordingborg.pptx')).subarray(0, 2).toString()).toBe('PK');

    // The shared check, from the project's folder, with the puppeteer-core the project installed.
    const seed = run(process.execPath, [SEED_CHECK, 'dist/vordingborg/index.html', handout], project, 120_000);
    expect(seed.status, seed.stdout + seed.stderr).toBe(0);
    expect(seed.stdout).toMatch(/deck: (\d+)\/\1 seed items present/);
    expect(seed.stdout).toMatch(/pdf: (\d+)\/\1 seed items present/);
  }, INSTALL_MS);

  it('previews with samtale dev and makes the record summary with samtale record', async () => {
    const url = await withDevServer(async (address) => {
      const page = await (await fetch(address)).text();
      expect(page).toContain('Vordingborg Kommune');
      expect((await fetch(new URL('/@samtale/client', address))).status).toBe(200);
      return address;
    });
    expect(url).toMatch(/^http:\/\/localhost:\d+\/$/);

    const model = deckModel(builtDeck());
    const theme = model.cards.find((card) => card.questions.some((q) => q.action))!;
    const record: SeminarRecord = { deck: 'vordingborg', seminar: '2027-03-02', title: 'Sociale medier og lokaldemokrati', municipality: 'Vordingborg Kommune',
      cards: { [theme.id]: { agreed: 'Vi laver et fælles kodeks før sommerferien.', followUp: 'Borgmesteren' } } };
    const cards = model.cards.map((card) => ({ id: card.id, title: card.title, actionQuestion: card.questions.find((q) => q.action)?.text }));
    writeFileSync(join(project, 'aftaler.md'), recordToMarkdown(record, cards.map(({ actionQuestion, ...card }) => (actionQuestion ? { ...card, actionQuestion } : card))));
    expect(ok(samtale(['record', 'aftaler.md'], project, 120_000))).toMatch(/^wrote aftaler\.pdf: seminar 2027-03-02 of vordingborg, 1 card/);
    expect(pageTexts(join(project, 'aftaler.pdf')).join('\n')).toContain('Vi laver et fælles kodeks før sommerferien.');
  }, INSTALL_MS);

  it('reaches into the installed samtale only through the base deck\'s name', () => {
    const slides = join(project, 'slides');
    writeFileSync(join(slides, 'sti.yaml'), 'extends: node_modules/samtale/slides/sociale-medier.yaml\n');
    const byPath = samtale(['check', 'sti']);
    expect(byPath.status).toBe(1);
    expect(byPath.stderr).toContain('[E_EXTENDS_OUTSIDE]');
    expect(byPath.stderr).toContain('write "extends: kl/sociale-medier"');
    rmSync(join(slides, 'sti.yaml'));
    const named = samtale(['build', 'node_modules/samtale/slides/sociale-medier.yaml']);
    expect(named.status).toBe(2);
    expect(named.stderr).toContain('[E_DECK_OUTSIDE]');
    expect(named.stderr).toContain('write "extends: kl/sociale-medier"');

    writeFileSync(join(slides, 'uden-scope.yaml'), 'extends: sociale-medier\n');
    const unscoped = samtale(['check', 'uden-scope']);
    expect(unscoped.stderr).toContain('did you mean "kl/sociale-medier"?');
    rmSync(join(slides, 'uden-scope.yaml'));

    symlinkSync(join(project, 'node_modules', 'samtale', 'content', 'kl'), join(project, 'content', 'kl'));
    const linked = samtale(['check']);
    expect(linked.status).toBe(1);
    expect(linked.stderr).toMatch(/content\/kl is a link to \S+, in node_modules\/, which is not part of the project; it is not read \[E_FILE_OUTSIDE_PROJECT\]/);
    expect(linked.stderr).toContain('write "extends: kl/sociale-medier"');
    rmSync(join(project, 'content', 'kl'));
  });

  it('updates by upgrading: a changed KL question reaches the deck, and an adaptation that changed it is stopped with the new wording', () => {
    // A second municipality whose adaptation rewords the very question KL will change.
    expect(ok(samtale(['new', 'Faxe Kommune']))).toContain('created slides/faxe.yaml (extends kl/sociale-medier)');
    const faxe = join(project, 'slides', 'faxe.yaml');
    const scaffold = readFileSync(faxe, 'utf8');
    expect(scaffold).toContain('\n  - om-at-vaere-rollemodel\n');
    writeFileSync(faxe, scaffold.replace('\n  - om-at-vaere-rollemodel\n', `
  - card: om-at-vaere-rollemodel
    questions:
      replace:
        - match: Har I overvejet at udarbejde et kodeks
          with: Hvordan bruger I Faxes kodeks fra 2024?
`));
    expect(ok(samtale(['check']))).toContain('checked 2 decks (faxe, vordingborg) and their cards: no problems found');
    expect(builtDeck()).toContain(OLD_QUESTION);

    // samtale 0.1.1: KL rewords one question; the tarball is made from the installed package, not the repository.
    const next = join(work, 'samtale-next');
    cpSync(join(project, 'node_modules', 'samtale'), next, { recursive: true });
    const card = readFileSync(join(next, CARD), 'utf8');
    expect(card).toContain(OLD_QUESTION);
    writeFileSync(join(next, CARD), card.replace(OLD_QUESTION, NEW_QUESTION));
    const pkg = JSON.parse(readFileSync(join(next, 'package.json'), 'utf8'));
    pkg.version = '0.1.1';
    pkg.samtale.baseDecks['kl/sociale-medier'].version = '1.0.1';
    writeFileSync(join(next, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
    const newer = pack(next, join(work, 'packs-next'));
    npmInstall(project, newer);

    expect(ok(samtale(['--version']))).toBe('samtale 0.1.1\nkl/sociale-medier 1.0.1\n');
    expect(ok(samtale(['build', 'vordingborg']))).toContain('built vordingborg');
    const html = builtDeck();
    expect(html).toContain(NEW_QUESTION);
    expect(html).not.toContain(OLD_QUESTION);
    expect(deckModel(html).baseDecks).toEqual([{ name: 'kl/sociale-medier', version: '1.0.1' }]);
    // The PDFs made from the old cards are removed by the build, not left to look current.
    expect(existsSync(join(project, 'dist', 'vordingborg', 'vordingborg-handout.pdf'))).toBe(false);

    const check = samtale(['check']);
    expect(check.status).toBe(1);
    // The package carries its cards' earlier wordings (lib/card-editions.json): the change is stale, not mistyped.
    expect(check.stderr).toMatch(/slides\/faxe\.yaml:\d+:\d+: the question this change points at has changed in card "om-at-vaere-rollemodel" since the change was written; the change is not applied \[E_STALE_CHANGE\]/);
    expect(check.stderr).toContain(`it said "${OLD_QUESTION.slice(0, 40)}`);
    expect(check.stderr).toContain('the card now says "Har I overvejet at udarbejde et fælles kodeks for');

    // A mistyped match on a base deck's card is told as a typo, with the nearest question.
    writeFileSync(faxe, readFileSync(faxe, 'utf8').replace('\n        - match: Har I overvejet at udarbejde et kodeks\n', '\n        - match: Har I overvejt at udarbejde et fælles kodeks\n'));
    const typo = samtale(['check', 'faxe']);
    expect(typo.status).toBe(1);
    expect(typo.stderr).toMatch(/no question of card "om-at-vaere-rollemodel" matches "Har I overvejt at udarbejde et fælles kodeks"; the change is not applied \[E_NO_MATCH\]/);
    expect(typo.stderr).toContain('did you mean "Har I overvejet at udarbejde et fælles kodeks for');
  }, INSTALL_MS);
});

/** Runs `samtale dev` in the project until `use` is done with its address. */
async function withDevServer<T>(use: (address: string) => Promise<T>): Promise<T> {
  // The project's samtale itself, not npx around it, so that ending the child ends the server.
  const bin = join(project, 'node_modules', 'samtale', 'bin', 'samtale.js');
  const child = spawn(process.execPath, [bin, 'dev', '--port', '0'], { cwd: project, env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const address = await new Promise<string>((resolve, reject) => {
      let output = '';
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        // eslint-disable-next-line no-control-regex -- control characters are what this looks for
        const found = /Local:\s+(http:\/\/\S+)/.exec(output.replace(/\u001b\[[0-9;]*m/g, ''))?.[1];
        if (found) resolve(found);
      };
      child.stdout.on('data', read);
      child.stderr.on('data', read);
      child.on('exit', (code) => reject(new Error(`samtale dev ended (${code}) before it served:\n${output}`)));
    });
    return await use(address);
  } finally {
    child.kill();
    await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(undefined)));
  }
}
