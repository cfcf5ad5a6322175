/**
 * The apps the service has loaded, kept between requests and dropped as soon as the database says an app may
 * have changed. Two ways an app changes while the service runs:
 * - through this connection (an `AppRepository` on the same database object): it calls `invalidate()`;
 * - through another connection, e.g. `helpshift-ts app rotate-secret` in another process on the same file:
 *   SQLite's `PRAGMA data_version` changes whenever another connection commits, and every lookup compares it
 *   (one cheap pragma step), so the next request after the CLI's commit sees the new secret or flag.
 * One cache per connection (WeakMap), shared by every repository on it, so no repository can miss another's write.
 *
 * @example
 * const cache = appCacheOf(db);
 * const app = cache.get("demo", () => loadFromRows("demo"));
 * cache.invalidate(); // after this connection wrote an app
 */

import type { Db } from "./db/database";
import { statement } from "./db/statements";

/** What the cache holds per id: the loaded value, `undefined` included (an unknown id is asked for too). */
export class AppCache<T> {
  private readonly entries = new Map<string, T | undefined>();
  private dataVersion: number;

  constructor(private readonly db: Db) {
    this.dataVersion = this.readDataVersion();
  }

  /**
   * The cached value for `id`, or `load()`'s (then cached) when absent or when another connection has
   * committed since the cache was filled.
   *
   * @example
   * cache.get("demo", () => repository.load("demo"));
   */
  get(id: string, load: () => T | undefined): T | undefined {
    const version = this.readDataVersion();
    if (version !== this.dataVersion) {
      this.entries.clear();
      this.dataVersion = version;
    }
    if (this.entries.has(id)) return this.entries.get(id);
    const value = load();
    // Unknown ids are not remembered: a caller could otherwise fill memory with made-up ids.
    if (value !== undefined) this.entries.set(id, value);
    return value;
  }

  /** Forgets everything (this connection changed an app). */
  invalidate(): void {
    this.entries.clear();
  }

  private readDataVersion(): number {
    return (statement(this.db, "PRAGMA data_version").get() as { data_version: number }).data_version;
  }
}

const caches = new WeakMap<Db, AppCache<unknown>>();

/**
 * The app cache of a connection (made on first use).
 *
 * @example
 * appCacheOf<App>(db).get(id, () => load(id));
 */
export function appCacheOf<T>(db: Db): AppCache<T> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new AppCache<unknown>(db);
    caches.set(db, cache);
  }
  return cache as AppCache<T>;
}
