// The deck's look in PowerPoint's terms: the theme's colour tokens with the adaptation's branding over them, and its font.
import { themeColours, themeTokens } from '../assets/runtime-assets.js';
import { EnvironmentError } from '../diagnostics/deck-error.js';
import type { Deck } from '../model.js';
import { brandingColourTokens } from '../pipeline/branding.js';
import { fontFamilyName } from './font-name.js';

/** Colours as PowerPoint writes them: six hex digits, no `#`. */
export interface Palette {
  bg: string;
  surface: string;
  text: string;
  muted: string;
  primary: string;
  primarySoft: string;
  onPrimary: string;
  accent: string;
  accentStrong: string;
  onAccent: string;
  actionBg: string;
  /** Bars, rules, the action band and label (the brand's light colour when it has one, else the accent). */
  highlight: string;
  /** Text on the highlight. */
  onHighlight: string;
  rule: string;
  /** The adaptation's font by its family name, else the font the theme names first ("Atkinson Hyperlegible Next"). */
  font: string;
}

const COLOURS: Record<Exclude<keyof Palette, 'font'>, string> = {
  bg: 'color-bg', surface: 'color-surface', text: 'color-text', muted: 'color-muted', primary: 'color-primary',
  primarySoft: 'color-primary-soft', onPrimary: 'color-on-primary', accent: 'color-accent', accentStrong: 'color-accent-strong',
  onAccent: 'color-on-accent', actionBg: 'color-action-bg', highlight: 'color-highlight', onHighlight: 'color-on-highlight', rule: 'color-rule',
};

/** A font every PowerPoint has, named where the theme names only generic families. */
export const FALLBACK_FONT = 'Arial';

/**
 * The palette of a resolved deck; a theme missing from the compiled runtime is a problem of the environment.
 * `unreadableFont` is told when the adaptation's font file has no family name to give PowerPoint.
 */
export function paletteFor(deck: Deck, unreadableFont: () => void = () => undefined): Palette {
  const theme = themeTokens(deck.theme);
  if (!theme) {
    throw new EnvironmentError('E_RUNTIME', `The theme "${deck.theme}" is not in the compiled runtime (lib/runtime/).`, 'Run `npm run compile`.');
  }
  const tokens = { ...theme, ...(deck.branding ? brandingColourTokens(deck.branding, themeColours(deck.theme)) : {}) };
  // A token may name another, as CSS does (the highlight is the accent unless the branding has one).
  const valueOf = (token: string, depth = 0): string | undefined => {
    const value = tokens[token]?.trim();
    const named = value === undefined ? undefined : /^var\(--samtale-([a-z0-9-]+)\)$/.exec(value)?.[1];
    return named && depth < 8 ? valueOf(named, depth + 1) : value;
  };
  const colours = Object.fromEntries(Object.entries(COLOURS).map(([key, token]) => {
    const value = valueOf(token);
    if (!value || !/^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(value)) {
      throw new EnvironmentError('E_RUNTIME', `The theme "${deck.theme}" has no colour --samtale-${token} (found "${value ?? ''}").`,
        'A theme declares every --samtale-color-* token on :root, as #rrggbb; see themes/default/theme.css.');
    }
    return [key, hex6(value)];
  })) as Omit<Palette, 'font'>;
  const themeFont = firstFamily(tokens['font-body']) ?? FALLBACK_FONT;
  if (!deck.branding?.font) return { ...colours, font: themeFont };
  const brandFont = fontFamilyName(Buffer.from(deck.branding.font.dataUrl.slice(deck.branding.font.dataUrl.indexOf(',') + 1), 'base64'));
  if (!brandFont) unreadableFont();
  return { ...colours, font: brandFont ?? themeFont };
}

function hex6(value: string): string {
  const digits = value.slice(1).toUpperCase();
  return digits.length === 3 ? digits.replace(/./g, (d) => d + d) : digits;
}

/** The first named family of a CSS font list; generic families (`system-ui`, `sans-serif`) are not fonts. */
function firstFamily(list: string | undefined): string | undefined {
  for (const part of list?.split(',') ?? []) {
    const name = part.trim().replace(/^['"]|['"]$/g, '');
    if (name && !/^(system-ui|-apple-system|sans-serif|serif|monospace|var\(.*)$/i.test(name) && name !== 'samtale-brand') return name;
  }
  return undefined;
}
