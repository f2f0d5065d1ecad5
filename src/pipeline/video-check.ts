// Checks a video's fields as written (addresses, formats, times), reporting each problem where its value is.
import type { Validated } from '../config/validate-yaml.js';
import type { Diagnostics } from '../diagnostics/deck-error.js';
import type { SourcePosition, Video } from '../model.js';
import { checkMediaFile, checkPageAddress, classifyVideoSource, isProblem, toSeconds, type MediaKey, type SourceProblem } from './video-source.js';

type PositionOf = Validated<unknown>['positionOf'];

const MEDIA_KEYS: readonly MediaKey[] = ['src', 'poster', 'captions'];

/** Where each media path of a video block was written; paths resolve against that file. */
export function mediaPositions(values: Partial<Record<MediaKey, string>>, positionOf: PositionOf): Partial<Record<MediaKey, SourcePosition>> {
  const positions: Partial<Record<MediaKey, SourcePosition>> = {};
  for (const key of MEDIA_KEYS) if (values[key] !== undefined) positions[key] = positionOf([key]);
  return positions;
}

/** Reports a media value that cannot be used; true when it is usable. */
export function checkMediaValue(key: MediaKey, value: string, at: SourcePosition, diagnostics: Diagnostics, prefix = ''): boolean {
  const problem: SourceProblem | undefined = key === 'src'
    ? (() => { const s = classifyVideoSource(value); return isProblem(s) ? s : undefined; })()
    : checkMediaFile(key, value);
  if (problem) diagnostics.error(problem.code, `${prefix}${key} "${value}": ${problem.message}`, at, problem.hint);
  return problem === undefined;
}

/** Checks a card's video block: its source, page, poster, captions and times. */
export function checkVideo(video: Video, positionOf: PositionOf, diagnostics: Diagnostics): void {
  for (const key of MEDIA_KEYS) {
    const value = video[key];
    if (value !== undefined) checkMediaValue(key, value, positionOf([key]), diagnostics);
  }
  if (video.page !== undefined) {
    const problem = checkPageAddress(video.page);
    if (problem) diagnostics.error(problem.code, `page "${video.page}": ${problem.message}`, positionOf(['page']), problem.hint);
  }
  const length = video.length === undefined ? undefined : toSeconds(video.length);
  if (video.end !== undefined && video.end <= (video.start ?? 0)) {
    diagnostics.error('E_VIDEO_TIMES', `video "end" (${video.end} s) is not after ${video.start === undefined ? 'the beginning' : `"start" (${video.start} s)`}`, positionOf(['end']),
      'give the end as seconds from the beginning of the video, e.g. "end: 300" or "end: \\"5:00\\""');
  } else if (length !== undefined && video.start !== undefined && video.start >= length) {
    diagnostics.error('E_VIDEO_TIMES', `video "start" (${video.start} s) is not within its length (${video.length})`, positionOf(['start']),
      '"length" is the length of the whole video, "start" a time within it');
  }
  if (video.autoplay && video.src !== undefined) {
    const source = classifyVideoSource(video.src);
    if (!isProblem(source) && source.kind !== 'local') {
      diagnostics.warning('W_VIDEO_AUTOPLAY', 'video "autoplay" applies only to local files', positionOf(['autoplay']),
        'an online video loads only when the facilitator presses play, so that nothing reaches the video platform before that');
    }
  }
  if (video.src === undefined && video.page === undefined) {
    diagnostics.warning('W_VIDEO_NOTHING', 'video has neither "src" nor "page": there is nothing to play or link to',
      { file: video.source.file, line: video.source.startLine, column: 1 },
      'add "src:" with a local file or a YouTube/Vimeo address, or "page:" with the page that shows the video');
  }
}
