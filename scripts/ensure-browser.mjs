// Install-time check that PDF export and the browser tests have a Chromium, poppler-utils and a colour emoji
// font, and that the PowerPoint test has LibreOffice Impress to open the .pptx in; installs them on Debian as root.
//
//   node scripts/ensure-browser.mjs
//
// Run by the project's setup after tsc has compiled src/ into lib/, so it resolves the browser exactly as
// `samtale pdf` will (lib/browser/find-browser.js).
// On Debian/Ubuntu as root (CI, containers) it apt-get installs what is missing. Anywhere else it says
// what to install and exits 0: an install must not fail on a laptop without a browser, only the commands
// that need one do. Set SAMTALE_SKIP_BROWSER_INSTALL=1 to never run apt-get. Without LibreOffice, the
// PowerPoint test that opens the file in it is skipped and says why.
// The helpers are samtale's own (lib/browser/), which `samtale setup` uses in a consultant's project.
import { statSync } from 'node:fs';

const compiled = (name) => new URL(`../lib/browser/${name}`, import.meta.url).href;
let system;
try {
  system = await import(compiled('system-packages.js'));
} catch {
  console.log('samtale: lib/ is not compiled; run "npm run compile" first, then this script again');
  process.exit(0);
}
const { aptInstall, canApt, hasEmojiFont, onPath, say } = system;

/** The compiled resolver: the browser exactly as `samtale pdf` will find it. */
async function loadFindBrowser() {
  return (await import(compiled('find-browser.js'))).findBrowser;
}

function isFile(file) {
  return statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
}

/** LibreOffice's command, as the PowerPoint test looks for it (tests/support/office.ts). */
function findOffice() {
  const fixed = process.platform === 'darwin' ? ['/Applications/LibreOffice.app/Contents/MacOS/soffice'] : [];
  return fixed.find(isFile) ?? onPath(['soffice', 'libreoffice']);
}

function findOrExplain(findBrowser) {
  try {
    return { found: findBrowser() };
  } catch (error) {
    return { error };
  }
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
