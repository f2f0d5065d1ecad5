// What the dev server and the page say to each other: event names, ids in the page, and payloads.

/** URL of the browser half of `samtale dev` (src/vite/client.ts), resolved by the plugin. */
export const CLIENT_URL = '/@samtale/client';

/** Server → page: a rebuilt deck to apply in place ({@link DeckUpdate}). */
export const UPDATE_EVENT = 'samtale:update';

/** Page → server, once loaded: the version it shows ({@link Hello}), so a page that missed an update catches up. */
export const HELLO_EVENT = 'samtale:hello';

/** Page → its own document, after an update was applied: runtime plugins may refresh what they hold. */
export const UPDATED_DOM_EVENT = 'samtale:updated';

/** `<meta name=…>` holding the version of the deck a page was served with. */
export const VERSION_META = 'samtale-dev-version';

/** `<script type="application/json" id=…>` holding the error to show when the page was served in error. */
export const ERROR_DATA_ID = 'samtale-dev-error';

/** A rebuilt deck whose page shell is unchanged: the parts that change with content. */
export interface DeckUpdate {
  version: number;
  /** The `<section>`s, the inner HTML of `.reveal .slides`. */
  slides: string;
  /** Text of `#samtale-deck` (the deck model as JSON). */
  model: string;
  /** Text of the page's `<style>`, when it changed (a theme or the branding). */
  css?: string;
  /** The `<title>`'s HTML (escaped text), when it changed. */
  title?: string;
}

export interface Hello {
  version: number;
}

/** What Vite's error overlay shows (Vite's `ErrorPayload['err']`). */
export interface OverlayError {
  message: string;
  stack: string;
  plugin?: string;
  id?: string;
  frame?: string;
  loc?: { file?: string; line: number; column: number };
}
