/**
 * The editor's login tester on its own JsEnv: the tester view-model (TypeScript/tester) driving a real
 * identity client built on the same UE adapters as the game's runtime (HTTP, file store, randomness, log
 * through bridge UFUNCTIONs), with state kept apart from the game's (the editor bridge stores under
 * Saved/HelpshiftTS/EditorTester, scoped per app id and service). Each button of the tab sends one JSON
 * command; after every change the whole view state goes back as JSON text (`PublishState`), which C++ only
 * displays, and once a second while a session is shown when the text changed (its time left counts down). At
 * start C++ sends `connect` with the form it opens with: the client of that app is made at once, so a session
 * stored by an earlier editor run shows before any press. Pure wiring: no `ue`/`puerts` import, so tests drive it with a recording fake bridge.
 *
 * @example
 * startEditorTester({ bridge, createClient: createHelpshiftClient, refs: { $ref, $unref },
 *   timers: { setTimeout, clearTimeout } });
 * // C++: Bridge->OnCommand.ExecuteIfBound(0, TEXT("testerAction"), TEXT("{\"action\":\"mint\",\"form\":{...}}"));
 */
import { makeRedactor } from "../../contract";
import type { HelpshiftClient } from "../../core/api";
import type { Clock, Ports } from "../../core/ports";
import { sessionLeftMs } from "../../tester/identity-view";
import { createServiceClockProbe } from "../../tester/service-clock";
import { createUndeliveredCounter } from "../../tester/undelivered";
import { createTesterViewModel, type TesterForm, type TesterViewModel } from "../../tester/view-model";
import { createBridgeLogger, type LogBridge } from "../adapters/logger";
import { createBridgeRandom, type RandomBridge } from "../adapters/random";
import {
  createBridgeMonotonic,
  createDateClock,
  createTimerScheduler,
  type MonotonicBridge,
  type TimerFunctions,
} from "../adapters/scheduler";
import { createBridgeStore, type RefHelpers, type StoreBridge } from "../adapters/store";
import { createBridgeTransport, type HttpBridge } from "../adapters/transport";
import { parseJson } from "../messages";
import { type EditorTesterAction, EditorTesterCommand } from "./commands";
import { type EditorForm, TesterActionPayloadSchema } from "./messages";
import { scopedStore, storeScope } from "./store-scope";
import { renderViewState } from "./view-state";

type CommandHandler = (requestId: number, command: string, payloadJson: string) => void;

/** The UFUNCTIONs and delegate of UHelpshiftTSEditorBridge the tester uses (see Typing/ue/editor.d.ts). */
export interface EditorTesterBridge extends HttpBridge, StoreBridge, RandomBridge, LogBridge, MonotonicBridge {
  readonly OnCommand: { Bind(fn: CommandHandler): void; Unbind(): void };
  NotifyReady(): void;
  /** The whole view state as JSON text; C++ shows it in the tab as it is. */
  PublishState(StateJson: string): void;
}

export interface EditorTesterDependencies {
  readonly bridge: EditorTesterBridge;
  readonly createClient: (ports: Ports) => HelpshiftClient;
  readonly refs: RefHelpers;
  /** The engine's timers: the client's schedule, and the once-a-second republish while a session lives. */
  readonly timers: TimerFunctions;
  /** The editor's clock (epoch ms); `Date.now()` when not given (tests pass their own). */
  readonly clock?: Clock;
}

export interface EditorTester {
  /** The command entry point bound to `OnCommand` (exposed for tests). */
  readonly handle: CommandHandler;
  /** The JSON text last sent with `PublishState`. */
  lastPublished(): string;
  /** Whether the once-a-second republish is armed (a session is shown); for tests. */
  ticking(): boolean;
}

/** How often the state is re-rendered while a session lives, so its time left counts down in the tab. */
export const SESSION_TICK_MS = 1000;

/** Notices shown in the view state (words for people; no input text is ever echoed). */
export const EditorNotice = {
  badCommand: "The tester refused a command from the editor (not a known action or not valid JSON).",
  serviceChanged: "The service URL changed: the tester started a new client for it.",
} as const;

/** The view-model's form fields from the tab's inputs (absent inputs are left as they are). */
function formFields(form: EditorForm): Partial<TesterForm> {
  const out: { -readonly [K in keyof TesterForm]?: string } = {};
  if (form.appId !== undefined) out.appId = form.appId;
  if (form.secret !== undefined) out.secret = form.secret;
  if (form.uid !== undefined) out.uid = form.uid;
  if (form.email !== undefined) out.email = form.email;
  if (form.identity !== undefined) out.identities = form.identity;
  if (form.config !== undefined) out.config = form.config;
  if (form.masterAttributes !== undefined) out.masterAttributes = form.masterAttributes;
  if (form.appAttributes !== undefined) out.appAttributes = form.appAttributes;
  if (form.token !== undefined) out.token = form.token;
  return out;
}

/** Builds the tester, binds `OnCommand`, tells C++ it is ready and publishes the first state. */
export function startEditorTester(deps: EditorTesterDependencies): EditorTester {
  const { bridge } = deps;
  const redactor = makeRedactor();
  const logger = createBridgeLogger(bridge, redactor);
  const http = createBridgeTransport(bridge);
  const clock = deps.clock ?? createDateClock();
  const scheduler = createTimerScheduler(deps.timers);
  const random = createBridgeRandom(bridge);
  const monotonic = createBridgeMonotonic(bridge);
  const bridgeStore = createBridgeStore(bridge, deps.refs);
  // As on the web page: a flush that did not reach the service is reported as not delivered.
  const undelivered = createUndeliveredCounter();
  // The service's clock against the editor's (X-Server-Time on every answer), shown in the view state.
  const serviceClock = createServiceClockProbe(clock);

  let serviceUrl = "";
  let notice: string | undefined;
  let published = "";
  let disposed = false;

  /** The one dev secret the redactor knows: replaced, not accumulated, as the developer types new ones. */
  let rememberedSecret = "";
  const rememberSecret = (secret: string): void => {
    if (secret === rememberedSecret) return;
    redactor.forget(rememberedSecret);
    redactor.remember(secret);
    rememberedSecret = secret;
  };

  /** While true, changes are only noted: `connect` publishes once, after the client's Init set its state. */
  let holding = false;
  let changedWhileHeld = false;

  /** The one timer of the once-a-second republish (undefined when none is armed). */
  let tickTimer: unknown;

  const render = (): string => {
    // The view never holds the secret or the token; the redactor guards every string anyway (tokens by their
    // JWT shape, so minting many never grows what it remembers).
    rememberSecret(vm.getState().form.secret);
    return renderViewState(vm.getState(), {
      serviceUrl,
      redactor,
      nowMs: clock.now(),
      undelivered: undelivered.count(),
      ...(notice ? { notice } : {}),
    });
  };

  const publish = (): void => {
    if (disposed) return;
    published = render();
    bridge.PublishState(published);
    keepTicking();
  };

  /** A session is shown whose time left changes with the clock (a user and an expiry, not ended). */
  const showsSession = (): boolean => {
    const client = vm.getState().client;
    return client !== undefined && !client.expired && sessionLeftMs(client, 0) !== undefined;
  };

  const stopTicking = (): void => {
    if (tickTimer === undefined) return;
    deps.timers.clearTimeout(tickTimer);
    tickTimer = undefined;
  };

  /**
   * Each second while a session is shown, the state is rendered again and published only when the text changed
   * (the session's time left, the status line): the tab and the widgets count down with no press. One timer at
   * most; none without a session, and none after dispose.
   */
  function keepTicking(): void {
    if (disposed || !showsSession()) {
      stopTicking();
      return;
    }
    if (tickTimer !== undefined) return;
    tickTimer = deps.timers.setTimeout(() => {
      tickTimer = undefined;
      if (disposed) return;
      const next = render();
      if (next !== published) {
        published = next;
        bridge.PublishState(published);
      }
      keepTicking();
    }, SESSION_TICK_MS);
  }

  const makeViewModel = (url: string, initialForm?: TesterForm): TesterViewModel => {
    const model = createTesterViewModel({
      serviceUrl: url,
      clock,
      undelivered: undelivered.count,
      serviceClock: serviceClock.reading,
      // parameters carry the view-model's token provider (mints a fresh token with the dev secret): the tab's
      // sessions refresh themselves as a game's do.
      createClient(parameters) {
        const client = deps.createClient({
          transport: undelivered.wrap(serviceClock.wrap(http.transport)),
          store: scopedStore(bridgeStore, storeScope(parameters.appId, url)),
          clock,
          scheduler,
          random,
          logger,
          monotonic,
        });
        client.Init(parameters);
        return client;
      },
      ...(initialForm ? { initialForm } : {}),
    });
    model.subscribe(() => {
      if (holding) changedWhileHeld = true;
      else publish();
    });
    return model;
  };
  let vm = makeViewModel(serviceUrl);

  const useService = (url: string): void => {
    if (url === serviceUrl) return;
    const form = vm.getState().form;
    const hadService = serviceUrl !== "";
    vm.dispose();
    serviceUrl = url;
    // The first URL the tab sends is no change: no client has run yet.
    if (hadService) notice = EditorNotice.serviceChanged;
    vm = makeViewModel(url, form);
  };

  const run: Readonly<Record<EditorTesterAction, () => unknown>> = {
    // The form's app's client now (its stored session restored by Init), so the first state shows it.
    connect: () => vm.connect(),
    inspect: () => publish(),
    mint: () => vm.mint(),
    login: () => vm.login(),
    logout: () => vm.logout(),
    addIdentities: () => vm.addIdentities(),
    // The same view-model calls as the web page's buttons (TypeScript/tester/web/main.ts).
    foreground: () => vm.foreground(),
    refreshSession: () => vm.refresh(),
    pushMasterAttributes: () => vm.pushAttributes("master"),
    pushAppAttributes: () => vm.pushAttributes("app"),
    clearEvents: () => vm.clearEvents(),
  };

  const onAction = (json: string): void => {
    const parsed = parseJson(json);
    const payload = parsed.ok ? TesterActionPayloadSchema.safeParse(parsed.value) : undefined;
    if (!payload?.success) {
      // Never the payload itself in the log: it carries the dev secret.
      logger.log("error", "tester command refused", { command: EditorTesterCommand.action });
      notice = EditorNotice.badCommand;
      publish();
      return;
    }
    notice = undefined;
    const { action, form } = payload.data;
    // connect (at start): one state, after the form is applied and the new client's Init settled its state.
    holding = action === "connect";
    changedWhileHeld = false;
    let work: unknown;
    try {
      if (form?.serviceUrl !== undefined) useService(form.serviceUrl.trim());
      if (form) {
        if (form.secret !== undefined) rememberSecret(form.secret);
        vm.update(formFields(form));
      }
      work = run[action]();
    } finally {
      holding = false;
    }
    if (changedWhileHeld) publish();
    if (work instanceof Promise) {
      work.catch((error: unknown) => logger.log("error", "tester action failed", { action, error: String(error) }));
    }
  };

  const handle: CommandHandler = (requestId, command, payloadJson) => {
    if (disposed) return;
    try {
      if (command === EditorTesterCommand.action) onAction(payloadJson);
      else if (command === EditorTesterCommand.httpResponse) http.deliver(requestId, payloadJson);
      else if (command === EditorTesterCommand.dispose) {
        vm.dispose();
        http.dispose();
        disposed = true;
        stopTicking();
        bridge.OnCommand.Unbind();
      } else logger.log("error", "unknown tester command", { command });
    } catch (error) {
      logger.log("error", "tester command threw", { command, error: String(error) });
    }
  };

  bridge.OnCommand.Bind(handle);
  bridge.NotifyReady();
  publish();
  return { handle, lastPublished: () => published, ticking: () => tickTimer !== undefined };
}
