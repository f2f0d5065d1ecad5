// The deck as the dev server shows it: rebuilt in memory on demand, compared with what the page has, errors kept as data.
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDecks, renderDeckHtml } from '../api.js';
import { loadRuntimeAssets, type RuntimeAssets } from '../assets/runtime-assets.js';
import { DeckError, EnvironmentError, type Diagnostic } from '../diagnostics/deck-error.js';
import { collectMedia, type MediaCache } from '../pipeline/media.js';
import { mediaFile } from '../pipeline/media-paths.js';
import { diagnosticsOverlay, errorOverlay } from './overlay.js';
import { devDocument, errorDocument, planUpdate, splitDeckHtml, type DeckPage } from './page.js';
import type { DeckUpdate, OverlayError } from './protocol.js';
import { readDevThemeCss } from './theme-css.js';

export interface PreviewOptions {
  /** The project folder (content/, slides/). */
  root: string;
  /** Deck id or manifest path. */
  deck: string;
  /** samtale's own themes/ folder; its source CSS is used instead of the compiled CSS. */
  themesDir?: string;
}

/** The outcome of one rebuild, and what the open pages must be told. */
export type Refresh =
  | { kind: 'unchanged' | 'reload'; deck: BuiltPreview }
  | { kind: 'hot'; deck: BuiltPreview; update: DeckUpdate }
  | { kind: 'error'; error: unknown; overlay: OverlayError; diagnostics: Diagnostic[]; /** The same error as before: nothing new to show. */ repeated: boolean };

export interface BuiltPreview {
  id: string;
  title: string;
  slides: number;
  /** Warnings of this build. */
  diagnostics: Diagnostic[];
}

const require = createRequire(import.meta.url);
const MEDIA_KEYS = ['src', 'poster', 'captions'] as const;

export class DeckPreview {
  /** Goes up with every change the page should see. */
  version = 0;
  private page: DeckPage | undefined;
  private error: OverlayError | undefined;
  /** The deck's media by URL path (`/media/<hash>.mp4`) → the file in the project. */
  private media = new Map<string, string>();
  /** Media hashes, kept while the file's size and time stay the same: a video is hashed once, not at every save. */
  private readonly mediaHashes: MediaCache = new Map();
  private readonly mediaStamps = new Map<string, string>();
  /** Every local file the deck's videos name (video, poster, captions), found or not. */
  private mediaSources = new Set<string>();
  readonly root: string;

  constructor(readonly options: PreviewOptions) {
    this.root = resolve(options.root);
  }

  /** The last error, while the deck is broken. */
  get currentError(): OverlayError | undefined {
    return this.error;
  }

  /** The project file behind a media URL of the deck (`/media/<hash>.<ext>`), as the built deck has it beside its HTML. */
  mediaFile(urlPath: string): string | undefined {
    return this.media.get(urlPath);
  }

  /** Whether the deck uses `file` beyond its cards and manifests: its media, wherever they are in the project. */
  usesFile(file: string): boolean {
    return this.mediaSources.has(file);
  }

  /** Rebuilds the deck from the files as they are now. Never throws: a failure is a `kind: 'error'` result. */
  async refresh(): Promise<Refresh> {
    let built: { html: string; deck: BuiltPreview };
    try {
      built = await this.build();
    } catch (error) {
      const overlay = this.overlayFor(error);
      const repeated = this.error !== undefined && JSON.stringify(overlay) === JSON.stringify(this.error);
      this.error = overlay;
      if (!repeated) this.version++;
      return { kind: 'error', error, overlay, repeated, diagnostics: error instanceof DeckError ? error.diagnostics : [] };
    }
    const next = splitDeckHtml(built.html);
    const wasBroken = this.error !== undefined;
    // A document of an unexpected shape can still be shown; the page then always reloads.
    const plan = next ? planUpdate(this.page, next, this.version + 1) : { kind: 'reload' as const };
    this.page = next ?? { html: built.html, head: '', slides: '', model: '', tail: built.html };
    this.error = undefined;
    if (plan.kind === 'unchanged' && !wasBroken) return { kind: 'unchanged', deck: built.deck };
    this.version++;
    if (plan.kind === 'hot') return { kind: 'hot', deck: built.deck, update: { ...plan.update, version: this.version } };
    if (plan.kind === 'unchanged') {
      // Fixed back to what the page shows: an empty update clears its overlay.
      return { kind: 'hot', deck: built.deck, update: { version: this.version, slides: this.page.slides, model: this.page.model } };
    }
    return { kind: 'reload', deck: built.deck };
  }

  /** The page to serve now: the last good deck (with the error over it, if broken), or only the error. */
  html(): string {
    const options = { version: this.version, ...(this.error ? { error: this.error } : {}) };
    if (this.page) return devDocument(this.page.html, options);
    return errorDocument(this.error ?? { message: 'the deck has not been built yet', stack: '' }, options);
  }

  private async build(): Promise<{ html: string; deck: BuiltPreview }> {
    const { decks, diagnostics } = loadDecks({ root: this.root, decks: [this.options.deck] });
    diagnostics.throwIfErrors();
    const resolved = decks[0];
    if (!resolved) throw new EnvironmentError('E_UNKNOWN_DECK', `no deck "${this.options.deck}"`);
    // As the build does: local videos and posters get their media/ names; they are served from where they are.
    this.mediaSources = new Set(resolved.cards.flatMap(({ card }) => card.videos)
      .flatMap((video) => MEDIA_KEYS.map((key) => mediaFile(video, key)))
      .filter((file): file is string => file !== undefined));
    this.forgetChangedMedia();
    const { deck, files } = collectMedia(resolved, diagnostics, this.mediaHashes);
    diagnostics.throwIfErrors();
    this.rememberMedia();
    this.media = new Map(files.map((file) => [`/${file.path}`, file.from]));
    const runtime = await this.runtime(deck.theme);
    const { document, slides } = renderDeckHtml(deck, runtime);
    return { html: document, deck: { id: deck.id, title: deck.title, slides, diagnostics: diagnostics.sorted() } };
  }

  private forgetChangedMedia(): void {
    for (const file of this.mediaHashes.keys()) {
      if (this.mediaStamps.get(file) !== stamp(file)) this.mediaHashes.delete(file);
    }
  }

  private rememberMedia(): void {
    this.mediaStamps.clear();
    for (const file of this.mediaHashes.keys()) this.mediaStamps.set(file, stamp(file));
  }

  /** The compiled runtime, read afresh (a recompile shows at the next save), with the theme from source. */
  private async runtime(theme: string): Promise<RuntimeAssets> {
    let assets: RuntimeAssets;
    try {
      assets = await loadRuntimeAssets(theme);
    } catch (error) {
      throw new EnvironmentError('E_RUNTIME', (error as Error).message);
    }
    const themeCss = this.options.themesDir ? readDevThemeCss(this.options.themesDir, theme) : undefined;
    if (themeCss === undefined) return assets;
    // The compiled CSS is reveal.css and the theme; reveal.css is copied unchanged from reveal.js.
    const revealCss = readFileSync(require.resolve('reveal.js/reveal.css'), 'utf8');
    return { ...assets, css: `${revealCss}\n${themeCss}` };
  }

  private overlayFor(error: unknown): OverlayError {
    if (error instanceof DeckError) return diagnosticsOverlay(error.diagnostics, { root: this.root, readText });
    if (error instanceof EnvironmentError) return errorOverlay(error, this.root);
    return errorOverlay(error instanceof Error ? error : { message: String(error) }, this.root);
  }
}

/** Size and modification time: a changed file gets a new hash. */
function stamp(file: string): string {
  const stats = statSync(file, { throwIfNoEntry: false });
  return stats ? `${stats.size}:${stats.mtimeMs}` : '';
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** samtale's own folder (the package root): its themes/ and its Vite client live there. */
export const packageRoot = fileURLToPath(new URL('../..', import.meta.url));
export const packageThemesDir = join(packageRoot, 'themes');
