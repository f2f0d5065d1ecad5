// Rendered HTML as paragraphs of styled runs: what the PowerPoint text boxes and notes are made of.
import { describe, expect, it } from 'vitest';
import { htmlParagraphs, paragraphsText } from '../../src/pptx/html-text.js';
import { notesParagraphsXml } from '../../src/pptx/package.js';

describe('htmlParagraphs', () => {
  it('reads inline HTML as one paragraph, keeping emphasis, links and Danish letters', () => {
    expect(htmlParagraphs('Hvad bruger <em>I</em> dem til &amp; <strong>hvorfor</strong>? Se <a href="https://www.kl.dk/">kl.dk</a> – æøå')).toEqual([{
      runs: [
        { text: 'Hvad bruger ' }, { text: 'I', italic: true }, { text: ' dem til & ' }, { text: 'hvorfor', bold: true },
        { text: '? Se ' }, { text: 'kl.dk', link: 'https://www.kl.dk/' }, { text: ' – æøå' },
      ],
    }]);
  });

  it('makes paragraphs, numbered and bulleted items, headings and a divider of the notes', () => {
    const notes = htmlParagraphs('<p class="notes-meta">Tema 1 af 10 · 20 min.</p>\n<ul>\n<li>Læs højt.</li>\n</ul>\n<hr class="notes-divider">\n'
      + '<p><strong>Forløb (20 min)</strong></p>\n<ol>\n<li>(2 min) Læs citaterne.</li>\n<li><p>(5 min) To og to.</p>\n<ul><li>Saml op.</li></ul></li>\n</ol>');
    expect(notes.map((p) => ({ text: p.runs.map((r) => r.text).join(''), list: p.list, heading: p.heading, divider: p.divider, className: p.className }))).toEqual([
      { text: 'Tema 1 af 10 · 20 min.', className: 'notes-meta' },
      { text: 'Læs højt.', list: { ordered: false, level: 0 } },
      { text: '', divider: true },
      { text: 'Forløb (20 min)', heading: true },
      { text: '(2 min) Læs citaterne.', list: { ordered: true, level: 0, number: 1 } },
      { text: '(5 min) To og to.', list: { ordered: true, level: 0, number: 2 } },
      { text: 'Saml op.', list: { ordered: false, level: 1 } },
    ].map((p) => Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined))) as never);
    expect(paragraphsText(notes)).toBe('Tema 1 af 10 · 20 min.\n• Læs højt.\n―――\nForløb (20 min)\n1. (2 min) Læs citaterne.\n2. (5 min) To og to.\n  • Saml op.');
  });

  it('leaves out what is not text: scripts, styles, SVG', () => {
    expect(paragraphsText(htmlParagraphs('<p>Før<script>alert(1)</script><svg><text>x</text></svg> efter</p>'))).toBe('Før efter');
  });
});

describe('notesParagraphsXml', () => {
  it('writes the notes as DrawingML paragraphs in the deck language, escaped', () => {
    const xml = notesParagraphsXml(htmlParagraphs('<p><strong>Formål</strong></p><ol start="3"><li>A &lt;b&gt; &amp; "c"</li></ol>'), 'da-DK');
    expect(xml).toBe('<a:p><a:pPr marL="0" indent="0"><a:buNone/></a:pPr><a:r><a:rPr lang="da-DK" b="1" dirty="0"/><a:t>Formål</a:t></a:r></a:p>'
      + '<a:p><a:pPr marL="285750" indent="-285750"><a:buFont typeface="+mj-lt"/><a:buAutoNum type="arabicPeriod" startAt="3"/></a:pPr>'
      + '<a:r><a:rPr lang="da-DK" dirty="0"/><a:t>A &lt;b&gt; &amp; &quot;c&quot;</a:t></a:r></a:p>');
  });
});
