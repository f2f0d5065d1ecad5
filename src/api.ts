// The programmatic API behind the CLI: build and check decks. Tests call these directly.
import { dirname, join, resolve } from 'node:path';
import { listThemes, loadRuntimeAssets, themeColours, type RuntimeAssets } from './assets/runtime-assets.js';
import { contentSecurityPolicy } from './assets/csp.js';
import { loadParticipantsThemeFiles, type ParticipantsThemeFiles } from './assets/participants-assets.js';
import { DeckError, Diagnostics, EnvironmentError, type Diagnostic } from './diagnostics/deck-error.js';
import type { Card, Deck, DeckCard, NotesSource } from './model.js';
import { emitDeck } from './pipeline/emit.js';
import { deckContentHashes } from './pipeline/content-hash.js';
import { collectMedia, mediaOutputFiles, type MediaCache } from './pipeline/media.js';
import { brandingCss, loadBranding } from './pipeline/branding.js';
import { writeAdaptation, type NewAdaptation } from './scaffold/new-adaptation.js';
import { CardPools } from './pipeline/card-pool.js';
import { defaultBaseDeck, defaultDeckId, findManifest, isManifestProblem, listDeckIds, listManifestFiles, loadManifest, type ManifestFile } from './pipeline/load.js';
import { loadManifestChain, mergeChain } from './pipeline/manifest-chain.js';
import { checkManifestNotes } from './pipeline/manifest-notes.js';
import { checkTextFit } from './pipeline/text-fit.js';
import { resolveDeck } from './pipeline/resolve.js';
import { deckModel } from './pipeline/render/deck-model.js';
import { renderDeckSlides } from './pipeline/render/deck-slides.js';
import { samtaleVersion } from './project/samtale-package.js';
import { gitCardHistory } from './project/card-history.js';
import { packageCardEditions } from './project/card-editions.js';
import { parseCard } from './pipeline/parse-card.js';
import type { MarkdownIt } from 'markdown-it';
import { inlineScriptText, renderDocument } from './pipeline/render/document.js';
import { videoFrameSources } from './pipeline/render/video.js';
import { renderParticipantsHtml } from './participants/render.js';

export interface DeckSelection {
  /** The project folder (with content/ and slides/). Defaults to the current folder. */
  root?: string;
  /** Deck ids or manifest paths; none means the default deck. */
  decks?: readonly string[];
  /** Every manifest in slides/. */
  all?: boolean;
}

export interface BuildOptions extends DeckSelection {
  /** Output folder; each deck goes to `<outDir>/<deck-id>/`. Defaults to `dist`. */
  outDir?: string;
}

export interface BuiltDeck {
  id: string;
  file: string;
  /** The participants' edition beside it. */
  participantsFile: string;
  slides: number;
  cards: number;
  /** PDFs and PowerPoints of the deck's previous folder left out because they were made from other content (paths). */
  removedFiles: string[];
}

export interface BuildResult {
  decks: BuiltDeck[];
  /** Warnings (errors throw a DeckError). */
  diagnostics: Diagnostic[];
}

/** What made a file: `samtale <version>`, for documents' metadata; part of every content hash, so a new samtale remakes the PDFs. */
export const GENERATOR = `samtale ${samtaleVersion}`;

/** What made a deck's files: samtale, and the editions of the base decks the deck is built on. */
export function deckGenerator(deck: Pick<Deck, 'baseDecks'>): string {
  const bases = deck.baseDecks.map((base) => `${base.name} ${base.version}`).join(', ');
  return bases ? `${GENERATOR} (${bases})` : GENERATOR;
}

/** Parses, resolves and validates the selected decks; throws DeckError listing every problem. */
export function loadDecks(selection: DeckSelection): { decks: Deck[]; diagnostics: Diagnostics } {
  const root = resolve(selection.root ?? '.');
  const diagnostics = new Diagnostics();
  // Every deck name is checked before anything is parsed: bad usage is told at once, and alone.
  const manifests = selection.all
    ? listManifestFiles(root).flatMap((path) => manifestOrReport(root, path, diagnostics))
    : (selection.decks?.length ? [...selection.decks] : [defaultDeckId(root)]).map((deck) => loadManifest(root, deck));
  const pools = new CardPools(root, diagnostics);
  const themes = listThemes();
  const decks: Deck[] = [];
  // Adaptations share their base deck's notes and most of its cards: each is parsed and resolved once per run.
  const parsedNotes = new Map<string, NotesSource>();
  const resolved = new Map<Card, Map<string, DeckCard['guidance']>>();
  const earlier = earlierVersions(root);
  for (const manifest of manifests) {
    const chain = loadManifestChain(root, manifest, diagnostics);
    if (!chain) continue;
    const merged = mergeChain(chain);
    const { md, cards, broken } = pools.forDeck(merged.value.allowHtml ?? false, chain);
    const brandingFrom = merged.from('branding');
    const branding = loadBranding(merged.value.branding, brandingFrom.file.file, root, themeColours(merged.value.theme ?? 'default'),
      (key) => brandingFrom.validated.positionOf(['branding', key]), diagnostics);
    checkManifestNotes(merged, md, diagnostics);
    const deck = resolveDeck(merged, cards, {
      broken, diagnostics, branding, root,
      ...(themes ? { themes } : {}),
      md, parsedNotes, resolved,
      earlier: (card) => earlier(card, md, merged.value.allowHtml ?? false),
    });
    checkTextFit(deck, diagnostics);
    decks.push(deck);
  }
  return { decks, diagnostics };
}

/**
 * Earlier versions of a card, parsed (once) only when a change finds nothing: from the project's git history,
 * or for a base deck's card in the installed package, from the editions the package carries.
 */
function earlierVersions(root: string): (card: Card, md: MarkdownIt, allowHtml: boolean) => Card[] {
  const history = gitCardHistory(root);
  const editions = packageCardEditions();
  const cache = new Map<string, Card[]>();
  return (card, md, allowHtml) => {
    const key = `${allowHtml}:${card.file}`;
    let versions = cache.get(key);
    if (!versions) {
      const quiet = new Diagnostics();
      const texts = history(card.file);
      versions = (texts.length > 0 ? texts : editions(card.file)).flatMap((text) => parseCard({ file: card.file, text }, md, quiet) ?? []);
      cache.set(key, versions);
    }
    return versions;
  };
}

/** A manifest of slides/ for `--all`; a broken one (a link out of the project, a file name that is no id) is reported. */
function manifestOrReport(root: string, path: string, diagnostics: Diagnostics): ManifestFile[] {
  const found = findManifest(root, path);
  if (!isManifestProblem(found)) return [found];
  if (found.file) diagnostics.error(found.code, found.message, { file: found.file, line: 1, column: 1 }, found.hint);
  return [];
}

/**
 * Builds the selected decks into `<outDir>/<deck-id>/index.html` and `participants.html` (the participants'
 * edition). Nothing is written if any deck has an error.
 */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const root = resolve(options.root ?? '.');
  const outDir = resolve(root, options.outDir ?? 'dist');
  const { decks, diagnostics } = loadDecks({ ...options, root });
  diagnostics.throwIfErrors();
  // Every deck's media is found and hashed before anything is written, so a missing file writes nothing.
  const mediaCache: MediaCache = new Map();
  const hashes = new Map(decks.map((deck) => [deck.id, deckContentHashes(deck, GENERATOR)]));
  const media = decks.map((deck) => collectMedia(deck, diagnostics, mediaCache));
  diagnostics.throwIfErrors();
  // Each theme's runtime and participants' CSS is read before any deck is written: one that cannot be read
  // writes nothing. A deck's media is read as it is written, so only one deck's is in memory at a time.
  const assets = new Map<string, { runtime: RuntimeAssets; participants: ParticipantsThemeFiles }>();
  for (const theme of new Set(media.map(({ deck }) => deck.theme))) {
    assets.set(theme, { runtime: await runtimeFor(theme), participants: await participantsThemeFor(theme) });
  }
  const built: BuiltDeck[] = [];
  for (const { deck, files } of media) {
    const { runtime, participants } = assets.get(deck.theme)!;
    const html = renderDeckHtml(deck, runtime);
    const edition = renderParticipantsHtml(deck, { ...participants, brandingCss: deck.branding ? brandingCss(deck.branding, themeColours(deck.theme)) : '' }, deckGenerator(deck));
    const emitted = await emitDeck(outDir, deck.id, [
      { path: 'index.html', content: html.document },
      { path: 'participants.html', content: edition },
      ...mediaOutputFiles({ deck, files }),
    ], hashes.get(deck.id)!);
    built.push({ id: deck.id, file: emitted.file, participantsFile: join(dirname(emitted.file), 'participants.html'), slides: html.slides, cards: deck.cards.length,
      removedFiles: emitted.removed.map((name) => join(outDir, deck.id, name)) });
  }
  return { decks: built, diagnostics: diagnostics.sorted() };
}

/** The compiled runtime for a theme; a missing runtime or theme is a problem of the environment. */
async function runtimeFor(theme: string): Promise<RuntimeAssets> {
  try {
    return await loadRuntimeAssets(theme);
  } catch (error) {
    throw new EnvironmentError('E_RUNTIME', (error as Error).message);
  }
}

/** A theme's CSS for the participants' edition; a missing one is a problem of the environment. */
async function participantsThemeFor(theme: string): Promise<ParticipantsThemeFiles> {
  try {
    return await loadParticipantsThemeFiles(theme);
  } catch (error) {
    throw new EnvironmentError('E_RUNTIME', (error as Error).message);
  }
}

/** Renders one resolved deck into its HTML document. Pure apart from the assets passed in. */
export function renderDeckHtml(deck: Deck, runtime: RuntimeAssets): { document: string; slides: number } {
  const slides = renderDeckSlides(deck);
  // Every slide has data-timing; totalTime switches on the pacing in reveal's speaker view.
  const totalTime = Math.round(slides.reduce((sum, slide) => sum + slide.timingSeconds, 0));
  const model = deckModel(deck, { totalTime }, deckGenerator(deck));
  const csp = contentSecurityPolicy({ inlineScripts: [inlineScriptText(runtime.script)], extraScriptHashes: runtime.scriptHashes,
    frameSources: videoFrameSources(deck) });
  const document = renderDocument({
    language: deck.language,
    title: deck.title,
    generator: deckGenerator(deck),
    csp,
    css: deck.branding ? `${runtime.css}\n${brandingCss(deck.branding, themeColours(deck.theme))}` : runtime.css,
    slides,
    model,
    runtimeScript: runtime.script,
  });
  return { document, slides: slides.length };
}

/** Validates the selected decks and every card; returns all problems, warnings included. Never writes. */
export function check(selection: DeckSelection = {}): Diagnostic[] {
  return checkDecks(selection).diagnostics;
}

export interface CheckResult {
  /** The decks checked, by id. */
  decks: string[];
  diagnostics: Diagnostic[];
}

/** Validates the named decks, or every deck in slides/ when none is named, and every card. Never writes. */
export function checkDecks(selection: DeckSelection = {}): CheckResult {
  const all = selection.all || !selection.decks?.length;
  // The decks asked for, also those too broken to load: they were checked, and their problems are listed.
  const decks = all ? listDeckIds(resolve(selection.root ?? '.')) : [...new Set(selection.decks)];
  try {
    return { decks, diagnostics: loadDecks({ ...selection, all }).diagnostics.sorted() };
  } catch (error) {
    // A named manifest that cannot be used (its file name is no id) is one of the problems check reports.
    if (error instanceof DeckError) return { decks, diagnostics: error.diagnostics };
    throw error;
  }
}

/** The ids of the decks in a project's slides/. */
export function deckIds(root = '.'): string[] {
  return listDeckIds(resolve(root));
}

export interface NewAdaptationOptions {
  root?: string;
  /** The municipality's name, e.g. "Faxe Kommune". */
  name: string;
  /** The deck to adapt; the default deck when left out. */
  from?: string;
}

/** Scaffolds `slides/<id>.yaml` extending a deck, with that deck's cards listed. Never overwrites. */
export function newAdaptation(options: NewAdaptationOptions): NewAdaptation & { base: string } {
  const root = resolve(options.root ?? '.');
  const base = options.from ?? defaultBaseDeck(root);
  const { diagnostics } = loadDecks({ root, decks: [base] });
  diagnostics.throwIfErrors();
  // The base deck's list as its manifests wrote it: cards, their minutes and changes, and its breaks.
  const chain = loadManifestChain(root, base, diagnostics);
  const entries = chain ? mergeChain(chain).value.cards ?? [] : [];
  return { ...writeAdaptation(root, options.name, base, entries), base };
}

export { DeckError };
