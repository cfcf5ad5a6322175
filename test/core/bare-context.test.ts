import { runInNewContext } from "node:vm";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import type { HelpshiftClient, Ports } from "../../TypeScript/core";
import { CapturingLogger } from "../support/capturing-logger";
import { FakeIdentityService } from "../support/fake-identity-service";
import { createManualTime, settle } from "../support/manual-time";
import { MemoryStore } from "../support/memory-store";
import { RouteTransport } from "../support/route-transport";
import { SeededRandom } from "../support/seeded-random";
import { uidToken } from "../support/tokens";

const entry = new URL("../../TypeScript/core/index.ts", import.meta.url).pathname;

describe("the core in a bare ECMAScript context (what Puerts offers)", () => {
  it("bundles, loads with only console, and logs in, queues and flushes through its ports", async () => {
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      write: false,
      format: "iife",
      globalName: "HelpshiftCore",
      target: "es2020",
      platform: "neutral",
      mainFields: ["module", "main"],
      logLevel: "silent",
    });
    const code = result.outputFiles[0]?.text ?? "";
    // Only ECMAScript and console: no timers, TextEncoder, atob, fetch, Buffer or process in the sandbox.
    const sandbox: Record<string, unknown> = { console };
    runInNewContext(`${code}\nthis.HelpshiftCore = HelpshiftCore;`, sandbox);
    const core = sandbox.HelpshiftCore as { createHelpshiftClient(ports: Ports): HelpshiftClient };
    const time = createManualTime();
    const transport = new RouteTransport();
    const service = new FakeIdentityService(transport, time.clock);
    const logger = new CapturingLogger();
    const client = core.createHelpshiftClient({
      transport,
      store: new MemoryStore(),
      clock: time.clock,
      scheduler: time.scheduler,
      random: new SeededRandom(3),
      logger,
    });
    client.Init({ serviceUrl: "http://127.0.0.1:8787", appId: "demo" });
    const outcome: string[] = [];
    client.LoginWithIdentity(
      uidToken("42"),
      {},
      () => outcome.push("ok"),
      (reason) => outcome.push(reason),
    );
    await settle();
    expect(outcome).toEqual(["ok"]);
    client.UpdateMasterAttributes({ first_name: "Zoë" });
    await time.advance(30_000);
    expect(service.appliedBatches.map((b) => b.batch.master)).toEqual([{ first_name: "Zoë" }]);
    expect(logger.at("error")).toEqual([]);
  });
});
