// The video plugin: plays a slide's video when the facilitator asks, pauses it when the slide is left, reports its time.
//
// Behaviour, by design (issue 5):
// - Nothing plays with sound until the facilitator presses play (a click on the poster, or K), unless the
//   card asks for `autoplay` (local files only). Online players are not even loaded before that, so no
//   request reaches YouTube or Vimeo until then.
// - Leaving the slide, showing the overview or pausing the deck (B, black screen) pauses the video.
// - In reveal's speaker-view preview frames and in the print view the plugin only shows posters.
// - State for the facilitator view: data attributes on each `[data-video]` container
//   (data-video-state, data-video-remaining-seconds, …), the `videostatechange` event, and the API below.
import type { RevealApi } from 'reveal.js';
import { VideoController } from './controller.js';
import { VIDEO_EVENT, VIDEO_PLUGIN_ID, type VideoPluginApi, type VideoState } from './types.js';

export * from './types.js';

const K = 75;

const KEY_DESCRIPTION: Record<string, string> = {
  da: 'Afspil eller sæt videoen på pause',
  en: 'Play or pause the video',
};

/** The plugin factory, for reveal.js's `plugins` option. */
export function VideoPlugin(): VideoPluginApi {
  const controllers: VideoController[] = [];
  const listeners = new Set<(state: VideoState) => void>();
  let deck: RevealApi | undefined;

  const on = (slide?: HTMLElement) => {
    const target = slide ?? deck?.getCurrentSlide();
    return controllers.filter((c) => c.slide === target);
  };

  const plugin: VideoPluginApi = {
    id: VIDEO_PLUGIN_ID,

    init(reveal: RevealApi) {
      deck = reveal;
      const doc = reveal.getRevealElement()?.ownerDocument ?? document;
      const win = doc.defaultView ?? window;
      const inert = reveal.isSpeakerNotes() || isPrintView(reveal, win);
      const shown = new Map<VideoController, string>();
      const changed = (controller: VideoController) => {
        const state = controller.snapshot();
        // The slide's content changes size (poster ↔ player): reveal.js centres slides only when it lays them out.
        if (shown.has(controller) && shown.get(controller) !== state.status) reveal.layout();
        shown.set(controller, state.status);
        for (const listener of listeners) listener(state);
        reveal.dispatchEvent({ type: VIDEO_EVENT, data: { video: state } });
      };
      for (const container of Array.from(reveal.getSlidesElement()?.querySelectorAll<HTMLElement>('[data-video]') ?? [])) {
        controllers.push(new VideoController(container, { win, inert, changed }));
      }
      if (inert || controllers.length === 0) return;

      const pauseAll = (except?: Element) => {
        for (const controller of controllers) if (controller.slide !== except) controller.pause();
      };
      const enter = (slide: HTMLElement) => {
        pauseAll(slide);
        for (const controller of on(slide)) if (controller.autoplay) void controller.play();
      };
      reveal.on('slidechanged', (event) => enter((event as unknown as { currentSlide: HTMLElement }).currentSlide));
      reveal.on('ready', () => enter(reveal.getCurrentSlide()));
      reveal.on('overviewshown', () => pauseAll());
      reveal.on('paused', () => pauseAll());
      reveal.addKeyBinding({ keyCode: K, key: 'K', description: KEY_DESCRIPTION[doc.documentElement.lang] ?? KEY_DESCRIPTION['en']! }, () => {
        void plugin.toggle();
      });
      win.addEventListener('online', () => controllers.forEach((c) => c.refreshAvailability()));
      win.addEventListener('offline', () => controllers.forEach((c) => c.refreshAvailability()));
      // A click inside a YouTube or Vimeo player moves the keyboard into its frame, where the arrow keys
      // and a presenter's clicker would seek the video instead of changing slides: give the keys back.
      win.addEventListener('blur', () => {
        win.setTimeout(() => {
          const active = doc.activeElement;
          if (active instanceof HTMLIFrameElement && active.classList.contains('video-frame')) {
            active.blur();
            win.focus();
          }
        }, 150);
      });
    },

    getStates: () => controllers.map((c) => c.snapshot()),
    getState: (slide) => on(slide).map((c) => c.snapshot()),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async play(slide) {
      await Promise.all(on(slide).map((c) => c.play()));
    },
    pause(slide) {
      for (const controller of on(slide)) controller.pause();
    },
    async toggle(slide) {
      await Promise.all(on(slide).map((c) => c.toggle()));
    },
  };
  return plugin;
}

/** reveal.js 6 has `isPrintView()` at run time but not in its types; `?view=print` and `?print-pdf` select it. */
function isPrintView(reveal: RevealApi, win: Window): boolean {
  const api = reveal as RevealApi & { isPrintView?: () => boolean };
  return api.isPrintView?.() === true || (reveal.getConfig() as { view?: string }).view === 'print' || /print-pdf/i.test(win.location.search);
}
