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

interface AppRow {
  id: string;
  name: string;
  secret: string;
  identity_enabled: number;
  session_lifetime_seconds: number;
  refresh_lead_seconds: number;
  created_at: number;
}

/** Thrown for an invalid app definition or an unknown/duplicate id (CLI and factory input, not HTTP). */
export class AppDefinitionError extends Error {
  constructor(
    readonly code: "invalidAppDefinition" | "unknownApp" | "duplicateApp",
    message: string,
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
    const idCheck = AppIdSchema.safeParse(id);
    if (!idCheck.success)
      throw new AppDefinitionError("invalidAppDefinition", `app id: ${idCheck.error.issues[0]?.message}`);
    if (this.find(id)) throw new AppDefinitionError("duplicateApp", `app ${id} already exists`);
    const secret = input.secret ?? newSharedSecret();
    const lifetime = input.sessionLifetimeSeconds ?? Defaults.sessionLifetimeSeconds;
    const lead = input.refreshLeadSeconds ?? Defaults.refreshLeadSeconds;
    if (!Number.isInteger(lifetime) || lifetime < 1) {
      throw new AppDefinitionError("invalidAppDefinition", "session lifetime: a positive integer of seconds");
    }
    if (!Number.isInteger(lead) || lead < 0) {
      throw new AppDefinitionError("invalidAppDefinition", "refresh lead: a non-negative integer of seconds");
    }
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
    this.get(id);
    statement(this.db, "UPDATE apps SET identity_enabled = ? WHERE id = ?").run(enabled ? 1 : 0, id);
    this.cache.invalidate();
    return this.get(id);
  }

  /** Changes session lifetime and/or refresh lead (seconds). */
  setSessionSettings(id: string, settings: { sessionLifetimeSeconds?: number; refreshLeadSeconds?: number }): App {
    const app = this.get(id);
    const lifetime = settings.sessionLifetimeSeconds ?? app.sessionLifetimeSeconds;
    const lead = settings.refreshLeadSeconds ?? app.refreshLeadSeconds;
    if (!Number.isInteger(lifetime) || lifetime < 1 || !Number.isInteger(lead) || lead < 0) {
      throw new AppDefinitionError("invalidAppDefinition", "session settings: integers of seconds");
    }
    statement(this.db, "UPDATE apps SET session_lifetime_seconds = ?, refresh_lead_seconds = ? WHERE id = ?").run(
      lifetime,
      lead,
      id,
    );
    this.cache.invalidate();
    return this.get(id);
  }

  /** Adds or replaces a custom user field definition. */
  defineCustomField(appId: string, field: CustomFieldDefinition): void {
    const parsed = CustomFieldDefinitionSchema.safeParse(field);
    if (!parsed.success) {
      throw new AppDefinitionError("invalidAppDefinition", `custom field: ${parsed.error.issues[0]?.message}`);
    }
    const { name, type, options } = parsed.data;
    statement(
      this.db,
      "INSERT OR REPLACE INTO custom_field_definitions (app_id, name, type, options) VALUES (?, ?, ?, ?)",
    ).run(appId, name, type, type === "dropdown" ? JSON.stringify(options) : null);
    this.cache.invalidate();
  }

  /** Adds a tag definition (idempotent). */
  defineTag(appId: string, tag: string): void {
    if (tag.length === 0 || tag.length > Limits.tagLength) {
      throw new AppDefinitionError("invalidAppDefinition", `tag: 1-${Limits.tagLength} characters`);
    }
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
      customFields: fields.map((f) =>
        f.options === null
          ? { name: f.name, type: f.type }
          : { name: f.name, type: f.type, options: JSON.parse(f.options) },
      ),
      tags: tags.map((t) => t.tag),
    };
  }
}
