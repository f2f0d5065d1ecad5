// Entry of the browser runtime: start the deck once the page is parsed.
import { startDeck } from './start.js';

function boot(): void {
  startDeck(document, window).catch((error: unknown) => {
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
