// Assembles the one self-contained HTML file: CSP, inlined CSS, slides, the deck JSON and the runtime script.
import { escapeHtml, jsonForScript } from './html.js';
import { sectionHtml, type Slide } from './slide.js';

export interface DocumentParts {
  language: string;
  title: string;
  generator: string;
  csp: string;
  css: string;
  slides: Slide[];
  model: unknown;
  runtimeScript: string;
}

/** The runtime script text as it will be inlined (its CSP hash is computed from exactly this). */
export function inlineScriptText(script: string): string {
  return script.replace(/<\/(script)/gi, '<\\/$1');
}

export function renderDocument(parts: DocumentParts): string {
  const sections = parts.slides.map((slide) => sectionHtml(slide, escapeHtml)).join('\n');
  return `<!doctype html>
<html lang="${escapeHtml(parts.language)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(parts.csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${escapeHtml(parts.generator)}">
<link rel="icon" href="data:,">
<title>${escapeHtml(parts.title)}</title>
<style>${parts.css}</style>
</head>
<body>
<div class="reveal"><div class="slides">
${sections}
</div></div>
<script type="application/json" id="samtale-deck">${jsonForScript(parts.model)}</script>
<script>${inlineScriptText(parts.runtimeScript)}</script>
</body>
</html>
`;
}
