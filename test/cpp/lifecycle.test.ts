/**
 * The runtime module's lifecycle helpers run, not only compile: built with g++ against test/cpp/engine and run
 * (test/cpp/run/lifecycle-main.cpp). They model what ENGINE-FACTS records: _Event Init_ runs before the game
 * instance's subsystems exist, promise jobs can report inside the C++ call that caused them, and Puerts'
 * default loader only looks under the project's Content/JavaScript. No Unreal Engine runs here.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { buildAndRun } from "./run-program";

let seen = new Map<string, string>();

beforeAll(() => {
  seen = buildAndRun("lifecycle", [
    "test/cpp/run/lifecycle-main.cpp",
    "test/cpp/run/engine-files.cpp",
    "Source/HelpshiftTS/Private/HelpshiftTSEarlyCalls.cpp",
    "Source/HelpshiftTS/Private/HelpshiftTSDeliveries.cpp",
    "Source/HelpshiftTS/Private/HelpshiftTSModuleLoader.cpp",
  ]);
}, 120_000);

describe("FHelpshiftTSModuleLoader in a clean project", () => {
  it("finds Puerts' bootstrap modules in the Puerts plugin when the project has no copy", () => {
    expect(seen.get("search.bootstrap")).toBe("Plugins/Puerts/Content/JavaScript/puerts/first_run.js");
    expect(seen.get("search.lazyload")).toBe("Plugins/Puerts/Content/JavaScript/puerts/uelazyload.js");
  });

  it("searches ours, then the project's, then Puerts' folder; the project's copy wins over Puerts'", () => {
    expect(seen.get("search.ours")).toBe("Plugins/HelpshiftTS/Content/JavaScript/HelpshiftTS/main.js");
    expect(seen.get("search.project")).toBe("Content/JavaScript/game/main.js");
    expect(seen.get("search.bootstrap-copied")).toBe("Content/JavaScript/puerts/first_run.js");
    expect(seen.get("search.missing")).toBe("(not found)");
  });

  it("resolves relative requires against the requiring folder, and works without the Puerts plugin found", () => {
    expect(seen.get("search.relative")).toBe("Plugins/HelpshiftTS/Content/JavaScript/HelpshiftTS/./lib.js");
    expect(seen.get("search.no-puerts-plugin")).toBe("Content/JavaScript/game/main.js");
  });
});

describe("FHelpshiftTSEarlyCalls: calls from _Event Init_ wait for the subsystem", () => {
  it("runs a game instance's own and the untied calls, in the order they were made", () => {
    expect(seen.get("early.has-init-first")).toBe("true");
    expect(seen.get("early.has-logout")).toBe("false");
    expect(seen.get("early.first-ran")).toBe("init,listen-first,login");
    expect(seen.get("early.left")).toBe("1");
    expect(seen.get("early.second-ran")).toBe("login-second");
  });

  it("keeps up to MaxCalls (256) and refuses the 257th", () => {
    expect(seen.get("early.max-accepted")).toBe("true");
    expect(seen.get("early.max-plus-one")).toBe("false");
  });
});

describe("THelpshiftTSMostRecent: the primary subsystem with several PIE clients", () => {
  it("is the newest alive; when it ends the one started before takes over", () => {
    expect(seen.get("primary.empty")).toBe("(none)");
    expect(seen.get("primary.both")).toBe("second");
    expect(seen.get("primary.second-ended")).toBe("first");
    expect(seen.get("primary.first-ended")).toBe("second");
    expect(seen.get("primary.all-ended")).toBe("(none)");
  });
});

describe("FHelpshiftTSDeliveries: game code is called on a later tick, in order", () => {
  it("runs nothing when queued, everything due on the tick, and what a delivery queues on the next", () => {
    expect(seen.get("deliveries.first-schedules")).toBe("true");
    expect(seen.get("deliveries.second-schedules")).toBe("false");
    expect(seen.get("deliveries.before-tick")).toBe("(nothing)");
    expect(seen.get("deliveries.tick-1")).toBe("result,event,");
    expect(seen.get("deliveries.rescheduled")).toBe("1");
    expect(seen.get("deliveries.tick-2")).toBe("result,event,later,");
  });

  it("runs nothing queued before a shutdown", () => {
    expect(seen.get("deliveries.after-reset")).toBe("result,event,later,");
  });
});
