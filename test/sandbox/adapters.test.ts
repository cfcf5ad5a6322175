/**
 * The UE adapters and the init merge on their own, with recording fakes of the bridge UFUNCTIONs.
 */
import { describe, expect, it } from "vitest";
import { createBridgeLogger } from "../../TypeScript/ue/adapters/logger";
import { createBridgeRandom, RandomSourceError } from "../../TypeScript/ue/adapters/random";
import { createBridgeMonotonic } from "../../TypeScript/ue/adapters/scheduler";
import { createBridgeStore, StoreWriteError, storeFileKey } from "../../TypeScript/ue/adapters/store";
import { createBridgeTransport, TransportErrorCode } from "../../TypeScript/ue/adapters/transport";
import { InitProblem, resolveInitParameters, splitFieldList } from "../../TypeScript/ue/init-parameters";
import { uidToken } from "../support/tokens";
import { puertsRefs } from "./puerts-host";

describe("resolveInitParameters", () => {
  it("lets Init parameters win over settings, and treats empty/zero settings as unset", () => {
    const resolved = resolveInitParameters({
      settings: { serviceUrl: "http://settings", appId: "a", flushIntervalMs: 0, multilineCustomFields: ["bio"] },
      parameters: { serviceUrl: "http://param", refreshLeadSeconds: 60, multilineCustomFields: "notes, story\nlog" },
    });
    expect(resolved).toEqual({
      ok: true,
      parameters: {
        serviceUrl: "http://param",
        appId: "a",
        refreshLeadSeconds: 60,
        multilineCustomFields: ["notes", "story", "log"],
      },
      ignored: [],
    });
  });

  it("ignores a field of the wrong type, names it, and keeps the rest of the Init", () => {
    const resolved = resolveInitParameters({
      settings: { serviceUrl: "http://settings", appId: "a", logLevel: "warn" },
      parameters: { logLevel: "verbose", flushIntervalMs: "30000", unknownField: 1 },
    });
    expect(resolved).toEqual({
      ok: true,
      parameters: { serviceUrl: "http://settings", appId: "a", logLevel: "warn" },
      ignored: ["parameters.logLevel", "parameters.flushIntervalMs", "parameters.unknownField"],
    });
  });

  it("refuses to start without a service URL or an app id", () => {
    expect(resolveInitParameters({ parameters: { appId: "a" } })).toEqual({
      ok: false,
      problem: InitProblem.serviceUrlMissing,
    });
    expect(resolveInitParameters({ settings: { serviceUrl: "http://x", appId: "" } })).toEqual({
      ok: false,
      problem: InitProblem.appIdMissing,
    });
  });

  it("splits field lists and drops blanks", () => {
    expect(splitFieldList(" a ,, b ")).toEqual(["a", "b"]);
  });
});

describe("monotonic clock over the bridge", () => {
  it("reads FPlatformTime::Seconds and gives milliseconds", () => {
    let seconds = 12.5;
    const monotonic = createBridgeMonotonic({ MonotonicSeconds: () => seconds });
    expect(monotonic.now()).toBe(12_500);
    seconds = 13.25;
    expect(monotonic.now()).toBe(13_250);
  });
});

describe("store over the bridge", () => {
  it("escapes keys into [A-Za-z0-9_-], one-to-one", () => {
    const keys = ["hs:session", "hs_session", "../etc/passwd", "a.b", "é", "", "hs-session"];
    const escaped = keys.map(storeFileKey);
    for (const key of escaped) expect(key).toMatch(/^[A-Za-z0-9_-]*$/);
    expect(new Set(escaped).size).toBe(keys.length);
    expect(storeFileKey("hs:session")).toBe("hs_003asession");
  });

  it("reads through a $ref out-parameter and throws a coded error when a write fails", () => {
    const files = new Map<string, string>([["k_003a1", "v"]]);
    const store = createBridgeStore(
      {
        LoadValue: (key, out) => {
          if (!files.has(key)) return false;
          puertsRefs.$set(out, files.get(key));
          return true;
        },
        SaveValue: () => false,
        RemoveValue: (key) => files.delete(key),
      },
      puertsRefs,
    );
    expect(store.get("k:1")).toBe("v");
    expect(store.get("missing")).toBeUndefined();
    expect(() => store.set("k:1", "w")).toThrow(StoreWriteError);
    store.remove("k:1");
    expect(files.size).toBe(0);
  });
});

describe("random over the bridge", () => {
  it("decodes hex and refuses a short or non-hex answer", () => {
    expect([...createBridgeRandom({ RandomBytesHex: () => "00ff10" }).bytes(3)]).toEqual([0, 255, 16]);
    expect(() => createBridgeRandom({ RandomBytesHex: () => "00ff" }).bytes(3)).toThrow(RandomSourceError);
    expect(() => createBridgeRandom({ RandomBytesHex: () => "zzzzzz" }).bytes(3)).toThrow(RandomSourceError);
  });
});

describe("transport over the bridge", () => {
  it("settles by request id, rejects network errors, malformed answers and everything after dispose", async () => {
    const sent: number[] = [];
    const http = createBridgeTransport({ SendHttpRequest: (id) => sent.push(id) });
    const ok = http.transport.send({ method: "POST", url: "http://x/login", headers: {}, body: "{}" });
    const down = http.transport.send({ method: "GET", url: "http://x", headers: {} });
    const garbled = http.transport.send({ method: "GET", url: "http://x", headers: {} });
    expect(sent).toEqual([1, 2, 3]);
    http.deliver(2, JSON.stringify({ error: "network" }));
    http.deliver(1, JSON.stringify({ status: 201, body: "ok" }));
    http.deliver(3, "{not json");
    http.deliver(99, JSON.stringify({ status: 200, body: "" }));
    await expect(ok).resolves.toEqual({ status: 201, body: "ok" });
    await expect(down).rejects.toMatchObject({ code: TransportErrorCode.network });
    await expect(garbled).rejects.toMatchObject({ code: TransportErrorCode.malformedAnswer });
    // The clock headers C++ copies from the answer reach the core (it estimates the service's clock from them).
    const timed = http.transport.send({ method: "GET", url: "http://x", headers: {} });
    http.deliver(4, JSON.stringify({ status: 200, body: "{}", headers: { "x-server-time": "1700000000000" } }));
    await expect(timed).resolves.toEqual({ status: 200, body: "{}", headers: { "x-server-time": "1700000000000" } });
    const pending = http.transport.send({ method: "GET", url: "http://x", headers: {} });
    http.dispose();
    await expect(pending).rejects.toMatchObject({ code: TransportErrorCode.disposed });
    await expect(http.transport.send({ method: "GET", url: "http://x", headers: {} })).rejects.toMatchObject({
      code: TransportErrorCode.disposed,
    });
    expect(http.pendingCount()).toBe(0);
  });
});

describe("logger to the bridge", () => {
  it("redacts tokens in messages and fields and honours the minimum level", () => {
    const lines: Array<[string, string]> = [];
    const logger = createBridgeLogger(
      { WriteLog: (level, message) => lines.push([level, message]) },
      undefined,
      "info",
    );
    const jwt = uidToken("42");
    logger.log("debug", "hidden");
    logger.log("warn", `sending ${jwt}`, { header: `Bearer ${jwt}`, nested: { token: jwt } });
    expect(lines).toHaveLength(1);
    expect(lines[0]![0]).toBe("warn");
    expect(lines[0]![1]).not.toContain(jwt);
    expect(lines[0]![1]).toContain("[REDACTED]");
  });
});
