/**
 * `createHelpshiftClient`: the state machine (logged out → logging in → logged in, expired flag) that ties the
 * login flow, sessions, outbox and events together behind the mirror API and the Promise API.
 */
import {
  type AttributeMap,
  checkLogin,
  Defaults,
  FailureDetail,
  HelpshiftEvent,
  LoginFailureReason,
  type LoginResponse,
  validateIdentityToken,
} from "../contract";
import { createAnonymousIds } from "./anonymous-id";
import type { ClientState, HelpshiftClient, LoginFailureData } from "./api";
import { updateAttributes } from "./attribute-updates";
import { defer } from "./defer";
import { LoginFailure, loginFailureData } from "./errors";
import { createEventHub } from "./events";
import { emitIdentityFailure } from "./identity-sender";
import { type ResolvedInit, resolveInitParameters } from "./init-parameters";
import { createCoreLog } from "./log";
import { type LoginAttempt, type LoginFlowContext, runLogin } from "./login-flow";
import type { AttributeKindName } from "./outbox-model";
import { createOutboxStore, type OutboxStore } from "./outbox-store";
import { createPersistedState, type PersistedState, type SessionRecord } from "./persisted";
import type { Ports } from "./ports";
import { createServiceClient, type ServiceClient } from "./service-client";
import { sessionRecordFromLogin } from "./session-record";
import { createSessionRuntime, type SessionRuntime } from "./session-runtime";
import { createTimerSet } from "./timers";

/** Longest wait for the previous user's logout before a login goes ahead anyway. **(ours)** */
export const PREVIOUS_LOGOUT_WAIT_MS = 15_000;

interface Installed {
  readonly params: ResolvedInit;
  readonly state: PersistedState;
  readonly outbox: OutboxStore;
  readonly service: ServiceClient;
  readonly anonymousIds: ReturnType<typeof createAnonymousIds>;
}

/**
 * Creates the identity client on the given ports. Nothing happens until `Init`.
 *
 * @example
 * const client = createHelpshiftClient({ transport, store, clock, scheduler, random, logger });
 * client.Init({ serviceUrl: "http://127.0.0.1:8787", appId: "demo" });
 * await client.loginWithIdentity(jwt, { full_privacy_enabled: false });
 * client.UpdateMasterAttributes({ first_name: "Ana" });
 */
export function createHelpshiftClient(ports: Ports): HelpshiftClient {
  const log = createCoreLog(ports.logger);
  const events = createEventHub(log);
  let installed: Installed | undefined;
  let disposed = false;
  let session: SessionRuntime | undefined;
  let login: LoginAttempt | undefined;
  let expired = false;
  /** `ClearAnonymousUserOnLogin`: discard the stored anonymous id at an identified login. The vendor's documented default. */
  let clearAnonymousOnLogin = true;
  let ending: Promise<void> = Promise.resolve();
  const resolved = Promise.resolve();
  const clientTimers = createTimerSet(ports.scheduler, ports.clock, (error) =>
    log.error("timer callback threw", { error: String(error) }),
  );

  /**
   * Waits for the previous user's logout (flush + revoke) so requests keep the contract's order, but never longer than
   * PREVIOUS_LOGOUT_WAIT_MS: a transport that never answers must not leave the new login stuck in progress.
   */
  const previousLogout = () =>
    new Promise<void>((resolve) => {
      const timer = clientTimers.after(PREVIOUS_LOGOUT_WAIT_MS, () => {
        log.warn("the previous logout is still running: logging in anyway");
        resolve();
      });
      void ending.then(() => {
        timer.cancel();
        resolve();
      });
    });

  const logError = (what: string) => (error: unknown) => log.error(what, { error: String(error) });

  const settle = (attempt: LoginAttempt, failure?: LoginFailureData): void => {
    if (attempt.settled) return;
    attempt.settled = true;
    if (login === attempt) login = undefined;
    if (failure) log.info("login failed", { reason: failure.reason, detail: failure.detail });
    defer(
      () => (failure ? attempt.onFailure(failure.reason, { ...failure.errors }, failure.detail) : attempt.onSuccess()),
      logError("login callback threw"),
    );
  };

  const sessionDeps = (c: Installed) => ({
    service: c.service,
    outbox: c.outbox,
    clock: ports.clock,
    random: ports.random,
    events,
    log,
    flushIntervalMs: c.params.flushIntervalMs,
    newTimers: () => createTimerSet(ports.scheduler, ports.clock, logError("timer callback threw")),
    persist: (record: SessionRecord) => c.state.writeSession(record),
    onExpired: (runtime: SessionRuntime) => expireSession(c, runtime),
  });

  const setExpired = (c: Installed, value: boolean) => {
    expired = value;
    c.state.writeExpired(value);
  };

  function expireSession(c: Installed, runtime: SessionRuntime): void {
    runtime.stop();
    log.forget(runtime.record.sessionToken);
    if (session !== runtime || disposed) return;
    session = undefined;
    c.state.writeSession(undefined);
    setExpired(c, true);
    log.info("session expired", { userId: runtime.record.userId });
    events.emit(HelpshiftEvent.userSessionExpired);
  }

  const startSession = (c: Installed, record: SessionRecord) => {
    log.remember(record.sessionToken);
    session = createSessionRuntime(sessionDeps(c), record);
    session.start();
  };

  /** Ends a session (logout): drops it from the store at once, then flushes and revokes in the background. */
  const endSession = (c: Installed, runtime: SessionRuntime): Promise<void> => {
    if (session === runtime) session = undefined;
    c.state.writeSession(undefined);
    return queueEnding(c, runtime);
  };

  /**
   * Runs a session's end (flush + revoke) on the `ending` chain. The session is stored as a pending logout first and
   * removed only on the service's last word, so a dispose (Unreal's Deinitialize right after Event Shutdown) does
   * not lose the revoke: the next `Init` completes it.
   */
  const queueEnding = (c: Installed, runtime: SessionRuntime): Promise<void> => {
    const { sessionToken } = runtime.record;
    c.state.writePendingLogouts([...withoutPendingLogout(c, sessionToken), runtime.record]);
    ending = ending
      .then(() => runtime.end())
      .then((over) => {
        if (over) c.state.writePendingLogouts(withoutPendingLogout(c, sessionToken));
      })
      .catch(logError("logout failed"))
      .then(() => log.forget(sessionToken));
    return ending;
  };

  const withoutPendingLogout = (c: Installed, sessionToken: string) =>
    c.state.readPendingLogouts().filter((r) => r.sessionToken !== sessionToken);

  /** At `Init`: completes the logouts a previous run could not finish; a pending session past expiry is dropped. */
  const resumePendingLogouts = (c: Installed): void => {
    for (const record of c.state.readPendingLogouts()) {
      if (ports.clock.now() >= record.expiresAt) {
        c.state.writePendingLogouts(withoutPendingLogout(c, record.sessionToken));
        log.info("pending logout dropped: the session has expired", { userId: record.userId });
        continue;
      }
      log.remember(record.sessionToken);
      log.info("completing a logout the previous run could not finish", { userId: record.userId });
      void queueEnding(c, createSessionRuntime(sessionDeps(c), record));
    }
  };

  const establish = (c: Installed, response: LoginResponse, withToken: boolean) => {
    log.remember(response.sessionToken);
    const leadSeconds = c.params.refreshLeadSeconds ?? response.refreshLeadSeconds ?? Defaults.refreshLeadSeconds;
    const record = sessionRecordFromLogin(response, ports.clock.now(), leadSeconds);
    c.state.writeSession(record);
    setExpired(c, false);
    if (withToken && clearAnonymousOnLogin) c.anonymousIds.discard();
    startSession(c, record);
  };

  const loginContext = (c: Installed): LoginFlowContext => ({
    service: c.service,
    anonymousIds: c.anonymousIds,
    random: ports.random,
    log,
    events,
    logOutPrevious() {
      const previous = session;
      if (previous) {
        log.info("logging the current user out before the new login", { userId: previous.record.userId });
        void endSession(c, previous);
      }
      return previousLogout();
    },
    establish: (response, withToken) => establish(c, response, withToken),
    settle,
  });

  const requireInit = (call: string): Installed | undefined => {
    if (disposed) return undefined;
    if (!installed) log.error(`${call} called before Init: ignored`);
    return installed;
  };

  const identifiedSession = (call: string): SessionRuntime | undefined => {
    if (session && !session.record.anonymous) return session;
    log.info(`${call} ignored: no identified user is logged in`);
    return undefined;
  };

  const update = (kind: AttributeKindName, attributes: AttributeMap) => {
    const call = kind === "master" ? "UpdateMasterAttributes" : "UpdateAppAttributes";
    const c = requireInit(call);
    const current = c && identifiedSession(call);
    if (!c || !current) return;
    const rules = { multilineCustomFields: c.params.multilineCustomFields };
    updateAttributes(kind, attributes, rules, (k, accepted) => current.queue(k, accepted), events, log);
  };

  const doLogout = (): Promise<void> => {
    const c = requireInit("Logout");
    if (!c) return resolved;
    if (login)
      settle(login, loginFailureData(LoginFailureReason.unknownError, undefined, FailureDetail.cancelledByLogout));
    const current = session;
    if (current) {
      log.info("logging out", { userId: current.record.userId });
      return endSession(c, current);
    }
    return ending;
  };

  const setClearAnonymousOnLogin = (clear: boolean): void => {
    if (!requireInit("ClearAnonymousUserOnLogin")) return;
    if (typeof clear !== "boolean") {
      log.error("ClearAnonymousUserOnLogin needs a boolean: ignored");
      return;
    }
    clearAnonymousOnLogin = clear;
    log.info("clear anonymous user on login", { clear });
  };

  const doAddIdentities = (jwt: string): Promise<void> => {
    if (!requireInit("AddUserIdentities")) return resolved;
    const current = identifiedSession("AddUserIdentities");
    if (!current) return resolved;
    const check =
      typeof jwt === "string" ? validateIdentityToken(jwt) : { ok: false as const, reason: "identityTokenInvalid" };
    if (!check.ok) {
      const errors = "errors" in check ? check.errors : undefined;
      emitIdentityFailure(events, check.reason, errors);
      return resolved;
    }
    return current.addIdentities(jwt);
  };

  const client: HelpshiftClient = {
    Init(parameters) {
      if (disposed) return;
      if (installed) {
        log.warn("Init called again: ignored");
        return;
      }
      const resolvedInit = resolveInitParameters(parameters);
      if (!resolvedInit.ok) {
        log.error("Init parameters invalid: not initialized", { paths: resolvedInit.paths });
        return;
      }
      const params = resolvedInit.value;
      log.setLevel(params.logLevel);
      const state = createPersistedState(ports.store, log);
      const c: Installed = {
        params,
        state,
        outbox: createOutboxStore(state),
        service: createServiceClient(ports.transport, params.serviceUrl, params.appId, log, clientTimers),
        anonymousIds: createAnonymousIds(state, ports.random),
      };
      installed = c;
      state.readAnonymousId();
      expired = state.readExpired();
      const record = state.readSession();
      if (record && ports.clock.now() >= record.expiresAt) {
        state.writeSession(undefined);
        setExpired(c, true);
        events.emit(HelpshiftEvent.userSessionExpired);
      } else if (record) {
        startSession(c, record);
      }
      resumePendingLogouts(c);
      log.info("initialized", { appId: params.appId, restoredSession: session !== undefined, expired });
    },

    LoginWithIdentity(identityJwt, loginConfig, onSuccess, onFailure) {
      const attempt: LoginAttempt = { settled: false, onSuccess, onFailure };
      if (disposed)
        return settle(attempt, loginFailureData(LoginFailureReason.unknownError, undefined, FailureDetail.disposed));
      const c = installed;
      if (!c) {
        log.error("LoginWithIdentity called before Init");
        return settle(
          attempt,
          loginFailureData(LoginFailureReason.unknownError, undefined, FailureDetail.notInitialized),
        );
      }
      if (login) return settle(attempt, loginFailureData(LoginFailureReason.loginInProgress));
      const plan = checkLogin(identityJwt, loginConfig);
      if (!plan.ok) return settle(attempt, loginFailureData(plan.reason, plan.errors, plan.detail));
      login = attempt;
      runLogin(loginContext(c), attempt, plan, identityJwt).catch((error: unknown) => {
        log.error("login failed unexpectedly", { error: String(error) });
        settle(attempt, loginFailureData(LoginFailureReason.unknownError));
      });
    },

    loginWithIdentity(identityJwt, loginConfig = {}) {
      return new Promise<void>((resolve, reject) => {
        client.LoginWithIdentity(identityJwt, loginConfig, resolve, (reason, errors, detail) =>
          reject(new LoginFailure(loginFailureData(reason, errors, detail))),
        );
      });
    },

    AddUserIdentities(identitiesJwt) {
      void doAddIdentities(identitiesJwt);
    },
    addUserIdentities: (identitiesJwt) => doAddIdentities(identitiesJwt),
    ClearAnonymousUserOnLogin: (clear) => setClearAnonymousOnLogin(clear),
    clearAnonymousUserOnLogin: (clear) => setClearAnonymousOnLogin(clear),
    UpdateMasterAttributes: (attributes) => update("master", attributes),
    UpdateAppAttributes: (attributes) => update("app", attributes),
    Logout() {
      void doLogout();
    },
    logout: () => doLogout(),
    flush() {
      if (!requireInit("flush") || !session) return resolved;
      return session.flush();
    },
    appForeground() {
      if (!requireInit("appForeground")) return;
      if (session) session.foreground();
      else if (expired) events.emit(HelpshiftEvent.userSessionExpired);
    },
    appBackground() {
      if (!requireInit("appBackground") || !session) return;
      void session.flush();
    },
    addEventListener: (listener) => events.add(listener),
    getState(): ClientState {
      const record = session?.record;
      const base = { initialized: installed !== undefined, expired };
      const status = login ? "loggingIn" : record ? "loggedIn" : "loggedOut";
      if (!record) return { ...base, status };
      return { ...base, status, userId: record.userId, anonymous: record.anonymous, expiresAt: record.expiresAt };
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      if (login) settle(login, loginFailureData(LoginFailureReason.unknownError, undefined, FailureDetail.disposed));
      session?.stop();
      session = undefined;
      events.close();
      clientTimers.close();
      // Settles every request still waiting on the transport: pending flush/logout/addUserIdentities Promises
      // resolve now instead of at a late answer (or never: the timeout timers were just closed), and a late
      // answer changes nothing. No request is sent afterwards, not even a logout's revoke (that session stays
      // stored as a pending logout, which the next client's Init completes).
      installed?.service.close();
      log.info("disposed");
    },
  };
  return client;
}
