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
import vm from "node:vm";
import type { HttpRequest, HttpResponse } from "../../TypeScript/core/ports";

export interface BridgeCall {
  readonly name: string;
  readonly args: readonly unknown[];
}

/** Loads a CommonJS bundle into a context holding only ECMAScript + console + timers. */
export function loadBundle(code: string, modules: Record<string, unknown>): { exports: unknown; context: vm.Context } {
  const context = vm.createContext({
    console,
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
  });
  const wrapper = vm.runInContext(`(function (exports, require, module) {\n${code}\n})`, context) as (
    exports: unknown,
    require: (name: string) => unknown,
    module: { exports: unknown },
  ) => void;
  const module = { exports: {} as unknown };
  const require = (name: string) => {
    if (Object.prototype.hasOwnProperty.call(modules, name)) return modules[name];
    throw new Error(`Cannot find module '${name}'`);
  };
  wrapper(module.exports, require, module);
  return { exports: module.exports, context };
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

/**
 * The C++ subsystem, in TypeScript: owns the bridge, keeps pending login callbacks by request id, sends JSON
 * commands, performs HTTP for the bundle, keeps files in a map, and fails what is pending on shutdown.
 */
export class FakeSubsystem {
  readonly calls: BridgeCall[] = [];
  readonly events: Array<{ name: string; data: Record<string, string> }> = [];
  readonly files = new Map<string, string>();
  readonly logs: Array<{ level: string; message: string }> = [];
  ready = false;
  /** The UFUNCTIONs this stand-in bridge offers (compared with the C++ header by the tests). */
  readonly bridgeFunctionNames: string[];
  /** Native event listeners (UHelpshiftTSSubsystem::OnEvent), as the event async action binds them. */
  readonly eventListeners = new Set<(name: string, data: Record<string, string>) => void>();
  private onCommand: ((id: number, command: string, json: string) => void) | undefined;
  private readonly pending = new Map<number, (outcome: LoginOutcome) => void>();
  private readonly httpInFlight = new Set<Promise<void>>();
  private nextId = 1;
  private shutDown = false;

  constructor(
    code: string,
    private readonly http: (request: HttpRequest) => Promise<HttpResponse>,
  ) {
    const bridge = this.makeBridge();
    this.bridgeFunctionNames = Object.keys(bridge).filter((k) => k !== "OnCommand");
    loadBundle(code, {
      ue: {},
      puerts: { ...puertsRefs, argv: { getByName: (name: string) => (name === "Bridge" ? bridge : undefined) } },
    });
  }

  /** Bridge UFUNCTIONs, recorded; each with the parameters of UHelpshiftTSBridge. */
  private makeBridge() {
    const record = (name: string, args: unknown[]) => this.calls.push({ name, args });
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
        record("NotifyReady", []);
        this.ready = true;
      },
      SucceedLogin: (id: number) => {
        record("SucceedLogin", [id]);
        this.settle(id, { ok: true });
      },
      FailLogin: (id: number, reason: string, errorsJson: string, detail: string) => {
        record("FailLogin", [id, reason, errorsJson, detail]);
        this.settle(id, { ok: false, reason, errors: JSON.parse(errorsJson), detail });
      },
      CompleteRequest: (id: number) => record("CompleteRequest", [id]),
      EmitEvent: (name: string, dataJson: string) => {
        record("EmitEvent", [name, dataJson]);
        if (this.shutDown) return;
        const data = JSON.parse(dataJson) as Record<string, string>;
        this.events.push({ name, data });
        for (const listener of [...this.eventListeners]) listener(name, data);
      },
      SendHttpRequest: (id: number, method: string, url: string, headersJson: string, body: string) => {
        record("SendHttpRequest", [id, method, url, headersJson, body]);
        const request: HttpRequest = { method: method as "GET" | "POST", url, headers: JSON.parse(headersJson) };
        const withBody = body === "" ? request : { ...request, body };
        const flight = this.http(withBody).then(
          (response) => this.command(id, "httpResponse", JSON.stringify(response)),
          () => this.command(id, "httpResponse", JSON.stringify({ error: "network" })),
        );
        this.httpInFlight.add(flight);
        flight.finally(() => this.httpInFlight.delete(flight));
      },
      LoadValue: (key: string, out: unknown) => {
        record("LoadValue", [key]);
        if (!/^[A-Za-z0-9_-]+$/.test(key) || !this.files.has(key)) return false;
        puertsRefs.$set(out, this.files.get(key));
        return true;
      },
      SaveValue: (key: string, value: string) => {
        record("SaveValue", [key]);
        if (!/^[A-Za-z0-9_-]+$/.test(key)) return false;
        this.files.set(key, value);
        return true;
      },
      RemoveValue: (key: string) => {
        record("RemoveValue", [key]);
        return this.files.delete(key);
      },
      RandomBytesHex: (count: number) => {
        record("RandomBytesHex", [count]);
        let out = "";
        for (let i = 0; i < count; i++) out += ((i * 37 + this.nextId * 11) & 0xff).toString(16).padStart(2, "0");
        return out;
      },
      WriteLog: (level: string, message: string) => {
        record("WriteLog", [level, message]);
        this.logs.push({ level, message });
      },
    };
  }

  /** Like UHelpshiftTSSubsystem::HandleLoginResult: delivered on the next tick, pending until then. */
  private settle(id: number, outcome: LoginOutcome) {
    if (this.shutDown) return;
    setImmediate(() => {
      if (this.shutDown) return;
      const callback = this.pending.get(id);
      this.pending.delete(id);
      callback?.(outcome);
    });
  }

  /** `Bridge->OnCommand.ExecuteIfBound(...)`. */
  command(id: number, command: string, json: string) {
    if (!this.shutDown) this.onCommand?.(id, command, json);
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

  /** Waits until no HTTP request is in flight and the bundle's promise chains have run. */
  async settleHttp(rounds = 20): Promise<void> {
    for (let i = 0; i < rounds; i++) {
      while (this.httpInFlight.size > 0) await Promise.all([...this.httpInFlight]);
      await new Promise((r) => setImmediate(r));
    }
  }

  /** Deinitialize: dispose command, then whatever is still pending fails with unknownError/disposed. */
  shutdown() {
    this.command(0, "dispose", "{}");
    const left = [...this.pending.values()];
    this.pending.clear();
    for (const callback of left) callback({ ok: false, reason: "unknownError", errors: {}, detail: "disposed" });
    this.shutDown = true;
  }

  /** Bridge calls named `name`. */
  callsTo(name: string): BridgeCall[] {
    return this.calls.filter((c) => c.name === name);
  }
}
