// `npm run compile`: the Node code with tsc, the browser runtime and theme CSS into lib/runtime/, and the base
// decks' earlier card wordings into lib/card-editions.json (scripts/card-editions.mjs).
import { spawn } from 'node:child_process';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { writePlainZeroFonts } from './plain-zero.mjs';
import { writeCardEditions } from './card-editions.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const runtimeDir = path.join(root, 'lib/runtime');
// Everything is built here first and moved into place only when complete,
// so a failed compile leaves the previous runtime intact.
const stagingDir = path.join(root, 'lib/.runtime-staging');
const require = createRequire(import.meta.url);

/** MIME types of the files a theme may reference from its CSS. */
const MIME = {
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
};

class CompileError extends Error {}

// tsc runs in its own process, alongside the Vite build, to use both cores.
function runTsc() {
  const tsc = require.resolve('typescript/bin/tsc');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.json')], {
      cwd: root,
      stdio: 'inherit',
    });
    child.on('close', (code) => resolve(code === 0));
    child.on('error', (error) => {
      console.error(error);
      resolve(false);
    });
  });
}

async function buildRuntimeScript(dir) {
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'vite.config.ts'), build: { outDir: dir } });
  const file = path.join(dir, 'runtime.js');
  const script = makeInlineSafe(await readFile(file, 'utf8'));
  await writeFile(file, script);
}

/**
 * The runtime is inlined into a <script> element, where "</script" would end
 * it and "<!--" can switch the HTML tokenizer into its escaped states. In a
 * minified bundle both can only occur inside string, template or regex
 * literals, where "\x3C" and "<\/" mean the same characters.
 */
function makeInlineSafe(script) {
  const safe = script.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '\\x3C!--');
  if (safe !== script) {
    new vm.Script(safe, { filename: 'runtime.js' }); // throws if the escape broke the syntax
  }
  return safe;
}


/**
 * Replaces every url() in `css` by a data: URL of the file it names, so the
 * deck stays one file. Relative URLs resolve against the CSS file, others as
 * package specifiers (`@fontsource/…/files/….woff2`). Remote URLs are refused:
 * the deck must never touch the network.
 */
async function inlineUrls(css, cssFile) {
  if (/@import\b/.test(css)) {
    throw new CompileError(`${rel(cssFile)}: @import is not supported; put the rules in the theme file`);
  }
  // Comments go first: they may mention url()s (and would only weigh down every deck).
  const code = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const pattern = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)"'\s]*))\s*\)/g;
  const jobs = new Map();
  for (const match of code.matchAll(pattern)) {
    const ref = match[1] ?? match[2] ?? match[3] ?? '';
    if (ref.startsWith('data:') || ref.startsWith('#') || jobs.has(ref)) continue;
    jobs.set(ref, toDataUrl(ref, cssFile));
  }
  const inlined = new Map();
  for (const [ref, job] of jobs) inlined.set(ref, await job);
  return code.replace(pattern, (whole, dq, sq, bare) => {
    const ref = dq ?? sq ?? bare ?? '';
    const data = inlined.get(ref);
    return data === undefined ? whole : `url("${data}")`;
  });
}

async function toDataUrl(ref, cssFile) {
  if (/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(ref)) {
    throw new CompileError(`${rel(cssFile)}: url(${ref}) is not a local file; the deck must work offline`);
  }
  let file;
  try {
    file = ref.startsWith('.') || ref.startsWith('/')
      ? path.resolve(path.dirname(cssFile), ref)
      : createRequire(cssFile).resolve(ref);
  } catch {
    throw new CompileError(`${rel(cssFile)}: cannot find url(${ref})`);
  }
  const mime = MIME[path.extname(file).toLowerCase()];
  if (mime === undefined) {
    throw new CompileError(`${rel(cssFile)}: url(${ref}) has an unsupported file type`);
  }
  const bytes = await readFile(file).catch(() => {
    throw new CompileError(`${rel(cssFile)}: cannot read url(${ref})`);
  });
  return `data:${mime};base64,${bytes.toString('base64')}`;
}

function assertNoExternalUrls(css, name) {
  for (const match of css.matchAll(/url\(\s*["']?([^)"'\s]*)/g)) {
    if (!match[1].startsWith('data:') && !match[1].startsWith('#')) {
      throw new CompileError(`${name}: url(${match[1]}) would load a file; expected only data: URLs`);
    }
  }
}

async function buildStyles(dir) {
  const revealCss = await readFile(require.resolve('reveal.js/reveal.css'), 'utf8');
  assertNoExternalUrls(revealCss, 'reveal.js/reveal.css');
  await writeFile(path.join(dir, 'reveal.css'), revealCss);

  const themesDir = path.join(root, 'themes');
  const entries = await readdir(themesDir, { withFileTypes: true });
  const themes = {};
  const printThemes = {};
  const participantsThemes = {};
  await mkdir(path.join(dir, 'themes'), { recursive: true });
  for (const entry of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const source = path.join(themesDir, entry.name, 'theme.css');
    const css = await readFile(source, 'utf8').catch(() => undefined);
    if (css === undefined) continue;
    const out = `themes/${entry.name}.css`;
    await writeFile(path.join(dir, out), await inlineUrls(css, source));
    themes[entry.name] = out;
    // The theme's print CSS (handout, guide, slides PDF), if it has one; `samtale pdf` falls back to the default's.
    const printSource = path.join(themesDir, entry.name, 'print.css');
    const printCss = await readFile(printSource, 'utf8').catch(() => undefined);
    if (printCss !== undefined) {
      const printOut = `themes/${entry.name}.print.css`;
      await writeFile(path.join(dir, printOut), await inlineUrls(printCss, printSource));
      printThemes[entry.name] = printOut;
    }
    // Its participants' edition CSS (participants.html), if it has one; `samtale build` falls back to the default's.
    const participantsSource = path.join(themesDir, entry.name, 'participants.css');
    const participantsCss = await readFile(participantsSource, 'utf8').catch(() => undefined);
    if (participantsCss !== undefined) {
      const participantsOut = `themes/${entry.name}.participants.css`;
      await writeFile(path.join(dir, participantsOut), await inlineUrls(participantsCss, participantsSource));
      participantsThemes[entry.name] = participantsOut;
    }
  }
  if (!('default' in themes)) throw new CompileError('themes/default/theme.css is missing');
  return { themes, printThemes, participantsThemes };
}

function rel(file) {
  return path.relative(root, file);
}

async function compileRuntime() {
  await rm(stagingDir, { recursive: true, force: true });
  try {
    // The themes' CSS refers to these (lib/fonts/), so they exist before the styles are built.
    await writePlainZeroFonts(path.join(root, 'lib/fonts'));
    await buildRuntimeScript(stagingDir);
    const styles = await buildStyles(stagingDir);
    await writeManifest(stagingDir, styles);
    await rm(runtimeDir, { recursive: true, force: true });
    await rename(stagingDir, runtimeDir);
  } finally {
    await rm(stagingDir, { recursive: true, force: true });
  }
}

async function writeManifest(dir, { themes, printThemes, participantsThemes }) {
  const manifest = {
    script: 'runtime.js',
    revealCss: 'reveal.css',
    themes,
    printThemes,
    participantsThemes,
    // Hashes of scripts the runtime writes into new documents. None today: the
    // facilitator view opens the deck file itself instead of writing a page
    // into a popup, as reveal's speaker view did. The deck adds its own hashes.
    scriptHashes: [],
  };
  await writeFile(path.join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

async function main() {
  const started = performance.now();
  const [tscOk, runtimeOk] = await Promise.all([
    runTsc(),
    compileRuntime().then(
      () => true,
      (error) => {
        console.error(error instanceof CompileError ? `compile: ${error.message}` : error);
        return false;
      },
    ),
  ]);
  if (!tscOk) console.error('compile: tsc failed (see above)');
  if (!tscOk || !runtimeOk) {
    process.exitCode = 1;
    return;
  }
  // The base decks' earlier card wordings, for the stale-change check in a project of one's own.
  writeCardEditions(root);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`compile: lib/ and lib/runtime/ ready in ${seconds} s`);
}

await main();
