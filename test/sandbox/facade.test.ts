/**
 * The gameplay facade bundle (HelpshiftTS/helpshift) in its own bare context — the game's JsEnv — with a fake
 * `ue` whose reflected classes behave like the C++ ones and route into the subsystem stand-in running the
 * main bundle. Proves the Promise/event API, and that every delegate binding is removed when a call settles.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { build } from "../../scripts/build";
import type { BundleEnv } from "../support/bare-context";
import { FakeIdentityService } from "../support/fake-identity-service";
import { RouteTransport } from "../support/route-transport";
import { identityToken, uidToken } from "../support/tokens";
import { lazyUE } from "./lazy-ue";
import { FakeSubsystem, loadBundle } from "./puerts-host";

let mainJs = "";
let facadeJs = "";
const hosts: FakeSubsystem[] = [];

beforeAll(async () => {
  const built = await build({ outDir: mkdtempSync(join(tmpdir(), "hsts-facade-")) });
  mainJs = readFileSync(built.find((b) => b.name === "main")!.file, "utf8");
  facadeJs = readFileSync(built.find((b) => b.name === "helpshift")!.file, "utf8");
});

afterEach(() => {
  for (const host of hosts.splice(0)) host.shutdown();
});

/**
 * A Puerts multicast delegate property: Add/Remove/Broadcast/Clear, with its bound count visible. Broadcast is
 * C++ calling the bound JS functions: one call into the game's JsEnv, whose jobs run when it returns.
 */
class FakeMulticast<F extends (...args: never[]) => void> {
  readonly bound: F[] = [];
  constructor(private readonly game: () => BundleEnv) {}
  /** How many functions were still bound right after the last Broadcast (before the C++ side clears). */
  boundAfterBroadcast = -1;
  Add(fn: F) {
    this.bound.push(fn);
  }
  Remove(fn: F) {
    const i = this.bound.indexOf(fn);
    if (i >= 0) this.bound.splice(i, 1);
  }
  Broadcast(...args: Parameters<F>) {
    this.game().enter(() => {
      for (const fn of [...this.bound]) fn(...args);
    });
    this.boundAfterBroadcast = this.bound.length;
  }
  Clear() {
    this.bound.length = 0;
  }
}

/** A Puerts view of TMap<FString, FString>. */
function fakeTMap(record: Record<string, string>) {
  const keys = Object.keys(record);
  return {
    GetMaxIndex: () => keys.length,
    IsValidIndex: (i: number) => i >= 0 && i < keys.length,
    GetKey: (i: number) => keys[i],
    Get: (k: string) => record[k],
  };
}

/** EHelpshiftIdentityState's enumerators in declaration order (a UENUM reaches JS as its value). */
const STATE_ENUM = [
  ...(
    /enum class EHelpshiftIdentityState : uint8\s*\{([\s\S]*?)\};/.exec(
      readFileSync(new URL("../../Source/HelpshiftTS/Public/HelpshiftTSIdentityState.h", import.meta.url), "utf8"),
    )?.[1] ?? ""
  ).matchAll(/^\s*(\w+),/gm),
].map((m) => m[1]!.charAt(0).toLowerCase() + m[1]!.slice(1));

type PublishedState = FakeSubsystem["identityStates"][number];

/** FHelpshiftIdentityState as Puerts hands it to JS: the UENUM as a number, int64 as a bigint. */
function toStruct(state: PublishedState | undefined) {
  const s = state ?? { state: "notInitialized" };
  return {
    State: STATE_ENUM.indexOf(s.state),
    UserId: s.userId ?? "",
    bAnonymous: s.anonymous ?? false,
    ExpiresAtUnixMs: BigInt(Math.trunc(s.expiresAt ?? 0)),
    RefreshReason: s.refreshReason ?? "",
  };
}

interface StateAction {
  OnStateChanged: FakeMulticast<never>;
  cancelled: boolean;
  /** How many functions were bound when Cancel ran (the C++ Cancel clears the pin, which would hide a leak). */
  boundAtCancel: number;
}

/** `registered: false` stands for an action that could not register with a game instance. */
function fakeUE(host: FakeSubsystem, game: () => BundleEnv, registered = true) {
  const actions: Array<{ OnSuccess: FakeMulticast<() => void>; OnFailure: FakeMulticast<never> }> = [];
  const listeners: Array<{ OnEvent: FakeMulticast<never>; cancelled: boolean }> = [];
  const stateActions: StateAction[] = [];
  const ue = {
    HelpshiftTSLibrary: {
      // UHelpshiftTSLibrary::GetIdentityState: the subsystem's last published state, NotInitialized without one.
      GetIdentityState: () => toStruct(host.identityStates.at(-1)),
      InitFromJson: (json: string) =>
        host.command(0, "init", JSON.stringify({ settings: {}, parameters: JSON.parse(json) })),
      Logout: () => host.logout(),
      AddUserIdentities: (jwt: string) => host.addUserIdentities(jwt),
      UpdateMasterAttributesFromJson: (json: string) => host.updateMasterAttributes(JSON.parse(json)),
      UpdateAppAttributesFromJson: (json: string) => host.updateAppAttributes(JSON.parse(json)),
      ClearAnonymousUserOnLogin: (clear: boolean) =>
        host.command(0, "clearAnonymousUserOnLogin", JSON.stringify({ clear })),
      ProvideIdentityToken: (jwt: string, requestId: number) =>
        host.command(0, "provideIdentityToken", JSON.stringify({ jwt, requestId })),
    },
    HelpshiftTSLoginAsyncAction: {
      LoginWithIdentityFromJson: (_world: unknown, jwt: string, configJson: string) => {
        const action = {
          OnSuccess: new FakeMulticast<() => void>(game),
          OnFailure: new FakeMulticast<(reason: string, errors: unknown, detail: string) => void>(game),
          // Like the C++ node: the result arrives after Activate returns; then the pins are cleared.
          Activate: () => {
            host.login(jwt, JSON.parse(configJson)).then((outcome) => {
              if (outcome.ok) action.OnSuccess.Broadcast();
              else action.OnFailure.Broadcast(outcome.reason, { Entries: fakeTMap(outcome.errors) }, outcome.detail);
              action.OnSuccess.Clear();
              action.OnFailure.Clear();
            });
          },
          Cancel: () => {},
          // UCancellableAsyncAction::IsActive: registered and not yet finished; such an action never broadcasts.
          IsActive: () => registered,
        };
        actions.push(action as never);
        return action;
      },
    },
    HelpshiftTSEventAsyncAction: {
      ListenForHelpshiftEvents: () => {
        const forward = (name: string, data: Record<string, string>) =>
          action.OnEvent.Broadcast(name, { Entries: fakeTMap(data) });
        const action = {
          OnEvent: new FakeMulticast<(name: string, data: unknown) => void>(game),
          cancelled: false,
          Activate: () => host.eventListeners.add(forward),
          Cancel: () => {
            action.cancelled = true;
            host.eventListeners.delete(forward);
          },
        };
        listeners.push(action as never);
        return action;
      },
    },
    HelpshiftTSIdentityStateAsyncAction: {
      // Like the C++ node: the state as it was at Activate, through the subsystem's delivery queue (after what was
      // queued before, before what is queued after), and only then bound: every later change once, until Cancel.
      ListenForIdentityState: () => {
        const forward = (state: PublishedState | undefined) => {
          if (!action.cancelled && registered) action.OnStateChanged.Broadcast(toStruct(state) as never);
        };
        const action = {
          OnStateChanged: new FakeMulticast<(state: ReturnType<typeof toStruct>) => void>(game),
          cancelled: false,
          boundAtCancel: -1,
          Activate: () => {
            if (!registered) return;
            const current = host.identityStates.at(-1);
            host.deliverNextTick(() => {
              if (action.cancelled) return;
              host.identityStateListeners.add(forward);
              forward(current);
            });
          },
          Cancel: () => {
            action.boundAtCancel = action.OnStateChanged.bound.length;
            action.cancelled = true;
            host.identityStateListeners.delete(forward);
          },
          IsActive: () => registered && !action.cancelled,
        };
        stateActions.push(action as never);
        return action;
      },
    },
  };
  return { ue, actions, listeners, stateActions };
}

function start(
  registered = true,
  options: { init?: Record<string, unknown> | false; lifetimeMs?: number; errors?: string[] } = {},
) {
  const transport = new RouteTransport();
  new FakeIdentityService(
    transport,
    { now: () => Date.now() },
    { appId: "demo", ...(options.lifetimeMs ? { lifetimeMs: options.lifetimeMs } : {}) },
  );
  const host = new FakeSubsystem(mainJs, (request) => transport.send(request));
  hosts.push(host);
  let game: BundleEnv | undefined;
  const { ue, actions, listeners, stateActions } = fakeUE(host, () => game!, registered);
  const errors = options.errors ?? [];
  game = loadBundle(
    facadeJs,
    { ue: lazyUE(ue), puerts: {} },
    { console: { error: (m: string) => errors.push(m), warn: () => {}, log: () => {}, info: () => {} } },
  );
  const facade = (game.exports as { createHelpshift: (world: unknown) => Facade }).createHelpshift({ world: true });
  if (options.init !== false) facade.init({ serviceUrl: "http://127.0.0.1:9", appId: "demo", ...options.init });
  return { host, facade, actions, listeners, stateActions, transport, game };
}

interface Facade {
  init(p: Record<string, unknown>): void;
  clearAnonymousUserOnLogin(clear: boolean): void;
  loginWithIdentity(jwt: string, config?: Record<string, unknown>): Promise<void>;
  logout(): void;
  addUserIdentities(jwt: string): void;
  updateMasterAttributes(a: Record<string, unknown>): void;
  on(event: string, fn: (data: Record<string, string>) => void): () => void;
  getState(): StateView;
  onStateChange(fn: (state: StateView) => void): () => void;
  provideIdentityToken(jwt: string, requestId?: number): void;
  onIdentityTokenRequested(fn: (request: { requestId: number; reason: string }) => void): () => void;
}

interface StateView {
  state: string;
  userId?: string;
  anonymous?: boolean;
  expiresAt?: number;
  reason?: string;
}

describe("the gameplay facade", () => {
  it("is a thin module: no identity core, no HTTP paths inside", () => {
    expect(facadeJs).not.toContain("/v1/apps/");
    expect(facadeJs.length).toBeLessThan(mainJs.length / 10);
  });

  it("resolves a login and leaves no delegate bound", async () => {
    const { facade, actions } = start();
    await expect(facade.loginWithIdentity(uidToken("1"), { full_privacy_enabled: false })).resolves.toBeUndefined();
    expect(actions).toHaveLength(1);
    expect(actions[0]!.OnSuccess.boundAfterBroadcast).toBe(0);
    expect(actions[0]!.OnFailure.bound).toHaveLength(0);
  });

  it("rejects with a LoginFailure carrying reason and errors", async () => {
    const { facade, actions } = start();
    const failure = await facade
      .loginWithIdentity(identityToken([{ identifier: "email", value: "x".repeat(301) }]))
      .catch((e: unknown) => e);
    expect(failure).toMatchObject({
      name: "LoginFailure",
      reason: "identitiesDataInvalid",
      errors: { email: "exceededValueLengthLimit" },
    });
    expect(actions[0]!.OnFailure.boundAfterBroadcast).toBe(0);
  });

  it("delivers typed events to listeners and unbinds when the last one stops", async () => {
    const { facade, host, listeners } = start();
    await facade.loginWithIdentity(uidToken("2"));
    const seen: Array<Record<string, string>> = [];
    const stop = facade.on("masterAttributesValidationFailed", (data) => seen.push(data));
    facade.updateMasterAttributes({ nope: "x" });
    await host.settleHttp(2);
    expect(seen).toEqual([{ nope: "invalidData" }]);
    stop();
    expect(listeners[0]!.OnEvent.bound).toHaveLength(0);
    expect(listeners[0]!.cancelled).toBe(true);
    facade.updateMasterAttributes({ nope: "y" });
    await host.settleHttp(2);
    expect(seen).toHaveLength(1);
  });

  it("uses the one client of the subsystem: a second facade sees loginInProgress", async () => {
    const { facade, host } = start();
    let game: BundleEnv | undefined;
    const { ue } = fakeUE(host, () => game!);
    game = loadBundle(facadeJs, { ue: lazyUE(ue), puerts: {} });
    const other = (game.exports as { createHelpshift: (w: unknown) => Facade }).createHelpshift({});
    const first = facade.loginWithIdentity(uidToken("3"));
    await expect(other.loginWithIdentity(uidToken("4"))).rejects.toMatchObject({ reason: "loginInProgress" });
    await expect(first).resolves.toBeUndefined();
  });

  it("never calls a listener inside the game call that caused the event", async () => {
    const { facade, host } = start();
    await facade.loginWithIdentity(uidToken("5"));
    let inCall = false;
    const calls: boolean[] = [];
    facade.on("masterAttributesValidationFailed", () => calls.push(inCall));
    inCall = true;
    facade.updateMasterAttributes({ nope: "x" });
    inCall = false;
    await host.settleHttp(2);
    expect(calls).toEqual([false]);
  });

  it("settles a login with notInitialized when the async action could not register", async () => {
    const { facade, actions, game } = start(false);
    // Game code awaits in the same JS turn as the call, before the engine runs the env's jobs.
    const outcome = game.enter(() =>
      facade.loginWithIdentity(uidToken("6")).then(
        () => "resolved",
        (e: unknown) => e,
      ),
    );
    await expect(outcome).resolves.toMatchObject({
      name: "LoginFailure",
      reason: "unknownError",
      detail: "notInitialized",
    });
    expect(actions).toHaveLength(1);
  });

  it("passes ClearAnonymousUserOnLogin to the client: kept, an identified login leaves the anonymous user", async () => {
    const { facade, host, transport } = start();
    const anonymousIds = () =>
      transport
        .requestsTo("/login")
        .filter((r) => (r.json as { identityToken?: string }).identityToken === "")
        .map((r) => (r.json as { anonymousId?: string }).anonymousId);
    facade.clearAnonymousUserOnLogin(false);
    await facade.loginWithIdentity("");
    await facade.loginWithIdentity(uidToken("7"));
    facade.logout();
    await host.settleHttp(2);
    await facade.loginWithIdentity("");
    const ids = anonymousIds();
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBeTruthy();
    expect(ids[1]).toBe(ids[0]);
    expect(host.logs.filter((l) => l.level === "error")).toEqual([]);
  });
});

/** Lets the subsystem deliver what Init queued (the game subscribes on a later frame than Init). */
const settled = () => new Promise((r) => setTimeout(r, 20));

/** Waits (real time, engine ticks) until `done` holds. */
async function until(done: () => boolean, ms = 3000): Promise<void> {
  for (const end = Date.now() + ms; !done() && Date.now() < end; ) await new Promise((r) => setTimeout(r, 5));
  expect(done()).toBe(true);
}

describe("the gameplay facade's identity state", () => {
  it("getState reads the library by reflection: before Init, after a login, after a logout", async () => {
    const { facade, host } = start(true, { init: false });
    expect(facade.getState()).toEqual({ state: "notInitialized" });
    facade.init({ serviceUrl: "http://127.0.0.1:9", appId: "demo" });
    expect(facade.getState()).toEqual({ state: "loggedOut" });
    await facade.loginWithIdentity(uidToken("gs-1"));
    const view = facade.getState();
    expect(view).toMatchObject({ state: "loggedIn", userId: "uid:gs-1", anonymous: false });
    expect(typeof view.expiresAt).toBe("number");
    // int64 on the C++ side: whole milliseconds.
    expect(view.expiresAt).toBe(Math.trunc(host.identityStates.at(-1)!.expiresAt!));
    expect(view.expiresAt).toBeGreaterThan(Date.now());
    expect(view.reason).toBeUndefined();
    facade.logout();
    await host.settleHttp(2);
    expect(facade.getState()).toEqual({ state: "loggedOut" });
  });

  it("onStateChange: the current state first (never inside the call), then loggingIn → loggedIn", async () => {
    const { facade, stateActions } = start();
    await settled();
    const seen: string[] = [];
    let inCall = true;
    const stop = facade.onStateChange((s) => seen.push(inCall ? `inCall:${s.state}` : s.state));
    inCall = false;
    expect(seen).toEqual([]);
    await until(() => seen.length === 1);
    expect(seen).toEqual(["loggedOut"]);
    await facade.loginWithIdentity(uidToken("sc-1"));
    await until(() => seen.at(-1) === "loggedIn");
    expect(seen).toEqual(["loggedOut", "loggingIn", "loggedIn"]);
    stop();
    expect(stateActions).toHaveLength(1);
    expect(stateActions[0]!.OnStateChanged.bound).toHaveLength(0);
    expect(stateActions[0]!.boundAtCancel).toBe(0);
    expect(stateActions[0]!.cancelled).toBe(true);
  });

  it("hears refreshing (reason refresh) → loggedIn when a fresh token renews the session", async () => {
    const { facade } = start(true, { init: { requestIdentityTokens: true }, lifetimeMs: 600 });
    await settled();
    const seen: StateView[] = [];
    const stop = facade.onStateChange((s) => seen.push(s));
    const stopTokens = facade.onIdentityTokenRequested(({ requestId }) =>
      facade.provideIdentityToken(uidToken("rf-2"), requestId),
    );
    await facade.loginWithIdentity(uidToken("rf-2"));
    await until(() => seen.some((s) => s.state === "refreshing") && seen.at(-1)?.state === "loggedIn");
    const i = seen.findIndex((s) => s.state === "refreshing");
    expect(seen[i]).toMatchObject({ state: "refreshing", userId: "uid:rf-2", reason: "refresh" });
    expect(seen.slice(i + 1).map((s) => s.state)).toContain("loggedIn");
    expect(seen.at(-1)).toMatchObject({ state: "loggedIn", userId: "uid:rf-2" });
    expect(seen.at(-1)?.reason).toBeUndefined();
    stopTokens();
    stop();
  });

  it("hears expired when the session ends with no fresh token", async () => {
    const { facade } = start(true, { lifetimeMs: 300 });
    await settled();
    const seen: string[] = [];
    const stop = facade.onStateChange((s) => seen.push(s.state));
    await until(() => seen.length === 1);
    await facade.loginWithIdentity(uidToken("ex-1"));
    await until(() => seen.at(-1) === "expired");
    expect(seen).toEqual(["loggedOut", "loggingIn", "loggedIn", "expired"]);
    expect(facade.getState()).toEqual({ state: "expired" });
    stop();
  });

  it("stops: after unsubscribing nothing more arrives and the action is released; a second listener is unaffected", async () => {
    const { facade, host, stateActions } = start();
    await settled();
    const first: string[] = [];
    const second: string[] = [];
    const stopFirst = facade.onStateChange((s) => first.push(s.state));
    const stopSecond = facade.onStateChange((s) => second.push(s.state));
    await until(() => first.length === 1 && second.length === 1);
    stopFirst();
    stopFirst(); // twice is harmless
    await facade.loginWithIdentity(uidToken("un-1"));
    await until(() => second.at(-1) === "loggedIn");
    await host.settleHttp(2);
    expect(first).toEqual(["loggedOut"]);
    expect(stateActions[0]!.cancelled).toBe(true);
    expect(stateActions[0]!.boundAtCancel).toBe(0);
    expect(host.identityStateListeners.size).toBe(1);
    stopSecond();
    expect(host.identityStateListeners.size).toBe(0);
    expect(stateActions.every((a) => a.OnStateChanged.bound.length === 0)).toBe(true);
  });

  it("a listener that throws is reported and does not stop the others (or itself)", async () => {
    const errors: string[] = [];
    const { facade } = start(true, { errors });
    await settled();
    const calls: string[] = [];
    const others: string[] = [];
    facade.onStateChange((s) => {
      calls.push(s.state);
      throw new Error(`boom at ${s.state}`);
    });
    facade.onStateChange((s) => others.push(s.state));
    await until(() => others.length === 1);
    await facade.loginWithIdentity(uidToken("th-1"));
    await until(() => others.at(-1) === "loggedIn" && calls.at(-1) === "loggedIn");
    expect(others).toEqual(["loggedOut", "loggingIn", "loggedIn"]);
    expect(calls).toEqual(others);
    expect(errors).toHaveLength(3);
    expect(errors[0]).toContain("boom at loggedOut");
  });

  it("with no game instance to listen to: the state once, after the call returns, and nothing bound", async () => {
    const { facade, game, stateActions } = start(false);
    await settled();
    const seen: string[] = [];
    let inCall = true;
    game.enter(() => {
      facade.onStateChange((s) => seen.push(inCall ? `inCall:${s.state}` : s.state));
      inCall = false;
    });
    await until(() => seen.length === 1);
    expect(seen).toEqual(["loggedOut"]);
    expect(stateActions[0]!.OnStateChanged.bound).toHaveLength(0);
    expect(stateActions[0]!.cancelled).toBe(true);
  });
});
