// The reveal.js options samtale passes, typed as reveal.js 6 really reads them.
import Reveal from 'reveal.js';
import type { RevealApi, RevealConfig, RevealPlugin } from 'reveal.js';

/**
 * reveal.js 6's shipped `RevealConfig` misses options the runtime and the
 * speaker view read (`totalTime`, `minimumTimePerSlide`, `url`) and types
 * others too narrowly (`defaultTiming: null`, `showNotes: boolean`). This type
 * widens exactly those, so the rest of samtale never casts reveal's options.
 */
export interface SamtaleRevealConfig
  extends Omit<RevealConfig, 'defaultTiming' | 'showNotes' | 'plugins'> {
  /**
   * Seconds the speaker view's pacing timer allots to each slide without
   * `data-timing`.
   *
   * @defaultValue null
   */
  defaultTiming?: number | null;
  /**
   * Seconds for the whole deck; the speaker view shares what the slides'
   * `data-timing` leave over among the others. Overrides `defaultTiming`.
   */
  totalTime?: number;
  /**
   * Seconds below which the speaker view warns (with `alert()`) that a slide
   * got too little time.
   */
  minimumTimePerSlide?: number;
  /**
   * The URL the speaker view loads into its preview frames, instead of the
   * deck's own location.
   */
  url?: string;
  /**
   * Show speaker notes to everyone; `'separate-page'` puts them on their own
   * page in the print view.
   *
   * @defaultValue false
   */
  showNotes?: boolean | 'separate-page';
  /** Plugin objects to register for this presentation. */
  plugins?: RevealPlugin[];
}

/** reveal.js's constructor, accepting the options it really reads. */
export type RevealConstructor = new (
  revealElement: HTMLElement,
  options?: SamtaleRevealConfig,
) => RevealApi;

// The one place where our config type meets reveal's: reveal's runtime reads
// every option of SamtaleRevealConfig (js/config.ts, plugin/notes), only its
// .d.ts is narrower, so re-typing the constructor here is sound and keeps
// casts out of the rest of the runtime.
export const RevealDeck = Reveal as unknown as RevealConstructor;
