// The plan of the whole seminar: every card and break with its time, planned and actual minutes, status.
//
// Rows are kept and updated in place (the table re-renders every second), so
// focus and scrolling stay put. Unplanned pauses appear after the card they
// interrupted. A card's title is a button that takes the deck there. Status
// is a mark before the title (✓ done, ▶ now), a line under it for skipped and
// passed-over cards, and the row's colour; the word itself is there for
// screen readers. Four columns fit the side column of a 1280 px window.
import { type Language, formatClock, formatCountdown } from '../../timing/format.js';
import type { RowProjection } from '../../timing/projection.js';
import { h, setAttr, setText } from '../dom.js';
import type { Command, SessionSnapshot } from '../protocol.js';
import type { FacilitatorStrings } from '../strings.js';

interface RowView {
  row: HTMLTableRowElement;
  time: HTMLElement;
  title: HTMLElement;
  mark: HTMLElement;
  sr: HTMLElement;
  sub: HTMLElement;
  planned: HTMLElement;
  actual: HTMLElement;
}

interface Line {
  key: string;
  kind: 'card' | 'break' | 'pause';
  row?: RowProjection;
  pause?: { from: number; seconds: number; open: boolean };
}

export class PlanTable {
  readonly element: HTMLElement;
  private readonly body: HTMLTableSectionElement;
  private readonly rows = new Map<string, RowView>();
  private order = '';

  constructor(
    private readonly doc: Document,
    private readonly strings: FacilitatorStrings,
    private readonly send: (command: Command) => void,
  ) {
    const c = strings.planColumns;
    this.body = h(doc, 'tbody');
    this.element = h(
      doc,
      'section',
      { class: 'fv-plan', 'aria-labelledby': 'fv-plan-heading' },
      h(doc, 'h2', { id: 'fv-plan-heading' }, strings.plan),
      h(
        doc,
        'table',
        { class: 'fv-plan-table' },
        h(
          doc,
          'thead',
          {},
          h(doc, 'tr', {}, ...[c.time, c.title, c.planned, c.actual].map((text, i) => h(doc, 'th', { scope: 'col', class: `fv-col-${i}` }, text))),
        ),
        this.body,
      ),
    );
  }

  render(snapshot: SessionSnapshot): void {
    const lines = this.lines(snapshot);
    const order = lines.map((l) => l.key).join('|');
    const views = lines.map((line) => this.rows.get(line.key) ?? this.create(line));
    if (order !== this.order) {
      this.order = order;
      this.body.replaceChildren(...views.map((v) => v.row));
    }
    lines.forEach((line, i) => this.update(views[i]!, line));
  }

  private lines(snapshot: SessionSnapshot): Line[] {
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
    const { doc } = this;
    const time = h(doc, 'td', { class: 'fv-col-0' });
    const sub = h(doc, 'span', { class: 'fv-plan-sub' });
    let title: HTMLElement;
    if (line.kind === 'card' && line.row) {
      const id = line.row.id;
      title = h(doc, 'button', { type: 'button', class: 'fv-plan-go', title: this.strings.goToCard(line.row.title ?? id) });
      title.addEventListener('click', () => this.send({ kind: 'goto-card', cardId: id }));
    } else {
      title = h(doc, 'span', { class: 'fv-plan-name' });
    }
    const planned = h(doc, 'td', { class: 'fv-col-2' });
    const actual = h(doc, 'td', { class: 'fv-col-3' });
    const mark = h(doc, 'span', { class: 'fv-plan-mark', 'aria-hidden': 'true' });
    const sr = h(doc, 'span', { class: 'fv-sr' });
    const row = h(doc, 'tr', { class: `fv-plan-row fv-plan-${line.kind}` }, time, h(doc, 'td', { class: 'fv-col-1' }, mark, title, sr, sub), planned, actual);
    if (line.row) row.dataset['id'] = line.row.id;
    const view = { row, time, title, mark, sr, sub, planned, actual };
    this.rows.set(line.key, view);
    return view;
  }

  private update(view: RowView, line: Line): void {
    const { strings } = this;
    const lang: Language = strings.language;
    const minutes = (seconds: number) => String(Math.round(seconds / 60));
    if (line.kind === 'pause' && line.pause) {
      setAttr(view.row, 'data-status', line.pause.open ? 'current' : 'done');
      setText(view.time, formatClock(line.pause.from, lang));
      setText(view.title, strings.unplannedPause);
      setText(view.sub, '');
      setText(view.planned, '');
      setText(view.actual, line.pause.open ? formatCountdown(line.pause.seconds) : minutes(line.pause.seconds));
      this.status(view, line.pause.open ? 'current' : 'done');
      return;
    }
    const row = line.row!;
    setAttr(view.row, 'data-status', row.status);
    setAttr(view.row, 'data-effective-seconds', row.effectiveSeconds);
    setAttr(view.row, 'data-actual-seconds', row.actualSeconds);
    setText(view.time, formatClock(row.plannedStart, lang));
    const name = row.kind === 'break' ? row.title ?? strings.breakTitle : row.title ?? row.id;
    setText(view.title, row.themeNumber === undefined ? name : `${row.themeNumber}. ${name}`);
    // What has moved: the expected start of what is ahead, when it differs from the plan; what will not be held.
    const moved = row.status === 'ahead' && row.start !== undefined && Math.abs(row.start - row.plannedStart) >= 60_000;
    setText(
      view.sub,
      row.status === 'skipped' || row.status === 'passed' ? strings.status[row.status] : moved ? strings.expectedAt(formatClock(row.start!, lang)) : '',
    );
    view.planned.replaceChildren();
    if (row.effectiveSeconds !== row.plannedSeconds) {
      view.planned.append(h(this.doc, 's', { class: 'fv-was' }, minutes(row.plannedSeconds)), ' ', minutes(row.effectiveSeconds));
    } else {
      view.planned.append(minutes(row.plannedSeconds));
    }
    const held = row.status === 'done' || row.status === 'current' || row.actualSeconds > 0;
    setText(view.actual, row.status === 'current' ? formatCountdown(row.actualSeconds) : held ? minutes(row.actualSeconds) : '–');
    this.status(view, row.status);
    view.row.classList.toggle('is-over', row.status === 'current' && row.kind === 'card' && row.actualSeconds > row.effectiveSeconds);
  }

  private status(view: RowView, status: RowProjection['status']): void {
    setText(view.mark, status === 'done' ? '✓' : status === 'current' ? '▶' : '');
    setText(view.sr, ` (${this.strings.status[status]})`);
  }
}
