import type { Command } from "commander";

/** Placeholder until the `check` command lands (work in progress, see the issues). */
export function registerCheckCommand(program: Command): void {
  program.command("check").description("(not yet available)");
}
