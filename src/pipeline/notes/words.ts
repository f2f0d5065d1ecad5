// The words placeholders and references become, per deck language.

export interface NotesWords {
  /** "spørgsmål 2", "spørgsmål 1 og 3". */
  questions(numbers: readonly number[]): string;
  actionQuestion: string;
  /** The card's own quotes, as guidance refers to them: "citatet", "begge citater", "de tre citater". */
  quotes(n: number): string;
  /** The card's questions (not the action question): "spørgsmålet", "begge spørgsmål", "de tre spørgsmål". */
  questionCount(n: number): string;
  /** The deck's themes and videos, the same way: "de fem temaer", "de tre videoer". */
  themes(n: number): string;
  videos(n: number): string;
  /** One break: "pausen på 15 minutter ligger kl. 10:45, efter »Om at moderere debatten«". */
  breakPhrase(b: BreakFact): string;
  /** Several: "pauserne ligger kl. 10:45 (15 minutter, efter »…«) og kl. 12:00 (»Frokost«, 30 minutter, efter »…«)". */
  breaks(all: readonly BreakFact[]): string;
  /** The run's title with the deck's minutes: "Forløb (25 min)". */
  runTitle(base: string, minutes: number): string;
  /** "(3 min)" before a step. */
  stepMinutes(minutes: number): string;
  /** Shown when a run could not be fitted to the deck's minutes. */
  runWrittenFor(written: number): string;
  and: string;
}

export interface BreakFact {
  title?: string;
  minutes: number;
  at: string;
  afterTitle?: string;
  beforeTitle?: string;
}

const DA_NUMBERS = ['nul', 'en', 'to', 'tre', 'fire', 'fem', 'seks', 'syv', 'otte', 'ni', 'ti', 'elleve', 'tolv'];
const EN_NUMBERS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/** "1, 2 og 3". */
function list(parts: readonly string[], and: string): string {
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} ${and} ${parts.at(-1)}`;
}

const daMinutes = (n: number) => (n === 1 ? '1 minut' : `${n} minutter`);
const enMinutes = (n: number) => `${n} minute${n === 1 ? '' : 's'}`;
const daWhere = (b: BreakFact) => (b.afterTitle ? `, efter »${b.afterTitle}«` : b.beforeTitle ? `, før »${b.beforeTitle}«` : '');
const enWhere = (b: BreakFact) => (b.afterTitle ? `, after “${b.afterTitle}”` : b.beforeTitle ? `, before “${b.beforeTitle}”` : '');
const daNumber = (n: number) => DA_NUMBERS[n] ?? String(n);
const enNumber = (n: number) => EN_NUMBERS[n] ?? String(n);
/** Danish: "citatet", "begge citater", "de tre citater". */
const daCount = (one: string, many: string) => (n: number) => (n === 1 ? one : n === 2 ? `begge ${many}` : `de ${daNumber(n)} ${many}`);
/** English: "the quote", "both quotes", "the three quotes". */
const enCount = (one: string, many: string) => (n: number) => (n === 1 ? `the ${one}` : n === 2 ? `both ${many}` : `the ${enNumber(n)} ${many}`);

const da: NotesWords = {
  questions: (numbers) => `spørgsmål ${list(numbers.map(String), 'og')}`,
  actionQuestion: 'handlingsspørgsmålet',
  quotes: daCount('citatet', 'citater'),
  questionCount: daCount('spørgsmålet', 'spørgsmål'),
  themes: daCount('temaet', 'temaer'),
  videos: daCount('videoen', 'videoer'),
  breakPhrase: (b) => `${b.title ? `»${b.title}«` : 'pausen'} på ${daMinutes(b.minutes)} ligger kl. ${b.at}${daWhere(b)}`,
  breaks: (all) => `pauserne ligger ${list(all.map((b) => `kl. ${b.at} (${b.title ? `»${b.title}«, ` : ''}${daMinutes(b.minutes)}${daWhere(b)})`), 'og')}`,
  runTitle: (base, minutes) => `${base} (${minutes} min)`,
  stepMinutes: (minutes) => `(${minutes} min)`,
  runWrittenFor: (written) => `Forløbet er skrevet til ${written} min; tiderne er ikke tilpasset dækket.`,
  and: 'og',
};

const en: NotesWords = {
  questions: (numbers) => `question${numbers.length > 1 ? 's' : ''} ${list(numbers.map(String), 'and')}`,
  actionQuestion: 'the action question',
  quotes: enCount('quote', 'quotes'),
  questionCount: enCount('question', 'questions'),
  themes: enCount('theme', 'themes'),
  videos: enCount('video', 'videos'),
  breakPhrase: (b) => `${b.title ? `“${b.title}”` : 'the break'} of ${enMinutes(b.minutes)} is at ${b.at}${enWhere(b)}`,
  breaks: (all) => `the breaks are at ${list(all.map((b) => `${b.at} (${b.title ? `“${b.title}”, ` : ''}${enMinutes(b.minutes)}${enWhere(b)})`), 'and')}`,
  runTitle: (base, minutes) => `${base} (${minutes} min)`,
  stepMinutes: (minutes) => `(${minutes} min)`,
  runWrittenFor: (written) => `The run below was written for ${written} min; its times are not fitted to this deck.`,
  and: 'and',
};

export function notesWords(language: string): NotesWords {
  return language === 'en' ? en : da;
}
