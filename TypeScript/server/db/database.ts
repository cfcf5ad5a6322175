/**
 * Opens the service's SQLite database and brings its schema up to date.
 *
 * @example
 * const db = openDatabase(":memory:");
 * const db2 = openDatabase(join(dataDir, "identity.sqlite"));
 */
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { prepareDatabaseFile } from "./file-modes";
import { MIGRATIONS, type Migration } from "./migrations";

export type Db = Database.Database;

/** The database file's name inside a data directory. */
export const DATABASE_FILE_NAME = "identity.sqlite";

/**
 * Opens (creating when needed) the database at `path` (`:memory:` for tests) and applies pending migrations.
 * When that fails (not a database, a failing migration) the handle is closed and the error rethrown.
 *
 * @example
 * const db = openDatabase(":memory:");
 */
export function openDatabase(path: string, migrations: readonly Migration[] = MIGRATIONS): Db {
  // App secrets live in this file: only the service's user may read it (SQLite gives -wal/-shm the same mode).
  if (path !== ":memory:") prepareDatabaseFile(dirname(path), path);
  const db = new Database(path);
  try {
    // WAL keeps readers unblocked by the writer and makes each commit durable without rewriting the file.
    if (path !== ":memory:") {
      db.pragma("journal_mode = WAL");
      // With WAL, NORMAL syncs the log at checkpoints instead of at every commit. A commit survives a crash of
      // the process (the OS has the pages); only a power loss or kernel crash may undo the last commits, never
      // corrupt the file. That trade is the usual one for WAL (docs/service.md, "Durability").
      db.pragma("synchronous = NORMAL");
    }
    db.pragma("foreign_keys = ON");
    migrate(db, migrations);
  } catch (error) {
    // A corrupt file or a failing migration: the caller gets the error, not a handle, so close it here, or
    // the file stays open (and locked on some platforms) for the life of the process.
    db.close();
    throw error;
  }
  return db;
}

/**
 * Applies every migration above the database's version, each in its own transaction. Returns the new version.
 *
 * @example
 * migrate(db); // 1
 */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): number {
  db.exec(
    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
  );
  let current = schemaVersion(db);
  const ordered = [...migrations].sort((a, b) => a.version - b.version);
  for (const migration of ordered) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)").run(
        migration.version,
        migration.name,
        new Date().toISOString(),
      );
    })();
    current = migration.version;
  }
  return current;
}

/** The highest applied migration version (0 for an empty database). */
export function schemaVersion(db: Db): number {
  const row = db.prepare("SELECT MAX(version) AS version FROM schema_migrations").get() as
    | { version: number | null }
    | undefined;
  return row?.version ?? 0;
}
