// Guidance (the resolved notes) as HTML for the speaker notes and the guide, and as plain text.
import type { Guidance, GuidanceBlock, GuidanceSection } from '../../model.js';
import { escapeHtml } from './html.js';
import type { SlideNotes } from './slide.js';

/** A slide's notes as HTML: the header line, the slide's own guidance, a divider, then the card's guidance. */
export function slideNotesHtml(notes: SlideNotes): string {
  const header = notes.header ? `<p class="notes-meta">${escapeHtml(notes.header)}</p>` : '';
  const own = guidanceHtml(notes.own);
  return [header, own, own ? '<hr class="notes-divider">' : '', guidanceHtml(notes.main)].filter(Boolean).join('\n');
}

/** A slide's notes as plain text, in the same order. */
export function slideNotesText(notes: SlideNotes): string {
  const own = guidanceText(notes.own);
  return [notes.header, own, own ? '———' : '', guidanceText(notes.main)].filter(Boolean).join('\n\n');
}

/** The guidance as HTML: each section's title, then its paragraphs, lists and the run's steps. */
export function guidanceHtml(guidance: Guidance | undefined): string {
  return (guidance?.sections ?? []).map(sectionHtml).join('\n');
}

function sectionHtml(section: GuidanceSection): string {
  return [section.titleHtml, ...section.blocks.map(blockHtml)].filter(Boolean).join('\n');
}

function blockHtml(block: GuidanceBlock): string {
  if (block.type === 'text') return block.html;
  if (block.type === 'list') {
    const tag = block.ordered ? 'ol' : 'ul';
    const start = block.start ? ` start="${block.start}"` : '';
    return `<${tag}${start}>\n${block.items.map((item) => `<li>${item.html}</li>`).join('\n')}\n</${tag}>`;
  }
  const steps = block.steps.map((step) => {
    const minutes = `<span class="step-minutes">(${step.minutes} min)</span> `;
    // A loose list's step is a paragraph: the minutes go inside it.
    return `<li>${step.html.startsWith('<p>') ? step.html.replace('<p>', `<p>${minutes}`) : minutes + step.html}</li>`;
  });
  return `<ol class="notes-run">\n${steps.join('\n')}\n</ol>`;
}

/** The guidance as plain text, e.g. for PowerPoint's notes: titles, paragraphs, "- " items, "1. (3 min) " steps. */
export function guidanceText(guidance: Guidance | undefined): string {
  return (guidance?.sections ?? []).map((section) => [section.title, ...section.blocks.map(blockText)].filter(Boolean).join('\n')).join('\n\n');
}

function blockText(block: GuidanceBlock): string {
  const indent = (text: string) => text.replace(/\n/g, '\n   ');
  if (block.type === 'text') return block.text;
  if (block.type === 'list') return block.items.map((item, i) => `${block.ordered ? `${(block.start ?? 1) + i}.` : '-'} ${indent(item.text)}`).join('\n');
  return block.steps.map((step, i) => `${i + 1}. (${step.minutes} min) ${indent(step.text)}`).join('\n');
}
