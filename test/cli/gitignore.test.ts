/**
 * Local state never reaches git: the client's state directory, the service's data directory and database, and
 * the Unreal editor's Saved/ folder (the login tester tab keeps its session there).
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

const root = new URL("../..", import.meta.url).pathname;
const inGitWorkTree = spawnSync("git", ["rev-parse", "--is-inside-work-tree"], { cwd: root }).status === 0;

/** Whether git would ignore `path` (relative to the repository root); the path need not exist. */
const ignored = (path: string) =>
  spawnSync("git", ["check-ignore", "--quiet", "--no-index", path], { cwd: root }).status === 0;

describe.skipIf(!inGitWorkTree)(".gitignore", () => {
  it.each([
    ".helpshift-state/session.json",
    "examples/token-endpoint/.helpshift-state/x",
    ".data/identity.sqlite",
    "somewhere/identity.sqlite-wal",
    "Saved/HelpshiftTS/EditorTester/state.json",
    "Intermediate/Build/x.o",
    "Binaries/Linux/libx.so",
  ])("ignores local state: %s", (path) => {
    expect(ignored(path)).toBe(true);
  });

  it.each(["README.md", "TypeScript/core/client.ts", "Source/HelpshiftTS/HelpshiftTS.Build.cs", "docs/contract.md"])(
    "keeps the project's files: %s",
    (path) => {
      expect(ignored(path)).toBe(false);
    },
  );
});
