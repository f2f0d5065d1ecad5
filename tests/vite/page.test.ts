// The dev page: the built document with Vite's client, cut into parts, and what an open page must do about a change.
import { describe, expect, it } from 'vitest';
import { renderDocument } from '../../src/pipeline/render/document.js';
import { devDocument, errorDocument, planUpdate, splitDeckHtml } from '../../src/vite/page.js';

/** A document rendered by the real renderer, with a few plain sections as slides. */
function deckHtml(options: { slides?: string[]; css?: string; title?: string; language?: string; runtime?: string; csp?: string } = {}): string {
  const html = renderDocument({
    language: options.language ?? 'da',
    title: options.title ?? 'Testdæk',
    generator: 'samtale test',
    csp: options.csp ?? "default-src 'none'; script-src 'sha256-x'",
    css: options.css ?? '.reveal{color:red}',
    slides: [],
    model: { id: 'test', reveal: { width: 1280 } },
    runtimeScript: options.runtime ?? 'console.log("runtime")',
  });
  const sections = (options.slides ?? ['<section>Et</section>', '<section>To</section>']).join('\n');
  return html.replace('<div class="slides">\n', `<div class="slides">\n${sections}`);
}

describe('splitDeckHtml', () => {
  it('cuts the document into shell, slides, model and runtime, which put together give it back', () => {
    const html = deckHtml();
    const page = splitDeckHtml(html)!;
    expect(page.head.endsWith('<div class="slides">')).toBe(true);
    expect(page.slides).toBe('<section>Et</section>\n<section>To</section>');
    expect(JSON.parse(page.model)).toEqual({ id: 'test', reveal: { width: 1280 } });
    expect(page.tail).toMatch(/^<\/script>\n<script>console\.log\("runtime"\)<\/script>/);
    expect(html.startsWith(page.head)).toBe(true);
    expect(html).toContain(page.model);
  });

  it('is undefined for a document of another shape', () => {
    expect(splitDeckHtml('<!doctype html><body><p>nope</p></body>')).toBeUndefined();
  });
});

describe('planUpdate', () => {
  const before = splitDeckHtml(deckHtml())!;

  it('updates in place when only slides and model changed', () => {
    const next = splitDeckHtml(deckHtml({ slides: ['<section>Et</section>', '<section>Tre</section>'] }))!;
    expect(planUpdate(before, next, 7)).toEqual({ kind: 'hot', update: { version: 7, slides: '<section>Et</section>\n<section>Tre</section>', model: next.model } });
  });

  it('sends the style and the title along when they changed', () => {
    const next = splitDeckHtml(deckHtml({ css: '.reveal{color:blue}', title: 'Nyt & bedre' }))!;
    expect(planUpdate(before, next, 2)).toMatchObject({ kind: 'hot', update: { css: '.reveal{color:blue}', title: 'Nyt &amp; bedre' } });
  });

  it('reloads when the rest of the page changed: the runtime, the language, the policy; or on the first build', () => {
    for (const changed of [{ runtime: 'console.log(2)' }, { language: 'en' }, { csp: "default-src 'none'" }]) {
      expect(planUpdate(before, splitDeckHtml(deckHtml(changed))!, 2), JSON.stringify(changed)).toEqual({ kind: 'reload' });
    }
    expect(planUpdate(undefined, before, 1)).toEqual({ kind: 'reload' });
  });

  it('does nothing when the document is the same', () => {
    expect(planUpdate(before, splitDeckHtml(deckHtml())!, 2)).toEqual({ kind: 'unchanged' });
  });
});

describe('devDocument', () => {
  const html = devDocument(deckHtml(), { version: 3 });

  it("has Vite's client and ours in the head, and the version the page shows", () => {
    const head = html.slice(0, html.indexOf('</head>'));
    expect(head).toContain('<meta name="samtale-dev-version" content="3">');
    expect(head).toContain('<script type="module" src="/@vite/client"></script>');
    expect(head).toContain('<script type="module" src="/@samtale/client"></script>');
  });

  it('has the dev policy in place of the built one, escaped as an attribute', () => {
    expect(html).toContain('content="default-src &#39;none&#39;; script-src &#39;sha256-x&#39; &#39;self&#39;; connect-src &#39;self&#39; ws: wss:; worker-src blob:"');
    expect(html.match(/Content-Security-Policy/g)).toHaveLength(1);
  });

  it('carries an error for the overlay as JSON that cannot end its script', () => {
    const withError = devDocument(deckHtml(), { version: 1, error: { message: 'bad </script> here', stack: '' } });
    expect(withError).toContain('<script type="application/json" id="samtale-dev-error">{"message":"bad \\u003c/script> here","stack":""}</script>');
  });

  it('keeps the slides, the model and the runtime as built', () => {
    const built = splitDeckHtml(deckHtml())!;
    const served = splitDeckHtml(html)!;
    expect(served.slides).toBe(built.slides);
    expect(served.model).toBe(built.model);
    expect(served.tail).toBe(built.tail);
  });
});

describe('errorDocument', () => {
  it('is a page with the error for the overlay, the clients and the dev policy', () => {
    const html = errorDocument({ message: 'content/a.md:3:1: unknown key <x>', stack: '' }, { version: 4, language: 'en' });
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('id="samtale-dev-error"');
    expect(html).toContain('<script type="module" src="/@samtale/client"></script>');
    expect(html).toContain('unknown key &lt;x&gt;');
    expect(html).toContain('script-src &#39;self&#39;');
  });
});
