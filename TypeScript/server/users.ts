/**
 * Users and their identities. An identity (identifier + value) belongs to at most one user of an app; `uid` is
 * authoritative, `email` identifies a user only when there is no uid and full privacy is off, and anonymous
 * users are found by the `hsft_anon_` id their device keeps.
 *
 * @example
 * const users = new UserRepository(db, clock);
 * const user = users.resolveByIdentity(app.id, "uid", "42") ?? users.create(app.id, { anonymous: false });
 */
import type { Identifier, IdentityEntry } from "../contract";
import type { Db } from "./db/database";
import { statement } from "./db/statements";
import { newId } from "./secrets";

export interface User {
  readonly id: string;
  readonly appId: string;
  readonly anonymous: boolean;
  readonly anonymousId?: string;
}

export interface StoredIdentity {
  readonly identifier: string;
  readonly value: string;
  readonly metadata: Record<string, string>;
}

/** An identity with when it was last written. */
export interface DatedIdentity extends StoredIdentity {
  readonly updatedAt: number;
}

/** A user row as the console lists it. */
export interface UserListing extends User {
  readonly createdAt: number;
  readonly lastLoginAt: number;
}

/** `search`: which users, and where a page starts. */
export interface UserSearch {
  readonly appId?: string;
  /** Case-insensitive substring of any identity value, the user id or the anonymous id. */
  readonly q?: string;
  readonly limit: number;
  /** The last user of the previous page: the page starts after it (newest last login first). */
  readonly before?: { readonly lastLoginAt: number; readonly id: string };
}

/** What happened to one identity given to {@link UserRepository.attachIdentities}. */
export type AttachOutcome = "added" | "ownedByAnotherUser" | "conflictingUid";

interface UserRow {
  id: string;
  app_id: string;
  anonymous: number;
  anonymous_id: string | null;
  created_at: number;
  last_login_at: number;
}

export class UserRepository {
  /** Built once: better-sqlite3 makes new wrapper functions on every `db.transaction(...)` call. */
  private readonly inTransaction: (body: () => void) => void;

  constructor(
    private readonly db: Db,
    private readonly clock: { now(): number },
  ) {
    this.inTransaction = db.transaction((body: () => void) => body());
  }

  /** The user owning `identifier = value` in the app, if any. */
  findByIdentity(appId: string, identifier: Identifier, value: string): User | undefined {
    const row = statement(
      this.db,
      `SELECT u.* FROM identities i JOIN users u ON u.id = i.user_id
         WHERE i.app_id = ? AND i.identifier = ? AND i.value = ?`,
    ).get(appId, identifier, value) as UserRow | undefined;
    return row ? toUser(row) : undefined;
  }

  /**
   * The owner of the first of `keys` that has one: a player whose token carries two emails is found by either.
   *
   * @example
   * users.findByAnyIdentity(app.id, [{ identifier: "email", value: "new@x.io" }, { identifier: "email", value: "a@x.io" }]);
   */
  findByAnyIdentity(appId: string, keys: readonly IdentityEntry[]): User | undefined {
    for (const key of keys) {
      const user = this.findByIdentity(appId, key.identifier, key.value);
      if (user) return user;
    }
    return undefined;
  }

  /** The anonymous user with this device id, if any. */
  findByAnonymousId(appId: string, anonymousId: string): User | undefined {
    const row = statement(this.db, "SELECT * FROM users WHERE app_id = ? AND anonymous_id = ?").get(
      appId,
      anonymousId,
    ) as UserRow | undefined;
    return row ? toUser(row) : undefined;
  }

  /** The user with this id, if any. */
  find(userId: string): User | undefined {
    const row = statement(this.db, "SELECT * FROM users WHERE id = ?").get(userId) as UserRow | undefined;
    return row ? toUser(row) : undefined;
  }

  /** Creates a user; anonymous users carry their device id. */
  create(appId: string, options: { anonymousId?: string }): User {
    const id = newId("usr");
    const now = this.clock.now();
    statement(
      this.db,
      "INSERT INTO users (id, app_id, anonymous_id, anonymous, created_at, last_login_at) VALUES (?, ?, ?, ?, ?, ?)",
    ).run(id, appId, options.anonymousId ?? null, options.anonymousId === undefined ? 0 : 1, now, now);
    return {
      id,
      appId,
      anonymous: options.anonymousId !== undefined,
      ...(options.anonymousId ? { anonymousId: options.anonymousId } : {}),
    };
  }

  /** Records a login. */
  touch(userId: string): void {
    statement(this.db, "UPDATE users SET last_login_at = ? WHERE id = ?").run(this.clock.now(), userId);
  }

  /**
   * Attaches identities to a user. An identity owned by another user is refused; a second, different uid too
   * (a user has one uid). An identifier may come with several values (two emails): each is stored. An identity
   * the user already has gets its metadata replaced (and `updated_at` moved) only when the metadata differs: a
   * returning user's login then writes no identity page. Outcomes are keyed by identifier, as the protocol's
   * errors are: an identifier is "added" only when every one of its values was; otherwise its first refusal.
   *
   * @example
   * users.attachIdentities(user, [{ identifier: "email", value: "a@b.c" }]); // { email: "added" }
   */
  attachIdentities(user: User, identities: readonly IdentityEntry[]): Record<string, AttachOutcome> {
    const outcomes: Record<string, AttachOutcome> = {};
    const now = this.clock.now();
    const upsert = statement(
      this.db,
      `INSERT INTO identities (app_id, identifier, value, user_id, metadata, updated_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (app_id, identifier, value) DO UPDATE SET metadata = excluded.metadata, updated_at = excluded.updated_at
       WHERE metadata IS NOT excluded.metadata`,
    );
    this.inTransaction(() => {
      for (const identity of identities) {
        const owner = this.findByIdentity(user.appId, identity.identifier, identity.value);
        if (owner && owner.id !== user.id) {
          recordOutcome(outcomes, identity.identifier, "ownedByAnotherUser");
          continue;
        }
        if (identity.identifier === "uid" && !owner && this.identitiesOf(user.id).some((i) => i.identifier === "uid")) {
          recordOutcome(outcomes, identity.identifier, "conflictingUid");
          continue;
        }
        upsert.run(
          user.appId,
          identity.identifier,
          identity.value,
          user.id,
          JSON.stringify(identity.metadata ?? {}),
          now,
        );
        recordOutcome(outcomes, identity.identifier, "added");
      }
    });
    return outcomes;
  }

  /** The user's identities, sorted by identifier then value. */
  identitiesOf(userId: string): StoredIdentity[] {
    const rows = statement(
      this.db,
      "SELECT identifier, value, metadata FROM identities WHERE user_id = ? ORDER BY identifier, value",
    ).all(userId) as { identifier: string; value: string; metadata: string }[];
    return rows.map((r) => ({ identifier: r.identifier, value: r.value, metadata: JSON.parse(r.metadata) }));
  }

  /** The user's identities with when each was last written, uid first, then by identifier and value. */
  datedIdentitiesOf(userId: string): DatedIdentity[] {
    const rows = statement(
      this.db,
      `SELECT identifier, value, metadata, updated_at FROM identities WHERE user_id = ?
         ORDER BY identifier <> 'uid', identifier, value`,
    ).all(userId) as { identifier: string; value: string; metadata: string; updated_at: number }[];
    return rows.map((r) => ({
      identifier: r.identifier,
      value: r.value,
      metadata: JSON.parse(r.metadata),
      updatedAt: r.updated_at,
    }));
  }

  /** The user with its creation and last login times, if any. */
  listing(userId: string): UserListing | undefined {
    const row = statement(this.db, "SELECT * FROM users WHERE id = ?").get(userId) as UserRow | undefined;
    return row ? toListing(row) : undefined;
  }

  /**
   * Users newest last login first (ties by id, descending), filtered by app and a search text; one page of
   * `limit`. Four statement shapes at most (app filter on/off × cursor on/off), so the statement cache stays small.
   *
   * @example
   * users.search({ appId: "demo", q: "@example.com", limit: 50 });
   */
  search(query: UserSearch): UserListing[] {
    const where = [
      "(? = '' OR instr(lower(u.id), ?) > 0 OR instr(lower(coalesce(u.anonymous_id, '')), ?) > 0",
      "   OR EXISTS (SELECT 1 FROM identities i WHERE i.user_id = u.id AND instr(lower(i.value), ?) > 0))",
    ];
    const q = (query.q ?? "").toLowerCase();
    const params: unknown[] = [q, q, q, q];
    if (query.appId !== undefined) {
      where.push("AND u.app_id = ?");
      params.push(query.appId);
    }
    if (query.before) {
      where.push("AND (u.last_login_at < ? OR (u.last_login_at = ? AND u.id < ?))");
      params.push(query.before.lastLoginAt, query.before.lastLoginAt, query.before.id);
    }
    const sql = `SELECT u.* FROM users u WHERE ${where.join(" ")} ORDER BY u.last_login_at DESC, u.id DESC LIMIT ?`;
    const rows = statement(this.db, sql).all(...params, query.limit) as UserRow[];
    return rows.map(toListing);
  }

  /** How many users there are. */
  count(): number {
    return (statement(this.db, "SELECT COUNT(*) AS n FROM users").get() as { n: number }).n;
  }

  /**
   * Deletes a user and everything of theirs (identities, sessions, attributes, tags, batch answers): the
   * foreign keys cascade. Returns how many sessions went with them, or undefined for an unknown user.
   */
  delete(userId: string): { sessions: number } | undefined {
    let sessions = 0;
    let found = false;
    this.inTransaction(() => {
      sessions = (
        statement(this.db, "SELECT COUNT(*) AS n FROM sessions WHERE user_id = ?").get(userId) as {
          n: number;
        }
      ).n;
      found = statement(this.db, "DELETE FROM users WHERE id = ?").run(userId).changes > 0;
    });
    return found ? { sessions } : undefined;
  }

  /**
   * Deletes every user of every app and all that is theirs (identities, sessions, attributes, tags, batch
   * answers); apps stay. Returns what was removed.
   */
  deleteAll(): { users: number; sessions: number } {
    let removed = { users: 0, sessions: 0 };
    this.inTransaction(() => {
      const sessions = (statement(this.db, "SELECT COUNT(*) AS n FROM sessions").get() as { n: number }).n;
      for (const table of ["attribute_batches", "user_tags", "attributes", "sessions", "identities"]) {
        statement(this.db, `DELETE FROM ${table}`).run();
      }
      removed = { users: statement(this.db, "DELETE FROM users").run().changes, sessions };
    });
    return removed;
  }
}

/** Keys an outcome by identifier: a refusal replaces "added", and the first refusal of an identifier stays. */
function recordOutcome(outcomes: Record<string, AttachOutcome>, identifier: string, outcome: AttachOutcome): void {
  const before = outcomes[identifier];
  if (before === undefined || (before === "added" && outcome !== "added")) outcomes[identifier] = outcome;
}

function toListing(row: UserRow): UserListing {
  return { ...toUser(row), createdAt: row.created_at, lastLoginAt: row.last_login_at };
}

function toUser(row: UserRow): User {
  const user: { id: string; appId: string; anonymous: boolean; anonymousId?: string } = {
    id: row.id,
    appId: row.app_id,
    anonymous: row.anonymous === 1,
  };
  if (row.anonymous_id !== null) user.anonymousId = row.anonymous_id;
  return user;
}
