// The seminar's state on `<html>` of both windows — `data-seminar-state` and `data-seminar-rehearsal` — for
// styles, tests and tools (the contract in DESIGN.md).
export function markSeminar(doc: Document, phase: 'before' | 'running' | 'paused' | 'ended', rehearsal: boolean): void {
  const html = doc.documentElement;
  if (html.dataset['seminarState'] !== phase) html.dataset['seminarState'] = phase;
  if (rehearsal) html.dataset['seminarRehearsal'] = 'true';
  else delete html.dataset['seminarRehearsal'];
}
