/**
 * What every `helpshift-ts` program shares, without any command: the version, the base `Command` (version option,
 * usage errors, output sinks) and {@link runProgram}, which runs one command line on a program and turns
 * commander's own usage errors into exit code 2 (one JSON object on stdout under `--json`). Light on purpose:
 * the prebuilt CLI (`entry.ts`) runs `check` with this and the `check` command alone.
 *
 * @example
 * await runProgram((io, options) => buildProgram(io, options), ["check", "-", "--json"], processIo());
 */
import { readFileSync } from "node:fs";
import { Command, CommanderError } from "commander";
import { type CommandIo, emit, processIo, usageOutput } from "./commands/check";

/** Set by the CLI's build (scripts/build-cli.mjs) so the prebuilt CLI reads no file for it. */
declare const HELPSHIFT_TS_VERSION: string | undefined;

/** The package's version (package.json), printed by `--version`. */
export const CLI_VERSION: string =
  typeof HELPSHIFT_TS_VERSION === "string"
    ? HELPSHIFT_TS_VERSION
    : (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;

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

/**
 * The program without commands: name, description, version, usage-error behaviour. Commands are added after.
 *
 * @example
 * const program = baseProgram(processIo());
 * registerCheckCommand(program, io);
 */
export function baseProgram(io: CommandIo = processIo(), options: { json?: boolean } = {}): Command {
  return (
    new Command("helpshift-ts")
      .description("Helpshift User Hub identity tools: check and mint identity tokens, run the reference service")
      .version(CLI_VERSION, "-V, --version", "print the version")
      .showHelpAfterError()
      // Set before the subcommands exist: commander copies these settings into each one.
      .exitOverride()
      .configureOutput(outputOf(io, options.json === true))
  );
}

/** True when `--json` is among the options (before a lone "--", after which it would be an argument). */
function wantsJson(argv: readonly string[]): boolean {
  const end = argv.indexOf("--");
  return (end === -1 ? argv : argv.slice(0, end)).includes("--json");
}

/**
 * Runs one command line (`argv` without node and the script) on the program `build` makes. Resolves when the
 * command is done; `serve` resolves once listening and keeps the process alive.
 *
 * @example
 * await runProgram(buildProgram, ["check", "-", "--json"], processIo());
 */
export async function runProgram(
  build: (io: CommandIo, options: { json?: boolean }) => Command,
  argv: readonly string[],
  io: CommandIo = processIo(),
): Promise<void> {
  const json = wantsJson(argv);
  try {
    await build(io, { json }).parseAsync([...argv], { from: "user" });
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
