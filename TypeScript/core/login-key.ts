import type { LoginMode } from "../contract";

/** What {@link loginKeyOf} reads from a login plan. */
export interface KeyedPlan {
  readonly mode: LoginMode;
  readonly identities: ReadonlyArray<{ readonly identifier: string; readonly value: string }>;
}

/**
 * Names the user a login is for, as far as the client can tell before the service answers: `uid:<uid>` (the
 * service's authoritative key), `email:<first email>` (full privacy off, no uid), `anon:<anonymous id>` (empty JWT)
 * or `private:<anonymous id>` (full privacy without uid). Two logins with the same key are the same user, so the
 * second renews in place.
 *
 * @example
 * loginKeyOf({ mode: "uid", identities: [{ identifier: "uid", value: "42" }] }) // "uid:42"
 * loginKeyOf({ mode: "anonymous", identities: [] }, "hsft_anon_…") // "anon:hsft_anon_…"
 */
export function loginKeyOf(plan: KeyedPlan, anonymousId?: string): string | undefined {
  const first = (identifier: string) => plan.identities.find((i) => i.identifier === identifier)?.value;
  switch (plan.mode) {
    case "uid":
      return `uid:${first("uid")}`;
    case "email":
      return `email:${first("email")}`;
    case "anonymous":
      return anonymousId === undefined ? undefined : `anon:${anonymousId}`;
    case "privateAnonymous":
      return anonymousId === undefined ? undefined : `private:${anonymousId}`;
  }
}

/** The anonymous id in a key made by {@link loginKeyOf}, if it is an anonymous user's. */
export function anonymousIdOfKey(key: string | undefined): string | undefined {
  const match = key === undefined ? null : /^(?:anon|private):(.*)$/.exec(key);
  return match ? match[1] : undefined;
}

/** True for the key of an empty-JWT login: its refresh needs no token, only the same anonymous id. */
export const isEmptyTokenKey = (key: string | undefined): boolean => key?.startsWith("anon:") === true;
