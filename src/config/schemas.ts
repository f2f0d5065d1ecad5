// The one schema for card front matter, video blocks and deck manifests: validation, types and JSON Schema.
import { z } from 'zod';

const clockTime = z
  .string()
  .regex(/^([01]?\d|2[0-3]):[0-5]\d$/, 'expected a time of day as "HH:MM", e.g. "09:00"');

const positiveMinutes = z.number().positive('expected a positive number of minutes');

/** The YAML front matter at the top of a card file. */
export const cardFrontMatterSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'expected an id of lowercase letters, digits and hyphens, e.g. "om-at-moderere-debatten"')
    .optional()
    .describe('The card id used in manifests. Defaults to the file name without .md.'),
  title: z.string().min(1, 'expected a title').describe('The card title, e.g. "Om at moderere debatten".'),
  kind: z.enum(['intro', 'theme']).default('theme').describe('"theme" for a discussion card, "intro" for an introduction.'),
  minutes: positiveMinutes.describe('Planned minutes for the card; a deck may override it.'),
});
export type CardFrontMatter = z.infer<typeof cardFrontMatterSchema>;

/** The YAML body of a `::: video` block. */
export const videoSchema = z.strictObject({
  speaker: z.string().optional().describe('Who speaks in the video.'),
  role: z.string().optional().describe('The speaker\'s role, e.g. "Digital ekspert".'),
  title: z.string().optional().describe('The video\'s title.'),
  description: z.string().optional().describe('What the video covers (inline Markdown).'),
  page: z.string().optional().describe('The web page where the video is published.'),
  src: z.string().optional().describe('A local video file (mp4/webm) or a YouTube/Vimeo address.'),
  poster: z.string().optional().describe('A poster image shown before playback and in print.'),
  captions: z.string().optional().describe('A WebVTT captions file.'),
  start: z.number().nonnegative().optional().describe('Start time in seconds.'),
  end: z.number().positive().optional().describe('End time in seconds.'),
  length: z.string().optional().describe('The length as shown to people, e.g. "4:30".'),
});
export type VideoFields = z.infer<typeof videoSchema>;

/** A planned break between cards, e.g. `- break: 15`. */
export const breakEntrySchema = z.strictObject({
  break: positiveMinutes.describe('Minutes of the break.'),
  title: z.string().optional().describe('What the agenda calls it; "Pause" by default.'),
});

/** One entry of a manifest's `cards` list: an id, an id with this deck's minutes, or a break. */
export const deckCardEntrySchema = z.union([
  z.string().min(1),
  z.strictObject({
    card: z.string().min(1).describe('The card id.'),
    minutes: positiveMinutes.optional().describe('Minutes for this card in this deck.'),
  }),
  breakEntrySchema,
]);

/** A deck manifest in `slides/`. */
export const manifestSchema = z.strictObject({
  title: z.string().min(1, 'expected a title').describe('The deck title, shown on the title slide.'),
  subtitle: z.string().optional(),
  language: z.enum(['da', 'en']).default('da').describe('Language of the deck and its interface.'),
  theme: z.string().default('default').describe('The visual theme, a folder in themes/.'),
  organisation: z.string().optional().describe('Who is behind the deck or seminar.'),
  date: z.string().optional().describe('The seminar date, e.g. "2026-11-24".'),
  place: z.string().optional(),
  start: clockTime.default('09:00').describe('Planned start of the seminar, "HH:MM".'),
  allowHtml: z.boolean().default(false).describe('Let cards contain raw HTML (shown as text otherwise).'),
  notes: z.string().optional().describe('Speaker notes for the title slide (Markdown).'),
  agenda: z
    .strictObject({
      title: z.string().optional(),
      notes: z.string().optional().describe('Speaker notes for the agenda slide (Markdown).'),
    })
    .optional(),
  cards: z.array(deckCardEntrySchema).min(1, 'expected at least one card').describe('The cards, in order.'),
  closing: z
    .strictObject({
      title: z.string().optional(),
      text: z.string().optional(),
      notes: z.string().optional().describe('Speaker notes for the closing slide (Markdown).'),
    })
    .optional(),
});
export type Manifest = z.infer<typeof manifestSchema>;
