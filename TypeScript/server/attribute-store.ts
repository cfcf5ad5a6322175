/**
 * Stores attribute batches for a user: plain values and custom fields per scope, the master tag set, and the
 * answer of each applied `batchId`, so a retried batch is answered again without being applied twice.
 *
 * @example
 * const store = new AttributeStore(db, clock);
 * const previous = store.previousAnswer(user.id, batchId) ?? store.apply(user.id, batchId, checks, answer);
 */
import { CUSTOM_USER_FIELDS_KEY, customFieldErrorKey } from "../contract";
import type { AcceptedAttributes, AttributeScope } from "./attribute-rules";
import type { Db } from "./db/database";
import { statement } from "./db/statements";

/** A user's stored attributes, per scope, custom fields as a map; tags are master's. */
export interface StoredAttributes {
  readonly master: Record<string, string | Record<string, string>>;
  readonly app: Record<string, string | Record<string, string>>;
  readonly tags: string[];
}

/** A stored value with when it was last written. */
export interface DatedValue {
  readonly value: string;
  readonly updatedAt: number;
}

/** A user's attributes as the console shows them: plain keys per scope, custom fields apart, tags. */
export interface DatedAttributes {
  readonly master: Record<string, DatedValue>;
  readonly app: Record<string, DatedValue>;
  /** Field → the value last written to it, in either scope. */
  readonly customFields: Record<string, DatedValue & { readonly scope: AttributeScope }>;
  readonly tags: string[];
}

const CUSTOM_PREFIX = customFieldErrorKey("");

export class AttributeStore {
  constructor(
    private readonly db: Db,
    private readonly clock: { now(): number },
  ) {}

  /** The stored answer of a batch already applied for this user, if any. */
  previousAnswer(userId: string, batchId: string): unknown | undefined {
    const row = statement(this.db, "SELECT response FROM attribute_batches WHERE user_id = ? AND batch_id = ?").get(
      userId,
      batchId,
    ) as { response: string } | undefined;
    return row ? JSON.parse(row.response) : undefined;
  }

  /**
   * Applies the accepted attributes of both scopes and records the batch's answer, in one transaction.
   *
   * @example
   * store.apply("usr_1", "b-1", { master: accepted }, { master: { refused: {} }, app: { refused: {} } });
   */
  apply(
    userId: string,
    batchId: string,
    accepted: Partial<Record<AttributeScope, AcceptedAttributes>>,
    answer: unknown,
  ): void {
    const now = this.clock.now();
    const upsert = statement(
      this.db,
      `INSERT INTO attributes (user_id, scope, key, value, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (user_id, scope, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    );
    this.db.transaction(() => {
      for (const scope of ["master", "app"] as const) {
        const part = accepted[scope];
        if (!part) continue;
        for (const [key, value] of Object.entries(part.values)) upsert.run(userId, scope, key, value, now);
        for (const [field, value] of Object.entries(part.customFields)) {
          upsert.run(userId, scope, customFieldErrorKey(field), value, now);
        }
        if (scope === "master") this.applyTags(userId, part.tags);
      }
      statement(
        this.db,
        "INSERT INTO attribute_batches (user_id, batch_id, response, applied_at) VALUES (?, ?, ?, ?)",
      ).run(userId, batchId, JSON.stringify(answer), now);
    })();
  }

  /** The user's attributes and tags. */
  read(userId: string): StoredAttributes {
    const rows = statement(
      this.db,
      "SELECT scope, key, value FROM attributes WHERE user_id = ? ORDER BY scope, key",
    ).all(userId) as { scope: AttributeScope; key: string; value: string }[];
    const out: StoredAttributes = { master: {}, app: {}, tags: [] };
    for (const { scope, key, value } of rows) {
      if (key.startsWith(CUSTOM_PREFIX)) {
        const fields = (out[scope][CUSTOM_USER_FIELDS_KEY] ?? {}) as Record<string, string>;
        fields[key.slice(CUSTOM_PREFIX.length)] = value;
        out[scope][CUSTOM_USER_FIELDS_KEY] = fields;
      } else {
        out[scope][key] = value;
      }
    }
    const tags = statement(this.db, "SELECT tag FROM user_tags WHERE user_id = ? ORDER BY tag").all(userId) as {
      tag: string;
    }[];
    out.tags.push(...tags.map((t) => t.tag));
    return out;
  }

  /**
   * The user's attributes with their write times: plain keys per scope; custom fields by field name, the last
   * write of either scope winning; tags.
   */
  readDated(userId: string): DatedAttributes {
    const rows = statement(
      this.db,
      "SELECT scope, key, value, updated_at FROM attributes WHERE user_id = ? ORDER BY updated_at, scope, key",
    ).all(userId) as { scope: AttributeScope; key: string; value: string; updated_at: number }[];
    const out: DatedAttributes = { master: {}, app: {}, customFields: {}, tags: this.read(userId).tags };
    for (const { scope, key, value, updated_at: updatedAt } of rows) {
      if (key.startsWith(CUSTOM_PREFIX))
        out.customFields[key.slice(CUSTOM_PREFIX.length)] = { value, updatedAt, scope };
      else out[scope][key] = { value, updatedAt };
    }
    return out;
  }

  private applyTags(userId: string, tags: AcceptedAttributes["tags"]): void {
    if (tags.reset) statement(this.db, "DELETE FROM user_tags WHERE user_id = ?").run(userId);
    const add = statement(this.db, "INSERT OR IGNORE INTO user_tags (user_id, tag) VALUES (?, ?)");
    for (const tag of tags.reset ?? []) add.run(userId, tag);
    for (const tag of tags.add) add.run(userId, tag);
    const remove = statement(this.db, "DELETE FROM user_tags WHERE user_id = ? AND tag = ?");
    for (const tag of tags.remove) remove.run(userId, tag);
  }
}
