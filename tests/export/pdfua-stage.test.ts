// The PDF/UA stage's pure parts: reading content-stream operators, re-marking untagged drawing, the role map, XMP.
import { describe, expect, it } from 'vitest';
import { contentOperators, remarkContent, textMcids } from '../../src/export/pdfua/content-stream.js';
import { roleMapFor } from '../../src/export/pdfua/role-map.js';
import { xmpPacket } from '../../src/export/pdfua/xmp.js';

const names = (text: string) => contentOperators(text).map((op) => op.name);

describe('content-stream operators', () => {
  it('reads operators with their operands, whatever the strings, arrays and dictionaries hold', () => {
    const stream = '/P <</MCID 3 /Alt (a >> b) >>BDC\nBT /F1 12 Tf [(x) -20 (y \\) BT) ] TJ (EMC \\( q) Tj <4142> Tj ET\nEMC % q Q BT\nq 1 0 0 1 0 0 cm 0 0 5 5 re f Q';
    expect(names(stream)).toEqual(['BDC', 'BT', 'Tf', 'TJ', 'Tj', 'Tj', 'ET', 'EMC', 'q', 'cm', 're', 'f', 'Q']);
    const [bdc] = contentOperators(stream);
    expect(bdc!.operands).toEqual(['/P', '<</MCID 3 /Alt (a >> b) >>']);
    expect(stream.slice(bdc!.start, bdc!.end)).toBe('/P <</MCID 3 /Alt (a >> b) >>BDC');
  });

  it('treats an inline image, binary data and all, as one operator', () => {
    const stream = 'q BI /W 2 /H 1 /BPC 8 /CS /G ID \u0000EMC\u00ff EI Q';
    expect(names(stream)).toEqual(['q', 'BI', 'Q']);
  });

  it('knows which marked-content sequences show text, nested ones included', () => {
    const stream = '/P <</MCID 0>>BDC /Span <</MCID 1>>BDC BT (a) Tj ET EMC EMC /L <</MCID 2>>BDC 0 0 1 1 re f EMC';
    expect([...textMcids(contentOperators(stream))].sort()).toEqual([0, 1]);
  });
});

describe('remarking content', () => {
  const remark = (text: string, artifacts?: Set<number>) => remarkContent(text, contentOperators(text), artifacts);

  it('wraps drawing outside marked content as an artifact, and leaves tagged content alone', () => {
    const stream = 'q 1 1 1 rg 0 0 10 10 re f Q\n/P <</MCID 0>>BDC BT /F1 9 Tf (Hej) Tj ET EMC';
    const result = remark(stream);
    expect(result.wrapped).toBe(1);
    expect(names(result.text!)).toEqual(['q', 'rg', 'BMC', 're', 'f', 'EMC', 'Q', 'BDC', 'BT', 'Tf', 'Tj', 'ET', 'EMC']);
    expect(result.text).toContain('/Artifact BMC');
  });

  it('never lets an artifact cross q/Q or a text object: text outside any sequence is wrapped inside its BT', () => {
    const result = remark('0 0 1 1 re f q 2 2 1 1 re f Q BT /F1 9 Tf (footer) Tj ET');
    expect(result.wrapped).toBe(3);
    expect(names(result.text!)).toEqual(['BMC', 're', 'f', 'EMC', 'q', 'BMC', 're', 'f', 'EMC', 'Q', 'BT', 'Tf', 'BMC', 'Tj', 'EMC', 'ET']);
  });

  it('turns the chosen tagged sequences into artifacts and keeps the rest', () => {
    const result = remark('/L <</MCID 0>>BDC 0 0 9 1 re f EMC /LI <</MCID 1>>BDC BT (x) Tj ET EMC', new Set([0]));
    expect(result.untagged).toEqual([0]);
    expect(result.text!.startsWith('/Artifact BMC 0 0 9 1 re f EMC')).toBe(true);
    expect(result.text).toContain('/LI <</MCID 1>>BDC');
  });

  it('marks drawing inside a sequence that is neither content nor artifact (an emoji\'s /ActualText span in the footer)', () => {
    const result = remark('BT /Span <</ActualText <feffd83cdfdb> >> BDC /F5 9 Tf (x) Tj EMC ET /P <</MCID 0>>BDC BT /Span <</ActualText (y)>> BDC (y) Tj EMC ET EMC');
    expect(result.wrapped).toBe(1);
    expect(names(result.text!)).toEqual(['BT', 'BDC', 'Tf', 'BMC', 'Tj', 'EMC', 'EMC', 'ET', 'BDC', 'BT', 'BDC', 'Tj', 'EMC', 'ET', 'EMC']);
  });

  it('changes nothing when everything is marked already', () => {
    expect(remark('/Artifact BMC 0 0 1 1 re f EMC /P <</MCID 0>>BDC BT (x) Tj ET EMC').text).toBeUndefined();
  });
});

describe('role map', () => {
  it('maps PDF 2.0 emphasis to spans, unknown types to NonStruct, and leaves standard types alone', () => {
    expect(Object.fromEntries(roleMapFor(['Document', 'P', 'Em', 'Strong', 'Em', 'Aside', 'Fancy']))).toEqual({
      Em: 'Span', Strong: 'Span', Aside: 'Div', Fancy: 'NonStruct',
    });
  });
});

describe('XMP', () => {
  it('carries the title, language and the PDF/UA part, with XML escaped', () => {
    const xmp = xmpPacket({ title: 'Om at være "på" 24/7 & mere', language: 'da', keywords: 'a, b', created: new Date('2027-03-02T09:15:00Z') });
    expect(xmp).toContain('<rdf:li xml:lang="x-default">Om at være &quot;på&quot; 24/7 &amp; mere</rdf:li>');
    expect(xmp).toContain('<pdfuaid:part>1</pdfuaid:part>');
    expect(xmp).toContain('xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"');
    expect(xmp).toContain('<dc:language><rdf:Bag><rdf:li>da</rdf:li></rdf:Bag></dc:language>');
    expect(xmp).toContain('<xmp:CreateDate>2027-03-02T09:15:00Z</xmp:CreateDate>');
    expect(xmp).toContain('<rdf:li>a</rdf:li><rdf:li>b</rdf:li>');
  });
});
