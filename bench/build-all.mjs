// Benchmark: `samtale build --all` over one adaptation per Danish municipality (98 decks).
//
//   node bench/build-all.mjs [--runs N]
//
// Generates bench/.work/all/: the project's cards and decks plus 98 adaptations of the default deck, each
// with its own municipality, date, colours, card choice and order, minutes, a changed question, a local
// quote and a local card of its own. Times a cold `samtale build --all` (a separate process, wall clock
// from spawn to exit) and its peak memory, and the same for the first 10 and 49 adaptations to show how
// memory grows with the number of decks. Target: 98 decks in under 10 s on this 2-core machine, memory
// flat in the number of decks. Prints figures; exits 0 unless a build fails.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'bin', 'samtale.js');
const WORK = join(ROOT, 'bench', '.work', 'all');
const TARGET_MS = 10_000;
const RSS_HOOK = 'data:text/javascript,' + encodeURIComponent(
  'process.on("exit",()=>{process.stderr.write("\\n__MAXRSS__ "+process.resourceUsage().maxRSS+"\\n")})',
);

const MUNICIPALITIES = `Albertslund Allerød Assens Ballerup Billund Bornholm Brøndby Brønderslev Dragør Egedal Esbjerg Fanø
Favrskov Faxe Fredensborg Fredericia Frederiksberg Frederikshavn Frederikssund Furesø Faaborg-Midtfyn Gentofte Gladsaxe
Glostrup Greve Gribskov Guldborgsund Haderslev Halsnæs Hedensted Helsingør Herlev Herning Hillerød Hjørring Holbæk
Holstebro Horsens Hvidovre Høje-Taastrup Hørsholm Ikast-Brande Ishøj Jammerbugt Kalundborg Kerteminde Kolding København
Køge Langeland Lejre Lemvig Lolland Lyngby-Taarbæk Læsø Mariagerfjord Middelfart Morsø Norddjurs Nordfyns Nyborg Næstved
Odder Odense Odsherred Randers Rebild Ringkøbing-Skjern Ringsted Roskilde Rudersdal Rødovre Samsø Silkeborg Skanderborg
Skive Slagelse Solrød Sorø Stevns Struer Svendborg Syddjurs Sønderborg Thisted Tønder Tårnby Vallensbæk Varde Vejen Vejle
Vesthimmerland Viborg Vordingborg Ærø Aabenraa Aalborg Aarhus`.split(/\s+/);

/** Dark, AA-safe brand colours to rotate through. */
const PRIMARIES = ['#0b4a6f', '#0f5b52', '#5b2a86', '#7a1f2b', '#1f3b73', '#234d20', '#4a4a4a'];
const ACCENTS = ['#b4471a', '#a4400f', '#8a3b9e', '#9c2f2f', '#0f6b8a', '#6b5a00'];
const THEMES = ['om-at-bruge-sociale-medier', 'om-at-vaere-rollemodel', 'om-at-vaere-paa-24-7', 'om-at-have-forskellige-graenser',
  'om-at-moderere-debatten', 'om-enkeltsager-og-helhedshensyn', 'om-digital-deltagelse', 'om-at-naa-unge-paa-sociale-medier',
  'om-at-vaere-borgerens-stemme-og-arbejdsgiver', 'om-samspillet-mellem-kommunalbestyrelse-og-forvaltning'];

const slug = (name) => name.toLowerCase().replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa').replace(/[^a-z0-9]+/g, '-');

function parseArgs(argv) {
  const runs = argv.includes('--runs') ? Number(argv[argv.indexOf('--runs') + 1]) : 5;
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs needs a positive whole number');
  return { runs };
}

/** The project with the first `count` municipalities' adaptations. */
function generate(count) {
  const dir = join(WORK, String(count));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(join(ROOT, 'content'), join(dir, 'content'), { recursive: true });
  cpSync(join(ROOT, 'slides'), join(dir, 'slides'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ private: true, samtale: { defaultDeck: 'sociale-medier' } }));
  MUNICIPALITIES.slice(0, count).forEach((name, i) => {
    const id = slug(name);
    const chosen = THEMES.filter((_, t) => (t + i) % 3 !== 0).sort((a, b) => ((a.length * (i + 1)) % 7) - ((b.length * (i + 1)) % 7));
    mkdirSync(join(dir, 'content', id), { recursive: true });
    writeFileSync(join(dir, 'content', id, 'kodeks.md'), `---\nid: ${id}-kodeks\ntitle: Om ${name} Kommunes kodeks\nminutes: 15\n---\n\n`
      + `? Hvordan bruger I kodekset i ${name}?\n\n?! Hvad kan I som kommunalbestyrelse med fordel gøre for at leve op til det?\n\n`
      + `> Vi taler pænt til hinanden – også på sociale medier.\n>\n> -- ${name} Kommunes kodeks\n\n::: notes\nTal om kodekset.\n:::\n`);
    const [first, ...rest] = chosen;
    writeFileSync(join(dir, 'slides', `${id}.yaml`), [
      'extends: sociale-medier',
      `municipality: ${name} Kommune`,
      `date: "2027-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}"`,
      `start: "${String(15 + (i % 4)).padStart(2, '0')}:${i % 2 ? '30' : '00'}"`,
      `place: Byrådssalen, ${name}`,
      'branding:',
      `  primary: "${PRIMARIES[i % PRIMARIES.length]}"`,
      `  accent: "${ACCENTS[i % ACCENTS.length]}"`,
      'cards:',
      '  - kom-godt-i-gang',
      `  - card: ${first}`,
      `    minutes: ${15 + (i % 3) * 5}`,
      '    quotes:',
      '      add:',
      `        - text: I ${name} taler vi ordentligt til hinanden.`,
      `          source: ${name} Kommunes kodeks`,
      ...rest.slice(0, 4).map((card) => `  - ${card}`),
      '  - break: 15',
      ...rest.slice(4).map((card) => `  - ${card}`),
      `  - ${id}-kodeks`,
      '',
    ].join('\n'));
  });
  return dir;
}

function build(dir) {
  const out = join(dir, 'out');
  rmSync(out, { recursive: true, force: true });
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--import', RSS_HOOK, CLI, 'build', '--all', '--out', out], { cwd: dir, encoding: 'utf8' });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`samtale build --all failed in ${dir}:\n${result.stdout}${result.stderr}`);
  const rssKb = Number(/__MAXRSS__ (\d+)/.exec(result.stderr)?.[1] ?? NaN);
  return { ms, rssMb: rssKb / 1024, decks: readdirSync(out).length };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const { runs } = parseArgs(process.argv.slice(2));
console.log(`samtale build --all over generated adaptations (${runs} runs each, after 1 warm-up)\n`);
console.log('adaptations   decks   median ms   min ms   ms/deck   peak RSS MB');
const rows = [];
for (const count of [10, 49, 98]) {
  const dir = generate(count);
  build(dir);
  const results = Array.from({ length: runs }, () => build(dir));
  const row = { count, decks: results[0].decks, median: median(results.map((r) => r.ms)), min: Math.min(...results.map((r) => r.ms)), rss: median(results.map((r) => r.rssMb)) };
  rows.push(row);
  console.log(`${String(count).padStart(11)}   ${String(row.decks).padStart(5)}   ${row.median.toFixed(0).padStart(9)}   ${row.min.toFixed(0).padStart(6)}   ${(row.median / row.decks).toFixed(1).padStart(7)}   ${row.rss.toFixed(0).padStart(11)}`);
}
const [small, , all] = rows;
const growth = (all.rss - small.rss) / (all.decks - small.decks);
console.log(`\nmemory growth: ${growth.toFixed(2)} MB per extra deck (${small.rss.toFixed(0)} MB for ${small.decks} decks → ${all.rss.toFixed(0)} MB for ${all.decks})`);
console.log(`machine: ${os.cpus()[0]?.model ?? 'unknown'} × ${os.cpus().length}, Node ${process.version}`);
console.log(`${all.median < TARGET_MS ? 'PASS' : 'MISS'}  98 adaptations < ${TARGET_MS / 1000} s: median ${(all.median / 1000).toFixed(2)} s for ${all.decks} decks`);
