/**
 * `helpshift-ts app …`: manages the apps in a data directory's database (the one `serve` uses).
 *
 * @example
 * helpshift-ts app create --id mygame --field guild:singleline --field 'tier:dropdown:bronze|silver|gold' --tag vip
 * helpshift-ts app list
 * helpshift-ts app rotate-secret mygame
 * helpshift-ts app disable-identity mygame
 */
import { join } from "node:path";
import type { Command } from "commander";
import {
  type App,
  AppDefinitionError,
  AppRepository,
  CUSTOM_FIELD_TYPES,
  type CustomFieldDefinition,
  DATABASE_FILE_NAME,
  DEFAULT_DATA_DIR,
  openDatabase,
} from "../../server";
import { type CommandIo, type CommandOutput, emit, processIo, usageOutput } from "./check";

/** Exit codes: 0 done, 1 refused (unknown app, bad definition), 2 the command was used wrongly. */
export const AppExit = { ok: 0, refused: 1, usage: 2 } as const;

/**
 * Parses `name:type` or `name:dropdown:opt1|opt2`.
 *
 * @example
 * parseFieldSpec("tier:dropdown:bronze|gold") // { name: "tier", type: "dropdown", options: ["bronze", "gold"] }
 */
export function parseFieldSpec(spec: string): CustomFieldDefinition | undefined {
  const [name, type, options] = spec.split(":");
  if (!name || !type || !(CUSTOM_FIELD_TYPES as readonly string[]).includes(type)) return undefined;
  const field = { name, type: type as CustomFieldDefinition["type"] };
  return options === undefined ? field : { ...field, options: options.split("|") };
}

/** One app as printed: never the secret. */
export function describeApp(app: App): Record<string, unknown> {
  return {
    id: app.id,
    name: app.name,
    identityEnabled: app.identityEnabled,
    sessionLifetimeSeconds: app.sessionLifetimeSeconds,
    refreshLeadSeconds: app.refreshLeadSeconds,
    customFields: app.customFields,
    tags: app.tags,
  };
}

/** The apps of a data directory. */
export function openApps(dataDir: string): { apps: AppRepository; close(): void } {
  const db = openDatabase(join(dataDir, DATABASE_FILE_NAME));
  return { apps: new AppRepository(db, { now: () => Date.now() }), close: () => db.close() };
}

/**
 * Runs `work` on the data dir's apps, turning definition errors into exit code 1 (under `--json`, one object
 * `{ok: false, error, message}` on stdout).
 */
export function withApps(dataDir: string, work: (apps: AppRepository) => CommandOutput, json?: boolean): CommandOutput {
  const { apps, close } = openApps(dataDir);
  try {
    return work(apps);
  } catch (error) {
    if (error instanceof AppDefinitionError) {
      return json
        ? {
            stdout: [JSON.stringify({ ok: false, error: error.code, message: error.message })],
            stderr: [],
            exitCode: AppExit.refused,
          }
        : { stdout: [], stderr: [`error: ${error.code}: ${error.message}`], exitCode: AppExit.refused };
    }
    throw error;
  } finally {
    close();
  }
}

export interface CreateAppInput {
  readonly dataDir: string;
  readonly id?: string;
  readonly name?: string;
  readonly identity: boolean;
  readonly sessionLifetime?: string;
  readonly refreshLead?: string;
  readonly field: string[];
  readonly tag: string[];
  readonly json?: boolean;
}

function seconds(value: string | undefined): number | undefined | "bad" {
  if (value === undefined) return undefined;
  return /^\d+$/.test(value) ? Number(value) : "bad";
}

/**
 * `app create`: prints the id and the secret (the only time it is shown).
 *
 * @example
 * runCreateApp({ dataDir: ".data", id: "g", identity: true, field: [], tag: [] });
 */
export function runCreateApp(input: CreateAppInput): CommandOutput {
  const customFields: CustomFieldDefinition[] = [];
  for (const spec of input.field) {
    const field = parseFieldSpec(spec);
    if (!field) {
      return usageOutput(
        `--field ${spec}: expected name:type[:option|option], type one of ${CUSTOM_FIELD_TYPES.join(", ")}`,
        input.json,
      );
    }
    customFields.push(field);
  }
  const sessionLifetimeSeconds = seconds(input.sessionLifetime);
  const refreshLeadSeconds = seconds(input.refreshLead);
  if (sessionLifetimeSeconds === "bad" || refreshLeadSeconds === "bad") {
    return usageOutput("durations are whole seconds", input.json);
  }
  return withApps(
    input.dataDir,
    (apps) => {
      const { app, secret } = apps.create({
        ...(input.id === undefined ? {} : { id: input.id }),
        ...(input.name === undefined ? {} : { name: input.name }),
        ...(sessionLifetimeSeconds === undefined ? {} : { sessionLifetimeSeconds }),
        ...(refreshLeadSeconds === undefined ? {} : { refreshLeadSeconds }),
        identityEnabled: input.identity,
        customFields,
        tags: input.tag,
      });
      const stdout = input.json
        ? [JSON.stringify({ ...describeApp(app), secret })]
        : [`app id: ${app.id}`, `secret: ${secret}`, "Keep the secret on your game server; it is not shown again."];
      return { stdout, stderr: [], exitCode: AppExit.ok };
    },
    input.json,
  );
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

interface DirOption {
  dataDir: string;
}

/** Registers `app` and its subcommands. */
export function registerAppCommands(program: Command, io: CommandIo = processIo()): void {
  const app = program.command("app").description("Manage the identity service's apps (in the data directory)");
  const dataDirOption = [
    "--data-dir <dir>",
    "data directory (env HELPSHIFT_DATA_DIR)",
    process.env.HELPSHIFT_DATA_DIR ?? DEFAULT_DATA_DIR,
  ] as const;

  app
    .command("create")
    .description("Register an app and print its id and shared secret (shown once)")
    .option(...dataDirOption)
    .option("--id <id>", "app id (default: generated)")
    .option("--name <name>", "display name")
    .option("--no-identity", "create with the identity feature disabled")
    .option("--session-lifetime <seconds>", "session lifetime (default 7 days)")
    .option("--refresh-lead <seconds>", "refreshUserCredentials lead (default 48 h)")
    .option(
      "--field <name:type[:options]>",
      "custom user field, e.g. 'tier:dropdown:bronze|gold' (repeatable)",
      collect,
      [],
    )
    .option("--tag <tag>", "tag definition (repeatable)", collect, [])
    .option("--json", "print JSON")
    .action((options: CreateAppInput) => emit(io, runCreateApp(options)));

  app
    .command("list")
    .description("List the apps (never their secrets)")
    .option(...dataDirOption)
    .option("--json", "print JSON")
    .action((options: DirOption & { json?: boolean }) =>
      emit(
        io,
        withApps(
          options.dataDir,
          (apps) => {
            const list = apps.list().map(describeApp);
            const stdout = options.json
              ? [JSON.stringify(list)]
              : list.map(
                  (a) => `${a.id}\tidentity ${a.identityEnabled ? "on" : "off"}\tsession ${a.sessionLifetimeSeconds}s`,
                );
            return { stdout, stderr: [], exitCode: AppExit.ok };
          },
          options.json,
        ),
      ),
    );

  app
    .command("rotate-secret <id>")
    .description("Replace the app's secret (tokens signed with the old one stop working) and print the new one")
    .option(...dataDirOption)
    .action((id: string, options: DirOption) =>
      emit(
        io,
        withApps(options.dataDir, (apps) => ({
          stdout: [`secret: ${apps.rotateSecret(id)}`],
          stderr: [],
          exitCode: 0,
        })),
      ),
    );

  for (const [name, enabled] of [
    ["enable-identity", true],
    ["disable-identity", false],
  ] as const) {
    app
      .command(`${name} <id>`)
      .description(`Turn the identity feature ${enabled ? "on" : "off"} for the app`)
      .option(...dataDirOption)
      .action((id: string, options: DirOption) =>
        emit(
          io,
          withApps(options.dataDir, (apps) => {
            apps.setIdentityEnabled(id, enabled);
            return { stdout: [`${id}: identity ${enabled ? "enabled" : "disabled"}`], stderr: [], exitCode: 0 };
          }),
        ),
      );
  }

  app
    .command("add-field <id> <spec>")
    .description("Define (or redefine) a custom user field: name:type[:option|option]")
    .option(...dataDirOption)
    .action((id: string, spec: string, options: DirOption) => {
      const field = parseFieldSpec(spec);
      if (!field) return emit(io, { stdout: [], stderr: [`error: bad field spec ${spec}`], exitCode: AppExit.usage });
      emit(
        io,
        withApps(options.dataDir, (apps) => {
          apps.get(id);
          apps.defineCustomField(id, field);
          return { stdout: [`${id}: field ${field.name} (${field.type})`], stderr: [], exitCode: 0 };
        }),
      );
    });

  app
    .command("add-tag <id> <tags...>")
    .description("Define tags")
    .option(...dataDirOption)
    .action((id: string, tags: string[], options: DirOption) =>
      emit(
        io,
        withApps(options.dataDir, (apps) => {
          apps.get(id);
          for (const tag of tags) apps.defineTag(id, tag);
          return { stdout: [`${id}: tags ${apps.get(id).tags.join(", ")}`], stderr: [], exitCode: 0 };
        }),
      ),
    );

  app
    .command("set-session <id>")
    .description("Change the session lifetime and/or refresh lead (seconds)")
    .option(...dataDirOption)
    .option("--session-lifetime <seconds>", "session lifetime")
    .option("--refresh-lead <seconds>", "refreshUserCredentials lead")
    .action((id: string, options: DirOption & { sessionLifetime?: string; refreshLead?: string }) => {
      const lifetime = seconds(options.sessionLifetime);
      const lead = seconds(options.refreshLead);
      if (lifetime === "bad" || lead === "bad") {
        return emit(io, { stdout: [], stderr: ["error: durations are whole seconds"], exitCode: AppExit.usage });
      }
      emit(
        io,
        withApps(options.dataDir, (apps) => {
          const updated = apps.setSessionSettings(id, {
            ...(lifetime === undefined ? {} : { sessionLifetimeSeconds: lifetime }),
            ...(lead === undefined ? {} : { refreshLeadSeconds: lead }),
          });
          return {
            stdout: [`${id}: session ${updated.sessionLifetimeSeconds}s, refresh lead ${updated.refreshLeadSeconds}s`],
            stderr: [],
            exitCode: 0,
          };
        }),
      );
    });
}
