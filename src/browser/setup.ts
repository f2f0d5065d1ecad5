// `samtale setup`: makes sure PDF export has what it needs, as the repository's `npm install` does; never fails an install.
import { findBrowser, type BrowserLocation } from './find-browser.js';
import { aptInstall, canApt, hasEmojiFont, say } from './system-packages.js';

/**
 * Finds the browser `samtale pdf` will use and a colour emoji font for the PDFs; installs what is missing where
 * that can be done (root on Debian or Ubuntu), and otherwise says what to install. Returns the browser found.
 */
export function ensurePdfTools(report: (line: string) => void = say): BrowserLocation | undefined {
  let found = tryFind();
  // A setting that names a missing file is the user's choice to fix; installing another browser would not help.
  const needBrowser = 'error' in found && !found.error.variable;
  const missing = [...(needBrowser ? ['chromium'] : []), ...(hasEmojiFont() ? [] : ['fonts-noto-color-emoji'])];
  if (missing.length > 0 && canApt()) {
    if (!aptInstall(missing, [], report)) report(`could not install ${missing.join(' ')}; see apt-get's output above`);
    if (needBrowser) found = tryFind();
  }
  if (!hasEmojiFont()) report('warning: no colour emoji font; a PDF with emoji in it will be refused.\n  Debian/Ubuntu: sudo apt-get install fonts-noto-color-emoji');
  if ('location' in found) {
    report(`browser for PDF export: ${found.location.path} (${found.location.source})`);
    return found.location;
  }
  report(`warning: ${found.error.message}\n  (samtale build works without it; samtale pdf and samtale record do not)`);
  return undefined;
}

function tryFind(): { location: BrowserLocation } | { error: Error & { variable?: string } } {
  try {
    return { location: findBrowser() };
  } catch (error) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }
}
