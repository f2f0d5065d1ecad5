// The seminar's state model with fixed inputs: events in, state out (src/runtime/seminar/).
import { describe, expect, it } from 'vitest';
import { DISCUSSION_LINGER_MS, discussionStatus } from '../../src/runtime/seminar/discussion.js';
import type { SeminarEvent } from '../../src/runtime/seminar/events.js';
import { isSeminarEvent } from '../../src/runtime/seminar/events.js';
import { type Plan, planFromModel, plannedTotalSeconds } from '../../src/runtime/seminar/plan.js';
import { project } from '../../src/runtime/seminar/projection.js';
import { seminarRecord } from '../../src/runtime/seminar/record.js';
import { reduce } from '../../src/runtime/seminar/reduce.js';
import { proposeReplan, shortenedMinutes } from '../../src/runtime/seminar/replan.js';
import { type SeminarState, initialSeminar, seminarPhase } from '../../src/runtime/seminar/state.js';
import { type SlidePlace, canUndoStart, closeIfStale, tick } from '../../src/runtime/seminar/timing.js';
import { exportRows } from '../../src/runtime/seminar/timing-export.js';

/** Local time on the seminar day, so the tests pass in every time zone. */
const at = (h: number, m: number, s = 0) => new Date(2026, 2, 12, h, m, s).getTime();

/** 09:00: A intro 10 · B 20 · C 20 · break 15 · D 15 · E 20 → ends 10:40. */
const MODEL = {
  id: 'test-deck',
  title: 'Testdæk',
  language: 'da',
  start: '09:00',
  municipality: 'Solby Kommune',
  breaks: [{ minutes: 15, plannedSeconds: 900, afterCard: 'c' }],
  cards: [
    { id: 'a', title: 'Sådan har vi gjort', kind: 'intro', minutes: 10, plannedSeconds: 600 },
    { id: 'b', title: 'Om at bruge', kind: 'theme', themeNumber: 1, minutes: 20, plannedSeconds: 1200, questions: [{ text: 'Hvad kan I gøre?', action: true }] },
    { id: 'c', title: 'Om at være rollemodel', kind: 'theme', themeNumber: 2, minutes: 20, plannedSeconds: 1200 },
    { id: 'd', title: 'Om at moderere; debatten', kind: 'theme', themeNumber: 3, minutes: 15, plannedSeconds: 900 },
    { id: 'e', title: 'Om at nå "unge"', kind: 'theme', themeNumber: 4, minutes: 20, plannedSeconds: 1200 },
  ],
};
const plan: Plan = planFromModel(MODEL);
const card = (cardId: string): SlidePlace => ({ kind: 'card', cardId });
const fresh = (now = at(8, 50)) => initialSeminar('test-deck', '2026-03-12', { title: 'Testdæk', date: '2026-03-12' }, false, now);

type Step = [number, SeminarEvent | SlidePlace];
/** Applies steps in order: a place is the deck showing a slide, anything else a seminar event. */
function run(steps: Step[], state: SeminarState = fresh()): SeminarState {
  return steps.reduce((s, [time, step]) => reduce(plan, s, 'kind' in step ? { type: 'slide', place: step } : step, time), state);
}
/** Started at the first step's time, then the steps. */
const started = (steps: Step[]) => run([[steps[0]![0], { type: 'start' }], ...steps]);

describe('plan', () => {
  it('reads cards, breaks, the action questions and the seminar facts from the deck model', () => {
    expect(plan.items.map((i) => i.id)).toEqual(['a', 'b', 'c', 'break-1', 'd', 'e']);
    expect(plan.themeCount).toBe(4);
    expect(plannedTotalSeconds(plan)).toBe(100 * 60);
    expect(plan.municipality).toBe('Solby Kommune');
    expect(plan.items.find((i) => i.id === 'b')).toMatchObject({ actionQuestion: 'Hvad kan I gøre?' });
  });
});

describe('starting the seminar', () => {
  it('undoes a start until the first card is reached: back to not started, nothing timed', () => {
    const s = run([[at(8, 50), { kind: 'before' }], [at(8, 55), { type: 'start' }]]);
    expect(canUndoStart(s)).toBe(true);
    const undone = reduce(plan, s, { type: 'undo-start' }, at(8, 57));
    expect(seminarPhase(undone)).toBe('before');
    expect(undone.startedAt).toBeUndefined();
    expect(project(plan, undone, at(9, 0)).rows.every((r) => r.actualSeconds === 0)).toBe(true);
    expect(isSeminarEvent({ type: 'undo-start' })).toBe(true);
    // Once a card is reached, the start stays.
    const inCard = run([[at(9, 1), card('a')], [at(9, 3), { kind: 'before' }]], s);
    expect(canUndoStart(inCard)).toBe(false);
    expect(reduce(plan, inCard, { type: 'undo-start' }, at(9, 4))).toBe(inCard);
    // Never after a pause, nor before a start.
    expect(canUndoStart(fresh())).toBe(false);
    expect(canUndoStart(run([[at(9, 5), { type: 'pause' }]], s))).toBe(false);
  });

  it('counts nothing before the start: testing the remote at 08:50 leaves no time on any card', () => {
    const s = run([[at(8, 50), card('a')], [at(8, 51), card('b')], [at(8, 52), card('a')], [at(8, 53), { kind: 'before' }]]);
    expect(seminarPhase(s)).toBe('before');
    const p = project(plan, s, at(9, 0));
    expect(p.current).toBeUndefined();
    expect(p.rows.every((r) => r.actualSeconds === 0 && r.status === 'ahead')).toBe(true);
    expect(p.deltaSeconds).toBe(0);
    expect(p.plannedStart).toBe(at(9, 0));
  });

  it('times the card on screen from the start, and re-bases the plan to the real start', () => {
    let s = run([[at(8, 58), card('a')]]);
    s = reduce(plan, s, { type: 'start' }, at(9, 7));
    expect(seminarPhase(s)).toBe('running');
    const p = project(plan, s, at(9, 10));
    expect(p.current).toMatchObject({ id: 'a', elapsedSeconds: 180, remainingSeconds: 420 });
    expect(p.plannedStart).toBe(at(9, 7));
    expect(p.scheduledStart).toBe(at(9, 0));
    expect(p.plannedEnd).toBe(at(10, 47));
    expect(p.deltaSeconds).toBe(0);
    // A second start changes nothing.
    expect(reduce(plan, s, { type: 'start' }, at(9, 20))).toBe(s);
  });

  it('never says "behind" when opened late in the day before the start', () => {
    const s = run([[at(15, 0), card('b')]], fresh(at(15, 0)));
    const p = project(plan, s, at(15, 30));
    expect(p.deltaSeconds).toBe(0);
    expect(proposeReplan(plan, s, at(15, 30))).toBeUndefined();
  });
});

describe('the welcome and the closing', () => {
  /** The same day with a 5-minute welcome before card A and a 10-minute closing after E: 09:00–10:55. */
  const framed: Plan = planFromModel({ ...MODEL, welcome: { minutes: 5, plannedSeconds: 300 }, closing: { minutes: 10, plannedSeconds: 600 } });
  const runFramed = (steps: Step[], state: SeminarState = fresh()) =>
    steps.reduce((s, [time, step]) => reduce(framed, s, 'kind' in step ? { type: 'slide', place: step } : step, time), state);

  it('plans the day from the welcome to the end of the closing, the first card after the welcome', () => {
    expect(plannedTotalSeconds(framed)).toBe(115 * 60);
    const p = project(framed, fresh(), at(8, 55));
    expect(p.plannedEnd).toBe(at(10, 55));
    expect(p.rows[0]).toMatchObject({ id: 'a', plannedStart: at(9, 5) });
  });

  it('starts the welcome, not a card, when the remote test ended back on the title slide', () => {
    const s = runFramed([[at(8, 50), card('a')], [at(8, 51), card('b')], [at(8, 52), card('a')], [at(8, 53), { kind: 'before' }], [at(9, 0), { type: 'start' }]]);
    const p = project(framed, s, at(9, 3));
    expect(p.current).toBeUndefined();
    expect(p.frame).toEqual({ kind: 'welcome', plannedSeconds: 300, remainingSeconds: 120, level: 'ok' });
    expect(p.deltaSeconds).toBe(0);
    // Still welcoming at 09:07: two minutes over, and the day two minutes behind.
    const late = project(framed, s, at(9, 7));
    expect(late.frame).toMatchObject({ remainingSeconds: -120, level: 'over' });
    expect(late.deltaSeconds).toBe(120);
    // The first card ends the welcome.
    expect(project(framed, runFramed([[at(9, 7), card('a')]], s), at(9, 8)).frame).toBeUndefined();
  });

  it('counts a start with a card on the projector as the end of the welcome: no minutes gained by it', () => {
    const s = runFramed([[at(9, 5), card('a')], [at(9, 5), { type: 'start' }]]);
    const p = project(framed, s, at(9, 10));
    expect(p.plannedStart).toBe(at(9, 0));
    expect(p.rows[0]).toMatchObject({ id: 'a', plannedStart: at(9, 5) });
    expect(p.frame).toBeUndefined();
    expect(p.deltaSeconds).toBe(0);
  });

  it('times the closing from the closing slide, and says when the day ended', () => {
    const s = runFramed([[at(9, 0), { type: 'start' }], [at(9, 5), card('a')], [at(10, 40), { kind: 'after' }]]);
    const p = project(framed, s, at(10, 44));
    expect(p.frame).toMatchObject({ kind: 'closing', remainingSeconds: 360 });
    expect(p.projectedEnd).toBe(at(10, 50));
    // Past its minutes the closing is over time, and the end is now.
    expect(project(framed, s, at(10, 53)).projectedEnd).toBe(at(10, 53));
  });
});

describe('card timers', () => {
  it('pauses a card when the facilitator moves to another and resumes on return', () => {
    const s = started([[at(9, 0), card('a')], [at(9, 12), card('b')], [at(9, 20), card('c')], [at(9, 25), card('b')]]);
    const p = project(plan, s, at(9, 27));
    expect(p.current).toMatchObject({ id: 'b', elapsedSeconds: 10 * 60, remainingSeconds: 10 * 60 });
    const rows = Object.fromEntries(p.rows.map((r) => [r.id, r]));
    expect(rows['a']).toMatchObject({ status: 'done', actualSeconds: 12 * 60 });
    expect(rows['c']).toMatchObject({ status: 'ahead', actualSeconds: 5 * 60 });
    // 09:27 + 10 (B) + 15 (C) + 15 (break) + 15 (D) + 20 (E) = 10:42 against 10:40.
    expect(p.projectedEnd).toBe(at(10, 42));
    expect(p.deltaSeconds).toBe(2 * 60);
  });

  it('keeps timing on the title or agenda slide, ends at the closing, and goes on if the facilitator goes back the same day', () => {
    let s = started([[at(9, 0), card('a')], [at(9, 3), { kind: 'before' }]]);
    expect(project(plan, s, at(9, 4)).current).toMatchObject({ id: 'a', elapsedSeconds: 240, running: true });
    s = run([[at(9, 6), { kind: 'after' }]], s);
    expect(seminarPhase(s)).toBe('ended');
    expect(project(plan, s, at(9, 30)).rows.find((r) => r.id === 'b')?.status).toBe('passed');
    s = run([[at(9, 31), card('a')]], s);
    expect(seminarPhase(s)).toBe('running');
    // A seminar that ended yesterday is only looked at.
    const yesterday = started([[at(9, 0), card('a')], [at(9, 10), { kind: 'after' }]]);
    const looked = reduce(plan, yesterday, { type: 'slide', place: card('b') }, at(9, 0) + 24 * 3600_000);
    expect(seminarPhase(looked)).toBe('ended');
    expect(looked.running).toBeUndefined();
  });

  it('changes level at a quarter left and at zero, and counts the overrun as negative seconds', () => {
    const s = started([[at(9, 0), card('b')]]);
    expect(project(plan, s, at(9, 14, 59)).current?.level).toBe('ok');
    expect(project(plan, s, at(9, 15)).current?.level).toBe('low');
    expect(project(plan, s, at(9, 21, 30)).current).toMatchObject({ level: 'over', remainingSeconds: -90 });
  });

  it('adds and removes minutes on the current card, never below one minute', () => {
    let s = started([[at(9, 0), card('a')], [at(9, 0), { type: 'adjust', seconds: 60 }]]);
    expect(project(plan, s, at(9, 1)).current).toMatchObject({ remainingSeconds: 600, effectiveSeconds: 660 });
    for (let i = 0; i < 20; i++) s = reduce(plan, s, { type: 'adjust', seconds: -60 }, at(9, 1));
    expect(project(plan, s, at(9, 1)).current?.effectiveSeconds).toBe(60);
  });

  it('pauses and resumes the seminar; a pause next to a planned break takes that break', () => {
    let s = started([[at(9, 0), card('b')], [at(9, 5), { type: 'pause' }]]);
    expect(seminarPhase(s)).toBe('paused');
    expect(project(plan, s, at(9, 9))).toMatchObject({ paused: true, pauseSeconds: 240 });
    s = run([[at(9, 10), { type: 'resume' }], [at(9, 20), card('c')], [at(9, 40), { type: 'pause' }]], s);
    const p = project(plan, s, at(9, 45));
    expect(p.pauseBreakId).toBe('break-1');
    // 09:45 + 10 left of the break + 0 of C + 15 (D) + 20 (E) = 10:30.
    expect(p.projectedEnd).toBe(at(10, 30));
  });

  it('gives the break the minutes of the card after it when the deck stepped on to that card before Pause', () => {
    // C ends 09:40; the facilitator shows D's title slide, the room chats for three minutes, then Pause.
    let s = started([[at(9, 0), card('c')], [at(9, 40), card('d')], [at(9, 43), { type: 'pause' }]]);
    expect(s.pauses.at(-1)).toMatchObject({ from: at(9, 40), breakId: 'break-1' });
    expect(s.cards['d']).toMatchObject({ elapsedMs: 0 });
    expect(s.cards['d']?.firstEnteredAt).toBeUndefined();
    // After the break D starts afresh.
    s = run([[at(9, 55), { type: 'resume' }]], s);
    expect(project(plan, s, at(10, 0)).current).toMatchObject({ id: 'd', elapsedSeconds: 300 });
    // A card that had run, stopped and come back keeps its minutes: it was held, not the break.
    let t = started([[at(9, 0), card('d')], [at(9, 5), card('c')], [at(9, 6), card('d')], [at(9, 8), { type: 'pause' }]]);
    expect(t.pauses.at(-1)?.from).toBe(at(9, 8));
    expect(t.cards['d']?.elapsedMs).toBe(7 * 60_000);
    t = run([[at(9, 9), { type: 'resume' }]], t);
    expect(project(plan, t, at(9, 9)).current?.id).toBe('d');
  });

  it('counts a sleep as time of the running card and records it; a seminar left running overnight ends at its last tick', () => {
    let s = started([[at(9, 0), card('b')]]);
    s = tick(tick(s, at(9, 1)), at(9, 15));
    expect(s.gaps).toEqual([{ from: at(9, 1), to: at(9, 15), cardId: 'b', kind: 'sleep' }]);
    const closed = closeIfStale(s, at(9, 15) + 13 * 3600_000, 12 * 3600_000);
    expect(seminarPhase(closed)).toBe('ended');
    expect(project(plan, closed, at(9, 15) + 13 * 3600_000).rows.find((r) => r.id === 'b')?.actualSeconds).toBe(15 * 60);
  });

  it('starts the times over but keeps what was agreed', () => {
    let s = started([[at(9, 0), card('b')], [at(9, 5), { type: 'write', cardId: 'b', field: 'agreed', text: 'Vi gør det', rev: 1, writer: 'w' }]]);
    s = reduce(plan, s, { type: 'reset-times' }, at(9, 10));
    expect(seminarPhase(s)).toBe('before');
    expect(s.cards['b']).toMatchObject({ elapsedMs: 0, agreed: { text: 'Vi gør det' } });
  });
});

describe('skip means skip', () => {
  it('leaves a skipped card out until it is taken back; entering slides never takes it back', () => {
    let s = started([[at(9, 0), card('a')], [at(9, 5), { type: 'skip', cardId: 'c' }]]);
    expect(s.skipped).toEqual(['c']);
    // The card on screen cannot be skipped.
    expect(reduce(plan, s, { type: 'skip', cardId: 'a' }, at(9, 6))).toBe(s);
    const p = project(plan, s, at(9, 6));
    expect(p.rows.find((r) => r.id === 'c')?.status).toBe('skipped');
    // 09:06 + 4 (A) + 20 (B) + 15 (break) + 15 + 20 = 10:20.
    expect(p.projectedEnd).toBe(at(10, 20));
    s = run([[at(9, 10), card('c')]], s);
    expect(s.skipped).toEqual(['c']);
    s = reduce(plan, s, { type: 'unskip', cardId: 'c' }, at(9, 11));
    expect(s.skipped).toEqual([]);
  });

  it('says the same of a skipped card in the CSV and in the record', () => {
    const s = started([[at(9, 0), card('a')], [at(9, 5), { type: 'skip', cardId: 'd' }], [at(9, 10), card('b')]]);
    const p = project(plan, s, at(9, 11));
    expect(exportRows(plan, p).find((r) => r.id === 'd')).toMatchObject({ status: 'skipped', actualMinutes: 0 });
    expect(seminarRecord(plan, s, p).cards['d']).toMatchObject({ status: 'skipped', actualMinutes: 0, agreed: '' });
    expect(seminarRecord(plan, s, p).cards['a']).toMatchObject({ status: 'held', plannedMinutes: 10, actualMinutes: 10 });
  });
});

describe('re-plan', () => {
  /** B held 30 minutes instead of 20: at 09:40, entering C, the seminar is 10 minutes behind. */
  const behind = () => started([[at(9, 0), card('a')], [at(9, 10), card('b')], [at(9, 40), card('c')]]);

  it('proposes shortening the cards ahead in proportion, in whole minutes, to land on the planned end', () => {
    const s = behind();
    const now = at(9, 40);
    const replan = proposeReplan(plan, s, now)!;
    expect(replan.behindSeconds).toBe(600);
    expect(replan.shorten?.changes.map((c) => [c.cardId, c.fromSeconds / 60, c.toSeconds / 60])).toEqual([['d', 15, 11], ['e', 20, 14]]);
    const applied = reduce(plan, s, { type: 'replan', choice: { kind: 'shorten' } }, now);
    expect(project(plan, applied, now).projectedEnd).toBe(at(10, 40));
    expect(project(plan, reduce(plan, applied, { type: 'undo-replan' }, now), now).projectedEnd).toBe(at(10, 50));
  });

  it('proposes skipping the shortest card that recovers the delay', () => {
    const replan = proposeReplan(plan, behind(), at(9, 40))!;
    expect(replan.skip).toMatchObject({ cardId: 'd', savedSeconds: 900, projectedEnd: at(10, 35) });
    expect(replan.skipOptions.map((o) => o.cardId)).toEqual(['d', 'e']);
  });

  it('proposes nothing until five minutes behind', () => {
    const s = started([[at(9, 0), card('a')]]);
    expect(proposeReplan(plan, s, at(9, 14, 59))).toBeUndefined();
    expect(proposeReplan(plan, s, at(9, 15))).toBeDefined();
  });

  it('shares whole minutes by largest remainder', () => {
    const cards = [20, 15, 20].map((m) => ({ effective: m * 60, elapsed: 0 }));
    expect(shortenedMinutes(cards, 600)).toEqual({ to: [17, 12, 16], feasible: true });
  });
});

describe('discussion countdown', () => {
  it('counts down, pauses, takes a minute more, ends, lingers and goes', () => {
    const t0 = at(9, 0);
    let s = reduce(plan, fresh(), { type: 'discussion-start', seconds: 180 }, t0);
    expect(discussionStatus(s, t0 + 61_000)?.remainingSeconds).toBe(119);
    s = reduce(plan, s, { type: 'discussion-toggle' }, t0 + 61_000);
    expect(discussionStatus(s, t0 + 500_000)).toMatchObject({ remainingSeconds: 119, running: false });
    s = reduce(plan, reduce(plan, s, { type: 'discussion-toggle' }, t0 + 500_000), { type: 'discussion-extend', seconds: 60 }, t0 + 500_000);
    const end = t0 + 500_000 + 179_000;
    expect(discussionStatus(s, end)).toMatchObject({ remainingSeconds: 0, ended: true });
    expect(discussionStatus(s, end + DISCUSSION_LINGER_MS + 1)).toBeUndefined();
  });
});

describe('what the council agreed', () => {
  const write = (cardId: string, text: string, rev: number, writer = 'view-a'): SeminarEvent => ({ type: 'write', cardId, field: 'agreed', text, rev, writer });

  it('keeps the newest whole text of a field: never a splice of two windows’ typing', () => {
    let s = reduce(plan, fresh(), write('b', 'Vi laver', 1), at(9, 0));
    s = reduce(plan, s, write('b', 'Vi laver en politik', 2), at(9, 0));
    // A late keystroke of an older revision changes nothing.
    expect(reduce(plan, s, write('b', 'Vi', 1), at(9, 1))).toBe(s);
    // Two windows at the same revision: one whole text wins, the same way everywhere.
    const a = reduce(plan, reduce(plan, s, write('b', 'Tekst A', 3, 'view-a'), at(9, 2)), write('b', 'Tekst B', 3, 'view-b'), at(9, 2));
    const b = reduce(plan, reduce(plan, s, write('b', 'Tekst B', 3, 'view-b'), at(9, 2)), write('b', 'Tekst A', 3, 'view-a'), at(9, 2));
    expect(a.cards['b']?.agreed?.text).toBe('Tekst B');
    expect(b.cards['b']?.agreed?.text).toBe('Tekst B');
  });

  it('reads a record file back in: its text wins for the cards it lists, and the import can be undone', () => {
    let s = reduce(plan, fresh(), write('b', 'Før', 4), at(9, 0));
    s = reduce(plan, s, write('c', 'Bliver', 1), at(9, 0));
    const record = { deck: 'test-deck', seminar: '2026-03-12', title: 'Testdæk', municipality: 'Faxe Kommune', cards: { b: { agreed: 'Fra filen', followUp: 'Borgmesteren', actualMinutes: 22 } } };
    const imported = reduce(plan, s, { type: 'import', record }, at(10, 0));
    expect(imported.cards['b']).toMatchObject({ agreed: { text: 'Fra filen' }, followUp: { text: 'Borgmesteren' }, recorded: { actualMinutes: 22 } });
    expect(imported.cards['c']?.agreed?.text).toBe('Bliver');
    expect(imported.details.municipality).toBe('Faxe Kommune');
    const undone = reduce(plan, imported, { type: 'undo-import' }, at(10, 1));
    expect(undone.cards['b']?.agreed?.text).toBe('Før');
    expect(undone.details.municipality).toBeUndefined();
    // The restored text outranks the import, so no window's copy of the import can win it back.
    expect(undone.cards['b']!.agreed!.rev).toBeGreaterThan(imported.cards['b']!.agreed!.rev);
  });

  it('makes a record with every card’s agreement, follow-up, minutes and status', () => {
    const s = started([[at(9, 0), card('a')], [at(9, 10), card('b')], [at(9, 30), write('b', 'Fælles politik', 1)], [at(9, 31), card('c')]]);
    const record = seminarRecord(plan, s, project(plan, s, at(9, 40)));
    expect(record).toMatchObject({ deck: 'test-deck', seminar: '2026-03-12', date: '2026-03-12' });
    expect(record.cards['b']).toMatchObject({ agreed: 'Fælles politik', status: 'held', plannedMinutes: 20, actualMinutes: 21 });
    expect(record.cards['e']).toBeUndefined();
  });

  it('gives a card agreed on but never held the minutes the CSV gives it, and none before the start', () => {
    const note = (state: SeminarState) => reduce(plan, state, write('d', 'Til næste gang', 1), at(9, 20));
    const running = note(started([[at(9, 0), card('a')]]));
    const record = seminarRecord(plan, running, project(plan, running, at(9, 21)));
    expect(record.cards['d']).toMatchObject({ plannedMinutes: 15, actualMinutes: 0, status: 'not-held' });
    expect(exportRows(plan, project(plan, running, at(9, 21))).find((r) => r.id === 'd')).toMatchObject({ actualMinutes: 0 });
    const before = note(fresh());
    const early = seminarRecord(plan, before, project(plan, before, at(8, 55))).cards['d']!;
    expect([early.plannedMinutes, early.actualMinutes, early.status]).toEqual([undefined, undefined, undefined]);
  });
});

describe('events from another window', () => {
  it('accepts well-formed events and refuses anything else', () => {
    expect(isSeminarEvent({ type: 'start' })).toBe(true);
    expect(isSeminarEvent({ type: 'write', cardId: 'b', field: 'agreed', text: 'x', rev: 3, writer: 'w' })).toBe(true);
    expect(isSeminarEvent({ type: 'write', cardId: 'b', field: 'notes', text: 'x', rev: 3, writer: 'w' })).toBe(false);
    expect(isSeminarEvent({ type: 'adjust', seconds: 1e9 })).toBe(false);
    expect(isSeminarEvent({ type: 'import', record: { deck: 'x' } })).toBe(false);
    expect(isSeminarEvent('start')).toBe(false);
  });
});
