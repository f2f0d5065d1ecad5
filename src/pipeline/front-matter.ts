// Splits a card file into its YAML front matter and its Markdown body, keeping line numbers.

export interface SplitCard {
  /** The YAML between the `---` fences, or undefined when the file has none. */
  frontMatter: string | undefined;
  /** 1-based file line where the front matter's text starts. */
  frontMatterLine: number;
  body: string;
  /** 1-based file line where the body starts. */
  bodyLine: number;
  /** False when the opening `---` has no closing one. */
  closed: boolean;
}

/** Splits `---\nyaml\n---\nbody`. A file without front matter is all body. */
export function splitFrontMatter(text: string): SplitCard {
  const source = text.replace(/^\uFEFF/, '');
  const lines = source.split(/\r?\n/);
  if (lines[0]?.trim() !== '---') return { frontMatter: undefined, frontMatterLine: 1, body: source, bodyLine: 1, closed: true };
  const close = lines.findIndex((line, index) => index > 0 && (line.trim() === '---' || line.trim() === '...'));
  if (close < 0) return { frontMatter: lines.slice(1).join('\n'), frontMatterLine: 2, body: '', bodyLine: lines.length + 1, closed: false };
  return {
    frontMatter: lines.slice(1, close).join('\n'),
    frontMatterLine: 2,
    body: lines.slice(close + 1).join('\n'),
    bodyLine: close + 2,
    closed: true,
  };
}
