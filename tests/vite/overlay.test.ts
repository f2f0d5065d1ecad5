// Problems for Vite's error overlay: every diagnostic in the message, the first one's position and code frame.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/deck-error.js';
import { codeFrame, diagnosticsOverlay, errorOverlay } from '../../src/vite/overlay.js';

const card = '---\ntitle: Om at teste\nminuts: 15\n---\n\n? Hvordan går det?\n';
const diagnostic = (over: Partial<Diagnostic>): Diagnostic => ({
  code: 'E_UNKNOWN_KEY', severity: 'error', message: 'unknown key "minuts"', file: '/p/content/kort.md', line: 3, column: 1, hint: 'did you mean "minutes"?', ...over,
});
/** The pattern Vite's overlay uses to recognise a code frame (vite/dist/client/client.mjs). */
const VITE_CODEFRAME = /^(?:>?\s*\d+\s+\|.*|\s+\|\s*\^.*)\r?\n/gm;

describe('codeFrame', () => {
  it('shows the lines around the position with a caret under the column', () => {
    expect(codeFrame(card, 3, 3)).toBe(['1 | ---', '2 | title: Om at teste', '3 | minuts: 15', '  |   ^', '4 | ---', '5 | ', ''].join('\n'));
  });

  it('is a frame in the shape the overlay recognises, line for line', () => {
    const frame = codeFrame(card, 3, 1);
    expect(frame.replace(VITE_CODEFRAME, '')).toBe('');
  });

  it('pads line numbers to one width, never with a leading space, and is empty for a line outside the file', () => {
    const long = Array.from({ length: 12 }, (_, i) => `linje ${i + 1}`).join('\n');
    expect(codeFrame(long, 10, 1).split('\n').slice(0, 4)).toEqual(['8  | linje 8', '9  | linje 9', '10 | linje 10', '   | ^']);
    expect(codeFrame(card, 99, 1)).toBe('');
  });
});

describe('diagnosticsOverlay', () => {
  const read = (file: string) => (file === '/p/content/kort.md' ? card : undefined);

  it("points at the first error: file, line, column and its code frame; the message lists them all", () => {
    const overlay = diagnosticsOverlay(
      [diagnostic({ hint: 'did you mean "minutes"?' }), diagnostic({ code: 'E_NO_QUESTIONS', message: 'no questions', file: '/p/content/andet.md', line: 1, hint: 'add a question' })],
      { root: '/p', readText: read },
    );
    expect(overlay.loc).toEqual({ file: '/p/content/kort.md', line: 3, column: 1 });
    expect(overlay.id).toBe('/p/content/kort.md');
    expect(overlay.plugin).toBe('samtale');
    expect(overlay.frame).toContain('3 | minuts: 15\n  | ^');
    expect(overlay.message).toBe(
      'content/kort.md:3:1: unknown key "minuts" [E_UNKNOWN_KEY]\n  hint: did you mean "minutes"?\n\ncontent/andet.md:1:1: no questions [E_NO_QUESTIONS]\n  hint: add a question\n\n2 problems',
    );
  });

  it('shows errors, not warnings, when there are both', () => {
    const overlay = diagnosticsOverlay([diagnostic({ severity: 'warning', code: 'W_STALE_GUIDANCE', line: 1 }), diagnostic({})], { root: '/p', readText: read });
    expect(overlay.message).not.toContain('W_STALE_GUIDANCE');
    expect(overlay.loc?.line).toBe(3);
  });

  it('leaves out the frame when the file cannot be read', () => {
    expect(diagnosticsOverlay([diagnostic({ file: '/p/gone.md' })], { root: '/p', readText: read })).not.toHaveProperty('frame');
  });
});

describe('errorOverlay', () => {
  it('shows an environment error with its code and hint, paths relative to the project', () => {
    const overlay = errorOverlay({ message: 'no deck "faxe" in /p/slides', code: 'E_UNKNOWN_DECK', hint: 'did you mean "faxe-kommune"?' }, '/p');
    expect(overlay).toEqual({ message: 'no deck "faxe" in slides [E_UNKNOWN_DECK]\n  hint: did you mean "faxe-kommune"?', stack: '', plugin: 'samtale' });
  });

  it('keeps the stack frames of an unexpected error', () => {
    const error = new Error('boom');
    const overlay = errorOverlay(error, '/p');
    expect(overlay.message).toBe('boom');
    expect(overlay.stack).toMatch(/^\s+at /);
  });
});
