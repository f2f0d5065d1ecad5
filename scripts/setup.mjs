// `npm install` runs this (the `prepare` script): compile samtale, then make sure a browser for PDFs and tests is there.
//
// Dependencies' own install scripts do not run under npm 11 unless approved, and Puppeteer could not download
// its browser here anyway, so the project obtains what it needs itself.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = (name) => fileURLToPath(new URL(name, import.meta.url));

for (const script of ['compile.mjs', 'ensure-browser.mjs']) {
  const result = spawnSync(process.execPath, [here(script)], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`samtale: setup step ${script} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}
