/**
 * Keeps each (service, app id) pair's persisted tester state apart inside the editor tester's one storage
 * folder (Saved/HelpshiftTS/EditorTester): switching the app id or the service URL must never restore another
 * pair's session or anonymous id. The pair enters as a short SHA-256 prefix, beside the app id when that is
 * short, so file names stay readable and every key stays well under the bridge's 200-character limit after
 * the store's file-name escaping, whatever the app id and URL.
 *
 * @example
 * const store = scopedStore(bridgeStore, storeScope("demo", "http://127.0.0.1:8787"));
 * store.set("session", "{...}"); // file key of "demo~3f1c0a9b2e7d:session"
 */
import { utf8Encode } from "../../contract";
import type { Store } from "../../core/ports";
import { sha256 } from "../../tester/sha256";
import { storeFileKey } from "../adapters/store";

/** Hex digits of the pair's hash kept in the scope (48 bits: enough to tell a developer's apps and services apart). */
const SCOPE_HASH_HEX = 12;

/** Longest escaped app id shown in file names; longer ones are named by the hash alone. */
const MAX_READABLE_APP_ID = 48;

/**
 * The key prefix of one (app id, service URL) pair.
 *
 * @example
 * storeScope("demo", "http://127.0.0.1:8787") // "demo~<12 hex>:"
 */
export function storeScope(appId: string, serviceUrl: string): string {
  let hex = "";
  // A newline cannot be part of a URL, so (app, url) pairs cannot run into each other.
  for (const byte of sha256(utf8Encode(`${appId}\n${serviceUrl}`))) hex += (byte < 16 ? "0" : "") + byte.toString(16);
  const readable = storeFileKey(appId).length <= MAX_READABLE_APP_ID ? appId : "app";
  return `${readable}~${hex.slice(0, SCOPE_HASH_HEX)}:`;
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
