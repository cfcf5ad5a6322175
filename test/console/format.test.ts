/** The console page's pure helpers (web/format.ts) and the live log's store (web/log-store.ts, without a DOM). */
import { describe, expect, it } from "vitest";
import type { LogEntry } from "../../TypeScript/console/api-types";
import {
  formatDuration,
  formatOffset,
  formatRelative,
  formatSeconds,
  formatSignedOffset,
  kindTone,
  lifeLeft,
  logMatches,
  navOf,
  offsetFrom,
  parseRoute,
  refusedLines,
  routeHash,
  sessionTone,
  splitList,
  valueText,
} from "../../TypeScript/console/web/format";

const S = 1000;
const MIN = 60 * S;
const H = 60 * MIN;
const D = 24 * H;

const entry = (over: Partial<LogEntry>): LogEntry => ({ seq: 1, at: 0, kind: "login", summary: "", ...over });

describe("durations and offsets", () => {
  it("formatDuration: at most two units, rounded down", () => {
    expect(formatDuration(0)).toBe("0 s");
    expect(formatDuration(999)).toBe("0 s");
    expect(formatDuration(45 * S)).toBe("45 s");
    expect(formatDuration(5 * MIN)).toBe("5 min");
    expect(formatDuration(5 * MIN + 30 * S)).toBe("5 min 30 s");
    expect(formatDuration(H + 5 * MIN + 7 * S)).toBe("1 h 5 min");
    expect(formatDuration(7 * D)).toBe("7 d");
    expect(formatDuration(2 * D + 3 * H + 59 * MIN)).toBe("2 d 3 h");
    expect(formatDuration(D + 5 * MIN)).toBe("1 d");
    expect(formatDuration(-90 * S)).toBe("−1 min 30 s");
    expect(formatDuration(Number.NaN)).toBe("–");
    expect(formatSeconds(604_800)).toBe("7 d");
    expect(formatSeconds(172_800)).toBe("2 d");
  });

  it("formatOffset and formatSignedOffset say the service clock in words", () => {
    expect(formatOffset(0)).toBe("in step");
    expect(formatOffset(400)).toBe("in step");
    expect(formatOffset(5 * MIN)).toBe("5 min ahead");
    expect(formatOffset(-H)).toBe("1 h behind");
    expect(formatSignedOffset(0)).toBe("0");
    expect(formatSignedOffset(5 * MIN)).toBe("+5 min");
    expect(formatSignedOffset(-H)).toBe("−1 h");
    expect(formatSignedOffset(D)).toBe("+1 d");
  });

  it("formatRelative", () => {
    expect(formatRelative(1000, 1000)).toBe("now");
    expect(formatRelative(6 * MIN, 0)).toBe("in 6 min");
    expect(formatRelative(0, 2 * H)).toBe("2 h ago");
  });

  it("offsetFrom: a custom offset from a number and a unit", () => {
    expect(offsetFrom("5", "min")).toBe(5 * MIN);
    expect(offsetFrom("-1.5", "h")).toBe(-1.5 * H);
    expect(offsetFrom(" 2 ", "d")).toBe(2 * D);
    expect(offsetFrom("30", "s")).toBe(30 * S);
    expect(offsetFrom("", "min")).toBeNaN();
    expect(offsetFrom("five", "min")).toBeNaN();
  });

  it("lifeLeft: the fraction of a session's life left, clamped", () => {
    expect(lifeLeft(0, 100, 25)).toBe(0.75);
    expect(lifeLeft(0, 100, 200)).toBe(0);
    expect(lifeLeft(0, 100, -5)).toBe(1);
    expect(lifeLeft(100, 100, 100)).toBe(0);
  });
});

describe("routes", () => {
  it("parses every page, a user's page and the users' app filter; anything else is Apps", () => {
    expect(parseRoute("")).toEqual({ page: "apps" });
    expect(parseRoute("#/")).toEqual({ page: "apps" });
    expect(parseRoute("#/nope")).toEqual({ page: "apps" });
    expect(parseRoute("#/users")).toEqual({ page: "users" });
    expect(parseRoute("#/users/")).toEqual({ page: "users" });
    expect(parseRoute("#/users?app=demo")).toEqual({ page: "users", appId: "demo" });
    expect(parseRoute("#/users/usr_abc")).toEqual({ page: "user", userId: "usr_abc" });
    expect(parseRoute("#/users/a%2Fb")).toEqual({ page: "user", userId: "a/b" });
    expect(parseRoute("#/users/%E0%A4%A")).toEqual({ page: "user", userId: "%E0%A4%A" });
    expect(parseRoute("#/log")).toEqual({ page: "log" });
    expect(parseRoute("#/tester")).toEqual({ page: "tester" });
    expect(parseRoute("#/bend")).toEqual({ page: "bend" });
  });

  it("routeHash is the inverse; a user's page is under Users in the nav", () => {
    for (const hash of ["#/apps", "#/users", "#/users?app=my%20game", "#/users/usr_1", "#/log", "#/tester", "#/bend"]) {
      expect(routeHash(parseRoute(hash))).toBe(hash);
    }
    expect(navOf(parseRoute("#/users/usr_1"))).toBe("users");
    expect(navOf(parseRoute("#/bend"))).toBe("bend");
  });
});

describe("the live log's filter and words", () => {
  it("logMatches: by kind and by a part of the user id, case-insensitively", () => {
    const e = entry({ kind: "attributes", userId: "usr_AbC123" });
    expect(logMatches(e, { user: "", kind: "" })).toBe(true);
    expect(logMatches(e, { user: "abc", kind: "" })).toBe(true);
    expect(logMatches(e, { user: " ABC1 ", kind: "attributes" })).toBe(true);
    expect(logMatches(e, { user: "", kind: "login" })).toBe(false);
    expect(logMatches(e, { user: "zzz", kind: "" })).toBe(false);
    expect(logMatches(entry({ kind: "bend" }), { user: "usr", kind: "" })).toBe(false);
  });

  it("refusedLines: each refused key with its scope and reason, and refused identities", () => {
    expect(
      refusedLines(
        entry({
          kind: "attributes",
          refused: { master: { "custom_user_fields.nope": "invalidData" }, app: { level: "invalidData" } },
        }),
      ),
    ).toEqual(["master.custom_user_fields.nope: invalidData", "app.level: invalidData"]);
    expect(refusedLines(entry({ kind: "identities", outcomes: { email: "added", uid: "conflictingUid" } }))).toEqual([
      "uid: conflictingUid",
    ]);
    expect(refusedLines(entry({}))).toEqual([]);
  });

  it("tones: failures bad, logins ok, bends warn; sessions open ok, expired warn, revoked bad", () => {
    expect(kindTone("login")).toBe("ok");
    expect(kindTone("loginFailed")).toBe("bad");
    expect(kindTone("sessionRefused")).toBe("bad");
    expect(kindTone("bend")).toBe("warn");
    expect(kindTone("attributes")).toBe("info");
    expect(sessionTone("open")).toBe("ok");
    expect(sessionTone("expired")).toBe("warn");
    expect(sessionTone("revoked")).toBe("bad");
  });

  it("valueText and splitList", () => {
    expect(valueText("red")).toBe("red");
    expect(valueText(["vip", "beta"])).toBe('["vip","beta"]');
    expect(valueText(12)).toBe("12");
    expect(valueText(undefined)).toBe("undefined");
    expect(splitList("vip, beta  whale|x")).toEqual(["vip", "beta", "whale", "x"]);
    expect(splitList("  ")).toEqual([]);
  });
});
