// `samtale setup`: makes sure PDF export has a browser, as the repository's `npm install` does; never fails an install.
import { findBrowser, type BrowserLocation } from './find-browser.js';
import { aptInstall, canApt, say } from './system-packages.js';

/**
 * Finds the browser `samtale pdf` will use; when there is none, installs Debian's chromium where that can be
 * done (root on Debian or Ubuntu), and otherwise says what to install. Returns what was found.
 */
export function ensureBrowser(report: (line: string) => void = say): BrowserLocation | undefined {
  let found = tryFind();
  // A setting that names a missing file is the user's choice to fix; installing another browser would not help.
  if ('error' in found && !found.error.variable && canApt()) {
    if (!aptInstall(['chromium'], [], report)) report('could not install chromium; see apt-get\'s output above');
    found = tryFind();
  }
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
