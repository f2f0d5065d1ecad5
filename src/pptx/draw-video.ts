// A video slide in PowerPoint: a local file embedded as media with its poster; an online video as its poster,
// title, description, link and QR code (as the deck shows it offline and in print).
import { statSync } from 'node:fs';
import { extname } from 'node:path';
import type { Diagnostics } from '../diagnostics/deck-error.js';
import { posterDataUrl } from '../export/video-media.js';
import type { SourcePosition, Video } from '../model.js';
import { mediaFile } from '../pipeline/media-paths.js';
import type { SlideContent } from '../pipeline/render/slide.js';
import type { Strings } from '../pipeline/render/strings.js';
import { planVideo, shownAddress, videoWords } from '../pipeline/render/video.js';
import { classifyVideoSource, isProblem } from '../pipeline/video-source.js';
import { htmlParagraphs, type TextParagraph } from './html-text.js';
import { drawnPoster, posterImage, qrImage, type PngImage } from './images.js';
import { labelBlock } from './draw-card.js';
import { MARGIN_Y } from './layout.js';
import type { Palette } from './palette.js';
import { addRect, addText, estimateHeight, fittingSize, inches, PAD_X, SLIDE_WIDTH, type DrawContext, type Frame } from './text-box.js';

/** Video formats PowerPoint plays on every platform; others are embedded with a warning. */
const POWERPOINT_VIDEO = new Set(['.mp4', '.m4v', '.mov']);
/** Beyond this a video makes the file too large to write in one piece (and to mail); the export refuses it. */
const MAX_VIDEO_BYTES = 1024 ** 3;

/** The stage (poster or player) at 16:9, as on the deck's video slide. */
const STAGE: Frame = { x: PAD_X, y: MARGIN_Y + 38 + 21, w: 624, h: 351 };
const INFO = { x: STAGE.x + STAGE.w + 48, w: SLIDE_WIDTH - PAD_X - (STAGE.x + STAGE.w + 48) };
const QR_SIZE = 160;

/** What a video slide needs that has to be read or drawn first. */
export interface VideoAssets {
  video: Video;
  address?: string;
  shown?: string;
  qr?: PngImage;
  poster?: PngImage;
  /** A local file to embed, with the picture PowerPoint shows before it plays. */
  media?: { file: string; cover: PngImage };
}

/** Reads and draws a video's pictures; problems PowerPoint would have are reported at the video's lines. */
export async function prepareVideo(video: Video, palette: Palette, diagnostics: Diagnostics): Promise<VideoAssets> {
  const plan = planVideo(video);
  const shown = shownAddress(plan, video);
  const posterUrl = await posterDataUrl(video);
  const [qr, poster] = await Promise.all([
    plan.address ? qrImage(plan.address) : undefined,
    posterUrl ? posterImage(posterUrl, STAGE.w, STAGE.h) : undefined,
  ]);
  if (mediaFile(video, 'poster') && !poster) {
    diagnostics.warning('W_PPTX_POSTER', `poster "${video.poster}" cannot be drawn into the PowerPoint; the slide shows a plain poster`, at(video, 'poster'),
      'use a JPEG or PNG poster');
  }
  const assets: VideoAssets = { video, ...(plan.address ? { address: plan.address } : {}), ...(shown ? { shown } : {}), ...(qr ? { qr } : {}), ...(poster ? { poster } : {}) };
  const source = video.src === undefined ? undefined : classifyVideoSource(video.src);
  const file = source && !isProblem(source) && source.kind === 'local' ? mediaFile(video, 'src') : undefined;
  if (!file) return assets;
  const bytes = statSync(file, { throwIfNoEntry: false })?.size;
  if (bytes === undefined) return assets; // missing files are the build's and check's to report
  if (bytes > MAX_VIDEO_BYTES) {
    diagnostics.error('E_PPTX_VIDEO_SIZE', `video "${video.src}" is ${Math.round(bytes / 1024 ** 2)} MB; a PowerPoint file cannot embed more than ${MAX_VIDEO_BYTES / 1024 ** 2} MB of video here`,
      at(video, 'src'), 'compress it (e.g. ffmpeg -i in.mp4 -crf 28 out.mp4), or give the video a page address instead of a file');
    return assets;
  }
  if (!POWERPOINT_VIDEO.has(extname(file).toLowerCase())) {
    diagnostics.warning('W_PPTX_VIDEO_FORMAT', `video "${video.src}" is embedded, but PowerPoint may not play ${extname(file).slice(1).toUpperCase()} files`, at(video, 'src'),
      'convert it to MP4 (H.264), e.g. ffmpeg -i in.webm out.mp4, and point the deck to that file');
  }
  return { ...assets, media: { file, cover: poster ?? await drawnPoster(STAGE.w, STAGE.h, palette.primary, palette.onPrimary) } };
}

export function drawVideo(context: DrawContext, content: Extract<SlideContent, { kind: 'video' }>, assets: VideoAssets, strings: Strings): void {
  const { palette } = context;
  const { video } = assets;
  const words = videoWords(strings);
  labelBlock(context, content.label).draw(MARGIN_Y);
  const length = planVideo(video).length;
  const facts = [video.role, length ? words.length(length) : undefined].filter(Boolean).join(' · ');
  const heading = video.title ?? video.speaker ?? strings.video;
  const byline = video.title ? video.speaker : undefined;

  let infoTop = STAGE.y;
  if (assets.media) {
    context.slide.addMedia({
      type: 'video', path: assets.media.file, cover: `data:${assets.media.cover.data}`, objectName: 'Video',
      x: inches(STAGE.x), y: inches(STAGE.y), w: inches(STAGE.w), h: inches(STAGE.h),
    });
    // The player covers the stage, so the words of the poster go beside it.
    const lines: [string, string, { size: number; color: string; bold?: boolean }][] = [
      ['Video title', heading, { size: 36, color: palette.primary, bold: true }],
      ...(byline ? [['Video speaker', byline, { size: 30, color: palette.text, bold: true }] as [string, string, { size: number; color: string; bold?: boolean }]] : []),
      ...(facts ? [['Video facts', facts, { size: 28, color: palette.muted }] as [string, string, { size: number; color: string }]] : []),
    ];
    for (const [name, text, style] of lines) {
      const h = estimateHeight(text, { ...style, lineHeight: 1.2 }, INFO.w);
      addText(context, name, text, { x: INFO.x, y: infoTop, w: INFO.w, h }, { ...style, lineHeight: 1.2 });
      infoTop += h + 8;
    }
    infoTop += 16;
  } else {
    drawPoster(context, assets.poster, heading, byline, facts);
  }

  if (video.descriptionHtml) {
    const description = htmlParagraphs(video.descriptionHtml);
    const style = { size: 30, color: palette.text };
    const room = STAGE.y + STAGE.h - infoTop;
    const size = fittingSize(description, style, INFO.w, room, 22);
    addText(context, 'Video description', description, { x: INFO.x, y: infoTop, w: INFO.w, h: room }, { ...style, size });
  }

  if (assets.address && assets.shown !== undefined) {
    const top = STAGE.y + STAGE.h + 28;
    if (assets.qr) {
      context.slide.addImage({ data: assets.qr.data, objectName: 'QR code', altText: words.qr(assets.shown),
        x: inches(PAD_X), y: inches(top), w: inches(QR_SIZE), h: inches(QR_SIZE) });
    }
    const link: TextParagraph[] = [{ runs: [{ text: `${strings.videoPage} ` }, { text: assets.shown, link: assets.address }] }];
    const x = PAD_X + QR_SIZE + 20;
    const style = { size: 28, color: palette.muted, lineHeight: 1.25 };
    const h = estimateHeight(link, style, SLIDE_WIDTH - PAD_X - x);
    addText(context, 'Video link', link, { x, y: top + (QR_SIZE - h) / 2, w: SLIDE_WIDTH - PAD_X - x, h }, style);
  }
}

/** The poster of a video that does not play in the file: its picture (or the deck's colour), a play outline, a caption band. */
function drawPoster(context: DrawContext, poster: PngImage | undefined, heading: string, byline: string | undefined, facts: string): void {
  const { palette, slide, pptx } = context;
  if (poster) {
    slide.addImage({ data: poster.data, objectName: 'Video poster', altText: heading, x: inches(STAGE.x), y: inches(STAGE.y), w: inches(STAGE.w), h: inches(STAGE.h) });
  } else {
    addRect(context, 'Video poster', STAGE, palette.primary);
  }
  const disc = 112;
  const cx = STAGE.x + STAGE.w / 2;
  const cy = STAGE.y + STAGE.h * 0.34;
  slide.addShape(pptx.ShapeType.ellipse, { objectName: 'Video symbol', x: inches(cx - disc / 2), y: inches(cy - disc / 2), w: inches(disc), h: inches(disc),
    fill: { type: 'none' }, line: { color: palette.onPrimary, width: 3.75, transparency: 45 } });
  slide.addShape(pptx.ShapeType.triangle, { objectName: 'Video symbol triangle', x: inches(cx - 18), y: inches(cy - 26), w: inches(52), h: inches(42), rotate: 90,
    fill: { color: palette.onPrimary, transparency: 45 }, line: { type: 'none' } });

  const inner = STAGE.w - 56;
  const lines = [
    { name: 'Video title', text: heading, style: { size: 42, color: palette.onPrimary, bold: true, lineHeight: 1.12 } },
    ...(byline ? [{ name: 'Video speaker', text: byline, style: { size: 30, color: palette.onPrimary, bold: true, lineHeight: 1.2 } }] : []),
    ...(facts ? [{ name: 'Video facts', text: facts, style: { size: 28, color: palette.onPrimary, lineHeight: 1.2 } }] : []),
  ].map((line) => ({ ...line, h: estimateHeight(line.text, line.style, inner) }));
  const band = 18 + 22 + lines.reduce((sum, l) => sum + l.h + 4, 0);
  addRect(context, 'Video caption', { x: STAGE.x, y: STAGE.y + STAGE.h - band, w: STAGE.w, h: band }, palette.primary);
  let y = STAGE.y + STAGE.h - band + 18;
  for (const line of lines) {
    addText(context, line.name, line.text, { x: STAGE.x + 28, y, w: inner, h: line.h }, line.style);
    y += line.h + 4;
  }
}

function at(video: Video, key: 'src' | 'poster'): SourcePosition {
  return video.source.media?.[key] ?? { file: video.source.file, line: video.source.startLine, column: 1 };
}
