import type { LoginResponse } from "../contract";
import type { SessionRecord } from "./persisted";

/**
 * The session a login answer starts, on the local clock: the service's `expiresAt` is moved by the skew
 * measured now (`serverTime - localNow`), and the refresh moment is `leadSeconds` before expiry.
 *
 * @example
 * // server 2 h ahead: expiresAt (server) 12:00 → 10:00 on our clock
 * sessionRecordFromLogin(response, clock.now(), 48 * 3600);
 */
export function sessionRecordFromLogin(response: LoginResponse, localNow: number, leadSeconds: number): SessionRecord {
  const skew = response.serverTime - localNow;
  const expiresAt = response.expiresAt - skew;
  return {
    userId: response.userId,
    anonymous: response.anonymous,
    sessionToken: response.sessionToken,
    expiresAt,
    refreshAt: expiresAt - leadSeconds * 1000,
    refreshSent: false,
  };
}
