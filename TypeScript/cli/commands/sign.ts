import type { Command } from "commander";

/** Placeholder until the `sign` command lands (work in progress, see the issues). */
export function registerSignCommand(program: Command): void {
  program.command("sign").description("(not yet available)");
}
