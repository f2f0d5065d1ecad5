// Core rule: links may only go to http(s) and mailto; anything else is reported and shown as text.
import type { MarkdownIt, StateCore, Token } from 'markdown-it';

const ALLOWED = /^(?:https?:\/\/|mailto:)/i;

/** A link the policy refused, for the card stage to report. */
export interface RefusedLink {
  href: string;
  /** 0-based line within the parsed text. */
  line: number;
  /** An image (`![…](…)`) rather than a link. */
  image?: boolean;
}

function enforce(state: StateCore): void {
  const env = state.env as { refusedLinks?: RefusedLink[] };
  const refused = (env.refusedLinks ??= []);
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    const children: Token[] = block.children;
    for (let i = 0; i < children.length; i++) {
      const token = children[i]!;
      if (token.type === 'link_open') {
        const href = String(token.attrGet('href') ?? '');
        if (ALLOWED.test(href)) continue;
        refused.push({ href, line: block.map?.[0] ?? 0 });
        neutralise(children, i);
      } else if (token.type === 'image') {
        refused.push({ href: String(token.attrGet('src') ?? ''), line: block.map?.[0] ?? 0, image: true });
        const text = new state.Token('text', '', 0);
        text.content = token.content;
        children[i] = text;
      }
    }
  }
}

/** Turns `link_open … link_close` into its plain text content. */
function neutralise(children: Token[], openIndex: number): void {
  let depth = 0;
  for (let j = openIndex; j < children.length; j++) {
    const t = children[j]!;
    if (t.type === 'link_open') depth++;
    if (t.type === 'link_close' && --depth === 0) {
      children.splice(j, 1);
      children.splice(openIndex, 1);
      return;
    }
  }
}

/** markdown-it plugin: the link policy. Every URL passes markdown-it's check, so this rule sees and reports it. */
export function linkPolicyPlugin(md: MarkdownIt): void {
  md.validateLink = () => true;
  md.core.ruler.push('link_policy', enforce);
}
