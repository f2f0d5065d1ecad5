// `dev()`: the live preview on Vite's dev server, configured inline (never from vite.config.ts, which builds the runtime).
import { join, resolve } from 'node:path';
import { createLogger, createServer, type Logger, type ViteDevServer } from 'vite';
import { EnvironmentError } from '../diagnostics/deck-error.js';
import { defaultDeckId, loadManifest } from '../pipeline/load.js';
import { samtalePlugin, terminalText } from './plugin.js';
import { DeckPreview, packageRoot, packageThemesDir } from './preview.js';

export interface DevOptions {
  /** The project folder (content/, slides/). Defaults to the current folder. */
  root?: string;
  /** Deck id or manifest path; without one, the default deck. */
  deck?: string;
  /** Defaults to 5173; the next free port is taken if it is busy. */
  port?: number;
  /** Address to listen on; `true` for every address. Defaults to localhost. */
  host?: string | boolean;
  /** Open the deck in the default browser. */
  open?: boolean;
  /** Where messages go; defaults to the terminal. */
  logger?: Logger;
  /** Vite's keyboard shortcuts in the terminal (o: open, q: quit, …). */
  shortcuts?: boolean;
  /** Milliseconds of quiet after a save before rebuilding. */
  debounce?: number;
}

export interface DevServer {
  /** The deck's address, e.g. `http://localhost:5173/`. */
  url: string;
  /** The deck's id. */
  deck: string;
  vite: ViteDevServer;
  close(): Promise<void>;
}

/**
 * Starts the live preview of a deck. Content problems do not stop it: they
 * show in the page and the terminal until fixed. A deck that does not exist
 * or a runtime that is not compiled is an {@link EnvironmentError}.
 */
export async function dev(options: DevOptions = {}): Promise<DevServer> {
  const root = resolve(options.root ?? '.');
  const deck = options.deck ?? defaultDeckId(root);
  const { id } = loadManifest(root, deck);
  const preview = new DeckPreview({ root, deck, themesDir: packageThemesDir });
  const first = await preview.refresh();
  if (first.kind === 'error' && first.error instanceof EnvironmentError) throw first.error;

  const logger = options.logger ?? createLogger('info', { prefix: '[samtale]', allowClearScreen: false });
  const vite = await createServer({
    configFile: false,
    root,
    base: '/',
    appType: 'custom',
    publicDir: false,
    clearScreen: false,
    customLogger: logger,
    // Nothing to pre-bundle: the only module is our client, without dependencies.
    optimizeDeps: { noDiscovery: true, include: [] },
    // The project's, not the installed samtale's: nothing is written outside the project.
    cacheDir: join(root, 'node_modules', '.vite-samtale'),
    server: {
      port: options.port ?? 5173,
      strictPort: false,
      host: options.host ?? 'localhost',
      open: options.open ?? false,
      // The project, and samtale's own folder: the client module and the theme's fonts.
      fs: { allow: [root, packageRoot] },
    },
    plugins: [samtalePlugin({ preview, ...(options.debounce === undefined ? {} : { debounce: options.debounce }) })],
  });
  try {
    await vite.listen();
  } catch (error) {
    await vite.close();
    throw error;
  }
  const url = vite.resolvedUrls?.local[0] ?? vite.resolvedUrls?.network[0];
  if (!url) {
    await vite.close();
    throw new EnvironmentError('E_DEV_SERVER', 'the dev server started but has no address');
  }
  if (first.kind === 'error') logger.error(terminalText(first), { timestamp: true });
  logger.info(`previewing ${id}${first.kind === 'error' ? ' (it has problems, see above)' : ` (${first.deck.slides} slides)`}`);
  vite.printUrls();
  if (options.shortcuts) vite.bindCLIShortcuts({ print: true });
  return { url, deck: id, vite, close: () => vite.close() };
}
