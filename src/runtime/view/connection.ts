// The facilitator view's end of the link: hello until the deck answers, liveness, commands, replies.
import { type Command, type DeckMessage, envelope, isDeckMessage } from '../protocol.js';
import type { OutboxEntry } from '../storage/outbox.js';

/** `connecting` until the first snapshot; `lost` when the deck has been silent (closed, reloading). */
export type ConnectionState = 'connecting' | 'connected' | 'lost' | 'no-opener';

const HELLO_EVERY_MS = 1000;
/** The deck sends a snapshot at least once a second; this much silence means it is gone or reloading. */
const SILENCE_MS = 3000;

export interface ConnectionHandlers {
  onSnapshot(message: Extract<DeckMessage, { type: 'snapshot' }>): void;
  onReply(message: Extract<DeckMessage, { type: 'reply' }>): void;
  onState(state: ConnectionState): void;
  /** The keystrokes not yet confirmed by the deck, sent with every hello. */
  outbox(): OutboxEntry[];
}

export class DeckConnection {
  private lastHeard = Number.NEGATIVE_INFINITY;
  private state: ConnectionState = 'connecting';

  constructor(
    private readonly win: Window,
    private readonly deckId: string,
    private readonly handlers: ConnectionHandlers,
  ) {}

  get connected(): boolean {
    return this.state === 'connected';
  }

  start(): void {
    this.win.addEventListener('message', (event) => {
      // Only the deck that opened this window; never judged by origin (it is "null" on file://).
      if (event.source === null || event.source !== this.win.opener || !isDeckMessage(event.data, this.deckId)) return;
      this.lastHeard = performance.now();
      this.setState('connected');
      if (event.data.type === 'snapshot') this.handlers.onSnapshot(event.data);
      else this.handlers.onReply(event.data);
    });
    this.hello();
    this.win.setInterval(() => {
      if (performance.now() - this.lastHeard > SILENCE_MS) {
        if (this.state === 'connected') this.setState('lost');
        this.hello();
      }
    }, HELLO_EVERY_MS);
  }

  /** Sends a command; false when there is no deck to send it to (its effect must wait, or be refused). */
  send(command: Command): boolean {
    return this.post({ ...envelope(this.deckId), type: 'command', command });
  }

  /** Says hello again (with the outbox): after the deck was reloaded, it takes up what it missed. */
  hello(): void {
    this.post({ ...envelope(this.deckId), type: 'hello', outbox: this.handlers.outbox() });
  }

  private post(message: unknown): boolean {
    const opener = this.win.opener as Window | null;
    if (opener === null || opener.closed) {
      this.setState('no-opener');
      return false;
    }
    try {
      opener.postMessage(message, '*');
      return true;
    } catch {
      this.setState('lost');
      return false;
    }
  }

  private setState(state: ConnectionState): void {
    if (state === this.state) return;
    // Once connected, a closed opener is "lost" (the deck may come back), not "never opened from a deck".
    this.state = state === 'no-opener' && this.state !== 'connecting' ? 'lost' : state;
    this.handlers.onState(this.state);
  }
}
