/**
 * Apps registered with the service: shared secret, identity feature flag, session settings, and the custom
 * user field and tag definitions attribute updates are checked against.
 *
 * @example
 * const apps = new AppRepository(db, clock);
 * const { app, secret } = apps.create({ id: "demo", name: "Demo" });
 */
import { z } from "zod";
import { Defaults, Limits } from "../contract";
import { type AppCache, appCacheOf } from "./app-cache";
import type { Db } from "./db/database";
import { statement } from "./db/statements";
import { newId, newSharedSecret } from "./secrets";

/** Types of custom user fields, as the vendor's dashboard offers them. */
export const CUSTOM_FIELD_TYPES = ["singleline", "multiline", "number", "date", "dropdown", "checkbox"] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

export const CustomFieldDefinitionSchema = z
  .object({
    name: z.string().min(1).max(Limits.keyLength),
    type: z.enum(CUSTOM_FIELD_TYPES),
    options: z.array(z.string().min(1)).optional(),
  })
  .refine((d) => d.type !== "dropdown" || (d.options !== undefined && d.options.length > 0), {
    message: "a dropdown field needs at least one option",
  });
export type CustomFieldDefinition = z.infer<typeof CustomFieldDefinitionSchema>;

/** An app as the service uses it. The secret is there because HMAC verification needs it. */
export interface App {
  readonly id: string;
  readonly name: string;
  readonly secret: string;
  readonly identityEnabled: boolean;
  readonly sessionLifetimeSeconds: number;
  readonly refreshLeadSeconds: number;
  readonly createdAt: number;
  /** When the secret was last replaced (the creation time until the first rotation). */
  readonly secretRotatedAt: number;
  readonly customFields: readonly CustomFieldDefinition[];
  readonly tags: readonly string[];
}

/** What `create` accepts; everything but the name has a default. */
export interface NewApp {
  readonly id?: string;
  readonly name?: string;
  readonly identityEnabled?: boolean;
  readonly sessionLifetimeSeconds?: number;
  readonly refreshLeadSeconds?: number;
  readonly customFields?: readonly CustomFieldDefinition[];
  readonly tags?: readonly string[];
  /** Only for tests and the demo app: a fixed secret instead of a random one. */
  readonly secret?: string;
}

export const AppIdSchema = z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, "1-64 of A-Z a-z 0-9 . _ -");

/** Longest display name of an app. */
export const APP_NAME_MAX_LENGTH = 200;

/** What may change on an existing app (the console's PATCH; the CLI's enable/disable-identity and set-session). */
export interface AppChange {
  readonly name?: string;
  readonly identityEnabled?: boolean;
  readonly sessionLifetimeSeconds?: number;
  readonly refreshLeadSeconds?: number;
}

/** Field → what is wrong with it; empty when the definition is valid. */
export type AppDefinitionErrors = Record<string, string>;

/**
 * Checks an app definition (or a part of one) field by field: the rules `create`, `update` and the CLI share.
 * Custom fields are named `customFields[i]`, tags `tags[i]`.
 *
 * @example
 * appDefinitionErrors({ sessionLifetimeSeconds: 0 }) // { sessionLifetimeSeconds: "a positive integer of seconds" }
 */
export function appDefinitionErrors(input: Omit<NewApp, "secret">): AppDefinitionErrors {
  const errors: AppDefinitionErrors = {};
  if (input.id !== undefined) {
    const idCheck = AppIdSchema.safeParse(input.id);
    if (!idCheck.success) errors.id = idCheck.error.issues[0]?.message ?? "invalid";
  }
  if (input.name !== undefined && (input.name.length === 0 || input.name.length > APP_NAME_MAX_LENGTH)) {
    errors.name = `1-${APP_NAME_MAX_LENGTH} characters`;
  }
  const lifetime = input.sessionLifetimeSeconds;
  if (lifetime !== undefined && (!Number.isInteger(lifetime) || lifetime < 1)) {
    errors.sessionLifetimeSeconds = "a positive integer of seconds";
  }
  const lead = input.refreshLeadSeconds;
  if (lead !== undefined && (!Number.isInteger(lead) || lead < 0)) {
    errors.refreshLeadSeconds = "a non-negative integer of seconds";
  }
  (input.customFields ?? []).forEach((field, i) => {
    const problem = customFieldError(field);
    if (problem) errors[`customFields[${i}]`] = problem;
  });
  (input.tags ?? []).forEach((tag, i) => {
    const problem = tagError(tag);
    if (problem) errors[`tags[${i}]`] = problem;
  });
  return errors;
}

/** What is wrong with a custom field definition, or undefined. */
export function customFieldError(field: CustomFieldDefinition): string | undefined {
  const parsed = CustomFieldDefinitionSchema.safeParse(field);
  if (parsed.success) return undefined;
  const issue = parsed.error.issues[0];
  const path = issue?.path.join(".");
  return path ? `${path}: ${issue?.message}` : (issue?.message ?? "invalid");
}

/** What is wrong with a tag definition, or undefined. */
export function tagError(tag: string): string | undefined {
  return tag.length === 0 || tag.length > Limits.tagLength ? `1-${Limits.tagLength} characters` : undefined;
}

/** The CLI's one-line message for the first error, e.g. `session lifetime: a positive integer of seconds`. */
const FIELD_WORDS: Record<string, string> = {
  id: "app id",
  name: "name",
  sessionLifetimeSeconds: "session lifetime",
  refreshLeadSeconds: "refresh lead",
};

function refuseIfInvalid(errors: AppDefinitionErrors): void {
  const [field, problem] = Object.entries(errors)[0] ?? [];
  if (field === undefined) return;
  const words = FIELD_WORDS[field] ?? (field.startsWith("tags") ? "tag" : "custom field");
  throw new AppDefinitionError("invalidAppDefinition", `${words}: ${problem}`, errors);
}

interface AppRow {
  id: string;
  name: string;
  secret: string;
  identity_enabled: number;
  session_lifetime_seconds: number;
  refresh_lead_seconds: number;
  created_at: number;
  secret_rotated_at: number;
}

/** Thrown for an invalid app definition or an unknown/duplicate id (CLI and factory input, not HTTP). */
export class AppDefinitionError extends Error {
  constructor(
    readonly code: "invalidAppDefinition" | "unknownApp" | "duplicateApp",
    message: string,
    /** `invalidAppDefinition`: every offending field with what is wrong with it. */
    readonly fields: AppDefinitionErrors = {},
  ) {
    super(message);
    this.name = "AppDefinitionError";
  }
}

export class AppRepository {
  /** Loaded apps, shared by every repository on this connection; see app-cache.ts for when it is dropped. */
  private readonly cache: AppCache<App>;
  /** Secrets already passed to `onSecret`: a cached app's secret is told once, not on every request. */
  private readonly told = new Set<string>();

  constructor(
    private readonly db: Db,
    private readonly clock: { now(): number },
    /** Told every secret the repository hands out, so the service's log can redact it. */
    private readonly onSecret: (secret: string) => void = () => {},
  ) {
    this.cache = appCacheOf<App>(db);
  }

  /**
   * Registers an app; returns it with its secret (the only time a caller is meant to show it).
   *
   * @example
   * const { secret } = apps.create({ name: "My game", tags: ["vip"] });
   */
  create(input: NewApp): { app: App; secret: string } {
    const id = input.id ?? newId("app");
    refuseIfInvalid(appDefinitionErrors({ ...input, id }));
    if (this.find(id)) throw new AppDefinitionError("duplicateApp", `app ${id} already exists`);
    const secret = input.secret ?? newSharedSecret();
    const lifetime = input.sessionLifetimeSeconds ?? Defaults.sessionLifetimeSeconds;
    const lead = input.refreshLeadSeconds ?? Defaults.refreshLeadSeconds;
    const now = this.clock.now();
    this.db.transaction(() => {
      statement(
        this.db,
        `INSERT INTO apps (id, name, secret, identity_enabled, session_lifetime_seconds, refresh_lead_seconds,
             created_at, secret_rotated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(id, input.name ?? id, secret, input.identityEnabled === false ? 0 : 1, lifetime, lead, now, now);
      for (const field of input.customFields ?? []) this.defineCustomField(id, field);
      for (const tag of input.tags ?? []) this.defineTag(id, tag);
    })();
    this.cache.invalidate();
    return { app: this.get(id), secret };
  }

  /** The app with this id, or undefined. */
  find(id: string): App | undefined {
    const app = this.cache.get(id, () => {
      const row = statement(this.db, "SELECT * FROM apps WHERE id = ?").get(id) as AppRow | undefined;
      return row ? this.toApp(row) : undefined;
    });
    if (app) this.tell(app.secret);
    return app;
  }

  /** The app with this id; throws `unknownApp` otherwise. */
  get(id: string): App {
    const app = this.find(id);
    if (!app) throw new AppDefinitionError("unknownApp", `no app ${id}`);
    return app;
  }

  /** How many users each app has (apps without users are absent). */
  userCounts(): Map<string, number> {
    const rows = statement(this.db, "SELECT app_id, COUNT(*) AS n FROM users GROUP BY app_id").all() as {
      app_id: string;
      n: number;
    }[];
    return new Map(rows.map((r) => [r.app_id, r.n]));
  }

  /** Every app, oldest first. */
  list(): App[] {
    const rows = statement(this.db, "SELECT * FROM apps ORDER BY created_at, id").all() as AppRow[];
    return rows.map((row) => this.toApp(row));
  }

  /**
   * Replaces the app's secret: tokens signed with the old one stop verifying at once. Returns the new secret.
   *
   * @example
   * const secret = apps.rotateSecret("demo");
   */
  rotateSecret(id: string): string {
    this.get(id);
    const secret = newSharedSecret();
    this.tell(secret);
    statement(this.db, "UPDATE apps SET secret = ?, secret_rotated_at = ? WHERE id = ?").run(
      secret,
      this.clock.now(),
      id,
    );
    this.cache.invalidate();
    return secret;
  }

  /** Turns the identity feature on or off for the app's domain. */
  setIdentityEnabled(id: string, enabled: boolean): App {
    return this.update(id, { identityEnabled: enabled });
  }

  /** Changes session lifetime and/or refresh lead (seconds). */
  setSessionSettings(id: string, settings: { sessionLifetimeSeconds?: number; refreshLeadSeconds?: number }): App {
    return this.update(id, settings);
  }

  /**
   * Changes name, identity feature and session settings at once (each optional); nothing changes when a field is
   * invalid (`invalidAppDefinition` naming every offending field).
   *
   * @example
   * apps.update("demo", { identityEnabled: false, sessionLifetimeSeconds: 3600 });
   */
  update(id: string, change: AppChange): App {
    const app = this.get(id);
    refuseIfInvalid(appDefinitionErrors(change));
    statement(
      this.db,
      `UPDATE apps SET name = ?, identity_enabled = ?, session_lifetime_seconds = ?, refresh_lead_seconds = ?
         WHERE id = ?`,
    ).run(
      change.name ?? app.name,
      (change.identityEnabled ?? app.identityEnabled) ? 1 : 0,
      change.sessionLifetimeSeconds ?? app.sessionLifetimeSeconds,
      change.refreshLeadSeconds ?? app.refreshLeadSeconds,
      id,
    );
    this.cache.invalidate();
    return this.get(id);
  }

  /** Adds or replaces a custom user field definition. */
  defineCustomField(appId: string, field: CustomFieldDefinition): void {
    const problem = customFieldError(field);
    if (problem) throw new AppDefinitionError("invalidAppDefinition", `custom field: ${problem}`, { field: problem });
    const { name, type, options } = field;
    statement(
      this.db,
      "INSERT OR REPLACE INTO custom_field_definitions (app_id, name, type, options) VALUES (?, ?, ?, ?)",
    ).run(appId, name, type, type === "dropdown" ? JSON.stringify(options) : null);
    this.cache.invalidate();
  }

  /** Adds a tag definition (idempotent). */
  defineTag(appId: string, tag: string): void {
    const problem = tagError(tag);
    if (problem) throw new AppDefinitionError("invalidAppDefinition", `tag: ${problem}`, { tag: problem });
    statement(this.db, "INSERT OR IGNORE INTO tag_definitions (app_id, tag) VALUES (?, ?)").run(appId, tag);
    this.cache.invalidate();
  }

  private tell(secret: string): void {
    if (this.told.has(secret)) return;
    this.told.add(secret);
    this.onSecret(secret);
  }

  private toApp(row: AppRow): App {
    this.tell(row.secret);
    const fields = statement(
      this.db,
      "SELECT name, type, options FROM custom_field_definitions WHERE app_id = ? ORDER BY name",
    ).all(row.id) as { name: string; type: CustomFieldType; options: string | null }[];
    const tags = statement(this.db, "SELECT tag FROM tag_definitions WHERE app_id = ? ORDER BY tag").all(row.id) as {
      tag: string;
    }[];
    return {
      id: row.id,
      name: row.name,
      secret: row.secret,
      identityEnabled: row.identity_enabled === 1,
      sessionLifetimeSeconds: row.session_lifetime_seconds,
      refreshLeadSeconds: row.refresh_lead_seconds,
      createdAt: row.created_at,
      secretRotatedAt: row.secret_rotated_at,
      customFields: fields.map((f) =>
        f.options === null
          ? { name: f.name, type: f.type }
          : { name: f.name, type: f.type, options: JSON.parse(f.options) },
      ),
      tags: tags.map((t) => t.tag),
    };
  }
}
