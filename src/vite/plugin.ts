// The Vite plugin of `samtale dev`: serves the deck, rebuilds it when its files change, and tells the page.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin, ViteDevServer } from 'vite';
import type { Diagnostic } from '../diagnostics/deck-error.js';
import { formatDiagnostics, visible } from '../diagnostics/format.js';
import type { DeckPreview, Refresh } from './preview.js';
import { CLIENT_URL, HELLO_EVENT, UPDATE_EVENT, type Hello } from './protocol.js';
import { fsUrl } from './theme-css.js';
import { coalesce, isDeckSource, watchedDirs } from './watch.js';

export interface SamtalePluginOptions {
  preview: DeckPreview;
  /** Milliseconds of quiet after a change before rebuilding. */
  debounce?: number;
}

/** After the last change, when to look again for a change the watcher dropped. */
const SETTLE_MS = 150;

/** The browser half, next to this file: compiled (lib/vite/client.js) or, under Vitest, its source. */
export const clientFile = ['client.js', 'client.ts']
  .map((name) => fileURLToPath(new URL(name, import.meta.url)))
  .find((file) => existsSync(file)) ?? fileURLToPath(new URL('client.js', import.meta.url));

/**
 * Serves the deck at `/`, watches content/, slides/ and themes/, and on a
 * change rebuilds the deck in memory: the open page is updated in place
 * (same slide) or reloaded; a problem goes to Vite's overlay and the terminal.
 */
export function samtalePlugin(options: SamtalePluginOptions): Plugin {
  const { preview } = options;
  const dirs = watchedDirs(preview.root, preview.options.themesDir);
  let lastWarnings = '';

  const announce = (server: ViteDevServer, result: Refresh, ms: number): void => {
    const logger = server.config.logger;
    if (result.kind === 'error') {
      if (result.repeated) return;
      lastWarnings = '';
      logger.error(terminalText(result), { timestamp: true });
      server.ws.send({ type: 'error', err: result.overlay });
      return;
    }
    // Warnings once, not at every save.
    const warnings = terminalText({ diagnostics: result.deck.diagnostics });
    if (warnings && warnings !== lastWarnings) logger.warn(warnings, { timestamp: true });
    lastWarnings = warnings;
    if (result.kind === 'unchanged') return;
    if (result.kind === 'hot') server.ws.send({ type: 'custom', event: UPDATE_EVENT, data: result.update });
    else server.ws.send({ type: 'full-reload', path: '*' });
    logger.info(`${result.kind === 'hot' ? 'updated' : 'reloaded'} ${result.deck.id} (${result.deck.slides} slides) in ${ms} ms`, { timestamp: true });
  };

  return {
    name: 'samtale',
    apply: 'serve',

    resolveId(id) {
      return id === CLIENT_URL ? clientFile : undefined;
    },

    load(id) {
      return id === clientFile ? readFileSync(clientFile, 'utf8') : undefined;
    },

    // The deck is not a module graph: Vite's own HMR has nothing to do for its files.
    handleHotUpdate({ file }) {
      return isDeckSource(file, dirs) || preview.usesFile(file) ? [] : undefined;
    },

    configureServer(server) {
      const rebuild = coalesce(async () => {
        const started = performance.now();
        const result = await preview.refresh();
        announce(server, result, Math.round(performance.now() - started));
      }, options.debounce ?? 40);

      // The watcher drops a second change to a file within 50 ms of the first (chokidar's
      // throttle), as when a formatter saves right after the editor: so look once more when
      // the saves have stopped. An unchanged deck costs a rebuild in memory and sends nothing.
      let settle: ReturnType<typeof setTimeout> | undefined;
      const onChange = (file: string) => {
        if (!isDeckSource(file, dirs) && !preview.usesFile(file)) return;
        rebuild();
        clearTimeout(settle);
        settle = setTimeout(rebuild, SETTLE_MS);
      };
      server.watcher.add(dirs);
      for (const event of ['add', 'change', 'unlink', 'unlinkDir'] as const) server.watcher.on(event, onChange);
      server.httpServer?.once('close', () => {
        clearTimeout(settle);
        rebuild.cancel();
      });

      // A page served before the latest change catches up as soon as it connects.
      server.ws.on(HELLO_EVENT, (data: Hello | undefined, client) => {
        if (data?.version === preview.version) return;
        const error = preview.currentError;
        client.send(error ? { type: 'error', err: error } : { type: 'full-reload', path: '*' });
      });

      server.middlewares.use((request, response, next) => {
        const path = (request.url ?? '/').split(/[?#]/)[0] ?? '/';
        if (request.method !== 'GET' && request.method !== 'HEAD') {
          next();
          return;
        }
        // The deck's media/<hash> names, as beside the built HTML: Vite serves the project file (ranges too, for video).
        const media = preview.mediaFile(path);
        if (media !== undefined) {
          request.url = fsUrl(media);
          next();
          return;
        }
        if (path !== '/' && path !== '/index.html') {
          next();
          return;
        }
        response.setHeader('Content-Type', 'text/html; charset=utf-8');
        response.setHeader('Cache-Control', 'no-store');
        response.end(preview.html());
      });
    },
  };
}

/** What the terminal shows for a failed or warned build: diagnostics as `samtale check` prints them. */
export function terminalText(result: { diagnostics: readonly Diagnostic[]; overlay?: { message: string; stack: string } }): string {
  if (result.diagnostics.length > 0) return formatDiagnostics(result.diagnostics, { cwd: process.cwd(), codeFrame: true });
  if (!result.overlay) return '';
  const text = result.overlay.stack ? `${result.overlay.message}\n${result.overlay.stack}` : result.overlay.message;
  return text.split('\n').map(visible).join('\n');
}
