#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so the installed command needs no separate build step. SIGINT and
// SIGTERM sent to this process are passed on, so `serve` closes its database and says it stopped; the exit
// code is the CLI's.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const main = fileURLToPath(new URL("../TypeScript/cli/main.ts", import.meta.url));
const tsx = require.resolve("tsx/cli");
const child = spawn(process.execPath, [tsx, main, ...process.argv.slice(2)], { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
