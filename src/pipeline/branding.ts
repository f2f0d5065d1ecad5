// A deck's branding: the logo and font files read as data URLs, colours checked for AA contrast, and the CSS.
import { readFileSync } from 'node:fs';
import { dirname, extname, relative, resolve } from 'node:path';
import type { Branding } from '../config/schemas.js';
import { AA_CONTRAST, contrastRatio, mix, nearestPassingShade, parseHex, toHex, type Rgb } from '../config/colour.js';
import type { Diagnostics } from '../diagnostics/deck-error.js';
import type { SourcePosition } from '../model.js';
import { locate } from '../project/places.js';
import { pathFromProjectHint, siblingFileHint } from './media-paths.js';

/** Branding ready for rendering: colours and files as data URLs. */
export interface BrandingAssets {
  primary?: string;
  accent?: string;
  /** The brand colour for bars, rules and backgrounds, with the text colour that reads on it. */
  highlight?: { colour: string; text: string };
  logo?: { dataUrl: string };
  font?: { dataUrl: string; format: string };
}

/** The theme colours branding is checked against (from the theme's tokens). */
export interface ThemeColours {
  bg: string;
  /** The body text colour: the dark text a light highlight carries. */
  text: string;
  onPrimary: string;
  onAccent: string;
}

const LOGO_TYPES: Record<string, string> = { '.svg': 'image/svg+xml', '.png': 'image/png' };
const FONT_TYPES: Record<string, [string, string]> = {
  '.woff2': ['font/woff2', 'woff2'], '.woff': ['font/woff', 'woff'], '.ttf': ['font/ttf', 'truetype'], '.otf': ['font/otf', 'opentype'],
};
/** Above this a logo or font makes every deck heavy; it still works, so it is a warning. */
const LARGE_FILE = 512 * 1024;

/** Reads and checks the branding of a manifest. `positionOf` finds where a branding key was written. */
export function loadBranding(
  branding: Branding | undefined,
  manifestFile: string,
  root: string,
  theme: ThemeColours | undefined,
  positionOf: (key: keyof Branding) => SourcePosition,
  diagnostics: Diagnostics,
): BrandingAssets {
  if (!branding) return {};
  const assets: BrandingAssets = {};
  if (branding.logo) {
    const file = readAsset(branding.logo, LOGO_TYPES, 'logo', manifestFile, root, positionOf('logo'), diagnostics);
    if (file) assets.logo = { dataUrl: file.dataUrl };
  }
  if (branding.font) {
    const types = Object.fromEntries(Object.entries(FONT_TYPES).map(([ext, [mime]]) => [ext, mime]));
    const file = readAsset(branding.font, types, 'font', manifestFile, root, positionOf('font'), diagnostics);
    if (file) assets.font = { dataUrl: file.dataUrl, format: FONT_TYPES[file.ext]![1] };
  }
  if (theme) checkColours(branding, theme, positionOf, diagnostics);
  if (branding.primary) assets.primary = branding.primary.toLowerCase();
  if (branding.accent) assets.accent = branding.accent.toLowerCase();
  if (branding.highlight && theme) {
    const text = textOn(parseHex(branding.highlight), theme);
    if (text) assets.highlight = { colour: branding.highlight.toLowerCase(), text };
  }
  return assets;
}

function readAsset(path: string, types: Record<string, string>, what: string, manifestFile: string, root: string,
  at: SourcePosition, diagnostics: Diagnostics): { dataUrl: string; ext: string } | undefined {
  const file = resolve(dirname(manifestFile), path);
  const ext = extname(file).toLowerCase();
  const found = locate(root, file, manifestFile);
  if (found.kind === 'outside') {
    const link = found.viaLink ? ` through a link to ${found.real}` : '';
    const where = found.installed ? 'into node_modules/, which is not part of the project' : `outside the project folder${link}`;
    diagnostics.error('E_MEDIA_OUTSIDE_PROJECT', `${what} "${path}" points ${where}`, at,
      `put it in the project, e.g. content/<municipality>/${link ? ', not a link' : ''}`);
    return undefined;
  }
  if (!types[ext]) {
    const formats = formatNames(Object.keys(types));
    diagnostics.error('E_MEDIA_FORMAT', `${what} "${path}" is not a supported file: a ${what} is ${formats}`, at,
      siblingFileHint(path, file, Object.keys(types)) ?? `save it as ${formats}`);
    return undefined;
  }
  if (found.kind === 'missing') {
    diagnostics.error('E_MEDIA_MISSING', `${what} "${path}" does not exist`, at,
      pathFromProjectHint(path, manifestFile, root) ?? siblingFileHint(path, file, Object.keys(types))
        ?? `the path is relative to ${relative(root, manifestFile)}, and ${relative(root, dirname(file)) || 'the project folder'}/ has no ${formatNames(Object.keys(types))} file by that name`);
    return undefined;
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(found.real);
  } catch (error) {
    diagnostics.error('E_MEDIA_UNREADABLE', `${what} "${path}" cannot be read: ${(error as Error).message}`, at);
    return undefined;
  }
  if (bytes.length > LARGE_FILE) {
    diagnostics.warning('W_LARGE_MEDIA', `${what} "${path}" is ${Math.round(bytes.length / 1024)} KB; it is inlined into every deck`, at, 'a logo as SVG, or a font subset, is much smaller');
  }
  return { dataUrl: `data:${types[ext]};base64,${bytes.toString('base64')}`, ext };
}

/** ".svg", ".png" → "SVG or PNG". */
function formatNames(extensions: readonly string[]): string {
  const names = extensions.map((ext) => ext.slice(1).toUpperCase());
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}

/** Where the theme puts each colour, and what must stay legible there. */
interface ColourPair {
  fg: Rgb;
  bg: Rgb;
  where: string;
}

type TextColour = 'primary' | 'accent';

/** The places the theme sets text in (or on) a colour: each must reach WCAG AA. */
function colourPairs(key: TextColour, colour: Rgb, theme: ThemeColours): ColourPair[] {
  const bg = parseHex(theme.bg);
  if (key === 'primary') {
    return [
      { fg: colour, bg, where: `as text on the background ${theme.bg}` },
      { fg: parseHex(theme.onPrimary), bg: colour, where: `behind ${theme.onPrimary} text` },
    ];
  }
  return [
    { fg: colour, bg, where: `as text on the background ${theme.bg}` },
    { fg: parseHex(theme.onAccent), bg: colour, where: `behind ${theme.onAccent} text` },
    { fg: colour, bg: actionBackground(colour, bg), where: 'as text on the action slide' },
  ];
}

const passesAll = (key: TextColour, theme: ThemeColours) => (colour: Rgb) =>
  colourPairs(key, colour, theme).every((pair) => contrastRatio(pair.fg, pair.bg) >= AA_CONTRAST);

function checkColours(branding: Branding, theme: ThemeColours, positionOf: (key: keyof Branding) => SourcePosition, diagnostics: Diagnostics): void {
  const failures = (['primary', 'accent'] as const).flatMap((key) => {
    const value = branding[key];
    const failing = value ? colourPairs(key, parseHex(value), theme).find((pair) => contrastRatio(pair.fg, pair.bg) < AA_CONTRAST) : undefined;
    return value && failing ? [{ key, value, failing, ratio: contrastRatio(failing.fg, failing.bg) }] : [];
  });
  // A deck has one highlight: only one failing colour is offered as it, the lightest (the one least fit for text).
  const offered = branding.highlight === undefined ? [...failures].sort((a, b) => contrastRatio(parseHex(a.value), parseHex(theme.bg)) - contrastRatio(parseHex(b.value), parseHex(theme.bg)))[0]?.key : undefined;
  for (const { key, value, failing, ratio } of failures) {
    const other = offered !== undefined && offered !== key ? offered : undefined;
    diagnostics.error('E_CONTRAST', `branding: ${key} ${value} has contrast ${ratio.toFixed(2)}:1 ${failing.where}; WCAG AA needs ${AA_CONTRAST}:1`,
      positionOf(key), shadeHint(key, value, nearestPassingShade(parseHex(value), passesAll(key, theme)), theme, offered === key, other));
  }
  if (branding.highlight && !textOn(parseHex(branding.highlight), theme)) {
    const readable = (colour: Rgb) => textOn(colour, theme) !== undefined;
    const shade = nearestPassingShade(parseHex(branding.highlight), readable);
    diagnostics.error('E_CONTRAST', `branding: highlight ${branding.highlight} carries labels, and neither ${theme.onAccent} nor ${theme.text} text reaches WCAG AA (${AA_CONTRAST}:1) on it`,
      positionOf('highlight'), shade ? `the nearest shade that does is "${shade}"` : 'choose a clearly lighter or darker colour');
  }
}

/** The exact nearest shade that passes, and where the brand colour itself can go instead. */
function shadeHint(key: TextColour, value: string, shade: string | undefined, theme: ThemeColours, asHighlight: boolean, highlightOf?: TextColour): string {
  const keep = asHighlight ? `, and keep the brand colour as highlight: "${value}" for bars, rules and backgrounds, where no text is set in it`
    : highlightOf ? ` (the deck has one highlight colour: the hint for ${highlightOf} suggests it)` : '';
  if (!shade) return `choose a darker shade of the colour; the theme puts it on light backgrounds and under white text${keep}`;
  const worst = Math.min(...colourPairs(key, parseHex(shade), theme).map((pair) => contrastRatio(pair.fg, pair.bg)));
  return `the nearest shade that passes everywhere the theme uses ${key} is ${shade} (${worst.toFixed(2)}:1): write ${key}: "${shade}"${keep}`;
}

/** The theme's text colour that reads on a highlight: its light one (white) if it can, else its dark one. */
function textOn(highlight: Rgb, theme: ThemeColours): string | undefined {
  return [theme.onAccent, theme.text].find((text) => contrastRatio(parseHex(text), highlight) >= AA_CONTRAST);
}

/** The light tint behind the action question, made from the accent. */
function actionBackground(accent: Rgb, bg: Rgb): Rgb {
  return mix(accent, bg, 0.1);
}

/** The colour tokens an adaptation's branding sets over the theme's (`color-primary` → `#0f5b52`), derived shades included. */
export function brandingColourTokens(assets: BrandingAssets, theme: ThemeColours | undefined): Record<string, string> {
  const tokens: Record<string, string> = {};
  const bg = parseHex(theme?.bg ?? '#ffffff');
  if (assets.primary) {
    tokens['color-primary'] = assets.primary;
    tokens['color-primary-soft'] = toHex(mix(parseHex(assets.primary), bg, 0.09));
  }
  if (assets.accent) {
    tokens['color-accent'] = assets.accent;
    tokens['color-accent-strong'] = assets.accent;
    tokens['color-action-bg'] = toHex(actionBackground(parseHex(assets.accent), bg));
  }
  if (assets.highlight) {
    tokens['color-highlight'] = assets.highlight.colour;
    tokens['color-on-highlight'] = assets.highlight.text;
  }
  return tokens;
}

/** CSS custom properties over the theme's tokens (docs: themes/default/theme.css). */
export function brandingCss(assets: BrandingAssets, theme: ThemeColours | undefined): string {
  const props = Object.entries(brandingColourTokens(assets, theme)).map(([name, value]) => `--samtale-${name}:${value}`);
  if (assets.logo) props.push(`--samtale-logo:url("${assets.logo.dataUrl}")`, '--samtale-logo-height:96px');
  const rules: string[] = [];
  if (assets.font) {
    rules.push(`@font-face{font-family:"samtale-brand";src:url("${assets.font.dataUrl}") format("${assets.font.format}");font-weight:100 900;font-style:normal;font-display:block}`);
    props.push('--samtale-font-body:"samtale-brand",system-ui,sans-serif');
  }
  if (props.length > 0) rules.push(`:root{${props.join(';')}}`);
  return rules.join('\n');
}
