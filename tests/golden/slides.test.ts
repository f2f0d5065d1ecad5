// Golden files for rendered slides: a fixture deck's sections, kept in tests/golden/slides/ (regenerate with `npm run golden`).
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { loadDecks } from '../../src/api.js';
import { escapeHtml } from '../../src/pipeline/render/html.js';
import { renderDeckSlides } from '../../src/pipeline/render/deck-slides.js';
import { sectionHtml } from '../../src/pipeline/render/slide.js';

const root = join(import.meta.dirname, '..', 'fixtures', 'valid');

it('renders the fixture deck as in the golden file', async () => {
  const { decks, diagnostics } = loadDecks({ root });
  expect(diagnostics.items).toEqual([]);
  const slides = renderDeckSlides(decks[0]!);
  const html = slides.map((slide) => sectionHtml(slide, escapeHtml)).join('\n\n');
  await expect(html).toMatchFileSnapshot(join('slides', 'testdaek.html'));
});
