// `samtale init`: a project of one's own that depends on samtale, written whole or not at all.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDecks } from '../../src/api.js';
import { samtaleVersion } from '../../src/project/samtale-package.js';
import { initProject } from '../../src/scaffold/init-project.js';

const parent = () => mkdtempSync(join(tmpdir(), 'samtale-init-'));

describe('samtale init', () => {
  it('writes package.json, README, .gitignore, slides/ and content/, depending on this samtale\'s minor versions', () => {
    const cwd = parent();
    const created = initProject({ folder: 'Seminar på Møn', cwd });
    expect(created.root).toBe(join(cwd, 'Seminar på Møn'));
    expect(readdirSync(created.root).sort()).toEqual(['.gitignore', 'README.md', 'content', 'package.json', 'slides']);
    const pkg = JSON.parse(readFileSync(join(created.root, 'package.json'), 'utf8'));
    expect(pkg).toMatchObject({ name: 'seminar-paa-moen', private: true, dependencies: { samtale: `^${samtaleVersion}` }, scripts: { postinstall: 'samtale setup' } });
    expect(pkg.samtale).toBeUndefined();
    const readme = readFileSync(join(created.root, 'README.md'), 'utf8');
    expect(readme).toContain('# Seminar på Møn');
    expect(readme).toContain('»Sociale medier og lokaldemokrati« (`kl/sociale-medier`)');
    expect(readme).toContain('npx samtale new "Faxe Kommune"');
    // No staging folder is left beside it.
    expect(readdirSync(cwd)).toEqual(['Seminar på Møn']);
  });

  it('with --municipality, writes the first adaptation of kl/sociale-medier, which checks clean', () => {
    const cwd = parent();
    const created = initProject({ folder: 'vordingborg-seminar', cwd, municipality: 'Vordingborg Kommune' });
    expect(created.deck).toEqual({ id: 'vordingborg', manifestFile: join(created.root, 'slides', 'vordingborg.yaml'), contentDir: join(created.root, 'content', 'vordingborg') });
    expect(readFileSync(created.deck!.manifestFile, 'utf8')).toContain('extends: kl/sociale-medier\n');
    expect(readFileSync(join(created.root, 'README.md'), 'utf8')).toContain('dist/vordingborg/index.html');
    expect(checkDecks({ root: created.root })).toEqual({ decks: ['vordingborg'], diagnostics: [] });
  });

  it('writes a tarball or folder as a file: dependency from the new project, a range as it is', () => {
    const cwd = parent();
    writeFileSync(join(cwd, 'samtale-0.1.0.tgz'), '');
    const fromTarball = initProject({ folder: 'a', cwd, samtale: './samtale-0.1.0.tgz' });
    expect(JSON.parse(readFileSync(join(fromTarball.root, 'package.json'), 'utf8')).dependencies).toEqual({ samtale: 'file:../samtale-0.1.0.tgz' });
    const fromRange = initProject({ folder: 'b', cwd, samtale: '~0.1.2' });
    expect(JSON.parse(readFileSync(join(fromRange.root, 'package.json'), 'utf8')).dependencies).toEqual({ samtale: '~0.1.2' });
    expect(() => initProject({ folder: 'c', cwd, samtale: './findes-ikke.tgz' })).toThrow(expect.objectContaining({ code: 'E_USAGE' }));
    expect(existsSync(join(cwd, 'c'))).toBe(false);
  });

  it('starts in an empty folder or one with only .git, never in one that has files', () => {
    const cwd = parent();
    mkdirSync(join(cwd, 'tom', '.git'), { recursive: true });
    expect(initProject({ folder: 'tom', cwd }).files).toContain('package.json');
    mkdirSync(join(cwd, 'fuld'));
    writeFileSync(join(cwd, 'fuld', 'noter.txt'), 'mine noter\n');
    expect(() => initProject({ folder: 'fuld', cwd })).toThrow(expect.objectContaining({ code: 'E_EXISTS', message: 'fuld is not empty (noter.txt); nothing was written' }));
    expect(readdirSync(join(cwd, 'fuld'))).toEqual(['noter.txt']);
    writeFileSync(join(cwd, 'fil'), '');
    expect(() => initProject({ folder: 'fil', cwd })).toThrow(expect.objectContaining({ code: 'E_EXISTS' }));
  });

  it('leaves nothing behind when the municipality gives no deck id', () => {
    const cwd = parent();
    expect(() => initProject({ folder: 'projekt', cwd, municipality: '!!!' })).toThrow(expect.objectContaining({ code: 'E_BAD_NAME' }));
    expect(readdirSync(cwd)).toEqual([]);
  });
});
