/**
 * `helpshift-ts`: the command line. Each subcommand lives in its own file under `commands/` and registers itself.
 * {@link runCli} runs one command line: commander's own usage errors (unknown option or command, missing
 * argument) exit 2 like the commands' usage errors, and print one JSON object on stdout under `--json`.
 *
 * @example
 * helpshift-ts check <jwt> --json
 * helpshift-ts sign --secret s3cr3t --uid 42
 * helpshift-ts serve --port 8787
 * helpshift-ts --version
 */
import type { Command } from "commander";
import { registerAppCommands } from "./commands/app";
import { type CommandIo, processIo, registerCheckCommand } from "./commands/check";
import { registerServeCommand } from "./commands/serve";
import { registerSignCommand } from "./commands/sign";
import { baseProgram, runProgram } from "./program";

export { CLI_VERSION, USAGE_EXIT } from "./program";

/** Builds the program with every command; tests call it with their own output sinks. */
export function buildProgram(io: CommandIo = processIo(), options: { json?: boolean } = {}): Command {
  const program = baseProgram(io, options);
  registerCheckCommand(program, io);
  registerSignCommand(program, io);
  registerServeCommand(program, io);
  registerAppCommands(program, io);
  return program;
}

/**
 * Runs one command line (`argv` without node and the script). Resolves when the command is done; `serve`
 * resolves once listening and keeps the process alive.
 *
 * @example
 * await runCli(["check", "-", "--json"], processIo());
 */
export function runCli(argv: readonly string[], io: CommandIo = processIo()): Promise<void> {
  return runProgram(buildProgram, argv, io);
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (invokedDirectly) {
  await runCli(process.argv.slice(2));
}
