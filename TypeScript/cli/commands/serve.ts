import type { Command } from "commander";

/** Placeholder until the `serve` command lands (work in progress, see the issues). */
export function registerServeCommand(program: Command): void {
  program.command("serve").description("(not yet available)");
}
