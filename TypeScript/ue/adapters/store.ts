/**
 * The core's `Store` over the bridge's file UFUNCTIONs (one file per key under `Saved/HelpshiftTS/`).
 * Keys are escaped here into a file-name-safe alphabet, so C++ (FHelpshiftTSFileStore) only has to accept
 * `[A-Za-z0-9_-]`, at most 200 characters, and refuse anything else (no path can leave the folder).
 *
 * @example
 * const store = createBridgeStore(bridge, { $ref, $unref });
 * store.set("session", "{...}");
 */
import type { Store } from "../../core/ports";

/** Puerts' out-parameter helpers (from the `puerts` module). */
export interface RefHelpers {
  $ref<T>(x?: T): unknown;
  $unref<T>(x: unknown): T;
}

export interface StoreBridge {
  LoadValue(Key: string, Value: unknown): boolean;
  SaveValue(Key: string, Value: string): boolean;
  RemoveValue(Key: string): boolean;
}

/** Stable code of a failed write: the Store port is synchronous, so a failed write throws this. */
export class StoreWriteError extends Error {
  readonly code = "storeWriteFailed";
  constructor() {
    super("bridge store: write failed");
  }
}

/**
 * File-name-safe key: `[A-Za-z0-9-]` kept, every other UTF-16 unit written `_xxxx` (hex), so the mapping is
 * one-to-one and never produces `.`, `/` or `\`.
 *
 * @example
 * storeFileKey("hs:session") // "hs_003asession"
 */
export function storeFileKey(key: string): string {
  let out = "";
  for (let i = 0; i < key.length; i++) {
    const ch = key.charAt(i);
    if (/[A-Za-z0-9-]/.test(ch)) out += ch;
    else out += "_" + ("0000" + key.charCodeAt(i).toString(16)).slice(-4);
  }
  return out;
}

export function createBridgeStore(bridge: StoreBridge, refs: RefHelpers): Store {
  return {
    get(key) {
      const out = refs.$ref<string>("");
      return bridge.LoadValue(storeFileKey(key), out) ? refs.$unref<string>(out) : undefined;
    },
    set(key, value) {
      if (!bridge.SaveValue(storeFileKey(key), value)) throw new StoreWriteError();
    },
    remove(key) {
      bridge.RemoveValue(storeFileKey(key));
    },
  };
}
