import { createServer, type Server } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createFetchTransport, TransportError } from "../../TypeScript/node";

/**
 * The load test once failed with a bare "ECONNRESET" during a login. The transport now says which system call
 * failed, so a reset on a connection the request was already sent on (`read`) is told apart from a refused or
 * reset connection attempt (`connect`).
 */
let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

async function listen(onConnection: (socket: import("node:net").Socket) => void): Promise<number> {
  server = createServer(onConnection);
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  return (server.address() as { port: number }).port;
}

async function failureOf(url: string): Promise<TransportError> {
  const error = await createFetchTransport({ timeoutMs: 10_000 })
    .send({ method: "POST", url, headers: { "content-type": "application/json" }, body: "{}" })
    .then(
      () => undefined,
      (e: unknown) => e,
    );
  expect(error).toBeInstanceOf(TransportError);
  return error as TransportError;
}

describe("fetch transport network failures", () => {
  it("names a reset after the request was sent: ECONNRESET (read)", async () => {
    // The server reads the request, then resets the connection instead of answering.
    const port = await listen((socket) => socket.once("data", () => socket.resetAndDestroy()));
    const error = await failureOf(`http://127.0.0.1:${port}/v1/apps/a/login`);
    expect(error.code).toBe("network");
    expect(error.message).toBe(`cannot reach http://127.0.0.1:${port}: ECONNRESET (read)`);
  });

  it("names a refused connection: ECONNREFUSED (connect)", async () => {
    const port = await listen(() => {});
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    server = undefined;
    const error = await failureOf(`http://127.0.0.1:${port}/v1/apps/a/login`);
    expect(error.code).toBe("network");
    expect(error.message).toBe(`cannot reach http://127.0.0.1:${port}: ECONNREFUSED (connect)`);
  });
});
