/**
 * Child process of bench 4: the identity service on 127.0.0.1, port 0, on a fresh SQLite file, with login rate
 * limiting out of the way. Prints `{"url": ..., "secret": ...}` on one line, then serves until its stdin closes.
 *
 * @example
 * tsx bench/service-child.ts /tmp/bench.sqlite
 */
import { createIdentityService } from "../TypeScript/server";

const dbPath = process.argv[2];
if (!dbPath) throw new Error("usage: service-child.ts <sqlite file>");
const service = await createIdentityService({
  database: dbPath,
  loginRateLimit: { max: Number.MAX_SAFE_INTEGER, windowMs: 60_000 },
});
const { secret } = service.apps.create({ id: "bench" });
const url = await service.listen({ host: "127.0.0.1", port: 0 });
process.stdout.write(`${JSON.stringify({ url, secret })}\n`);
process.stdin.resume();
process.stdin.on("end", () => {
  void service.close().then(() => process.exit(0));
});
