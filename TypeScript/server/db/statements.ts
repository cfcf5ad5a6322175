/**
 * Prepared statements, compiled once per database connection and reused: preparing the same SQL on every
 * request cost about a tenth of the service's CPU under load (docs/performance.md). The cache is keyed by the
 * connection (a WeakMap), so a closed database and its statements are collected together.
 *
 * @example
 * statement(db, "SELECT * FROM users WHERE id = ?").get(userId);
 */
import type Database from "better-sqlite3";
import type { Db } from "./database";

const caches = new WeakMap<Db, Map<string, Database.Statement>>();

/**
 * The prepared statement for `sql` on `db`, compiled on first use. Use it with `get`/`all`/`run` (a cached
 * statement must not be re-run while one of its own `iterate` loops is still open).
 *
 * @example
 * statement(db, "UPDATE users SET last_login_at = ? WHERE id = ?").run(now, userId);
 */
export function statement(db: Db, sql: string): Database.Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let prepared = cache.get(sql);
  if (!prepared) {
    prepared = db.prepare(sql);
    cache.set(sql, prepared);
  }
  return prepared;
}
