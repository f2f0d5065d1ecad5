// The XMP metadata packet of a PDF/UA-1 file: the document information again, plus the PDF/UA identifier.

export interface XmpFields {
  title: string;
  language: string;
  author?: string;
  subject?: string;
  keywords?: string;
  creator?: string;
  producer?: string;
  created?: Date;
  modified?: Date;
}

/** ISO 14289-1, 5: a conforming file says so with `pdfuaid:part` 1 in its XMP. */
export const PDFUA_NAMESPACE = 'http://www.aiim.org/pdfua/ns/id/';

export function xmpPacket(fields: XmpFields): string {
  const alt = (value: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${xml(value)}</rdf:li></rdf:Alt>`;
  const keywords = (fields.keywords ?? '').split(',').map((k) => k.trim()).filter(Boolean);
  const rows = [
    '<dc:format>application/pdf</dc:format>',
    `<dc:title>${alt(fields.title)}</dc:title>`,
    fields.author ? `<dc:creator><rdf:Seq><rdf:li>${xml(fields.author)}</rdf:li></rdf:Seq></dc:creator>` : '',
    fields.subject ? `<dc:description>${alt(fields.subject)}</dc:description>` : '',
    keywords.length ? `<dc:subject><rdf:Bag>${keywords.map((k) => `<rdf:li>${xml(k)}</rdf:li>`).join('')}</rdf:Bag></dc:subject>` : '',
    `<dc:language><rdf:Bag><rdf:li>${xml(fields.language)}</rdf:li></rdf:Bag></dc:language>`,
    fields.keywords ? `<pdf:Keywords>${xml(fields.keywords)}</pdf:Keywords>` : '',
    fields.producer ? `<pdf:Producer>${xml(fields.producer)}</pdf:Producer>` : '',
    fields.creator ? `<xmp:CreatorTool>${xml(fields.creator)}</xmp:CreatorTool>` : '',
    fields.created ? `<xmp:CreateDate>${isoDate(fields.created)}</xmp:CreateDate>` : '',
    fields.modified ? `<xmp:ModifyDate>${isoDate(fields.modified)}</xmp:ModifyDate>` : '',
    fields.modified ? `<xmp:MetadataDate>${isoDate(fields.modified)}</xmp:MetadataDate>` : '',
    '<pdfuaid:part>1</pdfuaid:part>',
  ].filter(Boolean);
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about=""
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
 xmlns:xmp="http://ns.adobe.com/xap/1.0/"
 xmlns:pdfuaid="${PDFUA_NAMESPACE}">
${rows.join('\n')}
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}

function xml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** `2027-03-02T09:15:00Z`: XMP dates are ISO 8601. */
function isoDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
