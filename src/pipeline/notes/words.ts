// The words placeholders and references become, per deck language.

export interface NotesWords {
  /** "spørgsmål 2", "spørgsmål 1 og 3". */
  questions(numbers: readonly number[]): string;
  actionQuestion: string;
  /** The card's own quotes, as guidance refers to them: "citatet", "begge citater", "de tre citater". */
  quotes(n: number): string;
  /** The card's questions (not the action question): "spørgsmålet", "begge spørgsmål", "de tre spørgsmål". */
  questionCount(n: number): string;
  themes(n: number): string;
  videos(n: number): string;
  /** One break: "pausen på 15 minutter kl. 10:45 efter »Om at moderere debatten«". */
  breakPhrase(b: BreakFact): string;
  /** Several breaks joined: "pauserne: … og …". */
  breaks(parts: readonly string[]): string;
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

const DA_NUMBERS = ['nul', 'én', 'to', 'tre', 'fire', 'fem', 'seks', 'syv', 'otte', 'ni', 'ti', 'elleve', 'tolv'];
const EN_NUMBERS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/** "1, 2 og 3". */
function list(parts: readonly string[], and: string): string {
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} ${and} ${parts.at(-1)}`;
}

const daNumber = (n: number, neuter = false) => (n === 1 && neuter ? 'ét' : DA_NUMBERS[n] ?? String(n));
const enNumber = (n: number) => EN_NUMBERS[n] ?? String(n);

const da: NotesWords = {
  questions: (numbers) => `spørgsmål ${list(numbers.map(String), 'og')}`,
  actionQuestion: 'handlingsspørgsmålet',
  quotes: (n) => (n === 1 ? 'citatet' : n === 2 ? 'begge citater' : `de ${daNumber(n, true)} citater`),
  questionCount: (n) => (n === 1 ? 'spørgsmålet' : n === 2 ? 'begge spørgsmål' : `de ${daNumber(n, true)} spørgsmål`),
  themes: (n) => (n === 1 ? 'ét tema' : `${daNumber(n, true)} temaer`),
  videos: (n) => (n === 1 ? 'én video' : `${daNumber(n)} videoer`),
  breakPhrase: (b) => `${b.title ? `»${b.title}«` : 'pausen'} på ${b.minutes === 1 ? '1 minut' : `${b.minutes} minutter`} kl. ${b.at}`
    + (b.afterTitle ? ` efter »${b.afterTitle}«` : b.beforeTitle ? ` før »${b.beforeTitle}«` : ''),
  breaks: (parts) => `pauserne: ${list(parts.map((p) => p.replace(/^pausen på /, '')), 'og')}`,
  runTitle: (base, minutes) => `${base} (${minutes} min)`,
  stepMinutes: (minutes) => `(${minutes} min)`,
  runWrittenFor: (written) => `Forløbet er skrevet til ${written} min; tiderne er ikke tilpasset dækket.`,
  and: 'og',
};

const en: NotesWords = {
  questions: (numbers) => `question${numbers.length > 1 ? 's' : ''} ${list(numbers.map(String), 'and')}`,
  actionQuestion: 'the action question',
  quotes: (n) => (n === 1 ? 'the quote' : n === 2 ? 'both quotes' : `the ${enNumber(n)} quotes`),
  questionCount: (n) => (n === 1 ? 'the question' : n === 2 ? 'both questions' : `the ${enNumber(n)} questions`),
  themes: (n) => `${enNumber(n)} theme${n === 1 ? '' : 's'}`,
  videos: (n) => `${enNumber(n)} video${n === 1 ? '' : 's'}`,
  breakPhrase: (b) => `${b.title ? `“${b.title}”` : 'the break'} of ${b.minutes} minute${b.minutes === 1 ? '' : 's'} at ${b.at}`
    + (b.afterTitle ? ` after “${b.afterTitle}”` : b.beforeTitle ? ` before “${b.beforeTitle}”` : ''),
  breaks: (parts) => `the breaks: ${list(parts.map((p) => p.replace(/^the break of /, '')), 'and')}`,
  runTitle: (base, minutes) => `${base} (${minutes} min)`,
  stepMinutes: (minutes) => `(${minutes} min)`,
  runWrittenFor: (written) => `The run below was written for ${written} min; its times are not fitted to this deck.`,
  and: 'and',
};

export function notesWords(language: string): NotesWords {
  return language === 'en' ? en : da;
}
