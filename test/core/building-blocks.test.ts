import { describe, expect, it } from "vitest";
import { Defaults } from "../../TypeScript/contract";
import { LoginFailure, loginFailureData } from "../../TypeScript/core";
import { retryDelayMs } from "../../TypeScript/core/backoff";
import { createEventHub } from "../../TypeScript/core/events";
import { createCoreLog } from "../../TypeScript/core/log";
import { createTimerSet, MAX_TIMER_DELAY_MS } from "../../TypeScript/core/timers";
import { CapturingLogger } from "../support/capturing-logger";
import { createManualTime, settle } from "../support/manual-time";

describe("timer set", () => {
  it("fires at the due time, never early, and never synchronously", async () => {
    const time = createManualTime(0);
    const timers = createTimerSet(time.scheduler, time.clock, () => undefined);
    const fired: number[] = [];
    timers.at(-5, () => fired.push(time.now()));
    expect(fired).toEqual([]);
    timers.after(100, () => fired.push(time.now()));
    await time.runDue();
    expect(fired).toEqual([0]);
    await time.advance(99);
    expect(fired).toEqual([0]);
    await time.advance(1);
    expect(fired).toEqual([0, 100]);
  });

  it("chunks long delays and re-measures against the clock", async () => {
    const time = createManualTime(0);
    const timers = createTimerSet(time.scheduler, time.clock, () => undefined);
    const fired: number[] = [];
    const due = 3 * MAX_TIMER_DELAY_MS + 5;
    timers.at(due, () => fired.push(time.now()));
    await time.advance(due - 1);
    expect(fired).toEqual([]);
    await time.advance(1);
    expect(fired).toEqual([due]);
    expect(Math.max(...time.requestedDelays)).toBe(MAX_TIMER_DELAY_MS);
  });

  it("cancels one timer, or all on close, and reports a throwing callback", async () => {
    const time = createManualTime(0);
    const errors: unknown[] = [];
    const timers = createTimerSet(time.scheduler, time.clock, (e) => errors.push(e));
    const fired: string[] = [];
    const a = timers.after(10, () => fired.push("a"));
    timers.after(10, () => {
      throw new Error("boom");
    });
    a.cancel();
    await time.advance(10);
    expect(fired).toEqual([]);
    expect(errors).toHaveLength(1);
    timers.after(10, () => fired.push("b"));
    timers.close();
    timers.after(1, () => fired.push("c"));
    await time.advance(100);
    expect(fired).toEqual([]);
    expect(time.pending()).toEqual([]);
  });
});

describe("backoff", () => {
  it("doubles from retryBaseMs and stops at retryMaxMs", () => {
    expect([0, 1, 2, 3].map(retryDelayMs)).toEqual(
      [1000, 2000, 4000, 8000].map((n) => (n / 1000) * Defaults.retryBaseMs),
    );
    expect(retryDelayMs(8)).toBe(256 * Defaults.retryBaseMs);
    expect(retryDelayMs(9)).toBe(Defaults.retryMaxMs);
    expect(retryDelayMs(1000)).toBe(Defaults.retryMaxMs);
  });
});

describe("core log", () => {
  it("filters by level and redacts messages and fields", () => {
    const sink = new CapturingLogger();
    const log = createCoreLog(sink, "warn");
    log.info("hidden");
    log.remember("SESSION-abcdefgh-123");
    log.warn("token SESSION-abcdefgh-123 seen", {
      auth: "Bearer SESSION-abcdefgh-123",
      nested: ["SESSION-abcdefgh-123"],
    });
    expect(sink.lines).toEqual([
      {
        level: "warn",
        message: "token [REDACTED] seen",
        fields: { auth: "Bearer [REDACTED]", nested: ["[REDACTED]"] },
      },
    ]);
    log.setLevel("debug");
    log.debug("now visible");
    expect(sink.lines).toHaveLength(2);
  });

  it("survives a logger that throws", () => {
    const log = createCoreLog({
      log() {
        throw new Error("sink down");
      },
    });
    expect(() => log.error("x")).not.toThrow();
  });
});

describe("event hub", () => {
  it("delivers asynchronously, copies data, isolates a throwing listener, and removes listeners", async () => {
    const sink = new CapturingLogger();
    const hub = createEventHub(createCoreLog(sink));
    const got: Array<[string, unknown]> = [];
    hub.add(() => {
      throw new Error("listener bug");
    });
    const off = hub.add((event, data) => got.push([event, data]));
    const data = { a: "invalidData" };
    hub.emit("masterAttributesSyncFailed", data);
    data.a = "changed";
    expect(got).toEqual([]);
    await settle();
    expect(got).toEqual([["masterAttributesSyncFailed", { a: "invalidData" }]]);
    expect(sink.at("error").map((l) => l.message)).toContain("event listener threw");
    off();
    hub.emit("userSessionExpired");
    await settle();
    expect(got).toHaveLength(1);
  });

  it("delivers nothing after close, not even events already emitted", async () => {
    const hub = createEventHub(createCoreLog(new CapturingLogger()));
    const got: string[] = [];
    hub.add((event) => got.push(event));
    hub.emit("userSessionExpired");
    hub.close();
    await settle();
    expect(got).toEqual([]);
  });
});

describe("LoginFailure", () => {
  it("carries the data and a message made from it", () => {
    const failure = new LoginFailure(loginFailureData("loginConfigInvalid", { color: "invalidValueType" }));
    expect(failure).toBeInstanceOf(Error);
    expect(failure.name).toBe("LoginFailure");
    expect(failure.code).toBe("loginConfigInvalid");
    expect(failure.detail).toBeUndefined();
    expect(failure.message).toBe(
      'loginConfigInvalid: Some keys or values in the login config are not valid. ["color": invalidValueType]',
    );
    expect(new LoginFailure(loginFailureData("unknownError", {}, "disposed")).toData()).toEqual({
      reason: "unknownError",
      errors: {},
      detail: "disposed",
    });
  });
});
