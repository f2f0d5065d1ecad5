// The reveal.js options every samtale deck starts from, declared once.
import type { SamtaleRevealConfig } from './reveal-config.js';

/**
 * Defaults for reveal.js; a deck's `reveal` object (from `#samtale-deck`)
 * is merged over them, and reveal's URL query still wins over both.
 * Chosen for a facilitator on a projector in a council chamber.
 */
export const revealDefaults: Readonly<SamtaleRevealConfig> = Object.freeze({
  /**
   * Slide size in CSS pixels; the theme's font sizes assume it.
   *
   * @defaultValue 1280
   */
  width: 1280,
  /** @defaultValue 720 */
  height: 720,
  /**
   * Share of the slide size kept empty around it. Zero, so that on a
   * 1280×720 projector the slide is drawn at scale 1 and the theme's 28 px
   * minimum is 28 px on the wall; the theme's own padding keeps content
   * clear of the controls and the slide number.
   *
   * @defaultValue 0
   */
  margin: 0,
  /** @defaultValue 0.2 */
  minScale: 0.2,
  /** @defaultValue 2.0 */
  maxScale: 2.0,
  /**
   * Keep the slide in the URL so a reload (or a crashed laptop) comes back
   * to the same place.
   *
   * @defaultValue true
   */
  hash: true,
  /** @defaultValue false */
  history: false,
  /**
   * No arrows on the projector: the facilitator drives the deck with keys, a remote or the view, and the
   * room needs no developer chrome. (A deck may turn them on; they are labelled in its language.)
   *
   * @defaultValue false
   */
  controls: false,
  /** The "click to navigate" hint would bounce on the projector. @defaultValue false */
  controlsTutorial: false,
  /** @defaultValue 'bottom-right' */
  controlsLayout: 'bottom-right',
  /** @defaultValue 'faded' */
  controlsBackArrows: 'faded',
  /**
   * A thin bar along the bottom in the deck's colour: the room sees how far the seminar is, discreetly.
   *
   * @defaultValue true
   */
  progress: true,
  /** No "13 / 61" counter: the progress bar says it without numbers to read. @defaultValue false */
  slideNumber: false,
  /** @defaultValue true */
  center: true,
  /**
   * A calm cross-fade; sliding motion distracts on a large screen.
   *
   * @defaultValue 'fade'
   */
  transition: 'fade',
  /** @defaultValue 'default' */
  transitionSpeed: 'default',
  /** @defaultValue 'fade' */
  backgroundTransition: 'fade',
  /** @defaultValue true */
  fragments: true,
  /** @defaultValue true */
  fragmentInURL: true,
  /**
   * One page per slide with every question shown: that is what handouts and
   * printed slides need.
   *
   * @defaultValue false
   */
  pdfSeparateFragments: false,
  /** @defaultValue false */
  showNotes: false,
  /**
   * Required by reveal's speaker view, which drives its preview frames
   * through postMessage.
   *
   * @defaultValue true
   */
  postMessage: true,
  /** @defaultValue true */
  keyboard: true,
  /** @defaultValue true */
  overview: true,
  /** reveal's key help and jump-to-slide box are in English; the facilitator view lists the keys. @defaultValue false */
  help: false,
  /** @defaultValue false */
  jumpToSlide: false,
  /** @defaultValue true */
  pause: true,
  /** @defaultValue true */
  hideInactiveCursor: true,
  /** @defaultValue 3000 */
  hideCursorTime: 3000,
  /** Videos start only where a slide asks for it. @defaultValue null */
  autoPlayMedia: null,
  /** @defaultValue false */
  mouseWheel: false,
  /** Links open normally, never in reveal's iframe overlay. @defaultValue false */
  previewLinks: false,
});
