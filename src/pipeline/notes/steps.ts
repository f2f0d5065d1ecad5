// The steps of a card's runs: the items of each run's first list, some with a short name (`{#grupper}`).
import type { Card, NotesBlockSource, NotesSectionSource } from '../../model.js';

/** The steps of one run section, in order (its first list; steps without minutes too). */
export function stepsOfRun(section: NotesSectionSource): NotesBlockSource[] {
  if (!section.run) return [];
  const first = section.blocks.find((b) => b.kind === 'step' || b.kind === 'item')?.list?.id;
  return first === undefined ? [] : section.blocks.filter((b) => b.list?.id === first);
}

/** Every step of every run in a card's notes. */
export function runSteps(notes: Card['notes']): NotesBlockSource[] {
  return Object.values(notes).flatMap((n) => n.sections.flatMap(stepsOfRun));
}

/** The names the steps of a card's runs define. */
export function stepRefs(notes: Card['notes']): string[] {
  return runSteps(notes).flatMap((step) => (step.ref ? [step.ref] : []));
}
