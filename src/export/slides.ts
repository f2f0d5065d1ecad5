// The slides PDF: every slide on a 1280×720 px page, all its fragments shown, videos as poster, link and QR code.
// A lean static document (no reveal.js, no scripts), so that hundreds of slides print in one go.
import type { Slide } from '../pipeline/render/slide.js';
import { slideBox } from './slide-box.js';

export function slidesBody(slides: readonly Slide[]): string {
  return slides.map((slide, index) => slideBox(slide, { number: index + 1, total: slides.length, headings: 'section-heads' })).join('\n');
}
