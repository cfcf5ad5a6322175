/**
 * vitest global setup: builds the prebuilt CLI (dist/cli, scripts/build-cli.mjs) before any test runs, so the
 * tests that spawn bin/helpshift-ts.mjs run the current sources through the path users run. A no-op when the
 * sources did not change (the build writes only files whose text changed).
 *
 * @example
 * // vitest.config.ts: test.globalSetup: ["test/cli/global-setup.ts"]
 */
// @ts-expect-error: a plain .mjs script without declarations; buildCli is typed in its JSDoc.
import { buildCli } from "../../scripts/build-cli.mjs";

export default async function setup(): Promise<void> {
  await (buildCli as () => Promise<unknown>)();
}
