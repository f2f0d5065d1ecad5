// What the video controller needs from a player, local or embedded.

/** What a player reports back. Times are seconds from the start of the file. */
export interface PlayerEvents {
  status(status: 'idle' | 'loading' | 'playing' | 'paused' | 'ended'): void;
  time(current: number, duration?: number): void;
  /** The player cannot play (file broken, embed refused, no answer): show poster, link and QR code. */
  failed(): void;
}

export interface Player {
  play(): Promise<void>;
  pause(): void;
  /** Lets go of everything the player loaded (an embed's frame); the poster shows again. */
  unload?(): void;
}
