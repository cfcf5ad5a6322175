/**
 * The service's schema, as an ordered list of versioned migrations. A migration is never edited once shipped:
 * a change to the schema is a new entry with the next version.
 *
 * @example
 * for (const m of MIGRATIONS) if (m.version > current) db.exec(m.sql);
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "apps, users, identities, sessions, attributes",
    sql: `
      CREATE TABLE apps (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        secret TEXT NOT NULL,
        identity_enabled INTEGER NOT NULL,
        session_lifetime_seconds INTEGER NOT NULL,
        refresh_lead_seconds INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        secret_rotated_at INTEGER NOT NULL
      );
      CREATE TABLE custom_field_definitions (
        app_id TEXT NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        options TEXT,
        PRIMARY KEY (app_id, name)
      );
      CREATE TABLE tag_definitions (
        app_id TEXT NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
        tag TEXT NOT NULL,
        PRIMARY KEY (app_id, tag)
      );
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        app_id TEXT NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
        anonymous_id TEXT,
        anonymous INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        last_login_at INTEGER NOT NULL
      );
      CREATE UNIQUE INDEX users_anonymous_id ON users(app_id, anonymous_id) WHERE anonymous_id IS NOT NULL;
      CREATE TABLE identities (
        app_id TEXT NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
        identifier TEXT NOT NULL,
        value TEXT NOT NULL,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        metadata TEXT NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (app_id, identifier, value)
      );
      CREATE INDEX identities_user ON identities(user_id);
      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        app_id TEXT NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        revoked_at INTEGER
      );
      CREATE INDEX sessions_user ON sessions(user_id);
      CREATE TABLE attributes (
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        scope TEXT NOT NULL,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (user_id, scope, key)
      );
      CREATE TABLE user_tags (
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        tag TEXT NOT NULL,
        PRIMARY KEY (user_id, tag)
      );
      CREATE TABLE attribute_batches (
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        batch_id TEXT NOT NULL,
        response TEXT NOT NULL,
        applied_at INTEGER NOT NULL,
        PRIMARY KEY (user_id, batch_id)
      );
    `,
  },
];
