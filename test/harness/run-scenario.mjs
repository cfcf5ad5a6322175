// One scenario in its own Node process: loads the harness addon and prints what the scenario recorded.
// Usage: node run-scenario.mjs <addon> <scenario> <configJson>
import { createRequire } from "node:module";

const [addon, scenario, config] = process.argv.slice(2);
const harness = createRequire(import.meta.url)(addon);
process.stdout.write(harness.run(scenario, config));
process.exit(0);
