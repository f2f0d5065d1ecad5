#!/usr/bin/env node
// How much text fits alone on a question, quote and action slide of the default theme, at its sizes and
// set dense (`samtale-dense`): the figures behind SLIDE_CAPACITY in src/pipeline/text-fit.ts.
//
//   node bench/slide-capacity.mjs        (starts Chromium: run it under the shared browser lock)
//
// It builds a deck of cards whose text grows 25 characters at a time (Danish words) into bench/.work/, opens it
// at 1280×720 and prints, per kind of slide, the longest text that stays inside the slide, normal and dense.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const WORK = join(ROOT, 'bench', '.work', 'capacity');
const { launchOptions } = await import(pathToFileURL(join(ROOT, 'lib', 'browser', 'find-browser.js')).href);

rmSync(WORK, { recursive: true, force: true });
mkdirSync(join(WORK, 'content'), { recursive: true });
mkdirSync(join(WORK, 'slides'), { recursive: true });
const words = 'Hvordan kan kommunalbestyrelsen bruge sociale medier til at styrke dialogen med borgerne og samtidig passe på tonen i debatten, når uenighederne bliver store og følelserne tager over'.split(' ');
const text = (n) => {
  let s = '';
  for (let i = 0; s.length < n; i++) s += (s ? ' ' : '') + words[i % words.length];
  return s.slice(0, n).trim();
};
const lengths = [];
for (let n = 100; n <= 1400; n += 25) lengths.push(n);
for (const n of lengths) {
  writeFileSync(join(WORK, 'content', `k${n}.md`), `---\ntitle: Kort ${n}\nminutes: 10\n---\n\n? ${text(n)}\n\n?! ${text(n)}\n\n> ${text(n)}\n>\n> -- Kilde, rolle, 2021\n\n::: notes\nN\n:::\n`);
}
writeFileSync(join(WORK, 'slides', 'm.yaml'), `title: M\ncards:\n${lengths.map((n) => `  - k${n}`).join('\n')}\n`);
const built = spawnSync(process.execPath, [join(ROOT, 'bin', 'samtale.js'), 'build'], { cwd: WORK, encoding: 'utf8' });
if (built.status !== 0) {
  console.error(built.stdout, built.stderr);
  process.exit(1);
}

const browser = await puppeteer.launch(launchOptions());
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 720 });
  await page.goto(pathToFileURL(join(WORK, 'dist', 'm', 'index.html')).href);
  await page.waitForFunction(() => window.Reveal?.isReady?.());
  // Fragments fade their size in; measuring mid-transition would see the old size.
  await page.addStyleTag({ content: '*, *::before { transition: none !important; }' });
  const rows = await page.evaluate(() => {
    const box = document.querySelector('.reveal .slides').getBoundingClientRect();
    const out = [];
    for (const slide of window.Reveal.getSlides()) {
      const kind = slide.dataset.slideKind;
      if (!['questions', 'quote', 'action'].includes(kind)) continue;
      window.Reveal.slide(window.Reveal.getIndices(slide).h, 0, 99);
      slide.querySelectorAll('.fragment').forEach((f) => f.classList.add('visible'));
      const fits = () => Array.from(slide.querySelectorAll('*')).every((el) => {
        if (el.closest('aside')) return true;
        const rect = el.getBoundingClientRect();
        return rect.height === 0 || rect.bottom <= box.bottom + 1;
      });
      // reveal.js centres a slide by its height: laid out again after each change of size.
      slide.classList.remove('samtale-dense');
      window.Reveal.layout();
      const normal = fits();
      slide.classList.add('samtale-dense');
      window.Reveal.layout();
      const dense = fits();
      out.push({ kind, length: Number(slide.dataset.card.slice(1)), normal, dense });
    }
    return out;
  });
  for (const kind of ['questions', 'quote', 'action']) {
    const own = rows.filter((r) => r.kind === kind);
    const longest = (key) => Math.max(0, ...own.filter((r) => r[key]).map((r) => r.length));
    console.log(`${kind.padEnd(10)} fits at the theme's sizes up to ${longest('normal')} characters, dense up to ${longest('dense')}`);
  }
} finally {
  await browser.close();
}
