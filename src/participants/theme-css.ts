// The part of a theme's compiled CSS the participants' edition needs: its tokens, and only the fonts it uses.
//
// The deck carries every face of the theme's font (about 100 KB as data: URLs). A phone on a slow network
// should not: the page keeps the theme's `:root` tokens and the @font-face rules whose unicode-range covers
// a character of the page, italic only when the page has emphasis (bold italic only when it has that), and
// shows text at once in a fallback
// font while they load (`font-display: swap`).

interface Rule {
  selector: string;
  body: string;
}

/** The top-level rules of a stylesheet without comments (the compiled theme has none). */
function topLevelRules(css: string): Rule[] {
  const rules: Rule[] = [];
  let at = 0;
  while (at < css.length) {
    const open = css.indexOf('{', at);
    if (open < 0) break;
    let depth = 1;
    let close = open + 1;
    for (; close < css.length && depth > 0; close++) {
      if (css[close] === '{') depth++;
      else if (css[close] === '}') depth--;
    }
    rules.push({ selector: css.slice(at, open).trim(), body: css.slice(open + 1, close - 1) });
    at = close;
  }
  return rules;
}

/** Does a `unicode-range` value (U+0000-00FF, U+0131, U+4??) cover one of `codePoints`? No range covers all. */
export function coversAny(range: string | undefined, codePoints: ReadonlySet<number>): boolean {
  if (range === undefined) return true;
  return range.split(',').some((part) => {
    const match = /U\+([0-9A-F?]+)(?:-([0-9A-F]+))?/i.exec(part.trim());
    if (!match) return false;
    const from = parseInt(match[1]!.replace(/\?/g, '0'), 16);
    const to = match[2] ? parseInt(match[2], 16) : parseInt(match[1]!.replace(/\?/g, 'F'), 16);
    for (const point of codePoints) if (point >= from && point <= to) return true;
    return false;
  });
}

export interface ParticipantsThemeOptions {
  /** Every character the page shows (its text and the CSS's generated content). */
  text: string;
  /** The page has italic text. */
  italic: boolean;
  /** The page has bold italic text (emphasis inside bold, or bold inside emphasis or a heading). */
  boldItalic: boolean;
  /** The deck's branding brings its own font, so the theme's faces are not used at all. */
  ownFont: boolean;
}

/** The theme's `:root` tokens and the @font-face rules the page needs, as CSS. */
export function participantsThemeCss(themeCss: string, options: ParticipantsThemeOptions): string {
  const codePoints = new Set<number>();
  for (const char of options.text) codePoints.add(char.codePointAt(0)!);
  const kept: string[] = [];
  for (const rule of topLevelRules(themeCss)) {
    if (rule.selector === ':root') kept.push(`:root{${rule.body.trim()}}`);
    if (rule.selector !== '@font-face' || options.ownFont) continue;
    const property = (name: string) => new RegExp(`(?:^|;)\\s*${name}\\s*:\\s*([^;]+)`, 'i').exec(rule.body)?.[1]?.trim();
    const italic = property('font-style') === 'italic';
    const bold = Number(property('font-weight') ?? 400) >= 600;
    if (italic && !(bold ? options.boldItalic : options.italic)) continue;
    if (!coversAny(property('unicode-range'), codePoints)) continue;
    const body = /font-display\s*:/i.test(rule.body) ? rule.body.replace(/font-display\s*:\s*[^;]+/i, 'font-display:swap') : `${rule.body};font-display:swap`;
    kept.push(`@font-face{${body.trim()}}`);
  }
  return kept.join('\n');
}
