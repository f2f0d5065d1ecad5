// `{#name}` at the end of a question or a quote's source: the short name guidance uses for the item.

/** What a reference name may look like: lowercase letters (æ ø å too), digits and hyphens. */
export const REF_NAME = /^[\p{Ll}\p{N}][\p{Ll}\p{N}-]*$/u;

const TRAILING_DEFINITION = /\s*\{#([^{}\s]+)\}\s*$/u;

/** Splits `Hvad gør I? {#tone}` into the text and the name; names are compared in lower case. */
export function takeRefDefinition(written: string): { text: string; ref?: string } {
  const match = TRAILING_DEFINITION.exec(written);
  if (!match) return { text: written };
  return { text: written.slice(0, match.index).trimEnd(), ref: match[1]!.toLowerCase() };
}
