/**
 * `helpshift-ts serve` at its edges: a busy port is one clear line and leaves no new data directory (or
 * database) behind; on SIGTERM the service closes and says it stopped. Real processes, bound to 127.0.0.1.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CommandIo } from "../../TypeScript/cli/commands/check";
import { ListenError, startServe } from "../../TypeScript/cli/commands/serve";

const root = new URL("../..", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "helpshift-ts-serve-"));
let busy: Server;
let busyPort: number;

beforeAll(async () => {
  busy = createServer();
  await new Promise<void>((resolve) => busy.listen(0, "127.0.0.1", resolve));
  busyPort = (busy.address() as { port: number }).port;
});
afterAll(async () => {
  await new Promise((resolve) => busy.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

const silentIo: CommandIo = {
  stdin: process.stdin,
  out: () => {},
  err: () => {},
  setExitCode: () => {},
  nowMs: () => Date.now(),
};

/** Runs the CLI through its bin wrapper; collects output until it exits. */
function launch(args: string[]): {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
} {
  const child = spawn(process.execPath, ["bin/helpshift-ts.mjs", ...args], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    stderr += chunk;
  });
  const exit = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, stdout: () => stdout, stderr: () => stderr, exit };
}

describe("serve on a busy port", () => {
  it("startServe throws a ListenError and removes the data directory it created, parents included", async () => {
    const dataDir = join(dir, "new-parent", "data");
    const failure = await startServe({ host: "127.0.0.1", port: busyPort, dataDir }, silentIo).catch((e) => e);
    expect(failure).toBeInstanceOf(ListenError);
    expect((failure as Error).message).toBe(
      `port ${busyPort} is already in use on 127.0.0.1; stop what runs there or pass --port <other port>`,
    );
    expect(existsSync(join(dir, "new-parent"))).toBe(false);
  });

  it("keeps a data directory that was there before, without leaving a new database in it", async () => {
    const dataDir = join(dir, "existing");
    mkdirSync(dataDir);
    await expect(startServe({ host: "127.0.0.1", port: busyPort, dataDir }, silentIo)).rejects.toThrow(ListenError);
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it("the command prints one line on stderr, nothing on stdout, and exits 1", async () => {
    const dataDir = join(dir, "process-busy");
    const run = launch(["serve", "--host", "127.0.0.1", "--port", String(busyPort), "--data-dir", dataDir]);
    expect(await run.exit).toBe(1);
    expect(run.stdout()).toBe("");
    expect(run.stderr()).toBe(
      `error: port ${busyPort} is already in use on 127.0.0.1; stop what runs there or pass --port <other port>\n`,
    );
    expect(existsSync(dataDir)).toBe(false);
  }, 60_000);
});

describe("serve stops on a signal", () => {
  it("closes, says it stopped and exits 0 (SIGTERM to the bin wrapper reaches the service)", async () => {
    const dataDir = join(dir, "process-stop");
    const run = launch(["serve", "--host", "127.0.0.1", "--port", "0", "--data-dir", dataDir]);
    await new Promise<void>((resolve, reject) => {
      run.child.stdout?.on("data", () => {
        if (run.stdout().includes("\ncurl ")) resolve();
      });
      void run.exit.then((code) => reject(new Error(`serve exited early with ${code}: ${run.stderr()}`)));
    });
    run.child.kill("SIGTERM");
    expect(await run.exit).toBe(0);
    const lines = run.stdout().trim().split("\n");
    expect(lines.at(-1)).toBe(`HelpshiftTS identity service stopped (SIGTERM); data kept in ${dataDir}`);
    expect(existsSync(join(dataDir, "identity.sqlite"))).toBe(true);
  }, 60_000);
});
