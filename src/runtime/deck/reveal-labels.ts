// reveal.js's own controls speak English ("next slide", "Resume presentation"); in a Danish deck they get
// the deck's words. samtale hides the arrows and the pause button by default, but a deck may turn them on,
// and screen readers read them either way.
import type { RevealApi } from 'reveal.js';
import type { Strings } from '../strings/index.js';

export function labelRevealControls(deck: RevealApi, strings: Strings): void {
  const root = deck.getRevealElement();
  if (!root) return;
  const rtl = deck.getConfig().rtl === true;
  const label = (selector: string, text: string) => root.querySelectorAll(selector).forEach((el) => el.setAttribute('aria-label', text));
  label('.controls .navigate-left', rtl ? strings.revealNext : strings.revealPrevious);
  label('.controls .navigate-right', rtl ? strings.revealPrevious : strings.revealNext);
  label('.controls .navigate-up', strings.revealPrevious);
  label('.controls .navigate-down', strings.revealNext);
  root.querySelectorAll('.pause-overlay .resume-button').forEach((el) => {
    el.textContent = strings.revealResume;
  });
}
