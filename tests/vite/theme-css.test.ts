// A theme's source CSS for the dev page: local files by URL through Vite, not inlined.
import { describe, expect, it } from 'vitest';
import { devThemeCss, fsUrl, readDevThemeCss } from '../../src/vite/theme-css.js';
import { packageThemesDir } from '../../src/vite/preview.js';

describe('devThemeCss', () => {
  const resolveRef = (ref: string) => (ref.includes('missing') ? undefined : `/pkg/${ref.replace(/^\.\//, 'themes/x/')}`);

  it('points local and package url()s at /@fs/, quoted or not', () => {
    const css = `a { src: url("@fontsource/x/a.woff2") } b { background: url(./logo.svg) } c { background: url('./bg.png') }`;
    expect(devThemeCss(css, '/pkg/themes/x/theme.css', resolveRef)).toBe(
      'a { src: url("/@fs/pkg/@fontsource/x/a.woff2") } b { background: url("/@fs/pkg/themes/x/logo.svg") } c { background: url("/@fs/pkg/themes/x/bg.png") }',
    );
  });

  it('leaves data:, fragments, remote and unresolvable URLs alone, and drops comments', () => {
    const css = '/* url(./logo.svg) */ a { b: url(data:image/png;base64,AA); c: url(#f); d: url(https://x.dk/a.png); e: url(./missing.png) }';
    expect(devThemeCss(css, '/pkg/themes/x/theme.css', resolveRef)).toBe(' a { b: url(data:image/png;base64,AA); c: url(#f); d: url(https://x.dk/a.png); e: url(./missing.png) }');
  });

  it('makes Windows paths into /@fs/ URLs too', () => {
    expect(fsUrl('C:\\pkg\\a.woff2')).toBe('/@fs/C:/pkg/a.woff2');
  });

  it("reads samtale's default theme with its fonts resolved, and nothing for a theme without source", () => {
    const css = readDevThemeCss(packageThemesDir, 'default');
    expect(css).toMatch(/url\("\/@fs\/[^"]+atkinson-hyperlegible-next-latin-400-normal\.woff2"\)/);
    expect(css).not.toMatch(/url\("?@fontsource/);
    expect(readDevThemeCss(packageThemesDir, 'no-such-theme')).toBeUndefined();
  });
});
