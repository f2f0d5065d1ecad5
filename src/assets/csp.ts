// The Content-Security-Policy of a built deck: nothing but its own files, no network.
import { createHash } from 'node:crypto';

export interface CspOptions {
  /** Texts of the page's inline `<script>` elements, exactly as inlined. */
  inlineScripts: readonly string[];
  /** Further `'sha256-…'` sources, e.g. the scripts of reveal's speaker view. */
  extraScriptHashes: readonly string[];
  /**
   * Video players the deck may frame once the facilitator presses play, e.g.
   * `https://www.youtube-nocookie.com`: only the hosts of the deck's own
   * videos (render/video.ts `videoFrameSources`). Nothing else is widened:
   * posters are local files, and the player loads its own images itself.
   */
  frameSources?: readonly string[];
}

/** A CSP hash source for an inline script's text. */
export function scriptHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * The policy for the deck's `<meta http-equiv="Content-Security-Policy">`.
 *
 * - Scripts run only by hash: the runtime, and the inline script reveal's
 *   notes plugin document.write()s into its about:blank speaker window, which
 *   inherits this policy.
 * - Styles are inline (`<style>`, reveal's style attributes); fonts and
 *   images are data: URLs or files beside the deck; video and frames are
 *   files beside the deck (the speaker view frames the deck file twice).
 * - `'self'` covers http(s) hosting. From file:// the origin is opaque by the
 *   URL spec: Chromium still matches file: URLs against `'self'`, other
 *   browsers need the explicit `file:` scheme source. Neither reaches the
 *   network: a page on http(s) cannot load file: URLs anyway.
 * - No fetch/XHR/WebSocket (`default-src 'none'`), no plugins, no `<base>`
 *   and no form posts. `frame-ancestors` is left out: it is ignored (with a
 *   console error) in a meta element.
 */
export function contentSecurityPolicy(options: CspOptions): string {
  const scripts = [...new Set([...options.inlineScripts.map(scriptHash), ...options.extraScriptHashes])];
  const local = "'self' file:";
  const directives: [string, string][] = [
    ['default-src', "'none'"],
    ['script-src', scripts.length > 0 ? scripts.join(' ') : "'none'"],
    ['style-src', "'unsafe-inline'"],
    ['font-src', `data: ${local}`],
    ['img-src', `data: ${local}`],
    ['media-src', local],
    ['frame-src', [local, ...(options.frameSources ?? [])].join(' ')],
    ['base-uri', "'none'"],
    ['form-action', "'none'"],
    ['object-src', "'none'"],
  ];
  return directives.map(([name, value]) => `${name} ${value}`).join('; ');
}
