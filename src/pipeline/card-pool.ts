// The cards a deck can name: the project's own, and those of the base decks it is built on, each parsed once per run.
import type { MarkdownIt } from 'markdown-it';
import { basename } from 'node:path';
import { Diagnostics } from '../diagnostics/deck-error.js';
import type { Card } from '../model.js';
import { normaliseId } from '../project/ids.js';
import { placeOf, projectPlaces } from '../project/places.js';
import type { BaseDeck } from '../project/samtale-package.js';
import { loadBaseCardSources, loadCardSources, type TextFile } from './load.js';
import type { LoadedManifest } from './manifest-chain.js';
import { checkMediaPaths } from './media-paths.js';
import { createMarkdown } from './parse/markdown.js';
import { parseCard } from './parse-card.js';
import { indexCards } from './resolve.js';

/** The cards of one deck, by id, and the parser they were read with. */
export interface CardPool {
  md: MarkdownIt;
  cards: Map<string, Card>;
  /** Ids of cards too broken to parse, already reported. */
  broken: Set<string>;
}

interface Parsed {
  cards: Card[];
  broken: Set<string>;
}

/**
 * Parses cards on demand and hands each deck the cards it may name. A deck built on a base deck of the installed
 * samtale sees that deck's cards beside the project's; a deck that is not, does not, whatever else the run builds.
 */
export class CardPools {
  private readonly projectSources: TextFile[];
  private readonly parsers = new Map<boolean, MarkdownIt>();
  private readonly parsed = new Map<string, Parsed>();
  private readonly pools = new Map<string, CardPool>();

  constructor(private readonly root: string, private readonly diagnostics: Diagnostics) {
    this.projectSources = loadCardSources(root, diagnostics);
    // The project's cards are checked even when no deck gets as far as naming them.
    this.forDeck(false, []);
  }

  /** The cards of a deck with this HTML setting and this chain of manifests. */
  forDeck(allowHtml: boolean, chain: readonly LoadedManifest[]): CardPool {
    const bases = this.outsideBases(chain);
    const key = `${allowHtml}\0${bases.map((base) => base.name).join('\0')}`;
    let pool = this.pools.get(key);
    if (!pool) {
      pool = this.combine(allowHtml, bases);
      this.pools.set(key, pool);
    }
    return pool;
  }

  /** The chain's base decks whose cards are not the project's own (in the repository, content/kl/ is both). */
  private outsideBases(chain: readonly LoadedManifest[]): BaseDeck[] {
    const project = projectPlaces(this.root).project;
    const bases = chain.flatMap(({ file }) => (file.base ? [file.base] : []));
    return [...new Set(bases)].filter((base) => placeOf(this.root, base.cards) !== project);
  }

  private combine(allowHtml: boolean, bases: readonly BaseDeck[]): CardPool {
    // Problems of cards show once, from the plain parse; the raw-HTML parse adds only what it alone can see.
    const sink = allowHtml ? new Diagnostics() : this.diagnostics;
    const own = this.parse(allowHtml, undefined);
    const fromBases = bases.map((base) => ({ base, ...this.parse(allowHtml, base) }));
    const baseIds = new Map(fromBases.flatMap(({ base, cards }) => cards.map((card) => [card.id, { base, card }] as const)));
    // A project card with a base deck card's id is the consultant's copy: the message points at it.
    const kept = own.cards.filter((card) => {
      const clash = baseIds.get(card.id);
      if (!clash) return true;
      sink.error('E_DUPLICATE_CARD', `card "${card.id}" is also a card of the base deck ${clash.base.name}`, card.idSource ?? { file: card.file, line: 1, column: 1 },
        `give your card an id of its own (a municipality's cards start with its deck id), or delete it: the base deck's card comes with "extends: ${clash.base.name}"`,
        { file: clash.card.file, line: 1, column: 1 });
      return false;
    });
    const cards = indexCards([...kept, ...fromBases.flatMap((parsed) => parsed.cards)], sink);
    const broken = new Set([own.broken, ...fromBases.map((parsed) => parsed.broken)].flatMap((set) => [...set]));
    return { md: this.markdown(allowHtml), cards, broken };
  }

  /** The project's cards (`base` undefined) or a base deck's, parsed once per HTML setting. */
  private parse(allowHtml: boolean, base: BaseDeck | undefined): Parsed {
    const key = `${allowHtml}\0${base?.name ?? ''}`;
    let parsed = this.parsed.get(key);
    if (!parsed) {
      const sources = base ? loadBaseCardSources(this.root, base, this.diagnostics) : this.projectSources;
      const sink = allowHtml ? new Diagnostics() : this.diagnostics;
      parsed = parseCards(this.root, sources, this.markdown(allowHtml), sink);
      // The second parse, for a deck that allows raw HTML, adds one problem the first cannot see.
      for (const d of allowHtml ? sink.items.filter((item) => item.code === 'E_HTML_UNCLOSED') : []) {
        this.diagnostics.error('E_HTML_UNCLOSED', d.message, d, d.hint);
      }
      this.parsed.set(key, parsed);
    }
    return parsed;
  }

  private markdown(allowHtml: boolean): MarkdownIt {
    let md = this.parsers.get(allowHtml);
    if (!md) this.parsers.set(allowHtml, (md = createMarkdown({ allowHtml })));
    return md;
  }
}

/** Parses every card; `broken` holds the file names of cards too broken to parse, already reported. */
function parseCards(root: string, sources: readonly TextFile[], md: MarkdownIt, diagnostics: Diagnostics): Parsed {
  const cards: Card[] = [];
  const broken = new Set<string>();
  for (const source of sources) {
    const card = parseCard(source, md, diagnostics);
    if (!card) {
      broken.add(normaliseId(basename(source.file).replace(/\.md$/i, '')));
      continue;
    }
    checkMediaPaths(card, root, source.text, diagnostics);
    cards.push(card);
  }
  return { cards, broken };
}
