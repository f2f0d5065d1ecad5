// Small helpers over markdown-it tokens for the notes: copying, finding a block's end, plain text.
import type { Token } from 'markdown-it';
import { inlineText } from '../parse/markdown.js';

/** A copy of a token that can be changed without touching the card every deck shares. */
export function cloneToken(token: Token): Token {
  const copy = Object.assign(Object.create(Object.getPrototypeOf(token) as object) as Token, token);
  copy.children = token.children ? token.children.map(cloneToken) : null;
  copy.attrs = token.attrs ? token.attrs.map(([k, v]) => [k, v] as [string, string]) : null;
  return copy;
}

/** Index of the token that closes the one at `start` (itself for self-closing tokens). */
export function closingIndex(tokens: readonly Token[], start: number): number {
  if (tokens[start]!.nesting !== 1) return start;
  let depth = 0;
  for (let i = start; i < tokens.length; i++) {
    depth += tokens[i]!.nesting;
    if (depth === 0) return i;
  }
  return tokens.length - 1;
}

/** Plain text of block tokens: one line per paragraph, nested list items as "- …" lines. */
export function tokensText(tokens: readonly Token[]): string {
  const lines: string[] = [];
  let prefix = '';
  for (const token of tokens) {
    if (token.type === 'list_item_open') prefix = '- ';
    if (token.type === 'inline') {
      const text = inlineText(token.children ?? []);
      if (text) lines.push(prefix + text);
      prefix = '';
    }
    if (token.type === 'fence' || token.type === 'code_block') lines.push(token.content.trimEnd());
  }
  return lines.join('\n');
}

/** The inline tokens that belong to the block itself, not to a list nested inside it. */
export function ownInlines(tokens: readonly Token[]): Token[] {
  const own: Token[] = [];
  let depth = 0;
  for (const token of tokens) {
    if (token.type === 'bullet_list_open' || token.type === 'ordered_list_open') depth++;
    if (token.type === 'bullet_list_close' || token.type === 'ordered_list_close') depth--;
    if (token.type === 'inline' && depth === 0) own.push(token);
  }
  return own;
}
