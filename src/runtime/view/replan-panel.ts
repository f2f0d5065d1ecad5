// The re-plan proposals when the seminar runs behind, applied with one action; and undo afterwards.
//
// Offered by a button beside the day's signal in the top bar ("6 min. bagud") once the seminar is behind by
// a margin that matters (five minutes); the choices open in a dialog, so they never push the plan or the
// notes aside. The dialog is
// rebuilt only when the proposals change (at most once a minute while a card overruns); the facilitator's
// choice (shorten, or which card to skip) is kept across rebuilds. After a re-plan, a line over the plan
// says so and offers to undo it.
import { button, h } from '../kit/dom.js';
import { formatClock } from '../kit/format.js';
import type { Replan } from '../seminar/replan.js';
import type { Command, Snapshot } from '../protocol.js';
import type { Strings } from '../strings/index.js';

export class ReplanPanel {
  /** The button offering the re-plan, beside the day's signal in the top bar ("6 min. bagud"). */
  readonly banner: HTMLButtonElement;
  readonly dialog: HTMLDialogElement;
  /** The line over the plan after a re-plan, with its undo. */
  readonly undo: HTMLElement;
  private readonly body: HTMLElement;
  private signature = '';
  private undoSignature = '';
  private choice: 'shorten' | 'skip' = 'shorten';
  private skipId: string | undefined;

  constructor(
    private readonly doc: Document,
    private readonly strings: Strings,
    private readonly send: (command: Command) => void,
  ) {
    this.banner = button(doc, strings.replanOpen, () => this.dialog.showModal(), { class: 'fv-button fv-small-button fv-replan-open', 'data-action': 'open-replan', 'aria-haspopup': 'dialog', hidden: true });
    this.body = h(doc, 'div', { class: 'fv-replan' });
    this.dialog = h(
      doc,
      'dialog',
      { class: 'fv-dialog fv-replan-dialog', 'aria-labelledby': 'fv-replan-heading' },
      h(doc, 'div', { class: 'fv-dialog-head' }, h(doc, 'h2', { id: 'fv-replan-heading' }, strings.replanTitle), button(doc, strings.close, () => this.dialog.close(), { class: 'fv-button', 'data-action': 'close-replan' })),
      this.body,
    );
    this.undo = h(doc, 'p', { class: 'fv-replanned', hidden: true });
  }

  render(snapshot: Snapshot): void {
    this.renderUndo(snapshot.lastReplanAt);
    const replan = snapshot.replan;
    const minute = (ms: number) => Math.round(ms / 60_000);
    const signature = replan
      ? JSON.stringify([
          minute(replan.behindSeconds * 1000),
          replan.shorten?.changes.map((c) => [c.cardId, c.toSeconds]),
          replan.shorten && minute(replan.shorten.projectedEnd),
          replan.skipOptions.map((o) => [o.cardId, minute(o.projectedEnd)]),
          replan.skip?.cardId,
          minute(snapshot.projection.plannedEnd),
        ])
      : '';
    if (signature === this.signature) return;
    this.signature = signature;
    this.banner.hidden = !replan;
    if (!replan) {
      this.body.replaceChildren();
      if (this.dialog.open) this.dialog.close();
      return;
    }
    this.build(replan, snapshot);
  }

  private renderUndo(at: number | undefined): void {
    const signature = String(at ?? '');
    if (signature === this.undoSignature) return;
    this.undoSignature = signature;
    this.undo.hidden = at === undefined;
    if (at === undefined) return this.undo.replaceChildren();
    this.undo.replaceChildren(
      h(this.doc, 'span', {}, this.strings.replanned(formatClock(at, this.strings.language))),
      ' ',
      button(this.doc, this.strings.undoReplan, () => this.send({ kind: 'event', event: { type: 'undo-replan' } }), { class: 'fv-button fv-small-button', 'data-action': 'undo-replan' }),
    );
  }

  private build(replan: Replan, snapshot: Snapshot): void {
    const { doc, strings } = this;
    const lang = strings.language;
    const clock = (ms: number) => formatClock(ms, lang);
    const options = replan.skipOptions;
    if (!options.some((o) => o.cardId === this.skipId)) this.skipId = replan.skip?.cardId ?? options[0]?.cardId;
    if (!replan.shorten) this.choice = 'skip';

    const radio = (value: 'shorten' | 'skip') => {
      const input = h(doc, 'input', { type: 'radio', name: 'fv-replan-choice', value });
      input.checked = this.choice === value;
      input.addEventListener('change', () => {
        if (input.checked) this.choice = value;
      });
      return input;
    };

    const parts: Node[] = [
      h(doc, 'p', { class: 'fv-replan-behind' }, strings.replanHeading(Math.round(replan.behindSeconds / 60))),
      h(doc, 'p', { class: 'fv-replan-target' }, strings.replanTarget(clock(snapshot.projection.plannedEnd))),
    ];
    if (replan.shorten) {
      const shorten = replan.shorten;
      const changes = shorten.changes.filter((c) => c.toSeconds !== c.fromSeconds);
      parts.push(
        h(
          doc,
          'label',
          { class: 'fv-choice', 'data-choice': 'shorten', 'data-projected-end': shorten.projectedEnd },
          radio('shorten'),
          h(
            doc,
            'span',
            {},
            h(doc, 'strong', {}, strings.shortenOption(shorten.changes.length)),
            ' – ',
            strings.endsAt(clock(shorten.projectedEnd)),
            shorten.feasible ? '' : h(doc, 'span', { class: 'fv-warning' }, ` (${strings.shortenNotEnough})`),
          ),
        ),
        h(
          doc,
          'ul',
          { class: 'fv-changes' },
          ...changes.map((c) =>
            h(doc, 'li', { 'data-card-id': c.cardId, 'data-to-seconds': c.toSeconds }, `${c.title}: `, h(doc, 's', {}, String(c.fromSeconds / 60)), ` → ${strings.minutes(c.toSeconds / 60)}`),
          ),
        ),
      );
    }
    if (options.length > 0) {
      const select = h(doc, 'select', { class: 'fv-skip-select', 'aria-label': strings.skipOption });
      for (const option of options) {
        const label = `${option.title} (${strings.minutes(Math.round(option.savedSeconds / 60))}) – ${strings.endsAt(clock(option.projectedEnd))}`;
        const element = h(doc, 'option', { value: option.cardId, 'data-projected-end': option.projectedEnd }, label);
        element.selected = option.cardId === this.skipId;
        select.append(element);
      }
      const skipRadio = radio('skip');
      select.addEventListener('change', () => {
        this.skipId = select.value;
        this.choice = 'skip';
        skipRadio.checked = true;
      });
      parts.push(h(doc, 'label', { class: 'fv-choice', 'data-choice': 'skip' }, skipRadio, h(doc, 'span', {}, h(doc, 'strong', {}, strings.skipOption))), select);
    }
    parts.push(
      button(
        doc,
        strings.apply,
        () => {
          if (this.choice === 'shorten') this.send({ kind: 'event', event: { type: 'replan', choice: { kind: 'shorten' } } });
          else if (this.skipId !== undefined) this.send({ kind: 'event', event: { type: 'replan', choice: { kind: 'skip', cardId: this.skipId } } });
          this.dialog.close();
        },
        { class: 'fv-button fv-primary', 'data-action': 'apply-replan' },
      ),
    );
    this.body.replaceChildren(...parts);
  }
}
