/**
 * An in-memory {@link Store} that tests can inspect and pre-seed (also with corrupt values). A snapshot seeds a
 * new store: the files surviving an app restart.
 *
 * @example
 * const store = new MemoryStore({ "helpshift.session": "{not json" });
 * createHelpshiftClient({ ...ports, store });
 * expect(store.get("helpshift.session")).toBeUndefined();
 * const revived = new MemoryStore(store.snapshot()); // the files after a restart
 */
import type { Store } from "../../TypeScript/core/ports";

/** See the module example. */
export class MemoryStore implements Store {
  readonly data = new Map<string, string>();

  constructor(seed: Readonly<Record<string, string>> = {}) {
    for (const [key, value] of Object.entries(seed)) this.data.set(key, value);
  }

  get(key: string): string | undefined {
    return this.data.get(key);
  }

  set(key: string, value: string): void {
    this.data.set(key, value);
  }

  remove(key: string): void {
    this.data.delete(key);
  }

  /** The stored value parsed as JSON (undefined when absent). */
  json(key: string): unknown {
    const text = this.data.get(key);
    return text === undefined ? undefined : JSON.parse(text);
  }

  /** A copy of every key and value, for snapshots, "nothing left behind" checks and restarts. */
  snapshot(): Record<string, string> {
    return Object.fromEntries(this.data);
  }
}
