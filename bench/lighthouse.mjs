#!/usr/bin/env node
// Lighthouse benchmark: accessibility and performance scores of what samtale builds, in the same run:
//   - the deck (index.html) on a laptop (desktop profile) and on a phone (mobile profile),
//   - the facilitator view (index.html?samtale=facilitator) on a laptop,
//   - the participants' edition (participants.html) on a phone, the page made for it.
// The deck on a phone is the participants' edition's peer: it is what a participant got before.
//
//   node bench/lighthouse.mjs [--runs N] [--json FILE]
//
// Lighthouse (npm `lighthouse`) drives the Chromium the project finds (src/browser/find-browser.ts), over a
// small local web server (Lighthouse does not audit file:// pages); the mobile profile is Lighthouse's own:
// a mid-range phone, 4× slower CPU, simulated slow 4G. Scores vary from run to run, so each page is audited
// N times (default 3) and the median printed. A benchmark, not a test: it exits 0 whether or not the targets
// are met (1 only when it cannot run). The build goes to bench/.work/lighthouse/ (gitignored).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { writeFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fail, parseOptions, ROOT, WORK as BENCH_WORK } from './support.mjs';

const WORK = join(BENCH_WORK, 'lighthouse');

/** The issue's targets: accessibility 1.00; the participants' edition's first contentful paint on a phone. */
const TARGET_ACCESSIBILITY = 1;
const TARGET_PHONE_FCP_MS = 1500;

const TYPES = { '.html': 'text/html; charset=utf-8', '.mp4': 'video/mp4', '.webm': 'video/webm', '.jpg': 'image/jpeg', '.png': 'image/png', '.svg': 'image/svg+xml', '.vtt': 'text/vtt' };

/** Serves `dir` on 127.0.0.1 at a free port: no compression, as a plain static host would. */
async function serve(dir) {
  const server = createServer(async (request, response) => {
    const path = normalize(join(dir, decodeURIComponent(new URL(request.url, 'http://x').pathname)));
    if (!path.startsWith(dir)) return response.writeHead(403).end();
    try {
      if (!(await stat(path)).isFile()) throw new Error('not a file');
      response.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(await readFile(path));
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((ok) => server.close(ok)) };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function main() {
  const options = parseOptions(process.argv.slice(2), 'node bench/lighthouse.mjs [--runs N] [--json FILE]', { runs: [3, 1] });
  const { build } = await import(join(ROOT, 'lib', 'index.js')).catch(() => fail('lib/ is missing: run `npm run compile` first'));
  const { launchOptions } = await import(join(ROOT, 'lib', 'browser', 'find-browser.js'));
  const { default: lighthouse } = await import('lighthouse');
  const { default: desktopConfig } = await import('lighthouse/core/config/desktop-config.js');
  const { default: puppeteer } = await import('puppeteer');

  const built = await build({ root: ROOT, outDir: WORK });
  const deck = built.decks[0];
  const server = await serve(WORK);
  const launch = launchOptions();
  const browser = await puppeteer.launch({ ...launch, args: [...(launch.args ?? []), '--remote-debugging-port=0'] });
  const port = Number(new URL(browser.wsEndpoint()).port);
  const pages = [
    { name: 'deck', profile: 'desktop', path: `${deck.id}/index.html` },
    { name: 'deck', profile: 'mobile', path: `${deck.id}/index.html` },
    { name: 'facilitator view', profile: 'desktop', path: `${deck.id}/index.html?samtale=facilitator` },
    { name: "participants' edition", profile: 'mobile', path: `${deck.id}/participants.html` },
  ];
  const rows = [];
  try {
    console.log(`Lighthouse ${(await import('lighthouse/package.json', { with: { type: 'json' } })).default.version}, ${launch.executablePath}, ${options.runs} run(s) per page, median shown`);
    for (const page of pages) {
      const runs = [];
      for (let run = 0; run < options.runs; run++) {
        const flags = { port, output: 'json', logLevel: 'error', onlyCategories: ['accessibility', 'performance'] };
        const result = await lighthouse(`${server.origin}/${page.path}`, flags, page.profile === 'desktop' ? desktopConfig : undefined);
        const { categories, audits } = result.lhr;
        runs.push({
          accessibility: categories.accessibility.score,
          performance: categories.performance.score,
          fcp: audits['first-contentful-paint'].numericValue,
          lcp: audits['largest-contentful-paint'].numericValue,
          tbt: audits['total-blocking-time'].numericValue,
          cls: audits['cumulative-layout-shift'].numericValue,
          bytes: audits['total-byte-weight'].numericValue,
          failing: Object.values(audits).filter((a) => a.score === 0 && categories.accessibility.auditRefs.some((r) => r.id === a.id)).map((a) => a.id),
        });
      }
      const pick = (key) => median(runs.map((r) => r[key]));
      rows.push({ ...page, runs: runs.length, accessibility: pick('accessibility'), performance: pick('performance'), fcp: pick('fcp'), lcp: pick('lcp'),
        tbt: pick('tbt'), cls: pick('cls'), bytes: pick('bytes'), failing: [...new Set(runs.flatMap((r) => r.failing))] });
    }
  } finally {
    await browser.close();
    await server.close();
  }

  const pad = (text, n) => String(text).padEnd(n);
  console.log(`\n${pad('page', 24)}${pad('profile', 9)}${pad('a11y', 6)}${pad('perf', 6)}${pad('FCP', 9)}${pad('LCP', 9)}${pad('TBT', 8)}${pad('CLS', 7)}size`);
  for (const r of rows) {
    console.log(`${pad(r.name, 24)}${pad(r.profile, 9)}${pad(r.accessibility.toFixed(2), 6)}${pad(r.performance.toFixed(2), 6)}`
      + `${pad(`${(r.fcp / 1000).toFixed(2)} s`, 9)}${pad(`${(r.lcp / 1000).toFixed(2)} s`, 9)}${pad(`${Math.round(r.tbt)} ms`, 8)}${pad(r.cls.toFixed(3), 7)}${Math.round(r.bytes / 1024)} KB`);
    if (r.failing.length) console.log(`${' '.repeat(24)}failing accessibility audits: ${r.failing.join(', ')}`);
  }
  const participants = rows.find((r) => r.name === "participants' edition");
  const phoneDeck = rows.find((r) => r.name === 'deck' && r.profile === 'mobile');
  console.log('');
  console.log(`${participants.fcp <= TARGET_PHONE_FCP_MS ? 'PASS' : 'MISS'} participants' edition first contentful paint on a phone ${(participants.fcp / 1000).toFixed(2)} s (target ≤ ${TARGET_PHONE_FCP_MS / 1000} s; the deck on a phone: ${(phoneDeck.fcp / 1000).toFixed(2)} s, ${(phoneDeck.fcp / participants.fcp).toFixed(1)}× slower)`);
  for (const r of rows) {
    console.log(`${r.accessibility >= TARGET_ACCESSIBILITY ? 'PASS' : 'MISS'} accessibility ${r.accessibility.toFixed(2)} (target ${TARGET_ACCESSIBILITY.toFixed(2)}): ${r.name}, ${r.profile}`);
  }
  if (options.json) writeFileSync(options.json, `${JSON.stringify(rows, null, 2)}\n`);
}

await main();
