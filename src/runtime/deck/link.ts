// The deck window's end of the link to the facilitator view: opening the popup, adopting it, messaging.
import { type Command, type DeckMessage, isViewMessage } from '../protocol.js';
import type { OutboxEntry } from '../storage/outbox.js';

/** The query that turns the deck file into the facilitator view (`index.html?samtale=facilitator`). */
export const VIEW_PARAM = 'samtale';
export const VIEW_VALUE = 'facilitator';

/** True when this page is the facilitator view rather than the deck. */
export function isFacilitatorView(win: Window): boolean {
  try {
    return new URLSearchParams(win.location.search).get(VIEW_PARAM) === VIEW_VALUE;
  } catch {
    return false;
  }
}

/** The view's address: this very file, without reveal's query options or the slide hash. */
export function viewUrl(win: Window): string {
  const base = win.location.href.replace(/[?#].*$/, '');
  return `${base}?${VIEW_PARAM}=${VIEW_VALUE}`;
}

export interface ViewLinkHandlers {
  onCommand(command: Command): void;
  /** A view said hello (with the keystrokes it has not seen confirmed): send it everything at once. */
  onConnect(outbox: OutboxEntry[]): void;
}

export class ViewLink {
  private popup: Window | null = null;

  constructor(
    private readonly win: Window,
    private readonly deckId: string,
    private readonly handlers: ViewLinkHandlers,
  ) {
    win.addEventListener('message', (event) => this.onMessage(event));
  }

  /** Whether a view window is open and known to this page. */
  get connected(): boolean {
    return this.popup !== null && !this.popup.closed;
  }

  /**
   * Opens the view, or brings it to the front if it is open. Must run in a
   * user gesture (key S, a click) or the browser blocks the popup; returns
   * false then.
   */
  open(): boolean {
    if (this.connected) {
      this.popup!.focus();
      return true;
    }
    // A name per deck: pressing S again (after a reload lost the handle) reuses the same window.
    const popup = this.win.open(viewUrl(this.win), `samtale-facilitator-${this.deckId}`, 'popup,width=1280,height=800');
    if (popup === null) return false;
    this.popup = popup;
    popup.focus();
    return true;
  }

  send(message: DeckMessage): void {
    if (!this.connected) return;
    try {
      this.popup!.postMessage(message, '*');
    } catch {
      // A window being closed can refuse messages; the next update goes to whatever is there then.
    }
  }

  private onMessage(event: MessageEvent): void {
    const source = event.source as Window | null;
    if (source === null || !this.isOurView(source) || !isViewMessage(event.data, this.deckId)) return;
    if (this.popup !== source) this.popup = source;
    if (event.data.type === 'hello') this.handlers.onConnect(event.data.outbox);
    else this.handlers.onCommand(event.data.command);
  }

  /** The popup we opened, or one this page's earlier self opened (its `opener` is still this window). */
  private isOurView(source: Window): boolean {
    if (source === this.popup) return true;
    try {
      // `opener` is readable across origins (file:// pages are opaque origins); identity is what counts.
      return source.opener === this.win;
    } catch {
      return false;
    }
  }
}
