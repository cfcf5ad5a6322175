/**
 * A stand-in for what Puerts and the C++ subsystem give the built bundle, following Puerts' documented
 * semantics: a bare `vm` context with only ECMAScript, `console` and timers; `require("ue")`/`require("puerts")`
 * answered by fakes; `argv.getByName("Bridge")` returning a bridge object whose UFUNCTION calls are recorded;
 * `$ref`/`$unref` for out-parameters. {@link FakeSubsystem} drives it exactly as UHelpshiftTSSubsystem does.
 *
 * @example
 * const host = new FakeSubsystem(readFileSync(mainJs, "utf8"), (req) => transport.send(req));
 * host.init({ serviceUrl: "http://127.0.0.1:1", appId: "demo" });
 * expect(await host.login(jwt, {})).toEqual({ ok: true });
 */
import type { HttpRequest, HttpResponse } from "../../TypeScript/core/ports";
import { BridgeCommand } from "../../TypeScript/ue/commands";
import { type BundleEnv, loadBundle } from "../support/bare-context";
import { lazyUE } from "./lazy-ue";

/** The bare-context loader lives in test/support (the bundle bench uses it too); re-exported for the sandbox. */
export { loadBundle };

export interface BridgeCall {
  readonly name: string;
  readonly args: readonly unknown[];
}

/** Puerts' `$ref`/`$unref`: an out-parameter box. */
export const puertsRefs = {
  $ref: <T>(x?: T) => [x],
  $unref: <T>(r: unknown) => (r as T[])[0] as T,
  $set: <T>(r: unknown, v: T) => {
    (r as T[])[0] = v;
  },
};

export type LoginOutcome = { ok: true } | { ok: false; reason: string; errors: Record<string, string>; detail: string };

/** How the C++ owners of a bridge differ in what the shared UFUNCTIONs do. */
export interface BridgeHostOptions {
  /** Performs a SendHttpRequest; a rejection is answered as `{error: "network"}`. */
  readonly http: (request: HttpRequest) => Promise<HttpResponse>;
  /** The saved files, by key (pass one map to several hosts to keep files across restarts). */
  readonly files?: Map<string, string>;
  /** The keys LoadValue/SaveValue accept (the C++ file name check). */
  readonly keyPattern: RegExp;
  /** Whether SaveValue's recorded call keeps the value (to search everything that left TypeScript). */
  readonly recordSavedValue: boolean;
}

/**
 * What every C++ owner of a Puerts bridge does, in TypeScript: records the UFUNCTION calls, binds OnCommand,
 * performs HTTP, keeps files in a map, collects log lines. A subclass adds its own UFUNCTIONs and loads the
 * bundle with {@link BridgeHost.load} at the end of its constructor (after its own fields exist).
 *
 * @example
 * class Host extends BridgeHost {
 *   constructor(code: string) {
 *     super({ http: send, keyPattern: /^[a-z]+$/, recordSavedValue: false });
 *     this.load(code, { PublishState: (json: string) => this.record("PublishState", [json]) });
 *   }
 *   protected randomBytesHex(count: number) { return "00".repeat(count); }
 * }
 */
export abstract class BridgeHost {
  readonly calls: BridgeCall[] = [];
  readonly logs: Array<{ level: string; message: string }> = [];
  readonly files: Map<string, string>;
  ready = false;
  /** The UFUNCTIONs this stand-in bridge offers (compared with the C++ header by the tests). */
  bridgeFunctionNames: readonly string[] = [];
  /** Once set, commands are no longer delivered (the JsEnv is gone). */
  protected shutDown = false;
  private onCommand: ((id: number, command: string, json: string) => void) | undefined;
  private readonly httpInFlight = new Set<Promise<void>>();
  /** The JsEnv the bundle runs in: every call from this "C++" into it goes through `env.enter`. */
  protected env: BundleEnv | undefined;

  constructor(private readonly options: BridgeHostOptions) {
    this.files = options.files ?? new Map<string, string>();
  }

  /** RandomBytesHex: `count` bytes as hex, from the source the subclass stands in for. */
  protected abstract randomBytesHex(count: number): string;

  /** Loads the bundle with a bridge of the shared UFUNCTIONs plus `own`, as `argv.getByName("Bridge")`. */
  protected load(code: string, own: Record<string, unknown>): void {
    const bridge = { ...this.sharedFunctions(), ...own };
    this.bridgeFunctionNames = Object.keys(bridge).filter((k) => k !== "OnCommand");
    this.env = loadBundle(code, {
      ue: lazyUE({}),
      puerts: { ...puertsRefs, argv: { getByName: (name: string) => (name === "Bridge" ? bridge : undefined) } },
    });
  }

  protected record(name: string, args: unknown[]): void {
    this.calls.push({ name, args });
  }

  /** The UFUNCTIONs both bridges declare, recorded, with the parameters of the C++ headers. */
  private sharedFunctions() {
    const { keyPattern, recordSavedValue } = this.options;
    return {
      OnCommand: {
        Bind: (fn: (id: number, command: string, json: string) => void) => {
          this.onCommand = fn;
        },
        Unbind: () => {
          this.onCommand = undefined;
        },
        IsBound: () => this.onCommand !== undefined,
      },
      NotifyReady: () => {
        this.record("NotifyReady", []);
        this.ready = true;
      },
      SendHttpRequest: (id: number, method: string, url: string, headersJson: string, body: string) => {
        this.record("SendHttpRequest", [id, method, url, headersJson, body]);
        const request: HttpRequest = { method: method as "GET" | "POST", url, headers: JSON.parse(headersJson) };
        const withBody = body === "" ? request : { ...request, body };
        const flight = this.options.http(withBody).then(
          (response) => this.command(id, BridgeCommand.httpResponse, JSON.stringify(response)),
          () => this.command(id, BridgeCommand.httpResponse, JSON.stringify({ error: "network" })),
        );
        this.httpInFlight.add(flight);
        flight.finally(() => this.httpInFlight.delete(flight));
      },
      LoadValue: (key: string, out: unknown) => {
        this.record("LoadValue", [key]);
        if (!keyPattern.test(key) || !this.files.has(key)) return false;
        puertsRefs.$set(out, this.files.get(key));
        return true;
      },
      SaveValue: (key: string, value: string) => {
        this.record("SaveValue", recordSavedValue ? [key, value] : [key]);
        if (!keyPattern.test(key)) return false;
        this.files.set(key, value);
        return true;
      },
      RemoveValue: (key: string) => {
        this.record("RemoveValue", [key]);
        return this.files.delete(key);
      },
      // FPlatformTime::Seconds: a monotonic clock in seconds.
      MonotonicSeconds: () => performance.now() / 1000,
      RandomBytesHex: (count: number) => {
        this.record("RandomBytesHex", [count]);
        return this.randomBytesHex(count);
      },
      WriteLog: (level: string, message: string) => {
        this.record("WriteLog", [level, message]);
        this.logs.push({ level, message });
      },
    };
  }

  /** `Bridge->OnCommand.ExecuteIfBound(...)`. */
  command(id: number, command: string, json: string) {
    const handler = this.onCommand;
    if (!this.shutDown && handler) this.callIntoJs(() => handler(id, command, json));
  }

  /** One call from C++ into the JsEnv: its promise jobs run before this returns, as V8 runs them in Puerts. */
  protected callIntoJs(fn: () => void): void {
    if (this.env) this.env.enter(fn);
    else fn();
  }

  /** Http.CancelAll() at shutdown: requests in flight are abandoned; their answers are never delivered. */
  protected abandonHttp(): void {
    this.httpInFlight.clear();
  }

  /** Waits until no HTTP request is in flight and the bundle's promise chains have run. */
  async settleHttp(rounds = 20): Promise<void> {
    for (let i = 0; i < rounds; i++) {
      while (this.httpInFlight.size > 0) await Promise.all([...this.httpInFlight]);
      await new Promise((r) => setImmediate(r));
    }
  }

  /** Bridge calls named `name`. */
  callsTo(name: string): BridgeCall[] {
    return this.calls.filter((c) => c.name === name);
  }
}

/**
 * The C++ subsystem, in TypeScript: owns the bridge, keeps pending login callbacks by request id, sends JSON
 * commands, performs HTTP for the bundle, keeps files in a map, and fails what is pending on shutdown.
 */
export class FakeSubsystem extends BridgeHost {
  readonly events: Array<{ name: string; data: Record<string, string> }> = [];
  /** What PublishIdentityState reported, in order (FHelpshiftIdentityState::FromJson reads the same JSON). */
  readonly identityStates: Array<{
    state: string;
    userId?: string;
    anonymous?: boolean;
    expiresAt?: number;
    refreshReason?: string;
  }> = [];
  /** Native identity state listeners (UHelpshiftTSSubsystem::OnIdentityStateChanged), told on the next tick. */
  readonly identityStateListeners = new Set<(state: FakeSubsystem["identityStates"][number]) => void>();
  /** Native event listeners (UHelpshiftTSSubsystem::OnEvent), as the event async action binds them. */
  readonly eventListeners = new Set<(name: string, data: Record<string, string>) => void>();
  private readonly pending = new Map<number, (outcome: LoginOutcome) => void>();
  private readonly deliveries: Array<() => void> = [];
  private nextId = 1;

  constructor(code: string, http: (request: HttpRequest) => Promise<HttpResponse>) {
    super({ http, keyPattern: /^[A-Za-z0-9_-]+$/, recordSavedValue: false });
    this.load(code, {
      SucceedLogin: (id: number) => {
        this.record("SucceedLogin", [id]);
        this.settle(id, { ok: true });
      },
      FailLogin: (id: number, reason: string, errorsJson: string, detail: string) => {
        this.record("FailLogin", [id, reason, errorsJson, detail]);
        this.settle(id, { ok: false, reason, errors: JSON.parse(errorsJson), detail });
      },
      CompleteRequest: (id: number) => this.record("CompleteRequest", [id]),
      // Like UHelpshiftTSSubsystem::HandleIdentityTokenRequest: the identityTokenRequested event, next tick.
      RequestIdentityToken: (requestId: number, reason: string) => {
        this.record("RequestIdentityToken", [requestId, reason]);
        if (this.shutDown) return;
        const data = { requestId: String(requestId), reason };
        this.deliverNextTick(() => {
          this.events.push({ name: "identityTokenRequested", data });
          for (const listener of [...this.eventListeners]) listener("identityTokenRequested", data);
        });
      },
      PublishIdentityState: (stateJson: string) => {
        this.record("PublishIdentityState", [stateJson]);
        if (this.shutDown) return;
        // Like UHelpshiftTSSubsystem::HandleIdentityState: GetIdentityState answers at once, listeners next tick.
        const state = JSON.parse(stateJson);
        this.identityStates.push(state);
        this.deliverNextTick(() => {
          for (const listener of [...this.identityStateListeners]) listener(state);
        });
      },
      EmitEvent: (name: string, dataJson: string) => {
        this.record("EmitEvent", [name, dataJson]);
        if (this.shutDown) return;
        const data = JSON.parse(dataJson) as Record<string, string>;
        // Like UHelpshiftTSSubsystem::HandleEvent: queued, delivered on the next tick in order with login results.
        this.deliverNextTick(() => {
          this.events.push({ name, data });
          for (const listener of [...this.eventListeners]) listener(name, data);
        });
      },
    });
  }

  /** Deterministic bytes that change with the request id, so ids differ within a run. */
  protected randomBytesHex(count: number): string {
    let out = "";
    for (let i = 0; i < count; i++) out += ((i * 37 + this.nextId * 11) & 0xff).toString(16).padStart(2, "0");
    return out;
  }

  /** Like UHelpshiftTSSubsystem::HandleLoginResult: delivered on the next tick, pending until then. */
  private settle(id: number, outcome: LoginOutcome) {
    if (this.shutDown) return;
    this.deliverNextTick(() => {
      const callback = this.pending.get(id);
      this.pending.delete(id);
      callback?.(outcome);
    });
  }

  /**
   * UHelpshiftTSSubsystem's delivery queue: what reaches game code (login results, events) runs on the next
   * tick, in the order TypeScript reported it, never inside the C++ call that caused it; nothing after shutdown.
   * Public as `DeliverInOrder` is: the identity state node starts listening through it.
   */
  deliverNextTick(delivery: () => void) {
    this.deliveries.push(delivery);
    if (this.deliveries.length > 1) return;
    setImmediate(() => {
      const due = this.deliveries.splice(0);
      for (const run of due) if (!this.shutDown) run();
    });
  }

  init(parameters: Record<string, unknown>, settings: Record<string, unknown> = {}) {
    this.command(0, "init", JSON.stringify({ settings, parameters }));
  }

  /** UHelpshiftTSSubsystem::LoginWithIdentity: a new request id, the callback kept until TS answers. */
  login(jwt: string, config: unknown = {}): Promise<LoginOutcome> {
    const id = this.nextId++;
    return new Promise<LoginOutcome>((resolve) => {
      this.pending.set(id, resolve);
      this.command(id, "login", JSON.stringify({ jwt, config }));
    });
  }

  logout() {
    this.command(0, "logout", "{}");
  }
  addUserIdentities(jwt: string) {
    this.command(0, "addUserIdentities", JSON.stringify({ jwt }));
  }
  updateMasterAttributes(attributes: unknown) {
    this.command(0, "updateMasterAttributes", JSON.stringify({ attributes }));
  }
  updateAppAttributes(attributes: unknown) {
    this.command(0, "updateAppAttributes", JSON.stringify({ attributes }));
  }
  foreground() {
    this.command(0, "foreground", "{}");
  }
  background() {
    this.command(0, "background", "{}");
  }

  /** Deinitialize: dispose command, then whatever is still pending fails with unknownError/disposed. */
  shutdown() {
    this.command(0, "dispose", "{}");
    this.abandonHttp();
    const left = [...this.pending.values()];
    this.pending.clear();
    for (const callback of left) callback({ ok: false, reason: "unknownError", errors: {}, detail: "disposed" });
    this.shutDown = true;
  }
}
