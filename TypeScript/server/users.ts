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

/** What happened to one identity given to {@link UserRepository.attachIdentities}. */
export type AttachOutcome = "added" | "ownedByAnotherUser" | "conflictingUid";

interface UserRow {
  id: string;
  app_id: string;
  anonymous: number;
  anonymous_id: string | null;
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
}

/** Keys an outcome by identifier: a refusal replaces "added", and the first refusal of an identifier stays. */
function recordOutcome(outcomes: Record<string, AttachOutcome>, identifier: string, outcome: AttachOutcome): void {
  const before = outcomes[identifier];
  if (before === undefined || (before === "added" && outcome !== "added")) outcomes[identifier] = outcome;
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
