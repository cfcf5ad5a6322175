/**
 * Builds the harness addon: the REAL Source/HelpshiftTS/Private/*.cpp and the editor tester's runtime of
 * Source/HelpshiftTSEditor (FHelpshiftTSEditorTester, UHelpshiftTSEditorBridge; not its Slate tab or module) +
 * the runnable stand-in engine (test/engine) + the generated glue + the scenarios, linked as a Node addon (the
 * V8 of the Node running the tests). Headers: test/cpp/engine with test/engine/include laid over it; *.generated.h from test/cpp/uht.ts.
 * Objects are cached by content hash in the OS temp folder, so a second run only links.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build as buildBundles } from "../../scripts/build";
import { writeGeneratedHeaders } from "../cpp/uht";
import { generateGlue } from "./gen-glue";

export const ROOT = new URL("../..", import.meta.url).pathname;

export interface Harness {
  readonly addon: string;
  /** Base folders of the two plugins the stand-in IPluginManager finds. */
  readonly helpshiftPlugin: string;
  readonly puertsPlugin: string;
  readonly unsupported: readonly string[];
}

function files(dir: string, ext: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...files(path, ext));
    else if (name.endsWith(ext)) out.push(path);
  }
  return out.sort();
}

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    child.stderr.on("data", (d) => {
      err += d;
    });
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} failed:\n${err.slice(0, 6000)}`))));
  });
}

export interface BuildOptions {
  /** Replaces Source/HelpshiftTS (a temp copy with a deliberate break, to show a scenario catches it). */
  readonly sourceDir?: string;
  /** Replaces Source/HelpshiftTSEditor, likewise. */
  readonly editorSourceDir?: string;
}

/** The editor module's Slate tab and module class: UI, not modelled (docs/harness.md); the rest is built. */
const EDITOR_UI_UNITS = new Set(["HelpshiftTSEditorModule.cpp", "HelpshiftTSTesterPanel.cpp"]);

export async function buildHarness(work: string, options: BuildOptions = {}): Promise<Harness> {
  const source = options.sourceDir ?? join(ROOT, "Source/HelpshiftTS");
  const editor = options.editorSourceDir ?? join(ROOT, "Source/HelpshiftTSEditor");
  const include = join(work, "include");
  cpSync(join(ROOT, "test/cpp/engine"), include, { recursive: true });
  cpSync(join(ROOT, "test/engine/include"), include, { recursive: true });
  const generated = join(work, "generated");
  mkdirSync(generated, { recursive: true });
  writeGeneratedHeaders([join(source, "Public"), join(editor, "Public")], generated);
  const glue = generateGlue(ROOT, source, editor);
  writeFileSync(join(generated, "Glue.gen.cpp"), glue.source);

  const helpshiftPlugin = join(work, "Plugins/HelpshiftTS");
  await buildBundles({ outDir: join(helpshiftPlugin, "Content/JavaScript/HelpshiftTS") });
  const puertsPlugin = join(ROOT, "test/engine/puerts");

  const sourceDirs = [join(source, "Public"), join(source, "Private"), join(editor, "Public"), join(editor, "Private")];
  const includeDirs = [include, generated, ...sourceDirs, "/usr/include/node"];
  const flags = [
    "-std=c++20",
    "-fPIC",
    "-O0",
    "-g0",
    "-w",
    "-DPLATFORM_LINUX=1",
    "-include",
    join(include, "HsEngine.h"),
    ...includeDirs.flatMap((d) => ["-I", d]),
  ];
  const headerHash = createHash("sha256");
  for (const dir of [include, generated, ...sourceDirs])
    for (const h of files(dir, ".h")) headerHash.update(h.slice(dir.length)).update(readFileSync(h));
  headerHash.update(flags.join(" ").replaceAll(work, "")).update(process.version);
  const headersKey = headerHash.digest("hex");

  const cache = join(tmpdir(), "hsts-harness-cache");
  mkdirSync(cache, { recursive: true });
  const units = [
    ...files(join(source, "Private"), ".cpp"),
    ...files(join(editor, "Private"), ".cpp").filter(
      (unit) => !EDITOR_UI_UNITS.has(unit.slice(unit.lastIndexOf("/") + 1)),
    ),
    ...files(join(ROOT, "test/engine/src"), ".cpp"),
    join(generated, "Glue.gen.cpp"),
    ...files(join(ROOT, "test/harness/cpp"), ".cpp"),
  ];
  const objects: string[] = [];
  const jobs: (() => Promise<void>)[] = [];
  for (const unit of units) {
    const key = createHash("sha256")
      .update(headersKey)
      .update(unit.replace(work, ""))
      .update(readFileSync(unit))
      .digest("hex");
    const object = join(cache, `${key.slice(0, 24)}.o`);
    objects.push(object);
    if (!existsSync(object))
      jobs.push(async () => {
        const temp = `${object}.${process.pid}.tmp`;
        await run("g++", [...flags, "-c", unit, "-o", temp]);
        cpSync(temp, object);
      });
  }
  const workers = Array.from({ length: 2 }, async () => {
    for (let job = jobs.shift(); job; job = jobs.shift()) await job();
  });
  await Promise.all(workers);
  const addon = join(work, "hsts_harness.node");
  await run("g++", ["-shared", "-o", addon, ...objects, "-lpthread"]);
  return { addon, helpshiftPlugin, puertsPlugin, unsupported: glue.unsupported };
}
