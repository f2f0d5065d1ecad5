// Core rule: in a blockquote, a last paragraph starting with `-- ` (or an em dash) is the quote's source.
import type { MarkdownIt, StateCore, Token } from 'markdown-it';
import { takeRefDefinition } from './ref-definition.js';

const SOURCE_MARKER = /^(?:--|—|–)\s+/;

function markSources(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.type !== 'blockquote_close') continue;
    const quoteLevel = tokens[i]!.level;
    // The paragraph just before the close, at the blockquote's inner level.
    const close = tokens[i - 1];
    const inline = tokens[i - 2];
    const open = tokens[i - 3];
    if (close?.type !== 'paragraph_close' || inline?.type !== 'inline' || open?.type !== 'paragraph_open') continue;
    if (open.level !== quoteLevel + 1 || !SOURCE_MARKER.test(inline.content)) continue;
    // A trailing `{#name}` names the quote for the guidance; it is not part of the source.
    const { text, ref } = takeRefDefinition(inline.content.replace(SOURCE_MARKER, ''));
    inline.content = text;
    if (ref) open.meta = { ...(open.meta as object | null), ref };
    retag(open, 'quote_source_open');
    retag(close, 'quote_source_close');
  }
}

function retag(token: Token, type: string): void {
  token.type = type;
  token.tag = 'figcaption';
}

/** markdown-it plugin: marks the source line of quotes. */
export function quoteSourcePlugin(md: MarkdownIt): void {
  md.core.ruler.after('block', 'quote_source', markSources);
}
