/**
 * The browser tests' accessibility checks, in one place (the console's pages and the standalone tester page use
 * the same): axe-core's serious and critical violations, every visible form control named, and the page's
 * focusable elements in DOM order (for a Tab walk). The page must come from a context opened with
 * `bypassCSP: true`, only so that axe-core can be injected; the page itself is the same.
 *
 * @example
 * await injectAxe(page);
 * expect(await seriousAxeViolations(page)).toEqual([]);
 * expect(await unnamedControls(page)).toEqual([]);
 *
 * The dark colour scheme (a context opened with `colorScheme: "dark"`) adds {@link colourScheme}: the page's
 * background, its text's contrast and any surface left light.
 */
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const require = createRequire(import.meta.url);

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Puts axe-core into the page (again after each navigation that loads a new document). */
export async function injectAxe(page: Page): Promise<void> {
  await page.addScriptTag({ path: require.resolve("axe-core") });
}

/** axe-core's serious and critical violations of the whole document, each as `impact id: help at targets`. */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  const result = (await page.evaluate("axe.run(document, { resultTypes: ['violations'] })")) as {
    violations: AxeViolation[];
  };
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/**
 * Runs in the page: every visible input, select and textarea without an accessible name (label[for], a wrapping
 * label, aria-label or aria-labelledby). (A string: the tests compile without the DOM types.)
 */
const UNNAMED_CONTROLS = `(() => {
  const visible = (e) => !!(e.offsetWidth || e.offsetHeight || e.getClientRects().length);
  const named = (e) =>
    (e.labels && Array.from(e.labels).some((l) => l.textContent.trim())) ||
    (e.getAttribute("aria-label") || "").trim() ||
    (e.getAttribute("aria-labelledby") || "").split(/\\s+/).some((id) => id && document.getElementById(id)?.textContent.trim());
  return Array.from(document.querySelectorAll("input, select, textarea"))
    .filter((e) => e.type !== "hidden" && visible(e) && !named(e))
    .map((e) => e.outerHTML.slice(0, 120));
})()`;

/** The visible form controls without an accessible name (their markup, cut at 120 characters). */
export async function unnamedControls(page: Page): Promise<string[]> {
  return (await page.evaluate(UNNAMED_CONTROLS)) as string[];
}

/** Runs in the page: a name for the focused element (its mark, given as FOCUSABLE gives it), or `body`. */
const FOCUSED = `(() => {
  const e = document.activeElement;
  if (!e || e === document.body) return "body";
  if (!e.dataset.a11y) e.dataset.a11y = String(Math.random()).slice(2);
  return e.dataset.a11y;
})()`;

/** Runs in the page: the keyboard-focusable, visible elements in DOM order, each marked as FOCUSED names it. */
const FOCUSABLE = `(() => {
  const visible = (e) => !!(e.offsetWidth || e.offsetHeight || e.getClientRects().length) && getComputedStyle(e).visibility !== "hidden";
  return Array.from(document.querySelectorAll("a[href], button, input, select, textarea, [tabindex]"))
    .filter((e) => !e.disabled && e.tabIndex >= 0 && visible(e) && !e.closest("[hidden], dialog:not([open])"))
    .filter((e) => !(e.type === "radio" && !e.checked))
    .map((e) => {
      if (!e.dataset.a11y) e.dataset.a11y = String(Math.random()).slice(2);
      return { id: e.dataset.a11y, nav: !!e.closest("nav"), what: e.tagName + " " + (e.id || e.textContent.trim().slice(0, 30)) };
    });
})()`;

/** One keyboard-focusable element: its mark, whether it is in a `nav`, and words for a failure message. */
export interface Focusable {
  readonly id: string;
  readonly nav: boolean;
  readonly what: string;
}

/** The keyboard-focusable, visible elements in DOM order (radio groups by their checked one). */
export async function focusableInOrder(page: Page): Promise<Focusable[]> {
  return (await page.evaluate(FOCUSABLE)) as Focusable[];
}

/** The mark of the focused element (see {@link focusableInOrder}), or `body`. */
export async function focusedMark(page: Page): Promise<string> {
  return (await page.evaluate(FOCUSED)) as string;
}

/**
 * Focuses the first of `order`, presses Tab up to `steps - 1` times and returns what had the focus at each step
 * and what DOM order expects, both as the elements' words (compare them with `toEqual`).
 */
export async function tabWalk(
  page: Page,
  order: readonly Focusable[],
  steps = 60,
): Promise<{ visited: string[]; expected: string[] }> {
  const count = Math.min(order.length, steps);
  await page.evaluate(`document.querySelector('[data-a11y="${order[0]?.id}"]').focus()`);
  const visited: string[] = [await focusedMark(page)];
  for (let i = 1; i < count; i++) {
    await page.keyboard.press("Tab");
    visited.push(await focusedMark(page));
  }
  const names = (ids: string[]) => ids.map((id) => order.find((e) => e.id === id)?.what ?? id);
  return { visited: names(visited), expected: names(order.slice(0, count).map((e) => e.id)) };
}

/** axe-core's colour-contrast violations of any impact (text against what is behind it, WCAG AA). */
export async function contrastViolations(page: Page): Promise<string[]> {
  const result = (await page.evaluate(
    "axe.run(document, { runOnly: ['color-contrast'], resultTypes: ['violations'] })",
  )) as { violations: AxeViolation[] };
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id} at ${n.target.join(" ")}`));
}

/**
 * Runs in the page: the body's background and text luminance (WCAG relative luminance, 0 black to 1 white) and
 * their contrast, and every visible surface of the theme with a background of its own that is light
 * (luminance 0.2 or more; the primary button's accent fill aside), each as `tag.class`.
 */
const COLOUR_SCHEME = `(() => {
  const channels = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
  const luminance = (c) => {
    const [r, g, b] = channels(c).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const opaque = (c) => { const a = channels(c)[3]; return a === undefined || a > 0; };
  const visible = (e) => !!(e.offsetWidth || e.offsetHeight || e.getClientRects().length);
  const body = getComputedStyle(document.body);
  const background = luminance(body.backgroundColor);
  const text = luminance(body.color);
  const contrast = (Math.max(background, text) + 0.05) / (Math.min(background, text) + 0.05);
  const SURFACES = ".app-header, .panel, .log-view, table.data th, dialog[open], .secret-box, .secret-box pre, .empty, .loading, .error, .notice, .badge, pre, input, select, textarea, button:not(.primary), .meter";
  const lightSurfaces = Array.from(document.querySelectorAll(SURFACES))
    .filter((e) => visible(e) && opaque(getComputedStyle(e).backgroundColor) && luminance(getComputedStyle(e).backgroundColor) >= 0.2)
    .map((e) => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + "." + String(e.className).split(/\\s+/).join("."));
  return { background, text, contrast, lightSurfaces };
})()`;

/** The page's colours as {@link COLOUR_SCHEME} measures them. */
export interface ColourScheme {
  /** The body's background, as WCAG relative luminance (0–1). */
  readonly background: number;
  /** The body's text colour, likewise. */
  readonly text: number;
  /** Their contrast ratio (1–21). */
  readonly contrast: number;
  /** The visible surfaces whose own background is light (luminance ≥ 0.2). */
  readonly lightSurfaces: string[];
}

/** The body's background and text and any surface left light (for the dark scheme's checks). */
export async function colourScheme(page: Page): Promise<ColourScheme> {
  return (await page.evaluate(COLOUR_SCHEME)) as ColourScheme;
}
