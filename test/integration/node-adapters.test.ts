import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  createConsoleLogger,
  createFetchTransport,
  createFileStore,
  createNodeScheduler,
  cryptoRandom,
  keyToFileName,
  TransportError,
} from "../../TypeScript/node";

describe("fetch transport", () => {
  let server: Server;
  let base: string;
  const hanging: import("node:http").ServerResponse[] = [];
  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url === "/hang") {
        hanging.push(response);
        return;
      }
      let body = "";
      request.on("data", (chunk) => {
        body += chunk;
      });
      request.on("end", () => {
        const status = Number(request.url?.slice(1)) || 200;
        response.writeHead(status, { "content-type": "application/json" });
        response.end(JSON.stringify({ method: request.method, body, auth: request.headers.authorization ?? null }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const response of hanging) response.destroy();
    await new Promise((resolve) => server.close(resolve));
  });

  it("resolves every HTTP status with the body, sending method, headers and body", async () => {
    const transport = createFetchTransport();
    const ok = await transport.send({
      method: "POST",
      url: `${base}/200`,
      headers: { authorization: "Bearer t" },
      body: "{}",
    });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toEqual({ method: "POST", body: "{}", auth: "Bearer t" });
    for (const status of [400, 401, 404, 429, 500, 503]) {
      const answer = await transport.send({ method: "GET", url: `${base}/${status}`, headers: {} });
      expect(answer.status).toBe(status);
    }
  });

  it("rejects with a network error when nothing listens", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await createFetchTransport()
      .send({ method: "GET", url: `http://127.0.0.1:${port}/`, headers: {} })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).code).toBe("network");
  });

  it("rejects with a timeout when the service never answers", async () => {
    const error = await createFetchTransport({ timeoutMs: 50 })
      .send({ method: "GET", url: `${base}/hang`, headers: {} })
      .catch((e: unknown) => e);
    expect((error as TransportError).code).toBe("timeout");
  });

  it("keeps headers and bodies out of its errors", async () => {
    const failing: typeof fetch = async () => {
      throw new TypeError("fetch failed");
    };
    const error = (await createFetchTransport({ fetch: failing })
      .send({
        method: "POST",
        url: `${base}/x`,
        headers: { authorization: "Bearer hss_secret_value" },
        body: "eyJhbGciOi.x.y",
      })
      .catch((e: unknown) => e)) as Error;
    expect(error.message).not.toContain("hss_secret_value");
    expect(error.message).not.toContain("eyJ");
  });
});

describe("file store", () => {
  const dirs: string[] = [];
  const fresh = () => {
    const dir = mkdtempSync(join(tmpdir(), "helpshift-ts-store-"));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it("gets what was set, overwrites, removes, and answers undefined for missing keys", () => {
    const store = createFileStore(fresh());
    expect(store.get("missing")).toBeUndefined();
    store.set("session", '{"a":1}');
    expect(store.get("session")).toBe('{"a":1}');
    store.set("session", "two");
    expect(store.get("session")).toBe("two");
    store.remove("session");
    expect(store.get("session")).toBeUndefined();
    store.remove("session");
  });

  it("persists across instances on the same directory and leaves no temp files", () => {
    const dir = fresh();
    createFileStore(dir).set("outbox", "pending");
    expect(createFileStore(dir).get("outbox")).toBe("pending");
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("escapes keys: path separators, dots, case, unicode, empty and very long keys stay distinct and inside", () => {
    const dir = fresh();
    const store = createFileStore(dir);
    const keys = [
      "../escape",
      "a/b",
      "a\\b",
      "A",
      "a",
      ".",
      "..",
      "",
      "zoë 🎮",
      "x".repeat(1000),
      "x".repeat(999),
      "CON",
      "nul",
    ];
    keys.forEach((key, i) => {
      store.set(key, `v${i}`);
    });
    keys.forEach((key, i) => {
      expect(store.get(key)).toBe(`v${i}`);
    });
    const files = readdirSync(dir);
    expect(files).toHaveLength(keys.length);
    expect(files.every((f) => /^[a-z0-9_%A-F-]+\.value$/.test(f.replace("%sha256-", "%")))).toBe(true);
    expect(keyToFileName("A")).not.toBe(keyToFileName("a"));
    expect(keyToFileName("x".repeat(1000)).length).toBeLessThan(255);
  });
});

describe("scheduler", () => {
  it("fires after the delay and not when cleared", () => {
    vi.useFakeTimers();
    try {
      const scheduler = createNodeScheduler();
      const fired: string[] = [];
      scheduler.schedule(() => fired.push("a"), 1000);
      const b = scheduler.schedule(() => fired.push("b"), 1000);
      scheduler.cancel(b);
      vi.advanceTimersByTime(999);
      expect(fired).toEqual([]);
      vi.advanceTimersByTime(1);
      expect(fired).toEqual(["a"]);
    } finally {
      vi.useRealTimers();
    }
  });

  it("chains delays longer than one step, and a clear stops the chain", () => {
    vi.useFakeTimers();
    try {
      const scheduler = createNodeScheduler({ maxStepMs: 100 });
      const fired: number[] = [];
      scheduler.schedule(() => fired.push(1), 250);
      const cleared = scheduler.schedule(() => fired.push(2), 250);
      vi.advanceTimersByTime(150);
      scheduler.cancel(cleared);
      vi.advanceTimersByTime(99);
      expect(fired).toEqual([]);
      vi.advanceTimersByTime(1);
      expect(fired).toEqual([1]);
      vi.advanceTimersByTime(1000);
      expect(fired).toEqual([1]);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("random and logger", () => {
  it("gives the asked number of random bytes, different each time", () => {
    const a = cryptoRandom.bytes(16);
    expect(a).toBeInstanceOf(Uint8Array);
    expect(a).toHaveLength(16);
    expect(Buffer.from(cryptoRandom.bytes(16)).equals(Buffer.from(a))).toBe(false);
  });

  it("filters by level, routes warn/error, and redacts tokens", () => {
    const lines: string[][] = [];
    const sink = {
      log: (l: string) => lines.push(["log", l]),
      warn: (l: string) => lines.push(["warn", l]),
      error: (l: string) => lines.push(["error", l]),
    };
    const logger = createConsoleLogger({ level: "info", sink });
    logger.log("debug", "hidden");
    logger.log("info", "login", { token: "eyJhbGciOiJIUzI1NiJ9.eyJpYXQiOjF9.c2ln", session: "hss_abcdefghijkl" });
    logger.log("warn", "careful");
    logger.log("error", "broken", { error: new Error("boom") });
    expect(lines.map((l) => l[0])).toEqual(["log", "warn", "error"]);
    expect(lines[0]?.[1]).toBe('[helpshift-ts] info login {"token":"[REDACTED]","session":"[REDACTED]"}');
    expect(lines[2]?.[1]).toContain('"message":"boom"');
  });
});
