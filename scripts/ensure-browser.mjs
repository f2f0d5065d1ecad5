// Install-time check that PDF export and the browser tests have a Chromium, poppler-utils and a colour emoji
// font, and that the PowerPoint test has LibreOffice Impress to open the .pptx in; installs them on Debian as root.
//
//   node scripts/ensure-browser.mjs
//
// Run by the project's setup after tsc has compiled src/ into lib/, so it resolves the browser exactly as
// `samtale pdf` will (lib/browser/find-browser.js); without lib/ it does a smaller check of its own.
// On Debian/Ubuntu as root (CI, containers) it apt-get installs what is missing. Anywhere else it says
// what to install and exits 0: an install must not fail on a laptop without a browser, only the commands
// that need one do. Set SAMTALE_SKIP_BROWSER_INSTALL=1 to never run apt-get. Without LibreOffice, the
// PowerPoint test that opens the file in it is skipped and says why.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const say = (line) => console.log(`samtale: ${line}`);

/** The compiled resolver, or a minimal stand-in when lib/ has not been built (or fails to load). */
async function loadFindBrowser() {
  try {
    const lib = await import(new URL('../lib/browser/find-browser.js', import.meta.url).href);
    return lib.findBrowser;
  } catch {
    return minimalFindBrowser;
  }
}

function isFile(file) {
  return statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
}

/** Same order as src/browser/find-browser.ts, minus Puppeteer's browser (which it cannot download here anyway). */
function minimalFindBrowser() {
  for (const name of ['SAMTALE_BROWSER', 'PUPPETEER_EXECUTABLE_PATH', 'CHROME_PATH']) {
    const value = process.env[name];
    if (!value) continue;
    if (isFile(value)) return { path: value, source: 'setting' };
    throw Object.assign(new Error(`${name} is set to ${value}, but there is no such file.`), { variable: name });
  }
  const fixed = {
    darwin: ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium'],
    win32: [`${process.env.PROGRAMFILES ?? 'C:\\Program Files'}\\Google\\Chrome\\Application\\chrome.exe`],
  }[process.platform] ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
  const found = fixed.find(isFile) ?? onPath(['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome']);
  if (found) return { path: found, source: 'system' };
  throw new Error(
    'No Chromium or Chrome found; PDF export and the browser tests need one.\n' +
      (process.platform === 'linux' ? '  - on Debian/Ubuntu: sudo apt-get install chromium\n' : '  - install Google Chrome (https://www.google.com/chrome/)\n') +
      '  - or set SAMTALE_BROWSER=/path/to/chrome',
  );
}

/** Like `which`: the first of `names` in a PATH directory. */
function onPath(names) {
  const exts = process.platform === 'win32' ? ['.exe', ''] : [''];
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    for (const name of names) for (const ext of exts) if (isFile(path.join(dir, name + ext))) return path.join(dir, name + ext);
  }
  return undefined;
}

/** Debian or a derivative (Ubuntu), where `apt-get install` names the packages we need. */
function isDebianLike() {
  if (process.platform !== 'linux') return false;
  if (existsSync('/etc/debian_version')) return true;
  try {
    return /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(readFileSync('/etc/os-release', 'utf8'));
  } catch {
    return false;
  }
}

function canApt() {
  return (
    process.env.SAMTALE_SKIP_BROWSER_INSTALL !== '1' &&
    isDebianLike() &&
    process.getuid?.() === 0 &&
    onPath(['apt-get']) !== undefined
  );
}

/** LibreOffice's command, as the PowerPoint test looks for it (tests/support/office.ts). */
function findOffice() {
  const fixed = process.platform === 'darwin' ? ['/Applications/LibreOffice.app/Contents/MacOS/soffice'] : [];
  return fixed.find(isFile) ?? onPath(['soffice', 'libreoffice']);
}

function apt(args) {
  const run = spawnSync('apt-get', args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    timeout: 20 * 60_000,
  });
  return run.status === 0;
}

/** Installs; only when that fails (usually stale or absent package lists) runs `apt-get update` and retries. */
function aptInstall(packages, options = []) {
  say(`installing ${packages.join(' ')} with apt-get`);
  const install = ['install', '-y', ...options, ...packages];
  if (apt(install)) return true;
  say('apt-get install failed; updating the package lists and trying again');
  return apt(['update']) && apt(install);
}

function findOrExplain(findBrowser) {
  try {
    return { found: findBrowser() };
  } catch (error) {
    return { error };
  }
}

/**
 * Whether fontconfig knows a colour emoji font: the PDFs draw emoji with it (src/export/emoji.ts). Only asked
 * where fontconfig is (Linux); macOS and Windows come with one.
 */
function hasEmojiFont() {
  if (onPath(['fc-list']) === undefined) return true;
  const run = spawnSync('fc-list', [':color=True', 'family'], { encoding: 'utf8', timeout: 30_000 });
  return run.status !== 0 || run.stdout.trim() !== '';
}

async function main() {
  const findBrowser = await loadFindBrowser();
  let browser = findOrExplain(findBrowser);
  const hasPoppler = () => onPath(['pdftotext']) !== undefined && onPath(['pdftoppm']) !== undefined;
  // A setting that names a missing file is the user's choice to fix; installing another browser would not help.
  const needBrowser = !browser.found && !browser.error?.variable;
  const missing = [...(needBrowser ? ['chromium'] : []), ...(hasPoppler() ? [] : ['poppler-utils']),
    ...(hasEmojiFont() ? [] : ['fonts-noto-color-emoji'])];

  if (missing.length > 0 && canApt()) {
    if (!aptInstall(missing)) say(`could not install ${missing.join(' ')}; see apt-get's output above`);
    if (needBrowser) browser = findOrExplain(findBrowser);
  }

  if (browser.found) say(`browser for PDF export and tests: ${browser.found.path} (${browser.found.source})`);
  else say(`warning: ${browser.error?.message ?? browser.error}\n  (samtale build works without it; samtale pdf and the browser tests do not)`);

  if (hasEmojiFont()) say('a colour emoji font found');
  else say('warning: no colour emoji font; a PDF with emoji in it will be refused.\n  Debian/Ubuntu: sudo apt-get install fonts-noto-color-emoji');

  if (hasPoppler()) say('pdftotext and pdftoppm (poppler-utils) found');
  else {
    say(
      'warning: pdftotext/pdftoppm not found; the PDF tests need them.\n' +
        '  Debian/Ubuntu: sudo apt-get install poppler-utils; macOS: brew install poppler',
    );
  }

  // Impress alone, without the suggested extras (Java, the other office programs): a headless converter.
  if (!findOffice() && canApt() && !aptInstall(['libreoffice-impress'], ['--no-install-recommends'])) {
    say('could not install libreoffice-impress; see apt-get\'s output above');
  }
  const office = findOffice();
  if (office) say(`LibreOffice for the PowerPoint test: ${office}`);
  else {
    say(
      'note: LibreOffice not found; the test that opens the PowerPoint file in it will be skipped.\n' +
        '  Debian/Ubuntu: sudo apt-get install libreoffice-impress; macOS: brew install --cask libreoffice',
    );
  }
}

try {
  await main();
} catch (error) {
  // Never fail the install over this; the commands that need a browser report it themselves.
  say(`warning: could not check for a browser: ${error instanceof Error ? error.message : String(error)}`);
}
