// Structure types: the standard ones of PDF 1.7 (ISO 32000-1, 14.8.4), and a role map for the rest.
//
// Chromium tags emphasis with the PDF 2.0 types Em and Strong in what it declares a PDF 1.4 file. Readers of
// PDF 1.x do not know them: poppler drops the element and its text from the tree, and PDF/UA-1 validators
// flag them. The /RoleMap says what each stands for in PDF 1.7 (Em and Strong are spans), while the
// element keeps its own name, so a reader that knows PDF 2.0 still sees the emphasis.

export const STANDARD_TYPES: ReadonlySet<string> = new Set([
  'Document', 'Part', 'Art', 'Sect', 'Div', 'BlockQuote', 'Caption', 'TOC', 'TOCI', 'Index', 'NonStruct', 'Private',
  'P', 'H', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6',
  'L', 'LI', 'Lbl', 'LBody',
  'Table', 'TR', 'TH', 'TD', 'THead', 'TBody', 'TFoot',
  'Span', 'Quote', 'Note', 'Reference', 'BibEntry', 'Code', 'Link', 'Annot',
  'Ruby', 'RB', 'RT', 'RP', 'Warichu', 'WT', 'WP',
  'Figure', 'Formula', 'Form',
]);

/** PDF 2.0 types (ISO 32000-2, 14.8.4) and their nearest PDF 1.7 type. */
const PDF2_TYPES: Readonly<Record<string, string>> = {
  Em: 'Span',
  Strong: 'Span',
  Sub: 'Span',
  Title: 'P',
  FENote: 'Note',
  Aside: 'Div',
  DocumentFragment: 'Part',
  Artifact: 'NonStruct',
};

/**
 * The role map entries a document needs: every non-standard type it uses, mapped to a standard one. Types
 * nobody knows become NonStruct (grouping without meaning), which keeps their text in the tree.
 */
export function roleMapFor(types: Iterable<string>): Map<string, string> {
  const map = new Map<string, string>();
  for (const type of types) {
    if (STANDARD_TYPES.has(type) || map.has(type)) continue;
    map.set(type, PDF2_TYPES[type] ?? 'NonStruct');
  }
  return map;
}
