// A card's `{#name}` definitions and the `{name}`s its notes use: every name must be known.
import type { Diagnostics } from '../../diagnostics/deck-error.js';
import { suggestionHint } from '../../diagnostics/suggest.js';
import type { Card, SourcePosition, SourceSpan } from '../../model.js';
import { REF_NAME } from '../parse/ref-definition.js';
import { CARD_PLACEHOLDER_NAMES, DECK_PLACEHOLDER_NAMES, nameUsesIn } from './names.js';
import { runSteps, stepRefs } from './steps.js';

/** A `{#name}` left in the text of the notes: one that is not at the end of a step of the run. */
const STRAY_DEFINITION = /\{#([^{}\s]+)\}/u;

/** The names a card defines: its questions', quotes' and run steps' references. */
export function cardRefs(card: Pick<Card, 'questions' | 'quotes' | 'notes'>): string[] {
  return [...[...card.questions, ...card.quotes].flatMap((item) => (item.ref ? [item.ref] : [])), ...stepRefs(card.notes)];
}

/** Every name a card's notes may use. */
export function knownCardNames(card: Pick<Card, 'questions' | 'quotes' | 'notes'>): string[] {
  return [...cardRefs(card), ...CARD_PLACEHOLDER_NAMES.keys(), ...DECK_PLACEHOLDER_NAMES.keys()];
}

/** Reports bad or repeated definitions, and notes that use a name the card does not know. */
export function checkCardNames(card: Card, fileText: string, diagnostics: Diagnostics): void {
  const lines = fileText.split(/\r?\n/);
  const seen = new Map<string, SourceSpan>();
  for (const item of [...card.questions, ...card.quotes, ...runSteps(card.notes)]) {
    if (!item.ref) continue;
    const at = locate(lines, item.source, `{#`) ?? { file: card.file, line: item.source.endLine, column: 1 };
    if (!REF_NAME.test(item.ref)) {
      diagnostics.error('E_BAD_REFERENCE', `"{#${item.ref}}" is not a usable name`, at, 'use lowercase letters, digits and hyphens, e.g. "{#tone}"');
    } else if (CARD_PLACEHOLDER_NAMES.has(item.ref) || DECK_PLACEHOLDER_NAMES.has(item.ref)) {
      diagnostics.error('E_BAD_REFERENCE', `"{#${item.ref}}" is the name of a placeholder`, at, `choose another name, e.g. "{#${item.ref}-1}"`);
    } else if (seen.has(item.ref)) {
      const first = seen.get(item.ref)!;
      diagnostics.error('E_BAD_REFERENCE', `two items of card "${card.id}" are called "{#${item.ref}}"`, at,
        'give each question, quote and step its own name', { file: first.file, line: first.startLine, column: 1 });
    }
    seen.set(item.ref, item.source);
  }
  const known = knownCardNames(card);
  for (const notes of Object.values(card.notes)) {
    for (const block of notes.sections.flatMap((s) => s.blocks)) {
      const inlines = block.tokens.filter((t) => t.type === 'inline');
      const stray = inlines.flatMap((t) => t.children ?? []).find((c) => c.type === 'text' && STRAY_DEFINITION.test(c.content));
      if (stray) {
        const written = STRAY_DEFINITION.exec(stray.content)![0];
        diagnostics.error('E_BAD_REFERENCE', `"${written}" names a line of the notes that is not a step of the run; only questions, quotes and steps can have a name`,
          locate(lines, block.source, written) ?? { file: card.file, line: block.source.startLine, column: 1 },
          `put it at the very end of a step of the run ("${written}" after the step's text), or write "{${written.slice(2)}" to refer to what it names`);
      }
      for (const use of nameUsesIn(inlines)) {
        for (const name of use.names) {
          if (known.includes(name)) continue;
          const at = locate(lines, block.source, use.written) ?? { file: card.file, line: block.source.startLine, column: 1 };
          diagnostics.error('E_UNKNOWN_REFERENCE', `the notes name "{${name}}", which is no question, quote or step of card "${card.id}" and no placeholder`, at,
            unknownNameHint(name, cardRefs(card)));
        }
      }
    }
  }
}

/** A did-you-mean over the card's names and the placeholders, and how to define a name. */
export function unknownNameHint(name: string, names: readonly string[]): string {
  const refs = [...new Set(names)];
  const all = [...refs, ...CARD_PLACEHOLDER_NAMES.keys(), ...DECK_PLACEHOLDER_NAMES.keys()];
  const guess = suggestionHint(name, all, 'one of');
  return guess.startsWith('did you mean')
    ? guess.replace(/"([^"]+)"/, '"{$1}"')
    : `name a question, quote or step of the run by ending it with "{#${name}}"; the card's names: ${refs.map((r) => `{${r}}`).join(', ') || 'none'}; placeholders: see docs/cards.md`;
}

/** The first place in the span's lines where `needle` is written. */
function locate(lines: readonly string[], span: SourceSpan, needle: string): SourcePosition | undefined {
  for (let line = span.startLine; line <= span.endLine; line++) {
    const column = lines[line - 1]?.indexOf(needle) ?? -1;
    if (column >= 0) return { file: span.file, line, column: column + 1 };
  }
  return undefined;
}
