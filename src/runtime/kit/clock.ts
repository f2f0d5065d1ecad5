// The one clock every samtale timer reads, with a hook for tests.
//
// Test hook: a test may define `window.__samtaleNow` (a function returning
// epoch milliseconds, or a fixed number of them) before the runtime starts, e.g.
// with Puppeteer's `page.evaluateOnNewDocument(() => { window.__samtaleNow = () => … })`.
// Every timer in the deck window (card timers, projection, discussion
// countdown, sleep detection) then runs on that clock; the facilitator view
// computes nothing itself and shows what the deck sends, so it follows too.
// Intervals still fire in real time; they only read the time through here.

declare global {
  interface Window {
    /** Test hook: overrides Date.now() for samtale's timers (a clock, or a fixed time). */
    __samtaleNow?: (() => number) | number;
  }
}

/** Wall-clock epoch milliseconds (wall clock, so a sleeping laptop's sleep counts). */
export function now(win: Window = window): number {
  const hook = win.__samtaleNow;
  if (typeof hook === 'number' && Number.isFinite(hook)) return hook;
  if (typeof hook === 'function') {
    const value = hook();
    if (typeof value === 'number' && Number.isFinite(value)) return value;
  }
  return Date.now();
}
