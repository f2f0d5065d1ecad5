// LibreOffice Impress for the PowerPoint test: found on the machine (the project's setup installs it on Debian), run headless.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const isFile = (file: string) => statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;

/** LibreOffice's `soffice`, as scripts/ensure-browser.mjs looks for it; undefined when it is not installed. */
export function findOffice(): string | undefined {
  const fixed = process.platform === 'darwin' ? ['/Applications/LibreOffice.app/Contents/MacOS/soffice'] : [];
  const dirs = (process.env['PATH'] ?? '').split(path.delimiter).filter(Boolean);
  return [...fixed, ...dirs.flatMap((dir) => ['soffice', 'libreoffice'].map((name) => path.join(dir, name)))].find(isFile);
}

/**
 * Opens `file` in LibreOffice Impress, headless, and exports it as PDF into `outDir`; returns the PDF's path.
 * Each run has its own user profile, so runs never share (or lock) one.
 */
export function convertToPdf(office: string, file: string, outDir: string): string {
  const profile = mkdtempSync(path.join(tmpdir(), 'samtale-office-'));
  try {
    const run = spawnSync(office, [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, file],
      { encoding: 'utf8', timeout: 180_000 });
    const pdf = path.join(outDir, `${path.basename(file, path.extname(file))}.pdf`);
    if (run.status !== 0 || !isFile(pdf)) throw new Error(`LibreOffice could not convert ${file} (exit ${run.status ?? run.signal}):\n${run.stdout}${run.stderr}`);
    return pdf;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
