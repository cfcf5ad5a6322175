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

/** `registered: false` stands for a login action that could not register with a game instance. */
function fakeUE(host: FakeSubsystem, game: () => BundleEnv, registered = true) {
  const actions: Array<{ OnSuccess: FakeMulticast<() => void>; OnFailure: FakeMulticast<never> }> = [];
  const listeners: Array<{ OnEvent: FakeMulticast<never>; cancelled: boolean }> = [];
  const ue = {
    HelpshiftTSLibrary: {
      InitFromJson: (json: string) =>
        host.command(0, "init", JSON.stringify({ settings: {}, parameters: JSON.parse(json) })),
      Logout: () => host.logout(),
      AddUserIdentities: (jwt: string) => host.addUserIdentities(jwt),
      UpdateMasterAttributesFromJson: (json: string) => host.updateMasterAttributes(JSON.parse(json)),
      UpdateAppAttributesFromJson: (json: string) => host.updateAppAttributes(JSON.parse(json)),
      ClearAnonymousUserOnLogin: (clear: boolean) =>
        host.command(0, "clearAnonymousUserOnLogin", JSON.stringify({ clear })),
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
  };
  return { ue, actions, listeners };
}

function start(registered = true) {
  const transport = new RouteTransport();
  new FakeIdentityService(transport, { now: () => Date.now() }, { appId: "demo" });
  const host = new FakeSubsystem(mainJs, (request) => transport.send(request));
  hosts.push(host);
  let game: BundleEnv | undefined;
  const { ue, actions, listeners } = fakeUE(host, () => game!, registered);
  game = loadBundle(facadeJs, { ue: lazyUE(ue), puerts: {} });
  const facade = (game.exports as { createHelpshift: (world: unknown) => Facade }).createHelpshift({ world: true });
  facade.init({ serviceUrl: "http://127.0.0.1:9", appId: "demo" });
  return { host, facade, actions, listeners, transport, game };
}

interface Facade {
  init(p: Record<string, unknown>): void;
  clearAnonymousUserOnLogin(clear: boolean): void;
  loginWithIdentity(jwt: string, config?: Record<string, unknown>): Promise<void>;
  logout(): void;
  addUserIdentities(jwt: string): void;
  updateMasterAttributes(a: Record<string, unknown>): void;
  on(event: string, fn: (data: Record<string, string>) => void): () => void;
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
