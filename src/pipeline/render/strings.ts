// Interface words of the rendered deck, per language. The deck's language picks the set.

export interface Strings {
  agenda: string;
  theme: (n: number, total: number) => string;
  minutes: (n: number) => string;
  action: string;
  break: string;
  questions: string;
  closing: string;
  /** The agenda's rows for the welcome and the closing. */
  welcome: string;
  closingRow: string;
  video: string;
  videoPage: string;
  slideOf: (n: number, total: number) => string;
  /** "2027-03-02" as people write it. */
  date: (iso: string) => string;
  facilitator: (name: string) => string;
  /** The notes of a deck whose manifest has none (Markdown; placeholders as in docs/cards.md). */
  defaultTitleNotes: string;
  defaultAgendaNotes: string;
  defaultClosingNotes: string;
}

const da: Strings = {
  agenda: 'Dagsorden',
  theme: (n, total) => `Tema ${n} af ${total}`,
  minutes: (n) => `${formatNumber(n, 'da')} min.`,
  action: 'Til handling',
  break: 'Pause',
  questions: 'Spørgsmål',
  closing: 'Tak for i dag',
  welcome: 'Velkommen',
  closingRow: 'Afslutning',
  video: 'Video',
  videoPage: 'Se videoen på',
  slideOf: (n, total) => `Slide ${n} af ${total}`,
  date: (iso) => formatDate(iso, 'da-DK'),
  facilitator: (name) => `Facilitator: ${name}`,
  defaultTitleNotes: 'Byd velkommen, præsentér dig selv og dagens formål, og gennemgå kort de praktiske rammer.',
  defaultAgendaNotes: 'Gennemgå dagsordenen: {temaer} fra kl. {start} til kl. {slut}.\n\n{Pauser}.\n\nAftal, hvem der skriver aftalerne ned.',
  defaultClosingNotes: 'Opsummér de aftaler, I har noteret under hvert tema, og aftal, hvem der følger op og hvornår.',
};

const en: Strings = {
  agenda: 'Agenda',
  theme: (n, total) => `Theme ${n} of ${total}`,
  minutes: (n) => `${formatNumber(n, 'en')} min`,
  action: 'To act on',
  break: 'Break',
  questions: 'Questions',
  closing: 'Thank you',
  welcome: 'Welcome',
  closingRow: 'Closing',
  video: 'Video',
  videoPage: 'Watch the video at',
  slideOf: (n, total) => `Slide ${n} of ${total}`,
  date: (iso) => formatDate(iso, 'en-GB'),
  facilitator: (name) => `Facilitator: ${name}`,
  defaultTitleNotes: 'Welcome everyone, introduce yourself and the purpose of the session, and go through the practicalities.',
  defaultAgendaNotes: 'Go through the agenda: {themes} from {start} to {end}.\n\n{Breaks}.\n\nAgree on who writes down what is agreed.',
  defaultClosingNotes: 'Sum up what was agreed under each theme, and agree who follows up and when.',
};

// One formatter per language: creating an Intl.NumberFormat costs more than a whole card's rendering.
const numberFormats = new Map<string, Intl.NumberFormat>();

function formatNumber(n: number, language: string): string {
  let format = numberFormats.get(language);
  if (!format) numberFormats.set(language, (format = new Intl.NumberFormat(language === 'da' ? 'da-DK' : 'en-GB', { maximumFractionDigits: 1 })));
  return format.format(n);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function formatDate(iso: string, locale: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  let format = dateFormats.get(locale);
  if (!format) dateFormats.set(locale, (format = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })));
  // Noon UTC, formatted in UTC: the calendar date never shifts with the machine's time zone.
  return format.format(Date.UTC(y!, m! - 1, d!, 12));
}

/** The strings for a deck language. */
export function stringsFor(language: string): Strings {
  return language === 'en' ? en : da;
}
