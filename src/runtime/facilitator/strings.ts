// Every word of the facilitator view, the deck's control and the discussion countdown, per language.
import type { ExportLabels } from '../timing/export.js';
import { type Language, formatNumber } from '../timing/format.js';
import type { RowStatus } from '../timing/projection.js';

export interface FacilitatorStrings {
  language: Language;
  // deck window
  openView: string;
  openViewTitle: string;
  popupBlocked: string;
  keyFacilitator: string;
  keyDiscussion: string;
  keyDiscussionStop: string;
  keyDiscussionMore: string;
  deckTimerLabel: string;
  // view: frame
  windowTitle: (deck: string) => string;
  connecting: string;
  disconnected: string;
  noOpener: string;
  storageUnavailable: string;
  // view: slides and notes
  now: string;
  nextSlide: string;
  endOfDeck: string;
  slideOf: (n: number, total: number) => string;
  previous: string;
  next: string;
  notes: string;
  fontSmaller: string;
  fontLarger: string;
  noNotes: string;
  // view: card timer and seminar
  themeOf: (n: number, total: number) => string;
  notStarted: string;
  notStartedHint: string;
  finished: string;
  timeLeft: string;
  overTime: string;
  ofMinutes: (minutes: number) => string;
  minusMinute: string;
  plusMinute: string;
  pause: string;
  pausePlanned: (minutes: number) => string;
  resume: string;
  pausedSince: (clock: string) => string;
  plannedBreakUntil: (clock: string) => string;
  clock: string;
  projectedEnd: string;
  plannedEnd: string;
  endedAt: string;
  behind: (minutes: number) => string;
  ahead: (minutes: number) => string;
  onTime: string;
  // view: plan
  plan: string;
  planColumns: { time: string; title: string; planned: string; actual: string };
  status: Record<RowStatus, string>;
  breakTitle: string;
  unplannedPause: string;
  expectedAt: (clock: string) => string;
  goToCard: (title: string) => string;
  minutes: (minutes: number) => string;
  // view: re-plan
  replanHeading: (minutes: number) => string;
  replanTarget: (clock: string) => string;
  shortenOption: (count: number) => string;
  shortenNotEnough: string;
  skipOption: string;
  endsAt: (clock: string) => string;
  apply: string;
  replanned: (clock: string) => string;
  undoReplan: string;
  skippedShort: string;
  // view: discussion countdown
  discussion: string;
  discussionHint: string;
  discussionLabel: string;
  discussionEnded: string;
  discussionPaused: string;
  stop: string;
  sound: string;
  testSound: string;
  deckTimer: string;
  // view: gaps, export, reset
  gapSleep: (minutes: number, where: string) => string;
  gapClosed: (minutes: number, where: string) => string;
  gapWhere: (title: string, themeNumber?: number) => string;
  dismiss: string;
  exportHeading: string;
  exportCsv: string;
  exportJson: string;
  exportLabels: ExportLabels;
  reset: string;
  rehearsal: (started: string, planned: string) => string;
  rehearsalReset: string;
  resetQuestion: string;
  resetConfirm: string;
  cancel: string;
}

const daStatus: Record<RowStatus, string> = { done: 'Holdt', current: 'Nu', ahead: 'Senere', skipped: 'Udelades', passed: 'Sprunget over' };
const enStatus: Record<RowStatus, string> = { done: 'Done', current: 'Now', ahead: 'Ahead', skipped: 'Skipped', passed: 'Passed over' };

const da: FacilitatorStrings = {
  language: 'da',
  openView: 'Facilitator',
  openViewTitle: 'Åbn facilitatorvisningen (tast S)',
  popupBlocked: 'Browseren blokerede facilitatorvisningen. Tillad pop op-vinduer for denne fil, og tryk S igen.',
  keyFacilitator: 'Facilitatorvisning',
  keyDiscussion: 'Samtale-nedtælling: start, pause, fortsæt',
  keyDiscussionStop: 'Stop samtale-nedtællingen',
  keyDiscussionMore: 'Samtale-nedtælling: +1 min',
  deckTimerLabel: 'Tid tilbage på temaet',
  windowTitle: (deck) => `Facilitator – ${deck}`,
  connecting: 'Forbinder til præsentationen …',
  disconnected: 'Præsentationsvinduet svarer ikke. Tiderne er gemt – åbn præsentationen igen, så fortsætter de.',
  noOpener: 'Åbn facilitatorvisningen fra præsentationen: tryk S, eller klik på »Facilitator« øverst til venstre.',
  storageUnavailable: 'Browseren kan ikke gemme tiderne. De går tabt, hvis præsentationen lukkes.',
  now: 'Nu',
  nextSlide: 'Næste',
  endOfDeck: 'Sidste slide',
  slideOf: (n, total) => `Slide ${n} af ${total}`,
  previous: 'Forrige',
  next: 'Næste',
  notes: 'Noter',
  fontSmaller: 'Mindre skrift i noterne',
  fontLarger: 'Større skrift i noterne',
  noNotes: 'Ingen noter til denne slide.',
  themeOf: (n, total) => `Tema ${n} af ${total}`,
  notStarted: 'Ikke startet',
  notStartedHint: 'Uret starter, når I går ind i det første tema.',
  finished: 'Alle temaer er gennemgået',
  timeLeft: 'Tid tilbage',
  overTime: 'Over tid',
  ofMinutes: (m) => `af ${formatNumber(m, 'da')} min.`,
  minusMinute: '−1 min',
  plusMinute: '+1 min',
  pause: 'Pause',
  pausePlanned: (m) => `Pause (${formatNumber(m, 'da')} min.)`,
  resume: 'Fortsæt',
  pausedSince: (clock) => `Pause siden ${clock}`,
  plannedBreakUntil: (clock) => `planlagt til ${clock}`,
  clock: 'Klokken',
  projectedEnd: 'Forventet slut',
  plannedEnd: 'Planlagt slut',
  endedAt: 'Sluttede',
  behind: (m) => `${m} min bagud`,
  ahead: (m) => `${m} min foran`,
  onTime: 'Til tiden',
  plan: 'Dagens plan',
  planColumns: { time: 'Kl.', title: 'Tema', planned: 'Plan', actual: 'Faktisk' },
  status: daStatus,
  breakTitle: 'Pause',
  unplannedPause: 'Pause (ikke planlagt)',
  expectedAt: (clock) => `forventet ${clock}`,
  goToCard: (title) => `Gå til »${title}«`,
  minutes: (m) => `${formatNumber(m, 'da')} min.`,
  replanHeading: (m) => `I er ${m} min bagud`,
  replanTarget: (clock) => `Sådan når I planlagt slut kl. ${clock}:`,
  shortenOption: (n) => (n === 1 ? 'Forkort det sidste tema' : `Forkort de ${n} resterende temaer forholdsmæssigt`),
  shortenNotEnough: 'Selv med 5 min. pr. tema når I det ikke helt',
  skipOption: 'Spring et tema over',
  endsAt: (clock) => `slut kl. ${clock}`,
  apply: 'Anvend',
  replanned: (clock) => `Planen er ændret kl. ${clock}`,
  undoReplan: 'Fortryd',
  skippedShort: 'udgår',
  discussion: 'Samtale på lærredet',
  discussionHint: 'Nedtælling til snak i par eller grupper, vist stort over sliden.',
  discussionLabel: 'Samtale',
  discussionEnded: 'Tiden er gået',
  discussionPaused: 'På pause',
  stop: 'Stop',
  sound: 'Lyd ved slut',
  testSound: 'Prøv lyden',
  deckTimer: 'Vis temaets nedtælling på lærredet',
  gapSleep: (m, where) => `Computeren har sovet i ${m} min – tiden er talt med på ${where}.`,
  gapClosed: (m, where) => `Præsentationen var lukket i ${m} min – tiden er talt med på ${where}.`,
  gapWhere: (title, n) => (n === undefined ? `»${title}«` : `tema ${n}`),
  dismiss: 'OK',
  exportHeading: 'Tider til næste gang',
  exportCsv: 'Hent CSV',
  exportJson: 'Hent JSON',
  exportLabels: {
    columns: ['Nr.', 'Id', 'Tema', 'Temanr.', 'Planlagt (min)', 'Omplanlagt (min)', 'Faktisk (min)', 'Forskel (min)', 'Status', 'Start'],
    status: daStatus,
  },
  reset: 'Nulstil alle tider',
  rehearsal: (started, planned) => `Uret startede kl. ${started}, længe før planlagt start kl. ${planned}. Var det en prøve?`,
  rehearsalReset: 'Nulstil tiderne …',
  resetQuestion: 'Nulstil alle tider for dette seminar? Det kan ikke fortrydes.',
  resetConfirm: 'Ja, nulstil',
  cancel: 'Annullér',
};

const en: FacilitatorStrings = {
  language: 'en',
  openView: 'Facilitator',
  openViewTitle: 'Open the facilitator view (key S)',
  popupBlocked: 'The browser blocked the facilitator view. Allow pop-ups for this file and press S again.',
  keyFacilitator: 'Facilitator view',
  keyDiscussion: 'Discussion countdown: start, pause, resume',
  keyDiscussionStop: 'Stop the discussion countdown',
  keyDiscussionMore: 'Discussion countdown: +1 min',
  deckTimerLabel: 'Time left on this theme',
  windowTitle: (deck) => `Facilitator – ${deck}`,
  connecting: 'Connecting to the presentation …',
  disconnected: 'The presentation window does not answer. The times are saved – open the presentation again and they carry on.',
  noOpener: 'Open the facilitator view from the presentation: press S, or click “Facilitator” at the top left.',
  storageUnavailable: 'This browser cannot save the times. They are lost if the presentation is closed.',
  now: 'Now',
  nextSlide: 'Next',
  endOfDeck: 'Last slide',
  slideOf: (n, total) => `Slide ${n} of ${total}`,
  previous: 'Previous',
  next: 'Next',
  notes: 'Notes',
  fontSmaller: 'Smaller notes',
  fontLarger: 'Larger notes',
  noNotes: 'No notes for this slide.',
  themeOf: (n, total) => `Theme ${n} of ${total}`,
  notStarted: 'Not started',
  notStartedHint: 'The clock starts when you enter the first theme.',
  finished: 'All themes are done',
  timeLeft: 'Time left',
  overTime: 'Over time',
  ofMinutes: (m) => `of ${formatNumber(m, 'en')} min`,
  minusMinute: '−1 min',
  plusMinute: '+1 min',
  pause: 'Pause',
  pausePlanned: (m) => `Break (${formatNumber(m, 'en')} min)`,
  resume: 'Resume',
  pausedSince: (clock) => `Paused since ${clock}`,
  plannedBreakUntil: (clock) => `planned until ${clock}`,
  clock: 'Time',
  projectedEnd: 'Expected end',
  plannedEnd: 'Planned end',
  endedAt: 'Ended',
  behind: (m) => `${m} min behind`,
  ahead: (m) => `${m} min ahead`,
  onTime: 'On time',
  plan: 'Today’s plan',
  planColumns: { time: 'Time', title: 'Theme', planned: 'Plan', actual: 'Actual' },
  status: enStatus,
  breakTitle: 'Break',
  unplannedPause: 'Break (unplanned)',
  expectedAt: (clock) => `expected ${clock}`,
  goToCard: (title) => `Go to “${title}”`,
  minutes: (m) => `${formatNumber(m, 'en')} min`,
  replanHeading: (m) => `You are ${m} min behind`,
  replanTarget: (clock) => `To end as planned at ${clock}:`,
  shortenOption: (n) => (n === 1 ? 'Shorten the last theme' : `Shorten the ${n} remaining themes in proportion`),
  shortenNotEnough: 'Even at 5 min per theme it is not quite enough',
  skipOption: 'Skip a theme',
  endsAt: (clock) => `ends ${clock}`,
  apply: 'Apply',
  replanned: (clock) => `Plan changed at ${clock}`,
  undoReplan: 'Undo',
  skippedShort: 'dropped',
  discussion: 'Discussion on screen',
  discussionHint: 'A countdown for talk in pairs or groups, shown large over the slide.',
  discussionLabel: 'Discussion',
  discussionEnded: 'Time is up',
  discussionPaused: 'Paused',
  stop: 'Stop',
  sound: 'Sound at the end',
  testSound: 'Test the sound',
  deckTimer: 'Show the theme countdown on screen',
  gapSleep: (m, where) => `The computer slept for ${m} min – the time counts for ${where}.`,
  gapClosed: (m, where) => `The presentation was closed for ${m} min – the time counts for ${where}.`,
  gapWhere: (title, n) => (n === undefined ? `“${title}”` : `theme ${n}`),
  dismiss: 'OK',
  exportHeading: 'Times for next time',
  exportCsv: 'Download CSV',
  exportJson: 'Download JSON',
  exportLabels: {
    columns: ['No.', 'Id', 'Theme', 'Theme no.', 'Planned (min)', 'Re-planned (min)', 'Actual (min)', 'Difference (min)', 'Status', 'Start'],
    status: enStatus,
  },
  reset: 'Reset all times',
  rehearsal: (started, planned) => `The clock started at ${started}, long before the planned start at ${planned}. Was that a rehearsal?`,
  rehearsalReset: 'Reset the times …',
  resetQuestion: 'Reset all times for this seminar? This cannot be undone.',
  resetConfirm: 'Yes, reset',
  cancel: 'Cancel',
};

/** The strings for a deck language: English for `en`, Danish otherwise. */
export function facilitatorStrings(language: string | undefined): FacilitatorStrings {
  return language === 'en' ? en : da;
}
