// Captions from the WebVTT text inlined in the deck: browsers refuse `<track>` files on file:// pages.

/** One cue: from, to (seconds) and its text (WebVTT cue markup such as `<i>` is kept for the browser). */
export interface Cue {
  start: number;
  end: number;
  text: string;
}

const TIMING = /^((?:\d+:)?\d{1,2}:\d{2}\.\d{3})\s+-->\s+((?:\d+:)?\d{1,2}:\d{2}\.\d{3})/;

function seconds(stamp: string): number {
  return stamp.split(':').reduce((total, part) => total * 60 + Number(part), 0);
}

/** The cues of a WebVTT text; notes, styles, regions and malformed blocks are skipped. */
export function parseVtt(text: string): Cue[] {
  const cues: Cue[] = [];
  for (const block of text.replace(/\r\n?/g, '\n').split(/\n{2,}/)) {
    const lines = block.split('\n');
    const at = lines.findIndex((line) => TIMING.test(line));
    if (at < 0 || at > 1) continue;
    const match = TIMING.exec(lines[at]!)!;
    const body = lines.slice(at + 1).join('\n').trim();
    if (body) cues.push({ start: seconds(match[1]!), end: seconds(match[2]!), text: body });
  }
  return cues;
}

/** Adds the container's inlined captions to its video as a showing captions track. */
export function attachCaptions(container: HTMLElement, video: HTMLVideoElement, language: string): void {
  const template = container.querySelector<HTMLTemplateElement>('template.video-captions');
  if (!template || typeof VTTCue === 'undefined') return;
  const track = video.addTextTrack('captions', template.dataset['label'] ?? '', language);
  for (const cue of parseVtt(template.content.textContent ?? '')) track.addCue(new VTTCue(cue.start, cue.end, cue.text));
  // Shown by default: council chambers are noisy, and someone may not hear well. The player's CC button hides them.
  track.mode = 'showing';
}
