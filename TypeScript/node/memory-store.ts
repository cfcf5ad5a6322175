/**
 * The core's `Store` in memory: for tests and for clients that must not leave anything on disk.
 *
 * @example
 * const store = createMemoryStore();
 * store.set("k", "v"); store.get("k"); // "v"
 */
import type { Store } from "../core/ports";

/** Makes an empty memory store. */
export function createMemoryStore(): Store {
  const values = new Map<string, string>();
  return {
    get: (key) => values.get(key),
    set: (key, value) => {
      values.set(key, value);
    },
    remove: (key) => {
      values.delete(key);
    },
  };
}
