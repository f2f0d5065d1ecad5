// The one schema for card front matter, video blocks and deck manifests: validation, types and JSON Schema.
import { z } from 'zod';
import { toSeconds } from '../pipeline/video-source.js';
import { isValidId, normaliseId } from '../project/ids.js';

const clockTime = z
  .string()
  .regex(/^([01]?\d|2[0-3]):[0-5]\d$/, 'expected a time of day as "HH:MM", e.g. "09:00"');

const positiveMinutes = z.number().positive('expected a positive number of minutes');

/** The YAML front matter at the top of a card file. */
export const cardFrontMatterSchema = z.strictObject({
  id: z
    .string()
    .optional()
    .describe('The card id used in manifests: lowercase letters (æ, ø, å too), digits and hyphens. Defaults to the file name without .md.'),
  title: z.string().trim().min(1, 'expected a title, not an empty one').describe('The card title, e.g. "Om at moderere debatten".'),
  kind: z.enum(['intro', 'theme']).default('theme').describe('"theme" for a discussion card, "intro" for an introduction.'),
  minutes: positiveMinutes.describe('Planned minutes for the card; a deck may override it.'),
});
export type CardFrontMatter = z.infer<typeof cardFrontMatterSchema>;

/** A time in a video: seconds (`95`) or minutes and seconds (`"1:35"`). */
const videoTime = (what: string) => z
  .union([z.number(), z.string()])
  .transform((value, ctx) => {
    const seconds = toSeconds(value);
    if (seconds === undefined) ctx.addIssue({ code: 'custom', message: `expected ${what} as seconds or "m:ss", e.g. 95 or "1:35"` });
    return seconds ?? 0;
  });

/** The YAML body of a `::: video` block. */
export const videoSchema = z.strictObject({
  id: z
    .string()
    .transform(normaliseId)
    .refine(isValidId, 'expected an id of lowercase letters, digits and hyphens, e.g. "thielke"')
    .optional()
    .describe('A name a deck manifest uses to point this video to another file (`videos:`), e.g. "thielke".'),
  speaker: z.string().optional().describe('Who speaks in the video.'),
  role: z.string().optional().describe('The speaker\'s role, e.g. "Digital ekspert".'),
  title: z.string().optional().describe('The video\'s title.'),
  description: z.string().optional().describe('What the video covers (inline Markdown).'),
  page: z.string().optional().describe('The web page where the video is published (http or https).'),
  src: z.string().optional().describe('The video: a local mp4/webm file, a YouTube or Vimeo address, or a web page that shows it.'),
  poster: z.string().optional().describe('A local image shown before playback and in print.'),
  captions: z.string().optional().describe('A local WebVTT captions file (.vtt).'),
  start: videoTime('a start time').optional().describe('Where playback starts: seconds or "m:ss".'),
  end: videoTime('an end time').optional().describe('Where playback stops: seconds or "m:ss".'),
  length: z
    .string()
    .regex(/^(\d+:)?\d{1,2}:\d{2}$/, 'expected a length as "m:ss", e.g. "4:30"')
    .optional()
    .describe('The length as shown to people, "m:ss", e.g. "4:30".'),
  autoplay: z.boolean().optional().describe('Start a local video, with sound, as soon as its slide is shown (default false).'),
});
export type VideoFields = z.infer<typeof videoSchema>;

/** A manifest's `videos:` entry: another file for a card's video, e.g. one downloaded for offline use. */
export const videoOverrideSchema = z.strictObject({
  src: z.string().min(1).optional().describe('The video: a local mp4/webm file (relative to the manifest), or a YouTube or Vimeo address.'),
  poster: z.string().min(1).optional().describe('A local poster image, relative to the manifest.'),
  captions: z.string().min(1).optional().describe('A local WebVTT captions file, relative to the manifest.'),
});
export type VideoOverride = z.infer<typeof videoOverrideSchema>;

/** A planned break between cards, e.g. `- break: 15`. */
export const breakEntrySchema = z.strictObject({
  break: positiveMinutes.describe('Minutes of the break.'),
  title: z.string().optional().describe('What the agenda calls it; "Pause" by default.'),
});

/** Text that finds one question or quote of a card: its words from the start (case and punctuation ignored). */
const matchText = z.string().min(1).describe('The start of the question or quote, as written in the card (a quote also by its source, or either by its {#name}).');

/** Which notes of a card: its general notes, or those of its quote, question or action slides. */
const notesFor = z.enum(['quotes', 'questions', 'action']).describe('The notes of the quote, question or action slides (default: the card\'s general notes).');
const lineMatch = z.string().min(1).describe('The start of a line of the notes (a paragraph, a list item or a step of the run), as shown.');
const sectionName = z.string().min(1).describe('The title of a section of the notes, e.g. "Forløb" or "Hvis samtalen går i stå".');

/** Changes an adaptation makes to a card's facilitator notes: lines, steps of the run and whole sections. */
export const notesChangesSchema = z.strictObject({
  replace: z.array(z.union([
    z.strictObject({ match: lineMatch, with: z.string().min(1).describe('The new line (Markdown); a step may start with its minutes, "(3 min)".'), for: notesFor.optional() }),
    z.strictObject({ section: sectionName, with: z.string().min(1).describe('The section\'s new content (Markdown).'), for: notesFor.optional() }),
  ])).optional().describe('Lines, steps or sections with new text.'),
  add: z.array(z.union([
    z.strictObject({
      text: z.string().min(1).describe('The line (Markdown); in the run a step with its minutes, "(3 min) …".'),
      section: sectionName.optional().describe('The section it goes into (at its end, or after "after").'),
      after: lineMatch.optional().describe('The line it goes after.'),
      for: notesFor.optional(),
    }),
    z.strictObject({ title: z.string().min(1).describe('The title of a new section, added at the end.'), text: z.string().min(1).describe('Its content (Markdown).'), for: notesFor.optional() }),
  ])).optional().describe('New lines, steps or sections.'),
  drop: z.array(z.union([
    lineMatch,
    z.strictObject({ match: lineMatch, for: notesFor.optional() }),
    z.strictObject({ section: sectionName, for: notesFor.optional() }),
  ])).optional().describe('Lines, steps or whole sections left out.'),
});
export type NotesChanges = z.infer<typeof notesChangesSchema>;

/** Changes an adaptation makes to one shared card, without copying it. */
export const cardChangesSchema = z.strictObject({
  questions: z
    .strictObject({
      replace: z.array(z.strictObject({ match: matchText, with: z.string().min(1).describe('The new question (Markdown).') })).optional(),
      add: z.array(z.string().min(1)).optional().describe('Questions added before the action question (Markdown).'),
      drop: z.array(matchText).optional().describe('Questions left out.'),
      action: z.string().min(1).optional().describe('A new action question in place of the card\'s own.'),
    })
    .optional(),
  quotes: z
    .strictObject({
      add: z.array(z.strictObject({ text: z.string().min(1), source: z.string().min(1) })).optional().describe('Local quotes, e.g. from the council\'s own code of conduct.'),
      drop: z.array(matchText).optional().describe('Quotes left out.'),
    })
    .optional(),
  notes: notesChangesSchema.optional().describe('Changes to the card\'s facilitator notes.'),
});
export type CardChanges = z.infer<typeof cardChangesSchema>;

/** One entry of a manifest's `cards` list: an id, an id with this deck's minutes and changes, or a break. */
export const deckCardEntrySchema = z.union([
  z.string().min(1),
  z.strictObject({
    card: z.string().min(1).describe('The card id.'),
    minutes: positiveMinutes.optional().describe('Minutes for this card in this deck.'),
    ...cardChangesSchema.shape,
  }),
  breakEntrySchema,
]);

const hexColour = z.string().regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, 'expected a colour as "#rrggbb", e.g. "#0b4a6f"');

/** A municipality's look: used in the deck, the facilitator view and the PDFs. */
export const brandingSchema = z.strictObject({
  logo: z.string().min(1).optional().describe('An SVG or PNG file, relative to the manifest.'),
  primary: hexColour.optional().describe('Headings and links; needs AA contrast on the background.'),
  accent: hexColour.optional().describe('Labels and the action question; white text on it needs AA contrast.'),
  highlight: hexColour.optional().describe('Bars, rules and backgrounds behind dark text: no text is set in it, so a light brand colour is fine (default: the accent).'),
  font: z.string().min(1).optional().describe('A WOFF2, WOFF, TTF or OTF file, relative to the manifest, used for all text.'),
});
export type Branding = z.infer<typeof brandingSchema>;

/** A deck manifest in `slides/`. An adaptation `extends` another deck and sets only what differs. */
export const manifestSchema = z.strictObject({
  extends: z.string().min(1).optional().describe('The deck this one adapts, e.g. "sociale-medier".'),
  title: z.string().trim().min(1, 'expected a title, not an empty one').optional().describe('The deck title, shown on the title slide.'),
  subtitle: z.string().optional(),
  language: z.enum(['da', 'en']).optional().describe('Language of the deck and its interface (default "da").'),
  theme: z.string().optional().describe('The visual theme, a folder in themes/ (default "default").'),
  organisation: z.string().optional().describe('Who is behind the deck or seminar.'),
  municipality: z.string().optional().describe('The council the seminar is for, e.g. "Faxe Kommune".'),
  facilitator: z.string().optional().describe('Who leads the seminar.'),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as "YYYY-MM-DD", e.g. "2027-03-02"')
    .optional()
    .describe('The seminar date, "YYYY-MM-DD".'),
  place: z.string().optional(),
  start: clockTime.optional().describe('Planned start of the seminar, "HH:MM" (default "09:00").'),
  allowHtml: z.boolean().optional().describe('Let cards contain raw HTML (shown as text otherwise).'),
  branding: brandingSchema.optional(),
  notes: z.string().optional().describe('Speaker notes for the title slide (Markdown).'),
  agenda: z
    .strictObject({
      title: z.string().optional(),
      notes: z.string().optional().describe('Speaker notes for the agenda slide (Markdown).'),
    })
    .optional(),
  cards: z.array(deckCardEntrySchema).optional().describe('The cards, in order; an adaptation without it keeps its base deck\'s.'),
  closing: z
    .strictObject({
      title: z.string().optional(),
      text: z.string().optional(),
      notes: z.string().optional().describe('Speaker notes for the closing slide (Markdown).'),
    })
    .optional(),
  participants: z
    .strictObject({
      url: z.string().min(1).describe('The address (http or https) where the participants\' edition (participants.html) is published, e.g. on the municipality\'s site.'),
    })
    .optional()
    .describe('The participants\' edition: with a `url`, the handout\'s cover has a QR code to it.'),
  videos: z
    .record(z.string(), videoOverrideSchema)
    .optional()
    .describe('Videos of the cards, by their `id`, pointed to other files without touching the cards; paths are relative to the manifest.'),
});
export type Manifest = z.infer<typeof manifestSchema>;
