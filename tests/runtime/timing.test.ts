// Unit tests for the timing arithmetic of the facilitator view: plan, card timers, projection, re-plan, export.
import { describe, expect, it } from 'vitest';
import { DISCUSSION_LINGER_MS, discussionStatus, extendDiscussion, startDiscussion, stopDiscussion, toggleDiscussion } from '../../src/runtime/timing/discussion.js';
import { exportRows, toCsv, toJson } from '../../src/runtime/timing/export.js';
import { formatClock, formatCountdown } from '../../src/runtime/timing/format.js';
import { type Plan, planFromModel, plannedTotalSeconds } from '../../src/runtime/timing/plan.js';
import { project } from '../../src/runtime/timing/projection.js';
import { applyReplan, proposeReplan, shortenedMinutes, undoReplan } from '../../src/runtime/timing/replan.js';
import {
  type SlidePlace,
  type TimingState,
  adjustCurrent,
  enterSlide,
  initialState,
  parseState,
  pauseSeminar,
  resetState,
  resumeSeminar,
  tick,
} from '../../src/runtime/timing/state.js';

/** Local time on the seminar day, so the tests pass in every time zone. */
const at = (h: number, m: number, s = 0) => new Date(2026, 2, 12, h, m, s).getTime();
const MIN = 60_000;

/** 09:00: A intro 10 · B 20 · C 20 · break 15 · D 15 · E 20 → ends 10:40. */
const MODEL = {
  id: 'test-deck',
  title: 'Testdæk',
  language: 'da',
  start: '09:00',
  breaks: [{ minutes: 15, plannedSeconds: 900, afterCard: 'c' }],
  cards: [
    { id: 'a', title: 'Sådan har vi gjort', kind: 'intro', minutes: 10, plannedSeconds: 600 },
    { id: 'b', title: 'Om at bruge', kind: 'theme', themeNumber: 1, minutes: 20, plannedSeconds: 1200 },
    { id: 'c', title: 'Om at være rollemodel', kind: 'theme', themeNumber: 2, minutes: 20, plannedSeconds: 1200 },
    { id: 'd', title: 'Om at moderere; debatten', kind: 'theme', themeNumber: 3, minutes: 15, plannedSeconds: 900 },
    { id: 'e', title: 'Om at nå "unge"', kind: 'theme', themeNumber: 4, minutes: 20, plannedSeconds: 1200 },
  ],
};
const plan: Plan = planFromModel(MODEL);
const card = (cardId: string): SlidePlace => ({ kind: 'card', cardId });

/** Runs a seminar from 09:00 through a list of [time, place] steps. */
function run(steps: [number, SlidePlace][], state: TimingState = initialState('test-deck', at(8, 50))): TimingState {
  return steps.reduce((s, [time, place]) => enterSlide(s, place, time), state);
}

describe('plan', () => {
  it('reads cards and breaks in the order of the day', () => {
    expect(plan.items.map((i) => i.id)).toEqual(['a', 'b', 'c', 'break-1', 'd', 'e']);
    expect(plan.themeCount).toBe(4);
    expect(plannedTotalSeconds(plan)).toBe(100 * 60);
    expect(plan.start).toBe('09:00');
  });

  it('gives an empty plan for a page without cards', () => {
    const empty = planFromModel({ id: 'x', reveal: {} });
    expect(empty.items).toEqual([]);
    expect(project(empty, initialState('x', at(9, 0)), at(9, 0)).deltaSeconds).toBe(0);
  });
});

describe('card timers', () => {
  it('counts down from the first entry into a card', () => {
    const s = run([[at(9, 0), card('a')]]);
    const p = project(plan, s, at(9, 5, 30));
    expect(p.current).toMatchObject({ id: 'a', remainingSeconds: 270, elapsedSeconds: 330, level: 'ok', running: true });
    expect(p.started).toBe(true);
  });

  it('pauses a card when the facilitator moves to another and resumes on return', () => {
    const s = run([
      [at(9, 0), card('a')],
      [at(9, 12), card('b')],
      [at(9, 20), card('c')],
      [at(9, 25), card('b')],
    ]);
    const p = project(plan, s, at(9, 27));
    expect(p.current).toMatchObject({ id: 'b', elapsedSeconds: 10 * 60, remainingSeconds: 10 * 60 });
    const rows = Object.fromEntries(p.rows.map((r) => [r.id, r]));
    expect(rows['a']).toMatchObject({ status: 'done', actualSeconds: 12 * 60 });
    // C was held for 5 minutes and lies ahead again: only its remaining 15 minutes count.
    expect(rows['c']).toMatchObject({ status: 'ahead', actualSeconds: 5 * 60 });
    // 09:27 + 10 (B) + 15 (C) + 15 (break) + 15 (D) + 20 (E) = 10:42 against 10:40.
    expect(p.projectedEnd).toBe(at(10, 42));
    expect(p.deltaSeconds).toBe(2 * 60);
  });

  it('does not stop a card on the title or agenda slide, but does on the closing slide', () => {
    let s = run([[at(9, 0), card('a')], [at(9, 3), { kind: 'before' }]]);
    expect(project(plan, s, at(9, 4)).current).toMatchObject({ id: 'a', elapsedSeconds: 240, running: true });
    s = enterSlide(s, { kind: 'after' }, at(9, 6));
    const p = project(plan, s, at(9, 30));
    expect(p.current).toBeUndefined();
    expect(p.ended).toBe(true);
    expect(p.rows.find((r) => r.id === 'a')).toMatchObject({ status: 'done', actualSeconds: 360 });
    expect(p.rows.find((r) => r.id === 'b')?.status).toBe('passed');
    expect(p.projectedEnd).toBe(at(9, 30));
  });

  it('changes level at a quarter left and at zero, and counts the overrun as negative seconds', () => {
    const s = run([[at(9, 0), card('b')]]);
    expect(project(plan, s, at(9, 14, 59)).current?.level).toBe('ok');
    expect(project(plan, s, at(9, 15)).current?.level).toBe('low');
    expect(project(plan, s, at(9, 20)).current).toMatchObject({ level: 'over', remainingSeconds: 0 });
    expect(project(plan, s, at(9, 21, 30)).current).toMatchObject({ level: 'over', remainingSeconds: -90 });
  });

  it('adds and removes minutes on the current card, never below one minute', () => {
    let s = run([[at(9, 0), card('a')]]);
    s = adjustCurrent(s, plan, 60);
    expect(project(plan, s, at(9, 1)).current).toMatchObject({ remainingSeconds: 600, effectiveSeconds: 660 });
    for (let i = 0; i < 20; i++) s = adjustCurrent(s, plan, -60);
    expect(project(plan, s, at(9, 1)).current?.effectiveSeconds).toBe(60);
  });

  it('pauses and resumes the whole seminar; a pause next to a planned break takes that break', () => {
    let s = run([[at(9, 0), card('b')]]);
    s = pauseSeminar(s, plan, at(9, 5));
    let p = project(plan, s, at(9, 9));
    expect(p.paused).toBe(true);
    expect(p.pauseSeconds).toBe(240);
    expect(p.current).toMatchObject({ remainingSeconds: 900, running: false });
    expect(p.pauseBreakId).toBeUndefined();
    s = resumeSeminar(s, at(9, 10));
    expect(project(plan, s, at(9, 11)).current?.remainingSeconds).toBe(840);

    s = enterSlide(s, card('c'), at(9, 20));
    s = pauseSeminar(s, plan, at(9, 40));
    p = project(plan, s, at(9, 45));
    expect(p.pauseBreakId).toBe('break-1');
    expect(p.rows.find((r) => r.id === 'break-1')).toMatchObject({ status: 'current', actualSeconds: 300 });
    // 09:45 + 10 left of the break + 0 of C + 15 (D) + 20 (E) = 10:30.
    expect(p.projectedEnd).toBe(at(10, 30));
    s = resumeSeminar(s, at(9, 57));
    s = enterSlide(s, card('d'), at(9, 58));
    p = project(plan, s, at(10, 0));
    expect(p.rows.find((r) => r.id === 'break-1')).toMatchObject({ status: 'done', actualSeconds: 17 * 60 });
    expect(p.pauses).toHaveLength(2);
  });

  it('counts a sleep as time of the running card and records it', () => {
    let s = run([[at(9, 0), card('b')]]);
    s = tick(s, at(9, 1));
    s = tick(s, at(9, 15));
    expect(s.gaps).toEqual([{ from: at(9, 1), to: at(9, 15), cardId: 'b', kind: 'sleep' }]);
    expect(project(plan, s, at(9, 15)).current?.remainingSeconds).toBe(5 * 60);
    // Short gaps and gaps while paused are nothing to report.
    s = tick(s, at(9, 16));
    s = pauseSeminar(s, plan, at(9, 16));
    s = tick(s, at(9, 40));
    expect(s.gaps).toHaveLength(1);
  });

  it('resets to a fresh state that keeps the preferences and a running discussion countdown', () => {
    let s = run([[at(9, 0), card('b')]]);
    s = startDiscussion({ ...s, prefs: { ...s.prefs, sound: true } }, 120, at(9, 29));
    const fresh = resetState(s, at(9, 30));
    expect(fresh.cards).toEqual({});
    expect(fresh.startedAt).toBeUndefined();
    expect(fresh.prefs.sound).toBe(true);
    expect(discussionStatus(fresh, at(9, 30))?.remainingSeconds).toBe(60);
  });
});

describe('projection', () => {
  it('lands on the planned end before the start, and slips once the planned start has passed', () => {
    const s = initialState('test-deck', at(8, 0));
    const early = project(plan, s, at(8, 30));
    expect(early.plannedStart).toBe(at(9, 0));
    expect(early.plannedEnd).toBe(at(10, 40));
    expect(early.projectedEnd).toBe(at(10, 40));
    expect(early.deltaSeconds).toBe(0);
    expect(early.rows.map((r) => r.start)).toEqual([at(9, 0), at(9, 10), at(9, 30), at(9, 50), at(10, 5), at(10, 20)]);
    expect(project(plan, s, at(9, 10)).deltaSeconds).toBe(600);
  });

  it('drops a planned break the seminar has moved past without taking it', () => {
    const s = run([[at(9, 0), card('c')], [at(9, 20), card('d')], [at(9, 35), card('e')]]);
    const p = project(plan, s, at(9, 36));
    expect(p.rows.find((r) => r.id === 'break-1')?.status).toBe('passed');
    expect(p.rows.find((r) => r.id === 'a')?.status).toBe('passed');
    expect(p.projectedEnd).toBe(at(9, 55));
  });
});

describe('re-plan', () => {
  /** B held 30 minutes instead of 20: at 09:40, entering C, the seminar is 10 minutes behind. */
  function behind(): TimingState {
    return run([[at(9, 0), card('a')], [at(9, 10), card('b')], [at(9, 40), card('c')]]);
  }

  it('proposes shortening the cards ahead in proportion, in whole minutes, to land on the planned end', () => {
    const s = behind();
    const now = at(9, 40);
    // 09:40 + 20 (C) + 15 + 15 + 20 = 10:50: ten minutes behind.
    expect(project(plan, s, now).deltaSeconds).toBe(600);
    const replan = proposeReplan(plan, s, now)!;
    expect(replan.behindSeconds).toBe(600);
    // D 15 and E 20 share 10 minutes: 25 left, 15 × 25/35 = 10.7, 20 × 25/35 = 14.3 → 11 and 14.
    expect(replan.shorten?.changes.map((c) => [c.cardId, c.fromSeconds / 60, c.toSeconds / 60])).toEqual([
      ['d', 15, 11],
      ['e', 20, 14],
    ]);
    expect(replan.shorten?.feasible).toBe(true);
    expect(replan.shorten?.projectedEnd).toBe(at(10, 40));
    expect(replan.shorten?.deltaSeconds).toBe(0);

    const applied = applyReplan(plan, s, { kind: 'shorten' }, now);
    const p = project(plan, applied, now);
    expect(p.rows.filter((r) => r.kind === 'card').map((r) => r.effectiveSeconds / 60)).toEqual([10, 20, 20, 11, 14]);
    expect(p.projectedEnd).toBe(at(10, 40));
    expect(proposeReplan(plan, applied, now)).toBeUndefined();
    expect(project(plan, undoReplan(applied), now).projectedEnd).toBe(at(10, 50));
  });

  it('proposes skipping the shortest card that recovers the delay; another can be chosen', () => {
    const s = behind();
    const now = at(9, 40);
    const replan = proposeReplan(plan, s, now)!;
    expect(replan.skip).toMatchObject({ cardId: 'd', savedSeconds: 900, deltaSeconds: -300, projectedEnd: at(10, 35) });
    expect(replan.skipOptions.map((o) => o.cardId)).toEqual(['d', 'e']);
    const applied = applyReplan(plan, s, { kind: 'skip', cardId: 'e' }, now);
    const p = project(plan, applied, now);
    expect(p.rows.find((r) => r.id === 'e')?.status).toBe('skipped');
    expect(p.projectedEnd).toBe(at(10, 30));
    // Entering a skipped card after all brings it back.
    const held = enterSlide(applied, card('e'), at(9, 41));
    expect(held.skipped).toEqual([]);
  });

  it('prefers the later card on a tie and the longest when none is long enough', () => {
    const s = run([[at(9, 0), card('a')], [at(9, 30), card('b')]]);
    const now = at(9, 30);
    // 09:30 + 20 + 20 + 15 + 15 + 20 = 11:00: twenty minutes behind; C and E (20) tie.
    expect(proposeReplan(plan, s, now)?.skip?.cardId).toBe('e');
    // At 10:05 B is used up: 10:05 + 70 = 11:15, 35 minutes behind; no card is that long, so the longest (the later of C and E).
    expect(project(plan, s, at(10, 5)).deltaSeconds).toBe(35 * 60);
    expect(proposeReplan(plan, s, at(10, 5))?.skip?.cardId).toBe('e');
  });

  it('says when shortening to the minimum is not enough', () => {
    const s = run([[at(9, 0), card('a')], [at(10, 0), card('b')]]);
    const replan = proposeReplan(plan, s, at(10, 0))!;
    expect(replan.shorten?.feasible).toBe(false);
    expect(replan.shorten?.changes.map((c) => c.toSeconds / 60)).toEqual([5, 5, 5]);
  });

  it('proposes nothing when on time or only a little behind', () => {
    const s = run([[at(9, 0), card('a')]]);
    expect(proposeReplan(plan, s, at(9, 5))).toBeUndefined();
    expect(proposeReplan(plan, s, at(9, 11, 59))).toBeUndefined();
    expect(proposeReplan(plan, s, at(9, 12))).toBeDefined();
  });

  it('shares whole minutes by largest remainder', () => {
    const cards = [20, 15, 20].map((m) => ({ effective: m * 60, elapsed: 0 }));
    expect(shortenedMinutes(cards, 600)).toEqual({ to: [17, 12, 16], feasible: true });
    expect(shortenedMinutes([{ effective: 300, elapsed: 0 }], 600)).toBeUndefined();
  });
});

describe('discussion countdown', () => {
  it('counts down, pauses, takes a minute more, ends, lingers and goes', () => {
    const t0 = at(9, 0);
    let s = startDiscussion(initialState('test-deck', t0), 180, t0);
    expect(s.prefs.discussionSeconds).toBe(180);
    expect(discussionStatus(s, t0)).toMatchObject({ remainingSeconds: 180, running: true, ended: false });
    expect(discussionStatus(s, t0 + 61_000)?.remainingSeconds).toBe(119);
    s = toggleDiscussion(s, t0 + 61_000);
    expect(discussionStatus(s, t0 + 500_000)).toMatchObject({ remainingSeconds: 119, running: false });
    s = toggleDiscussion(s, t0 + 500_000);
    s = extendDiscussion(s, 60, t0 + 500_000);
    expect(discussionStatus(s, t0 + 500_000)?.remainingSeconds).toBe(179);
    const end = t0 + 500_000 + 179_000;
    expect(discussionStatus(s, end)).toMatchObject({ remainingSeconds: 0, ended: true, endedAt: end });
    expect(discussionStatus(s, end + DISCUSSION_LINGER_MS)).toBeDefined();
    expect(discussionStatus(s, end + DISCUSSION_LINGER_MS + 1)).toBeUndefined();
    // +1 min after the end signal runs a fresh minute.
    s = extendDiscussion(s, 60, end + 5000);
    expect(discussionStatus(s, end + 5000)).toMatchObject({ remainingSeconds: 60, running: true });
    expect(discussionStatus(stopDiscussion(s), end + 5000)).toBeUndefined();
  });
});

describe('export', () => {
  const s = run([[at(9, 0), card('a')], [at(9, 12, 30), card('b')], [at(9, 30), { kind: 'after' }]]);
  const projection = project(plan, s, at(9, 31));
  const labels = {
    columns: ['nr', 'id', 'titel', 'tema', 'planlagt', 'omplanlagt', 'faktisk', 'forskel', 'status', 'start'],
    status: { done: 'holdt', current: 'i gang', ahead: 'senere', skipped: 'udeladt', passed: 'sprunget over' },
  } as const;

  it('has one row per card with planned and actual minutes', () => {
    const rows = exportRows(plan, projection);
    expect(rows.map((r) => r.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(rows[0]).toMatchObject({ plannedMinutes: 10, actualMinutes: 12.5, differenceMinutes: 2.5, status: 'done', started: '09:00' });
    expect(rows[1]).toMatchObject({ plannedMinutes: 20, actualMinutes: 17.5, differenceMinutes: -2.5, themeNumber: 1 });
    expect(rows[2]).toMatchObject({ actualMinutes: 0, status: 'passed' });
  });

  it('writes Danish CSV with semicolons, decimal commas and quoted fields', () => {
    const csv = toCsv(exportRows(plan, projection), 'da', labels);
    const lines = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + 5);
    expect(lines[1]).toBe('1;a;Sådan har vi gjort;;10;;12,5;2,5;holdt;09:00');
    expect(lines[4]).toBe('4;d;"Om at moderere; debatten";3;15;;0;-15;sprunget over;');
    expect(lines[5]).toContain('"Om at nå ""unge"""');
    expect(toCsv(exportRows(plan, projection), 'en', labels).split('\r\n')[1]).toBe('1,a,Sådan har vi gjort,,10,,12.5,2.5,holdt,09:00');
  });

  it('writes JSON with the plan, the actual times and the pauses', () => {
    const json = JSON.parse(toJson(plan, projection, s, at(9, 31))) as { cards: unknown[]; deck: { id: string }; breaks: unknown[] };
    expect(json.deck.id).toBe('test-deck');
    expect(json.cards).toHaveLength(5);
    expect(json.breaks).toHaveLength(1);
  });
});

describe('format and storage', () => {
  it('formats countdowns as mm:ss and the overrun as +mm:ss', () => {
    expect(formatCountdown(1200)).toBe('20:00');
    expect(formatCountdown(7)).toBe('00:07');
    expect(formatCountdown(0)).toBe('00:00');
    expect(formatCountdown(-83)).toBe('+01:23');
  });

  it('writes clock times on a 24-hour clock with a colon', () => {
    expect(formatClock(at(14, 5), 'da')).toBe('14:05');
    expect(formatClock(at(9, 0), 'en')).toBe('09:00');
  });

  it('accepts a stored state of this deck and refuses anything else', () => {
    const s = run([[at(9, 0), card('a')]]);
    expect(parseState(JSON.parse(JSON.stringify(s)), 'test-deck')).toEqual(s);
    expect(parseState(s, 'other-deck')).toBeUndefined();
    expect(parseState({ version: 2 }, 'test-deck')).toBeUndefined();
    expect(parseState('nonsense', 'test-deck')).toBeUndefined();
  });
});
