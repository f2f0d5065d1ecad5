// The run of a card fitted to a deck's minutes: whole minutes, an exact sum, none below one, fixed steps kept.
import { describe, expect, it } from 'vitest';
import { scaleSteps } from '../../src/pipeline/notes/run.js';

const steps = (...minutes: (number | `${number}!`)[]) =>
  minutes.map((m) => (typeof m === 'number' ? { minutes: m, fixed: false } : { minutes: Number(m.slice(0, -1)), fixed: true }));
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('scaleSteps', () => {
  it('keeps a run that already fits', () => {
    expect(scaleSteps(steps(2, 2, 5, 3, 3), 15)).toEqual({ minutes: [2, 2, 5, 3, 3] });
  });

  it('stretches in proportion, the remainder to the largest shares, ties to the longer step', () => {
    expect(scaleSteps(steps(2, 2, 5, 3, 3), 20)).toEqual({ minutes: [3, 2, 7, 4, 4] });
    expect(scaleSteps(steps(2, 3, 5, 6, 4), 25)).toEqual({ minutes: [2, 4, 6, 8, 5] });
  });

  it('shrinks in proportion without going below one minute', () => {
    const { minutes } = scaleSteps(steps(1, 10, 4), 6);
    expect(minutes).toEqual([1, 4, 1]);
  });

  it('keeps fixed steps and fits the others around them', () => {
    expect(scaleSteps(steps('2!', 10, '3!'), 25)).toEqual({ minutes: [2, 20, 3] });
    expect(scaleSteps(steps('2!', 4, 4), 6)).toEqual({ minutes: [2, 2, 2] });
  });

  it('fits fixed steps too when nothing else leaves room, and says so', () => {
    expect(scaleSteps(steps('5!', 5), 5)).toEqual({ minutes: [3, 2], problem: 'fixed-ignored' });
  });

  it('gives each step one minute when there are more steps than minutes, and says so', () => {
    expect(scaleSteps(steps(2, 2, 2), 2)).toEqual({ minutes: [1, 1, 1], problem: 'too-short' });
  });

  it('always sums exactly, in whole minutes of at least one', () => {
    for (let total = 4; total <= 60; total++) {
      for (const run of [steps(2, 2, 5, 3, 3), steps(1, 10, 4, 1), steps(2, '3!', 7, 0.5)]) {
        const { minutes, problem } = scaleSteps(run, total);
        if (problem) continue;
        expect(sum(minutes), `${total}`).toBe(total);
        expect(minutes.every((m) => Number.isInteger(m) && m >= 1)).toBe(true);
        run.forEach((s, i) => s.fixed && expect(minutes[i]).toBe(s.minutes));
      }
    }
  });
});
