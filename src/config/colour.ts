// Colour arithmetic for branding checks: parsing "#rrggbb", mixing, and WCAG contrast ratios.

export type Rgb = [number, number, number];

/** "#abc" or "#aabbcc" to [r, g, b] in 0–255. */
export function parseHex(hex: string): Rgb {
  const digits = hex.replace('#', '');
  const full = digits.length === 3 ? [...digits].map((d) => d + d).join('') : digits;
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as Rgb;
}

export function toHex(rgb: Rgb): string {
  return `#${rgb.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
}

/** `share` of `a` over `b` (0–1), as paint over paint. */
export function mix(a: Rgb, b: Rgb, share: number): Rgb {
  return a.map((v, i) => v * share + b[i]! * (1 - share)) as Rgb;
}

function luminance([r, g, b]: Rgb): number {
  const channel = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** The WCAG 2 contrast ratio of two colours, 1–21. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** WCAG AA for normal text. */
export const AA_CONTRAST = 4.5;

const BLACK: Rgb = [0, 0, 0];
const WHITE: Rgb = [255, 255, 255];

/**
 * The shade of `colour` closest to it (mixed with black, or with white) that `passes`, as "#rrggbb";
 * undefined when neither way gets there.
 */
export function nearestPassingShade(colour: Rgb, passes: (shade: Rgb) => boolean): string | undefined {
  const candidates = [BLACK, WHITE].flatMap((toward) => {
    const at = (share: number) => parseHex(toHex(mix(toward, colour, share)));
    if (!passes(at(1))) return [];
    let [low, high] = [0, 1];
    for (let step = 0; step < 24; step++) {
      const middle = (low + high) / 2;
      if (passes(at(middle))) high = middle;
      else low = middle;
    }
    return [{ share: high, hex: toHex(at(high)) }];
  });
  return candidates.sort((a, b) => a.share - b.share)[0]?.hex;
}
