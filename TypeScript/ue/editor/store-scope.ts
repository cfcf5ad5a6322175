/**
 * Keeps each (service, app id) pair's persisted tester state apart inside the editor tester's one storage
 * folder (Saved/HelpshiftTS/EditorTester): switching the app id or the service URL must never restore another
 * pair's session or anonymous id. The service URL enters as a short SHA-256 prefix so keys stay short after
 * the bridge store's file-name escaping.
 *
 * @example
 * const store = scopedStore(bridgeStore, storeScope("demo", "http://127.0.0.1:8787"));
 * store.set("session", "{...}"); // file key of "demo~3f1c0a9b2e7d:session"
 */
import { utf8Encode } from "../../contract";
import type { Store } from "../../core/ports";
import { sha256 } from "../../tester/sha256";

/** Hex digits of the service URL's hash kept in the scope (48 bits: enough to tell a developer's services apart). */
const SERVICE_HASH_HEX = 12;

/**
 * The key prefix of one (app id, service URL) pair.
 *
 * @example
 * storeScope("demo", "http://127.0.0.1:8787") // "demo~<12 hex>:"
 */
export function storeScope(appId: string, serviceUrl: string): string {
  let hex = "";
  for (const byte of sha256(utf8Encode(serviceUrl))) hex += (byte < 16 ? "0" : "") + byte.toString(16);
  return `${appId}~${hex.slice(0, SERVICE_HASH_HEX)}:`;
}

/**
 * `store` seen through `prefix`.
 *
 * @example
 * scopedStore(store, "demo~abc:").get("session") // store.get("demo~abc:session")
 */
export function scopedStore(store: Store, prefix: string): Store {
  return {
    get: (key) => store.get(prefix + key),
    set: (key, value) => store.set(prefix + key, value),
    remove: (key) => store.remove(prefix + key),
  };
}
