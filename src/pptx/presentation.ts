// One deck as a PowerPoint file: the deck's slides drawn as native, editable slides, with the guidance in the notes.
import type { Diagnostics } from '../diagnostics/deck-error.js';
import type { Deck } from '../model.js';
import { renderDeckSlides } from '../pipeline/render/deck-slides.js';
import type { Slide } from '../pipeline/render/slide.js';
import { stringsFor } from '../pipeline/render/strings.js';
import { checkPowerPointText } from './check-text.js';
import { drawAgenda, drawClosing, drawTitle } from './draw-deck.js';
import { drawAction, drawCardTitle, drawProse, drawQuestions, drawQuote } from './draw-card.js';
import { drawVideo, prepareVideo, type VideoAssets } from './draw-video.js';
import { paragraphsText } from './html-text.js';
import { logoImage } from './images.js';
import { slideNotes } from './notes.js';
import { finishPackage } from './package.js';
import { deckContentHash } from '../pipeline/content-hash.js';
import { paletteFor } from './palette.js';
import { PptxGenJS } from './pptxgenjs.js';
import type { DrawContext } from './text-box.js';

export interface DeckPresentation {
  bytes: Uint8Array;
  slides: number;
}

/** Spelling languages PowerPoint knows, by the deck's language. */
const LANGS: Record<string, string> = { da: 'da-DK', en: 'en-GB' };

/**
 * Draws the deck's slides (the same slides, in the same order, as its HTML) into a 16:9 presentation. Problems
 * PowerPoint would have are reported into `diagnostics`; the caller writes nothing if there are errors.
 */
export async function deckPresentation(deck: Deck, diagnostics: Diagnostics, generator: string): Promise<DeckPresentation> {
  checkPowerPointText(deck, diagnostics);
  const slides = renderDeckSlides(deck);
  const palette = paletteFor(deck, () => diagnostics.warning('W_PPTX_FONT', 'branding: the font file has no family name PowerPoint could use; the slides name the theme\'s font',
    { file: deck.manifestFile, line: 1, column: 1 }, 'use the TrueType or OpenType file of the font (.ttf, .otf) or its WOFF'));
  const strings = stringsFor(deck.language);
  const lang = LANGS[deck.language] ?? 'da-DK';
  const videos = new Map<Slide, VideoAssets>();
  const [logo] = await Promise.all([
    deck.branding?.logo ? logoImage(deck.branding.logo.dataUrl, 96) : undefined,
    ...slides.map(async (slide) => {
      if (slide.content.kind === 'video') videos.set(slide, await prepareVideo(slide.content.video, palette, diagnostics));
    }),
  ]);

  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = deck.title;
  pptx.subject = [deck.subtitle, deck.municipality].filter(Boolean).join(' – ');
  pptx.author = deck.facilitator ?? deck.organisation ?? generator;
  pptx.company = deck.municipality ?? deck.organisation ?? '';
  // New text the consultant adds in PowerPoint gets the deck's font too.
  pptx.theme = { headFontFace: palette.font, bodyFontFace: palette.font };

  const finish = slides.map((slide) => {
    const context: DrawContext = {
      pptx, slide: pptx.addSlide(), palette, lang,
      ...(logo ? { logo: { ...logo, alt: deck.municipality ?? deck.organisation ?? deck.title } } : {}),
    };
    context.slide.background = { color: palette.bg };
    const clickShapes = drawSlide(context, slide, videos.get(slide), strings);
    const notes = slideNotes(slide);
    context.slide.addNotes(paragraphsText(notes));
    return { notes, clickShapes };
  });
  const written = await pptx.write({ outputType: 'uint8array' }) as Uint8Array;
  return { bytes: finishPackage(written, { lang, slides: finish, contentHash: deckContentHash(deck, generator, 'pptx') }), slides: slides.length };
}

/** Draws one slide by its kind; returns the shapes that appear one per click. */
function drawSlide(context: DrawContext, slide: Slide, video: VideoAssets | undefined, strings: ReturnType<typeof stringsFor>): string[] {
  const { content } = slide;
  switch (content.kind) {
    case 'title': drawTitle(context, content); break;
    case 'agenda': drawAgenda(context, content); break;
    case 'card-title': drawCardTitle(context, content); break;
    case 'prose': drawProse(context, content); break;
    case 'video': drawVideo(context, content, video!, strings); break;
    case 'quote': drawQuote(context, content); break;
    case 'questions': return drawQuestions(context, content);
    case 'action': drawAction(context, content); break;
    case 'closing': drawClosing(context, content); break;
  }
  return [];
}
