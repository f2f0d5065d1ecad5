// Every word the runtime shows — on the projector, in the facilitator view, in its exports — per language.
import type { ExportLabels } from '../seminar/timing-export.js';
import type { RowStatus } from '../seminar/projection.js';
import { da } from './da.js';
import { en } from './en.js';

export interface Strings {
  language: 'da' | 'en';

  // ---------------------------------------------------------------- the projector (deck window)
  openView: string;
  openViewTitle: string;
  popupBlocked: string;
  keyFacilitator: string;
  keyStart: string;
  keyDiscussion: string;
  keyDiscussionStop: string;
  keyDiscussionMore: string;
  notStartedOnDeck: string;
  deckTimerLabel: string;
  breakHeading: string;
  breakUntil: (clock: string) => string;
  breakSoon: string;
  breakRegion: string;
  discussionLabel: string;
  discussionRegion: string;
  discussionEnded: string;
  discussionPaused: string;
  audienceHeading: string;
  audienceFollowUp: string;
  overviewHeading: string;
  overviewPage: (page: number, pages: number) => string;
  overviewNothing: string;
  overviewNotes: string;
  revealPrevious: string;
  revealNext: string;
  revealResume: string;

  // ---------------------------------------------------------------- the view: frame and connection
  windowTitle: (deck: string) => string;
  viewHeading: string;
  connecting: string;
  disconnected: string;
  noOpener: string;
  main: string;

  // ---------------------------------------------------------------- the seminar: start, rehearsal, storage
  startSeminar: string;
  startRehearsal: string;
  startPrompt: (where: string) => string;
  notStarted: string;
  notStartedHint: string;
  startedAt: (clock: string, late: number) => string;
  /** The welcome before the first card, and the closing after the last, as the view's header names them while they run. */
  welcomePart: string;
  closingPart: string;
  finished: string;
  rehearsalBadge: string;
  /** The header's notice while the projector is black (reveal's pause). */
  projectorBlack: string;
  /** Beside "start the seminar": start a rehearsal instead. */
  startTrial: string;
  /** Undoes a start before the first card is reached. */
  undoStart: string;
  undoStartHint: string;
  rehearsalBefore: (seminarDate: string) => string;
  rehearsalToday: string;
  rehearsalClear: string;
  rehearsalLeave: string;
  rehearsalBegin: string;
  storageQuota: string;
  storageUnavailable: string;
  downloadNow: string;

  // ---------------------------------------------------------------- the view: slides, notes, keys
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

  // ---------------------------------------------------------------- the view: card timer and the day
  themeOf: (n: number, total: number) => string;
  cardTimer: string;
  timeLeft: string;
  overTime: string;
  ofMinutes: (minutes: number) => string;
  minusMinute: string;
  minusMinuteName: string;
  plusMinute: string;
  plusMinuteName: string;
  pause: string;
  pausePlanned: (minutes: number) => string;
  resume: string;
  pausedSince: (clock: string) => string;
  plannedBreakUntil: (clock: string) => string;
  clock: string;
  projectedEnd: string;
  plannedEnd: string;
  plannedDay: (start: string, end: string) => string;
  endedAt: string;
  behind: (minutes: number) => string;
  ahead: (minutes: number) => string;
  onTime: string;

  // ---------------------------------------------------------------- the view: plan, re-plan
  plan: string;
  planColumns: { time: string; title: string; planned: string; actual: string; action: string };
  status: Record<RowStatus, string>;
  breakTitle: string;
  unplannedPause: string;
  goToCard: (title: string) => string;
  skipCard: string;
  skipCardName: (title: string) => string;
  unskipCard: string;
  unskipCardName: (title: string) => string;
  minutes: (minutes: number) => string;
  replanHeading: (minutes: number) => string;
  replanOpen: string;
  replanTitle: string;
  replanTarget: (clock: string) => string;
  shortenOption: (count: number) => string;
  shortenNotEnough: string;
  skipOption: string;
  endsAt: (clock: string) => string;
  apply: string;
  replanned: (clock: string) => string;
  undoReplan: string;
  skippedShort: string;

  // ---------------------------------------------------------------- the view: discussion countdown
  discussion: string;
  discussionHint: string;
  discussionMinutes: string;
  minuteUnit: string;
  discussionTimer: string;
  stop: string;
  sound: string;
  testSound: string;

  // ---------------------------------------------------------------- the view: what the council agreed
  agreementHeading: string;
  agreementFor: (card: string) => string;
  action: string;
  agreedLabel: string;
  agreedPlaceholder: string;
  followUpLabel: string;
  followUpPlaceholder: string;
  noCardOnScreen: string;
  lookBack: string;
  lookBackChoose: string;
  lookingBack: (card: string, onScreen: string) => string;
  backToScreen: (card: string) => string;
  /** A look back the deck ended by moving on. */
  lookBackEnded: (card: string, onScreen: string) => string;
  /** Typing went on into the new card after the deck moved on mid-sentence. */
  typedAfterSwitch: (card: string) => string;
  moveTypingBack: (card: string) => string;
  keepTyping: string;
  movedBack: (card: string) => string;
  show: string;
  showHint: string;
  onScreen: string;
  savedAt: (clock: string) => string;
  /** A keystroke on its way to the disk (see storage/durable.ts). */
  saving: string;
  waitingForDeck: string;
  notSaved: string;

  // ---------------------------------------------------------------- the view: the seminar dialog
  seminarButton: string;
  seminarHeading: string;
  close: string;
  council: string;
  councilPlaceholder: string;
  date: string;
  place: string;
  seminars: string;
  seminarLabel: (label: string, marks: string[]) => string;
  running: string;
  empty: string;
  rehearsalMark: string;
  openSeminar: string;
  newSeminar: string;
  newSeminarQuestion: string;
  newSeminarConfirm: string;
  cancel: string;
  started: (label: string) => string;
  recordHeading: string;
  exportMarkdown: string;
  exportRecordJson: string;
  importFile: string;
  /** An import of another seminar while one is under way: stored beside it, not switched to. */
  importedBeside: (label: string) => string;
  imported: (label: string) => string;
  importing: string;
  importTooLarge: (megabytes: string) => string;
  importNotStored: string;
  undoImport: string;
  undone: string;
  importFailed: (why: string) => string;
  wrongDeck: (deck: string) => string;
  timesHeading: string;
  exportCsv: string;
  exportTimesJson: string;
  exportLabels: ExportLabels;
  screenHeading: string;
  deckTimer: string;
  showAgreementsPref: string;
  resetTimes: string;
  resetQuestion: string;
  resetConfirm: string;
  gapSleep: (minutes: number, where: string) => string;
  gapClosed: (minutes: number, where: string) => string;
  gapWhere: (title: string, themeNumber?: number) => string;
  dismiss: string;
  fileWords: { agreements: string; times: string };
}

/** The strings for a deck language: English for `en`, Danish otherwise. */
export function runtimeStrings(language: string | undefined): Strings {
  return language === 'en' ? en : da;
}
