// The card Markdown parser: markdown-it with our constructs, applied in one explicit order.
import markdownIt, { type MarkdownIt, type Token } from 'markdown-it';
import { linkPolicyPlugin } from './links.js';
import { notesPlugin } from './notes.js';
import { questionPlugin } from './question.js';
import { quoteSourcePlugin } from './quote-source.js';
import { unknownBlockPlugin } from './unknown-block.js';
import { videoPlugin } from './video.js';

/** The plugins, in the order they are applied. `unknownBlock` must follow every named `:::` block. */
const plugins = [questionPlugin, quoteSourcePlugin, notesPlugin, videoPlugin, unknownBlockPlugin, linkPolicyPlugin];

export interface MarkdownOptions {
  /** Raw HTML in cards is shown as text unless the deck allows it. */
  allowHtml: boolean;
}

/** A markdown-it instance for card bodies. */
export function createMarkdown(options: MarkdownOptions): MarkdownIt {
  const md = markdownIt({ html: options.allowHtml, linkify: false, typographer: false, breaks: false });
  for (const plugin of plugins) md.use(plugin);
  // Our constructs also render on their own, e.g. a question written inside notes.
  md.renderer.rules.question_open = () => '<p class="question">';
  md.renderer.rules.question_close = () => '</p>\n';
  md.renderer.rules.video = () => '';
  // A link clicked during the seminar opens beside the deck instead of replacing it.
  md.renderer.rules.link_open = (tokens, idx, options, _env, self) => {
    tokens[idx]!.attrSet('target', '_blank');
    tokens[idx]!.attrSet('rel', 'noopener noreferrer');
    return self.renderToken(tokens, idx, options);
  };
  md.renderer.rules.unknown_block = () => '';
  return md;
}

/** The plain text of inline tokens: text and code kept, emphasis and links dropped, line breaks as spaces. */
export function inlineText(children: readonly Token[]): string {
  return children
    .map((child) => (child.type === 'text' || child.type === 'code_inline' ? child.content : child.type === 'softbreak' || child.type === 'hardbreak' ? ' ' : ''))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The plain text of one line of inline Markdown. */
export function plainInline(md: MarkdownIt, markdown: string): string {
  return inlineText(md.parseInline(markdown, {})[0]?.children ?? []);
}
