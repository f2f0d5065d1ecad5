// The HTML shell of a print document: language, title and metadata (Chromium writes them into the PDF), CSS, body.
import { escapeHtml } from '../pipeline/render/html.js';
import { emojiFaceCss } from './emoji.js';

export interface PrintDocumentParts {
  language: string;
  /** Becomes the PDF's Title; every page's tags hang below a document in this language. */
  title: string;
  author?: string;
  subject?: string;
  generator: string;
  /** Classes of `<html>`, e.g. the product ("samtale-handout"). */
  htmlClass: string;
  /** The theme's CSS (tokens, fonts inlined) and the print CSS, then the page rules of this document. */
  css: readonly string[];
  body: string;
}

/**
 * Print documents load nothing: fonts and images are data: URLs, and there are no scripts of their own
 * (the exporter lays pages out through the DevTools protocol, which a CSP does not govern).
 */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:";

export function printDocument(parts: PrintDocumentParts): string {
  const meta = [
    parts.author ? `<meta name="author" content="${escapeHtml(parts.author)}">` : '',
    parts.subject ? `<meta name="description" content="${escapeHtml(parts.subject)}">` : '',
  ].filter(Boolean).join('\n');
  return `<!doctype html>
<html lang="${escapeHtml(parts.language)}" class="${escapeHtml(parts.htmlClass)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="generator" content="${escapeHtml(parts.generator)}">
${meta}
<title>${escapeHtml(parts.title)}</title>
${[...parts.css, emojiFaceCss(parts.css)].map((css) => `<style>${css.replace(/<\/(style)/gi, '<\\/$1')}</style>`).join('\n')}
</head>
<body>
${parts.body}
</body>
</html>
`;
}
