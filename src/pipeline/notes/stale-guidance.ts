// Guidance written as plain words can still contradict a deck: it mentions a quote the deck dropped, says
// "begge citater" of a card that now has one, "spørgsmål 4" of a card with three, "ti temaer" in a
// five-theme deck, "vi slutter kl. 13" of a deck that ends at 18:50, or puts the break after another card.
// Such lines are found here, so `check` can say which line and what to write instead.

/** What a deck has that guidance may count or mention. Left out: not checked. */
export interface GuidanceFacts {
  quotes?: number;
  /** Short names of the quotes the deck dropped, e.g. "TV2 Øst", from their sources. */
  droppedQuotes?: string[];
  questions?: number;
  themes?: number;
  videos?: number;
  /** The planned end, "HH:MM". */
  end?: string;
  /** Titles of the cards the deck's breaks follow. */
  breaksAfter?: string[];
}

/** One contradiction: the words as written, what is wrong with them, and what to write instead. */
export interface StaleMention {
  words: string;
  /** Follows "the notes of card X …" or "the notes …": e.g. `say "ti temaer", but this deck has 5 themes`. */
  message: string;
  hint: string;
}

// "en" and "et" are left out: they are mostly the article ("en video").
const DA_NUMBERS: Record<string, number> = { én: 1, ét: 1, to: 2, tre: 3, fire: 4, fem: 5, seks: 6, syv: 7, otte: 8, ni: 9, ti: 10, elleve: 11, tolv: 12 };
const EN_NUMBERS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };
const norm = (text: string) => text.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
const plural = (n: number, noun: string, nouns: string) => `${n} ${n === 1 ? noun : nouns}`;
/** Minutes of the day; an hour alone ("kl. 13") is on the hour. */
const minutesOf = (hours: string, minutes = '0') => Number(hours) * 60 + Number(minutes);
/** How far a time in the notes may be from the deck's: "ca. 13" for 12:45 is fine. */
const END_TOLERANCE = 15;

/** The contradictions in one line of guidance. */
export function staleMentions(text: string, facts: GuidanceFacts): StaleMention[] {
  const found: StaleMention[] = [];
  const say = (words: string, problem: string, hint: string) => found.push({ words, message: `say "${words}", ${problem}`, hint });
  // Cheap tests first: most lines mention none of these, and check runs this on every line of every deck.
  const flat = facts.droppedQuotes?.length ? norm(text) : '';
  for (const name of facts.droppedQuotes ?? []) {
    if (norm(name).length >= 4 && flat.includes(norm(name))) {
      found.push({ words: name, message: `mention the quote from ${name}, which this deck drops`,
        hint: 'end the line with the quote\'s {name} (as in "{tv2}") so the line drops with the quote, or change the line with "notes:" in the card\'s entry' });
    }
  }
  if (facts.quotes !== undefined && /citat|quote/iu.test(text)) {
    const many = /(?<!\p{L})(begge citater|citaterne|de to citater|both quotes|the two quotes)(?!\p{L})/iu.exec(text);
    if (many && (facts.quotes === 1 || (facts.quotes > 2 && /begge|to|two|both/iu.test(many[1]!)))) {
      say(many[1]!, `but the card has ${plural(facts.quotes, 'quote', 'quotes')} in this deck`, 'write "{citater}": it says "citatet", "begge citater" or "de tre citater", as the deck has it');
    }
  }
  if (facts.questions !== undefined && /(?:spørgsmål|question)s? \d/iu.test(text)) {
    for (const match of text.matchAll(/(?<!\p{L})(?:spørgsmål|questions?) (\d+)((?:(?:, | og | and )\d+)*)/giu)) {
      const numbers = [match[1]!, ...match[2]!.split(/, | og | and /).filter(Boolean)].map(Number);
      if (numbers.some((n) => n > facts.questions!)) {
        say(match[0], `but the card has ${plural(facts.questions, 'question', 'questions')} before its action question in this deck`,
          'name the question with its {name}: it shows the question\'s number in this deck');
      }
    }
  }
  for (const [count, nouns, noun, placeholder] of [[facts.themes, 'temaer?|themes?', 'theme', '{temaer}'], [facts.videos, 'videoer|videos?', 'video', '{videoer}']] as const) {
    if (count === undefined || !new RegExp(nouns, 'iu').test(text)) continue;
    // "ti temaer", "tre korte videoer", "de tre videoer".
    for (const match of text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])([\\p{L}\\p{N}]+)(?: ([\\p{L}\\p{N}]+))? (${nouns})(?![\\p{L}\\p{N}])`, 'giu'))) {
      const first = numberOf(match[1]!);
      const n = first ?? numberOf(match[2] ?? '');
      if (n === undefined || n === count) continue;
      const words = first === undefined ? `${match[2]} ${match[3]}` : match[0];
      say(words, `but this deck has ${plural(count, noun, `${noun}s`)}`, `write "${placeholder}": it names as many as the deck has`);
    }
  }
  if (facts.end && /slut|ende|end|finish/iu.test(text)) {
    const [h, m] = facts.end.split(':');
    for (const match of text.matchAll(/(?<!\p{L})(?:slutter|ender|ends?|finish(?:es)?)(?: \p{L}+)? (?:kl\.|at) (?:ca\.? |about )?(\d{1,2})(?:[.:](\d{2}))?/giu)) {
      if (Math.abs(minutesOf(match[1]!, match[2]) - minutesOf(h!, m)) > END_TOLERANCE) {
        say(match[0], `but this deck ends at ${facts.end}`, 'write "{slut}": it is the deck\'s planned end');
      }
    }
  }
  if (facts.breaksAfter && /pause|break/iu.test(text)) {
    for (const match of text.matchAll(/(?<!\p{L})(?:pausen?|break)(?!\p{L})[^.»“]*?(?:efter|after) [»“]([^«”]+)[«”]/giu)) {
      if (!facts.breaksAfter.includes(match[1]!)) {
        say(match[0], facts.breaksAfter.length ? 'but this deck has no break after that card' : 'but this deck has no break', 'write "{pauser}": it says when the deck\'s breaks are');
      }
    }
  }
  return found;
}

function numberOf(word: string): number | undefined {
  const lower = word.toLowerCase();
  return /^\d+$/.test(lower) ? Number(lower) : DA_NUMBERS[lower] ?? EN_NUMBERS[lower];
}

/**
 * A quote's short name for finding it in guidance: the first run of two or more capitalised words of its
 * source, without a possessive ending ("TV2 Øst's regler …" gives "TV2 Øst").
 */
export function quoteName(sourceText: string): string | undefined {
  const head = sourceText.replace(/^[\s"“»*]+/u, '').split(',')[0]!;
  const run = /(?:^|\s)((?:[\p{Lu}\p{N}][\p{L}\p{N}'’-]*\s+){1,3}[\p{Lu}][\p{L}\p{N}'’-]*)/u.exec(head);
  return run?.[1]?.trim().replace(/['’]s$/u, '');
}

/** A quote as a message names it: "the quote from TV2 Øst", or from the first words of its source. */
export function quoteLabel(sourceText: string): string {
  const name = quoteName(sourceText);
  if (name) return `the quote from ${name}`;
  const words = sourceText.replace(/[*"“”»«]/gu, '').trim().split(/\s+/u);
  return `the quote from "${words.slice(0, 6).join(' ')}${words.length > 6 ? '…' : ''}"`;
}
