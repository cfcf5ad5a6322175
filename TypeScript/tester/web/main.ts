/**
 * The tester page's browser entry (bundled by esbuild, served at /tester/app.js): binds the static form of
 * `page.ts` to the view-model, with the real identity core on browser ports.
 */
import { installDecodePort } from "../../contract";
import { createHelpshiftClient } from "../../core";
import { stateName } from "../identity-view";
import { createServiceClockProbe } from "../service-clock";
import { createUndeliveredCounter } from "../undelivered";
import { createTesterViewModel, type TesterForm, type TesterState } from "../view-model";
import { type BrowserGlobals, browserPorts, STORE_PREFIX } from "./browser-ports";
import { type BrowserDecodeGlobals, browserDecodePort } from "./decode-port";
import { CLIENT_SEPARATOR, clientText, clockText, eventText, inspectionText, resultText } from "./render";

interface MiniElement {
  value: string;
  textContent: string | null;
  disabled: boolean;
  className: string;
  readonly dataset: Record<string, string | undefined>;
  addEventListener(type: string, listener: () => void): void;
  replaceChildren(...children: MiniElement[]): void;
}
interface MiniDocument {
  readonly body: MiniElement;
  getElementById(id: string): MiniElement | null;
  querySelectorAll(selector: string): ArrayLike<MiniElement>;
  createElement(tag: string): MiniElement;
  readonly activeElement: unknown;
}
interface PageGlobals extends BrowserGlobals {
  readonly document: MiniDocument;
  setInterval(callback: () => void, ms: number): unknown;
  readonly location: { readonly origin: string; readonly search: string };
}

const g = globalThis as unknown as PageGlobals;
// Token checks on the page decode with atob/TextDecoder (same answers as the contract's pure-JS codecs).
installDecodePort(browserDecodePort(globalThis as unknown as BrowserDecodeGlobals));
const doc = g.document;
const byId = (id: string) => doc.getElementById(id) as MiniElement;
const serviceUrl = doc.body.dataset.serviceUrl || g.location.origin;
const appFromQuery = new URLSearchParams(g.location.search).get("app");

/** Requests the client could not deliver (it retries them later): the page says so instead of "flushed". */
const undelivered = createUndeliveredCounter();
/** The service's clock against the page's, from the X-Server-Time of every answer. */
const serviceClock = createServiceClockProbe({ now: () => Date.now() });

const vm = createTesterViewModel({
  serviceUrl,
  clock: { now: () => Date.now() },
  undelivered: undelivered.count,
  serviceClock: serviceClock.reading,
  createClient(parameters) {
    // parameters carry the view-model's token provider: refreshes run on the page as in a game.
    const ports = browserPorts(g, `${STORE_PREFIX}${parameters.appId}:`);
    const client = createHelpshiftClient({
      ...ports,
      transport: undelivered.wrap(serviceClock.wrap(ports.transport)),
    });
    client.Init(parameters);
    return client;
  },
  ...(appFromQuery ? { initialForm: { appId: appFromQuery } } : {}),
});

const fields = Array.from(doc.querySelectorAll("[data-field]"));
const buttons = Array.from(doc.querySelectorAll("[data-action]"));

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

function render(state: TesterState): void {
  for (const element of fields) {
    const value = state.form[element.dataset.field as keyof TesterForm];
    // Only write what changed (a minted token): rewriting the focused field would move the caret.
    if (element.value !== value) element.value = value;
  }
  for (const element of buttons)
    element.disabled = state.busy !== undefined && element.dataset.action !== "clearEvents";
  const inspection = byId("inspection");
  inspection.textContent = inspectionText(state);
  inspection.className = state.inspection?.ok ? "ok" : "bad";
  const result = byId("result");
  result.textContent = resultText(state);
  result.className = state.lastResult?.ok === false ? "bad" : "ok";
  renderClient(state);
  byId("clock").textContent = clockText(state);
  byId("events").replaceChildren(
    ...state.events.map((entry) => {
      const item = doc.createElement("li");
      item.textContent = eventText(entry);
      item.className = entry.note === undefined ? "event" : "event note";
      item.dataset.event = entry.event;
      if (entry.note !== undefined && entry.data.state !== undefined) item.dataset.state = entry.data.state;
      return item;
    }),
  );
}

/** The state line; also re-drawn every second, so the session's time left counts down. */
function renderClient(state: TesterState): void {
  const client = byId("client");
  client.dataset.state = state.client ? stateName(state.client) : "none";
  // Each part (state, user id, time left, expiry) stays on one line: ids and timestamps hold hyphens, where lines
  // may break.
  client.replaceChildren(
    ...clientText(state, Date.now())
      .split(CLIENT_SEPARATOR)
      .flatMap((part, index) => {
        const span = doc.createElement("span");
        span.textContent = part;
        span.className = "part";
        if (index === 0) return [span];
        const separator = doc.createElement("span");
        separator.textContent = CLIENT_SEPARATOR;
        return [separator, span];
      }),
  );
}

vm.subscribe(render);
// The client restores what localStorage kept for this app id: after a reload the page shows that session.
vm.connect();
render(vm.getState());
g.setInterval(() => renderClient(vm.getState()), 1000);
