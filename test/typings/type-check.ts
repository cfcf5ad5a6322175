/**
 * Runs the TypeScript compiler in-process (no emit) over a set of files, some of them optionally replaced or added
 * in memory, and returns every diagnostic as plain data.
 *
 * @example
 * const { options, fileNames } = readProject("test/typings/host-project/tsconfig.json");
 * const result = typeCheck({ rootNames: fileNames, options, files: { "/abs/extra.ts": "export {};" } });
 * expect(result.diagnostics).toEqual([]);
 */
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import ts from "typescript";

export interface Diagnostic {
  /** Absolute path, or "" for a global diagnostic (options, libraries). */
  readonly file: string;
  /** 1-based, 0 when global. */
  readonly line: number;
  readonly code: number;
  readonly message: string;
}

export interface TypeCheckInput {
  readonly rootNames: readonly string[];
  readonly options: ts.CompilerOptions;
  /** Absolute path → text that replaces (or adds) that file for this run. */
  readonly files?: Readonly<Record<string, string>>;
  /** A previous run's program, so unchanged files are not parsed again. */
  readonly oldProgram?: ts.Program;
  /** Check only these files (and the options); the rest of the program is read for types, not checked. */
  readonly only?: readonly string[];
}

export interface TypeCheckResult {
  readonly program: ts.Program;
  readonly diagnostics: readonly Diagnostic[];
}

/** Reads a tsconfig.json the way `tsc -p` does: its compiler options and the files its include/exclude select. */
export function readProject(tsconfigPath: string): { options: ts.CompilerOptions; fileNames: string[] } {
  const path = resolve(tsconfigPath);
  const read = ts.readConfigFile(path, ts.sys.readFile);
  if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, "\n"));
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, dirname(path), undefined, path);
  if (parsed.errors.length > 0) {
    throw new Error(parsed.errors.map((e) => ts.flattenDiagnosticMessageText(e.messageText, "\n")).join("\n"));
  }
  return { options: parsed.options, fileNames: parsed.fileNames };
}

export function typeCheck(input: TypeCheckInput): TypeCheckResult {
  const overrides = new Map(Object.entries(input.files ?? {}).map(([path, text]) => [resolve(path), text]));
  const host = ts.createCompilerHost(input.options, true);
  const { fileExists, readFile, getSourceFile } = host;
  host.fileExists = (name) => overrides.has(resolve(name)) || fileExists.call(host, name);
  host.readFile = (name) => overrides.get(resolve(name)) ?? readFile.call(host, name);
  host.getSourceFile = (name, languageVersion, onError, shouldCreate) => {
    const text = overrides.get(resolve(name));
    if (text !== undefined) return ts.createSourceFile(name, text, languageVersion, true);
    return getSourceFile.call(host, name, languageVersion, onError, shouldCreate);
  };
  const rootNames = [...new Set([...input.rootNames.map((n) => resolve(n)), ...overrides.keys()])];
  const program = ts.createProgram({ rootNames, options: input.options, host, oldProgram: input.oldProgram });
  const checked = input.only
    ? [
        ...program.getOptionsDiagnostics(),
        ...program.getGlobalDiagnostics(),
        ...input.only.flatMap((name) => {
          const file = program.getSourceFile(resolve(name));
          if (!file) throw new Error(`${name} is not in the program`);
          return [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)];
        }),
      ]
    : ts.getPreEmitDiagnostics(program);
  const diagnostics = checked.map((d): Diagnostic => {
    const message = ts.flattenDiagnosticMessageText(d.messageText, "\n");
    if (!d.file || d.start === undefined) return { file: "", line: 0, code: d.code, message };
    const line = d.file.getLineAndCharacterOfPosition(d.start).line + 1;
    return { file: resolve(d.file.fileName), line, code: d.code, message };
  });
  return { program, diagnostics };
}

/** `file:line TScode message`, for readable assertion failures. */
export function formatDiagnostics(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.file}:${d.line} TS${d.code} ${d.message.split("\n")[0]}`);
}

/** The `// expect TSxxxx` markers of a probe file: `line:code` for each expected diagnostic. */
export function expectedMarkers(path: string): string[] {
  const out: string[] = [];
  readFileSync(path, "utf8")
    .split("\n")
    .forEach((text, index) => {
      for (const match of text.matchAll(/\/\/ expect((?: TS\d+)+)\s*$/g)) {
        for (const code of match[1]!.trim().split(/\s+/)) out.push(`${index + 1}:${code.slice(2)}`);
      }
    });
  return out;
}
