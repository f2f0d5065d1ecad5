// The `samtale` command: thin wiring over the API. Each command imports only what it needs.
import { cac } from 'cac';
import { EnvironmentError, UsageError } from '../diagnostics/deck-error.js';
import { formatDiagnostics, visible } from '../diagnostics/format.js';
import type { Diagnostic } from '../diagnostics/deck-error.js';

/** Exit codes of DESIGN.md: 0 success, 1 a problem in content or environment, 2 bad usage. */
const EXIT_PROBLEM = 1;
const EXIT_USAGE = 2;

const cli = cac('samtale');

cli
  .command('build [...decks]', 'Build decks into one self-contained HTML file each, and the participants\' edition beside it')
  .option('--all', 'Build every deck in slides/')
  .option('--out <dir>', 'Output folder (each deck goes to <dir>/<deck-id>/)', { default: 'dist' })
  .example('samtale build                # the default deck into dist/<deck-id>/index.html and participants.html')
  .example('samtale build --all --out public')
  .action(async (decks: string[], options: { all?: boolean; out: string }) => {
    const { build, deckIds } = await import('../api.js');
    const started = performance.now();
    const result = await build({ decks, all: Boolean(options.all), outDir: options.out });
    printDiagnostics(result.diagnostics);
    const chosen = decks.length === 0 && !options.all;
    for (const deck of result.decks) {
      console.log(`built ${deck.id}${chosen ? ' (the default deck)' : ''}: ${deck.cards} cards, ${deck.slides} slides → ${relativePath(deck.file)}, and the participants' edition ${relativePath(deck.participantsFile)}`);
      for (const file of deck.removedFiles) {
        const command = file.endsWith('.pptx') ? 'pptx' : 'pdf';
        console.log(`removed ${relativePath(file)}: it was made from other content; "samtale ${command} ${deck.id}" makes it again`);
      }
    }
    const others = chosen ? deckIds().filter((id) => !result.decks.some((d) => d.id === id)) : [];
    if (others.length > 0) console.log(`also in slides/: ${others.join(', ')} — build one by name, e.g. "samtale build ${others[0]}", or every deck with --all`);
    console.log(`done in ${Math.round(performance.now() - started)} ms`);
  });

cli
  .command('check [...decks]', 'Validate cards and decks (every deck in slides/ when none is named); prints file:line:col: message')
  .option('--all', 'Check every deck in slides/ (the default)')
  .action(async (decks: string[], options: { all?: boolean }) => {
    const { checkDecks } = await import('../api.js');
    const result = checkDecks({ decks, all: Boolean(options.all) });
    printDiagnostics(result.diagnostics);
    const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = result.diagnostics.length - errors;
    const checked = result.decks.length === 1 ? `checked the deck ${result.decks[0]} and its cards` : `checked ${result.decks.length} decks (${result.decks.join(', ')}) and their cards`;
    // The summary never says "no problems" after a problem was printed.
    if (errors > 0) process.exitCode = EXIT_PROBLEM;
    console.log(errors > 0 ? `${checked}: ${count(errors, 'error')}, see above` : warnings > 0 ? `${checked}: no errors, ${count(warnings, 'warning')} (above)` : `${checked}: no problems found`);
  });

cli
  .command('new <name>', 'Scaffold an adaptation of a deck for a municipality')
  .option('--from <deck>', 'The deck to adapt (default: the project\'s "defaultDeck", else the base deck shipped with samtale)')
  .example('samtale new "Faxe Kommune"     # slides/faxe.yaml and content/faxe/')
  .action(async (name: string, options: { from?: string }) => {
    const { newAdaptation } = await import('../api.js');
    const created = newAdaptation({ name, ...(options.from ? { from: options.from } : {}) });
    console.log(`created ${relativePath(created.manifestFile)} (extends ${created.base}) and ${relativePath(created.contentDir)}/`);
    console.log(`next: edit it, then "npx samtale check ${created.id}" and "npx samtale build ${created.id}"`);
  });

cli
  .command('init <folder>', 'Start a project of your own: package.json depending on samtale, slides/, content/, a README; its decks extend the base decks shipped with samtale')
  .option('--municipality <name>', 'Also write a first adaptation for this municipality, as "samtale new" does')
  .option('--samtale <spec>', 'The samtale dependency in package.json (default: ^ this version): a version range, or a .tgz file or folder')
  .example('samtale init vordingborg-seminar --municipality "Vordingborg Kommune"')
  .action(async (folder: string, options: { municipality?: string; samtale?: string }) => {
    const { initProject } = await import('../scaffold/init-project.js');
    const created = initProject({
      folder: String(folder),
      ...(options.municipality === undefined ? {} : { municipality: String(options.municipality) }),
      ...(options.samtale === undefined ? {} : { samtale: String(options.samtale) }),
    });
    const folderName = relativePath(created.root);
    console.log(`created ${folderName}/: ${created.files.join(', ')}`);
    if (created.deck) console.log(`the deck ${created.deck.id} extends ${created.base.name}`);
    console.log(`next:\n  cd ${folderName}\n  npm install\n  ${created.deck ? 'npx samtale build' : 'npx samtale new "Faxe Kommune"'}`);
  });

cli
  .command('setup', 'Find a Chromium and an emoji font for PDF export, or install them (Debian/Ubuntu as root); "npm install" runs it in a project made by "samtale init"')
  .action(async () => {
    const { ensurePdfTools } = await import('../browser/setup.js');
    // Never an error: an install must not fail on a laptop without a browser, only the commands that need one do.
    ensurePdfTools();
  });

cli
  .command('dev [deck]', 'Live preview: the deck in the browser, updated on the same slide as you save cards and manifests')
  .option('--port <port>', 'Port (the next free one if it is taken)', { default: 5173 })
  .option('--host [host]', 'Address to listen on; without a value, every address (to preview on another device)')
  .option('--open', 'Open the deck in the default browser')
  .example('samtale dev                  # the default deck on http://localhost:5173/')
  .example('samtale dev faxe --open')
  .action(async (deck: string | undefined, options: { port: number | string; host?: string | boolean; open?: boolean }) => {
    const port = Number(options.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('E_USAGE', `--port must be a port number, not "${options.port}"`);
    // Loaded only here: no other command starts Vite.
    const { dev } = await import('../vite/server.js');
    await dev({ ...(deck ? { deck } : {}), port, host: options.host ?? 'localhost', open: Boolean(options.open), shortcuts: process.stdin.isTTY });
  });

cli
  .command('pdf [...decks]', 'Make PDFs: the participant handout, the facilitator guide and the slides')
  .option('--handout', 'The participant handout: questions, quotes, videos with QR codes, room to write')
  .option('--guide', 'The facilitator guide: agenda with times, each card\'s slides with the guidance below')
  .option('--slides', 'The slides, one per page, every question shown')
  .option('--all', 'Every deck in slides/')
  .option('--out <path>', 'A file for one PDF, or a folder (default: dist/<deck-id>/<deck-id>-<kind>.pdf)')
  .option('--paper <size>', 'Paper of the handout: a4 or a5', { default: 'a4' })
  .option('--browser <path>', 'Chromium or Chrome to print with (default: $SAMTALE_BROWSER, then Puppeteer\'s, then the system\'s)')
  .example('samtale pdf                  # all three PDFs of the default deck into dist/<deck-id>/')
  .example('samtale pdf --handout --paper a5 --out handout.pdf')
  .action(async (decks: string[], options: { handout?: boolean; guide?: boolean; slides?: boolean; all?: boolean; out?: string; paper: string; browser?: string }) => {
    // Loaded only here: `build` and `check` never load Puppeteer or pdf-lib.
    const { exportPdf, ExportOptionsError, PAPERS, PDF_KINDS } = await import('../export/index.js');
    const { terminalProgress } = await import('../export/progress.js');
    const paper = PAPERS.find((p) => p === String(options.paper).toLowerCase());
    if (!paper) throw new UsageError('E_USAGE', `--paper must be ${PAPERS.join(' or ')}, not "${options.paper}"`);
    const kinds = PDF_KINDS.filter((kind) => options[kind]);
    const progress = await terminalProgress();
    const started = performance.now();
    let result: Awaited<ReturnType<typeof exportPdf>>;
    try {
      result = await exportPdf({
        decks, all: Boolean(options.all), kinds, paper, onProgress: progress.update,
        ...(options.out === undefined ? {} : { out: String(options.out) }),
        ...(options.browser === undefined ? {} : { browser: String(options.browser) }),
      });
    } catch (error) {
      if (error instanceof ExportOptionsError) throw new UsageError('E_USAGE', error.message);
      throw error;
    } finally {
      progress.stop();
    }
    printDiagnostics(result.diagnostics);
    for (const warning of result.warnings) console.error(`warning: ${visible(warning)}`);
    for (const pdf of result.pdfs) {
      console.log(`wrote ${relativePath(pdf.file)}: ${pdf.kind}, ${pdf.pages} page${pdf.pages === 1 ? '' : 's'}, ${Math.round(pdf.bytes / 1024)} KB`);
    }
    console.log(`done in ${Math.round(performance.now() - started)} ms`);
  });

cli
  .command('pptx [...decks]', 'Make an editable PowerPoint of each deck, with the facilitator\'s guidance in the notes')
  .option('--all', 'Every deck in slides/')
  .option('--out <path>', 'A .pptx file for one deck, or a folder for <deck-id>/<deck-id>.pptx, as build (default: dist)')
  .example('samtale pptx                 # the default deck into dist/<deck-id>/<deck-id>.pptx')
  .example('samtale pptx solby --out solby.pptx')
  .action(async (decks: string[], options: { all?: boolean; out?: string }) => {
    // Loaded only here: no other command loads pptxgenjs.
    const { exportPptx } = await import('../pptx/index.js');
    const { ExportOptionsError } = await import('../export/options.js');
    const started = performance.now();
    let result: Awaited<ReturnType<typeof exportPptx>>;
    try {
      result = await exportPptx({ decks, all: Boolean(options.all), ...(options.out === undefined ? {} : { out: String(options.out) }) });
    } catch (error) {
      if (error instanceof ExportOptionsError) throw new UsageError('E_USAGE', error.message);
      throw error;
    }
    printDiagnostics(result.diagnostics);
    for (const file of result.files) {
      console.log(`wrote ${relativePath(file.file)}: ${file.slides} slides, ${Math.round(file.bytes / 1024)} KB`);
    }
    console.log(`done in ${Math.round(performance.now() - started)} ms`);
  });

cli
  .command('record <file>', 'Make a PDF summary of what the council agreed, from the record downloaded in the facilitator view')
  .option('--deck <deck>', 'The deck whose branding and cards to use (default: the deck the record names)')
  .option('--out <path>', 'The PDF file, or a folder (default: FILE with .pdf)')
  .option('--times', 'Add a table of the planned and used minutes per theme')
  .option('--browser <path>', 'Chromium or Chrome to print with (default: $SAMTALE_BROWSER, then Puppeteer\'s, then the system\'s)')
  .example('samtale record sociale-medier-aftaler-2027-03-02.md      # → sociale-medier-aftaler-2027-03-02.pdf')
  .example('samtale record aftaler.json --deck solby --out solby-aftaler.pdf --times')
  .action(async (file: string, options: { deck?: string; out?: string; browser?: string; times?: boolean }) => {
    // Loaded only here, like `pdf`: no other command loads the summary or Puppeteer.
    const { exportRecordSummary } = await import('../export/record-summary.js');
    const started = performance.now();
    const result = await exportRecordSummary({
      file: String(file),
      ...(options.deck === undefined ? {} : { deck: String(options.deck) }),
      ...(options.out === undefined ? {} : { out: String(options.out) }),
      ...(options.browser === undefined ? {} : { browser: String(options.browser) }),
      times: Boolean(options.times),
    });
    printDiagnostics(result.diagnostics);
    for (const warning of result.warnings) console.error(`warning: ${visible(warning)}`);
    console.log(`wrote ${relativePath(result.file)}: seminar ${result.seminar} of ${result.deck}, ${result.cards} card${result.cards === 1 ? '' : 's'}, ${result.pages} page${result.pages === 1 ? '' : 's'}, ${Math.round(result.bytes / 1024)} KB`);
    console.log(`done in ${Math.round(performance.now() - started)} ms`);
  });

cli.option('-v, --version', 'Show the version of samtale and of the base decks shipped with it');
cli.help();

function printDiagnostics(diagnostics: readonly Diagnostic[]): void {
  if (diagnostics.length > 0) console.error(formatDiagnostics(diagnostics, { cwd: process.cwd(), codeFrame: true }));
}

/** A message that may span lines (the browser search lists what it tried): each line made visible. */
function multiline(text: string): string {
  return text.split('\n').map(visible).join('\n');
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function relativePath(file: string): string {
  return file.startsWith(process.cwd() + '/') ? file.slice(process.cwd().length + 1) : file;
}

async function main(): Promise<void> {
  try {
    const { args, options } = cli.parse(process.argv, { run: false });
    if (options['help']) return;
    if (options['version']) {
      const { versionText } = await import('../project/samtale-package.js');
      console.log(versionText());
      return;
    }
    if (!cli.matchedCommand) {
      if (args.length > 0) throw new UsageError('E_USAGE', `unknown command "${args[0]}"`);
      cli.outputHelp();
      return;
    }
    await cli.runMatchedCommand();
  } catch (error) {
    process.exitCode = report(error);
  }
}

/** The one top-level catch: prints the error the way its kind deserves, returns the exit code. */
function report(error: unknown): number {
  const { name } = error as { name?: string };
  if (error instanceof UsageError) {
    console.error(`samtale: ${visible(error.message)} [${error.code}]\n  hint: ${visible(error.hint)}`);
    return EXIT_USAGE;
  }
  if (name === 'CACError') {
    console.error(`samtale: ${visible((error as Error).message)} [E_USAGE]\n  hint: run "samtale --help" for the commands and their options`);
    return EXIT_USAGE;
  }
  if (name === 'DeckError') {
    printDiagnostics((error as { diagnostics: Diagnostic[] }).diagnostics);
    console.error('nothing was written');
    return EXIT_PROBLEM;
  }
  if (error instanceof EnvironmentError) {
    console.error(`samtale: ${multiline(error.message)} [${error.code}]\n  hint: ${visible(error.hint)}`);
    return EXIT_PROBLEM;
  }
  // A bug in samtale, not in the user's content: said plainly; the stack trace only when asked for.
  const message = error instanceof Error ? error.message : String(error);
  console.error(`samtale: unexpected error: ${multiline(message)}\n  hint: this is a fault in samtale; run again with SAMTALE_DEBUG=1 and report what it prints`);
  if (process.env['SAMTALE_DEBUG'] && error instanceof Error && error.stack) console.error(multiline(error.stack));
  return EXIT_PROBLEM;
}

await main();
