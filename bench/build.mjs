#!/usr/bin/env node
// Build-speed benchmark: cold `samtale build` runs as separate processes, timed from spawn to exit
// (Node start included), for the default deck and a generated deck ten times larger, next to
// `node -e 0` and Marp CLI (the peer) building the same slides in the same run.
//
//   node bench/build.mjs [--runs N] [--warmup N] [--rss-runs N] [--no-marp] [--json FILE]
//
// A benchmark, not a test: it prints figures and PASS/MISS lines, and exits 0 whether or not the
// targets are met (it exits 1 only when samtale itself cannot build, as then there are no figures).
// Generated files go to bench/.work/, Marp CLI is installed into bench/.peers/ (both gitignored).
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import os from 'node:os';
import {
  CLI, ROOT, WORK, defaultDeckId, describeFailure, ensurePeer, fail, fmtKb, fmtMs, generateLargeProject, ok, run,
  samtaleHtmlToMarp, stats, table,
} from './support.mjs';

// The ten-times project, the Marp Markdown, processes, statistics and peers: shared with pdf.mjs and pptx.mjs.
const LARGE = join(WORK, 'large');
const OUT = join(WORK, 'out');
const MARP_DIR = join(WORK, 'marp');
const MARP_PACKAGE = '@marp-team/marp-cli';

/** The targets of the issue (median wall-clock, ms). */
const TARGET_DEFAULT_MS = 400;
const TARGET_LARGE_MS = 600;

/** Measured earlier on this machine on a ~40-slide version of the same cards (not re-run here). */
const EARLIER = 'Marp CLI 550 ms, reveal-md 530 ms, Slidev 4100 ms, node 70 ms';

// Prints maxRSS (kB on Linux) to stderr as the process exits; loaded with `node --import`.
const RSS_HOOK = 'data:text/javascript,' + encodeURIComponent(
  'process.on("exit",()=>{process.stderr.write("\\n__MAXRSS__ "+process.resourceUsage().maxRSS+"\\n")})',
);

// ---------------------------------------------------------------------------------------------
// Options

function parseArgs(rawArgv) {
  // `--runs=5` is read as `--runs 5`.
  const argv = rawArgv.flatMap((arg) => (arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg]));
  const options = { runs: 15, warmup: 2, rssRuns: 3, marp: true, json: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) fail(`${arg} needs a value`);
      return next;
    };
    const count = (name, min) => {
      const n = Number(value());
      if (!Number.isInteger(n) || n < min) fail(`${name} must be an integer ≥ ${min}`);
      return n;
    };
    if (arg === '--runs') options.runs = count('--runs', 1);
    else if (arg === '--warmup') options.warmup = count('--warmup', 0);
    else if (arg === '--rss-runs') options.rssRuns = count('--rss-runs', 0);
    else if (arg === '--no-marp') options.marp = false;
    else if (arg === '--json') options.json = resolve(value());
    else if (arg === '-h' || arg === '--help') {
      console.log('usage: node bench/build.mjs [--runs N] [--warmup N] [--rss-runs N] [--no-marp] [--json FILE]');
      process.exit(0);
    } else fail(`unknown option ${arg}`);
  }
  return options;
}

// ---------------------------------------------------------------------------------------------
// Output

function fmtMb(kb) {
  return kb === undefined ? '–' : `${(kb / 1024).toFixed(0)} MB`;
}

// ---------------------------------------------------------------------------------------------
// Main

const options = parseArgs(process.argv.slice(2));
const node = process.execPath;

if (!existsSync(join(ROOT, 'lib', 'cli', 'main.js'))) fail('samtale is not compiled (lib/cli/main.js is missing): run "npm run compile" first');

const deckId = defaultDeckId();
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const large = generateLargeProject(deckId, LARGE, 'bench/build.mjs');
console.log(`generated ${relative(ROOT, LARGE)}/: ${large.cardFiles} card files, slides/large.yaml with ${large.deckCards} cards`);

/** @type {{key:string,label:string,command:string,args:string[],cwd:string,output?:string,samtale?:boolean,times:number[],internal:number[],rss:number[],slides?:number,cards?:number,bytes?:number}[]} */
const subjects = [
  { key: 'node', label: 'node -e 0', command: node, args: ['-e', '0'], cwd: ROOT },
  {
    key: 'default', label: `samtale build (${deckId})`, command: node, args: [CLI, 'build', '--out', join(OUT, 'default')], cwd: ROOT,
    output: join(OUT, 'default', deckId, 'index.html'), samtale: true,
  },
  {
    key: 'large', label: 'samtale build large (×10)', command: node, args: [CLI, 'build', 'large', '--out', join(OUT, 'large')], cwd: LARGE,
    output: join(OUT, 'large', 'large', 'index.html'), samtale: true,
  },
].map((subject) => ({ ...subject, times: [], internal: [], rss: [] }));

// First samtale builds: they must work, and they give the slides the Marp decks are made from.
for (const subject of subjects.filter((s) => s.samtale)) {
  const result = run(subject.command, subject.args, subject.cwd);
  if (!ok(result)) fail(`${subject.label} failed: ${describeFailure(result)}`);
  const built = /built \S+(?: \(the default deck\))?: (\d+) cards, (\d+) slides/.exec(result.stdout);
  subject.cards = built ? Number(built[1]) : undefined;
  subject.slides = built ? Number(built[2]) : undefined;
  subject.bytes = existsSync(subject.output) ? statSync(subject.output).size : undefined;
  const warnings = result.stderr.trim();
  console.log(`${subject.label}: ${result.stdout.trim().split('\n')[0]}${warnings ? `\n  (with ${warnings.split('\n').length} lines on stderr: ${warnings.split('\n')[0].slice(0, 120)})` : ''}`);
}

const notes = [];
let marpVersion;
if (options.marp) {
  const marp = ensurePeer(MARP_PACKAGE, 'marp');
  if (marp.note) notes.push(marp.note);
  else {
    marpVersion = marp.entry.version;
    rmSync(MARP_DIR, { recursive: true, force: true });
    mkdirSync(MARP_DIR, { recursive: true });
    for (const [key, name] of [['default', 'deck'], ['large', 'large']]) {
      const source = subjects.find((s) => s.key === key);
      const { markdown, slides } = samtaleHtmlToMarp(readFileSync(source.output, 'utf8'));
      writeFileSync(join(MARP_DIR, `${name}.md`), markdown);
      const subject = {
        key: `marp-${key}`, label: `marp ${name}.md${key === 'large' ? ' (×10)' : ''}`, command: node,
        args: [marp.entry.file, `${name}.md`, '-o', `${name}.html`], cwd: MARP_DIR, output: join(MARP_DIR, `${name}.html`),
        times: [], internal: [], rss: [], mdSlides: slides,
      };
      const result = run(subject.command, subject.args, subject.cwd);
      if (!ok(result)) {
        notes.push(`Marp CLI failed on ${name}.md, skipped: ${describeFailure(result)}`);
        continue;
      }
      subject.bytes = statSync(subject.output).size;
      // Marp numbers its slides: <section id="1" …> inside each slide's <svg data-marpit-svg>.
      const html = readFileSync(subject.output, 'utf8');
      subject.slides = (html.match(/<section\b[^>]*\bid="\d+"/g) ?? []).length || slides;
      subjects.push(subject);
    }
  }
} else notes.push('Marp CLI skipped (--no-marp)');

// Warm-ups (file cache), then interleaved rounds so that drift hits every subject alike.
const total = options.warmup + options.runs;
process.stdout.write(`timing ${subjects.length} subjects × ${options.runs} runs (after ${options.warmup} warm-ups) `);
for (let round = 0; round < total; round++) {
  for (const subject of subjects) {
    const result = run(subject.command, subject.args, subject.cwd);
    if (!ok(result)) fail(`\n${subject.label} failed: ${describeFailure(result)}`);
    if (round < options.warmup) continue;
    subject.times.push(result.ms);
    const done = /done in (\d+) ms/.exec(result.stdout);
    if (done) subject.internal.push(Number(done[1]));
  }
  process.stdout.write('.');
}
process.stdout.write('\n');

// Peak RSS: extra runs with a tiny exit hook (kept out of the timed runs).
for (const subject of subjects) {
  for (let i = 0; i < options.rssRuns; i++) {
    const result = run(subject.command, ['--import', RSS_HOOK, ...subject.args], subject.cwd);
    const rss = /__MAXRSS__ (\d+)/.exec(result.stderr);
    if (ok(result) && rss) subject.rss.push(Number(rss[1]));
  }
  if (options.rssRuns > 0 && subject.rss.length === 0) notes.push(`no peak RSS for ${subject.label}`);
}

// ---------------------------------------------------------------------------------------------
// Report

const byKey = Object.fromEntries(subjects.map((s) => [s.key, s]));
for (const subject of subjects) {
  subject.stats = stats(subject.times);
  subject.internalMedian = stats(subject.internal)?.median;
  subject.rssMedian = stats(subject.rss)?.median;
}

console.log('');
console.log(table(
  ['wall clock, spawn → exit (ms)', 'min', 'median', 'p90', 'in build()', 'slides', 'output', 'peak RSS'],
  subjects.map((s) => [
    s.label,
    fmtMs(s.stats?.min),
    fmtMs(s.stats?.median),
    fmtMs(s.stats?.p90),
    s.internalMedian === undefined ? '–' : fmtMs(s.internalMedian),
    s.slides ?? '–',
    fmtKb(s.bytes),
    fmtMb(s.rssMedian),
  ]),
));
console.log('"in build()" is the CLI\'s own "done in N ms" (after its imports); the rest of the wall clock is Node start, imports and exit.');

const ratio = (a, b) => (a && b ? a.stats.median / b.stats.median : undefined);
const ratioDefault = ratio(byKey.default, byKey['marp-default']);
const ratioLarge = ratio(byKey.large, byKey['marp-large']);
console.log('');
if (marpVersion) {
  console.log(`Marp CLI ${marpVersion}: samtale/marp median ratio — default ${ratioDefault?.toFixed(2) ?? '–'}, large ${ratioLarge?.toFixed(2) ?? '–'}`);
}
for (const note of notes) console.log(`note: ${note}`);
console.log(`earlier on this machine (~40 slides, not re-run): ${EARLIER}`);
const cpus = os.cpus();
console.log(`machine: ${cpus[0]?.model?.trim() ?? 'unknown CPU'} × ${cpus.length}, ${os.platform()} ${os.release()}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}`);
console.log(`runs: ${options.runs} per subject after ${options.warmup} warm-ups, interleaved; peak RSS: median of ${options.rssRuns} extra runs`);

const verdicts = [];
const verdict = (label, pass, detail) => {
  verdicts.push({ label, pass, detail });
  console.log(`${pass === undefined ? 'SKIP' : pass ? 'PASS' : 'MISS'}  ${label}: ${detail}`);
};
console.log('');
const medDefault = byKey.default.stats.median;
const medLarge = byKey.large.stats.median;
verdict(`default deck < ${TARGET_DEFAULT_MS} ms`, medDefault < TARGET_DEFAULT_MS, `median ${fmtMs(medDefault)} ms (${byKey.default.slides} slides)`);
verdict(`large deck < ${TARGET_LARGE_MS} ms`, medLarge < TARGET_LARGE_MS, `median ${fmtMs(medLarge)} ms (${byKey.large.slides} slides)`);
for (const [key, label, r] of [['marp-default', 'default deck', ratioDefault], ['marp-large', 'large deck', ratioLarge]]) {
  const marp = byKey[key];
  if (!marp) verdict(`faster than Marp CLI, ${label}`, undefined, 'Marp CLI not measured');
  else verdict(`faster than Marp CLI, ${label}`, r < 1, `samtale ${fmtMs(byKey[key.slice(5)].stats.median)} ms vs marp ${fmtMs(marp.stats.median)} ms (×${r.toFixed(2)})`);
}

if (options.json) {
  const report = {
    date: new Date().toISOString(),
    machine: { cpu: cpus[0]?.model?.trim(), cores: cpus.length, platform: os.platform(), release: os.release(), node: process.version },
    runs: options.runs,
    warmup: options.warmup,
    marp: marpVersion,
    subjects: subjects.map((s) => ({
      key: s.key, label: s.label, times: s.times.map((t) => Math.round(t * 10) / 10), ...s.stats,
      internalMedian: s.internalMedian, slides: s.slides, cards: s.cards, bytes: s.bytes, peakRssKb: s.rssMedian,
    })),
    verdicts,
    notes,
  };
  writeFileSync(options.json, JSON.stringify(report, null, 2) + '\n');
  console.log(`\nwrote ${options.json}`);
}
process.exitCode = 0;
