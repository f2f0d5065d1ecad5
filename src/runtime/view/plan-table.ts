// The day's plan, compact: every card and break with when it starts, its planned and used minutes, its status.
//
// Rows are kept and updated in place (the table re-renders every second), so focus and scrolling stay
// put; the current card is kept in view inside the table's own scroll area, so the plan never needs the
// page scrolled. The time is when the row started (held cards, a break taken) or is expected to start (the
// rest; before the start, the planned time). Whether the day is ahead or behind is said once, in the top
// bar; the rows carry no colour of lateness. A card's title takes the deck there; cards still to come
// can be left out, and left-out cards taken back.
import { button, h, setAttr, setText } from '../kit/dom.js';
import { type Language, formatClock, formatCountdown } from '../kit/format.js';
import type { RowProjection } from '../seminar/projection.js';
import type { Command, Snapshot } from '../protocol.js';
import type { Strings } from '../strings/index.js';

interface RowView {
  row: HTMLTableRowElement;
  time: HTMLElement;
  title: HTMLElement;
  mark: HTMLElement;
  sr: HTMLElement;
  planned: HTMLElement;
  actual: HTMLElement;
  action: HTMLElement;
  toggle?: HTMLButtonElement;
}

interface Line {
  key: string;
  kind: 'card' | 'break' | 'pause';
  row?: RowProjection;
  pause?: { from: number; seconds: number; open: boolean };
}

export class PlanTable {
  readonly element: HTMLElement;
  private readonly scroller: HTMLElement;
  private readonly body: HTMLTableSectionElement;
  private readonly rows = new Map<string, RowView>();
  private order = '';
  private currentKey = '';

  constructor(
    private readonly doc: Document,
    private readonly strings: Strings,
    private readonly send: (command: Command) => void,
  ) {
    const c = strings.planColumns;
    this.body = h(doc, 'tbody');
    this.scroller = h(
      doc,
      'div',
      { class: 'fv-plan-scroll' },
      h(
        doc,
        'table',
        { class: 'fv-plan-table' },
        h(doc, 'thead', {}, h(doc, 'tr', {}, ...[c.time, c.title, c.planned, c.actual, c.action].map((text, i) => h(doc, 'th', { scope: 'col', class: `fv-col-${i}` }, i === 4 ? h(doc, 'span', { class: 'fv-sr' }, text) : text)))),
        this.body,
      ),
    );
    this.element = h(doc, 'section', { class: 'fv-plan', 'aria-labelledby': 'fv-plan-heading' }, h(doc, 'h2', { id: 'fv-plan-heading' }, strings.plan), this.scroller);
  }

  render(snapshot: Snapshot): void {
    const lines = this.lines(snapshot);
    const order = lines.map((l) => l.key).join('|');
    const views = lines.map((line) => this.rows.get(line.key) ?? this.create(line));
    if (order !== this.order) {
      this.order = order;
      this.body.replaceChildren(...views.map((v) => v.row));
    }
    lines.forEach((line, i) => this.update(views[i]!, line, snapshot));
    const current = lines.find((l) => l.row?.status === 'current') ?? lines.find((l) => l.row?.status === 'ahead');
    const key = current?.key ?? '';
    if (key !== this.currentKey) {
      this.currentKey = key;
      const row = this.rows.get(key)?.row;
      if (row) this.keepInView(row);
    }
  }

  /** Scrolls the table's own area (never the page) so that `row` and the one before it show. */
  private keepInView(row: HTMLElement): void {
    const area = this.scroller.getBoundingClientRect();
    const box = row.getBoundingClientRect();
    const header = this.scroller.querySelector('thead')?.getBoundingClientRect().height ?? 0;
    const top = box.top - area.top + this.scroller.scrollTop - header - box.height;
    const bottom = box.bottom - area.top + this.scroller.scrollTop;
    if (top < this.scroller.scrollTop || bottom > this.scroller.scrollTop + this.scroller.clientHeight) this.scroller.scrollTop = Math.max(0, top);
  }

  private lines(snapshot: Snapshot): Line[] {
    const { projection } = snapshot;
    const lines: Line[] = [];
    const unplanned = projection.pauses.filter((p) => p.breakId === undefined);
    const pauseLine = (p: (typeof unplanned)[number], i: number): Line => ({
      key: `pause-${p.from}-${i}`,
      kind: 'pause',
      pause: { from: p.from, seconds: p.seconds, open: p.to === undefined },
    });
    // Pauses before any card (on the title slide) go first.
    unplanned.forEach((p, i) => {
      if (p.cardId === undefined) lines.push(pauseLine(p, i));
    });
    for (const row of projection.rows) {
      lines.push({ key: `${row.kind}-${row.id}`, kind: row.kind, row });
      if (row.kind === 'card') unplanned.forEach((p, i) => p.cardId === row.id && lines.push(pauseLine(p, i)));
    }
    return lines;
  }

  private create(line: Line): RowView {
    const { doc, strings } = this;
    const time = h(doc, 'td', { class: 'fv-col-0' });
    let title: HTMLElement;
    let toggle: HTMLButtonElement | undefined;
    if (line.kind === 'card' && line.row) {
      const id = line.row.id;
      const name = line.row.title ?? id;
      title = button(doc, '', () => this.send({ kind: 'goto-card', cardId: id }), { class: 'fv-plan-go', title: strings.goToCard(name) });
      toggle = button(doc, '', () => {
        const skipped = toggle!.dataset['skipped'] === 'true';
        this.send({ kind: 'event', event: skipped ? { type: 'unskip', cardId: id } : { type: 'skip', cardId: id } });
      }, { class: 'fv-link-button fv-plan-toggle', 'data-action': 'toggle-skip', 'data-card': id });
    } else {
      title = h(doc, 'span', { class: 'fv-plan-name' });
    }
    const planned = h(doc, 'td', { class: 'fv-col-2' });
    const actual = h(doc, 'td', { class: 'fv-col-3' });
    const action = h(doc, 'td', { class: 'fv-col-4' }, toggle ?? null);
    const mark = h(doc, 'span', { class: 'fv-plan-mark', 'aria-hidden': 'true' });
    const sr = h(doc, 'span', { class: 'fv-sr' });
    const row = h(doc, 'tr', { class: `fv-plan-row fv-plan-${line.kind}` }, time, h(doc, 'td', { class: 'fv-col-1' }, mark, title, sr), planned, actual, action);
    if (line.row) row.dataset['id'] = line.row.id;
    const view: RowView = { row, time, title, mark, sr, planned, actual, action, ...(toggle ? { toggle } : {}) };
    this.rows.set(line.key, view);
    return view;
  }

  private update(view: RowView, line: Line, snapshot: Snapshot): void {
    const { strings } = this;
    const lang: Language = strings.language;
    const minutes = (seconds: number) => String(Math.round(seconds / 60));
    if (line.kind === 'pause' && line.pause) {
      setAttr(view.row, 'data-status', line.pause.open ? 'current' : 'done');
      setText(view.time, formatClock(line.pause.from, lang));
      setText(view.title, strings.unplannedPause);
      setText(view.planned, '');
      setText(view.actual, line.pause.open ? formatCountdown(line.pause.seconds) : minutes(line.pause.seconds));
      this.status(view, line.pause.open ? 'current' : 'done');
      return;
    }
    const row = line.row!;
    setAttr(view.row, 'data-status', row.status);
    setAttr(view.row, 'data-effective-seconds', row.effectiveSeconds);
    setAttr(view.row, 'data-actual-seconds', row.actualSeconds);
    const when = row.start ?? row.plannedStart;
    setText(view.time, row.status === 'skipped' || row.status === 'passed' ? '' : formatClock(when, lang));
    const name = row.kind === 'break' ? row.title ?? strings.breakTitle : row.title ?? row.id;
    setText(view.title, row.themeNumber === undefined ? name : `${row.themeNumber}. ${name}`);
    const changed = row.effectiveSeconds !== row.plannedSeconds;
    setText(view.planned, row.status === 'skipped' ? '' : changed ? `${minutes(row.effectiveSeconds)}*` : minutes(row.plannedSeconds));
    setText(view.actual, row.status === 'current' && row.kind === 'break' ? formatCountdown(row.actualSeconds) : row.actualSeconds > 0 ? minutes(row.actualSeconds) : '');
    this.status(view, row.status);
    if (view.toggle) {
      const skipped = row.status === 'skipped';
      const offer = skipped || (row.status === 'ahead' && snapshot.projection.phase !== 'ended');
      view.toggle.hidden = !offer;
      view.toggle.dataset['skipped'] = String(skipped);
      setText(view.toggle, skipped ? strings.unskipCard : strings.skipCard);
      setAttr(view.toggle, 'aria-label', skipped ? strings.unskipCardName(name) : strings.skipCardName(name));
    }
  }

  private status(view: RowView, status: RowProjection['status']): void {
    setText(view.mark, status === 'done' ? '✓' : status === 'current' ? '▶' : '');
    setText(view.sr, ` (${this.strings.status[status]})`);
  }
}
