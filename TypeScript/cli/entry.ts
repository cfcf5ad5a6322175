/**
 * The entry of the prebuilt CLI (`dist/cli/helpshift-ts.mjs`, built by scripts/build-cli.mjs; run by
 * bin/helpshift-ts.mjs). `check` and `sign` run on a program with that one command, so they load neither the
 * service (Fastify, SQLite) nor the other commands; every other command line (`serve`, `app`, `--help`,
 * `--version`, a usage error) runs on the whole program, loaded only then. A subcommand parses, answers and
 * fails alike on either program: commander handles a subcommand's options, help and errors on the subcommand.
 *
 * @example
 * node dist/cli/helpshift-ts.mjs check "$JWT" --json
 */
import type { Command } from "commander";
import type { CommandIo } from "./commands/check";
import { baseProgram, runProgram } from "./program";

type Register = (program: Command, io: CommandIo) => void;

/** Commands that run alone, each loading only its own module. */
const LIGHT: Readonly<Record<string, () => Promise<Register>>> = {
  check: () => import("./commands/check").then((m) => m.registerCheckCommand),
  sign: () => import("./commands/sign").then((m) => m.registerSignCommand),
};

/**
 * Runs one command line with as little loaded as the command needs.
 *
 * @example
 * await runEntry(["check", "-", "--json"]);
 */
export async function runEntry(argv: readonly string[]): Promise<void> {
  const light = argv[0] !== undefined && Object.hasOwn(LIGHT, argv[0]) ? LIGHT[argv[0]] : undefined;
  if (light) {
    const register = await light();
    return runProgram((io, options) => {
      const program = baseProgram(io, options);
      register(program, io);
      return program;
    }, argv);
  }
  const { runCli } = await import("./main");
  return runCli(argv);
}

await runEntry(process.argv.slice(2));
