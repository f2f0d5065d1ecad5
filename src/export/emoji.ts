// Emoji on paper: drawn by the machine's colour emoji font, or refused with a clear message.
//
// The print documents' fonts (the theme's, a municipality's) have no emoji. Left to Chromium's fallback, an
// emoji is drawn by whichever system font claims it first: on Linux DejaVu Sans has a few dozen in black and
// white, so one title would mix them with colour ones, and an emoji no installed font has becomes an empty
// box. So every web font of a print document gets extra faces, limited to the emoji ranges, that point at
// the installed colour emoji font (`local()`), and the exporter checks before printing that each emoji in
// the document was drawn by it. `npm install` installs Noto Color Emoji on Debian/Ubuntu (scripts/ensure-browser.mjs).
import type { Page } from 'puppeteer-core';
import { EnvironmentError } from '../diagnostics/deck-error.js';

/** Emoji blocks, and what joins emoji into one: ZWJ, the emoji variation selector, keycaps, tags. */
export const EMOJI_RANGE = 'U+1F000-1FAFF, U+2300-23FF, U+2600-27BF, U+2B00-2BFF, U+200D, U+20E3, U+FE0F, U+E0020-E007F';

/** Colour emoji fonts by the names `local()` finds them: Linux, macOS, Windows, Firefox's. */
const EMOJI_FONTS = ['Noto Color Emoji', 'Apple Color Emoji', 'Segoe UI Emoji', 'Twemoji Mozilla'];

/** Emoji faces for every family the CSS declares with @font-face, in the weights and styles the print CSS uses. */
export function emojiFaceCss(css: readonly string[]): string {
  const families = new Set<string>();
  for (const text of css) {
    for (const [, body] of text.matchAll(/@font-face\s*\{([^}]*)\}/g)) {
      const family = /font-family\s*:\s*(?:"([^"]+)"|'([^']+)'|([^;]+))/.exec(body!);
      const name = (family?.[1] ?? family?.[2] ?? family?.[3])?.trim();
      if (name) families.add(name);
    }
  }
  const src = EMOJI_FONTS.map((font) => `local("${font}")`).join(',');
  const faces: string[] = [];
  for (const family of families) {
    for (const style of ['normal', 'italic']) {
      for (const weight of [400, 700]) {
        faces.push(`@font-face{font-family:"${family.replace(/"/g, '')}";src:${src};font-weight:${weight};font-style:${style};unicode-range:${EMOJI_RANGE}}`);
      }
    }
  }
  return faces.join('\n');
}

/** A font face that did not load, as the page reports it. */
export interface FailedFace {
  family: string;
  weight: string;
  style: string;
  unicodeRange: string;
}

/** The failures that are ours to explain: emoji faces with no emoji font installed. */
export function emojiFontMissing(failed: readonly FailedFace[], label: string): EnvironmentError | undefined {
  if (!failed.some((face) => face.unicodeRange.replace(/\s/g, '').toUpperCase().startsWith('U+1F000-1FAFF'))) return undefined;
  return new EnvironmentError('E_EMOJI_FONT', `Could not render ${label}: it has emoji, and no colour emoji font is installed`);
}

/**
 * Fails (E_EMOJI_FONT) when an emoji in the page is not drawn by the colour emoji font: a newer emoji than
 * the font knows, say. Each distinct emoji is measured once, in a probe beside the first text that has it.
 */
export async function checkEmoji(page: Page, label: string): Promise<void> {
  const found = await page.evaluate(markEmojiProbes);
  if (found.length === 0) return;
  const client = await page.createCDPSession();
  try {
    await client.send('DOM.enable');
    await client.send('CSS.enable');
    const { root } = await client.send('DOM.getDocument', { depth: 0 });
    const fontsOf = async (index: number) => {
      const { nodeId } = await client.send('DOM.querySelector', { nodeId: root.nodeId, selector: `[data-samtale-emoji-probe="${index}"]` });
      const { fonts } = await client.send('CSS.getPlatformFontsForNode', { nodeId });
      return fonts.map((font) => font.familyName);
    };
    const reference = await fontsOf(-1);
    const missing: string[] = [];
    for (let i = 0; i < found.length; i++) {
      if ((await fontsOf(i)).some((family) => !reference.includes(family))) missing.push(`${found[i]!.emoji} (in "${found[i]!.context}")`);
    }
    if (missing.length > 0) {
      throw new EnvironmentError('E_EMOJI_FONT', `Could not render ${label}: no installed emoji font can draw ${missing.join(', ')}`);
    }
  } finally {
    await page.evaluate(() => document.querySelectorAll('[data-samtale-emoji-probe]').forEach((probe) => probe.remove())).catch(() => undefined);
    await client.detach().catch(() => undefined);
  }
}

/**
 * In the page: the distinct emoji of the text, each with a hidden probe (`data-samtale-emoji-probe`) beside the
 * text it is in, plus probe -1 with an emoji every emoji font has. Self-contained: it runs in the browser.
 */
function markEmojiProbes(): { emoji: string; context: string }[] {
  // Shown as emoji: emoji presentation, or asked for with U+FE0F; and code points reserved for future emoji.
  const emoji = /\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F|(?=\p{Extended_Pictographic})\p{Cn}/u;
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const seen = new Map<string, Element>();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    if (!emoji.test(text) || !node.parentElement) continue;
    for (const { segment } of segmenter.segment(text)) if (emoji.test(segment) && !seen.has(segment)) seen.set(segment, node.parentElement);
  }
  if (seen.size === 0) return [];
  const probe = (parent: Element, text: string, index: number) => {
    const span = document.createElement('span');
    span.setAttribute('data-samtale-emoji-probe', String(index));
    span.setAttribute('aria-hidden', 'true');
    span.style.cssText = 'position:absolute;visibility:hidden;white-space:pre';
    span.textContent = text;
    parent.appendChild(span);
  };
  const entries = [...seen];
  const found = entries.map(([text, parent]) => ({ emoji: text, context: (parent.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60) }));
  probe(entries[0]![1], '\u{1F600}', -1);
  entries.forEach(([text, parent], index) => probe(parent, text, index));
  return found;
}
