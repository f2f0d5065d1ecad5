// The `samtale` command: thin wiring over the API. Each command imports only what it needs.
import { cac } from 'cac';
import { readFileSync } from 'node:fs';
import { EnvironmentError } from '../diagnostics/deck-error.js';
import { formatDiagnostics } from '../diagnostics/format.js';
import type { Diagnostic } from '../diagnostics/deck-error.js';

/** Exit codes of DESIGN.md: 0 success, 1 a problem in content or environment, 2 bad usage. */
const EXIT_PROBLEM = 1;
const EXIT_USAGE = 2;

class UsageError extends Error {}

const cli = cac('samtale');

cli
  .command('build [...decks]', 'Build decks into one self-contained HTML file each')
  .option('--all', 'Build every deck in slides/')
  .option('--out <dir>', 'Output folder (each deck goes to <dir>/<deck-id>/)', { default: 'dist' })
  .example('samtale build                # the default deck into dist/<deck-id>/index.html')
  .example('samtale build --all --out public')
  .action(async (decks: string[], options: { all?: boolean; out: string }) => {
    const { build } = await import('../api.js');
    const started = performance.now();
    const result = await build({ decks, all: Boolean(options.all), outDir: options.out });
    printDiagnostics(result.diagnostics);
    for (const deck of result.decks) {
      console.log(`built ${deck.id}: ${deck.cards} cards, ${deck.slides} slides → ${relativePath(deck.file)}`);
    }
    console.log(`done in ${Math.round(performance.now() - started)} ms`);
  });

cli
  .command('check [...decks]', 'Validate cards and decks; prints file:line:col: message')
  .option('--all', 'Check every deck in slides/')
  .action(async (decks: string[], options: { all?: boolean }) => {
    const { check } = await import('../api.js');
    const diagnostics = check({ decks, all: Boolean(options.all) });
    printDiagnostics(diagnostics);
    if (diagnostics.some((d) => d.severity === 'error')) process.exitCode = EXIT_PROBLEM;
    else console.log('no problems found');
  });

cli
  .command('new <name>', 'Scaffold an adaptation of the default deck for a municipality')
  .option('--from <deck>', 'The deck to adapt (default: the default deck)')
  .example('samtale new "Faxe Kommune"     # slides/faxe.yaml and content/faxe/')
  .action(async (name: string, options: { from?: string }) => {
    const { newAdaptation } = await import('../api.js');
    const created = newAdaptation({ name, ...(options.from ? { from: options.from } : {}) });
    console.log(`created ${relativePath(created.manifestFile)} (extends ${created.base}) and ${relativePath(created.contentDir)}/`);
    console.log(`next: edit it, then "npx samtale check ${created.id}" and "npx samtale build ${created.id}"`);
  });

cli.help();
cli.version(packageVersion());

function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

function printDiagnostics(diagnostics: readonly Diagnostic[]): void {
  if (diagnostics.length > 0) console.error(formatDiagnostics(diagnostics, { cwd: process.cwd(), codeFrame: true }));
}

function relativePath(file: string): string {
  return file.startsWith(process.cwd() + '/') ? file.slice(process.cwd().length + 1) : file;
}

async function main(): Promise<void> {
  try {
    const { args, options } = cli.parse(process.argv, { run: false });
    if (options['help'] || options['version']) return;
    if (!cli.matchedCommand) {
      if (args.length > 0) throw new UsageError(`unknown command "${args[0]}"`);
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
  if (error instanceof UsageError || name === 'CACError') {
    console.error(`samtale: ${(error as Error).message}\nRun "samtale --help" for usage.`);
    return EXIT_USAGE;
  }
  if (name === 'DeckError') {
    printDiagnostics((error as { diagnostics: Diagnostic[] }).diagnostics);
    console.error('nothing was written');
    return EXIT_PROBLEM;
  }
  if (error instanceof EnvironmentError) {
    console.error(`samtale: ${error.message} [${error.code}]${error.hint ? `\n  hint: ${error.hint}` : ''}`);
    return EXIT_PROBLEM;
  }
  console.error(error instanceof Error ? error.stack ?? error.message : String(error));
  return EXIT_PROBLEM;
}

await main();
