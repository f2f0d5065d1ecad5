// The discussion countdown's optional end sound: a soft two-note chime made with WebAudio (no sound file).

type AudioContextConstructor = new () => AudioContext;

let context: AudioContext | undefined;

function audioContext(win: Window): AudioContext | undefined {
  if (context) return context;
  const Ctor = (win as Window & { AudioContext?: AudioContextConstructor; webkitAudioContext?: AudioContextConstructor }).AudioContext
    ?? (win as Window & { webkitAudioContext?: AudioContextConstructor }).webkitAudioContext;
  if (!Ctor) return undefined;
  try {
    context = new Ctor();
  } catch {
    return undefined;
  }
  return context;
}

/**
 * Readies audio during a user gesture (a key or click in the deck window),
 * so the chime may play later when no gesture is at hand.
 */
export function warmUpAudio(win: Window): void {
  const ctx = audioContext(win);
  if (ctx?.state === 'suspended') ctx.resume().catch(() => undefined);
}

/** Two soft sine notes (E5, A5), each fading out over a second; quiet enough for a council chamber. */
export function chime(win: Window): void {
  const ctx = audioContext(win);
  if (!ctx) return;
  if (ctx.state === 'suspended') ctx.resume().catch(() => undefined);
  const start = ctx.currentTime + 0.05;
  [659.25, 880].forEach((frequency, index) => {
    const oscillator = ctx.createOscillator();
    const gain = ctx.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = frequency;
    const at = start + index * 0.45;
    gain.gain.setValueAtTime(0, at);
    gain.gain.linearRampToValueAtTime(0.16, at + 0.04);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 1.2);
    oscillator.connect(gain).connect(ctx.destination);
    oscillator.start(at);
    oscillator.stop(at + 1.3);
  });
}
