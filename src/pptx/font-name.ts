// The family name inside a font file (TrueType, OpenType, WOFF, WOFF2): what PowerPoint must name to use it.
import { brotliDecompressSync, inflateSync } from 'node:zlib';

/** The font's family name (typographic family first, else family), or undefined if the file cannot be read. */
export function fontFamilyName(bytes: Uint8Array): string | undefined {
  try {
    const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const name = nameTable(data);
    return name ? familyFromNameTable(name) : undefined;
  } catch {
    return undefined;
  }
}

function nameTable(data: Buffer): Buffer | undefined {
  const signature = data.toString('latin1', 0, 4);
  if (signature === 'wOFF') {
    const tables = data.readUInt16BE(12);
    for (let i = 0; i < tables; i++) {
      const at = 44 + i * 20;
      if (data.toString('latin1', at, at + 4) !== 'name') continue;
      const [offset, compressed, original] = [data.readUInt32BE(at + 4), data.readUInt32BE(at + 8), data.readUInt32BE(at + 12)];
      const table = data.subarray(offset, offset + compressed);
      return compressed < original ? inflateSync(table) : table;
    }
    return undefined;
  }
  if (signature === 'wOF2') return woff2NameTable(data);
  const tables = data.readUInt16BE(4);
  for (let i = 0; i < tables; i++) {
    const at = 12 + i * 16;
    if (data.toString('latin1', at, at + 4) === 'name') return data.subarray(data.readUInt32BE(at + 8), data.readUInt32BE(at + 8) + data.readUInt32BE(at + 12));
  }
  return undefined;
}

/** WOFF2 (W3C WOFF2 §5): a table directory with variable-length sizes, then every table in one Brotli stream. */
function woff2NameTable(data: Buffer): Buffer | undefined {
  const tables = data.readUInt16BE(12);
  const compressedSize = data.readUInt32BE(20);
  let at = 48;
  const base128 = () => {
    let value = 0;
    for (let i = 0; i < 5; i++) {
      const byte = data[at++]!;
      value = value * 128 + (byte & 0x7f);
      if ((byte & 0x80) === 0) return value;
    }
    throw new Error('bad UIntBase128');
  };
  let position = 0;
  let found: { offset: number; length: number } | undefined;
  for (let i = 0; i < tables; i++) {
    const flags = data[at++]!;
    const known = flags & 0x3f;
    const tag = known === 0x3f ? data.toString('latin1', at, (at += 4)) : KNOWN_TAGS[known];
    const transform = flags >> 6;
    const length = base128();
    // glyf and loca are transformed unless version 3; every other table is transformed unless version 0.
    const transformed = tag === 'glyf' || tag === 'loca' ? transform !== 3 : transform !== 0;
    const stored = transformed ? base128() : length;
    if (tag === 'name') found = { offset: position, length: stored };
    position += stored;
  }
  if (data.toString('latin1', 4, 8) === 'ttcf') return undefined; // collections are not brand fonts
  if (!found) return undefined;
  const stream = brotliDecompressSync(data.subarray(at, at + compressedSize));
  return stream.subarray(found.offset, found.offset + found.length);
}

function familyFromNameTable(table: Buffer): string | undefined {
  const count = table.readUInt16BE(2);
  const strings = table.readUInt16BE(4);
  const names = new Map<number, string>();
  for (let i = 0; i < count; i++) {
    const at = 6 + i * 12;
    const [platform, encoding, , nameId, length, offset] = [0, 2, 4, 6, 8, 10].map((o) => table.readUInt16BE(at + o)) as [number, number, number, number, number, number];
    if ((nameId !== 1 && nameId !== 16) || names.has(nameId)) continue;
    const raw = table.subarray(strings + offset, strings + offset + length);
    if (platform === 3 || platform === 0) names.set(nameId, Buffer.from(raw).swap16().toString('utf16le'));
    else if (platform === 1 && encoding === 0) names.set(nameId, raw.toString('latin1'));
  }
  return (names.get(16) ?? names.get(1))?.trim() || undefined;
}

const KNOWN_TAGS = ['cmap', 'head', 'hhea', 'hmtx', 'maxp', 'name', 'OS/2', 'post', 'cvt ', 'fpgm', 'glyf', 'loca', 'prep', 'CFF ', 'VORG', 'EBDT',
  'EBLC', 'gasp', 'hdmx', 'kern', 'LTSH', 'PCLT', 'VDMX', 'vhea', 'vmtx', 'BASE', 'GDEF', 'GPOS', 'GSUB', 'EBSC', 'JSTF', 'MATH', 'CBDT', 'CBLC',
  'COLR', 'CPAL', 'SVG ', 'sbix', 'acnt', 'avar', 'bdat', 'bloc', 'bsln', 'cvar', 'fdsc', 'feat', 'fmtx', 'fvar', 'gvar', 'hsty', 'just', 'lcar',
  'mort', 'morx', 'opbd', 'prop', 'trak', 'Zapf', 'Silf', 'Glat', 'Gloc', 'Feat', 'Sill'];
