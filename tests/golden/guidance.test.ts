// Golden file for guidance that follows an adaptation: every slide's notes of a five-theme adaptation of the
// KL deck (a dropped quote, other minutes, a changed step, half the themes), kept in tests/golden/guidance/.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDecks } from '../../src/api.js';
import { renderDeckSlides } from '../../src/pipeline/render/deck-slides.js';
import { guidanceText, slideNotesText } from '../../src/pipeline/render/guidance.js';
import { HALVBY, halvbyProject } from '../support/guidance-project.js';

const { decks, diagnostics } = loadDecks({ root: halvbyProject(), decks: [HALVBY] });
const deck = decks[0]!;
const card = (id: string) => deck.cards.find((c) => c.card.id === id)!;

describe('the notes of a five-theme adaptation', () => {
  it('loads without a problem', () => expect(diagnostics.sorted()).toEqual([]));

  it('are as in the golden file, slide by slide', async () => {
    const text = renderDeckSlides(deck).map((slide, i) => `===== ${i + 1} ${slide.kind} ${slide.cardId ?? ''}\n${slideNotesText(slide.notes)}\n`).join('\n');
    await expect(text).toMatchFileSnapshot(join('guidance', `${HALVBY}.txt`));
  });

  it('fit the run to the deck\'s minutes, keep the changed step, and leave out every line about the dropped quote', () => {
    const moderate = card('om-at-moderere-debatten');
    const run = moderate.guidance.card!.sections.find((s) => s.run)!;
    expect(run.title).toBe('Forløb (25 min)');
    const steps = run.blocks.flatMap((b) => (b.type === 'steps' ? b.steps : []));
    expect(steps.reduce((sum, s) => sum + s.minutes, 0)).toBe(25);
    expect(steps.map((s) => s.text.split('\n')[0])).toEqual([
      'Læs citatet højt.',
      expect.stringMatching(/^Spørgsmål 1 som håndsoprækning:/),
      expect.stringMatching(/^Spørgsmål 2 to og to:/),
      'Fælles opsamling: Hvert par læser sine tre regler op; skriv dem på flipoveren.',
      'Handlingsspørgsmålet.',
    ]);
    for (const target of Object.values(moderate.guidance)) expect(guidanceText(target)).not.toMatch(/TV2|begge citater|citaterne/);
  });

  it('name the deck\'s own number of themes, its end and its break', () => {
    const agenda = guidanceText(deck.guidance.agenda);
    // KL's deck plans a 5-minute welcome and a 10-minute closing; the adaptation keeps them: its day ends at 15:30.
    expect(agenda).toContain('Gå kort gennem programmet på sliden: de fem temaer fra kl. 13:00 til kl. 15:30.');
    expect(agenda).toContain('»Kaffe« på 20 minutter ligger kl. 14:05, efter »Om at være rollemodel«.');
    expect(guidanceText(deck.guidance.title)).toContain('Tider: Vi begynder kl. 13:00 og slutter kl. ca. 15:30.');
    expect(agenda + guidanceText(deck.guidance.title)).not.toMatch(/ti temaer|moderere debatten|kl\. ca\. 13\b/);
  });
});
