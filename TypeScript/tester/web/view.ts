/**
 * Binds the tester's panels (page.ts's markup, already in the root) to the view-model: form fields and buttons in,
 * every text and state out. All data is set with `textContent` or attributes, never as HTML.
 *
 * @example
 * const view = createTesterView(root, document, vm, network);
 * vm.subscribe(view.render);
 */
import { stateName } from "../identity-view";
import type { NetworkBend } from "../network-bend";
import { fateWords, type OutboxRow } from "../outbox-rows";
import { timelineItem } from "../timeline";
import type { TokenField, TokenProblem } from "../token-view";
import type { TesterForm, TesterState, TesterViewModel } from "../view-model";
import {
  CLIENT_SEPARATOR,
  clientBadge,
  clientText,
  clockText,
  inspectionText,
  networkText,
  resultText,
} from "./render";

/** The few DOM members the tester uses (the project's types have no DOM library; real elements fit). */
export interface MiniElement {
  value: string;
  textContent: string | null;
  disabled: boolean;
  className: string;
  readonly dataset: Record<string, string | undefined>;
  addEventListener(type: string, listener: () => void): void;
  replaceChildren(...children: MiniElement[]): void;
  append(...children: (MiniElement | string)[]): void;
  setAttribute(name: string, value: string): void;
  readonly style: { width: string };
  readonly firstElementChild: MiniElement | null;
}
export interface MiniDocument {
  createElement(tag: string): MiniElement;
}
interface Root {
  querySelector(selector: string): MiniElement | null;
  querySelectorAll(selector: string): ArrayLike<MiniElement>;
}

export interface TesterView {
  render(state: TesterState): void;
  /** Re-draws what changes with time alone (the time left and its bar). */
  tick(state: TesterState): void;
  dispose(): void;
}

export function createTesterView(root: Root, doc: MiniDocument, vm: TesterViewModel, network: NetworkBend): TesterView {
  const byId = (id: string): MiniElement => {
    const element = root.querySelector(`#${id}`);
    if (!element) throw new Error(`the tester's markup lacks #${id}`);
    return element;
  };
  const make = (tag: string, text: string, className = ""): MiniElement => {
    const element = doc.createElement(tag);
    element.textContent = text;
    if (className) element.className = className;
    return element;
  };
  const fields = Array.from(root.querySelectorAll("[data-field]"));
  const buttons = Array.from(root.querySelectorAll("[data-action]"));
  const bendFields = new Map(
    Array.from(root.querySelectorAll("[data-bend-field]")).map((e) => [e.dataset.bendField, e]),
  );
  const bendValue = (name: string) => bendFields.get(name)?.value ?? "";

  for (const element of fields) {
    const name = element.dataset.field as keyof TesterForm;
    element.addEventListener("input", () => vm.update({ [name]: element.value }));
  }
  const actions: Record<string, () => unknown> = {
    mint: () => vm.mint(),
    login: () => vm.login(),
    logout: () => vm.logout(),
    addIdentities: () => vm.addIdentities(),
    masterAttributes: () => vm.pushAttributes("master"),
    appAttributes: () => vm.pushAttributes("app"),
    foreground: () => vm.foreground(),
    refresh: () => vm.refresh(),
    clearEvents: () => vm.clearEvents(),
  };
  for (const element of buttons) {
    const action = actions[element.dataset.action ?? ""];
    if (action) element.addEventListener("click", () => void action());
  }
  const bends: Record<string, () => unknown> = {
    fail: () => network.failNext(Number(bendValue("failCount"))),
    undoFail: () => network.undo("fail"),
    delay: () => network.delayNext(Number(bendValue("delayCount")), Number(bendValue("delayMs"))),
    undoDelay: () => network.undo("delay"),
    offline: () => network.setOffline(!network.getState().offline),
  };
  for (const element of Array.from(root.querySelectorAll("[data-bend]"))) {
    const bend = bends[element.dataset.bend ?? ""];
    if (bend) element.addEventListener("click", () => void bend());
  }

  /** The state line and the session bar; also re-drawn every second, so the time left counts down. */
  const renderClient = (state: TesterState): void => {
    const client = byId("client");
    const name = state.client ? stateName(state.client) : "none";
    client.dataset.state = name;
    // Each part (state, user id, time left, expiry) stays on one line: ids and timestamps hold hyphens, where lines
    // may break.
    client.replaceChildren(
      ...clientText(state, Date.now())
        .split(CLIENT_SEPARATOR)
        .flatMap((part, index) => {
          const span = make("span", part, "part");
          return index === 0 ? [span] : [make("span", CLIENT_SEPARATOR), span];
        }),
    );
    const badge = clientBadge(state);
    const badgeElement = byId("client-badge");
    badgeElement.textContent = badge.text;
    badgeElement.className = `badge ${badge.tone}`;
    const meter = byId("session-meter");
    const fraction = state.client ? vm.sessionFraction(Date.now()) : undefined;
    const percent = fraction === undefined ? 0 : Math.round(fraction * 1000) / 10;
    meter.setAttribute("aria-valuenow", String(percent));
    meter.setAttribute("aria-valuetext", fraction === undefined ? "no session" : `${percent}% of the session left`);
    meter.className = `meter${fraction === undefined ? " empty" : fraction < 0.1 ? " bad" : fraction < 0.25 ? " warn" : ""}`;
    const bar = meter.firstElementChild;
    if (bar) bar.style.width = `${percent}%`;
  };

  const renderNetwork = (): void => {
    const bent = network.getState();
    byId("network-state").textContent = networkText(bent);
    byId("network-change").textContent = bent.lastChange ?? "";
    const offline = root.querySelector('[data-bend="offline"]');
    if (offline) {
      offline.setAttribute("aria-pressed", String(bent.offline));
      offline.textContent = bent.offline ? "Go back online" : "Go offline";
    }
  };

  const FATE_TONE: Readonly<Record<OutboxRow["fate"], string>> = {
    queued: "info",
    sending: "info",
    retrying: "warn",
    sent: "ok",
    refused: "bad",
  };
  const problemItem = (problem: TokenProblem): MiniElement => {
    const item = make("li", "");
    item.append(
      make(
        "span",
        problem.severity === "error" ? "error" : "warning",
        `badge ${problem.severity === "error" ? "bad" : "warn"}`,
      ),
      ` ${problem.message}`,
    );
    item.dataset.code = problem.code;
    return item;
  };
  const fieldItem = (field: TokenField): MiniElement => {
    const row = make("div", "", `token-field${field.problems.length > 0 ? " has-problem" : ""}`);
    row.dataset.path = field.path;
    row.append(make("span", field.label, "mono muted"), " ", make("span", field.value, "mono"));
    if (field.problems.length > 0) {
      const list = make("ul", "");
      list.replaceChildren(...field.problems.map(problemItem));
      row.append(list);
    }
    return row;
  };
  const renderDecoded = (state: TesterState): void => {
    const decoded = state.decoded;
    const header = byId("decoded-header");
    const payload = byId("decoded-payload");
    if (!decoded?.decoded) {
      const words = state.form.token.trim() === "" ? "No token: an anonymous login." : "The token does not decode.";
      header.replaceChildren(make("p", words, "empty"));
      payload.replaceChildren(make("p", words, "empty"));
    } else {
      header.replaceChildren(...decoded.header.map(fieldItem));
      payload.replaceChildren(...decoded.payload.map(fieldItem));
    }
    byId("problems").replaceChildren(...(decoded?.general ?? []).map(problemItem));
  };
  const renderOutbox = (state: TesterState): void => {
    const outbox = state.outbox;
    const rows = outbox?.rows ?? [];
    byId("outbox-summary").textContent = !outbox
      ? "No client yet."
      : outbox.pendingCount > 0
        ? `${outbox.pendingCount} ${outbox.pendingCount === 1 ? "key waits" : "keys wait"} to be sent${outbox.userId ? ` for user ${outbox.userId}` : ""}.`
        : outbox.userId
          ? `Nothing waits to be sent for user ${outbox.userId}.`
          : "Nothing waits: nobody is logged in.";
    if (rows.length === 0) {
      const row = make("tr", "");
      const cell = make("td", "No attribute pushed yet.", "empty");
      cell.setAttribute("colspan", "4");
      row.append(cell);
      byId("outbox-rows").replaceChildren(row);
      return;
    }
    byId("outbox-rows").replaceChildren(
      ...rows.map((r) => {
        const row = make("tr", "");
        row.dataset.key = r.key;
        row.dataset.fate = r.fate;
        row.dataset.scope = r.scope;
        if (r.batchId) row.setAttribute("title", `batch ${r.batchId}`);
        const fate = make("td", "");
        fate.append(make("span", fateWords(r), `badge ${FATE_TONE[r.fate]}`));
        row.append(make("td", r.scope), make("td", r.key, "mono"), fate, make("td", String(r.attempts)));
        return row;
      }),
    );
  };

  const render = (state: TesterState): void => {
    for (const element of fields) {
      const value = state.form[element.dataset.field as keyof TesterForm];
      // Only write what changed (a minted token): rewriting the focused field would move the caret.
      if (element.value !== value) element.value = value;
    }
    for (const element of buttons)
      element.disabled = state.busy !== undefined && element.dataset.action !== "clearEvents";
    const inspection = byId("inspection");
    inspection.textContent = inspectionText(state);
    inspection.className = `mono ${state.inspection?.ok ? "ok" : "bad"}`;
    const result = byId("result");
    result.textContent = resultText(state);
    result.className = state.lastResult?.ok === false ? "bad" : "ok";
    renderClient(state);
    byId("clock").textContent = clockText(state);
    renderNetwork();
    renderDecoded(state);
    renderOutbox(state);
    byId("events").replaceChildren(
      ...state.events.map((entry) => {
        const line = timelineItem(entry);
        const item = make("li", "", `event ${line.kind}${entry.note === undefined ? "" : " note"}`);
        const badge = line.kind === "event" ? line.title : line.kind;
        item.append(make("time", line.time, "mono muted"), " ", make("span", badge, `badge ${line.tone}`));
        if (line.detail) item.append(" ", make("span", line.detail, "detail"));
        item.dataset.event = entry.event;
        item.dataset.kind = line.kind;
        if (entry.note !== undefined && entry.data.state !== undefined) item.dataset.state = entry.data.state;
        return item;
      }),
    );
  };

  return { render, tick: renderClient, dispose: () => undefined };
}
