// Text a PowerPoint file cannot hold: control characters, which XML 1.0 forbids. The file would not open.
import type { Diagnostics } from '../diagnostics/deck-error.js';
import type { Deck, SourcePosition, SourceSpan } from '../model.js';
import { guidanceText } from '../pipeline/render/guidance.js';

// eslint-disable-next-line no-control-regex -- control characters are what this looks for
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/** Reports every piece of the deck's text with a character PowerPoint cannot store, at its source. */
export function checkPowerPointText(deck: Deck, diagnostics: Diagnostics): void {
  const report = (text: string | undefined, what: string, at: SourcePosition) => {
    const found = text === undefined ? null : FORBIDDEN.exec(text);
    if (!found) return;
    const code = found[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    diagnostics.error('E_PPTX_TEXT', `${what} contains the control character U+${code}, which a PowerPoint file cannot hold`, at,
      'delete the invisible character (retype the words around it); it often comes from text pasted from another program');
  };
  const manifest = { file: deck.manifestFile, line: 1, column: 1 };
  for (const [text, what] of [[deck.title, 'the title'], [deck.subtitle, 'the subtitle'], [guidanceText(deck.guidance.title), 'the notes'],
    [guidanceText(deck.guidance.agenda), 'the agenda notes'], [deck.closing.title, 'the closing title'], [deck.closing.text, 'the closing text'],
    [guidanceText(deck.guidance.closing), 'the closing notes']] as const) {
    report(text, what, manifest);
  }
  for (const { card, guidance } of deck.cards) {
    const start = (span: SourceSpan) => ({ file: span.file, line: span.startLine, column: 1 });
    report(card.title, 'the title', { file: card.file, line: 1, column: 1 });
    for (const question of card.questions) report(question.text, 'the question', start(question.source));
    for (const quote of card.quotes) report(`${quote.text}\n${quote.sourceText}`, 'the quote', start(quote.source));
    for (const notes of Object.values(guidance)) report(guidanceText(notes), 'the notes', { file: card.file, line: 1, column: 1 });
    for (const block of card.body) {
      if (block.type === 'prose') report(block.html, 'the text', start(block.source));
      if (block.type === 'video') report(`${block.video.title ?? ''}${block.video.speaker ?? ''}${block.video.descriptionHtml ?? ''}`, 'the video', start(block.video.source));
    }
  }
}
