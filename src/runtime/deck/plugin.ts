// The facilitator plugin for reveal.js: the seminar (timers, plan, the council's record) held by the deck
// window, the facilitator view it opens, and what the room sees of it on the projector.
//
// How it fits together
// - The deck window holds the seminar (session.ts over seminar/: one state, changed only by events) and
//   keeps it in the browser (storage/). Reloading the deck, reopening the view or a sleeping laptop
//   loses nothing; the clock is the wall clock (kit/clock.ts).
// - `S`, or the small button bottom right, opens the SAME deck file as a popup with
//   `?samtale=facilitator` (link.ts). That page renders the facilitator view (view/) from its own copy of
//   the slides and the deck's snapshots; it sends back commands and keystrokes (protocol.ts).
// - Nothing is timed until the facilitator starts the seminar (the view's start button, or T here). A run
//   on another day than the manifest's is a rehearsal, kept apart (seminar/identity.ts).
// - Skipped cards are passed by, whichever way the deck is driven (navigation.ts).
// - On the projector: the discussion countdown, the break screen, the agreement on its action slide and
//   the day's agreements before the closing slide — each only when the facilitator asks for it.
// - Nothing of this runs in reveal's print view, and all of it is hidden in print.
import type { RevealApi, RevealPlugin } from 'reveal.js';
import { now } from '../kit/clock.js';
import { readModel } from '../kit/deck-model.js';
import { markSeminar } from '../kit/seminar-marks.js';
import { discussionStatus } from '../seminar/discussion.js';
import { type Plan, planFromModel } from '../seminar/plan.js';
import type { SlidePlace } from '../seminar/timing.js';
import { type Command, type SlidePosition, type Snapshot, envelope } from '../protocol.js';
import { OVERVIEW_KIND } from '../slides/overview.js';
import { SeminarStore } from '../storage/seminar-store.js';
import { type Strings, runtimeStrings } from '../strings/index.js';
import { VIDEO_PLUGIN_ID, type VideoPluginApi } from '../video/types.js';
import { updateAgenda } from './agenda.js';
import { AgreedBox } from './agreed-box.js';
import { BreakScreen } from './break-screen.js';
import { DeckControl } from './control.js';
import { DiscussionOverlay } from './discussion-overlay.js';
import { listenForDeckKeys } from './keys.js';
import { ViewLink } from './link.js';
import { Navigation } from './navigation.js';
import { OverviewSlide } from './overview-slide.js';
import { labelRevealControls } from './reveal-labels.js';
import { SeminarSession } from './session.js';
import { chime, warmUpAudio } from './sound.js';

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
      // reveal.js waits for this before it is ready: the seminar is read back (its durable copy too) first.
      return mount(deck, document, window);
    },
  };
}

async function mount(deck: RevealApi, doc: Document, win: Window): Promise<void> {
  const plan = planFromModel(readModel(doc));
  const strings = runtimeStrings(plan.language);
  const store = await SeminarStore.open(win, plan.deckId, true);
  const session = new SeminarSession(plan, store, () => now(win));
  // Reopened (or reloaded) during the seminar: back on the slide the room last saw, not on the title.
  const resumeAt = resumeSlide(session, store.loadSlide());
  const overviewSection = doc.querySelector<HTMLElement>(`.reveal .slides > section[data-slide-kind="${OVERVIEW_KIND}"]`);
  const overview = overviewSection ? new OverviewSlide(deck, overviewSection, plan, strings) : undefined;
  const navigation = new Navigation(deck, (slide) => {
    if (slide === overviewSection) return !overview?.shown;
    const cardId = slide.dataset['card'];
    return cardId !== undefined && session.current.skipped.includes(cardId);
  });

  const position = (): SlidePosition => {
    const { h, f } = deck.getIndices();
    const next = navigation.nextIndex(h);
    const total = deck.getTotalSlides();
    // A hidden agreements overview is not one of the day's slides: numbers after it count one less.
    const hidden = overviewSection && !overview?.shown ? deck.getSlides().indexOf(overviewSection) : -1;
    const number = (index: number) => index + 1 - (hidden >= 0 && index > hidden ? 1 : 0);
    return {
      h,
      f: typeof f === 'number' ? f : -1,
      fragments: deck.getCurrentSlide()?.querySelectorAll('.fragment').length ?? 0,
      total,
      ...(next === undefined ? {} : { next }),
      numbers: { current: number(h), ...(next === undefined ? {} : { next: number(next) }), total: total - (hidden >= 0 ? 1 : 0) },
    };
  };
  // The session knows the seminar; whether the projector is black only reveal knows.
  const send = (snapshot: Snapshot = session.snapshot()) =>
    link.send({ ...envelope(plan.deckId), type: 'snapshot', snapshot: deck.isPaused() ? { ...snapshot, projector: 'black' } : snapshot, slide: position() });
  const link = new ViewLink(win, plan.deckId, {
    onConnect: (outbox) => {
      session.takeOutbox(outbox);
      send();
    },
    onCommand: (command) => run(command),
  });

  const openView = () => {
    if (session.prefs.sound) warmUpAudio(win);
    if (!link.open()) control.say(strings.popupBlocked);
  };
  const control = new DeckControl(doc, strings, openView);
  const discussion = {
    primary: () => {
      if (session.prefs.sound) warmUpAudio(win);
      const status = discussionStatus(session.current, now(win));
      if (status && !status.ended) session.apply({ type: 'discussion-toggle' });
      else session.apply({ type: 'discussion-start', seconds: session.prefs.discussionSeconds });
    },
    extend: () => session.apply({ type: 'discussion-extend', seconds: MINUTE }),
    toggle: () => session.apply({ type: 'discussion-toggle' }),
    stop: () => session.apply({ type: 'discussion-stop' }),
  };
  const overlay = new DiscussionOverlay(doc, strings, discussion, () => deck.layout());
  const breakScreen = new BreakScreen(doc, plan, strings);
  const agreed = new AgreedBox(deck, doc, strings);
  let planSignature = '';

  session.onChange((snapshot) => {
    markSeminar(doc, snapshot.projection.phase, snapshot.seminar.rehearsal);
    control.render(snapshot, link.connected);
    overlay.render(snapshot.discussion, snapshot.prefs.sound, snapshot.now);
    breakScreen.render(snapshot);
    overview?.render(snapshot);
    agreed.render(snapshot);
    // The agenda slide follows re-plans and skips; and the deck never stays on a slide it now passes by.
    const signature = JSON.stringify([snapshot.seminar.replans.length, snapshot.seminar.skipped, snapshot.seminar.overrides, overview?.shown]);
    if (signature !== planSignature) {
      planSignature = signature;
      showPlan(doc, plan, snapshot, strings);
      navigation.recheck();
    }
    send(snapshot);
  });

  deck.addKeyBinding({ keyCode: KEY_S, key: 'S', description: strings.keyFacilitator }, openView);
  listenForDeckKeys(doc, {
    start: () => session.start(),
    discussion: discussion.primary,
    discussionStop: discussion.stop,
    discussionMore: () => {
      if (session.current.discussion) discussion.extend();
    },
  });

  const follow = () => {
    store.saveSlide(deck.getIndices().h);
    const place = placeOf(deck, deck.getCurrentSlide());
    session.cardOnScreen = place.kind === 'card' ? place.cardId : undefined;
    session.apply({ type: 'slide', place });
    send();
  };
  deck.on('ready', () => {
    labelRevealControls(deck, strings);
    if (resumeAt !== undefined && deck.getIndices().h === 0) deck.slide(resumeAt);
    follow();
  });
  deck.on('slidechanged', follow);
  deck.on('fragmentshown', () => send());
  deck.on('fragmenthidden', () => send());
  deck.on('paused', () => send());
  deck.on('resumed', () => send());
  if (deck.isReady()) follow();
  session.startClock(win);

  function run(command: Command): void {
    switch (command.kind) {
      case 'event':
        if (command.event.type === 'start') return session.start();
        // The length chosen in the view is the one the deck's D key starts next time.
        if (command.event.type === 'discussion-start') session.setPrefs({ discussionSeconds: command.event.seconds });
        return session.apply(command.event);
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
      case 'key':
        if (command.key === 'black') deck.togglePause();
        else if (command.key === 'video') void (deck.getPlugin(VIDEO_PLUGIN_ID) as VideoPluginApi | undefined)?.toggle();
        else if (command.key === 'discussion') discussion.primary();
        else if (command.key === 'discussion-stop') discussion.stop();
        else if (session.current.discussion) discussion.extend();
        return;
      case 'prefs':
        return session.setPrefs(command.prefs);
      case 'test-sound':
        return chime(win);
      case 'new-seminar':
        return session.newSeminar(command.details);
      case 'open-seminar':
        return session.openSeminar(command.id);
      case 'rehearsal':
        return session.rehearsal(command.to);
      case 'import': {
        const result = session.importRecord(command.record);
        link.send({ ...envelope(plan.deckId), type: 'reply', request: command.request, ...result });
        return;
      }
    }
  }
}

/** The slide to go back to on opening: the last one shown, while the seminar is under way. */
function resumeSlide(session: SeminarSession, slide: number | undefined): number | undefined {
  const phase = session.snapshot().projection.phase;
  return (phase === 'running' || phase === 'paused') && slide !== undefined && slide > 0 ? slide : undefined;
}

function showPlan(doc: Document, plan: Plan, snapshot: Snapshot, strings: Strings): void {
  const changed = snapshot.seminar.replans.length > 0 || snapshot.seminar.skipped.length > 0;
  updateAgenda(doc, plan, snapshot.projection, strings, changed);
}

/** A slide as the timers see it: one of a card's, or before the cards (title, agenda), or after them (overview, closing). */
function placeOf(deck: RevealApi, slide: HTMLElement | undefined): SlidePlace {
  const cardId = slide?.dataset['card'];
  if (cardId) return { kind: 'card', cardId };
  const slides = deck.getSlides();
  const index = slide ? slides.indexOf(slide) : -1;
  const firstCard = slides.findIndex((s) => s.dataset['card'] !== undefined);
  return firstCard < 0 || index < firstCard ? { kind: 'before' } : { kind: 'after' };
}
