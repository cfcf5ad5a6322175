import type { Command } from "commander";

/** Placeholder until the `app` commands land (work in progress, see the issues). */
export function registerAppCommands(program: Command): void {
  program.command("app").description("(not yet available)");
}
