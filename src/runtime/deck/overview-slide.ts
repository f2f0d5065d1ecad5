// The agreements overview on the projector: refilled whenever an agreement or the choice to show them changes.
import type { RevealApi } from 'reveal.js';
import type { Plan } from '../seminar/plan.js';
import { fillOverview, measureStage, overviewEntries } from '../slides/overview.js';
import type { Snapshot } from '../protocol.js';
import type { Strings } from '../strings/index.js';

export class OverviewSlide {
  private signature = '';
  private readonly measure: HTMLElement;
  /** Whether the slide is part of the day now: agreements are shown on screen, and there are some. */
  shown = false;

  constructor(
    private readonly deck: RevealApi,
    readonly section: HTMLElement,
    private readonly plan: Plan,
    private readonly strings: Strings,
  ) {
    const config = deck.getConfig();
    this.measure = measureStage(section.ownerDocument, Number(config.width) || 1280, Number(config.height) || 720);
  }

  render(snapshot: Snapshot): void {
    const entries = overviewEntries(this.plan, snapshot.seminar, this.strings);
    this.shown = snapshot.prefs.showAgreements && entries.length > 0;
    const signature = JSON.stringify([this.shown, entries]);
    if (signature === this.signature) return;
    this.signature = signature;
    fillOverview(this.section, entries, this.strings, this.measure);
    this.deck.syncFragments(this.section);
    if (this.deck.getCurrentSlide() === this.section) this.deck.layout();
  }
}
