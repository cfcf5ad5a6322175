/**
 * The little of the DOM the console's page uses, typed by hand: the repository compiles without the DOM library
 * (the core runs in engines without one), as the tester's page does. `h()` builds elements; text always goes in
 * through `textContent`, never as HTML.
 *
 * @example
 * h("button", { className: "primary", type: "button", onclick: () => save() }, "Save")
 */

export interface Ev {
  readonly type: string;
  readonly target: unknown;
  readonly key?: string;
  readonly shiftKey?: boolean;
  preventDefault(): void;
}

/** One element type for all: inputs, selects, dialogs and the rest (the page checks what it needs). */
export interface El {
  id: string;
  className: string;
  textContent: string | null;
  hidden: boolean;
  value: string;
  checked: boolean;
  disabled: boolean;
  type: string;
  href: string;
  tabIndex: number;
  scrollTop: number;
  readonly scrollHeight: number;
  readonly open: boolean;
  readonly tagName: string;
  readonly isConnected: boolean;
  readonly dataset: Record<string, string | undefined>;
  readonly classList: {
    add(...names: string[]): void;
    remove(...names: string[]): void;
    toggle(name: string, force?: boolean): boolean;
    contains(name: string): boolean;
  };
  readonly style: { setProperty(name: string, value: string): void; width: string };
  readonly children: ArrayLike<El>;
  readonly firstElementChild: El | null;
  readonly lastElementChild: El | null;
  readonly nextElementSibling: El | null;
  readonly childElementCount: number;
  readonly parentElement: El | null;
  setAttribute(name: string, value: string): void;
  getAttribute(name: string): string | null;
  removeAttribute(name: string): void;
  addEventListener(type: string, listener: (event: Ev) => void): void;
  append(...children: (El | string)[]): void;
  prepend(...children: (El | string)[]): void;
  before(...nodes: (El | string)[]): void;
  replaceChildren(...children: (El | string)[]): void;
  remove(): void;
  focus(options?: { preventScroll?: boolean }): void;
  select(): void;
  contains(other: unknown): boolean;
  closest(selector: string): El | null;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): ArrayLike<El>;
  showModal(): void;
  close(): void;
}

export interface Doc {
  readonly body: El;
  readonly activeElement: El | null;
  getElementById(id: string): El | null;
  createElement(tag: string): El;
  querySelectorAll(selector: string): ArrayLike<El>;
  addEventListener(type: string, listener: (event: Ev) => void): void;
  title: string;
}

export interface MessageEv {
  readonly data: string;
  readonly lastEventId: string;
}
export interface EventSourceLike {
  readonly readyState: number;
  addEventListener(type: string, listener: (event: MessageEv) => void): void;
  close(): void;
  onopen: (() => void) | null;
  onerror: (() => void) | null;
}

export interface FetchResponse {
  readonly ok: boolean;
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
  readonly body: {
    getReader(): { read(): Promise<{ done: boolean; value?: Uint8Array }>; cancel(): Promise<void> };
  } | null;
}

export interface PageWindow {
  readonly document: Doc;
  readonly location: { readonly origin: string; readonly search: string; hash: string };
  readonly sessionStorage: {
    getItem(key: string): string | null;
    setItem(key: string, value: string): void;
    removeItem(key: string): void;
  };
  readonly navigator: { readonly clipboard?: { writeText(text: string): Promise<void> } };
  fetch(
    url: string,
    init?: { method?: string; headers?: Record<string, string>; body?: string; signal?: unknown },
  ): Promise<FetchResponse>;
  readonly EventSource?: new (url: string) => EventSourceLike;
  addEventListener(type: string, listener: (event: Ev) => void): void;
  setInterval(callback: () => void, ms: number): number;
  clearInterval(handle: number): void;
  setTimeout(callback: () => void, ms: number): number;
  clearTimeout(handle: number): void;
  requestAnimationFrame(callback: () => void): number;
  confirm(message: string): boolean;
  matchMedia(query: string): { readonly matches: boolean };
  TextDecoder: new () => { decode(input?: Uint8Array, options?: { stream?: boolean }): string };
}

export const win = globalThis as unknown as PageWindow;

type Child = El | string | null | undefined | false;
type Props = Record<string, string | number | boolean | ((event: Ev) => void) | undefined>;

/**
 * An element with properties, attributes and children. Keys starting with `on` are listeners; `className`,
 * `textContent`, `value`, `checked`, `disabled`, `hidden`, `type`, `href`, `tabIndex` and `id` are properties;
 * anything else (aria-*, data-*, for, role...) is an attribute; `undefined` and `false` values are left out.
 */
export function h(tag: string, props: Props = {}, ...children: Child[]): El {
  const element = win.document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === false) continue;
    if (typeof value === "function") element.addEventListener(key.slice(2), value);
    else if (PROPERTIES.has(key)) (element as unknown as Record<string, unknown>)[key] = value;
    else element.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children) if (child !== null && child !== undefined && child !== false) element.append(child);
  return element;
}

const PROPERTIES = new Set([
  "className",
  "textContent",
  "value",
  "checked",
  "disabled",
  "hidden",
  "type",
  "href",
  "tabIndex",
  "id",
]);

let nextId = 0;
/** A page-unique id for label/control pairs. */
export function uid(prefix: string): string {
  nextId++;
  return `${prefix}-${nextId}`;
}

/** `.field`: a label above its control (the control gets an id when it has none). */
export function field(label: string, control: El, hint?: string): El {
  if (!control.id) control.id = uid("c");
  const parts: El[] = [h("label", { for: control.id }, label), control];
  if (hint) {
    const hintId = `${control.id}-hint`;
    control.setAttribute("aria-describedby", hintId);
    parts.push(h("span", { className: "hint", id: hintId }, hint));
  }
  return h(
    "div",
    { className: control.type === "checkbox" ? "field check" : "field" },
    ...(control.type === "checkbox" ? [parts[1] as El, parts[0] as El, ...parts.slice(2)] : parts),
  );
}

/** A `.badge` with a tone. */
export function badge(text: string, tone?: "ok" | "bad" | "warn" | "info"): El {
  return h("span", { className: tone ? `badge ${tone}` : "badge" }, text);
}

/** A `<select>` with options `[value, label]`. */
export function select(options: readonly (readonly [string, string])[], props: Props = {}): El {
  return h("select", props, ...options.map(([value, label]) => h("option", { value }, label)));
}

export const $ = (id: string): El => {
  const element = win.document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing`);
  return element;
};
