// The facilitator view's end of the link: hello until the deck answers, liveness, commands.
import { type Command, type DeckMessage, envelope, isDeckMessage } from '../protocol.js';

/** `connecting` until the first update; `lost` when the deck has been silent (closed, reloading). */
export type ConnectionState = 'connecting' | 'connected' | 'lost' | 'no-opener';

const HELLO_EVERY_MS = 1000;
/** The deck sends an update at least once a second; this much silence means it is gone or reloading. */
const SILENCE_MS = 3000;

export class DeckConnection {
  private lastHeard = Number.NEGATIVE_INFINITY;
  private state: ConnectionState = 'connecting';

  constructor(
    private readonly win: Window,
    private readonly deckId: string,
    private readonly handlers: { onUpdate(message: DeckMessage): void; onState(state: ConnectionState): void },
  ) {}

  start(): void {
    this.win.addEventListener('message', (event) => {
      // Only the deck that opened this window; never judged by origin (it is "null" on file://).
      if (event.source === null || event.source !== this.win.opener || !isDeckMessage(event.data, this.deckId)) return;
      this.lastHeard = performance.now();
      this.setState('connected');
      this.handlers.onUpdate(event.data);
    });
    this.hello();
    this.win.setInterval(() => {
      if (performance.now() - this.lastHeard > SILENCE_MS) {
        if (this.state === 'connected') this.setState('lost');
        this.hello();
      }
    }, HELLO_EVERY_MS);
  }

  send(command: Command): void {
    this.post({ ...envelope(this.deckId), type: 'command', command });
  }

  private hello(): void {
    this.post({ ...envelope(this.deckId), type: 'hello' });
  }

  private post(message: unknown): void {
    const opener = this.win.opener as Window | null;
    if (opener === null || opener.closed) {
      this.setState('no-opener');
      return;
    }
    try {
      opener.postMessage(message, '*');
    } catch {
      this.setState('lost');
    }
  }

  private setState(state: ConnectionState): void {
    if (state === this.state) return;
    // Once connected, a closed opener is "lost" (the deck may come back), not "never opened from a deck".
    this.state = state === 'no-opener' && this.state !== 'connecting' ? 'lost' : state;
    this.handlers.onState(this.state);
  }
}
