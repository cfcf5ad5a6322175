import { ANONYMOUS_ID_PREFIX, base64UrlEncode, Limits } from "../contract";
import type { PersistedState } from "./persisted";
import type { Random } from "./ports";

/** Random bytes in an anonymous id: `Limits.anonymousIdBits` (128, like a UUID), the least the service takes. */
export const ANONYMOUS_ID_BYTES = Limits.anonymousIdBits / 8;

/**
 * A fresh anonymous id: `hsft_anon_` + 16 random bytes in base64url (22 characters).
 *
 * @example
 * newAnonymousId(ports.random) // "hsft_anon_q3Xk..."
 */
export function newAnonymousId(random: Random): string {
  return ANONYMOUS_ID_PREFIX + base64UrlEncode(random.bytes(ANONYMOUS_ID_BYTES));
}

/**
 * The persisted anonymous id of empty-JWT logins: created once, reused until a non-empty-JWT login discards it.
 *
 * @example
 * const ids = createAnonymousIds(state, ports.random);
 * ids.current(); // same value on every call until ids.discard()
 */
export function createAnonymousIds(state: PersistedState, random: Random) {
  return {
    /** The stored id, created (and stored) when there is none. */
    current(): string {
      const stored = state.readAnonymousId();
      if (stored?.startsWith(ANONYMOUS_ID_PREFIX)) return stored;
      const id = newAnonymousId(random);
      state.writeAnonymousId(id);
      return id;
    },
    /** Forgets the stored id (after a successful login with an identity token). */
    discard(): void {
      state.writeAnonymousId(undefined);
    },
  };
}

/** The persisted anonymous id of empty-JWT logins. */
export type AnonymousIds = ReturnType<typeof createAnonymousIds>;
