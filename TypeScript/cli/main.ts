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
import { readFileSync } from "node:fs";
import { Command, CommanderError } from "commander";
import { registerAppCommands } from "./commands/app";
import { type CommandIo, emit, processIo, registerCheckCommand, usageOutput } from "./commands/check";
import { registerServeCommand } from "./commands/serve";
import { registerSignCommand } from "./commands/sign";

/** The package's version (package.json), printed by `--version`. */
export const CLI_VERSION: string = (
  JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }
).version;

/** Exit code of every usage error, commander's own included. */
export const USAGE_EXIT = 2;

/** Where the program writes; under `--json` commander's own error text is dropped (one JSON object instead). */
function outputOf(io: CommandIo, json: boolean) {
  const line = (text: string) => text.replace(/\n$/, "");
  return {
    writeOut: (text: string) => io.out(line(text)),
    writeErr: json ? () => {} : (text: string) => io.err(line(text)),
  };
}

/** Builds the program; tests call it with their own output sinks. */
export function buildProgram(io: CommandIo = processIo(), options: { json?: boolean } = {}): Command {
  const program = new Command("helpshift-ts")
    .description("Helpshift User Hub identity tools: check and mint identity tokens, run the reference service")
    .version(CLI_VERSION, "-V, --version", "print the version")
    .showHelpAfterError()
    // Set before the subcommands exist: commander copies these settings into each one.
    .exitOverride()
    .configureOutput(outputOf(io, options.json === true));
  registerCheckCommand(program, io);
  registerSignCommand(program, io);
  registerServeCommand(program, io);
  registerAppCommands(program, io);
  return program;
}

/** True when `--json` is among the options (before a lone "--", after which it would be an argument). */
function wantsJson(argv: readonly string[]): boolean {
  const end = argv.indexOf("--");
  return (end === -1 ? argv : argv.slice(0, end)).includes("--json");
}

/**
 * Runs one command line (`argv` without node and the script). Resolves when the command is done; `serve`
 * resolves once listening and keeps the process alive.
 *
 * @example
 * await runCli(["check", "-", "--json"], processIo());
 */
export async function runCli(argv: readonly string[], io: CommandIo = processIo()): Promise<void> {
  const json = wantsJson(argv);
  try {
    await buildProgram(io, { json }).parseAsync([...argv], { from: "user" });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    // --help and --version end here with exit code 0.
    if (error.exitCode === 0) return io.setExitCode(0);
    const message =
      error.code === "commander.help" ? "a command is required (see --help)" : error.message.replace(/^error: /, "");
    // Without --json commander has already written the message (and the help) to stderr; a bare help has none.
    if (json) emit(io, usageOutput(message, true));
    else {
      if (error.code === "commander.help") io.err(`error: ${message}`);
      io.setExitCode(USAGE_EXIT);
    }
  }
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (invokedDirectly) {
  await runCli(process.argv.slice(2));
}
