// The docs a consultant reads hold together: every link between README.md and docs/*.md reaches a file and a
// heading that exist (anchors made by GitHub's rules), and every clock time in a YAML example is in quotes.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import GithubSlugger from 'github-slugger';
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { describe, expect, it } from 'vitest';

const repo = join(import.meta.dirname, '..', '..');
const files = ['README.md', ...readdirSync(join(repo, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
const md = new MarkdownIt({ html: true });
const parsed = new Map(files.map((file) => [file, md.parse(readFileSync(join(repo, file), 'utf8'), {})]));

/** The plain text of a heading, as GitHub makes its anchor from it: text and code, without the markup. */
const headingText = (inline: Token) => (inline.children ?? []).filter((c) => c.type === 'text' || c.type === 'code_inline').map((c) => c.content).join('');

/** The anchors GitHub gives a Markdown file: one per heading (repeats get -1, -2 …), and explicit ids. */
function anchorsOf(file: string): Set<string> {
  const slugger = new GithubSlugger();
  const tokens = parsed.get(file)!;
  const anchors = new Set<string>();
  tokens.forEach((token, i) => {
    if (token.type === 'heading_open') anchors.add(slugger.slug(headingText(tokens[i + 1]!)));
  });
  for (const match of readFileSync(join(repo, file), 'utf8').matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) anchors.add(match[1]!);
  return anchors;
}

/** Every link target written in a file, with the line it is on. */
function linksOf(file: string): { href: string; line: number }[] {
  const links: { href: string; line: number }[] = [];
  let line = 1;
  for (const token of parsed.get(file)!) {
    // Inline tokens in a table have no lines of their own: the row's are the nearest.
    if (token.map) line = token.map[0] + 1;
    for (const child of token.children ?? []) {
      if (child.type === 'link_open') links.push({ href: String(child.attrGet('href') ?? ''), line });
    }
  }
  return links;
}

describe('links in README.md and docs/*.md', () => {
  it('finds the links and headings it checks', () => {
    expect(linksOf('docs/cards.md').length).toBeGreaterThan(10);
    expect(anchorsOf('docs/cards.md')).toContain('the-run-forløb');
    expect(anchorsOf('docs/adapting.md')).toContain('8-branding-logo-colours-font');
  });

  it('reach a file that exists, and a heading in it', () => {
    const broken: string[] = [];
    for (const file of files) {
      for (const { href, line } of linksOf(file)) {
        if (/^(?:[a-z]+:|\/\/)/i.test(href)) continue;
        const [path, anchor] = href.split('#') as [string, string | undefined];
        const target = path ? relative(repo, join(repo, dirname(file), decodeURI(path))) : file;
        if (!existsSync(join(repo, target))) {
          broken.push(`${file}:${line}: ${href} (no file ${target})`);
        } else if (anchor !== undefined && target.endsWith('.md') && !anchorsOf(target).has(decodeURIComponent(anchor))) {
          broken.push(`${file}:${line}: ${href} (no heading #${anchor} in ${target})`);
        }
      }
    }
    expect(broken).toEqual([]);
  });
});

describe('YAML examples in README.md and docs/*.md', () => {
  it('write every clock time in quotes, as a manifest must', () => {
    const unquoted: string[] = [];
    for (const file of files) {
      for (const token of parsed.get(file)!) {
        const code = token.type === 'fence' && /^ya?ml\b/.test(token.info) ? [token.content]
          : (token.children ?? []).filter((c) => c.type === 'code_inline').map((c) => c.content);
        for (const text of code) {
          for (const match of text.matchAll(/^\s*(?:-\s+)?[\w-]+:\s+\d{1,2}[:.]\d{2}\b.*$/gm)) unquoted.push(`${file}:${(token.map?.[0] ?? 0) + 1}: ${match[0].trim()}`);
        }
      }
    }
    expect(unquoted).toEqual([]);
  });
});
