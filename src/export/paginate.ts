// Lays a print document out into pages before Chromium prints it: runs in the page, through page.evaluate.
//
// Chromium cannot repeat a heading on the pages a block continues on (no `string-set`, no running
// elements), nor fill "the rest of the page" with ruled lines. So the page is measured instead: the
// document is laid out at the print width, and each `article.flow` (the cover, a card, a guide section)
// is walked row by row. A row that would cross the page's bottom starts a new page, after a copy of the
// flow's continuation header (its `<template class="continued">`, "Om at … (fortsat)"); a list is split
// between its items first. Rows never break inside (`break-inside: avoid`), so the printed pages are
// exactly the measured ones, and the page count comes back for the contents list and for tests.

export interface PaginateInput {
  /** Height of a page's content box, CSS px. */
  pageHeight: number;
  /** Ruled line pitch of the writing room, CSS px. */
  line: number;
  /** Fewer ruled lines than this left on a page: the writing room goes onto a page of its own. */
  minLines: number;
}

export interface FlowPages {
  id: string;
  firstPage: number;
  pages: number;
}

export interface PaginateOutput {
  pages: number;
  flows: FlowPages[];
  /** Rows taller than a whole page (Chromium will split them where it likes): a content problem. */
  overflows: string[];
}

/**
 * Must stay self-contained (no imports, no outer variables): Puppeteer sends its source text to the page.
 * A row taller than a page is split between lines of its text, so every page holds what was measured for
 * it and the contents list's page numbers are right.
 */
export function paginate(input: PaginateInput): PaginateOutput {
  // A little slack for rounding between the measured layout and the printed one.
  const limit = input.pageHeight - 3;
  const flows: FlowPages[] = [];
  const overflows: string[] = [];
  let page = 0;

  /** The flow's rows in document order; a `.group` is looked into, not kept together. */
  function* rows(container: Element): Generator<HTMLElement> {
    for (let el = container.firstElementChild; el; el = el.nextElementSibling) {
      if (el instanceof HTMLTemplateElement) continue;
      if (el.classList.contains('group')) yield* rows(el);
      else yield el as HTMLElement;
    }
  }
  /** Labels and headings stay on the page of what they introduce; so does a paragraph that is all bold. */
  const keepsWithNext = (el: Element) => el.classList.contains('keep-with-next') || /^H[1-6]$/.test(el.tagName)
    || (el.tagName === 'P' && el.children.length === 1 && /^(STRONG|B)$/.test(el.firstElementChild!.tagName)
      && el.textContent?.trim() === el.firstElementChild!.textContent?.trim());
  const describe = (el: Element) => `${el.closest('article.flow')?.id ?? '?'}: ${(el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 60)}`;

  for (const flow of Array.from(document.querySelectorAll<HTMLElement>('article.flow'))) {
    page += 1;
    const firstPage = page;
    let pageTop = flow.getBoundingClientRect().top;
    const bottomOf = (el: Element) => el.getBoundingClientRect().bottom - pageTop;

    const newPageBefore = (before: Element) => {
      const template = flow.querySelector<HTMLTemplateElement>(':scope > template.continued');
      const head = (template?.content.firstElementChild?.cloneNode(true) as HTMLElement | undefined) ?? document.createElement('div');
      head.classList.add('page-start');
      before.parentNode!.insertBefore(head, before);
      pageTop = head.getBoundingClientRect().top;
      page += 1;
    };

    const fillWriting = (writing: HTMLElement) => {
      const lines = writing.querySelector('.lines') ?? writing;
      let count = Math.floor((limit - bottomOf(writing)) / input.line);
      if (count < input.minLines) {
        newPageBefore(writing);
        count = Math.floor((limit - bottomOf(writing)) / input.line);
      }
      for (let i = 0; i < count; i++) lines.appendChild(document.createElement('div')).className = 'line';
    };

    /** Moves the items of a list that cross the page's bottom into a copy right after it; false if none can go. */
    const splitList = (list: HTMLElement) => {
      if ((list.tagName !== 'OL' && list.tagName !== 'UL') || list.children.length < 2) return false;
      const items = Array.from(list.children);
      const cut = items.findIndex((item) => bottomOf(item) > limit);
      if (cut <= 0) return false;
      const rest = list.cloneNode(false) as HTMLElement;
      if (list instanceof HTMLOListElement) (rest as HTMLOListElement).start = (list.hasAttribute('start') ? list.start : 1) + cut;
      for (const item of items.slice(cut)) rest.appendChild(item);
      list.after(rest);
      return true;
    };

    /**
     * Splits a row taller than the room left on the page between two lines of its text: the lines that fit
     * stay (as a copy of the row's elements), the rest stays in the row, which then starts the next page. A
     * list item split so keeps its number once: its rest is marked `continues`. False when no line fits.
     */
    const splitText = (row: HTMLElement) => {
      const texts: Text[] = [];
      const walker = document.createTreeWalker(row, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) if ((node as Text).length > 0) texts.push(node as Text);
      const total = texts.reduce((sum, t) => sum + t.length, 0);
      const at = (index: number): [Text, number] => {
        let rest = index;
        for (const text of texts) {
          if (rest < text.length) return [text, rest];
          rest -= text.length;
        }
        const last = texts[texts.length - 1]!;
        return [last, last.length];
      };
      const range = document.createRange();
      const bottomOfChar = (index: number) => {
        const [node, offset] = at(index);
        range.setStart(node, offset);
        range.setEnd(node, Math.min(node.length, offset + 1));
        return range.getBoundingClientRect().bottom - pageTop;
      };
      // The first character below the page's bottom: its line goes to the next page.
      let low = 0;
      let high = total;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (bottomOfChar(mid) > limit) high = mid;
        else low = mid + 1;
      }
      if (low <= 0 || low >= total) return false;
      // Back to the start of that line's first word, so no word is cut.
      let cut = low;
      while (cut > 0 && !/\s/.test(at(cut - 1)[0].data[at(cut - 1)[1]] ?? '')) cut--;
      if (cut <= 0) cut = low;
      const [node, offset] = at(cut);
      const head = document.createRange();
      head.setStartBefore(row);
      head.setEnd(node, offset);
      const fits = head.extractContents();
      row.parentNode!.insertBefore(fits, row);
      const item = row.tagName === 'OL' || row.tagName === 'UL' ? row.firstElementChild : row.tagName === 'LI' ? row : null;
      if (item) item.classList.add('continues');
      const before = row.previousElementSibling;
      if (row instanceof HTMLOListElement && before instanceof HTMLOListElement) row.start = (before.hasAttribute('start') ? before.start : 1) + before.children.length - 1;
      return true;
    };

    /** After a new page: a row still taller than the page is split (a list between items, else between lines) until it fits. */
    const fitOnPages = (row: HTMLElement) => {
      for (let guard = 0; bottomOf(row) > limit && guard < 500; guard++) {
        // The items that do not fit become the next row, which the walk puts on pages of their own.
        if (splitList(row)) return;
        if (!splitText(row)) {
          overflows.push(describe(row));
          return;
        }
        newPageBefore(row);
      }
    };

    let first: HTMLElement | undefined;
    /** The labels right above the current row, which go to a new page with it. */
    let labels: HTMLElement[] = [];
    for (const row of rows(flow)) {
      first ??= row;
      if (row.classList.contains('writing')) {
        fillWriting(row);
        labels = [];
        continue;
      }
      if (bottomOf(row) <= limit || row === first) {
        if (bottomOf(row) > limit) fitOnPages(row);
        labels = keepsWithNext(row) && row !== first ? [...labels, row] : [];
        continue;
      }
      // A list gives up its last items to the next page rather than moving whole.
      if (splitList(row)) {
        labels = [];
        continue;
      }
      // Text taller than a whole page starts where it is, filling this page, rather than leaving it empty.
      if (row.getBoundingClientRect().height > limit * 0.85 && splitText(row)) {
        newPageBefore(row);
        fitOnPages(row);
        labels = [];
        continue;
      }
      newPageBefore(labels[0] ?? row);
      fitOnPages(row);
      labels = keepsWithNext(row) ? [row] : [];
    }
    flows.push({ id: flow.id, firstPage, pages: page - firstPage + 1 });
  }

  for (const target of Array.from(document.querySelectorAll<HTMLElement>('[data-page-of]'))) {
    const flow = flows.find((f) => f.id === target.dataset['pageOf']);
    if (flow) target.textContent = String(flow.firstPage);
  }
  return { pages: page, flows, overflows };
}
