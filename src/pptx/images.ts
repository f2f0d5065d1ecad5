// Pictures for PowerPoint: the logo, video posters and QR codes as PNG, drawn without a browser.
//
// PowerPoint shows SVG only in recent versions and LibreOffice not from a .pptx written this way, so vector
// pictures are rasterised with resvg, loaded only when a deck has one. A poster is fitted to its frame here
// (cropped to fill it), which also turns any format resvg reads into PNG.
import QRCode from 'qrcode';

/** A PNG ready for pptxgenjs (`data` as "image/png;base64,…") with its size in pixels. */
export interface PngImage {
  data: string;
  width: number;
  height: number;
}

/** Pixels rendered per pixel of the slide, so pictures stay sharp on a projector and when zoomed. */
const SCALE = 3;
/** Posters are photographs, large as PNG: twice the slide's pixels is sharp on a projector. */
const POSTER_SCALE = 2;

/** A logo from its data: URL (SVG or PNG), as a PNG of about `height` slide pixels, sharp. */
export async function logoImage(dataUrl: string, height: number): Promise<PngImage> {
  const match = /^data:([^;,]+);base64,(.*)$/s.exec(dataUrl);
  if (!match) throw new Error('the logo is not a base64 data: URL');
  const [, type, base64] = match;
  const bytes = Buffer.from(base64!, 'base64');
  if (type === 'image/png') {
    const { width, height: h } = pngSize(bytes);
    return { data: `image/png;base64,${base64}`, width, height: h };
  }
  return rasterise(bytes, { height: height * SCALE });
}

/** A poster (as a data: URL) fitted to a `width`×`height` frame, cropped to fill it; undefined if it cannot be drawn. */
export async function posterImage(dataUrl: string, width: number, height: number): Promise<PngImage | undefined> {
  // resvg draws a picture it cannot decode as nothing, without an error: know the bytes first.
  if (!readablePicture(dataUrl)) return undefined;
  const w = width * POSTER_SCALE;
  const h = height * POSTER_SCALE;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">`
    + `<image width="${w}" height="${h}" preserveAspectRatio="xMidYMid slice" xlink:href="${dataUrl}"/></svg>`;
  try {
    return await rasterise(Buffer.from(svg), { width: w });
  } catch {
    return undefined;
  }
}

/** The signatures of the raster formats resvg decodes, by MIME type. */
const SIGNATURES: Record<string, (bytes: Buffer) => boolean> = {
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/gif': (b) => b.subarray(0, 4).toString('latin1') === 'GIF8',
  'image/webp': (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
};

/** Whether a data: URL's bytes are what its type says (SVG and other types are left to resvg). */
function readablePicture(dataUrl: string): boolean {
  const match = /^data:([^;,]+);base64,(.*)$/s.exec(dataUrl);
  if (!match) return false;
  const check = SIGNATURES[match[1]!];
  return check === undefined || check(Buffer.from(match[2]!.slice(0, 32), 'base64'));
}

/** A plain poster in the deck's colour with an outlined play symbol, for a local video without a poster image. */
export async function drawnPoster(width: number, height: number, colour: string, symbol: string): Promise<PngImage> {
  const r = Math.min(width, height) * 0.16;
  const cx = width / 2;
  const cy = height * 0.4;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`
    + `<rect width="${width}" height="${height}" fill="#${colour}"/>`
    + `<circle cx="${cx}" cy="${cy}" r="${r}" fill="#${symbol}"/>`
    + `<path d="M${cx - r * 0.3} ${cy - r * 0.45} L${cx + r * 0.5} ${cy} L${cx - r * 0.3} ${cy + r * 0.45} Z" fill="#${colour}"/></svg>`;
  return rasterise(Buffer.from(svg), { width: width * SCALE });
}

/** The QR code for `text` as a PNG (error correction M, as on the slides and in print); one per address. */
export function qrImage(text: string): Promise<PngImage> {
  let image = qrCodes.get(text);
  if (!image) qrCodes.set(text, (image = drawQr(text)));
  return image;
}

const qrCodes = new Map<string, Promise<PngImage>>();

async function drawQr(text: string): Promise<PngImage> {
  // 8 px a module: about 200 dpi at the 160 px the slide shows it, sharp enough for any phone.
  const dataUrl = await QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 2, scale: 8, type: 'image/png' });
  const base64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
  const { width, height } = pngSize(Buffer.from(base64, 'base64'));
  return { data: `image/png;base64,${base64}`, width, height };
}

async function rasterise(svg: Buffer, fit: { width: number } | { height: number }): Promise<PngImage> {
  // Loaded only here: a deck without SVG pictures never loads the renderer.
  const { Resvg } = await import('@resvg/resvg-js');
  const fitTo = 'width' in fit ? { mode: 'width' as const, value: Math.round(fit.width) } : { mode: 'height' as const, value: Math.round(fit.height) };
  const rendered = new Resvg(svg, { fitTo, font: { loadSystemFonts: true } }).render();
  return { data: `image/png;base64,${rendered.asPng().toString('base64')}`, width: rendered.width, height: rendered.height };
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  if (bytes.length < 24 || bytes.toString('latin1', 12, 16) !== 'IHDR') throw new Error('not a PNG file');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}
