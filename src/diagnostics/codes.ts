// The registry of every diagnostic code: what it means, who it is for, and what to do about it.
//
// Adding a code is one step: an entry here. The type check then accepts it everywhere, and
// tests/diagnostics/codes.test.ts asks for what else it needs (a fixture that produces it) and regenerates
// docs/errors.md from this table (`npm run golden`).

/** `content`: a problem in cards or manifests, with a position (exit 1); `usage`: bad arguments (exit 2); `environment`: the machine or files around (exit 1). */
export type CodeKind = 'content' | 'usage' | 'environment';

export interface CodeInfo {
  kind: CodeKind;
  /** What went wrong, in a few words. */
  title: string;
  /** What to do about it; a call site may give a more specific hint (a did-you-mean). */
  hint: string;
  /** When it happens, for docs/errors.md, where no test fixture can show it (a browser that crashes mid-print). */
  example?: string;
}

const content = (title: string, hint: string, example?: string): CodeInfo => ({ kind: 'content', title, hint, ...(example ? { example } : {}) });
const usage = (title: string, hint: string): CodeInfo => ({ kind: 'usage', title, hint });
const environment = (title: string, hint: string, example?: string): CodeInfo => ({ kind: 'environment', title, hint, ...(example ? { example } : {}) });

export const CODES = {
  // Cards and manifests: YAML and schema.
  E_YAML: content('YAML does not parse', 'check the indentation, and quote values that contain ": " or start with a special character'),
  E_YAML_INDENT: content('YAML indented with a tab, or a key not in line with the keys beside it', 'indent with spaces only, 2 per level; the keys of one level (of one list entry) line up under each other'),
  E_YAML_NOT_MAPPING: content('YAML is not a list of "key: value" lines', 'write one "key: value" per line, e.g. "title: Om at …"; no "- " in front of the keys'),
  E_UNKNOWN_KEY: content('unknown key', 'check the spelling; the allowed keys are in docs/cards.md'),
  E_MISSING_KEY: content('a required key is missing', 'add the key on a line of its own, e.g. "title: …"'),
  E_INVALID_VALUE: content('a value of the wrong kind or form', 'write the value as docs/cards.md describes it'),
  E_BAD_MINUTES: content('minutes that are not a positive number', 'write a number, e.g. "minutes: 20"'),
  W_ID_NOT_FILE_NAME: content('a card whose id differs from its file name', 'keep the id and the file name the same: rename the file to "<id>.md", or change "id:"'),
  E_CARD_ID: content('a card id that is not lowercase letters, digits and hyphens', 'write the id in lowercase with hyphens, e.g. "id: om-vores-kodeks"'),

  // Cards: structure.
  E_FRONT_MATTER_UNCLOSED: content('front matter that is never closed', 'end the front matter with a line "---" before the card\'s text'),
  E_NO_FRONT_MATTER: content('a card without front matter', 'start the file with "---", then "title: …", "kind: theme", "minutes: 20", then "---"'),
  E_NO_QUESTIONS: content('a theme card without questions', 'add questions as paragraphs starting with "? ", and the closing action question with "?! "'),
  E_QUOTE_NO_SOURCE: content('a quote without a source', 'end the quote with a line "> -- Name, role, year"'),
  E_UNCLOSED_BLOCK: content('a "::: notes" or "::: video" block that is never closed', 'end the block with a line ":::"'),
  E_NOTES_TARGET: content('an unknown notes target', 'write "::: notes" for the card, or one of "::: notes quotes", "::: notes questions", "::: notes action"'),
  E_UNKNOWN_BLOCK: content('an unknown "::: name" block', 'the blocks are "::: notes" and "::: video"'),
  E_LINK_NOT_ALLOWED: content('a link or image that is not allowed', 'links may only go to http://, https:// or mailto: addresses; images go in a video poster or the theme'),
  E_HTML_UNCLOSED: content('raw HTML with an element that is never closed', 'close the element (e.g. "</div>"), or remove the HTML: an open element swallows the slides after it'),
  E_DUPLICATE_CARD: content('two cards with the same id', 'change the "id" in one of them (the id defaults to the file name)'),
  W_NO_ACTION_QUESTION: content('a theme card without an action question', 'mark the closing "Hvad kan I … gøre" question with "?! " instead of "? "'),
  W_SEVERAL_ACTION_QUESTIONS: content('a theme card with more than one action question', 'a card has one action question, its last; make the others "? " questions'),
  W_NO_NOTES: content('a theme card without facilitator notes', 'add a "::: notes" block with the purpose, the run of the discussion and follow-up prompts'),
  E_UNKNOWN_REFERENCE: content('notes that name a question, quote, step or placeholder the card does not have', 'end the question, the quote\'s source line or the step of the run with {#name} to name it, or use one of the placeholders in docs/cards.md'),
  E_BAD_REFERENCE: content('a {#name} that cannot be used, or that is not on a question, quote or step of the run', 'give each question, quote and step its own name of lowercase letters, digits and hyphens, not a placeholder\'s, at the end of its line'),
  E_STEP_MINUTES: content('a step added to the run without its minutes', 'start the step with its minutes, e.g. "(3 min) Saml op på tavlen"'),
  W_RUN_SUM: content('the steps of a card\'s run do not add up to its minutes', 'make the steps add up to the card\'s "minutes", or change "minutes"'),
  W_RUN_NOT_SCALED: content('a run ("Forløb") whose steps have no minutes, so it cannot follow the deck\'s minutes', 'start every step with its minutes, e.g. "1. (5 min) …", or "(2 min, fast)" for a step that keeps its time'),
  W_RUN_TOO_SHORT: content('a card with fewer minutes in the deck than the steps of its run', 'give the card more minutes, or drop a step with a notes change'),
  W_STALE_GUIDANCE: content('guidance whose words contradict the deck, or repeat a step of the run the deck no longer has', 'write the facts as placeholders ({temaer}, {slut}, {citater}, …), or name the item or step the line is about with {name}'),
  W_TEXT_TOO_LONG: content('text too long for its slide', 'shorten it, or split it into two; what does not fit is cut off on the projector and in the slides and guide PDFs'),

  // Videos and media.
  E_VIDEO_ADDRESS: content('a video address that cannot be used', 'write the full address of a YouTube or Vimeo video, or the path of a local mp4/webm file'),
  E_MEDIA_FORMAT: content('a media file of a format the deck cannot use', 'videos are mp4 or webm, posters jpg/png/webp/avif/gif/svg, captions .vtt, logos svg/png, fonts woff2/woff/ttf/otf'),
  E_PARTICIPANTS_URL: content('an address for the participants\' edition that cannot be used', 'write the full address where participants.html is published, e.g. "https://www.solby.dk/samtalekort"'),
  E_MEDIA_REMOTE: content('a poster or captions given as a web address', 'save the file in the project and write its path'),
  E_MEDIA_OUTSIDE_PROJECT: content('a media file outside the project folder', 'put the file inside the project, e.g. in content/media/, and write a path relative to the file that names it'),
  E_MEDIA_MISSING: content('a media file that does not exist', 'check the file name and its folder; the path is relative to the file that names it'),
  E_MEDIA_UNREADABLE: content('a media file that cannot be read', 'check that the file is still there and that you may read it'),
  E_CAPTIONS_NOT_VTT: content('captions that are not WebVTT', 'save the captions as WebVTT (.vtt); convert .srt with e.g. "ffmpeg -i captions.srt captions.vtt"'),
  E_VIDEO_TIMES: content('video start and end times that do not fit', 'give times as seconds from the beginning of the video, "start" before "end"'),
  E_UNKNOWN_VIDEO: content('a manifest names a video id no card in the deck has', 'give the video an "id:" in its "::: video" block, and use that id under "videos:"'),
  E_AMBIGUOUS_VIDEO: content('a video id used by more than one video in the deck', 'the ids of videos in one deck must differ; change one of them'),
  W_VIDEO_AUTOPLAY: content('"autoplay" on an online video', 'an online video loads only when the facilitator presses play; remove "autoplay"'),
  W_VIDEO_NOTHING: content('a video with neither "src" nor "page"', 'add "src:" with a local file or a YouTube/Vimeo address, or "page:" with the page that shows the video'),
  W_LARGE_MEDIA: content('a logo or font so large that every deck gets heavy', 'a logo as SVG, or a font subset, is much smaller'),

  // PowerPoint (samtale pptx).
  E_PPTX_TEXT: content('text PowerPoint cannot store (a control character)', 'remove the invisible control character from the line; PowerPoint files cannot hold it'),
  E_PPTX_VIDEO_SIZE: content('a local video too large to embed in a PowerPoint file', 'give the video a smaller file (PowerPoint files over 1 GB do not open), or point to an online copy'),
  W_PPTX_VIDEO_FORMAT: content('a local video PowerPoint may not play (WebM)', 'give the card an MP4 copy of the video for PowerPoint; the deck plays either'),
  W_PPTX_POSTER: content('a video poster the PowerPoint export cannot draw', 'save the poster as PNG or JPEG, or as a simple SVG'),
  W_PPTX_FONT: content('a font file without a family name for PowerPoint', 'use the font file as its foundry ships it; PowerPoint is told the font by the name inside the file'),

  // Files and links that reach outside the project.
  E_FILE_OUTSIDE_PROJECT: content('a card or manifest that is a link to a file outside the project folder', 'copy the file into the project instead of linking to it'),
  E_EXTENDS_OUTSIDE: content('"extends" names a deck outside the project', 'extend a deck in slides/ by its id, e.g. "extends: sociale-medier"'),

  // Decks.
  E_UNKNOWN_CARD: content('a manifest names a card that does not exist', 'check the card id; it is the "id:" in the card\'s front matter, or its file name'),
  E_CARD_TWICE: content('a card listed twice in one deck', 'remove one of the entries'),
  E_NO_CARDS: content('a deck without cards', 'list at least one card under "cards:", e.g. "- om-at-bruge-sociale-medier"'),
  E_UNKNOWN_THEME: content('a manifest names a theme that does not exist', 'use a theme in themes/, e.g. "theme: default"'),
  E_EXTENDS_CYCLE: content('decks that extend each other in a circle', 'one deck in the chain must stand on its own, without "extends"'),
  E_CONTRAST: content('a branding colour without enough contrast (WCAG AA)', 'choose a darker shade of the colour; the theme puts it on light backgrounds and under white text'),
  E_NO_MATCH: content('an adaptation\'s change matches nothing in the card it changes', 'match one of the card\'s items by the start of its text as it is written now (the hint names the nearest and lists them), or remove the change'),
  E_STALE_CHANGE: content('the item an adaptation\'s change points at has changed in the shared card since the change was written', 'read what the card said and says now (the message quotes both) and update "match" if the change still applies',
    'an earlier wording of the card had the item the change finds (for a base deck card, the editions the installed samtale carries; for your own card, the git history of your project), e.g. KL reworded a question after the adaptation replaced it: `slides/faxe.yaml:21:18: the question this change points at has changed in card "om-at-vaere-rollemodel" since the change was written; the change is not applied [E_STALE_CHANGE]`, hint: `it said "Har I overvejet at udarbejde et kodeks …"; the card now says "Har I et kodeks for …" — update "match" if the change still applies`. A change that no wording of the card ever matched is E_NO_MATCH.'),

  // Deck names on the command line.
  E_UNKNOWN_DECK: environment('no deck by that name', 'name a deck in slides/ by its id, e.g. "samtale build sociale-medier"'),
  E_DECK_ID: usage('a deck name that is neither a deck id nor a manifest in the project', 'name a deck in slides/ by its id (e.g. sociale-medier), or a manifest inside the project (e.g. slides/solby.yaml)'),
  E_DECK_FILE_NAME: content('a manifest whose file name is not a deck id', 'rename the manifest: lowercase letters, digits and hyphens, e.g. slides/solby.yaml'),
  E_DECK_OUTSIDE: usage('a deck manifest outside the project folder', 'run samtale in the project folder that holds the deck, or copy the manifest into its slides/'),
  E_NO_DECKS: environment('a project without deck manifests', 'create slides/<deck-id>.yaml, or run "samtale new NAME"'),
  E_NO_DEFAULT_DECK: environment('several decks and no default', 'name the deck, or set "samtale": { "defaultDeck": … } in package.json'),
  E_USAGE: usage('a command or option samtale does not know', 'run "samtale --help" for the commands and their options'),

  // The seminar record (`samtale record`).
  E_RECORD_READ: environment('the record file cannot be read', 'give the Markdown or JSON file downloaded from the facilitator view ("Hent Markdown" / "Hent JSON")'),
  E_RECORD_FORMAT: content('a record file that is not a samtale record', 'export the record again from the facilitator view ("Hent Markdown"), or fix the line'),
  E_RECORD_TOO_LARGE: environment('a record file far larger than any record', 'give the file downloaded from the facilitator view ("Hent Markdown" / "Hent JSON"); a record is a few kilobytes'),
  E_RECORD_DECK: environment('the record names a deck the project does not have', 'name the deck whose branding to use: --deck DECK'),

  // The machine, the output folder and the tools.
  E_RUNTIME: environment('the compiled browser runtime is missing or incomplete', 'run "npm run compile" (npm install does it) in the samtale folder',
    'samtale was installed without `npm install` finishing, so lib/runtime/ is missing; or a theme was added to themes/ after the runtime was compiled.'),
  E_NO_BROWSER: environment('no Chromium or Chrome for PDF export', 'install Chromium, or set SAMTALE_BROWSER=/path/to/chrome'),
  E_BROWSER_LAUNCH: environment('the browser did not start', 'check that it is a working Chromium or Chrome, or point SAMTALE_BROWSER at one'),
  E_PDF_RENDER: environment('a document could not be printed', 'run the command again; if it fails again, run "samtale check" and report the problem with its message',
    'Chromium fails while laying out or printing a document, e.g. a font in the theme cannot be loaded: `Could not render the handout of sociale-medier: fonts failed to load: …`.'),
  E_EMOJI_FONT: environment('emoji that no installed font can draw', 'install a colour emoji font (Debian/Ubuntu: sudo apt-get install fonts-noto-color-emoji; npm install does it when run as root), or take the emoji out of the text',
    'A PDF has emoji and no colour emoji font is installed, or a newer emoji than the font knows: `Could not render the handout of valg: no installed emoji font can draw 🫩 (in "Om at …")`.'),
  E_WRITE: environment('the output could not be written', 'check that the output folder is writable and has room'),
  E_OUTPUT_BUSY: environment('another samtale run kept the output folder busy too long', 'wait until the other build or PDF export of this deck has finished, then run the command again',
    'Another `samtale build` or `samtale pdf` of the same deck holds `dist/.<deck>.lock` for more than half a minute, or took the lock over from this run.'),
  E_DEV_SERVER: environment('the dev server did not start', 'try another port with --port, or check what else listens on it',
    'Vite starts but reports no address to open the preview at.'),
  E_EXISTS: environment('the file to create exists already', 'edit it, or choose another name'),
  E_BAD_NAME: environment('a name that gives no usable deck id', 'write the municipality\'s name, e.g. samtale new "Faxe Kommune"'),
} as const satisfies Record<string, CodeInfo>;

/** Every diagnostic code. */
export type DiagnosticCode = keyof typeof CODES;
export type ErrorCode = Extract<DiagnosticCode, `E_${string}`>;
export type WarningCode = Extract<DiagnosticCode, `W_${string}`>;

/** The registry's entry for a code. */
export function codeInfo(code: DiagnosticCode): CodeInfo {
  return CODES[code];
}
