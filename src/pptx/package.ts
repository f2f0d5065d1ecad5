// The last step on the file pptxgenjs writes: what the library cannot say, written into its XML.
//
// - Click animations: pptxgenjs writes none, so each questions slide gets a `<p:timing>` whose main sequence
//   shows one question per click (entrance effect "Appear"), as the deck shows its questions one at a time.
// - Notes as paragraphs: pptxgenjs writes a slide's notes as one run of text in US English; they are
//   rewritten as paragraphs with headings, numbered steps and bullets, in the deck's language.
// - The document's language in its core properties, and the deck content it was made from (`dc:identifier`,
//   src/pipeline/content-hash.ts): `samtale build` keeps the file beside a rebuilt deck only while it is current.
import { crc32, deflateRawSync } from 'node:zlib';
import { unzipSync, Zip, type ZipInputFile } from 'fflate';
import { DIVIDER, type TextParagraph } from './html-text.js';
import { PPTX_CONTENT_HASH_PREFIX } from '../pipeline/content-hash.js';

export interface SlideFinish {
  /** The slide's notes. */
  notes: readonly TextParagraph[];
  /** Names of the shapes that appear one per click, in order. */
  clickShapes: readonly string[];
}

export interface PackageFinish {
  /** e.g. "da-DK". */
  lang: string;
  /** The deck's content hash. */
  contentHash: string;
  slides: readonly SlideFinish[];
}

/**
 * Rewrites the package; throws if the file does not have the parts pptxgenjs always writes. pptxgenjs is asked
 * for an uncompressed file, so reading it costs nothing, and the result is compressed once, by Node's zlib.
 */
export function finishPackage(bytes: Uint8Array, finish: PackageFinish): Uint8Array {
  const files = unzipSync(bytes);
  const read = (path: string) => {
    const file = files[path];
    if (!file) throw new Error(`the generated PowerPoint has no ${path}`);
    return Buffer.from(file.buffer, file.byteOffset, file.byteLength).toString('utf8');
  };
  const write = (path: string, xml: string) => {
    files[path] = Buffer.from(xml, 'utf8');
  };
  finish.slides.forEach((slide, index) => {
    const n = index + 1;
    let xml = oneParagraphProperties(uniqueShapeIds(read(`ppt/slides/slide${n}.xml`)));
    if (slide.clickShapes.length > 0) xml = withTiming(xml, slide.clickShapes.map((name) => shapeId(xml, name, n)));
    write(`ppt/slides/slide${n}.xml`, xml);
    write(`ppt/notesSlides/notesSlide${n}.xml`, withNotes(read(`ppt/notesSlides/notesSlide${n}.xml`), slide.notes, finish.lang, n));
  });
  write('docProps/core.xml', read('docProps/core.xml').replace('</cp:coreProperties>',
    `<dc:language>${escapeXml(finish.lang)}</dc:language><dc:identifier>${PPTX_CONTENT_HASH_PREFIX}${escapeXml(finish.contentHash)}</dc:identifier></cp:coreProperties>`));
  return zipFiles(files);
}

/**
 * The files as a ZIP: fflate writes the container, Node's zlib (native, several times faster than deflate in
 * JavaScript) compresses the XML. Media (video, pictures) is compressed already and stored as it is.
 */
function zipFiles(files: Record<string, Uint8Array>): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  for (const [path, data] of Object.entries(files)) {
    const store = path.startsWith('ppt/media/');
    const entry: ZipInputFile = { filename: path, size: data.length, crc: crc32(data), compression: store ? 0 : 8 };
    zip.add(entry);
    const body = store ? data : deflateRawSync(data, { level: 6 });
    entry.ondata!(null, body as Uint8Array<ArrayBuffer>, true);
  }
  zip.end();
  return Buffer.concat(chunks);
}

/** The `id` of the shape named `name` (`<p:cNvPr id="7" name="Question 2">`). */
function shapeId(xml: string, name: string, slide: number): number {
  const match = new RegExp(`<p:cNvPr id="(\\d+)" name="${escapeRegExp(escapeXml(name))}"`).exec(xml);
  if (!match) throw new Error(`slide ${slide} has no shape named "${name}" to animate`);
  return Number(match[1]);
}

/**
 * pptxgenjs numbers a video's shape by its relationship id, which can equal another shape's number; PowerPoint
 * then repairs the file. Each repeated id gets a new one.
 */
export function uniqueShapeIds(xml: string): string {
  const ids = [...xml.matchAll(/<p:cNvPr id="(\d+)"/g)].map((m) => Number(m[1]));
  let next = Math.max(0, ...ids) + 1;
  const seen = new Set<number>();
  return xml.replace(/<p:cNvPr id="(\d+)"/g, (whole, id: string) => {
    if (!seen.has(Number(id))) {
      seen.add(Number(id));
      return whole;
    }
    return `<p:cNvPr id="${next++}"`;
  });
}

/**
 * pptxgenjs writes a paragraph's properties (`<a:pPr>`) before every run of a paragraph with several runs (a
 * question with emphasis, a quote with its quotation marks); a paragraph may have one, first. The first stays.
 */
export function oneParagraphProperties(xml: string): string {
  return xml.replace(/<a:p>([\s\S]*?)<\/a:p>/g, (_, inner: string) => {
    let seen = false;
    return `<a:p>${inner.replace(/<a:pPr\b[^>]*\/>|<a:pPr\b[^>]*>[\s\S]*?<\/a:pPr>/g, (pPr) => (seen ? '' : ((seen = true), pPr)))}</a:p>`;
  });
}

/** The slide with a main sequence that shows each shape on its own click (effect "Appear"). */
export function withTiming(xml: string, shapeIds: readonly number[]): string {
  let ctn = 2;
  const clicks = shapeIds.map((spid) => {
    const [outer, group, effect, set] = [++ctn, ++ctn, ++ctn, ++ctn];
    return `<p:par><p:cTn id="${outer}" fill="hold"><p:stCondLst><p:cond delay="indefinite"/></p:stCondLst><p:childTnLst>`
      + `<p:par><p:cTn id="${group}" fill="hold"><p:stCondLst><p:cond delay="0"/></p:stCondLst><p:childTnLst>`
      + `<p:par><p:cTn id="${effect}" presetID="1" presetClass="entr" presetSubtype="0" fill="hold" grpId="0" nodeType="clickEffect">`
      + '<p:stCondLst><p:cond delay="0"/></p:stCondLst><p:childTnLst>'
      + `<p:set><p:cBhvr><p:cTn id="${set}" dur="1" fill="hold"><p:stCondLst><p:cond delay="0"/></p:stCondLst></p:cTn>`
      + `<p:tgtEl><p:spTgt spid="${spid}"/></p:tgtEl><p:attrNameLst><p:attrName>style.visibility</p:attrName></p:attrNameLst></p:cBhvr>`
      + '<p:to><p:strVal val="visible"/></p:to></p:set>'
      + '</p:childTnLst></p:cTn></p:par></p:childTnLst></p:cTn></p:par></p:childTnLst></p:cTn></p:par>';
  });
  const timing = '<p:timing><p:tnLst><p:par><p:cTn id="1" dur="indefinite" restart="never" nodeType="tmRoot"><p:childTnLst>'
    + '<p:seq concurrent="1" nextAc="seek"><p:cTn id="2" dur="indefinite" nodeType="mainSeq"><p:childTnLst>'
    + clicks.join('')
    + '</p:childTnLst></p:cTn>'
    + '<p:prevCondLst><p:cond evt="onPrev" delay="0"><p:tgtEl><p:sldTgt/></p:tgtEl></p:cond></p:prevCondLst>'
    + '<p:nextCondLst><p:cond evt="onNext" delay="0"><p:tgtEl><p:sldTgt/></p:tgtEl></p:cond></p:nextCondLst></p:seq>'
    + '</p:childTnLst></p:cTn></p:par></p:tnLst>'
    + `<p:bldLst>${shapeIds.map((spid) => `<p:bldP spid="${spid}" grpId="0"/>`).join('')}</p:bldLst></p:timing>`;
  // In a slide, <p:timing> follows <p:clrMapOvr> and any <p:transition>.
  const after = Math.max(xml.lastIndexOf('</p:clrMapOvr>') + '</p:clrMapOvr>'.length, xml.lastIndexOf('</p:transition>') + '</p:transition>'.length);
  if (xml.lastIndexOf('</p:clrMapOvr>') < 0) throw new Error('a slide without <p:clrMapOvr>: cannot place its animations');
  return xml.slice(0, after) + timing + xml.slice(after);
}

/** The notes slide with its notes placeholder holding `notes` as paragraphs. */
function withNotes(xml: string, notes: readonly TextParagraph[], lang: string, slide: number): string {
  const body = /(<p:cNvPr id="\d+" name="Notes Placeholder \d+"\/>[\s\S]*?<p:txBody>)[\s\S]*?(<\/p:txBody>)/;
  if (!body.test(xml)) throw new Error(`notes slide ${slide} has no notes placeholder`);
  return xml.replace(body, (_, open: string, close: string) => `${open}<a:bodyPr/><a:lstStyle/>${notesParagraphsXml(notes, lang)}${close}`)
    .replace(/lang="en-US"/g, `lang="${escapeXml(lang)}"`);
}

/** DrawingML paragraphs for notes: headings in bold with space before, numbered and bulleted list items. */
export function notesParagraphsXml(notes: readonly TextParagraph[], lang: string): string {
  const run = (text: string, bold: boolean, italic: boolean) =>
    `<a:r><a:rPr lang="${escapeXml(lang)}"${bold ? ' b="1"' : ''}${italic ? ' i="1"' : ''} dirty="0"/><a:t>${escapeXml(text)}</a:t></a:r>`;
  const paragraphs = notes.map((paragraph, i) => {
    const indent = paragraph.list ? 285750 * (paragraph.list.level + 1) : 0;
    const bullet = !paragraph.list ? '<a:buNone/>'
      : paragraph.list.number === undefined ? '<a:buFont typeface="Arial"/><a:buChar char="•"/>'
        : `<a:buFont typeface="+mj-lt"/><a:buAutoNum type="arabicPeriod" startAt="${paragraph.list.number}"/>`;
    const space = i > 0 && (paragraph.heading || paragraph.divider) ? '<a:spcBef><a:spcPts val="900"/></a:spcBef>' : '';
    const props = `<a:pPr marL="${indent}" indent="${paragraph.list ? -285750 : 0}">${space}${bullet}</a:pPr>`;
    const runs = paragraph.divider ? run(DIVIDER, false, false)
      : paragraph.runs.map((r) => run(r.link && !r.text.includes(r.link.replace(/^(https?:\/\/|mailto:)/, '').replace(/\/$/, '')) ? `${r.text} (${r.link})` : r.text,
        Boolean(r.bold || paragraph.heading), Boolean(r.italic))).join('');
    return `<a:p>${props}${runs}</a:p>`;
  });
  return paragraphs.length > 0 ? paragraphs.join('') : `<a:p><a:endParaRPr lang="${escapeXml(lang)}" dirty="0"/></a:p>`;
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
