// Raw HTML that opens an element and never closes it, found by line: the scan behind E_HTML_UNCLOSED.
import { describe, expect, it } from 'vitest';
import { unclosedElements } from '../../src/pipeline/parse/html-balance.js';

const tags = (html: string) => unclosedElements([{ html, line: 1 }]).map((e) => e.tag);

describe('unclosedElements', () => {
  it('finds an element opened and never closed, at its line', () => {
    expect(unclosedElements([{ html: '<p>Tekst</p>', line: 3 }, { html: '<div class="boks">', line: 5 }, { html: '<b>x</b>', line: 7 }]))
      .toEqual([{ tag: '<div>', line: 5, offset: 0 }]);
    expect(unclosedElements([{ html: 'a\n<section>', line: 10 }])).toEqual([{ tag: '<section>', line: 11, offset: 2 }]);
  });

  it('accepts what HTML closes by itself: void elements, self-closed tags, optional end tags', () => {
    expect(tags('<br><img src="x.png" alt="x"><hr/><input>')).toEqual([]);
    expect(tags('<ul><li>en<li>to</ul><p>a<p>b<table><tr><td>x</table>')).toEqual([]);
    expect(tags('<svg viewBox="0 0 1 1"><path d="M0 0"/></svg>')).toEqual([]);
  });

  it('reads a tag across fragments, and quoted values holding ">"', () => {
    expect(unclosedElements([{ html: '<div title="a > b">', line: 1 }, { html: 'tekst', line: 2 }, { html: '</DIV>', line: 3 }])).toEqual([]);
    expect(tags("<span data-x='<i>'>x</span>")).toEqual([]);
  });

  it('finds a script, style or textarea that swallows the rest, and an unclosed comment', () => {
    expect(tags('<script>alert(1)')).toEqual(['<script>']);
    expect(tags('<style>p { color: red }</style><textarea>')).toEqual(['<textarea>']);
    expect(tags('<script>if (a < b) document.write("<div>")</script>')).toEqual([]);
    expect(tags('<!-- en kommentar')).toEqual(['<!--']);
    expect(tags('<!-- <div> --> fint')).toEqual([]);
  });

  it('lets an end tag close what was opened inside it', () => {
    expect(tags('<div><span>x</div>')).toEqual([]);
    expect(tags('</div><em>')).toEqual(['<em>']);
  });
});
