// Checks a video's local media files (video, poster, captions): inside the project folder, present, readable.
import { closeSync, existsSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, relative, resolve } from 'node:path';
import type { Diagnostics } from '../diagnostics/deck-error.js';
import { didYouMean } from '../diagnostics/suggest.js';
import type { Card, SourcePosition, Video } from '../model.js';
import { checkMediaFile, classifyVideoSource, isLocalPath, isProblem, type MediaKey } from './video-source.js';
import { locate } from '../project/places.js';

const MEDIA_KEYS: readonly MediaKey[] = ['src', 'poster', 'captions'];

/** Reports a card's media paths that are absolute, climb out of `root`, or name no file. */
export function checkMediaPaths(card: Card, root: string, sourceText: string, diagnostics: Diagnostics): void {
  const lines = sourceText.split(/\r?\n/);
  for (const video of card.videos) checkVideoFiles(video, root, diagnostics, (key, value) => scanPosition(video, key, value, lines));
}

/** The file a video's media value names, resolved against the file it was written in. */
export function mediaFile(video: Video, key: MediaKey): string | undefined {
  const value = video[key];
  if (value === undefined || !isLocalPath(value) || /^file:/i.test(value) || isAbsolute(value)) return undefined;
  return resolve(dirname(video.source.media?.[key]?.file ?? video.source.file), value);
}

/** Checks one video's local files; `fallback` finds a value's position when the parse did not record it. */
export function checkVideoFiles(
  video: Video,
  root: string,
  diagnostics: Diagnostics,
  fallback: (key: MediaKey, value: string) => SourcePosition = () => ({ file: video.source.file, line: video.source.startLine, column: 1 }),
  keys: readonly MediaKey[] = MEDIA_KEYS,
): void {
  for (const key of keys) {
    const value = video[key];
    if (value === undefined || !isLocalPath(value)) continue;
    const at = video.source.media?.[key] ?? fallback(key, value);
    const target = resolve(dirname(at.file), value);
    const found = locate(root, target, at.file);
    if (/^file:/i.test(value) || isAbsolute(value) || /^[a-z]:[\\/]/i.test(value) || found.kind === 'outside') {
      const link = found.kind === 'outside' && found.viaLink ? ` through a link to ${found.real}` : '';
      const where = found.kind === 'outside' && found.installed ? 'into node_modules/, which is not part of the project' : `outside the project folder${link}`;
      diagnostics.error('E_MEDIA_OUTSIDE_PROJECT', `${key} "${value}" points ${where}`, at,
        `put media files in the project, e.g. content/media/, and write a path relative to the ${at.file === video.source.file ? 'card' : 'manifest'}${link ? ', not a link' : ''}`);
      continue;
    }
    // A value of the wrong kind is reported by the parse already; one problem per value is enough.
    if (key === 'src' ? isProblem(classifyVideoSource(value)) : checkMediaFile(key, value) !== undefined) continue;
    if (!isFile(target)) {
      diagnostics.error('E_MEDIA_MISSING', `${key} "${value}" does not exist (looked for ${relative(root, target)})`, at,
        pathFromProjectHint(value, at.file, root) ?? missingHint(target, root));
      continue;
    }
    if (key === 'captions' && !startsWith(target, 'WEBVTT')) {
      diagnostics.error('E_CAPTIONS_NOT_VTT', `captions "${value}" is not a WebVTT file: it does not begin with "WEBVTT"`, at,
        'save the captions as WebVTT (.vtt); convert .srt with e.g. "ffmpeg -i captions.srt captions.vtt"');
    }
  }
}

/**
 * When a path names a file as seen from the project folder ("content/solby/logo.svg" in a manifest), the path
 * that works from the file that names it ("../content/solby/logo.svg").
 */
export function pathFromProjectHint(written: string, from: string, root: string): string | undefined {
  const fromProject = resolve(root, written);
  if (relative(root, fromProject).startsWith('..') || !isFile(fromProject)) return undefined;
  const fix = relative(dirname(from), fromProject).split('\\').join('/');
  return `did you mean "${fix}"? Paths are relative to ${relative(root, from).split('\\').join('/')}, not to the project folder`;
}

function missingHint(target: string, root: string): string {
  const folder = dirname(target);
  if (!existsSync(folder)) return `there is no folder ${relative(root, folder)}/; the path is relative to the file that names it`;
  const guess = didYouMean(basename(target), readdirSync(folder));
  return guess ? `did you mean "${guess}"?` : 'check the file name and its folder; the path is relative to the file that names it';
}

/**
 * For a file that does not exist: the file beside it that was probably meant, as the path to write instead —
 * the same name with another of the `extensions` ("logo.png" when there is a "logo.svg"), else a near name
 * with one of them. Undefined when there is none.
 */
export function siblingFileHint(written: string, target: string, extensions: readonly string[]): string | undefined {
  const folder = dirname(target);
  let names: string[];
  try {
    names = readdirSync(folder).filter((name) => extensions.includes(extname(name).toLowerCase()) && isFile(resolve(folder, name)));
  } catch {
    return undefined;
  }
  const stem = basename(target, extname(target)).toLowerCase();
  const guess = names.find((name) => basename(name, extname(name)).toLowerCase() === stem) ?? didYouMean(basename(target), names);
  if (!guess) return undefined;
  const path = written.replace(/[^/\\]*$/, guess);
  const same = basename(guess, extname(guess)).toLowerCase() === stem;
  return same ? `there is ${guess} beside it: write "${path}"` : `did you mean "${path}"?`;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Whether a file's text (after a byte-order mark) begins with `prefix`. */
function startsWith(path: string, prefix: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(prefix.length + 3);
    const read = readSync(fd, head, 0, head.length, 0);
    return head.subarray(0, read).toString('utf8').replace(/^\uFEFF/, '').startsWith(prefix);
  } finally {
    closeSync(fd);
  }
}

/** For videos built by hand (without recorded positions): the line of `key:` inside the block. */
function scanPosition(video: Video, key: MediaKey, value: string, lines: string[]): SourcePosition {
  const index = lines.findIndex((line, i) => i + 1 >= video.source.startLine && i + 1 <= video.source.endLine && line.trimStart().startsWith(`${key}:`));
  const line = index >= 0 ? index + 1 : video.source.startLine;
  return { file: video.source.file, line, column: Math.max(1, (lines[line - 1] ?? '').indexOf(value) + 1) };
}
