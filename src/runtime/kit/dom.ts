// Small DOM helpers for the facilitator view, the deck's control and the discussion countdown.

type Attributes = Record<string, string | number | boolean | undefined>;
type Child = Node | string | null | undefined | false;

/**
 * Creates an element. Attributes set to `false` or `undefined` are left out,
 * `true` sets an empty attribute; children are nodes or text (never HTML).
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = doc.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'string' ? doc.createTextNode(child) : child);
  }
  return element;
}

/** A `<button type="button">` that runs `onClick`. */
export function button(doc: Document, label: string, onClick: () => void, attributes: Attributes = {}): HTMLButtonElement {
  const element = h(doc, 'button', { type: 'button', ...attributes }, label);
  element.addEventListener('click', onClick);
  return element;
}

/** Sets text only when it changed, so screen readers and selections are not disturbed every second. */
export function setText(element: Element, text: string): void {
  if (element.textContent !== text) element.textContent = text;
}

/** Sets or removes an attribute only when it changed. */
export function setAttr(element: Element, name: string, value: string | number | undefined): void {
  if (value === undefined) {
    if (element.hasAttribute(name)) element.removeAttribute(name);
    return;
  }
  const text = String(value);
  if (element.getAttribute(name) !== text) element.setAttribute(name, text);
}

/**
 * Adds a stylesheet once per document. The deck's CSP allows inline styles
 * ('unsafe-inline' for style-src), and the rules travel inside the runtime
 * script, so they apply to every visual theme alike and read its tokens.
 */
export function injectStyle(doc: Document, id: string, css: string): void {
  if (doc.getElementById(id)) return;
  const style = doc.createElement('style');
  style.id = id;
  style.textContent = css;
  doc.head.append(style);
}

/** True when a key press belongs to a text field, not to the deck. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || /^(input|textarea|select)$/i.test(target.tagName);
}
