/**
 * The whole view state the editor tab displays, as JSON text. Pure: the tester view-model's state in, text
 * out. The dev secret and the identity token never leave TypeScript: the view says whether a secret was
 * entered and how long the token is, and the text passes through the contract's redactor as a last guard
 * (which also hides any JWT-shaped string an error message might carry).
 *
 * @example
 * bridge.PublishState(renderViewState(vm.getState(), { serviceUrl, redactor }));
 */
import type { Redactor } from "../../contract";
import type { ClientState, IdentityStateName } from "../../core/api";
import { sessionLeftMs, sessionLeftWords, skewWords, stateName, stateWords } from "../../tester/identity-view";
import { fateWords, type OutboxRow } from "../../tester/outbox-rows";
import type { ActionResult, EventEntry, TesterState } from "../../tester/view-model";
import { clientText, clockText, eventText, inspectionText, resultText } from "../../tester/web/render";

/** The identity state as the tab shows it: the name, the same words as the web page's state line, time left. */
export interface EditorIdentityState {
  /** `notInitialized`, `loggedOut`, `loggingIn`, `loggedIn`, `refreshing` or `expired`. */
  readonly state: IdentityStateName;
  /** "logged in (identified) · user u1 · session left 1 min 58 s · until 2027-...", as on the web page. */
  readonly text: string;
  readonly userId?: string;
  /** While `refreshing`: `refresh` (ahead of expiry) or `expired`. */
  readonly refreshReason?: string;
  /** Whole seconds the session has left on the client's trusted expiry when the state was published. */
  readonly secondsLeft?: number;
  /** The session's end, ISO 8601. */
  readonly expiresAt?: string;
}

/** The service's clock against the editor's, from the last answer's `X-Server-Time`. */
export interface EditorServiceClock {
  readonly skewMs: number;
  readonly text: string;
  readonly measuredAt: string;
}

/**
 * The state in words for the Editor Utility Widget (UHelpshiftTSTesterWidget reads these fields into its
 * Blueprint state as they are): the web page's texts (tester/web/render.ts), so C++ formats nothing.
 */
export interface EditorWidgetState {
  /** The identity state's name; "" before the first client. */
  readonly identityState: string;
  /** The page's client line: state, user, time left, expiry. */
  readonly statusLine: string;
  readonly userId: string;
  readonly anonymous: boolean;
  /** Whole seconds left on the session when published; -1 without one. */
  readonly secondsLeft: number;
  readonly resultAction: string;
  readonly resultOk: boolean;
  /** The page's result panel (the running action while one runs). */
  readonly resultText: string;
  readonly inspectionText: string;
  readonly clockText: string;
  /** The event log, newest first, one line each (the page's words). */
  readonly events: readonly string[];
  /** Requests the tester's clients could not deliver so far. */
  readonly undelivered: number;
  /**
   * The attribute outbox, one line per key: pending first (queued, sending, waiting to retry with the attempt and
   * why), then the keys the service answered for, newest first (sent, or refused and why). The fate is the web
   * page's words (outbox-rows.ts `fateWords`): `master first_name: sent`, `master custom_user_fields.x: refused:
   * invalidData`. Empty before the first attribute push.
   */
  readonly outbox: readonly string[];
}

/** What the tab shows. Nothing here can hold the secret or the token. */
export interface EditorViewState {
  readonly serviceUrl: string;
  readonly appId: string;
  /** True once a dev secret was typed (its text is never sent out). */
  readonly secretEntered: boolean;
  /** The minted or pasted identity token: only whether there is one and its length. */
  readonly token: { readonly present: boolean; readonly length: number };
  readonly busy?: string;
  readonly lastResult?: ActionResult;
  readonly formError?: string;
  readonly inspection?: TesterState["inspection"];
  readonly client?: ClientState;
  /** The identity state in words, published at every change (refreshing, logged in, expired ...). */
  readonly identityState?: EditorIdentityState;
  readonly serviceClock?: EditorServiceClock;
  /** A problem with the command itself (not with the login), e.g. a payload the tester refused. */
  readonly notice?: string;
  /** The client's attribute outbox, key by key (pending, sent, refused and why), once a client exists. */
  readonly outbox?: TesterState["outbox"];
  /** Newest first. */
  readonly events: readonly EventEntry[];
  /** The same state in words, for the Editor Utility Widget. */
  readonly widget: EditorWidgetState;
}

export interface RenderOptions {
  readonly serviceUrl: string;
  /** Knows the dev secret and the token; applied to every string before it leaves. */
  readonly redactor: Redactor;
  readonly notice?: string;
  /** Now, on the editor's clock (epoch ms): the session's time left is counted from it. Default `Date.now()`. */
  readonly nowMs?: number;
  /** Requests not delivered so far (TesterDeps.undelivered); 0 when not given. */
  readonly undelivered?: number;
}

/** One outbox row as a line: scope, key and the page's words for its fate. */
export function outboxLine(row: OutboxRow): string {
  return `${row.scope} ${row.key}: ${fateWords(row)}`;
}

/** The widget's section of the view state at `nowMs`. */
export function widgetStateOf(state: TesterState, nowMs: number, undelivered = 0): EditorWidgetState {
  const client = state.client;
  const left = client ? sessionLeftMs(client, nowMs) : undefined;
  return {
    identityState: client ? stateName(client) : "",
    statusLine: clientText(state, nowMs),
    userId: client?.userId ?? "",
    anonymous: client?.anonymous === true,
    secondsLeft: left !== undefined && client?.userId ? Math.max(0, Math.floor(left / 1000)) : -1,
    resultAction: state.lastResult?.action ?? "",
    resultOk: state.lastResult?.ok === true,
    resultText: resultText(state),
    inspectionText: inspectionText(state),
    clockText: clockText(state),
    events: state.events.map(eventText),
    undelivered,
    outbox: (state.outbox?.rows ?? []).map(outboxLine),
  };
}

/** The identity state of `client` at `nowMs`, for the tab. */
export function identityStateOf(client: ClientState, nowMs: number): EditorIdentityState {
  const left = sessionLeftMs(client, nowMs);
  const words = sessionLeftWords(client, nowMs);
  const text = [stateWords(client), ...(client.userId ? [`user ${client.userId}`] : [])];
  if (words) text.push(words.left, words.until);
  return {
    state: stateName(client),
    text: text.join(" · "),
    ...(client.userId ? { userId: client.userId } : {}),
    ...(client.refreshReason ? { refreshReason: client.refreshReason } : {}),
    ...(left !== undefined ? { secondsLeft: Math.max(0, Math.floor(left / 1000)) } : {}),
    ...(client.expiresAt !== undefined && client.userId !== undefined
      ? { expiresAt: new Date(client.expiresAt).toISOString() }
      : {}),
  };
}

/**
 * The view state for `state`.
 *
 * @example
 * viewStateOf(vm.getState(), "http://127.0.0.1:8787").token // { present: true, length: 171 }
 */
export function viewStateOf(
  state: TesterState,
  serviceUrl: string,
  notice?: string,
  nowMs: number = Date.now(),
  undelivered = 0,
): EditorViewState {
  const token = state.form.token.trim();
  const clock = state.serviceClock;
  return {
    serviceUrl,
    appId: state.form.appId,
    secretEntered: state.form.secret !== "",
    token: { present: token !== "", length: token.length },
    ...(state.busy ? { busy: state.busy } : {}),
    ...(state.lastResult ? { lastResult: state.lastResult } : {}),
    ...(state.formError ? { formError: state.formError } : {}),
    ...(state.inspection ? { inspection: state.inspection } : {}),
    ...(state.client ? { client: state.client, identityState: identityStateOf(state.client, nowMs) } : {}),
    ...(clock
      ? {
          serviceClock: {
            skewMs: clock.skewMs,
            text: skewWords(clock.skewMs, "the editor"),
            measuredAt: new Date(clock.atMs).toISOString(),
          },
        }
      : {}),
    ...(notice ? { notice } : {}),
    ...(state.outbox ? { outbox: state.outbox } : {}),
    events: state.events,
    widget: widgetStateOf(state, nowMs, undelivered),
  };
}

/**
 * The JSON text C++ displays as it is (indented for people), every string redacted.
 *
 * @example
 * renderViewState(state, { serviceUrl, redactor: makeRedactor([secret]) }) // '{\n  "serviceUrl": ...'
 */
export function renderViewState(state: TesterState, options: RenderOptions): string {
  const view = viewStateOf(state, options.serviceUrl, options.notice, options.nowMs, options.undelivered);
  // Values first (the raw secret, before JSON escapes it), then the text (object keys too, e.g. event data).
  return options.redactor.text(JSON.stringify(options.redactor.value(view), null, 2));
}
