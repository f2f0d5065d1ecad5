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
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'bin', 'samtale.js');
const WORK = join(ROOT, 'bench', '.work');
const LARGE = join(WORK, 'large');
const OUT = join(WORK, 'out');
const MARP_DIR = join(WORK, 'marp');
const PEERS = join(ROOT, 'bench', '.peers');
const MARP_PACKAGE = '@marp-team/marp-cli';
const COPIES = 10;

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

function fail(message) {
  console.error(`bench: ${message}`);
  process.exit(1);
}

// ---------------------------------------------------------------------------------------------
// Processes and statistics

/** Runs one process to completion; wall-clock ms from spawn to exit. */
function run(command, args, cwd) {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - started;
  return { ms, status: result.status, signal: result.signal, error: result.error, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}

function ok(result) {
  return !result.error && result.status === 0;
}

function describeFailure(result) {
  if (result.error) return String(result.error.message ?? result.error);
  const output = `${result.stderr}\n${result.stdout}`.trim().split('\n').slice(-8).join('\n');
  return `exit ${result.status ?? result.signal}\n${output}`;
}

function stats(values) {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  const p90 = sorted[Math.min(sorted.length - 1, Math.ceil(0.9 * sorted.length) - 1)];
  return { min: sorted[0], median, p90, max: sorted.at(-1), n: sorted.length };
}

// ---------------------------------------------------------------------------------------------
// The ten-times project

function defaultDeckId() {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  if (pkg.samtale?.defaultDeck) return pkg.samtale.defaultDeck;
  const manifests = readdirSync(join(ROOT, 'slides')).filter((name) => /\.ya?ml$/i.test(name));
  if (manifests.length === 1) return manifests[0].replace(/\.ya?ml$/i, '');
  fail('cannot tell the default deck (no samtale.defaultDeck in package.json)');
}

function manifestFile(id) {
  for (const ext of ['.yaml', '.yml']) {
    const file = join(ROOT, 'slides', id + ext);
    if (existsSync(file)) return file;
  }
  fail(`no manifest slides/${id}.yaml`);
}

function markdownFiles(dir) {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.toLowerCase().endsWith('.md'))
    .sort()
    .map((name) => join(dir, name));
}

/** A card with id `<id>-r<k>` and title `<title> (r<k>)`; the rest of the file is unchanged. */
function copyCard(text, k, file) {
  const match = /^(---\r?\n)([\s\S]*?)(\r?\n---(?:\r?\n|$))/.exec(text);
  if (!match) fail(`no front matter in ${relative(ROOT, file)}`);
  let sawId = false;
  const front = match[2].split(/\r?\n/).map((line) => {
    const field = /^(id|title):(.*)$/.exec(line);
    if (!field) return line;
    const value = YAML.parse(field[2]);
    if (field[1] === 'id') {
      sawId = true;
      return `id: ${value}-r${k}`;
    }
    return `title: ${JSON.stringify(`${value} (r${k})`)}`;
  });
  if (!sawId) fail(`no id in the front matter of ${relative(ROOT, file)}`);
  return match[1] + front.join('\n') + match[3] + text.slice(match[0].length);
}

/** bench/.work/large/: content/ with every card ×10 and slides/large.yaml listing them all. */
function generateLargeProject(deckId) {
  rmSync(LARGE, { recursive: true, force: true });
  const contentDir = join(ROOT, 'content');
  // Non-card files (media) are copied as they are, cards are replaced by their copies.
  cpSync(contentDir, join(LARGE, 'content'), { recursive: true, filter: (src) => !src.toLowerCase().endsWith('.md') || statSync(src).isDirectory() });
  const cardFiles = markdownFiles(contentDir);
  for (const file of cardFiles) {
    const text = readFileSync(file, 'utf8');
    const rel = relative(contentDir, file);
    for (let k = 1; k <= COPIES; k++) {
      const target = join(LARGE, 'content', dirname(rel), `${basename(rel, '.md')}-r${k}.md`);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, copyCard(text, k, file));
    }
  }
  const manifest = YAML.parse(readFileSync(manifestFile(deckId), 'utf8'));
  const entries = manifest.cards ?? [];
  const cards = [];
  let deckCards = 0;
  for (let k = 1; k <= COPIES; k++) {
    for (const entry of entries) {
      if (typeof entry === 'string') cards.push(`${entry}-r${k}`);
      else if (entry && typeof entry === 'object' && typeof entry.card === 'string') cards.push({ ...structuredClone(entry), card: `${entry.card}-r${k}` });
      else { cards.push(structuredClone(entry)); continue; } // a break or anything else: repeated as it is
      deckCards++;
    }
  }
  manifest.title = `${manifest.title ?? deckId} (×${COPIES})`;
  manifest.cards = cards;
  mkdirSync(join(LARGE, 'slides'), { recursive: true });
  writeFileSync(join(LARGE, 'slides', 'large.yaml'), `# Generated by bench/build.mjs from slides/${deckId}.yaml: every card ×${COPIES}.\n${YAML.stringify(manifest, { lineWidth: 0 })}`);
  writeFileSync(join(LARGE, 'package.json'), JSON.stringify({ private: true, samtale: { defaultDeck: 'large' } }, null, 2) + '\n');
  return { cardFiles: cardFiles.length * COPIES, deckCards };
}

// ---------------------------------------------------------------------------------------------
// samtale's HTML → Marp Markdown, one Marp slide per samtale slide, speaker notes as comments

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decode(text) {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name) => {
    if (name[0] === '#') return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Converts one slide's HTML (headings, paragraphs, lists, quotes, links, emphasis) to Markdown. */
function slideToMarkdown(html) {
  const lines = [];
  const lists = [];
  const links = [];
  let buffer = '';
  let heading = 0;
  let quote = false;
  const flush = (prefix = '') => {
    const text = buffer.replace(/\s+/g, ' ').trim();
    buffer = '';
    if (text) lines.push(prefix + text);
  };
  const blank = () => {
    if (lines.length && lines.at(-1) !== '') lines.push('');
  };
  for (const [, closing, rawTag, attrs, text] of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>|([^<]+)/g)) {
    if (text !== undefined) {
      buffer += decode(text).replace(/^(\s*)([#>+-]|\d+\.)(?=\s)/, '$1\\$2');
      continue;
    }
    const tag = rawTag.toLowerCase();
    if (/^h[1-6]$/.test(tag)) {
      if (!closing) { flush(); blank(); heading = Number(tag[1]); }
      else { flush(`${'#'.repeat(heading)} `); heading = 0; blank(); }
    } else if (tag === 'p' || tag === 'figcaption') {
      if (!closing) { flush(quote ? '> ' : ''); if (!lists.length) blank(); if (tag === 'figcaption') buffer += '— '; }
      else { flush(quote ? '> ' : ''); if (!lists.length) blank(); }
    } else if (tag === 'ol' || tag === 'ul') {
      if (!closing) { flush(); if (!lists.length) blank(); lists.push({ ordered: tag === 'ol', n: 0 }); }
      else { flush(); lists.pop(); if (!lists.length) blank(); }
    } else if (tag === 'li') {
      const list = lists.at(-1) ?? { ordered: false, n: 0 };
      if (!closing) { flush(); list.n++; }
      else flush(`${'   '.repeat(Math.max(0, lists.length - 1))}${list.ordered ? `${list.n}.` : '-'} `);
    } else if (tag === 'blockquote') {
      flush(quote ? '> ' : '');
      quote = !closing;
      blank();
    } else if (tag === 'strong' || tag === 'b') buffer += '**';
    else if (tag === 'em' || tag === 'i') buffer += '*';
    else if (tag === 'code') buffer += '`';
    else if (tag === 'br') buffer += ' ';
    else if (tag === 'a') {
      if (!closing) { links.push(decode(/\bhref="([^"]*)"/.exec(attrs)?.[1] ?? '')); buffer += '['; }
      else buffer += `](${links.pop() ?? ''})`;
    } else if (tag === 'span') {
      // agenda cells: inline, already separated by spaces
    } else if (tag !== 'img' && tag !== 'video' && tag !== 'source' && tag !== 'track') {
      flush(quote ? '> ' : ''); // div, figure and other block boundaries
    }
  }
  flush();
  while (lines.at(-1) === '') lines.pop();
  while (lines[0] === '') lines.shift();
  return lines.join('\n');
}

/** Speaker notes as the plain text of an HTML comment (Marp's presenter notes). */
function notesToText(html) {
  return decode(
    html
      .replace(/<li[^>]*>/gi, '- ')
      .replace(/<\/(p|li|h[1-6])>|<br\s*\/?>/gi, '\n')
      .replace(/<[^>]+>/g, ''),
  )
    .replace(/-->/g, '->')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

function samtaleHtmlToMarp(html) {
  const start = html.indexOf('<div class="slides">');
  const end = html.indexOf('<script', start);
  if (start < 0 || end < 0) throw new Error('no <div class="slides"> in the built HTML');
  const body = html.slice(start, end);
  const title = decode(/<title>([^<]*)<\/title>/.exec(html)?.[1] ?? 'Deck');
  const lang = /<html[^>]*\blang="([^"]+)"/.exec(html)?.[1] ?? 'da';
  const slides = [...body.matchAll(/<section\b[^>]*>([\s\S]*?)<\/section>/g)].map(([, section]) => {
    let notes = '';
    const content = section.replace(/<aside class="notes[^"]*">([\s\S]*?)<\/aside>/g, (_, inner) => {
      notes += inner;
      return '';
    });
    const markdown = slideToMarkdown(content);
    const text = notesToText(notes);
    return text ? `${markdown}\n\n<!--\n${text}\n-->` : markdown;
  });
  const front = `---\nmarp: true\ntheme: default\npaginate: true\nlang: ${lang}\ntitle: ${JSON.stringify(title)}\n---\n\n`;
  return { markdown: front + slides.join('\n\n---\n\n') + '\n', slides: slides.length };
}

// ---------------------------------------------------------------------------------------------
// Marp CLI

function marpEntry() {
  const pkgFile = join(PEERS, 'node_modules', ...MARP_PACKAGE.split('/'), 'package.json');
  if (!existsSync(pkgFile)) return undefined;
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
  const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin?.marp;
  return bin ? { file: join(dirname(pkgFile), bin), version: pkg.version } : undefined;
}

function ensureMarp() {
  let entry = marpEntry();
  if (entry) return { entry };
  console.log(`installing ${MARP_PACKAGE} into ${relative(ROOT, PEERS)}/ (first run only) …`);
  mkdirSync(PEERS, { recursive: true });
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['install', '--prefix', PEERS, MARP_PACKAGE, '--no-audit', '--no-fund', '--loglevel=error'], {
    stdio: 'inherit',
    timeout: 10 * 60 * 1000,
    shell: process.platform === 'win32',
  });
  entry = marpEntry();
  if (!entry) return { note: `Marp CLI skipped: "npm install ${MARP_PACKAGE}" failed (${result.error?.message ?? `exit ${result.status}`})` };
  return { entry };
}

// ---------------------------------------------------------------------------------------------
// Output

function fmtMs(value) {
  return value === undefined ? '–' : `${Math.round(value)}`;
}

function fmtKb(bytes) {
  return bytes === undefined ? '–' : `${Math.round(bytes / 1024)} KB`;
}

function fmtMb(kb) {
  return kb === undefined ? '–' : `${(kb / 1024).toFixed(0)} MB`;
}

function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => String(row[i]).length)));
  const line = (cells) => cells.map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Main

const options = parseArgs(process.argv.slice(2));
const node = process.execPath;

if (!existsSync(join(ROOT, 'lib', 'cli', 'main.js'))) fail('samtale is not compiled (lib/cli/main.js is missing): run "npm run compile" first');

const deckId = defaultDeckId();
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const large = generateLargeProject(deckId);
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
  const marp = ensureMarp();
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
