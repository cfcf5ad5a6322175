/**
 * The login tester's one view-model: "try a login" with a dev secret. Mint a token, inspect and validate it,
 * log in and out, add identities, push attributes, refresh the session, watch events and the identity state
 * (every change of state is a line in the event log). The client gets a token provider that mints a fresh
 * token for the logged-in identities with the dev secret, so refreshes run in the tester as in a game. It drives a {@link HelpshiftClient} built by
 * the platform (browser page, editor tab, tests) and uses only ECMAScript, the contract and the pure HMAC,
 * so the same code runs in a browser, in Node and in a bare Puerts engine.
 *
 * @example
 * const vm = createTesterViewModel({ createClient, clock, serviceUrl: "http://127.0.0.1:8787" });
 * vm.subscribe((state) => render(state));
 * vm.update({ secret: "dev-secret", uid: "42" });
 * vm.mint();
 * await vm.login();
 */
import {
  type AttributeMap,
  decodeIdentityToken,
  type ErrorMap,
  type FailureDetail,
  HelpshiftEvent,
  inspectLogin,
  isPlainObject,
  type LoginConfig,
  type LoginFailureReason,
  type LoginInspection,
  makeRedactor,
  validateAppAttributes,
  validateIdentityToken,
  validateMasterAttributes,
} from "../contract";
import type { ClientState, HelpshiftClient, HelpshiftInitParameters, RefreshReason } from "../core/api";
import type { Clock } from "../core/ports";
import { identityNote, type ServiceClockReading, stateName } from "./identity-view";
import { mintHs256 } from "./mint";
import type { BentRequest, NetworkBend, NetworkBendState } from "./network-bend";
import { outboxRows, type TesterOutbox } from "./outbox-rows";
import { buildPayload, lines } from "./payload";
import { type DecodedTokenView, tokenView } from "./token-view";

/** What the person typed. Text fields, exactly as on screen. */
export interface TesterForm {
  readonly appId: string;
  /** Dev secret for minting. Kept in memory only, never stored or logged. */
  readonly secret: string;
  readonly uid: string;
  readonly email: string;
  /** One `identifier=value` per line. */
  readonly identities: string;
  /** One `identifier.key=value` per line. */
  readonly metadata: string;
  /** Epoch seconds, "none", or empty for now. */
  readonly iat: string;
  /** The login config as a JSON object. */
  readonly config: string;
  /** The identity JWT to log in with (minted or pasted); empty for an anonymous login. */
  readonly token: string;
  /** Attribute maps as JSON objects. */
  readonly masterAttributes: string;
  readonly appAttributes: string;
}

export type TesterAction =
  | "mint"
  | "login"
  | "logout"
  | "addIdentities"
  | "masterAttributes"
  | "appAttributes"
  | "refresh";

/** The outcome of the last action, as data. */
export interface ActionResult {
  readonly action: TesterAction;
  readonly ok: boolean;
  readonly reason?: LoginFailureReason | string;
  readonly errors?: ErrorMap;
  readonly detail?: FailureDetail;
  /** Words for people (never a token or the secret). */
  readonly message: string;
}

/**
 * One event the client sent, with the local time it arrived; or one line the tester adds when the identity
 * state changes (`event` is {@link STATE_EVENT}, `data` `{state, reason?, userId?}`, `note` says it in words).
 */
export interface EventEntry {
  readonly atMs: number;
  readonly event: string;
  readonly data: Readonly<Record<string, string>>;
  /** Words for people, on the tester's own lines (a refresh started, a session refreshed in place, ...). */
  readonly note?: string;
}

/** The `event` of the tester's own event-log lines for changes of the identity state (not a HelpshiftEvent). */
export const STATE_EVENT = "identityState";
/** The `event` of the tester's own lines for its token provider's answers (`data` `{reason, ok}`). */
export const TOKEN_EVENT = "identityTokenProvider";
/** The `event` of the tester's own lines for requests its network bend touched (`data` `{what, method, path, delayMs?}`). */
export const NETWORK_EVENT = "network";

export interface TesterState {
  readonly form: TesterForm;
  /** The client-side checks of `form.token` with `form.config`; undefined while the config is not JSON. */
  readonly inspection?: LoginInspection;
  /** `form.token` decoded (header and payload field by field), each problem of the inspection at its field. */
  readonly decoded?: DecodedTokenView;
  /** Why the form cannot be used as it is (config not JSON, bad identity line ...). */
  readonly formError?: string;
  readonly client?: ClientState;
  /** The action running now. */
  readonly busy?: TesterAction;
  readonly lastResult?: ActionResult;
  /** Newest first, at most {@link MAX_EVENTS}. */
  readonly events: readonly EventEntry[];
  /** The service's clock against the tester's, from the last answer (when the platform measures it). */
  readonly serviceClock?: ServiceClockReading;
  /**
   * The client's attribute outbox: each key pending (queued, sending, retrying with attempts and the last failure)
   * and each key the service answered for (sent, refused and why), from `client.onOutboxChange`.
   */
  readonly outbox?: TesterOutbox;
  /** What the platform's network bend does now (when it has one: the web page). */
  readonly network?: NetworkBendState;
}

/** What the view-model needs from its platform. */
export interface TesterDeps {
  /** Builds a client on the platform's ports and calls `Init` with `parameters`. */
  createClient(parameters: HelpshiftInitParameters): HelpshiftClient;
  readonly clock: Clock;
  readonly serviceUrl: string;
  readonly initialForm?: Partial<TesterForm>;
  /**
   * How many requests the platform's transport has failed to deliver so far (network failures, 5xx and 429
   * answers, which the client retries later), if the platform counts them. With it, a flush that did not reach
   * the service is reported as such instead of "flushed".
   */
  readonly undelivered?: () => number;
  /** The service's clock as the platform's transport last measured it (`X-Server-Time`), if it does. */
  readonly serviceClock?: () => ServiceClockReading | undefined;
  /**
   * The bend around the platform's transport (network-bend.ts), if it has one: its state shows in
   * `state.network`, and every request it fails or delays is a line of the event log.
   */
  readonly network?: NetworkBend;
}

export interface TesterViewModel {
  getState(): TesterState;
  /**
   * Creates the client for the form's app id now, so the state shows the session the platform's store kept
   * (a page reload, an editor restart). Sends nothing.
   */
  connect(): void;
  /** Calls `listener` after every change; returns the function that unsubscribes. */
  subscribe(listener: (state: TesterState) => void): () => void;
  /** Changes form fields; re-inspects the token. */
  update(fields: Partial<TesterForm>): void;
  /** Mints a token from the form with the dev secret and puts it in `form.token`. */
  mint(): void;
  login(): Promise<void>;
  logout(): Promise<void>;
  /**
   * Sends `form.token` as new identities of the logged-in user. Reports only what happened: nothing is sent
   * without an identified user or when the client's checks refuse the token; refusals by the service are named.
   */
  addIdentities(): Promise<void>;
  /**
   * Queues the master or app attribute map and flushes it now. Reports only what happened: nothing is queued
   * without an identified user (anonymous and logged-out users' updates are dropped, as in the SDK), and the
   * keys refused on the client or by the service are named.
   */
  pushAttributes(kind: "master" | "app"): Promise<void>;
  /** Tells the client the app came to the foreground (re-checks the session). */
  foreground(): void;
  /**
   * Refreshes the session now (`refreshSession()`): the tester's token provider mints a fresh token for the
   * identities of the last login with the dev secret, and the same user is renewed in place. Says what happened.
   */
  refresh(): Promise<void>;
  clearEvents(): void;
  /**
   * The share of the session still left at `nowMs`, from 1 (just logged in) to 0 (expired), on the client's trusted
   * expiry and the session's lifetime; undefined without a session.
   */
  sessionFraction(nowMs: number): number | undefined;
  dispose(): void;
}

/** How many events the log keeps. */
export const MAX_EVENTS = 100;

/** The form a fresh tester starts with. */
export const DEFAULT_FORM: TesterForm = {
  appId: "demo",
  secret: "",
  uid: "",
  email: "",
  identities: "",
  metadata: "",
  iat: "",
  config: '{"full_privacy_enabled": false}',
  token: "",
  masterAttributes: '{"first_name": "Ada", "new_tags": ["vip"]}',
  appAttributes: '{"app_version": "1.0.0"}',
};

/** The events of each attribute kind the tester reads to report what happened. */
const ATTRIBUTE_EVENTS = {
  master: {
    validation: HelpshiftEvent.masterAttributesValidationFailed,
    limit: HelpshiftEvent.masterAttributesLimitExceeded,
    sync: HelpshiftEvent.masterAttributesSyncFailed,
  },
  app: {
    validation: HelpshiftEvent.appAttributesValidationFailed,
    limit: HelpshiftEvent.appAttributesLimitExceeded,
    sync: HelpshiftEvent.appAttributesSyncFailed,
  },
} as const;

/** Events that say the service refused a whole AddUserIdentities token. */
const IDENTITY_REFUSALS: ReadonlySet<string> = new Set([
  HelpshiftEvent.userIdentityNotEnabled,
  HelpshiftEvent.identityTokenInvalid,
  HelpshiftEvent.iatIsMandatory,
  HelpshiftEvent.identitiesSizeLimitExceeded,
  HelpshiftEvent.identitiesDataInvalid,
]);

type ConfigParse = { ok: true; config: unknown } | { ok: false; error: string };

function parseConfig(text: string): ConfigParse {
  if (text.trim() === "") return { ok: true, config: {} };
  try {
    return { ok: true, config: JSON.parse(text) };
  } catch {
    return { ok: false, error: "The login config is not valid JSON." };
  }
}

function failureOf(error: unknown): { reason?: string; errors?: ErrorMap; detail?: FailureDetail } {
  if (!isPlainObject(error) && !(error instanceof Error)) return {};
  const e = error as { reason?: unknown; errors?: unknown; detail?: unknown };
  return {
    ...(typeof e.reason === "string" ? { reason: e.reason } : {}),
    ...(isPlainObject(e.errors) ? { errors: e.errors as ErrorMap } : {}),
    ...(typeof e.detail === "string" ? { detail: e.detail as FailureDetail } : {}),
  };
}

/**
 * Creates the view-model. Nothing talks to the service until an action runs.
 *
 * @example
 * const vm = createTesterViewModel({ createClient: (p) => { const c = createHelpshiftClient(ports); c.Init(p); return c; },
 *   clock: { now: () => Date.now() }, serviceUrl: "" });
 */
export function createTesterViewModel(deps: TesterDeps): TesterViewModel {
  const listeners = new Set<(state: TesterState) => void>();
  let state: TesterState = { form: { ...DEFAULT_FORM, ...deps.initialForm }, events: [] };
  let client: { appId: string; instance: HelpshiftClient; unlisten: () => void } | undefined;
  /**
   * The identity token of the current client's last successful login: what the token provider renews (with a
   * fresh iat, signed with the dev secret). Memory only, like the secret and the form's token.
   */
  let renewable: string | undefined;
  let disposed = false;
  /** The events that arrived while the running action ran (the client delivers them before its Promise settles). */
  let captured: EventEntry[] | undefined;

  const nowSeconds = () => Math.floor(deps.clock.now() / 1000);
  /** Secrets the form holds: whatever goes into a message passes through this first. */
  const redact = () => makeRedactor([state.form.secret, state.form.token, renewable ?? ""]);

  const set = (next: Partial<TesterState>): void => {
    if (disposed) return;
    const serviceClock = deps.serviceClock?.();
    state = {
      ...state,
      ...next,
      ...(client ? { client: client.instance.getState() } : {}),
      ...(serviceClock ? { serviceClock } : {}),
    };
    for (const listener of listeners) listener(state);
  };

  const addEntry = (entry: EventEntry): void => {
    captured?.push(entry);
    set({ events: [entry, ...state.events].slice(0, MAX_EVENTS) });
  };

  /**
   * The tester's token provider: the identities of the last login (else of the form's token, e.g. after a page
   * reload restored a session), with a fresh iat, signed with the dev secret in the form now. The client checks
   * that the token names the same user and refuses it otherwise. When it cannot mint (no secret, no token) it
   * answers no token, which the client takes as a final failure of this refresh: retrying cannot help until the
   * person types, and a held session should not wait through backoff for it.
   */
  const provideToken = async (reason: RefreshReason): Promise<string> => {
    const why = reason === "expired" ? "the session expired" : "ahead of expiry";
    const refuse = (message: string): string => {
      addEntry({ atMs: deps.clock.now(), event: TOKEN_EVENT, data: { reason, ok: "false" }, note: message });
      return "";
    };
    const token = renewable || state.form.token.trim();
    if (token === "") return refuse("No fresh token: the tester has no identity token to renew; log in with one.");
    if (state.form.secret === "") {
      return refuse("No fresh token: enter the app's dev secret (the tester mints the fresh token with it).");
    }
    const decoded = decodeIdentityToken(token);
    if (!decoded.ok) return refuse("No fresh token: the token to renew cannot be decoded; log in again.");
    const fresh = mintHs256({ ...decoded.payload, iat: nowSeconds() }, state.form.secret);
    addEntry({
      atMs: deps.clock.now(),
      event: TOKEN_EVENT,
      data: { reason, ok: "true" },
      note: `fresh identity token minted for the refresh (${why})`,
    });
    return fresh;
  };

  const inspected = (form: TesterForm): Partial<TesterState> => {
    const parsed = parseConfig(form.config);
    if (!parsed.ok)
      return { inspection: undefined, decoded: tokenView(form.token, undefined), formError: parsed.error };
    const inspection = inspectLogin(form.token.trim(), parsed.config, nowSeconds());
    return { inspection, decoded: tokenView(form.token, inspection), formError: undefined };
  };

  const ensureClient = (): HelpshiftClient => {
    const appId = state.form.appId.trim();
    if (client && client.appId === appId) return client.instance;
    if (client) {
      client.unlisten();
      client.instance.dispose();
    }
    renewable = undefined;
    const instance = deps.createClient({ serviceUrl: deps.serviceUrl, appId, identityTokenProvider: provideToken });
    const unlistenEvents = instance.addEventListener((event, data) => {
      addEntry({ atMs: deps.clock.now(), event, data: { ...data } });
    });
    // Every change of the identity state: the state line follows it, and the event log gets a line for it.
    let last = instance.getState();
    const unlistenState = instance.onStateChange((next) => {
      const before = last;
      last = next;
      if (client?.instance !== instance) return;
      const note = identityNote(before, next);
      if (note === undefined) return set({});
      addEntry({
        atMs: deps.clock.now(),
        event: STATE_EVENT,
        data: {
          state: stateName(next),
          ...(next.refreshReason ? { reason: next.refreshReason } : {}),
          ...(next.userId ? { userId: next.userId } : {}),
        },
        note,
      });
    });
    // The outbox, key by key: pending, sent, refused.
    const unlistenOutbox = instance.onOutboxChange((view) => {
      if (client?.instance === instance) set({ outbox: outboxRows(view) });
    });
    client = {
      appId,
      instance,
      unlisten: () => {
        unlistenEvents();
        unlistenState();
        unlistenOutbox();
      },
    };
    return instance;
  };

  /** What an action body hands back: a message is a success; a whole result says exactly what happened. */
  type Outcome = string | Omit<ActionResult, "action">;

  const run = async (
    action: TesterAction,
    body: (c: HelpshiftClient, events: readonly EventEntry[]) => Promise<Outcome>,
  ): Promise<void> => {
    if (state.busy || disposed) return;
    set({ busy: action });
    const events: EventEntry[] = [];
    captured = events;
    try {
      const outcome = await body(ensureClient(), events);
      const result = typeof outcome === "string" ? { ok: true, message: outcome } : outcome;
      set({ busy: undefined, lastResult: { action, ...result } });
    } catch (error) {
      const failure = failureOf(error);
      const text = error instanceof Error ? error.message : String(error);
      set({ busy: undefined, lastResult: { action, ok: false, ...failure, message: redact().text(text) } });
    } finally {
      captured = undefined;
    }
  };

  /** Why nothing can be sent for the current user, or undefined when an identified user is logged in. */
  const notIdentified = (c: HelpshiftClient): string | undefined => {
    const s = c.getState();
    if (s.status !== "loggedIn") return "no user is logged in";
    if (s.anonymous) return "the user is anonymous (the SDK drops this for anonymous users)";
    return undefined;
  };

  const keysOf = (events: readonly EventEntry[], event: HelpshiftEvent): string[] =>
    events.filter((e) => e.event === event).flatMap((e) => Object.keys(e.data));

  const fail = (action: TesterAction, message: string): void => {
    set({ lastResult: { action, ok: false, message } });
  };

  const parseAttributes = (text: string): AttributeMap | string => {
    try {
      const value: unknown = JSON.parse(text);
      return isPlainObject(value) ? (value as AttributeMap) : "The attributes must be a JSON object.";
    } catch {
      return "The attributes are not valid JSON.";
    }
  };

  const bentWords = (bent: BentRequest): string =>
    bent.what === "delayed"
      ? `network bent: ${bent.method} ${bent.path} delayed ${bent.delayMs ?? 0} ms`
      : bent.what === "offline"
        ? `network bent: ${bent.method} ${bent.path} failed (offline)`
        : `network bent: ${bent.method} ${bent.path} failed as a network error`;
  const unlistenNetwork = deps.network?.subscribe((network, bent) => {
    if (!bent) return set({ network });
    state = { ...state, network };
    addEntry({
      atMs: bent.atMs,
      event: NETWORK_EVENT,
      data: {
        what: bent.what,
        method: bent.method,
        path: bent.path,
        ...(bent.delayMs !== undefined ? { delayMs: String(bent.delayMs) } : {}),
      },
      note: bentWords(bent),
    });
  });
  /** A session seen without its start (stored before `startedAt` existed): its lifetime counts from first sight. */
  let firstSeen: { expiresAt: number; atMs: number } | undefined;

  set({ ...inspected(state.form), ...(deps.network ? { network: deps.network.getState() } : {}) });

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    connect() {
      if (disposed) return;
      ensureClient();
      set({});
    },
    update(fields) {
      const form = { ...state.form, ...fields };
      set({ form, ...inspected(form) });
    },
    mint() {
      const { form } = state;
      if (form.secret === "") return fail("mint", "Enter the app's dev secret first.");
      const built = buildPayload({
        uid: form.uid.trim() || undefined,
        email: form.email.trim() || undefined,
        identities: lines(form.identities),
        metadata: lines(form.metadata),
        iat: form.iat,
        nowSeconds: nowSeconds(),
      });
      if (!built.ok) return fail("mint", built.error);
      const next = { ...form, token: mintHs256(built.payload, form.secret) };
      set({ form: next, ...inspected(next), lastResult: { action: "mint", ok: true, message: "Token minted." } });
    },
    login() {
      const parsed = parseConfig(state.form.config);
      if (!parsed.ok) {
        fail("login", parsed.error);
        return Promise.resolve();
      }
      const token = state.form.token.trim();
      return run("login", async (c) => {
        await c.loginWithIdentity(token, parsed.config as LoginConfig);
        renewable = token;
        const s = c.getState();
        return s.anonymous ? `Logged in as anonymous user ${s.userId}.` : `Logged in as user ${s.userId}.`;
      });
    },
    logout() {
      return run("logout", async (c) => {
        const before = c.getState().status;
        await c.logout();
        // A logout with nobody logged in (and no login running) changed nothing: do not say it did.
        return before === "loggedOut" ? { ok: false, message: "Nothing to do: nobody was logged in." } : "Logged out.";
      });
    },
    addIdentities() {
      const token = state.form.token.trim();
      return run("addIdentities", async (c, events) => {
        const nobody = notIdentified(c);
        if (nobody) return { ok: false, message: `Not sent: ${nobody}. Log in with an identity token first.` };
        const check = validateIdentityToken(token);
        // The client refuses it too (and sends the matching event): say so instead of "sent".
        await c.addUserIdentities(token);
        if (!check.ok) {
          return {
            ok: false,
            reason: check.reason,
            ...("errors" in check && check.errors ? { errors: check.errors } : {}),
            ...("detail" in check && check.detail ? { detail: check.detail } : {}),
            message: "Not sent: the client refused the token.",
          };
        }
        const refusal = events.find((e) => IDENTITY_REFUSALS.has(e.event));
        if (refusal) return { ok: false, message: `Refused by the service: ${refusal.event}.` };
        if (events.some((e) => e.event === HelpshiftEvent.userSessionExpired)) {
          return { ok: false, message: "Not sent: the session ended. Log in again." };
        }
        const refused = keysOf(events, HelpshiftEvent.identityDataSyncFailed);
        const sent = [...new Set(check.identities.map((i) => i.identifier))];
        if (refused.length === 0) return `Identities sent and accepted: ${sent.join(", ")}.`;
        const accepted = sent.filter((identifier) => !refused.includes(identifier));
        const note = `the service refused ${refused.join(", ")} (identityDataSyncFailed)`;
        return accepted.length === 0
          ? { ok: false, message: `Sent, but ${note}.` }
          : `Identities sent: ${accepted.join(", ")} accepted; ${note}.`;
      });
    },
    pushAttributes(kind) {
      const action = kind === "master" ? "masterAttributes" : "appAttributes";
      const map = parseAttributes(kind === "master" ? state.form.masterAttributes : state.form.appAttributes);
      if (typeof map === "string") {
        fail(action, map);
        return Promise.resolve();
      }
      return run(action, async (c, events) => {
        const nobody = notIdentified(c);
        if (nobody) return { ok: false, message: `Not queued: ${nobody}. Log in with an identity token first.` };
        // The client's own check, to know what it queues (the tester's client has no multiline custom fields).
        const check = kind === "master" ? validateMasterAttributes(map) : validateAppAttributes(map);
        if (kind === "master") c.UpdateMasterAttributes(map);
        else c.UpdateAppAttributes(map);
        const names = ATTRIBUTE_EVENTS[kind];
        const queued = Object.keys(check.accepted);
        const clientRefused = Object.keys(check.errors);
        if (queued.length === 0) {
          return {
            ok: false,
            message:
              clientRefused.length === 0
                ? "Not queued: the map is empty."
                : `Not queued: the client refused every key (${names.validation}: ${clientRefused.join(", ")}).`,
          };
        }
        const undeliveredBefore = deps.undelivered?.() ?? 0;
        await c.flush();
        if (events.some((e) => e.event === names.limit)) {
          return { ok: false, message: `Not queued: too many unsynced entries (${names.limit}).` };
        }
        if (events.some((e) => e.event === HelpshiftEvent.userSessionExpired)) {
          return { ok: false, message: "Queued, but the session ended before the flush. Log in again." };
        }
        if ((deps.undelivered?.() ?? 0) > undeliveredBefore) {
          return {
            ok: false,
            message: `Queued ${queued.join(", ")}, but the batch did not reach the service (network error or the service busy); the client keeps it and retries later.`,
          };
        }
        const serviceRefused = keysOf(events, names.sync);
        const notes = [
          ...(clientRefused.length > 0 ? [`refused on the client: ${clientRefused.join(", ")}`] : []),
          ...(serviceRefused.length > 0 ? [`refused by the service: ${serviceRefused.join(", ")}`] : []),
        ];
        return `Queued and flushed ${queued.join(", ")}${notes.length > 0 ? `; ${notes.join("; ")}` : ""}.`;
      });
    },
    foreground() {
      if (client) {
        client.instance.appForeground();
        set({});
      }
    },
    refresh() {
      return run("refresh", async (c) => {
        const before = c.getState();
        const name = stateName(before);
        if (before.userId === undefined || (name !== "loggedIn" && name !== "refreshing")) {
          return { ok: false, message: "Nothing to refresh: no user is logged in." };
        }
        const renewed = await c.refreshSession();
        const after = c.getState();
        const until = after.expiresAt !== undefined ? `, until ${new Date(after.expiresAt).toISOString()}` : "";
        if (renewed) return `Session refreshed in place: user ${after.userId}${until}.`;
        return {
          ok: false,
          message:
            stateName(after) === "expired"
              ? "The refresh failed and the session ended: log in again."
              : "The refresh did not renew the session (see the event log); the session is kept.",
        };
      });
    },
    clearEvents() {
      set({ events: [] });
    },
    sessionFraction(nowMs) {
      const c = state.client;
      if (!c || c.expiresAt === undefined || c.userId === undefined) return undefined;
      let start = c.startedAt;
      if (start === undefined) {
        if (firstSeen?.expiresAt !== c.expiresAt) firstSeen = { expiresAt: c.expiresAt, atMs: nowMs };
        start = firstSeen.atMs;
      }
      const lifetime = c.expiresAt - start;
      if (lifetime <= 0) return 0;
      return Math.min(1, Math.max(0, (c.expiresAt - nowMs) / lifetime));
    },
    dispose() {
      unlistenNetwork?.();
      if (client) {
        client.unlisten();
        client.instance.dispose();
        client = undefined;
      }
      listeners.clear();
      disposed = true;
    },
  };
}
