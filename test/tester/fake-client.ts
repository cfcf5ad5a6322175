/**
 * A recording HelpshiftClient for the view-model's unit tests: each call is logged, outcomes are programmed.
 *
 * @example
 * const fake = fakeClient(); fake.loginOutcome = new LoginFailure(...);
 */
import type { HelpshiftEvent } from "../../TypeScript/contract";
import type {
  ClientState,
  ClientStateListener,
  HelpshiftClient,
  HelpshiftEventData,
  HelpshiftEventListener,
  HelpshiftInitParameters,
  OutboxListener,
  OutboxView,
} from "../../TypeScript/core/api";

export interface FakeClient extends HelpshiftClient {
  readonly calls: unknown[][];
  readonly init?: HelpshiftInitParameters;
  /** Thrown (rejected) by the next loginWithIdentity; undefined succeeds. */
  loginOutcome?: unknown;
  emit(event: HelpshiftEvent, data?: HelpshiftEventData): void;
  disposed: boolean;
  /** Runs inside flush / addUserIdentities before they resolve (e.g. to emit what the service would cause). */
  onFlush?: () => void;
  onAddIdentities?: () => void;
  /** The state Init restores (a stored session). */
  restored?: Partial<ClientState>;
  /** What refreshSession does (e.g. ask the Init's token provider and change the state); default: false. */
  onRefresh?: () => Promise<boolean>;
  /** Changes the state and tells the state listeners at once, as the real client does (it does so a tick later). */
  changeState(next: Partial<ClientState>): void;
  /** How many state listeners are bound now. */
  stateListenerCount(): number;
  /** Changes the outbox view and tells the outbox listeners at once. */
  changeOutbox(next: OutboxView): void;
  /** How many outbox listeners are bound now. */
  outboxListenerCount(): number;
}

export function fakeClient(): FakeClient {
  const listeners = new Set<HelpshiftEventListener>();
  const stateListeners = new Set<ClientStateListener>();
  let state: ClientState = { initialized: false, status: "loggedOut", expired: false };
  const outboxListeners = new Set<OutboxListener>();
  let outbox: OutboxView = { pending: [], settled: [] };
  const calls: unknown[][] = [];
  const fake: FakeClient = {
    calls,
    disposed: false,
    Init(parameters) {
      calls.push(["Init", parameters]);
      (fake as { init?: HelpshiftInitParameters }).init = parameters;
      state = { ...state, ...fake.restored, initialized: true };
    },
    LoginWithIdentity() {
      throw new Error("not used by the view-model");
    },
    async loginWithIdentity(jwt, config) {
      calls.push(["login", jwt, config]);
      if (fake.loginOutcome !== undefined) throw fake.loginOutcome;
      state = { ...state, status: "loggedIn", userId: jwt === "" ? "hsft_anon_1" : "user-1", anonymous: jwt === "" };
    },
    ClearAnonymousUserOnLogin(clear) {
      calls.push(["clearAnonymousUserOnLogin", clear]);
    },
    clearAnonymousUserOnLogin(clear) {
      calls.push(["clearAnonymousUserOnLogin", clear]);
    },
    AddUserIdentities() {},
    async addUserIdentities(jwt) {
      calls.push(["addIdentities", jwt]);
      fake.onAddIdentities?.();
    },
    UpdateMasterAttributes(map) {
      calls.push(["master", map]);
    },
    UpdateAppAttributes(map) {
      calls.push(["app", map]);
    },
    Logout() {},
    async logout() {
      calls.push(["logout"]);
      state = { initialized: true, status: "loggedOut", expired: false };
    },
    async flush() {
      calls.push(["flush"]);
      fake.onFlush?.();
    },
    appForeground() {
      calls.push(["foreground"]);
    },
    appBackground() {},
    addEventListener(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getState: () => state,
    onStateChange(listener) {
      stateListeners.add(listener);
      listener(state);
      return () => stateListeners.delete(listener);
    },
    getPendingAttributes: () => outbox.pending,
    getOutbox: () => outbox,
    onOutboxChange(listener) {
      outboxListeners.add(listener);
      listener(outbox);
      return () => outboxListeners.delete(listener);
    },
    changeOutbox(next) {
      outbox = next;
      for (const l of outboxListeners) l(outbox);
    },
    outboxListenerCount: () => outboxListeners.size,
    onIdentityTokenRequested: () => () => undefined,
    provideIdentityToken() {},
    provideIdentityTokenFailed() {},
    async refreshSession() {
      calls.push(["refreshSession"]);
      return fake.onRefresh ? fake.onRefresh() : false;
    },
    dispose() {
      fake.disposed = true;
    },
    changeState(next) {
      state = { ...state, ...next };
      for (const l of stateListeners) l(state);
    },
    stateListenerCount: () => stateListeners.size,
    emit(event, data = {}) {
      for (const l of listeners) l(event, data);
    },
  };
  return fake;
}
