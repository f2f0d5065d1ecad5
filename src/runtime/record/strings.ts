// Every word of the record panel, the seminar panel and the audience's "Det aftalte vi", per language.

export interface RecordStrings {
  language: 'da' | 'en';
  // the panel under the notes
  heading: string;
  themeOf: (n: number, total: number) => string;
  chooseCard: string;
  action: string;
  agreedLabel: string;
  agreedPlaceholder: string;
  followUpLabel: string;
  followUpPlaceholder: string;
  show: string;
  showHint: string;
  onScreen: string;
  noCardYet: string;
  pinned: (title: string) => string;
  follow: string;
  savedAt: (clock: string) => string;
  notSaved: string;
  throwaway: string;
  olderSeminar: (label: string) => string;
  seminarLabel: string;
  change: string;
  // the seminar panel
  seminarHeading: string;
  council: string;
  councilPlaceholder: string;
  date: string;
  place: string;
  seminars: string;
  running: string;
  empty: string;
  newSeminar: string;
  newSeminarQuestion: string;
  newSeminarConfirm: string;
  cancel: string;
  started: (label: string) => string;
  staleStarted: (previous: string) => string;
  exportHeading: string;
  exportMarkdown: string;
  exportJson: string;
  importFile: string;
  imported: (label: string, merged: boolean) => string;
  undoImport: string;
  undone: string;
  importFailed: (why: string) => string;
  wrongDeck: (deck: string) => string;
  fileWord: string;
  // the audience screen
  audienceHeading: string;
  audienceFollowUp: string;
}

const da: RecordStrings = {
  language: 'da',
  heading: 'Det aftalte vi',
  themeOf: (n, total) => `Tema ${n} af ${total}`,
  chooseCard: 'Tema',
  action: 'Til handling',
  agreedLabel: 'Hvad aftalte kommunalbestyrelsen?',
  agreedPlaceholder: 'Skriv aftalen, mens I taler …',
  followUpLabel: 'Hvem følger op – og hvornår?',
  followUpPlaceholder: 'Fx »Borgmesteren, inden 1. juni«',
  show: 'Vis på lærredet',
  showHint: 'Aftalen vises på handlingsspørgsmålets slide, så kommunalbestyrelsen kan bekræfte ordlyden.',
  onScreen: 'Vises på lærredet nu',
  noCardYet: 'Felterne hører til det tema, præsentationen viser. Vælg et tema for at skrive nu.',
  pinned: (title) => `Præsentationen er gået videre. Du skriver stadig i »${title}«.`,
  follow: 'Følg præsentationen',
  savedAt: (clock) => `Gemt ${clock}`,
  notSaved: 'Browseren kan ikke gemme teksten! Den går tabt, hvis vinduet lukkes – hent Markdown nu.',
  throwaway:
    'Browseren gav dette vindue et tomt lager, da det blev genindlæst. Teksten gemmes i præsentationsvinduet, så intet går tabt – men luk facilitatorvisningen, og åbn den igen med S.',
  olderSeminar: (label) => `Du ser et tidligere seminar (${label}). Tiderne tælles på det aktuelle.`,
  seminarLabel: 'Seminar:',
  change: 'Skift seminar',
  seminarHeading: 'Seminar og aftaler',
  council: 'Kommunalbestyrelse',
  councilPlaceholder: 'Fx Solby Kommune',
  date: 'Dato',
  place: 'Sted',
  seminars: 'Seminarer med dette dæk',
  running: 'nu',
  empty: 'tomt',
  newSeminar: 'Nyt seminar …',
  newSeminarQuestion: 'Start et nyt seminar? Det nuværende gemmes og kan åbnes igen her. Præsentationens tider starter forfra.',
  newSeminarConfirm: 'Start nyt seminar',
  cancel: 'Annullér',
  started: (label) => `Nyt seminar startet: ${label}.`,
  staleStarted: (previous) => `Et nyt seminar er startet. Det forrige (${previous}) er gemt – vælg det under »Seminarer med dette dæk«.`,
  exportHeading: 'Referat',
  exportMarkdown: 'Hent Markdown',
  exportJson: 'Hent JSON',
  importFile: 'Indlæs fil …',
  imported: (label, merged) => (merged ? `Indlæst i seminaret ${label}: filens tekst erstatter den, der stod.` : `Indlæst som seminaret ${label}.`),
  undoImport: 'Fortryd indlæsningen',
  undone: 'Indlæsningen er fortrudt.',
  importFailed: (why) => `Filen kunne ikke indlæses: ${why}`,
  wrongDeck: (deck) => `filen hører til dækket »${deck}«, ikke dette`,
  fileWord: 'aftaler',
  audienceHeading: 'Det aftalte vi',
  audienceFollowUp: 'Opfølgning:',
};

const en: RecordStrings = {
  language: 'en',
  heading: 'What we agreed',
  themeOf: (n, total) => `Theme ${n} of ${total}`,
  chooseCard: 'Theme',
  action: 'To act on',
  agreedLabel: 'What did the council agree?',
  agreedPlaceholder: 'Write the agreement as you talk …',
  followUpLabel: 'Who follows up – and by when?',
  followUpPlaceholder: 'E.g. “The mayor, by 1 June”',
  show: 'Show on screen',
  showHint: 'The agreement appears on the action question’s slide, so the council can confirm the wording.',
  onScreen: 'On screen now',
  noCardYet: 'The fields belong to the theme the presentation shows. Choose a theme to write now.',
  pinned: (title) => `The presentation has moved on. You are still writing in “${title}”.`,
  follow: 'Follow the presentation',
  savedAt: (clock) => `Saved ${clock}`,
  notSaved: 'This browser cannot save the text! It is lost if the window closes – download the Markdown now.',
  throwaway:
    'The browser gave this window empty storage when it was reloaded. The text is saved in the presentation window, so nothing is lost – but close the facilitator view and open it again with S.',
  olderSeminar: (label) => `You are looking at an earlier seminar (${label}). The times count for the current one.`,
  seminarLabel: 'Seminar:',
  change: 'Change seminar',
  seminarHeading: 'Seminar and agreements',
  council: 'Council',
  councilPlaceholder: 'E.g. Solby Municipality',
  date: 'Date',
  place: 'Place',
  seminars: 'Seminars with this deck',
  running: 'now',
  empty: 'empty',
  newSeminar: 'New seminar …',
  newSeminarQuestion: 'Start a new seminar? The current one is kept and can be opened again here. The presentation’s times start over.',
  newSeminarConfirm: 'Start new seminar',
  cancel: 'Cancel',
  started: (label) => `New seminar started: ${label}.`,
  staleStarted: (previous) => `A new seminar has started. The previous one (${previous}) is kept – choose it under “Seminars with this deck”.`,
  exportHeading: 'Record',
  exportMarkdown: 'Download Markdown',
  exportJson: 'Download JSON',
  importFile: 'Import a file …',
  imported: (label, merged) => (merged ? `Imported into seminar ${label}: the file’s text replaces what was there.` : `Imported as seminar ${label}.`),
  undoImport: 'Undo the import',
  undone: 'The import is undone.',
  importFailed: (why) => `The file could not be imported: ${why}`,
  wrongDeck: (deck) => `the file belongs to the deck “${deck}”, not this one`,
  fileWord: 'agreements',
  audienceHeading: 'What we agreed',
  audienceFollowUp: 'Follow-up:',
};

/** English for `en`, Danish otherwise (like the deck). */
export function recordStrings(language: string | undefined): RecordStrings {
  return language === 'en' ? en : da;
}

/** A seminar as people name it: "2. marts 2027 · Solby Kommune". */
export function seminarLabel(record: { seminar: string; date?: string; municipality?: string }, language: 'da' | 'en'): string {
  const date = record.date ?? record.seminar.slice(0, 10);
  const suffix = record.seminar.length > 10 && record.seminar.startsWith(date) ? ` (${record.seminar.slice(11)})` : '';
  return [`${formatDate(date, language)}${suffix}`, record.municipality].filter(Boolean).join(' · ');
}

/** "2027-03-02" as "2. marts 2027" / "2 March 2027"; anything else as it is. */
export function formatDate(iso: string, language: 'da' | 'en'): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const at = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12);
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'da-DK', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(at);
}
