/**
 * Bench 7: the built Puerts bundles in a real bare engine, QuickJS (quickjs-emscripten, the WASM build of the
 * engine Puerts offers as a backend), with only ECMAScript, `console` and timers defined. Measures game-thread
 * time per call, in the same run as Node running the same code:
 * - the contract (TypeScript/contract built with the Puerts bundle settings) checking the largest legal token
 *   (ASCII and 3-byte UTF-8), a typical token, and validating the largest legal login config and attribute map;
 *   the largest token also through a decode port whose functions are host (native) functions, as the Unreal
 *   bridge would offer FBase64 + FUTF8ToTCHAR;
 * - main.js (the entry the subsystem starts) driven through a stand-in bridge living inside QuickJS: Init, a
 *   login's start (check + SendHttpRequest), the login answer (→ SucceedLogin), a typical master attribute
 *   update, and an event delivery (an update refused by validation → EmitEvent). Each timed from the call into
 *   the engine until its promise jobs and zero-delay timers have run.
 *
 * @example
 * const item = await benchQuickjs({ samples: 9 });
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { getQuickJS, type QuickJSContext, type QuickJSHandle, type QuickJSRuntime } from "quickjs-emscripten";
import { build, PUERTS_BUNDLE_SETTINGS, ROOT } from "../scripts/build";
import { checkLogin, validateLoginConfig, validateMasterAttributes } from "../TypeScript/contract";
import { loginReply } from "../test/support/service-replies";
import {
  encodeUnsignedToken,
  largestLegalConfig,
  largestLegalMasterAttributes,
  largestLegalTokenPayload,
  multilineRules,
  typicalMasterAttributes,
  typicalTokenPayload,
} from "./lib/fixtures";
import { median, sig } from "./lib/measure";
import { type BenchItem, type Figure, measured } from "./lib/report";

const OUT_DIR = fileURLToPath(new URL("./.tmp/quickjs/", import.meta.url));
const GOALS = { largestTokenMs: 16, typicalTokenMs: 0.2, largestMapsMs: 16, bridgeCallMs: 2, mainBundleKB: 150 };

/** What a bare Puerts engine gives: console and timers. Timers queue; `__tick()` runs the ones due now. */
const BARE_GLOBALS = `
globalThis.console = { log() {}, info() {}, warn() {}, error() {}, debug() {} };
(function () {
  var timers = new Map(); var next = 1; var now = 0;
  globalThis.setTimeout = function (fn, ms) { var id = next++; timers.set(id, { fn: fn, at: now + (ms || 0) }); return id; };
  globalThis.clearTimeout = function (id) { timers.delete(id); };
  globalThis.setInterval = function (fn, ms) { return setTimeout(fn, ms); };
  globalThis.clearInterval = globalThis.clearTimeout;
  globalThis.__tick = function () {
    for (var guard = 0; guard < 100; guard++) {
      var due = [];
      timers.forEach(function (t, id) { if (t.at <= now) due.push(id); });
      if (due.length === 0) return;
      for (var i = 0; i < due.length; i++) { var t = timers.get(due[i]); timers.delete(due[i]); if (t) t.fn(); }
    }
  };
})();
`;

/** CommonJS as Puerts' loader wraps it; `require` answers `puerts` and `ue` with what `__modules` holds. */
function commonJs(code: string, exportName: string): string {
  return `(function () { var module = { exports: {} };
(function (exports, require, module) {\n${code}\n})(module.exports, function (name) { return globalThis.__modules[name]; }, module);
globalThis.${exportName} = module.exports; })();`;
}

/** The stand-in bridge, inside QuickJS: records calls, keeps files in a map, never leaves the engine. */
const BRIDGE = `
globalThis.__calls = [];
globalThis.__files = new Map();
globalThis.__bridge = {
  OnCommand: { Bind: function (fn) { globalThis.__handle = fn; }, Unbind: function () {}, IsBound: function () { return true; } },
  NotifyReady: function () { __calls.push("NotifyReady"); },
  SendHttpRequest: function (id, method, url) { __calls.push("SendHttpRequest"); globalThis.__lastHttp = id; },
  LoadValue: function (key, out) { if (!__files.has(key)) return false; out[0] = __files.get(key); return true; },
  SaveValue: function (key, value) { __files.set(key, value); return true; },
  RemoveValue: function (key) { return __files.delete(key); },
  RandomBytesHex: function (count) { var s = ""; for (var i = 0; i < count; i++) s += "a7"; return s; },
  WriteLog: function () {},
  SucceedLogin: function (id) { __calls.push("SucceedLogin"); },
  FailLogin: function (id, reason) { __calls.push("FailLogin:" + reason); },
  CompleteRequest: function (id) { __calls.push("CompleteRequest"); },
  EmitEvent: function (name, json) { __calls.push("EmitEvent:" + name); },
  RequestIdentityToken: function (id, reason) { __calls.push("RequestIdentityToken:" + reason); },
  PublishIdentityState: function (json) {},
  MonotonicSeconds: function () { return Date.now() / 1000; },
};
globalThis.__modules = {
  puerts: { argv: { getByName: function (n) { return n === "Bridge" ? __bridge : undefined; } },
    $ref: function (x) { return [x]; }, $unref: function (r) { return r[0]; } },
  ue: {},
};
`;

class Engine {
  readonly vm: QuickJSContext;
  constructor(
    private readonly runtime: QuickJSRuntime,
    sources: readonly string[],
  ) {
    this.vm = runtime.newContext();
    for (const source of [BARE_GLOBALS, ...sources]) this.eval(source);
  }
  eval(code: string): unknown {
    const result = this.vm.evalCode(code);
    if (result.error) {
      const error = this.vm.dump(result.error);
      result.error.dispose();
      throw new Error(`QuickJS: ${JSON.stringify(error).slice(0, 300)}`);
    }
    const value = this.vm.dump(result.value);
    result.value.dispose();
    return value;
  }
  setString(name: string, value: string): void {
    const handle = this.vm.newString(value);
    this.vm.setProp(this.vm.global, name, handle);
    handle.dispose();
  }
  /** One call from the host into the engine, as C++ calls into the JsEnv: jobs and due timers run before it ends. */
  timed(fn: QuickJSHandle, args: QuickJSHandle[] = []): number {
    const t0 = performance.now();
    const result = this.vm.callFunction(fn, this.vm.undefined, ...args);
    this.runtime.executePendingJobs();
    const tick = this.vm.getProp(this.vm.global, "__tick");
    this.vm.callFunction(tick, this.vm.undefined).unwrap().dispose();
    this.runtime.executePendingJobs();
    const ms = performance.now() - t0;
    tick.dispose();
    result.unwrap().dispose();
    return ms;
  }
  dispose(): void {
    this.vm.dispose();
  }
}

/** ms per call of `body` run `reps` times inside the engine, `samples` times; median and worst sample. */
function perCall(engine: Engine, body: string, reps: number, samples: number): { median: number; worst: number } {
  const fn = engine.vm.unwrapResult(
    engine.vm.evalCode(`(function () { for (var i = 0; i < ${reps}; i++) { ${body} } })`),
  );
  engine.timed(fn); // warm-up
  const times: number[] = [];
  for (let s = 0; s < samples; s++) times.push(engine.timed(fn) / reps);
  fn.dispose();
  return { median: median(times), worst: Math.max(...times) };
}

/** The same in Node, on the TypeScript sources. */
function nodePerCall(body: () => unknown, reps: number, samples: number): number {
  body();
  const times: number[] = [];
  for (let s = 0; s < samples; s++) {
    const t0 = performance.now();
    for (let i = 0; i < reps; i++) body();
    times.push((performance.now() - t0) / reps);
  }
  return median(times);
}

/**
 * Runs bench 7.
 *
 * @example
 * const item = await benchQuickjs({ samples: 9 });
 */
export async function benchQuickjs(options: { samples: number }): Promise<BenchItem> {
  const { samples } = options;
  mkdirSync(OUT_DIR, { recursive: true });
  const bundles = await build({ outDir: OUT_DIR, only: ["main"] });
  const mainJs = readFileSync(bundles[0]?.file as string, "utf8");
  const contractFile = join(OUT_DIR, "contract.js");
  await esbuild.build({
    ...PUERTS_BUNDLE_SETTINGS,
    mainFields: [...PUERTS_BUNDLE_SETTINGS.mainFields],
    conditions: [...PUERTS_BUNDLE_SETTINGS.conditions],
    external: [...PUERTS_BUNDLE_SETTINGS.external],
    entryPoints: [join(ROOT, "TypeScript/contract/index.ts")],
    outfile: contractFile,
    minify: true,
  });
  const contractJs = readFileSync(contractFile, "utf8");

  const iat = 1_700_000_000;
  const largest = encodeUnsignedToken(largestLegalTokenPayload(iat));
  const largestWide = encodeUnsignedToken(largestLegalTokenPayload(iat, "€"));
  const typical = encodeUnsignedToken(typicalTokenPayload(iat));
  const config = largestLegalConfig();
  const attributes = largestLegalMasterAttributes();

  const QuickJS = await getQuickJS();
  const runtime = QuickJS.newRuntime();
  runtime.setMemoryLimit(1024 * 1024 * 1024);
  runtime.setMaxStackSize(0);
  const figures: Record<string, Figure> = {};

  // The contract alone.
  const contract = new Engine(runtime, [commonJs(contractJs, "C")]);
  contract.setString("LARGEST", largest);
  contract.setString("LARGEST_WIDE", largestWide);
  contract.setString("TYPICAL", typical);
  contract.setString("CONFIG", JSON.stringify(config));
  contract.setString("ATTRIBUTES", JSON.stringify(attributes));
  contract.eval(`var CONFIG_MAP = JSON.parse(CONFIG); var ATTRIBUTE_MAP = JSON.parse(ATTRIBUTES);
    var RULES = { multilineCustomFields: ["biography"] };
    if (!C.checkLogin(LARGEST, {}).ok || !C.checkLogin(LARGEST_WIDE, {}).ok || !C.checkLogin(TYPICAL, {}).ok) throw new Error("fixtures must pass");`);
  // A host decode port: native functions (Node's Buffer standing in for FBase64 + FUTF8ToTCHAR) handed in.
  const native = contract.vm.newFunction("nativeBase64UrlToUtf8", (textHandle) => {
    const text = contract.vm.getString(textHandle);
    const out =
      /^[A-Za-z0-9_-]*$/.test(text) && text.length % 4 !== 1
        ? Buffer.from(text, "base64url").toString("utf8")
        : undefined;
    return out === undefined ? contract.vm.undefined : contract.vm.newString(out);
  });
  contract.vm.setProp(contract.vm.global, "nativeBase64UrlToUtf8", native);
  native.dispose();

  const largestQ = perCall(contract, "C.checkLogin(LARGEST, {});", 1, samples);
  const wideQ = perCall(contract, "C.checkLogin(LARGEST_WIDE, {});", 1, samples);
  const typicalQ = perCall(contract, "C.checkLogin(TYPICAL, {});", 200, samples);
  const configQ = perCall(contract, "C.validateLoginConfig(CONFIG_MAP);", 20, samples);
  const attributesQ = perCall(contract, "C.validateMasterAttributes(ATTRIBUTE_MAP, RULES);", 5, samples);
  const decodeQ = perCall(contract, "JSON.parse(C.pureBase64UrlToUtf8(LARGEST.split('.')[1]));", 1, samples);
  const parseQ = contract.eval(
    `(function(){ var t = C.pureBase64UrlToUtf8(LARGEST.split('.')[1]); return t; })()`,
  ) as string;
  contract.setString("LARGEST_TEXT", parseQ);
  const jsonQ = perCall(contract, "JSON.parse(LARGEST_TEXT);", 1, samples);
  contract.eval(`C.installDecodePort({ base64UrlToUtf8: nativeBase64UrlToUtf8 });`);
  const portQ = perCall(contract, "C.checkLogin(LARGEST, {});", 1, samples);
  const portWideQ = perCall(contract, "C.checkLogin(LARGEST_WIDE, {});", 1, samples);
  contract.eval(`C.installDecodePort(C.PURE_DECODE_PORT);`);
  contract.dispose();

  const largestNode = nodePerCall(() => checkLogin(largest, {}), 3, samples);
  const typicalNode = nodePerCall(() => checkLogin(typical, {}), 200, samples);
  const configNode = nodePerCall(() => validateLoginConfig(config), 50, samples);
  const attributesNode = nodePerCall(() => validateMasterAttributes(attributes, multilineRules), 10, samples);

  figures.largestTokenChars = largest.length;
  figures.largestTokenMs = sig(largestQ.median);
  figures.largestTokenWideUtf8Ms = sig(wideQ.median);
  figures.largestTokenWorstMs = sig(Math.max(largestQ.worst, wideQ.worst));
  figures.largestTokenDecodeParseMs = sig(decodeQ.median);
  figures.largestTokenJsonParseOnlyMs = sig(jsonQ.median);
  figures.largestTokenNativePortMs = sig(portQ.median);
  figures.largestTokenWideNativePortMs = sig(portWideQ.median);
  figures.largestTokenNodeMs = sig(largestNode);
  figures.largestTokenRatioQuickjsVsNode = sig(largestQ.median / largestNode);
  figures.typicalTokenMs = sig(typicalQ.median);
  figures.typicalTokenNodeMs = sig(typicalNode);
  figures.largestConfigMs = sig(configQ.median);
  figures.largestConfigNodeMs = sig(configNode);
  figures.largestAttributesMs = sig(attributesQ.median);
  figures.largestAttributesNodeMs = sig(attributesNode);

  // main.js driven through the bridge: a fresh engine per sample (Init and the first login happen once each).
  const bridgeTimes: Record<string, number[]> = {
    init: [],
    loginStart: [],
    loginAnswer: [],
    attributeUpdate: [],
    eventDelivery: [],
  };
  const answer = JSON.stringify(
    loginReply({ userId: "usr_bench", sessionToken: "hss_bench_session_0", now: Date.now() }),
  );
  for (let s = 0; s <= samples; s++) {
    const game = new Engine(runtime, [BRIDGE, commonJs(mainJs, "MAIN")]);
    const vm = game.vm;
    const handle = vm.getProp(vm.global, "__handle");
    const call = (name: string, id: number, command: string, json: string) => {
      const args = [vm.newNumber(id), vm.newString(command), vm.newString(json)];
      const ms = game.timed(handle, args);
      for (const a of args) a.dispose();
      if (s > 0) bridgeTimes[name]?.push(ms); // sample 0 warms the engine up
    };
    call(
      "init",
      0,
      "init",
      JSON.stringify({ settings: {}, parameters: { serviceUrl: "http://127.0.0.1:9", appId: "demo" } }),
    );
    call("loginStart", 1, "login", JSON.stringify({ jwt: typical, config: {} }));
    const httpId = game.eval("globalThis.__lastHttp") as number;
    call("loginAnswer", httpId, "httpResponse", answer);
    call("attributeUpdate", 2, "updateMasterAttributes", JSON.stringify({ attributes: typicalMasterAttributes() }));
    call("eventDelivery", 3, "updateMasterAttributes", JSON.stringify({ attributes: { age: "not a number" } }));
    const calls = game.eval("__calls.join(',')") as string;
    for (const expected of ["SendHttpRequest", "SucceedLogin", "EmitEvent:masterAttributesValidationFailed"]) {
      if (!calls.includes(expected)) throw new Error(`bridge run did not reach ${expected}: ${calls}`);
    }
    handle.dispose();
    game.dispose();
  }
  runtime.dispose();
  let worstBridge = 0;
  for (const [name, times] of Object.entries(bridgeTimes)) {
    figures[`bridge_${name}Ms`] = sig(median(times));
    worstBridge = Math.max(worstBridge, median(times));
  }
  figures.mainBundleKB = sig(mainJs.length / 1024);

  const met = {
    largestToken: Math.max(largestQ.median, wideQ.median) <= GOALS.largestTokenMs,
    largestTokenWithNativePort: Math.max(portQ.median, portWideQ.median) <= GOALS.largestTokenMs,
    typicalToken: typicalQ.median <= GOALS.typicalTokenMs,
    largestMaps: Math.max(configQ.median, attributesQ.median) <= GOALS.largestMapsMs,
    bridgeCalls: worstBridge < GOALS.bridgeCallMs,
    mainBundle: mainJs.length / 1024 <= GOALS.mainBundleKB,
  };
  for (const [name, ok] of Object.entries(met)) figures[`met_${name}`] = ok ? "met" : "not met";
  return measured("quickjs", "7. built bundles in a bare QuickJS engine (game-thread ms per call)", figures, {
    goal:
      `QuickJS: largest legal token ≤ ${GOALS.largestTokenMs} ms, typical ≤ ${GOALS.typicalTokenMs} ms; largest maps ≤ ` +
      `${GOALS.largestMapsMs} ms; bridge calls < ${GOALS.bridgeCallMs} ms; main bundle ≤ ${GOALS.mainBundleKB} KB`,
    met: Object.values(met).every(Boolean),
    notes:
      "quickjs-emscripten (WASM QuickJS), one runtime, globals: ECMAScript + console + timers. Median of " +
      `${samples} samples; ms per call. 'NativePort' = the contract handed a host base64url→UTF-8 function ` +
      "(Node's Buffer standing in for FBase64 + FUTF8ToTCHAR through the bridge), string crossing included. " +
      "Bridge calls: a fresh engine per sample with main.js and a stand-in bridge inside QuickJS; timed from the " +
      "call into the engine until its promise jobs and zero-delay timers ran. Node figures: the same code in this process.",
  });
}
