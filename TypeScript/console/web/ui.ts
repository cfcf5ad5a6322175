/**
 * The console's shared pieces of interface: the page context every page gets, the confirmation and admin-token
 * dialogs, the spoken announcer, and the loading / empty / error states.
 */
import type { TesterForm } from "../../tester/view-model";
import type { ConsoleApp, StatusAnswer } from "../api-types";
import { type Api, errorText } from "./api";
import { $, type El, h, win } from "./dom";
import type { Route } from "./format";
import type { LogStore } from "./log-store";

export interface ConfirmOptions {
  readonly title: string;
  readonly body: string;
  readonly confirmLabel: string;
  /** The word the person must type before the confirm button works (e.g. "reset"). */
  readonly typed?: string;
}

/** What every page gets. */
export interface Ctx {
  readonly api: Api;
  /** Said by screen readers (aria-live); pages also show results where they happened. */
  announce(text: string): void;
  go(hash: string): void;
  confirm(options: ConfirmOptions): Promise<boolean>;
  /** Fills the mounted tester's form (in memory). */
  prefillTester(form: Partial<TesterForm>): void;
  readonly log: LogStore;
  /** The last status answer, and a way to poll now (after a bend). */
  status(): StatusAnswer | undefined;
  refreshStatus(): Promise<void>;
  /** Every app (fresh from the service). */
  apps(): Promise<readonly ConsoleApp[]>;
}

export interface Page {
  /** Called each time the page is shown (and again when only its route's argument changes). */
  show(route: Route): void;
  hide?(): void;
}

export function announce(text: string): void {
  const announcer = $("announcer");
  // Cleared first, so the same words twice are read twice.
  announcer.textContent = "";
  win.setTimeout(() => {
    announcer.textContent = text;
  }, 30);
}

/** A modal confirmation; resolves true on confirm. With `typed`, confirm is enabled once that word is typed. */
export function confirmDialog(options: ConfirmOptions): Promise<boolean> {
  const dialog = $("confirm-dialog");
  const ok = $("confirm-ok");
  const cancel = $("confirm-cancel");
  const typed = $("confirm-typed");
  const input = $("confirm-input");
  $("confirm-title").textContent = options.title;
  $("confirm-body").textContent = options.body;
  ok.textContent = options.confirmLabel;
  typed.hidden = options.typed === undefined;
  input.value = "";
  $("confirm-label").textContent = options.typed ? `Type “${options.typed}” to confirm` : "";
  ok.disabled = options.typed !== undefined;
  const before = win.document.activeElement;
  return new Promise((resolve) => {
    let done = false;
    const finish = (answer: boolean) => {
      if (done) return;
      done = true;
      if (dialog.open) dialog.close();
      before?.focus();
      resolve(answer);
    };
    input.addEventListener("input", () => {
      if (options.typed !== undefined) ok.disabled = input.value.trim() !== options.typed;
    });
    input.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && !ok.disabled) finish(true);
    });
    ok.addEventListener("click", () => finish(true));
    cancel.addEventListener("click", () => finish(false));
    dialog.addEventListener("close", () => finish(false));
    dialog.showModal();
    (options.typed !== undefined ? input : cancel).focus();
  }).then((answer) => {
    // Fresh listeners next time: replace the buttons and input with clones without listeners.
    for (const element of [ok, cancel, input]) {
      const clone = (element as unknown as { cloneNode(deep: boolean): El }).cloneNode(true);
      (element as unknown as { replaceWith(other: El): void }).replaceWith(clone);
    }
    return answer as boolean;
  });
}

/** Asks for the admin token (never shown back, never logged). */
export function askAdminToken(wrong: boolean): Promise<string | undefined> {
  const dialog = $("token-dialog");
  const input = $("token-input");
  $("token-wrong").hidden = !wrong;
  input.value = "";
  const before = win.document.activeElement;
  return new Promise<string | undefined>((resolve) => {
    let done = false;
    const finish = (token: string | undefined) => {
      if (done) return;
      done = true;
      input.value = "";
      if (dialog.open) dialog.close();
      before?.focus();
      resolve(token);
    };
    $("token-ok").addEventListener("click", () => finish(input.value.trim() || undefined));
    $("token-cancel").addEventListener("click", () => finish(undefined));
    input.addEventListener("keydown", (event) => {
      if (event.key === "Enter") finish(input.value.trim() || undefined);
    });
    dialog.addEventListener("close", () => finish(undefined));
    dialog.showModal();
    input.focus();
  }).then((token) => {
    for (const id of ["token-ok", "token-cancel", "token-input"]) {
      const element = $(id) as unknown as { cloneNode(deep: boolean): El; replaceWith(other: El): void };
      element.replaceWith(element.cloneNode(true));
    }
    return token;
  });
}

export const loading = (what: string): El => h("p", { className: "loading", role: "status" }, `Loading ${what}…`);
export const empty = (text: string, hint?: string): El =>
  h("div", { className: "empty" }, h("p", {}, text), hint ? h("p", { className: "hint" }, hint) : null);
export const failure = (what: string, error: string): El =>
  h("p", { className: "error", role: "alert" }, `Could not ${what}: ${error}`);

/** A result line (`aria-live`) that a control writes what it did into. */
export function resultLine(id?: string): El {
  return h("p", { className: "result muted", "aria-live": "polite", ...(id ? { id } : {}) });
}

export function setResult(line: El, text: string, tone?: "ok" | "bad"): void {
  line.textContent = text;
  line.className = `result ${tone ?? "muted"}`;
}

/** Runs an action with its button disabled; the result goes to `line` (and to the announcer on failure). */
export async function withButton(button: El, action: () => Promise<void>): Promise<void> {
  button.disabled = true;
  button.setAttribute("aria-busy", "true");
  try {
    await action();
  } finally {
    button.disabled = false;
    button.removeAttribute("aria-busy");
  }
}

/**
 * Runs a change the console makes (its answer in words) with its button disabled: the words go to `said` and to
 * the screen reader; a failure goes to `said` as `<failed>: why`. `reload` runs after a success, and after a
 * failure too when `reloadAlways`.
 */
export async function runChange(
  button: El,
  said: El,
  ctx: Pick<Ctx, "announce">,
  action: () => Promise<string>,
  options: { readonly failed: string; readonly reload: () => Promise<unknown>; readonly reloadAlways?: boolean },
): Promise<void> {
  await withButton(button, async () => {
    let ok = false;
    try {
      const text = await action();
      setResult(said, text, "ok");
      ctx.announce(text);
      ok = true;
    } catch (error) {
      setResult(said, `${options.failed}: ${errorText(error)}`, "bad");
    }
    if (ok || options.reloadAlways) await options.reload();
  });
}
