// End-to-end: our PDF/UA-1 check (tests/support/pdfua.ts) passes a document printed and finished the way
// every samtale PDF is, and fails each fixture made from it by breaking exactly one rule.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFString, StandardFonts, decodePDFRawStream, type PDFObject } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PdfBrowser } from '../../src/export/browser.js';
import { withMetadata } from '../../src/export/metadata.js';
import { makePdfUa } from '../../src/export/pdfua/index.js';
import { qrSvg } from '../../src/pipeline/render/qr.js';
import { checkPdfUa, formatViolations, type PdfUaRule } from '../support/pdfua.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OUT = path.join(ROOT, 'tests/.tmp/pdfua');
const GOOD = path.join(OUT, 'good.pdf');

/** A little of everything the rules look at: headings, emphasis, a link, lists, a table, a QR code, decoration. */
const HTML = `<!doctype html><html lang="da"><head><meta charset="utf-8"><title>Prøvedokument</title>
<style>body { font-family: sans-serif; } .rule { height: 4px; background: #0b4a6f; } ul { border-top: 1px solid #999; }</style></head>
<body>
<div class="rule"></div>
<h1>Prøvedokument</h1>
<p>Et afsnit med <em>kursiv</em>, <strong>fed</strong> og et <a href="https://www.example.org/side">link til siden</a>.</p>
<h2>Lister</h2>
<ul><li>Første punkt med <em>kursiv</em></li><li>Andet punkt<ol><li>Indlejret</li></ol></li></ul>
<h2>Tabel</h2>
<table><thead><tr><th scope="col">Tema</th><th scope="col">Minutter</th></tr></thead>
<tbody><tr><th scope="row">Om at bruge sociale medier</th><td>20</td></tr></tbody></table>
<h3>Kode</h3>
${qrSvg('https://www.example.org/side', 'QR-kode til www.example.org/side', 'qr').replace('<svg ', '<svg width="80" height="80" ')}
<p aria-hidden="true">Pynt, som skærmlæsere ikke skal have.</p>
<figure role="group"><blockquote><p>Et citat.</p></blockquote><figcaption>Kilden</figcaption></figure>
<figure data-pdf-alt="content"><div style="border: 1px solid #999; padding: 8px">Om at bruge sociale medier</div><figcaption>Slide 4</figcaption></figure>
</body></html>`;

const metadata = { title: 'Prøvedokument', author: 'samtale', subject: 'Prøve', language: 'da', creator: 'samtale test', keywords: ['prøve'] };

beforeAll(async () => {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const browser = await PdfBrowser.launch();
  try {
    const printed = await browser.print({ label: 'the test document', html: HTML, width: 800 });
    const described = await withMetadata(printed.bytes, metadata, printed.headings);
    const finished = await makePdfUa(described.bytes, printed.hints, metadata);
    expect(finished.warnings).toEqual([]);
    writeFileSync(GOOD, finished.bytes);
    // The same print without the PDF/UA stage: what Chromium alone writes.
    writeFileSync(path.join(OUT, 'chromium.pdf'), described.bytes);
  } finally {
    await browser.close();
  }
}, 60_000);

afterAll(() => rmSync(path.join(OUT, 'broken'), { recursive: true, force: true }));

/** Loads the good PDF, lets `change` break it, saves it as a fixture and checks it. */
async function broken(name: string, change: (doc: PDFDocument, tools: Tools) => void | Promise<void>): Promise<PdfUaRule[]> {
  const doc = await PDFDocument.load(readFileSync(GOOD), { updateMetadata: false });
  await change(doc, tools(doc));
  mkdirSync(path.join(OUT, 'broken'), { recursive: true });
  const file = path.join(OUT, 'broken', `${name}.pdf`);
  writeFileSync(file, await doc.save({ useObjectStreams: false }));
  return (await checkPdfUa(file)).map((v) => v.rule);
}

interface Tools {
  /** Every structure element of type `type`, depth first. */
  elements: (type: string) => PDFDict[];
  catalog: PDFDict;
  root: PDFDict;
  /** Appends raw operators to page 1's content. */
  draw: (operators: string) => void;
}

function tools(doc: PDFDocument): Tools {
  const { context, catalog } = doc;
  const root = catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
  const all: PDFDict[] = [];
  const visit = (value: PDFObject | undefined) => {
    const object = value instanceof PDFRef ? context.lookup(value) : value;
    if (object instanceof PDFArray) object.asArray().forEach(visit);
    else if (object instanceof PDFDict && object.get(PDFName.of('S'))) {
      all.push(object);
      visit(object.get(PDFName.of('K')));
    }
  };
  visit(root.get(PDFName.of('K')));
  return {
    elements: (type) => all.filter((e) => e.get(PDFName.of('S'))?.toString() === `/${type}`),
    catalog,
    root,
    draw: (operators) => {
      const page = doc.getPage(0).node;
      const ref = page.get(PDFName.of('Contents')) as PDFRef;
      const old = Buffer.from(decodePDFRawStream(context.lookup(ref) as PDFRawStream).decode()).toString('latin1');
      context.assign(ref, context.flateStream(Buffer.from(`${old}\n${operators}\n`, 'latin1')));
    },
  };
}

describe('the PDF/UA check', () => {
  it('passes a document finished by the PDF/UA stage', async () => {
    const violations = await checkPdfUa(GOOD);
    expect(violations, formatViolations(violations)).toEqual([]);
  });

  it('describes figures and links in the page\'s own words', async () => {
    const doc = await PDFDocument.load(readFileSync(GOOD), { updateMetadata: false });
    const t = tools(doc);
    const text = (dict: PDFDict, key: string) => (dict.lookup(PDFName.of(key)) as PDFHexString | PDFString).decodeText();
    expect(t.elements('Figure').map((f) => text(f, 'Alt'))).toEqual(['QR-kode til www.example.org/side', 'Slide 4: Om at bruge sociale medier']);
    const annots = doc.getPage(0).node.lookup(PDFName.of('Annots'), PDFArray).asArray().map((ref) => doc.context.lookup(ref, PDFDict));
    expect(annots.map((a) => text(a, 'Contents'))).toEqual(['link til siden']);
    // The list item's label stays beside its body.
    expect(t.elements('LI').every((li) => li.lookup(PDFName.of('K')) !== undefined)).toBe(true);
    expect(t.elements('LBody')).toHaveLength(3);
  });

  it('fails what Chromium writes on its own, for the reasons the stage exists', async () => {
    const rules = new Set((await checkPdfUa(path.join(OUT, 'chromium.pdf'))).map((v) => v.rule));
    for (const rule of ['xmp', 'standard-types', 'text-in-tree', 'lists', 'figures', 'links', 'tagged-content'] as const) expect(rules).toContain(rule);
  });

  const cases: [PdfUaRule, string, (doc: PDFDocument, t: Tools) => void | Promise<void>][] = [
    ['tagged', 'no /MarkInfo', (_, t) => void t.catalog.delete(PDFName.of('MarkInfo'))],
    ['lang', 'no /Lang', (_, t) => void t.catalog.delete(PDFName.of('Lang'))],
    ['title', 'the file name in the window', (doc, t) => t.catalog.lookup(PDFName.of('ViewerPreferences'), PDFDict).set(PDFName.of('DisplayDocTitle'), doc.context.obj(false))],
    ['xmp', 'XMP without the PDF/UA identifier', (doc, t) => {
      const xmp = '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        + '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title><rdf:Alt><rdf:li xml:lang="x-default">Prøvedokument</rdf:li></rdf:Alt></dc:title>'
        + '</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>';
      t.catalog.set(PDFName.of('Metadata'), doc.context.register(doc.context.stream(xmp, { Type: 'Metadata', Subtype: 'XML' })));
    }],
    ['standard-types', 'Em and Strong with no role map', (_, t) => void t.root.delete(PDFName.of('RoleMap'))],
    ['tagged-content', 'a rectangle drawn outside any marked content', (_, t) => t.draw('q 0 0 1 rg 10 10 50 50 re f Q')],
    ['text-in-tree', 'text whose marked content no element holds', (doc) => {
      const page = doc.getPage(0).node;
      const key = page.lookup(PDFName.of('StructParents'), PDFNumber).asNumber();
      const tree = tools(doc).root.lookup(PDFName.of('ParentTree'), PDFDict).lookup(PDFName.of('Nums'), PDFArray);
      for (let i = 0; i < tree.size(); i += 2) {
        if ((tree.get(i) as PDFNumber).asNumber() !== key) continue;
        const entry = doc.context.lookup(tree.get(i + 1), PDFArray);
        for (let mcid = 0; mcid < entry.size(); mcid++) entry.set(mcid, doc.context.obj(null));
      }
    }],
    ['headings', 'an H2 made an H4', (_, t) => t.elements('H2')[0]!.set(PDFName.of('S'), PDFName.of('H4'))],
    ['lists', 'a list body that is not an LBody', (_, t) => t.elements('LBody')[0]!.set(PDFName.of('S'), PDFName.of('P'))],
    ['tables', 'a header cell without /Scope', (_, t) => void t.elements('TH')[0]!.delete(PDFName.of('A'))],
    ['figures', 'a figure without /Alt', (_, t) => void t.elements('Figure')[0]!.delete(PDFName.of('Alt'))],
    ['links', 'a link without /Contents', (doc) => {
      for (const ref of doc.getPage(0).node.lookup(PDFName.of('Annots'), PDFArray).asArray()) doc.context.lookup(ref, PDFDict).delete(PDFName.of('Contents'));
    }],
    ['links', 'a Link element without its OBJR', (_, t) => void t.elements('Link')[0]!.delete(PDFName.of('K'))],
    ['tabs', 'a page with a link but no /Tabs', (doc) => void doc.getPage(0).node.delete(PDFName.of('Tabs'))],
    ['fonts', 'a font that is not embedded', async (doc) => {
      const font = await doc.embedFont(StandardFonts.Helvetica);
      doc.getPage(0).node.setFontDictionary(PDFName.of('FX'), font.ref);
    }],
  ];
  for (const [rule, what, change] of cases) {
    it(`fails ${rule}: ${what}`, async () => {
      const rules = await broken(`${rule}-${what.replace(/\W+/g, '-')}`, change);
      expect(rules).toContain(rule);
    });
  }
});
