import { createContext, runInContext } from "node:vm";
import { build } from "esbuild";
import { jwtVerify } from "jose";
import { describe, expect, it } from "vitest";

const entry = new URL("../../TypeScript/tester/view-model.ts", import.meta.url).pathname;

/** Loads the view-model the way the editor's Puerts env would: one bundle, ECMAScript + console + timers only. */
async function loadInBareEngine() {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: "iife",
    globalName: "Tester",
    platform: "neutral",
    mainFields: ["module", "main"],
    target: "es2020",
    logLevel: "silent",
  });
  const context = createContext({ console, setTimeout, clearTimeout });
  // Prove the sandbox really lacks the Web and Node APIs the core must not rely on.
  expect(
    runInContext("[typeof TextEncoder, typeof atob, typeof fetch, typeof crypto, typeof Buffer]", context),
  ).toEqual(["undefined", "undefined", "undefined", "undefined", "undefined"]);
  runInContext(result.outputFiles[0]?.text ?? "", context);
  return context as unknown as { Tester: typeof import("../../TypeScript/tester/view-model") };
}

describe("the view-model in a bare engine (Puerts stand-in)", () => {
  it("mints a token jose verifies, and inspects it, with no TextEncoder/atob/crypto", async () => {
    const { Tester } = await loadInBareEngine();
    const vm = Tester.createTesterViewModel({
      serviceUrl: "",
      clock: { now: () => 1_800_000_000_000 },
      createClient: () => {
        throw new Error("no client in this test");
      },
    });
    vm.update({ secret: "editor-dev-secret", uid: "42", email: "zoë@example.com", metadata: "email.name=Zoë 🎮" });
    vm.mint();
    const state = vm.getState();
    expect(JSON.parse(JSON.stringify(state.inspection))).toEqual({
      ok: true,
      anonymous: false,
      identifiers: ["uid", "email"],
      iatAgeSeconds: 0,
      warnings: [],
    });
    const { payload } = await jwtVerify(state.form.token, new TextEncoder().encode("editor-dev-secret"), {
      currentDate: new Date(1_800_000_000_000),
    });
    expect(payload.identities).toEqual([
      { identifier: "uid", value: "42" },
      { identifier: "email", value: "zoë@example.com", metadata: { name: "Zoë 🎮" } },
    ]);
    // The decoded token beside the checks is built there too (the contract's pure-JS decoding).
    expect(state.decoded?.payload.map((f) => f.path)).toEqual([
      "payload.identities[0]",
      "payload.identities[1]",
      "payload.iat",
    ]);
    expect(state.decoded?.payload[1]?.value).toContain("Zoë 🎮");
  });
});
