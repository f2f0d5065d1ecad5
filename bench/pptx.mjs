#!/usr/bin/env node
// PowerPoint benchmark: cold `samtale pptx` runs as separate processes, timed from spawn to exit (Node start
// included), for the default deck and a deck ten times larger, next to Marp CLI's `--pptx` of the same slides
// (as Marp Markdown, speaker notes included), `samtale build` of the default deck and `node -e 0`, in the same run,
// interleaved.
//
//   node bench/pptx.mjs [--runs N] [--warmup N] [--large-runs N] [--no-marp] [--json FILE]
//
// Marp takes minutes for the ten-times deck (it renders 600 slides in Chromium), so it runs that one --large-runs
// times (default 1: its first conversion, no warm-up) while every other subject runs --runs times after --warmup.
//
// Marp renders every slide in Chromium and puts the pictures in the file; samtale writes native slides without a
// browser. Run it under the shared lock (Marp starts Chromium): flock /tmp/samtale-browser.lock node bench/pptx.mjs
// A benchmark, not a test: it prints figures and PASS/MISS lines and exits 0 whether or not the targets are met
// (1 only when samtale itself cannot make the files). Chromium for Marp: CHROME_PATH, else /usr/bin/chromium.
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import {
  CLI, defaultDeckId, describeFailure, ensurePeer, fail, fmtKb, fmtMs, generateLargeProject, ok, parseOptions, ROOT, run, samtaleHtmlToMarp, stats, table,
  timeInterleaved, WORK,
} from './support.mjs';

const OUT = join(WORK, 'pptx');
const LARGE = join(OUT, 'large');
const CHROME = process.env.CHROME_PATH || '/usr/bin/chromium';

/** The targets of the issue (median wall clock, spawn to exit). */
const TARGET_DEFAULT_MS = 1000;

const options = parseOptions(process.argv.slice(2), 'node bench/pptx.mjs [--runs N] [--warmup N] [--large-runs N] [--no-marp] [--json FILE]',
  { runs: [5, 1], warmup: [1, 0], largeRuns: [1, 1] }, ['marp']);
const node = process.execPath;
if (!existsSync(join(ROOT, 'lib', 'cli', 'main.js'))) fail('samtale is not compiled (lib/cli/main.js is missing): run "npm run compile" first');

const deckId = defaultDeckId();
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const large = generateLargeProject(deckId, LARGE, 'bench/pptx.mjs');
console.log(`generated ${LARGE}: slides/large.yaml with ${large.deckCards} cards`);

const subjects = [
  { key: 'node', label: 'node -e 0', command: node, args: ['-e', '0'], cwd: ROOT },
  // For scale: the HTML build of the same deck loads and renders the same cards.
  { key: 'build', label: `samtale build (${deckId})`, command: node, args: [CLI, 'build', '--out', join(OUT, 'build')], cwd: ROOT },
  { key: 'default', label: `samtale pptx (${deckId})`, command: node, args: [CLI, 'pptx', '--out', join(OUT, 'default.pptx')], cwd: ROOT, output: join(OUT, 'default.pptx'), samtale: true },
  { key: 'large', label: 'samtale pptx large (×10)', command: node, args: [CLI, 'pptx', 'large', '--out', join(OUT, 'large.pptx')], cwd: LARGE, output: join(OUT, 'large.pptx'), samtale: true },
].map((s) => ({ ...s, warmup: options.warmup, runs: options.runs, times: [], internal: [] }));

// First runs: samtale must work; the slide counts come from its output.
for (const subject of subjects.filter((s) => s.samtale)) {
  const result = run(subject.command, subject.args, subject.cwd);
  if (!ok(result)) fail(`${subject.label} failed: ${describeFailure(result)}`);
  subject.slides = Number(/: (\d+) slides/.exec(result.stdout)?.[1]) || undefined;
}

const notes = [];
let marpVersion;
if (options.marp) {
  const marp = ensurePeer('@marp-team/marp-cli', 'marp');
  if (marp.note) notes.push(marp.note);
  else if (!existsSync(CHROME)) notes.push(`Marp CLI skipped: no Chromium at ${CHROME}; set CHROME_PATH`);
  else {
    marpVersion = marp.entry.version;
    const marpDir = join(OUT, 'marp');
    mkdirSync(marpDir, { recursive: true });
    // The same slides: samtale's built HTML of each deck, as Marp Markdown with the notes.
    for (const [key, cwd, deck, name] of [['marp-default', ROOT, deckId, 'deck'], ['marp-large', LARGE, 'large', 'large']]) {
      const built = run(node, [CLI, 'build', deck, '--out', join(OUT, 'html', name)], cwd);
      if (!ok(built)) fail(`samtale build ${deck} failed: ${describeFailure(built)}`);
      const { markdown, slides } = samtaleHtmlToMarp(readFileSync(join(OUT, 'html', name, deck, 'index.html'), 'utf8'));
      writeFileSync(join(marpDir, `${name}.md`), markdown);
      const subject = {
        key, label: `marp --pptx ${name}.md${name === 'large' ? ' (×10)' : ''}`, command: node, cwd: marpDir, env: { CHROME_PATH: CHROME },
        args: [marp.entry.file, `${name}.md`, '--pptx', '-o', `${name}.pptx`], output: join(marpDir, `${name}.pptx`), slides, times: [], internal: [],
        // Minutes each for the ten-times deck: its first conversion (below) counts as its first run, without a warm-up.
        warmup: name === 'large' ? 0 : options.warmup, runs: name === 'large' ? options.largeRuns - 1 : options.runs,
      };
      const result = run(subject.command, subject.args, subject.cwd, subject.env);
      if (ok(result) && name === 'large') subject.times.push(result.ms);
      if (ok(result)) subjects.push(subject);
      else notes.push(`Marp CLI failed on ${name}.md, skipped: ${describeFailure(result)}`);
    }
  }
} else notes.push('Marp CLI skipped (--no-marp)');

timeInterleaved(subjects, `timing ${subjects.length} subjects × ${options.runs} runs (after ${options.warmup} warm-up${options.warmup === 1 ? '' : 's'}; Marp's ten-times deck ${options.largeRuns})`);
console.log('');

for (const subject of subjects) {
  subject.stats = stats(subject.times);
  subject.internalMedian = stats(subject.internal)?.median;
  subject.bytes = subject.output && existsSync(subject.output) ? statSync(subject.output).size : undefined;
}
const by = Object.fromEntries(subjects.map((s) => [s.key, s]));
console.log(table(
  ['wall clock, spawn → exit (ms)', 'runs', 'min', 'median', 'p90', 'in pptx()', 'slides', 'output'],
  subjects.map((s) => [s.label, s.times.length, fmtMs(s.stats?.min), fmtMs(s.stats?.median), fmtMs(s.stats?.p90), s.internalMedian === undefined ? '–' : fmtMs(s.internalMedian), s.slides ?? '–', fmtKb(s.bytes)]),
));
console.log('"in pptx()" is samtale\'s own "done in N ms" (after Node start and imports).');
for (const note of notes) console.log(`note: ${note}`);
if (marpVersion) console.log(`Marp CLI ${marpVersion} (pictures of slides, rendered in ${CHROME}); samtale: native editable slides, no browser`);
const cpus = os.cpus();
console.log(`machine: ${cpus[0]?.model?.trim() ?? 'unknown CPU'} × ${cpus.length}, ${os.platform()} ${os.release()}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log(`runs: ${options.runs} per subject after ${options.warmup} warm-up(s), interleaved; Marp's ten-times deck ${options.largeRuns} run(s) after its first conversion`);

const verdicts = [];
const verdict = (label, pass, detail) => {
  verdicts.push({ label, pass, detail });
  console.log(`${pass === undefined ? 'SKIP' : pass ? 'PASS' : 'MISS'}  ${label}: ${detail}`);
};
const median = (key) => by[key]?.stats?.median;
console.log('');
verdict(`default deck < ${TARGET_DEFAULT_MS} ms from process start`, median('default') < TARGET_DEFAULT_MS, `median ${fmtMs(median('default'))} ms (${by.default.slides} slides)`);
for (const [mine, theirs, label] of [['default', 'marp-default', 'default deck'], ['large', 'marp-large', 'ten-times deck']]) {
  if (!by[theirs]) verdict(`faster than Marp CLI --pptx, ${label}`, undefined, 'Marp CLI not measured');
  else {
    const ratio = median(mine) / median(theirs);
    verdict(`faster than Marp CLI --pptx, ${label}`, ratio < 1, `samtale ${fmtMs(median(mine))} ms vs marp ${fmtMs(median(theirs))} ms (samtale/marp ×${ratio.toFixed(2)})`);
  }
}

if (options.json) {
  writeFileSync(options.json, JSON.stringify({
    date: new Date().toISOString(),
    machine: { cpu: cpus[0]?.model?.trim(), cores: cpus.length, platform: os.platform(), release: os.release(), node: process.version, load: os.loadavg() },
    runs: options.runs, warmup: options.warmup, marp: marpVersion,
    subjects: subjects.map((s) => ({ key: s.key, label: s.label, times: s.times.map((t) => Math.round(t)), ...s.stats, internalMedian: s.internalMedian, slides: s.slides, bytes: s.bytes })),
    verdicts, notes,
  }, null, 2) + '\n');
  console.log(`\nwrote ${options.json}`);
}
process.exitCode = 0;
