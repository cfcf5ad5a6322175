#!/usr/bin/env node
// Runs the CLI in this one process. The prebuilt CLI (dist/cli, written by `npm ci` through package.json's
// `prepare`, by `npm run build` and by the test setup: scripts/build-cli.mjs) loads only what the command needs.
// Without it (installed with --ignore-scripts, or HELPSHIFT_TS_CLI_FROM_SOURCE=1) the TypeScript sources run
// through tsx's loader, in this process too. Exit code, stdout/stderr and signals are the CLI's own.
import { existsSync } from "node:fs";

const prebuilt = new URL("../dist/cli/helpshift-ts.mjs", import.meta.url);
if (process.env.HELPSHIFT_TS_CLI_FROM_SOURCE !== "1" && existsSync(prebuilt)) {
  await import(prebuilt.href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import(new URL("../TypeScript/cli/entry.ts", import.meta.url).href);
}
