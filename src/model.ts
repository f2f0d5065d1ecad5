// The typed data that passes between the pipeline's stages.

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
  /** Facilitator notes as HTML, by target. */
  notes: Partial<Record<NotesTarget, string>>;
  body: BodyBlock[];
  videos: Video[];
  file: string;
}

/** A card as placed in a deck: with its minutes for this deck and its planned start. */
export interface DeckCard {
  card: Card;
  minutes: number;
  /** Minutes from the deck's start to this card's start. */
  offsetMinutes: number;
  /** Position among the deck's theme cards (1-based), or undefined for intro cards. */
  themeNumber?: number;
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
  /** Speaker notes (Markdown) for the title slide. */
  notes?: string;
  agendaTitle?: string;
  /** Speaker notes (Markdown) for the agenda slide. */
  agendaNotes?: string;
  closing: { title?: string; text?: string; notes?: string };
  cards: DeckCard[];
  breaks: DeckBreak[];
  /** Where the participants' edition is published (the manifest's `participants.url`): the handout's cover links to it. */
  participantsUrl?: string;
  /** Colours, logo and font of an adaptation, ready for CSS. */
  branding?: import('./pipeline/branding.js').BrandingAssets;
  /** The decks this one extends, nearest first. */
  extends: string[];
  manifestFile: string;
}
