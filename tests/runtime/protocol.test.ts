// Unit tests for the facilitator view's messages: namespaced, versioned, for this deck, and well-formed, or ignored.
import { describe, expect, it } from 'vitest';
import { envelope, isCommand, isDeckMessage, isViewMessage } from '../../src/runtime/facilitator/protocol.js';

const DECK = 'sociale-medier';

describe('messages between the deck and the facilitator view', () => {
  it('accepts a hello and well-formed commands for this deck', () => {
    expect(isViewMessage({ ...envelope(DECK), type: 'hello' }, DECK)).toBe(true);
    expect(isViewMessage({ ...envelope(DECK), type: 'command', command: { kind: 'adjust', seconds: 60 } }, DECK)).toBe(true);
    expect(isCommand({ kind: 'replan', choice: { kind: 'skip', cardId: 'om-at-teste' } })).toBe(true);
    expect(isCommand({ kind: 'prefs', prefs: { sound: true, discussionSeconds: 300 } })).toBe(true);
  });

  it('ignores other namespaces, versions, decks and anything malformed', () => {
    expect(isViewMessage({ ...envelope(DECK), namespace: 'reveal-notes', type: 'hello' }, DECK)).toBe(false);
    expect(isViewMessage({ ...envelope(DECK), version: 2, type: 'hello' }, DECK)).toBe(false);
    expect(isViewMessage({ ...envelope('another-deck'), type: 'hello' }, DECK)).toBe(false);
    expect(isViewMessage(JSON.stringify({ ...envelope(DECK), type: 'hello' }), DECK)).toBe(false);
    expect(isCommand({ kind: 'adjust', seconds: '60' })).toBe(false);
    expect(isCommand({ kind: 'adjust', seconds: 1e9 })).toBe(false);
    expect(isCommand({ kind: 'discussion-start', seconds: 0 })).toBe(false);
    expect(isCommand({ kind: 'replan', choice: { kind: 'skip' } })).toBe(false);
    expect(isCommand({ kind: 'prefs', prefs: { sound: 'yes' } })).toBe(false);
    expect(isCommand({ kind: 'prefs', prefs: { somethingElse: true } })).toBe(false);
    expect(isCommand({ kind: 'eval', code: 'alert(1)' })).toBe(false);
  });

  it('accepts an update only with a snapshot and a slide position', () => {
    const update = { ...envelope(DECK), type: 'update', snapshot: { projection: {} }, slide: { h: 3, f: -1, fragments: 0, total: 61 } };
    expect(isDeckMessage(update, DECK)).toBe(true);
    expect(isDeckMessage({ ...update, slide: { h: '3' } }, DECK)).toBe(false);
    expect(isDeckMessage({ ...update, snapshot: null }, DECK)).toBe(false);
  });
});
