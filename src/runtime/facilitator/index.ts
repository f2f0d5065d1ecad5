// The facilitator plugin for reveal.js: card timers, the seminar plan, the facilitator view and the
// discussion countdown. It replaces reveal's notes plugin as the `S` handler.
//
// How it fits together
// - The deck window is the only writer of the timing state (timing/state.ts),
//   kept in localStorage per deck (store.ts) and computed on the wall clock
//   (clock.ts), so reloading the deck, reopening the view or a sleeping
//   laptop loses nothing. A tick every 250 ms detects jumps of more than two
//   minutes and records them; the view says "Computeren har sovet i 14 min –
//   tiden er talt med på tema 3".
// - `S`, or the discreet "Facilitator" button top left, opens the SAME deck
//   file as a popup with `?samtale=facilitator` (link.ts). That page does not
//   start reveal.js: it renders the facilitator view (view/) from its own
//   copy of the slides, so the previews are clones of the `<section>`s in
//   scaled boxes; no iframes, and the deck is not loaded three times. No
//   script is written into the popup, so the CSP (scripts by hash) holds.
// - The windows talk with postMessage (protocol.ts); the view shows what the
//   deck sends and sends commands back (navigation, pause, ±1 min, re-plan,
//   the discussion countdown, reset after confirmation, preferences).
// - Timers follow the facilitator: a card's countdown starts on first entry
//   into one of its slides, pauses on another card, resumes on return. The
//   title and agenda slides do not stop it; the closing slide ends the plan.
//   Nothing resets on a click or a stray key.
// - Re-plan (timing/replan.ts) when two or more minutes behind: shorten the
//   cards ahead in proportion, or skip one; one action applies it, and the
//   deck's agenda slide and card title slides show the new minutes (agenda.ts).
// - The discussion countdown (discussion/) sits over the slide on the
//   audience screen; D starts/pauses it, Shift+D stops it, + adds a minute.
// - Nothing of this runs in reveal's print view, and all of it is hidden in print.
//
// Test hook: `window.__samtaleNow` (see clock.ts).
import type { RevealApi, RevealPlugin } from 'reveal.js';
import { DiscussionOverlay } from '../discussion/overlay.js';
import { chime, warmUpAudio } from '../discussion/sound.js';
import { discussionStatus, extendDiscussion, startDiscussion, stopDiscussion, toggleDiscussion } from '../timing/discussion.js';
import { type Plan, planFromModel } from '../timing/plan.js';
import { project } from '../timing/projection.js';
import { applyReplan, undoReplan } from '../timing/replan.js';
import {
  type SlidePlace,
  adjustCurrent,
  dismissGaps,
  enterSlide,
  pauseSeminar,
  resetState,
  resumeSeminar,
  setPrefs,
} from '../timing/state.js';
import { updateAgenda } from './agenda.js';
import { now } from './clock.js';
import { DeckControl } from './control.js';
import { ViewLink } from './link.js';
import { readModel } from './model.js';
import { type Command, type SessionSnapshot, type SlidePosition, envelope } from './protocol.js';
import { SeminarSession } from './session.js';
import { TimingStore } from './store.js';
import { type FacilitatorStrings, facilitatorStrings } from './strings.js';

export { isFacilitatorView } from './link.js';
export { startFacilitatorView } from './view/index.js';

/** reveal.js's keyCode for S. */
const KEY_S = 83;
const MINUTE = 60;

/** The plugin; register it in place of reveal's notes plugin. */
export function Facilitator(): RevealPlugin {
  return {
    id: 'samtale-facilitator',
    init(deck: RevealApi) {
      const api = deck as RevealApi & { isPrintView?: () => boolean };
      if (api.isPrintView?.() === true || deck.getConfig().view === 'print') return;
      mount(deck, document, window);
    },
  };
}

function mount(deck: RevealApi, doc: Document, win: Window): void {
  const plan = planFromModel(readModel(doc));
  const strings = facilitatorStrings(plan.language);
  const session = new SeminarSession(plan, new TimingStore(win, plan.deckId), () => now(win));

  const position = (): SlidePosition => {
    const { h, f } = deck.getIndices();
    return {
      h,
      f: typeof f === 'number' ? f : -1,
      fragments: deck.getCurrentSlide()?.querySelectorAll('.fragment').length ?? 0,
      total: deck.getTotalSlides(),
    };
  };
  const send = (snapshot: SessionSnapshot = session.snapshot()) =>
    link.send({ ...envelope(plan.deckId), type: 'update', snapshot, slide: position() });
  const link = new ViewLink(win, plan.deckId, {
    onConnect: () => send(),
    onCommand: (command) => run(command),
  });

  const openView = () => {
    if (session.current.prefs.sound) warmUpAudio(win);
    if (!link.open()) control.say(strings.popupBlocked);
  };
  const control = new DeckControl(doc, strings, openView);
  const discussion = {
    primary: () => {
      if (session.current.prefs.sound) warmUpAudio(win);
      const status = discussionStatus(session.current, now(win));
      session.update((s, t) => (status && !status.ended ? toggleDiscussion(s, t) : startDiscussion(s, s.prefs.discussionSeconds, t)));
    },
    extend: () => session.update((s, t) => extendDiscussion(s, MINUTE, t)),
    toggle: () => session.update((s, t) => toggleDiscussion(s, t)),
    stop: () => session.update((s) => stopDiscussion(s)),
  };
  const overlay = new DiscussionOverlay(doc, strings, discussion);

  session.onChange((snapshot) => {
    control.render(snapshot, link.connected);
    overlay.render(snapshot.discussion, snapshot.prefs.sound, snapshot.now);
    send(snapshot);
  });

  deck.addKeyBinding({ keyCode: KEY_S, key: 'S', description: strings.keyFacilitator }, openView);
  deck.registerKeyboardShortcut('D', strings.keyDiscussion);
  deck.registerKeyboardShortcut('Shift + D', strings.keyDiscussionStop);
  deck.registerKeyboardShortcut('+', strings.keyDiscussionMore);

  const follow = () => {
    session.update((s, t) => enterSlide(s, placeOf(deck, deck.getCurrentSlide()), t));
    send();
  };
  deck.on('ready', follow);
  deck.on('slidechanged', follow);
  deck.on('fragmentshown', () => send());
  deck.on('fragmenthidden', () => send());
  if (deck.isReady()) follow();

  const showPlan = () => updateAgenda(doc, plan, project(plan, session.current, now(win)), strings, session.current.replans.length > 0);
  // A deck reloaded after a re-plan shows the new plan on its slides again.
  if (session.current.replans.length > 0) showPlan();
  session.start(win);

  function run(command: Command): void {
    runCommand(command, { deck, plan, session, strings, win, showPlan, follow });
  }
}

interface Context {
  deck: RevealApi;
  plan: Plan;
  session: SeminarSession;
  strings: FacilitatorStrings;
  win: Window;
  showPlan(): void;
  follow(): void;
}

function runCommand(command: Command, { deck, plan, session, win, showPlan, follow }: Context): void {
  switch (command.kind) {
    case 'navigate':
      if (command.to === 'next') deck.next();
      else if (command.to === 'prev') deck.prev();
      else deck.slide(command.to === 'first' ? 0 : deck.getTotalSlides() - 1);
      return;
    case 'goto-card': {
      const index = deck.getSlides().findIndex((slide) => slide.dataset['card'] === command.cardId);
      if (index >= 0) deck.slide(index, 0, -1);
      return;
    }
    case 'pause':
      return session.update((s, t) => pauseSeminar(s, plan, t));
    case 'resume':
      return session.update((s, t) => resumeSeminar(s, t));
    case 'adjust':
      return session.update((s) => adjustCurrent(s, plan, command.seconds));
    case 'reset':
      session.update((s, t) => resetState(s, t));
      showPlan();
      // Timing starts afresh on the slide the deck shows now.
      return follow();
    case 'replan':
      session.update((s, t) => applyReplan(plan, s, command.choice, t));
      return showPlan();
    case 'undo-replan':
      session.update((s) => undoReplan(s));
      return showPlan();
    case 'discussion-start':
      return session.update((s, t) => startDiscussion(s, command.seconds, t));
    case 'discussion-extend':
      return session.update((s, t) => extendDiscussion(s, command.seconds, t));
    case 'discussion-toggle':
      return session.update((s, t) => toggleDiscussion(s, t));
    case 'discussion-stop':
      return session.update((s) => stopDiscussion(s));
    case 'prefs':
      return session.update((s) => setPrefs(s, command.prefs));
    case 'test-sound':
      return chime(win);
    case 'dismiss-gap':
      return session.update((s) => dismissGaps(s));
  }
}

/** A slide as the timers see it: one of a card's, or before the cards (title, agenda), or after them (closing). */
function placeOf(deck: RevealApi, slide: HTMLElement | undefined): SlidePlace {
  const cardId = slide?.dataset['card'];
  if (cardId) return { kind: 'card', cardId };
  const slides = deck.getSlides();
  const index = slide ? slides.indexOf(slide) : -1;
  const firstCard = slides.findIndex((s) => s.dataset['card'] !== undefined);
  return firstCard < 0 || index < firstCard ? { kind: 'before' } : { kind: 'after' };
}
