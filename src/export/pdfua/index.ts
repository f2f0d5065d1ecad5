// The PDF/UA stage every PDF goes through after printing: what Chromium's tagged PDF lacks for PDF/UA-1.
//
// Chromium writes a structure tree, /Lang, /MarkInfo, /Tabs and Link elements with their annotations. What
// ISO 14289-1 asks beyond that is added here, on the printed file:
// - a /RoleMap for the PDF 2.0 types it uses in a PDF 1.x file (Em, Strong), so their text stays in the tree;
// - list items as Lbl + LBody, and no content directly in a list or table (borders become artifacts);
// - /Alt on every Figure, from the page's own text alternatives (./hints.ts), where Chromium wrote none;
// - /Contents on every link annotation;
// - everything drawn outside the tree marked as an artifact (./content-stream.ts);
// - XMP metadata with dc:title and pdfuaid:part 1, the title shown in the window, PDF 1.7 declared.
// Any other PDF step (metadata, stamps) may run before it: the document information is carried into the XMP.
import { deflateSync, inflateSync } from 'node:zlib';
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFString, ParseSpeeds, type PDFContext, type PDFPage } from 'pdf-lib';
import { contentOperators, remarkContent, textMcids, type ContentOperator } from './content-stream.js';
import type { AccessibilityHints } from './hints.js';
import { roleMapFor } from './role-map.js';
import { ParentTree, StructTree, type Kid, type StructElement } from './struct-tree.js';
import { xmpPacket } from './xmp.js';

export type { AccessibilityHints } from './hints.js';

export interface PdfUaResult {
  bytes: Uint8Array;
  pages: number;
  /** What could not be made conformant, e.g. a figure with no text alternative. */
  warnings: string[];
}

/** Elements that group others and may hold no content of their own (ISO 32000-1, 14.8.4.3). */
const GROUPING_ONLY = new Set(['L', 'Table', 'TR', 'THead', 'TBody', 'TFoot', 'TOC']);

const name = (value: string) => PDFName.of(value);

export async function makePdfUa(pdf: Uint8Array, hints: AccessibilityHints, options: { language: string }): Promise<PdfUaResult> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  const { context, catalog } = doc;
  const warnings: string[] = [];
  const pages = doc.getPages().map((page) => readContent(context, page));
  const textByPage = new Map(pages.map(({ page, operators }) => [page.ref.toString(), textMcids(operators)]));
  const toArtifact = new Map<string, Set<number>>();

  const tree = StructTree.read(context, catalog);
  if (tree) {
    const parentTree = ParentTree.read(context, tree.root);
    addRoleMap(tree);
    for (const element of [...tree.elements]) {
      if (GROUPING_ONLY.has(element.type)) untagDecoration(tree, element, parentTree, textByPage, toArtifact, warnings);
      if (element.type === 'LI') wrapListBody(tree, element, parentTree);
    }
    describeFigures(tree, hints.figures, warnings);
    describeLinks(context, tree, hints.links, warnings);
  } else {
    warnings.push('the PDF has no structure tree (is it tagged?)');
  }

  for (const { page, text, operators } of pages) {
    const remarked = remarkContent(text, operators, toArtifact.get(page.ref.toString()));
    if (remarked.text !== undefined) replaceContent(context, page, remarked.text);
    checkAnnotations(context, page, warnings);
  }

  finishCatalog(doc, options.language, warnings);
  const bytes = await doc.save({ useObjectStreams: false, addDefaultPage: false, objectsPerTick: Infinity, updateFieldAppearances: false });
  return { bytes, pages: doc.getPageCount(), warnings: [...new Set(warnings)] };
}

/** A page's content stream(s) as one latin1 text, and its operators. */
function readContent(context: PDFContext, page: PDFPage): { page: PDFPage; text: string; operators: ContentOperator[] } {
  const contents = page.node.get(name('Contents'));
  const refs = contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : [];
  const text = refs.map((ref) => {
    const stream = context.lookup(ref);
    return stream instanceof PDFRawStream ? decodeStream(stream).toString('latin1') : '';
  }).join('\n');
  return { page, text, operators: contentOperators(text) };
}

/** A stream's bytes: zlib's native inflate for the Flate streams Chromium writes, pdf-lib for anything else. */
function decodeStream(stream: PDFRawStream): Buffer {
  const filter = stream.dict.get(name('Filter'));
  if (filter?.toString() === '/FlateDecode' && !stream.dict.has(name('DecodeParms'))) return inflateSync(stream.contents);
  return Buffer.from(decodePDFRawStream(stream).decode());
}

/** Writes `text` as the page's one content stream, in place of the old ones (which pdf-lib would otherwise keep). */
function replaceContent(context: PDFContext, page: PDFPage, text: string): void {
  const stream = context.stream(deflateSync(Buffer.from(text, 'latin1')), { Filter: 'FlateDecode' });
  const contents = page.node.get(name('Contents'));
  const old = (contents instanceof PDFArray ? contents.asArray() : [contents]).filter((ref): ref is PDFRef => ref instanceof PDFRef);
  const [first, ...rest] = old;
  if (first === undefined) {
    page.node.set(name('Contents'), context.register(stream));
    return;
  }
  context.assign(first, stream);
  page.node.set(name('Contents'), first);
  for (const ref of rest) context.delete(ref);
}

function addRoleMap(tree: StructTree): void {
  const map = roleMapFor(tree.elements.map((element) => element.type));
  if (map.size === 0) return;
  const existing = tree.root.lookupMaybe(name('RoleMap'), PDFDict) ?? tree.context.obj({});
  for (const [from, to] of map) if (!existing.has(name(from))) existing.set(name(from), name(to));
  tree.root.set(name('RoleMap'), existing);
}

/**
 * Content a list or table holds directly is the drawing of its borders: taken out of the tree, and noted in
 * `toArtifact` so the page's content stream marks it as an artifact. Text there would be a real problem.
 */
function untagDecoration(tree: StructTree, element: StructElement, parentTree: ParentTree, textByPage: ReadonlyMap<string, Set<number>>,
  toArtifact: Map<string, Set<number>>, warnings: string[]): void {
  const content = element.kids.filter((kid): kid is Extract<Kid, { kind: 'mcid' }> => kid.kind === 'mcid' && kid.page !== undefined);
  const decoration = content.filter((kid) => !textByPage.get(kid.page!.toString())?.has(kid.mcid));
  for (const kid of decoration) {
    const set = toArtifact.get(kid.page!.toString()) ?? new Set<number>();
    set.add(kid.mcid);
    toArtifact.set(kid.page!.toString(), set);
  }
  if (decoration.length > 0) tree.drop(element, decoration, parentTree);
  if (content.length > decoration.length) warnings.push(`a ${element.type} element holds text of its own`);
}

/** Lbl, then everything else of the item in one LBody: how PDF 1.7 structures a list item. */
function wrapListBody(tree: StructTree, item: StructElement, parentTree: ParentTree): void {
  const isLabel = (kid: Kid) => kid.kind === 'element' && kid.element.type === 'Lbl';
  const body = item.kids.filter((kid) => !isLabel(kid));
  if (body.length === 0 || (body.length === 1 && body[0]!.kind === 'element' && body[0]!.element.type === 'LBody')) return;
  tree.wrap(item, 'LBody', body, item.kids.filter(isLabel).length, parentTree);
}

/**
 * Figures get the page's text alternatives, in order. Chromium already writes /Alt for an image's alt text
 * or an aria-label, but not for a `<figure>`; where it did, the two must agree, or the order is off and
 * nothing is matched.
 */
function describeFigures(tree: StructTree, alternatives: readonly string[], warnings: string[]): void {
  const figures = tree.elements.filter((element) => element.type === 'Figure');
  const own = figures.map((figure) => figure.dict.lookupMaybe(name('Alt'), PDFString, PDFHexString)?.decodeText().trim());
  const agree = figures.length === alternatives.length && own.every((alt, i) => !alt || alt === alternatives[i]!.trim());
  if (!agree) {
    warnings.push(`the PDF's ${figures.length} figures do not match the page's ${alternatives.length}; their text alternatives could not be matched`);
    return;
  }
  figures.forEach((figure, index) => {
    const alt = alternatives[index]!.trim();
    if (alt) figure.dict.set(name('Alt'), PDFHexString.fromText(alt));
    else warnings.push('a figure has no text alternative');
  });
}

/** Each link annotation gets its link's text as /Contents; failing that, its address. */
function describeLinks(context: PDFContext, tree: StructTree, names: readonly string[], warnings: string[]): void {
  const links = tree.elements.filter((element) => element.type === 'Link');
  const matched = links.length === names.length;
  if (!matched) warnings.push(`the PDF has ${links.length} links but the page ${names.length}; links are described by their address`);
  links.forEach((link, index) => {
    for (const kid of link.kids) {
      if (kid.kind !== 'objr') continue;
      const annotation = context.lookupMaybe(kid.object, PDFDict);
      const description = (matched ? names[index] : undefined) || (annotation && linkAddress(annotation));
      if (annotation && description) annotation.set(name('Contents'), PDFHexString.fromText(description));
    }
  });
}

function linkAddress(annotation: PDFDict): string | undefined {
  const uri = annotation.lookupMaybe(name('A'), PDFDict)?.lookupMaybe(name('URI'), PDFString, PDFHexString);
  return uri?.decodeText();
}

/** Pages with annotations follow the structure order (/Tabs /S); every annotation is described and in the tree. */
function checkAnnotations(context: PDFContext, page: PDFPage, warnings: string[]): void {
  const annotations = page.node.lookupMaybe(name('Annots'), PDFArray)?.asArray() ?? [];
  if (annotations.length === 0) return;
  page.node.set(name('Tabs'), name('S'));
  for (const ref of annotations) {
    const annotation = context.lookupMaybe(ref, PDFDict);
    if (!annotation) continue;
    const hidden = ((annotation.lookupMaybe(name('F'), PDFNumber)?.asNumber() ?? 0) & 2) !== 0;
    if (!annotation.has(name('Contents'))) {
      const address = linkAddress(annotation);
      if (address) annotation.set(name('Contents'), PDFHexString.fromText(address));
    }
    if (!hidden && !annotation.has(name('StructParent'))) warnings.push('a link is outside the structure tree (inside aria-hidden content?)');
  }
}

function finishCatalog(doc: PDFDocument, language: string, warnings: string[]): void {
  const { context, catalog } = doc;
  const lang = catalog.lookupMaybe(name('Lang'), PDFString, PDFHexString)?.decodeText() || language;
  catalog.set(name('Lang'), PDFString.of(lang));
  catalog.set(name('MarkInfo'), context.obj({ Marked: true }));
  const viewer = catalog.lookupMaybe(name('ViewerPreferences'), PDFDict) ?? context.obj({});
  viewer.set(name('DisplayDocTitle'), context.obj(true));
  catalog.set(name('ViewerPreferences'), viewer);
  // Tabs (PDF 1.5) and the role map's use belong to PDF 1.7, which PDF/UA-1 is built on.
  catalog.set(name('Version'), name('1.7'));

  const title = doc.getTitle();
  if (!title) warnings.push('the PDF has no title');
  const keywords = doc.getKeywords();
  const xmp = xmpPacket({
    title: title ?? '',
    language: lang,
    ...optional('author', doc.getAuthor()),
    ...optional('subject', doc.getSubject()),
    ...optional('keywords', keywords),
    ...optional('creator', doc.getCreator()),
    ...optional('producer', doc.getProducer()),
    ...optional('created', doc.getCreationDate()),
    ...optional('modified', doc.getModificationDate()),
  });
  const stream = context.stream(Buffer.from(xmp, 'utf8'), { Type: 'Metadata', Subtype: 'XML' });
  const existing = catalog.get(name('Metadata'));
  if (existing instanceof PDFRef) context.assign(existing, stream);
  else catalog.set(name('Metadata'), context.register(stream));
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
