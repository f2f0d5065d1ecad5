// The one rule for ids of cards, decks and videos: Unicode letters in lower case, digits and hyphens, in NFC.
//
// A file name written on macOS arrives decomposed ("å" as "a" + ring), the same name typed in a manifest
// composed; both are normalised to NFC before anything compares them, so they are one id.

/** Lowercase letters of any alphabet (æ, ø, å included), letters without case, digits; hyphens between. */
const ID = /^[\p{Ll}\p{Lo}\p{Nd}][\p{Ll}\p{Lo}\p{Mn}\p{Mc}\p{Nd}-]*$/u;

/** An id as compared everywhere: NFC. */
export function normaliseId(text: string): string {
  return text.normalize('NFC');
}

/** Whether `text` (normalised) follows the id rule. */
export function isValidId(text: string): boolean {
  return ID.test(normaliseId(text));
}

/** The id someone probably meant: "Om Vores Kodeks" → "om-vores-kodeks"; empty when nothing is left. */
export function suggestId(text: string): string {
  return normaliseId(text)
    .toLowerCase()
    .replace(/[^\p{Ll}\p{Lo}\p{Mn}\p{Mc}\p{Nd}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** A hint for a text that is not an id. */
export function idHint(text: string, example: string): string {
  const guess = suggestId(text);
  return guess && guess !== text
    ? `write it as "${guess}": lowercase letters, digits and hyphens`
    : `use lowercase letters, digits and hyphens, e.g. "${example}"`;
}
