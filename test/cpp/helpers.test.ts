/**
 * The runtime module's shared helpers run, not only compile: FHelpshiftTSFileStore (the store behind both
 * bridges' LoadValue/SaveValue/RemoveValue) and HelpshiftTSRandom (both bridges' RandomBytesHex) are built with
 * g++ against test/cpp/engine plus test-only definitions of the engine's file and GUID calls over the standard
 * library (test/cpp/run/engine-files.cpp), and the program's observations are asserted here. No Unreal Engine.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { buildAndRun } from "./run-program";

let seen = new Map<string, string>();

beforeAll(() => {
  seen = buildAndRun("helpers", [
    "test/cpp/run/store-random-main.cpp",
    "test/cpp/run/engine-files.cpp",
    "Source/HelpshiftTS/Private/HelpshiftTSFileStore.cpp",
    "Source/HelpshiftTS/Private/HelpshiftTSRandom.cpp",
  ]);
}, 120_000);

describe("FHelpshiftTSFileStore", () => {
  it("accepts keys of [A-Za-z0-9_-] up to 200 characters, refuses 201 and empty", () => {
    expect(seen.get("key.200")).toBe("true");
    expect(seen.get("key.201")).toBe("false");
    expect(seen.get("key.empty")).toBe("false");
    expect(seen.get("key.alphabet")).toBe("true");
  });

  it("refuses every key that could name another path or the temp file", () => {
    for (const bad of [".", "..", "a.b", "a/b", "a\\b", "a b", "a:b", "a.tmp", "non-ascii"]) {
      expect(seen.get(`key.refused ${bad}`), bad).toBe("false");
    }
  });

  it("creates its folder on the first save, reads back, replaces, and leaves no temp file", () => {
    expect(seen.get("load.absent")).toBe("false");
    expect(seen.get("save.first")).toBe("true");
    expect(seen.get("files.after-save")).toBe("session");
    expect(seen.get("load.first")).toBe("true");
    expect(seen.get("load.first.value")).toBe('{"v":1}');
    expect(seen.get("save.replace")).toBe("true");
    expect(seen.get("load.replaced.value")).toBe('{"v":2}');
    expect(seen.get("files.after-replace")).toBe("session");
  });

  it("keeps the previous value when a write fails (write beside, then move)", () => {
    expect(seen.get("save.failing")).toBe("false");
    expect(seen.get("load.after-failed-save.value")).toBe('{"v":2}');
  });

  it("touches nothing for a refused key, inside or outside its folder", () => {
    expect(seen.get("save.escape")).toBe("false");
    expect(seen.get("save.traversal")).toBe("false");
    expect(seen.get("files.parent")).toBe("HelpshiftTS");
    expect(seen.get("load.traversal")).toBe("false");
    expect(seen.get("remove.refused")).toBe("false");
    expect(seen.get("files.after-refusals")).toBe("session");
  });

  it("removes a key's file", () => {
    expect(seen.get("remove.present")).toBe("true");
    expect(seen.get("load.removed")).toBe("false");
    expect(seen.get("files.after-remove")).toBe("");
  });
});

describe("HelpshiftTSRandom::BytesHex", () => {
  it("returns 2 lowercase hex characters per byte, clamped to 0..1024 bytes", () => {
    const expected: Record<string, string> = {
      "-1": "0",
      "0": "0",
      "1": "2",
      "16": "32",
      "17": "34",
      "1024": "2048",
      "1025": "2048",
    };
    for (const [count, length] of Object.entries(expected)) {
      expect(seen.get(`random.len ${count}`), count).toBe(length);
      expect(seen.get(`random.lowerhex ${count}`), count).toBe("true");
    }
  });

  it("differs between calls", () => {
    expect(seen.get("random.differs")).toBe("true");
  });
});
