// Resolve stage: a (merged) manifest against the parsed cards gives a Deck: the ordered cards, their changes and plan.
import type { MarkdownIt } from 'markdown-it';
import type { CardChanges } from '../config/schemas.js';
import type { Diagnostics } from '../diagnostics/deck-error.js';
import { suggestionHint } from '../diagnostics/suggest.js';
import { normaliseId } from '../project/ids.js';
import type { Card, Deck, DeckBreak, DeckCard, NotesSource, SourcePosition } from '../model.js';
import type { BrandingAssets } from './branding.js';
import { applyCardChanges, type ChangeContext } from './card-changes.js';
import { withGuidance, type DeckNotesText } from './guidance.js';
import type { MergedManifest } from './manifest-chain.js';
import { checkPageAddress } from './video-source.js';
import { createMarkdown, plainInline } from './parse/markdown.js';
import { stringsFor } from './render/strings.js';
import { applyVideoOverrides } from './video-overrides.js';
import { deckCards, unknownCardHint } from './unknown-card.js';

export type { ManifestFile } from './manifest-chain.js';
export { clockAfter } from './clock.js';
export { readManifest } from './manifest-chain.js';

/** Cards by id; a second card with the same id is reported and left out. */
export function indexCards(cards: readonly Card[], diagnostics: Diagnostics): Map<string, Card> {
  const byId = new Map<string, Card>();
  for (const card of cards) {
    const first = byId.get(card.id);
    if (first) {
      diagnostics.error('E_DUPLICATE_CARD', `two cards have the id "${card.id}"`, card.idSource ?? { file: card.file, line: 1, column: 1 },
        'change the "id" in one of them (the id defaults to the file name)', first.idSource ?? { file: first.file, line: 1, column: 1 });
      continue;
    }
    byId.set(card.id, card);
  }
  return byId;
}

/** What resolving needs besides the manifest and the cards. */
export interface ResolveContext {
  /** Ids of cards whose files were too broken to parse; their problems are reported already. */
  broken: ReadonlySet<string>;
  diagnostics: Diagnostics;
  /** The visual themes there are, when known. */
  themes?: readonly string[];
  /** The Markdown parser of the deck's cards: for notes, and for text an adaptation adds to a card. */
  md?: MarkdownIt;
  /** Deck notes parsed, and unchanged cards' guidance resolved, for an earlier deck of the same run. */
  parsedNotes?: Map<string, NotesSource>;
  resolved?: Map<Card, Map<string, DeckCard['guidance']>>;
  branding?: BrandingAssets;
  /** The project folder: media paths must stay inside it. */
  root?: string;
  /** Earlier versions of a card, newest first, to tell a stale change from a mistyped one. */
  earlier?: ChangeContext['earlier'];
}

/** Resolves a merged manifest against the cards. */
export function resolveDeck(merged: MergedManifest, cards: Map<string, Card>, context: ResolveContext): Deck {
  const { diagnostics } = context;
  const m = merged.value;
  const own = merged.own;
  const positionOf = (key: Parameters<MergedManifest['from']>[0], path: (string | number)[] = []) => merged.from(key).validated.positionOf([key, ...path]);
  if (context.themes && m.theme && !context.themes.includes(m.theme)) {
    diagnostics.error('E_UNKNOWN_THEME', `manifest: no theme "${m.theme}"`, positionOf('theme'), suggestionHint(m.theme, context.themes, 'one of'));
  }
  if (!m.title) diagnostics.error('E_MISSING_KEY', 'manifest: missing "title"', { file: own.file.file, line: 1, column: 1 }, 'add a line "title: …"');
  if (!m.cards) diagnostics.error('E_MISSING_KEY', 'manifest: missing "cards"', { file: own.file.file, line: 1, column: 1 }, 'list the cards under "cards:", or "extends" a deck that has them');

  const md = context.md ?? createMarkdown({ allowHtml: false });
  const placed: DeckCard[] = [];
  const entries = new Map<string, (path: (string | number)[]) => SourcePosition>();
  const breaks: DeckBreak[] = [];
  const seen = new Set<string>();
  // The first card starts after the welcome and the day's programme.
  const welcomeMinutes = m.welcome?.minutes ?? 0;
  let offset = welcomeMinutes;
  let themeNumber = 0;
  (m.cards ?? []).forEach((entry, index) => {
    if (typeof entry !== 'string' && 'break' in entry) {
      const after = placed[placed.length - 1]?.card.id;
      breaks.push({ minutes: entry.break, offsetMinutes: offset, ...(entry.title ? { title: entry.title } : {}), ...(after ? { afterCard: after } : {}) });
      offset += entry.break;
      return;
    }
    const id = normaliseId(typeof entry === 'string' ? entry : entry.card);
    const shared = cards.get(id);
    const at = positionOf('cards', typeof entry === 'string' ? [index] : [index, 'card']);
    if (!shared) {
      if (context.broken.has(id)) return;
      diagnostics.error('E_UNKNOWN_CARD', `manifest names a card "${id}" that does not exist`, at, unknownCardHint(id, cards, deckCards(merged, context.root)));
      return;
    }
    if (seen.has(id)) {
      diagnostics.error('E_CARD_TWICE', `card "${id}" is in the deck twice`, at, 'remove one of the entries');
      return;
    }
    seen.add(id);
    const entryAt = (path: (string | number)[]) => positionOf('cards', typeof entry === 'string' ? [index] : [index, ...path]);
    entries.set(id, entryAt);
    const card = typeof entry === 'string' ? shared : changed(shared, entry, entryAt, md, context);
    const minutes = (typeof entry === 'string' ? undefined : entry.minutes) ?? card.minutes;
    placed.push({ card, minutes, offsetMinutes: offset, ...(card.kind === 'theme' ? { themeNumber: ++themeNumber } : {}), guidance: {} });
    offset += minutes;
  });
  if (m.cards && !m.cards.some((entry) => typeof entry === 'string' || !('break' in entry))) {
    diagnostics.error('E_NO_CARDS', `manifest: the deck has no cards${m.cards.length > 0 ? ', only breaks' : ''}`, positionOf('cards'));
  }
  // `videos:` points cards' videos (by id) to other files, e.g. copies downloaded for offline use.
  const videosFrom = merged.from('videos');
  const withVideos = applyVideoOverrides(placed, m.videos, {
    file: videosFrom.file.file, text: videosFrom.file.text, positionOf: (path) => videosFrom.validated.positionOf(path),
    ...(context.root ? { root: context.root } : {}),
  }, diagnostics);

  const participantsUrl = m.participants?.url.trim();
  if (participantsUrl !== undefined) {
    const problem = checkPageAddress(participantsUrl);
    if (problem) {
      diagnostics.error('E_PARTICIPANTS_URL', `participants.url "${participantsUrl}": ${problem.message}`, positionOf('participants', ['url']));
    }
  }

  const optional = <K extends string, V>(key: K, value: V | undefined) => (value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>;
  const strings = stringsFor(m.language ?? 'da');
  // A deck slide's notes as the manifest wrote them (or the built-in default), with where they were written.
  const notesText = (key: 'notes' | 'agenda' | 'closing', value: string | undefined, fallback: string): DeckNotesText => {
    if (value === undefined) return { markdown: fallback };
    const from = merged.from(key);
    return { markdown: value, at: { ...from.validated.positionOf(key === 'notes' ? ['notes'] : [key, 'notes']), text: from.file.text } };
  };
  return withGuidance({
    id: own.file.id,
    title: m.title ?? '',
    ...optional('subtitle', m.subtitle),
    language: m.language ?? 'da',
    theme: m.theme ?? 'default',
    ...optional('organisation', m.organisation),
    ...optional('municipality', m.municipality),
    ...optional('facilitator', m.facilitator),
    ...optional('date', m.date),
    ...optional('place', m.place),
    start: normaliseClock(m.start ?? '09:00'),
    allowHtml: m.allowHtml ?? false,
    ...optional('agendaTitle', m.agenda?.title),
    welcome: { minutes: welcomeMinutes },
    closing: {
      ...optional('title', m.closing?.title),
      ...optional('text', m.closing?.text),
      minutes: m.closing?.minutes ?? 0,
    },
    cards: withVideos,
    breaks,
    ...optional('participantsUrl', participantsUrl),
    ...optional('branding', context.branding),
    extends: merged.chain.slice(1).map((m) => m.file.name ?? m.file.id),
    baseDecks: merged.chain.flatMap(({ file }) => (file.base ? [{ name: file.base.name, version: file.base.version }] : [])),
    manifestFile: own.file.file,
  }, {
    title: notesText('notes', m.notes, strings.defaultTitleNotes),
    agenda: notesText('agenda', m.agenda?.notes, strings.defaultAgendaNotes),
    closing: notesText('closing', m.closing?.notes, strings.defaultClosingNotes),
  }, {
    md, diagnostics, bases: cards,
    ...(context.parsedNotes ? { parsedNotes: context.parsedNotes } : {}), ...(context.resolved ? { resolved: context.resolved } : {}),
    entryPosition: (cardId, key) => entries.get(cardId)?.(key ? [key] : []),
  });
}

/** A shared card with the entry's changes, when it has any. */
function changed(card: Card, changes: CardChanges, positionOf: ChangeContext['positionOf'], md: MarkdownIt, context: ResolveContext): Card {
  if (!changes.questions && !changes.quotes && !changes.notes) return card;
  return applyCardChanges(card, changes, {
    md, renderInline: (markdown) => md.renderInline(markdown), plainText: (markdown) => plainInline(md, markdown), positionOf,
    diagnostics: context.diagnostics, ...(context.earlier ? { earlier: context.earlier } : {}),
  });
}

/** "9:00" → "09:00". */
function normaliseClock(time: string): string {
  const [h, m] = time.split(':');
  return `${h!.padStart(2, '0')}:${m}`;
}
