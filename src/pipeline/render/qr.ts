// QR codes as inline SVG, drawn at build time: the deck needs no script, image file or network for them.
import QRCode from 'qrcode';
import { escapeHtml } from './html.js';

/** Light modules around the code; scanners need a margin, and the slide behind it may not be white. */
const QUIET_ZONE = 2;

/**
 * An `<svg>` of the QR code for `text`: black modules as one path on a white square, error correction M
 * (a projector's glare or a crease in a handout may hide part of it).
 */
export function qrSvg(text: string, label: string, className = 'video-qr-code'): string {
  const { size, path } = qrPath(text);
  const full = size + QUIET_ZONE * 2;
  return `<svg class="${className}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${full} ${full}" role="img" aria-label="${escapeHtml(label)}" shape-rendering="crispEdges">`
    + `<rect width="${full}" height="${full}" fill="#fff"/><path fill="#000" d="${path}"/></svg>`;
}

/** The dark modules of a code as one SVG path, once per text: decks often link several videos to one page. */
function qrPath(text: string): { size: number; path: string } {
  const known = paths.get(text);
  if (known) return known;
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = modules.size;
  let path = '';
  for (let row = 0; row < size; row++) {
    let col = 0;
    while (col < size) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < size && modules.get(row, col)) col++;
      path += `M${start + QUIET_ZONE} ${row + QUIET_ZONE}h${col - start}v1h${start - col}z`;
    }
  }
  const drawn = { size, path };
  paths.set(text, drawn);
  return drawn;
}

const paths = new Map<string, { size: number; path: string }>();
