// The run of a card: its steps' minutes fitted to the minutes a deck gives the card.
import type { Diagnostics } from '../../diagnostics/deck-error.js';
import type { Card, NotesSectionSource } from '../../model.js';

export interface StepMinutes {
  minutes: number;
  fixed: boolean;
}

export interface ScaledRun {
  /** Whole minutes per step, in order. */
  minutes: number[];
  /** Why the run could not be fitted as asked: fixed steps had to give way, or there are more steps than minutes. */
  problem?: 'fixed-ignored' | 'too-short';
}

/**
 * Fits the steps to `total` minutes: whole minutes that add up to `total`, no step below one minute, fixed
 * steps unchanged, and the others in proportion to what the card wrote (largest remainders get the rest).
 */
export function scaleSteps(steps: readonly StepMinutes[], total: number): ScaledRun {
  const target = Math.max(0, Math.round(total));
  if (steps.length === 0) return { minutes: [] };
  if (target < steps.length) return { minutes: steps.map(() => 1), problem: 'too-short' };
  const fixed = steps.map((s) => (s.fixed ? Math.max(1, Math.round(s.minutes)) : 0));
  const flexible = steps.map((s, i) => (s.fixed ? -1 : i)).filter((i) => i >= 0);
  const room = target - fixed.reduce((a, b) => a + b, 0);
  if (flexible.length === 0 || room < flexible.length) {
    if (flexible.length === 0 && room === 0) return { minutes: fixed };
    return { minutes: apportion(steps.map((s) => s.minutes), target), problem: 'fixed-ignored' };
  }
  const shares = apportion(flexible.map((i) => steps[i]!.minutes), room);
  const minutes = [...fixed];
  flexible.forEach((stepIndex, k) => (minutes[stepIndex] = shares[k]!));
  return { minutes };
}

/** Whole numbers ≥ 1 in proportion to `weights`, adding up to `total` (≥ weights.length). */
function apportion(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const ideal = weights.map((w) => (sum > 0 ? (w * total) / sum : total / weights.length));
  const whole = ideal.map((q) => Math.max(1, Math.floor(q)));
  let diff = total - whole.reduce((a, b) => a + b, 0);
  // Ties (within rounding noise) go to the longer step, then to the earlier one: the same run always scales the same way.
  const better = (score: (i: number) => number, i: number, best: number) => {
    const d = score(i) - score(best);
    return Math.abs(d) > 1e-9 ? d > 0 : weights[i]! > weights[best]!;
  };
  const pick = (score: (i: number) => number, allowed: (i: number) => boolean) => {
    let best = -1;
    for (let i = 0; i < whole.length; i++) if (allowed(i) && (best < 0 || better(score, i, best))) best = i;
    return best;
  };
  while (diff > 0) {
    whole[pick((i) => ideal[i]! - whole[i]!, () => true)]!++;
    diff--;
  }
  while (diff < 0) {
    whole[pick((i) => whole[i]! - ideal[i]!, (i) => whole[i]! > 1)]!--;
    diff++;
  }
  return whole;
}

/** What the steps of a run section add up to as written. */
export function writtenMinutes(section: NotesSectionSource): number {
  return section.blocks.reduce((sum, b) => sum + (b.kind === 'step' ? b.minutes ?? 0 : 0), 0);
}

/** Warns when a card's own run does not add up to the card's own minutes. */
export function checkRunMinutes(card: Card, diagnostics: Diagnostics): void {
  for (const section of card.notes.card?.sections ?? []) {
    if (!section.run?.scalable) continue;
    const written = writtenMinutes(section);
    if (Math.abs(written - card.minutes) < 0.01) continue;
    diagnostics.warning('W_RUN_SUM', `the steps of the run of card "${card.id}" add up to ${written} min, but the card has ${card.minutes} min`,
      { file: section.source.file, line: section.source.startLine, column: 1 },
      `make the steps add up to ${card.minutes} min, or change "minutes"; a deck fits the steps to the minutes it gives the card, in proportion`);
  }
}
