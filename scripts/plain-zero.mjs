// A plain zero for the deck's font: Atkinson Hyperlegible Next slashes its zero, which Danish readers take
// for the letter Ø ("Ø9:ØØ", "Tema 1 af 1Ø"). The font has no feature for a plain one, so the compile step
// builds a one-glyph font per weight and style from the font's own tabular zero: its outer contour kept,
// the two slashed counter halves replaced by one counter (the outer contour scaled into the counter's
// bounds, along the font's italic angle). The theme declares it for U+0030 only, after the font's own
// faces, so it takes over just that character, at the tabular width the font uses for every digit.
//
// opentype.js reads the font; svg2ttf writes the new one as TrueType (quadratic outlines, like the
// original): Chromium embeds TrueType in a PDF as a real font, where a CFF font would become Type 3.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import opentype from 'opentype.js';
import svg2ttf from 'svg2ttf';

const require = createRequire(import.meta.url);
export const PLAIN_ZERO_FACES = ['400-normal', '700-normal', '400-italic', '700-italic'];

/** Writes `plain-zero-<weight>-<style>.otf` for every face into `dir`. */
export async function writePlainZeroFonts(dir) {
  await mkdir(dir, { recursive: true });
  for (const face of PLAIN_ZERO_FACES) {
    const source = require.resolve(`@fontsource/atkinson-hyperlegible-next/files/atkinson-hyperlegible-next-latin-${face}.woff`);
    const bytes = await readFile(source);
    const font = opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    await writeFile(path.join(dir, `plain-zero-${face}.ttf`), Buffer.from(plainZeroFont(font, face).buffer));
  }
}

function plainZeroFont(font, face) {
  let zero = font.charToGlyph('0');
  for (let i = 0; i < font.numGlyphs; i++) if (font.glyphs.get(i).name === 'zero.tf') zero = font.glyphs.get(i);
  const contours = splitContours(zero.path.commands);
  if (contours.length !== 3) throw new Error(`plain zero: expected a slashed zero of 3 contours in ${face}, found ${contours.length}`);
  // The outer contour is the one with the largest bounds; the other two are the counter's halves.
  // Measured upright: an italic zero is unslanted (x + y·tan) first, so the counter keeps the font's angle.
  const slant = Math.tan((-(font.tables.post.italicAngle ?? 0) * Math.PI) / 180);
  const boxes = contours.map((contour) => bounds(contour, slant));
  const outerIndex = boxes.reduce((best, box, i) => (area(box) > area(boxes[best]) ? i : best), 0);
  const outer = contours[outerIndex];
  const counter = merge(boxes.filter((_, i) => i !== outerIndex));
  const inner = reverse(scaledInto(outer, boxes[outerIndex], counter, slant));
  const d = [...outer, ...inner].map(svgCommand).join('');
  const [weight, style] = face.split('-');
  const name = `Samtale Plain Zero ${weight === '700' ? 'Bold' : 'Regular'}${style === 'italic' ? ' Italic' : ''}`;
  const svgFont = `<svg xmlns="http://www.w3.org/2000/svg"><defs><font id="SamtalePlainZero" horiz-adv-x="${zero.advanceWidth}">`
    + `<font-face font-family="Samtale Plain Zero" font-weight="${weight}" font-style="${style}" units-per-em="${font.unitsPerEm}" ascent="${font.ascender}" descent="${font.descender}"/>`
    + `<missing-glyph horiz-adv-x="${zero.advanceWidth}"/><glyph unicode="0" glyph-name="zero" horiz-adv-x="${zero.advanceWidth}" d="${d}"/></font></defs></svg>`;
  return svg2ttf(svgFont, {
    copyright: 'Derived from Atkinson Hyperlegible Next, Copyright 2020-2024 The Atkinson Hyperlegible Next Project Authors. SIL Open Font License 1.1.',
    description: name,
    ts: 0,
  });
}

/** One path command in SVG font coordinates (y up, like the font's own). */
function svgCommand(c) {
  if (c.type === 'M' || c.type === 'L') return `${c.type}${c.x} ${c.y}`;
  if (c.type === 'Q') return `Q${c.x1} ${c.y1} ${c.x} ${c.y}`;
  if (c.type === 'C') return `C${c.x1} ${c.y1} ${c.x2} ${c.y2} ${c.x} ${c.y}`;
  return 'Z';
}

function splitContours(commands) {
  const contours = [];
  for (const command of commands) {
    if (command.type === 'M') contours.push([]);
    contours[contours.length - 1]?.push(command);
  }
  return contours;
}

function points(contour) {
  return contour.flatMap((c) => [[c.x, c.y], [c.x1, c.y1], [c.x2, c.y2]]).filter(([x, y]) => x !== undefined && y !== undefined);
}

function bounds(contour, slant) {
  const ps = points(contour).map(([x, y]) => [x + y * slant, y]);
  return {
    minX: Math.min(...ps.map((p) => p[0])), maxX: Math.max(...ps.map((p) => p[0])),
    minY: Math.min(...ps.map((p) => p[1])), maxY: Math.max(...ps.map((p) => p[1])),
  };
}

const area = (b) => (b.maxX - b.minX) * (b.maxY - b.minY);
const merge = (boxes) => ({
  minX: Math.min(...boxes.map((b) => b.minX)), maxX: Math.max(...boxes.map((b) => b.maxX)),
  minY: Math.min(...boxes.map((b) => b.minY)), maxY: Math.max(...boxes.map((b) => b.maxY)),
});

/** The contour mapped from one (upright) box into another, and slanted back. */
function scaledInto(contour, from, to, slant) {
  const unslant = (x, y) => x + y * slant;
  const reslant = (x, y) => x - y * slant;
  const cy = (b) => (b.minY + b.maxY) / 2;
  const cx = (b) => (b.minX + b.maxX) / 2;
  const sx = (to.maxX - to.minX) / (from.maxX - from.minX);
  const sy = (to.maxY - to.minY) / (from.maxY - from.minY);
  const map = (x, y) => {
    const ny = cy(to) + (y - cy(from)) * sy;
    const nx = cx(to) + (unslant(x, y) - cx(from)) * sx;
    return [reslant(nx, ny), ny];
  };
  return contour.map((c) => {
    const out = { type: c.type };
    for (const [kx, ky] of [['x', 'y'], ['x1', 'y1'], ['x2', 'y2']]) {
      if (c[kx] === undefined) continue;
      const [x, y] = map(c[kx], c[ky]);
      out[kx] = Math.round(x);
      out[ky] = Math.round(y);
    }
    return out;
  });
}

/** The same contour drawn the other way round, so it cuts a hole in the outer one. */
function reverse(contour) {
  // Segments as (start point, command); rebuilt from the last point backwards.
  const segments = [];
  let start = [contour[0].x, contour[0].y];
  for (const c of contour.slice(1)) {
    if (c.type === 'Z') continue;
    segments.push({ from: start, c });
    start = [c.x, c.y];
  }
  const out = [{ type: 'M', x: start[0], y: start[1] }];
  for (const { from, c } of segments.reverse()) {
    if (c.type === 'L') out.push({ type: 'L', x: from[0], y: from[1] });
    else if (c.type === 'Q') out.push({ type: 'Q', x1: c.x1, y1: c.y1, x: from[0], y: from[1] });
    else if (c.type === 'C') out.push({ type: 'C', x1: c.x2, y1: c.y2, x2: c.x1, y2: c.y1, x: from[0], y: from[1] });
  }
  out.push({ type: 'Z' });
  return out;
}
