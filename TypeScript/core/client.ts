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
import type { ClientState, HelpshiftClient, LoginFailureData, RefreshReason } from "./api";
import { updateAttributes } from "./attribute-updates";
import { defer } from "./defer";
import { LoginFailure, loginFailureData } from "./errors";
import { createEventHub } from "./events";
import { emitIdentityFailure } from "./identity-sender";
import { createStateFeed, deriveState } from "./identity-state";
import { type ResolvedInit, resolveInitParameters } from "./init-parameters";
import { createCoreLog } from "./log";
import { type LoginAttempt, type LoginFlowContext, runLogin } from "./login-flow";
import type { AttributeKindName } from "./outbox-model";
import { createOutboxStore, type OutboxStore } from "./outbox-store";
import { createOutboxMonitor } from "./outbox-view";
import { createPersistedState, type PersistedState, type SessionRecord } from "./persisted";
import type { Ports } from "./ports";
import { createRefresher, refreshAttempt } from "./refresh";
import { createServiceClient, type ServiceClient } from "./service-client";
import { type LoginIdentity, serviceExpiresAt, serviceRefreshAt, sessionRecordFromLogin } from "./session-record";
import { createSessionRuntime, type SessionRuntime } from "./session-runtime";
import { createTimerSet, type Timer } from "./timers";
import { createTokenSource } from "./token-source";
import { createTrustedClock } from "./trusted-clock";

/** Longest wait for the previous user's logout before a login goes ahead anyway. **(ours)** */
export const PREVIOUS_LOGOUT_WAIT_MS = 15_000;

/**
 * With a monotonic clock port: how often the wall and monotonic clocks are compared while a session lives (also at
 * every `appForeground`), to catch a wall-clock jump or a suspend. **(ours)**
 */
export const CLOCK_CHECK_INTERVAL_MS = 300_000;

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
  /** The service's clock as estimated; session refresh and expiry are decided on it. */
  const trusted = createTrustedClock(ports.clock, ports.monotonic);
  /** Changes whenever the session changes hands (login start, logout, final expiry, dispose): refreshes are bound to it. */
  let epoch = 0;
  const tokens = createTokenSource({ timers: clientTimers, log });
  let clockWatch: Timer | undefined;
  const stateFeed = createStateFeed(
    log,
    deriveState({ initialized: false, loggingIn: false, record: undefined, refreshing: undefined, expired: false }),
  );
  /** The outbox made visible: the logged-in user's pending entries and the fates of answered ones. */
  const outboxMonitor = createOutboxMonitor({
    now: () => ports.clock.now(),
    log,
    current: () =>
      installed && session
        ? { userId: session.record.userId, outbox: installed.outbox.get(session.record.userId) }
        : undefined,
  });
  const publishState = () => {
    stateFeed.publish(currentState());
    // The outbox shown is the logged-in user's: a change of user changes it.
    outboxMonitor.touch();
  };

  function currentState(): ClientState {
    return deriveState({
      initialized: installed !== undefined,
      loggingIn: login !== undefined,
      record: session?.record,
      refreshing: refresher.running,
      expired,
    });
  }

  const sessionLive = () => session !== undefined && !session.held && trusted.now() < serviceExpiresAt(session.record);

  const refresher = createRefresher({
    timers: clientTimers,
    random: ports.random,
    log,
    epoch: () => epoch,
    sessionLive,
    attempt: (reason, tag) => {
      const c = installed;
      if (!c) return Promise.resolve({ kind: "cancelled" as const });
      return refreshAttempt(
        {
          service: c.service,
          tokens,
          log,
          serviceNow: () => trusted.now(),
          session: (e) => (e === epoch ? session?.record : undefined),
          renew: (e, response, identity) => {
            if (e === epoch && session) renewInPlace(c, session, response, identity, true);
          },
        },
        reason,
        tag,
      );
    },
    changed: () => publishState(),
  });

  /** Starts (or joins) a provider refresh of the current session; a failure after expiry ends the session. */
  const startRefresh = (c: Installed, reason: RefreshReason): Promise<boolean> => {
    const runtime = session;
    if (!runtime || !tokens.configured || !runtime.record.loginKey) return Promise.resolve(false);
    return refresher.run(reason).then((result) => {
      if (result === "failed" && session === runtime && runtime.held) finishExpiry(c, runtime);
      return result === "renewed";
    });
  };

  /** The wall and monotonic clocks disagreed: hear the service's time, then re-check the session on it. */
  const recheckClock = (c: Installed) => {
    log.warn("the wall clock jumped or the game was suspended: re-checking the session with the service's time");
    const runtime = session;
    void c.service.health().then(() => {
      if (session === runtime && runtime) recheckSession(c, runtime);
    });
  };

  /** Expiry and refresh point against the trusted clock; a refresh that came due starts (or is joined). */
  const recheckSession = (c: Installed, runtime: SessionRuntime) => {
    runtime.foreground();
    if (session !== runtime || runtime.held) return;
    if (tokens.configured && runtime.record.refreshSent && trusted.now() >= serviceRefreshAt(runtime.record)) {
      void startRefresh(c, "refresh");
    }
  };

  const watchClock = (c: Installed) => {
    clockWatch?.cancel();
    clockWatch = undefined;
    if (!ports.monotonic || !session) return;
    clockWatch = clientTimers.after(CLOCK_CHECK_INTERVAL_MS, () => {
      clockWatch = undefined;
      if (trusted.checkJump()) recheckClock(c);
      watchClock(c);
    });
  };

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
    publishState();
    defer(
      () => (failure ? attempt.onFailure(failure.reason, { ...failure.errors }, failure.detail) : attempt.onSuccess()),
      logError("login callback threw"),
    );
  };

  const sessionDeps = (c: Installed) => ({
    service: c.service,
    outbox: c.outbox,
    clock: trusted,
    random: ports.random,
    events,
    log,
    flushIntervalMs: c.params.flushIntervalMs,
    newTimers: () => createTimerSet(ports.scheduler, trusted, logError("timer callback threw")),
    persist: (record: SessionRecord) => c.state.writeSession(record),
    onExpired: (runtime: SessionRuntime) => expireSession(c, runtime),
    onRefreshDue: (runtime: SessionRuntime) => {
      if (session === runtime) void startRefresh(c, "refresh");
    },
    monitor: outboxMonitor,
  });

  const setExpired = (c: Installed, value: boolean) => {
    expired = value;
    c.state.writeExpired(value);
  };

  /**
   * The session is over on the service's word (401) or its expiry on the trusted clock. `userSessionExpired` is
   * sent at once. With a token source, the session is held (nothing sent, nothing lost) while a refresh tries to
   * renew it in place; only if that fails does it end.
   */
  function expireSession(c: Installed, runtime: SessionRuntime): void {
    if (session !== runtime || disposed) {
      runtime.stop();
      log.forget(runtime.record.sessionToken);
      return;
    }
    setExpired(c, true);
    events.emit(HelpshiftEvent.userSessionExpired);
    if (tokens.configured && runtime.record.loginKey) {
      log.info("session expired: renewing it with the identity token provider", { userId: runtime.record.userId });
      runtime.hold();
      void startRefresh(c, "expired");
      publishState();
      return;
    }
    log.info("session expired", { userId: runtime.record.userId });
    finishExpiry(c, runtime);
  }

  /** Ends an expired session for good (no refresh, or the refresh failed). */
  function finishExpiry(c: Installed, runtime: SessionRuntime): void {
    runtime.stop();
    log.forget(runtime.record.sessionToken);
    if (session !== runtime) return;
    session = undefined;
    epoch++;
    c.state.writeSession(undefined);
    setExpired(c, true);
    watchClock(c);
    publishState();
  }

  const startSession = (c: Installed, record: SessionRecord) => {
    log.remember(record.sessionToken);
    session = createSessionRuntime(sessionDeps(c), record);
    session.start();
    watchClock(c);
  };

  /** The same user's new session: the runtime (outbox, pending identities, timers) carries over. */
  function renewInPlace(
    c: Installed,
    runtime: SessionRuntime,
    response: LoginResponse,
    identity: LoginIdentity,
    byRefresh: boolean,
  ): void {
    const previous = runtime.record.sessionToken;
    log.remember(response.sessionToken);
    const record = newRecord(c, response, identity);
    setExpired(c, false);
    runtime.renew(record);
    if (previous !== record.sessionToken) log.forget(previous);
    log.info(byRefresh ? "session refreshed in place" : "session renewed in place", { userId: record.userId });
    // No state published here: the refresh's end (or the login's settle) publishes the outcome once.
  }

  const leadSeconds = (c: Installed, response: LoginResponse) =>
    c.params.refreshLeadSeconds ?? response.refreshLeadSeconds ?? Defaults.refreshLeadSeconds;

  /**
   * The session record of a login answer. With a token source, a refresh point earlier than half the session's
   * life is moved there: a lead as long as the session would otherwise refresh again at once, in a loop.
   */
  const newRecord = (c: Installed, response: LoginResponse, identity: LoginIdentity): SessionRecord => {
    const record = sessionRecordFromLogin(response, trusted.offset(), leadSeconds(c, response), identity);
    if (!tokens.configured || record.refreshAt >= record.expiresAt) return record;
    const localNow = ports.clock.now();
    const halfway = localNow + (record.expiresAt - localNow) / 2;
    return record.refreshAt < halfway ? { ...record, refreshAt: Math.round(halfway) } : record;
  };

  /** Ends a session (logout): drops it from the store at once, then flushes and revokes in the background. */
  const endSession = (c: Installed, runtime: SessionRuntime): Promise<void> => {
    if (session === runtime) {
      session = undefined;
      epoch++;
      refresher.cancel();
      watchClock(c);
    }
    c.state.writeSession(undefined);
    publishState();
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
      if (trusted.now() >= serviceExpiresAt(record)) {
        c.state.writePendingLogouts(withoutPendingLogout(c, record.sessionToken));
        log.info("pending logout dropped: the session has expired", { userId: record.userId });
        continue;
      }
      log.remember(record.sessionToken);
      log.info("completing a logout the previous run could not finish", { userId: record.userId });
      void queueEnding(c, createSessionRuntime(sessionDeps(c), record));
    }
  };

  const establish = (
    c: Installed,
    response: LoginResponse,
    withToken: boolean,
    identity: LoginIdentity,
    renewing: boolean,
  ) => {
    if (withToken && clearAnonymousOnLogin) c.anonymousIds.discard();
    const current = session;
    if (renewing && current && current.record.userId === response.userId) {
      renewInPlace(c, current, response, identity, false);
      return;
    }
    if (current) {
      // Named as the same user, answered as another: the previous session ends as at any change of user.
      log.warn("the service answered the login with another user: the previous session is ended");
      void endSession(c, current);
    }
    log.remember(response.sessionToken);
    const record = newRecord(c, response, identity);
    c.state.writeSession(record);
    setExpired(c, false);
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
    isCurrentUser: (key) => key !== undefined && session !== undefined && session.record.loginKey === key,
    establish: (response, withToken, identity, renewing) => establish(c, response, withToken, identity, renewing),
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
    epoch++;
    refresher.cancel();
    const current = session;
    if (current) {
      log.info("logging out", { userId: current.record.userId });
      return endSession(c, current);
    }
    publishState();
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
        outbox: createOutboxStore(state, outboxMonitor.changed),
        service: createServiceClient(ports.transport, params.serviceUrl, params.appId, log, clientTimers, {
          clock: trusted,
          onReached: () => refresher.nudge(),
        }),
        anonymousIds: createAnonymousIds(state, ports.random),
      };
      installed = c;
      tokens.configure(params.identityTokenProvider, params.requestIdentityTokens);
      state.readAnonymousId();
      expired = state.readExpired();
      const record = state.readSession();
      if (record?.skewMs !== undefined) trusted.assumeOffset(record.skewMs);
      if (record && trusted.now() >= serviceExpiresAt(record)) {
        if (tokens.configured && record.loginKey) {
          // Renewed in place if the provider can: the outbox and the user stay.
          log.remember(record.sessionToken);
          session = createSessionRuntime(sessionDeps(c), record);
          expireSession(c, session);
        } else {
          state.writeSession(undefined);
          setExpired(c, true);
          events.emit(HelpshiftEvent.userSessionExpired);
        }
      } else if (record) {
        startSession(c, record);
      }
      resumePendingLogouts(c);
      log.info("initialized", {
        appId: params.appId,
        restoredSession: session !== undefined,
        expired,
        tokenProvider: tokens.configured,
      });
      publishState();
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
      // A new login owns the session from here: a refresh running for the current one is cancelled.
      epoch++;
      refresher.cancel();
      login = attempt;
      publishState();
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
      const c = requireInit("appForeground");
      if (!c) return;
      if (session && trusted.checkJump()) recheckClock(c);
      else if (session) recheckSession(c, session);
      else if (expired) events.emit(HelpshiftEvent.userSessionExpired);
      refresher.nudge();
    },
    appBackground() {
      if (!requireInit("appBackground") || !session) return;
      void session.flush();
    },
    addEventListener(listener) {
      const remove = events.add(listener);
      // The sticky signal: a listener that binds while the session is expired hears it too.
      if (expired && installed && !disposed) events.emitTo(listener, HelpshiftEvent.userSessionExpired);
      return remove;
    },
    getState: () => currentState(),
    onStateChange: (listener) => stateFeed.add(listener),
    getPendingAttributes: () => client.getOutbox().pending,
    getOutbox: () =>
      outboxMonitor.view(
        installed && session
          ? { userId: session.record.userId, outbox: installed.outbox.get(session.record.userId) }
          : undefined,
      ),
    onOutboxChange: (listener) => outboxMonitor.add(listener),
    onIdentityTokenRequested: (listener) => tokens.add(listener),
    provideIdentityToken: (identityJwt, requestId) => tokens.provide(identityJwt, requestId),
    provideIdentityTokenFailed: (requestId) => tokens.fail(requestId),
    refreshSession() {
      const c = requireInit("refreshSession");
      if (!c || !session || session.held) return Promise.resolve(false);
      return startRefresh(c, "refresh");
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      epoch++;
      refresher.cancel();
      if (login) settle(login, loginFailureData(LoginFailureReason.unknownError, undefined, FailureDetail.disposed));
      session?.stop();
      session = undefined;
      stateFeed.close();
      outboxMonitor.close();
      tokens.close();
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
