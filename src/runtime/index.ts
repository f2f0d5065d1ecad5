// Entry of the browser runtime: start the deck (or, in its popup, the facilitator view) once the page is parsed.
import { isFacilitatorView } from './deck/link.js';
import { startDeck } from './start.js';
import { startFacilitatorView } from './view/index.js';

function boot(): void {
  // The facilitator view is this same file opened with ?samtale=facilitator: it never starts reveal.js.
  const started: Promise<unknown> = isFacilitatorView(window) ? startFacilitatorView(document, window) : startDeck(document, window);
  started.catch((error: unknown) => {
    console.error(error);
  });
}

// The runtime is the last script in <body>, so the DOM is usually still
// "loading" when it runs; but it must also work if injected later (dev server).
if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', boot, { once: true });
} else {
  boot();
}
