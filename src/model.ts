// The typed data that passes between the pipeline's stages.
import type { Token } from 'markdown-it';

/** Where something came from: a file and a 1-based line and column. */
export interface SourcePosition {
  file: string;
  line: number;
  column: number;
}

/** A range of source lines (1-based, inclusive) in one file. */
export interface SourceSpan {
  file: string;
  startLine: number;
  endLine: number;
}

export type CardKind = 'intro' | 'theme';

/** One discussion question; `action` marks the closing "what can you do" question. */
export interface Question {
  /** Plain text, for search, the JSON model and tests. */
  text: string;
  /** Rendered inline HTML (emphasis kept). */
  html: string;
  action: boolean;
  /** The short name the card gives it (`{#tone}`), by which guidance names it. */
  ref?: string;
  source: SourceSpan;
}

/** A quote with its attribution. */
export interface Quote {
  text: string;
  /** Rendered HTML of the quote's paragraphs. */
  html: string;
  /** Plain text of the attribution. */
  sourceText: string;
  sourceHtml: string;
  /** The short name the card gives it (`{#tv2}` after the source), by which guidance names it. */
  ref?: string;
  source: SourceSpan;
}

/** A video on a card (its player is rendered by render/video.ts; here it is data). */
export interface Video {
  /** The name a manifest's `videos:` uses to point the video to other files. */
  id?: string;
  speaker?: string;
  role?: string;
  title?: string;
  descriptionHtml?: string;
  page?: string;
  src?: string;
  poster?: string;
  captions?: string;
  /** Seconds. */
  start?: number;
  /** Seconds. */
  end?: number;
  /** As shown to people, "m:ss". */
  length?: string;
  /** Start a local video with sound as soon as its slide is shown. */
  autoplay?: boolean;
  source: VideoSourceSpan;
  /** Where the deck's copies of the local files are, relative to its HTML file (set by the build's media stage). */
  built?: BuiltVideoMedia;
}

/** The video block's lines, and where each media path was written: it resolves against that file. */
export interface VideoSourceSpan extends SourceSpan {
  media?: Partial<Record<'src' | 'poster' | 'captions', SourcePosition>>;
}

/** A video's local files as the built deck has them. */
export interface BuiltVideoMedia {
  /** e.g. "media/3f2a…c1.webm" */
  src?: string;
  poster?: string;
  /** The WebVTT text, inlined: browsers refuse caption files from file:// pages. */
  captionsText?: string;
}

/** Where a block of facilitator notes belongs. */
export type NotesTarget = 'card' | 'quotes' | 'questions' | 'action';

/**
 * Facilitator notes as written, before a deck adapts them: sections (a bold title line such as
 * "**Formål**" starts one) of blocks. Blocks keep their markdown-it tokens, because what a deck shows
 * depends on it: lines about a dropped quote are left out, `{placeholders}` are filled, the run is scaled.
 */
export interface NotesSource {
  sections: NotesSectionSource[];
}

export interface NotesSectionSource {
  /** Plain text of the title line, e.g. "Forløb (15 min)"; none for text before the first title. */
  title?: string;
  /** The title's own tokens, rendered as written (a run's title is written anew with the deck's minutes). */
  titleTokens?: Token[];
  /** The card's run: "Forløb" with numbered steps that carry minutes. */
  run?: { base: string; scalable: boolean };
  blocks: NotesBlockSource[];
  source: SourceSpan;
}

export interface NotesBlockSource {
  /** A paragraph, one item of a list, a step of the run, or any other block (rendered as written). */
  kind: 'paragraph' | 'item' | 'step' | 'other';
  /** Items (and steps) of one list share `list.id`, so they render as one list. */
  list?: { id: number; ordered: boolean; start?: number };
  /** The block's tokens; for items and steps, the tokens inside `<li>`, without the minutes. */
  tokens: Token[];
  /** A step's minutes as written, and whether the deck may scale them. */
  minutes?: number;
  fixed?: boolean;
  /** A step's short name (`{#grupper}`): lines elsewhere in the notes that name it go when the deck drops it. */
  ref?: string;
  source: SourceSpan;
}

/** Free Markdown content of a card, in document order: prose HTML and videos, split at slide breaks. */
export type BodyBlock =
  | { type: 'prose'; html: string; source: SourceSpan }
  | { type: 'video'; video: Video }
  | { type: 'break'; source: SourceSpan };

/** A parsed card: one discussion unit, from one Markdown file. */
export interface Card {
  id: string;
  /** Where the id was written: its `id:` value, or the file's start when the file name gives it. */
  idSource?: SourcePosition;
  title: string;
  kind: CardKind;
  minutes: number;
  questions: Question[];
  quotes: Quote[];
  /** Facilitator notes as written, by target. */
  notes: Partial<Record<NotesTarget, NotesSource>>;
  body: BodyBlock[];
  videos: Video[];
  file: string;
}

/**
 * Facilitator guidance as one deck shows it: lines about items the deck dropped are left out,
 * `{placeholders}` are filled from the deck's facts, and the run is scaled to the deck's minutes.
 * The speaker notes, the facilitator guide and the PowerPoint notes are all made from this.
 */
export interface Guidance {
  sections: GuidanceSection[];
}

export interface GuidanceSection {
  /** The title as shown, e.g. "Formål" or "Forløb (25 min)"; none for text before the first title. */
  title?: string;
  /** The title as HTML (a bold line, or the heading the card used). */
  titleHtml?: string;
  /** Set when this section is the card's run. */
  run?: GuidanceRun;
  blocks: GuidanceBlock[];
}

/** A run of numbered steps whose minutes add up to what the deck gives the card. */
export interface GuidanceRun {
  /** The deck's minutes for the card, which the steps add up to when `scaled`. */
  minutes: number;
  /** False when the card's run has a step without minutes: shown as written. */
  scaled: boolean;
  /** What the card's own steps add up to. */
  writtenMinutes: number;
}

export type GuidanceBlock =
  | { type: 'text'; html: string; text: string }
  | { type: 'list'; ordered: boolean; start?: number; items: GuidanceItem[] }
  | { type: 'steps'; steps: GuidanceStep[] };

export interface GuidanceItem {
  html: string;
  /** Plain text; nested list items on their own lines. */
  text: string;
}

export interface GuidanceStep extends GuidanceItem {
  /** Whole minutes in this deck. */
  minutes: number;
  /** Minutes as the card wrote them. */
  writtenMinutes: number;
  /** A fixed step keeps its minutes when the run is scaled. */
  fixed: boolean;
}

/** A card as placed in a deck: with its minutes for this deck and its planned start. */
export interface DeckCard {
  card: Card;
  minutes: number;
  /** Minutes from the deck's start to this card's start. */
  offsetMinutes: number;
  /** Position among the deck's theme cards (1-based), or undefined for intro cards. */
  themeNumber?: number;
  /** The card's guidance for this deck, by notes target. */
  guidance: Partial<Record<NotesTarget, Guidance>>;
}

/** A planned break between cards. */
export interface DeckBreak {
  title?: string;
  minutes: number;
  /** Minutes from the deck's start to the break's start. */
  offsetMinutes: number;
  /** The card the break follows, if any. */
  afterCard?: string;
}

/** A fully resolved deck: everything rendering needs. */
export interface Deck {
  id: string;
  title: string;
  subtitle?: string;
  language: string;
  theme: string;
  organisation?: string;
  /** The council the seminar is for, e.g. "Faxe Kommune". */
  municipality?: string;
  facilitator?: string;
  /** "YYYY-MM-DD". */
  date?: string;
  place?: string;
  /** Planned start, "HH:MM". */
  start: string;
  allowHtml: boolean;
  agendaTitle?: string;
  /** The welcome and the day's programme (title and agenda slides): planned minutes before the first card. */
  welcome: { minutes: number };
  /** The closing slide; its planned minutes come after the last card, and the day ends after them. */
  closing: { title?: string; text?: string; minutes: number };
  /** The speaker notes of the title, agenda and closing slides, filled with this deck's facts. */
  guidance: { title: Guidance; agenda: Guidance; closing: Guidance };
  cards: DeckCard[];
  breaks: DeckBreak[];
  /** Where the participants' edition is published (the manifest's `participants.url`): the handout's cover links to it. */
  participantsUrl?: string;
  /** Colours, logo and font of an adaptation, ready for CSS. */
  branding?: import('./pipeline/branding.js').BrandingAssets;
  /** The decks this one extends, nearest first. */
  extends: string[];
  /** The base decks shipped with samtale that this deck is, or is built on, with the edition of their cards. */
  baseDecks: { name: string; version: string }[];
  manifestFile: string;
}
