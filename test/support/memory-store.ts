/**
 * An in-memory {@link Store} that tests can inspect and pre-seed (also with corrupt values).
 *
 * @example
 * const store = new MemoryStore({ "helpshift.session": "{not json" });
 * createHelpshiftClient({ ...ports, store });
 * expect(store.get("helpshift.session")).toBeUndefined();
 */
import type { Store } from "../../TypeScript/core/ports";

/** See the module example. */
export class MemoryStore implements Store {
  readonly data = new Map<string, string>();
  /** Every write and remove, in order. */
  readonly writes: Array<{ op: "set" | "remove"; key: string; value?: string }> = [];

  constructor(seed: Readonly<Record<string, string>> = {}) {
    for (const [key, value] of Object.entries(seed)) this.data.set(key, value);
  }

  get(key: string): string | undefined {
    return this.data.get(key);
  }

  set(key: string, value: string): void {
    this.writes.push({ op: "set", key, value });
    this.data.set(key, value);
  }

  remove(key: string): void {
    this.writes.push({ op: "remove", key });
    this.data.delete(key);
  }

  /** The stored value parsed as JSON (undefined when absent). */
  json(key: string): unknown {
    const text = this.data.get(key);
    return text === undefined ? undefined : JSON.parse(text);
  }

  /** Every key and value, for snapshots and "nothing left behind" checks. */
  snapshot(): Record<string, string> {
    return Object.fromEntries(this.data);
  }
}
