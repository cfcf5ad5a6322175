/**
 * `helpshift-ts`: the command line. Each subcommand lives in its own file under `commands/` and registers itself.
 *
 * @example
 * helpshift-ts check <jwt> --json
 * helpshift-ts sign --secret s3cr3t --uid 42
 * helpshift-ts serve --port 8787
 */
import { Command } from "commander";
import { registerAppCommands } from "./commands/app";
import { registerCheckCommand } from "./commands/check";
import { registerServeCommand } from "./commands/serve";
import { registerSignCommand } from "./commands/sign";

/** Builds the program; tests call it with their own argv and output sinks. */
export function buildProgram(): Command {
  const program = new Command("helpshift-ts")
    .description("Helpshift User Hub identity tools: check and mint identity tokens, run the reference service")
    .showHelpAfterError();
  registerCheckCommand(program);
  registerSignCommand(program);
  registerServeCommand(program);
  registerAppCommands(program);
  return program;
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (invokedDirectly) {
  await buildProgram().parseAsync(process.argv);
}
