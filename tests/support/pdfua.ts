// Our PDF/UA-1 check: reads a PDF back the way a validator does and lists every rule it breaks.
//
// No veraPDF or PAC is reachable here, so this is the check. It reads the file three ways, none of them
// the exporter's own code: pdf-lib for the catalog, the raw structure tree, annotations and metadata;
// pdfjs-dist for what each page draws and which marked content it sits in; poppler (`pdfinfo -struct`,
// `pdffonts`) as a second reader of the tree and of the fonts. Each rule has a fixture it must fail
// (tests/export/pdfua.e2e.test.ts). The rules follow ISO 14289-1 and the Matterhorn Protocol's checks:
//
//   tagged             /MarkInfo /Marked true and a /StructTreeRoot
//   lang               /Lang on the catalog
//   title              a title, shown in the window (/DisplayDocTitle)
//   xmp                XMP metadata with dc:title and pdfuaid:part 1
//   standard-types     every structure type standard (PDF 1.7) or role-mapped to one
//   tagged-content     everything drawn is real content (an MCID) or an artifact
//   text-in-tree       all text of real content is in the structure tree, and poppler reads it there
//   headings           the first heading is H1, and no level is skipped going down
//   lists              L holds LI (or L, Caption); LI holds Lbl and LBody; no content directly in them
//   tables             Table/TR hold what they may; every TH has a /Scope
//   figures            every Figure has /Alt (or /ActualText)
//   links              every link annotation has /Contents and sits in a Link element through an OBJR
//   tabs               pages with annotations have /Tabs /S
//   fonts              every font embedded, with a Unicode map
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFStream, PDFString, decodePDFRawStream, type PDFObject } from 'pdf-lib';

export type PdfUaRule = 'tagged' | 'lang' | 'title' | 'xmp' | 'standard-types' | 'tagged-content' | 'text-in-tree' | 'headings'
  | 'lists' | 'tables' | 'figures' | 'links' | 'tabs' | 'fonts';

export interface PdfUaViolation {
  rule: PdfUaRule;
  message: string;
}

const STANDARD = new Set([
  'Document', 'Part', 'Art', 'Sect', 'Div', 'BlockQuote', 'Caption', 'TOC', 'TOCI', 'Index', 'NonStruct', 'Private',
  'P', 'H', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'TR', 'TH', 'TD', 'THead', 'TBody', 'TFoot',
  'Span', 'Quote', 'Note', 'Reference', 'BibEntry', 'Code', 'Link', 'Annot', 'Ruby', 'RB', 'RT', 'RP', 'Warichu', 'WT', 'WP',
  'Figure', 'Formula', 'Form',
]);

interface Node {
  type: string;
  dict: PDFDict;
  ref?: PDFRef;
  kids: Node[];
  /** Content kids: MCIDs and object references. */
  content: { mcid?: number; objr?: PDFRef }[];
}

/** Every violation of the rules above in `file`; an empty list means it passes. */
export async function checkPdfUa(file: string): Promise<PdfUaViolation[]> {
  const bytes = readFileSync(file);
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const found: PdfUaViolation[] = [];
  const fail = (rule: PdfUaRule, message: string) => found.push({ rule, message });
  const { context, catalog } = doc;
  const lookup = (value: PDFObject | undefined) => (value === undefined ? undefined : context.lookup(value));
  const text = (value: PDFObject | undefined) => {
    const object = lookup(value);
    return object instanceof PDFString || object instanceof PDFHexString ? object.decodeText() : undefined;
  };
  const get = (dict: PDFDict | undefined, key: string) => dict?.get(PDFName.of(key));
  const dictOf = (value: PDFObject | undefined) => {
    const object = lookup(value);
    return object instanceof PDFDict ? object : undefined;
  };

  // Catalog.
  const markInfo = dictOf(get(catalog, 'MarkInfo'));
  const treeRoot = dictOf(get(catalog, 'StructTreeRoot'));
  if (String(get(markInfo, 'Marked')) !== 'true') fail('tagged', 'no /MarkInfo << /Marked true >>');
  if (!treeRoot) fail('tagged', 'no /StructTreeRoot');
  if (!text(get(catalog, 'Lang'))?.trim()) fail('lang', 'no /Lang on the catalog');
  const title = doc.getTitle();
  if (!title?.trim()) fail('title', 'no document title');
  if (String(get(dictOf(get(catalog, 'ViewerPreferences')), 'DisplayDocTitle')) !== 'true') fail('title', '/DisplayDocTitle is not true');
  checkXmp(lookup(get(catalog, 'Metadata')), fail);

  // The structure tree, read raw.
  const roleMap = dictOf(get(treeRoot, 'RoleMap'));
  const resolve = (type: string): string | undefined => {
    let current = type;
    for (let hops = 0; hops < 10; hops++) {
      if (STANDARD.has(current)) return current;
      const next = get(roleMap, current);
      if (!(next instanceof PDFName)) return undefined;
      current = next.decodeText();
    }
    return undefined;
  };
  const nodes: Node[] = [];
  const read = (value: PDFObject, seen: Set<string>): Node | undefined => {
    const ref = value instanceof PDFRef ? value : undefined;
    if (ref && seen.has(ref.toString())) return undefined;
    if (ref) seen.add(ref.toString());
    const dict = dictOf(value);
    const type = dict && get(dict, 'S');
    if (!dict || !(type instanceof PDFName)) return undefined;
    const node: Node = { type: type.decodeText(), dict, ...(ref ? { ref } : {}), kids: [], content: [] };
    nodes.push(node);
    const k = get(dict, 'K');
    for (const kid of k instanceof PDFArray ? k.asArray() : k ? [k] : []) {
      if (kid instanceof PDFNumber) {
        node.content.push({ mcid: kid.asNumber() });
        continue;
      }
      const kidDict = dictOf(kid);
      const kidType = kidDict && get(kidDict, 'Type')?.toString();
      if (kidType === '/MCR') node.content.push({ mcid: (lookup(get(kidDict, 'MCID')) as PDFNumber).asNumber() });
      else if (kidType === '/OBJR') node.content.push({ objr: get(kidDict, 'Obj') as PDFRef });
      else {
        const child = read(kid, seen);
        if (child) node.kids.push(child);
      }
    }
    return node;
  };
  const top = treeRoot ? [get(treeRoot, 'K')].flatMap((k) => (k instanceof PDFArray ? k.asArray() : k ? [k] : [])) : [];
  const seen = new Set<string>();
  for (const kid of top) read(kid, seen);

  for (const node of nodes) {
    if (STANDARD.has(node.type) && get(roleMap, node.type)) fail('standard-types', `the standard type ${node.type} is remapped`);
    if (!resolve(node.type)) fail('standard-types', `${node.type} is neither a standard structure type nor role-mapped to one`);
  }
  const typeOf = (node: Node) => resolve(node.type) ?? node.type;

  // Headings, in document order.
  let previous = 0;
  for (const node of nodes) {
    const level = /^H([1-6])$/.exec(typeOf(node))?.[1];
    if (!level) continue;
    const n = Number(level);
    if (previous === 0 && n !== 1) fail('headings', `the first heading is H${n}, not H1`);
    else if (n > previous + 1) fail('headings', `H${n} follows H${previous}`);
    previous = n;
  }

  // Lists and tables.
  for (const node of nodes) {
    const type = typeOf(node);
    const kidTypes = node.kids.map(typeOf);
    if (type === 'L') {
      for (const kid of kidTypes) if (!['LI', 'L', 'Caption'].includes(kid)) fail('lists', `L holds ${kid}`);
      if (node.content.some((c) => c.mcid !== undefined)) fail('lists', 'L holds content of its own');
    }
    if (type === 'LI') {
      for (const kid of kidTypes) if (!['Lbl', 'LBody'].includes(kid)) fail('lists', `LI holds ${kid}`);
      if (node.content.length > 0) fail('lists', 'LI holds content outside Lbl and LBody');
    }
    if (type === 'Lbl' || type === 'LBody') {
      const parent = nodes.find((p) => p.kids.includes(node));
      if (parent && typeOf(parent) !== 'LI') fail('lists', `${type} is inside ${typeOf(parent)}, not LI`);
    }
    if (type === 'Table') {
      for (const kid of kidTypes) if (!['TR', 'THead', 'TBody', 'TFoot', 'Caption'].includes(kid)) fail('tables', `Table holds ${kid}`);
      const cells = nodes.filter((n) => isInside(n, node, nodes) && typeOf(n) === 'TH');
      if (cells.length === 0) fail('tables', 'a table has no header cells (TH)');
    }
    if (type === 'TR') for (const kid of kidTypes) if (!['TH', 'TD'].includes(kid)) fail('tables', `TR holds ${kid}`);
    if (type === 'TH') {
      const attributes = get(node.dict, 'A');
      const list = attributes instanceof PDFArray ? attributes.asArray() : attributes ? [attributes] : [];
      const scope = list.map(dictOf).map((a) => get(a, 'Scope')?.toString()).find(Boolean);
      if (!scope || !['/Row', '/Column', '/Both'].includes(scope)) fail('tables', 'a TH has no /Scope');
    }
    if (type === 'Figure') {
      const alt = text(get(node.dict, 'Alt')) ?? text(get(node.dict, 'ActualText'));
      if (!alt?.trim()) fail('figures', 'a Figure has no /Alt');
    }
    if (type === 'Link' && !node.content.some((c) => c.objr)) fail('links', 'a Link element has no OBJR to its annotation');
  }

  // Annotations and tab order.
  const linked = new Set(nodes.filter((n) => typeOf(n) === 'Link').flatMap((n) => n.content.flatMap((c) => (c.objr ? [c.objr.toString()] : []))));
  doc.getPages().forEach((page, index) => {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray)?.asArray() ?? [];
    if (annots.length > 0 && get(page.node, 'Tabs')?.toString() !== '/S') fail('tabs', `page ${index + 1} has annotations but no /Tabs /S`);
    for (const ref of annots) {
      const annotation = dictOf(ref);
      if (get(annotation, 'Subtype')?.toString() !== '/Link') continue;
      if (!text(get(annotation, 'Contents'))?.trim()) fail('links', `a link on page ${index + 1} has no /Contents`);
      if (!linked.has(ref.toString())) fail('links', `a link on page ${index + 1} is not in a Link element`);
    }
  });

  await checkContent(bytes, fail);
  checkPopplerTree(file, fail);
  checkFonts(file, fail);
  return found;
}

function isInside(node: Node, ancestor: Node, nodes: readonly Node[]): boolean {
  for (let current: Node | undefined = node; current; current = nodes.find((p) => p.kids.includes(current!))) {
    if (current === ancestor) return true;
  }
  return false;
}

function checkXmp(metadata: PDFObject | undefined, fail: (rule: PdfUaRule, message: string) => void): void {
  if (!(metadata instanceof PDFStream)) {
    fail('xmp', 'no XMP metadata stream');
    return;
  }
  const xml = Buffer.from(metadata instanceof PDFRawStream ? decodePDFRawStream(metadata).decode() : metadata.getContents()).toString('utf8');
  if (!/<pdfuaid:part>\s*1\s*<\/pdfuaid:part>|pdfuaid:part="1"/.test(xml) || !xml.includes('http://www.aiim.org/pdfua/ns/id/')) fail('xmp', 'the XMP does not say pdfuaid:part 1');
  const title = /<dc:title>[\s\S]*?<rdf:li[^>]*>([^<]*)<\/rdf:li>/.exec(xml)?.[1];
  if (!title?.trim()) fail('xmp', 'the XMP has no dc:title');
}

/** Drawing operators (pdfjs OPS names); constructPath carries its painting operator as its first argument. */
const PAINTS = new Set(['fill', 'eoFill', 'stroke', 'closeStroke', 'fillStroke', 'eoFillStroke', 'closeFillStroke', 'closeEOFillStroke']);
const DRAWS = new Set(['showText', 'showSpacedText', 'nextLineShowText', 'nextLineSetSpacingShowText', 'paintImageXObject',
  'paintInlineImageXObject', 'paintImageMaskXObject', 'paintJpegXObject', 'paintSolidColorImageMask', 'shadingFill', 'paintImageXObjectRepeat']);

/** What each page draws, read by pdfjs: everything in real content or an artifact, and the text of real content in the tree. */
async function checkContent(bytes: Buffer, fail: (rule: PdfUaRule, message: string) => void): Promise<void> {
  const { getDocument, OPS } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const opName = Object.fromEntries(Object.entries(OPS).map(([key, value]) => [value, key]));
  const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false }).promise;
  try {
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      // 1. Every drawing operator inside an Artifact or a sequence with an MCID.
      const { fnArray, argsArray } = await page.getOperatorList();
      const stack: { artifact: boolean; mcid: boolean }[] = [];
      let untagged = 0;
      fnArray.forEach((fn, i) => {
        const op = opName[fn];
        const args = argsArray[i] as unknown[] | null;
        if (op === 'beginMarkedContent') stack.push({ artifact: (args?.[0] as { name?: string } | string | undefined) === 'Artifact' || (args?.[0] as { name?: string })?.name === 'Artifact', mcid: false });
        else if (op === 'beginMarkedContentProps') stack.push({ artifact: args?.[0] === 'Artifact' || (args?.[0] as { name?: string })?.name === 'Artifact', mcid: typeof args?.[1] === 'number' });
        else if (op === 'endMarkedContent') stack.pop();
        else {
          const draws = DRAWS.has(op ?? '') || (op === 'constructPath' && PAINTS.has(opName[args?.[0] as number] ?? ''));
          if (draws && !stack.some((s) => s.artifact || s.mcid)) untagged++;
        }
      });
      if (untagged > 0) fail('tagged-content', `page ${number}: ${untagged} drawing operations are neither tagged nor artifacts`);

      // 2. The text of each MCID is reachable from the structure tree.
      const tree = await page.getStructTree();
      const inTree = new Set<string>();
      const walk = (node: unknown) => {
        const n = node as { type?: string; id?: string; children?: unknown[] };
        if (n.type === 'content' && n.id) inTree.add(n.id);
        for (const child of n.children ?? []) walk(child);
      };
      if (tree) walk(tree);
      const content = await page.getTextContent({ includeMarkedContent: true });
      const open: ({ id?: string; artifact: boolean })[] = [];
      const orphans = new Set<string>();
      let loose = '';
      for (const item of content.items) {
        if ('type' in item) {
          if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') {
            // pdfjs passes the tag too, though its types leave it out.
            const { tag } = item as { tag?: string };
            open.push({ ...(item.id ? { id: item.id } : {}), artifact: tag === 'Artifact' });
          } else if (item.type === 'endMarkedContent') open.pop();
          continue;
        }
        if (!item.str.trim() || open.some((o) => o.artifact)) continue;
        const id = [...open].reverse().find((o) => o.id)?.id;
        if (!id) loose += item.str;
        else if (!inTree.has(id)) orphans.add(id);
      }
      if (loose) fail('text-in-tree', `page ${number}: text outside marked content: "${loose.slice(0, 60)}"`);
      if (orphans.size > 0) fail('text-in-tree', `page ${number}: text in ${orphans.size} marked-content sequences that no structure element holds`);
      page.cleanup();
    }
  } finally {
    await pdf.destroy();
  }
}

/**
 * poppler reads the tree too: it drops an element of a type it does not know, with its text, and says so.
 * (`-struct` reports the same errors as `-struct-text`, a hundred times faster on a long guide.)
 */
function checkPopplerTree(file: string, fail: (rule: PdfUaRule, message: string) => void): void {
  const run = spawnSync('pdfinfo', ['-struct', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const errors = run.stderr.split('\n').filter((line) => /StructElem|struct/i.test(line));
  if (errors.length > 0) fail('text-in-tree', `poppler drops structure elements: ${[...new Set(errors)].slice(0, 3).join('; ')}`);
}

function checkFonts(file: string, fail: (rule: PdfUaRule, message: string) => void): void {
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  for (const line of lines) {
    const cells = line.trim().split(/\s+/);
    const [emb, , uni] = cells.slice(-5, -2);
    if (emb !== 'yes') fail('fonts', `font ${cells[0]} is not embedded`);
    if (uni !== 'yes') fail('fonts', `font ${cells[0]} has no Unicode map`);
  }
}

/** One line per violation, for a failing test's message. */
export function formatViolations(violations: readonly PdfUaViolation[]): string {
  return violations.map((v) => `${v.rule}: ${v.message}`).join('\n');
}
