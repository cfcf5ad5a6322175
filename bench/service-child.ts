/**
 * Child process of bench 4: the identity service on 127.0.0.1, port 0, on a fresh SQLite file, with the logger
 * `serve` uses (`serveLogger`: console lines on stderr, which the bench sends to a file) and login rate limiting
 * out of the way. Prints `{"url", "secret", "appId"}` on one line; answers `cpu` on stdin with its CPU time
 * (`{"cpuUs": …}`); stops when stdin closes.
 *
 * @example
 * tsx bench/service-child.ts /tmp/bench.sqlite
 */
import { createInterface } from "node:readline";
import { processIo } from "../TypeScript/cli/commands/check";
import { serveLogger } from "../TypeScript/cli/commands/serve";
import { createIdentityService } from "../TypeScript/server";

const dbPath = process.argv[2];
if (!dbPath) throw new Error("usage: service-child.ts <sqlite file>");
const service = await createIdentityService({
  database: dbPath,
  logger: serveLogger(processIo()),
  loginRateLimit: { max: Number.MAX_SAFE_INTEGER, windowMs: 60_000 },
});
const { secret } = service.apps.create({ id: "bench" });
const url = await service.listen({ host: "127.0.0.1", port: 0 });
process.stdout.write(`${JSON.stringify({ url, secret, appId: "bench" })}\n`);
const commands = createInterface({ input: process.stdin });
commands.on("line", (line) => {
  if (line === "cpu") {
    const { user, system } = process.cpuUsage();
    process.stdout.write(`${JSON.stringify({ cpuUs: user + system })}\n`);
  }
});
commands.on("close", () => {
  void service.close().then(() => process.exit(0));
});
