/**
 * Helpers for the console API tests: requests over node:http (so `Host` and `Origin` can be set), and the
 * service harness with the console's options.
 */
import { request as httpRequest } from "node:http";
import { ADMIN_TOKEN_HEADER } from "../../TypeScript/console/api-types";
import type { Harness } from "./harness";

export interface ConsoleAnswer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
  // biome-ignore lint/suspicious/noExplicitAny: answers are read field by field in the tests
  readonly body: any;
}

export interface CallOptions {
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  /** Sends the admin token of the harness as `x-admin-token`. */
  readonly token?: string;
  /** A body sent as it is (with the content type the headers give). */
  readonly rawBody?: string;
}

/** Calls `path` on the harness's service; JSON in and out. */
export function call(
  h: Pick<Harness, "url">,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<ConsoleAnswer> {
  const url = new URL(path, h.url);
  const headers: Record<string, string> = { ...options.headers };
  const payload = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (options.token !== undefined) headers[ADMIN_TOKEN_HEADER] = options.token;
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, headers }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => {
        text += chunk;
      });
      res.on("end", () => {
        let body: unknown = {};
        try {
          body = JSON.parse(text);
        } catch {
          body = {};
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, body });
      });
    });
    req.on("error", reject);
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}

/** An open SSE stream: the events read so far, and a way to wait for one. */
export interface OpenStream {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  /** Raw text received so far. */
  text(): string;
  /** Parsed `entry` events so far: `{ id, entry }`. */
  events(): { id: number; entry: Record<string, unknown> }[];
  /** Resolves when an entry event passes `test` (rejects after `ms`). */
  waitFor(test: (entry: Record<string, unknown>) => boolean, ms?: number): Promise<Record<string, unknown>>;
  /** Resolves when the server ended the stream. */
  readonly ended: Promise<void>;
  close(): void;
}

/** Opens the log stream with node:http (headers such as `Last-Event-ID` allowed). */
export function openStream(
  h: Pick<Harness, "url">,
  path: string,
  headers: Record<string, string> = {},
): Promise<OpenStream> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(new URL(path, h.url), { method: "GET", headers }, (res) => {
      let text = "";
      const waiters = new Set<() => void>();
      let endedResolve: () => void = () => {};
      const ended = new Promise<void>((r) => {
        endedResolve = r;
      });
      res.setEncoding("utf8");
      res.on("data", (chunk) => {
        text += chunk;
        for (const w of [...waiters]) w();
      });
      res.on("end", () => endedResolve());
      res.on("close", () => endedResolve());
      const events = () =>
        text
          .split("\n\n")
          .filter((block) => block.includes("event: entry"))
          .map((block) => {
            const id = Number(/^id: (\d+)$/m.exec(block)?.[1]);
            const data = /^data: (.*)$/m.exec(block)?.[1] ?? "{}";
            return { id, entry: JSON.parse(data) as Record<string, unknown> };
          });
      resolve({
        status: res.statusCode ?? 0,
        headers: res.headers,
        text: () => text,
        events,
        ended,
        waitFor(test, ms = 5000) {
          return new Promise((ok, fail) => {
            const check = () => {
              const found = events().find((e) => test(e.entry));
              if (!found) return;
              waiters.delete(check);
              clearTimeout(timer);
              ok(found.entry);
            };
            const timer = setTimeout(() => {
              waiters.delete(check);
              fail(new Error(`no such entry within ${ms} ms; got: ${text}`));
            }, ms);
            waiters.add(check);
            check();
          });
        },
        close: () => req.destroy(),
      });
    });
    req.on("error", reject);
    req.end();
  });
}
