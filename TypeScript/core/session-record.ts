import type { LoginConfig, LoginResponse } from "../contract";
import type { SessionRecord } from "./persisted";

/** Who a login named and with which config: kept in the record for in-place renewal and refreshes. */
export interface LoginIdentity {
  readonly loginKey: string;
  readonly loginConfig: LoginConfig;
}

/**
 * The session a login answer starts, on the local clock: the service's `expiresAt` is moved by the skew
 * (`serviceNow - localNow`, from the trusted clock, which heard the answer's `serverTime`), and the refresh moment
 * is `leadSeconds` before expiry. `skewMs` is kept so the service's own expiry can be recovered.
 *
 * @example
 * // server 2 h ahead: expiresAt (server) 12:00 → 10:00 on our clock
 * sessionRecordFromLogin(response, 2 * 3600_000, 48 * 3600);
 */
export function sessionRecordFromLogin(
  response: LoginResponse,
  skewMs: number,
  leadSeconds: number,
  identity?: LoginIdentity,
): SessionRecord {
  const expiresAt = response.expiresAt - skewMs;
  const record: SessionRecord = {
    userId: response.userId,
    anonymous: response.anonymous,
    sessionToken: response.sessionToken,
    expiresAt,
    startedAt: response.serverTime - skewMs,
    refreshAt: expiresAt - leadSeconds * 1000,
    refreshSent: false,
    skewMs,
  };
  if (identity) {
    record.loginKey = identity.loginKey;
    record.loginConfig = { ...identity.loginConfig };
  }
  return record;
}

/** The session's expiry on the service's clock (a record from before `skewMs` existed: the local time). */
export const serviceExpiresAt = (record: SessionRecord): number => record.expiresAt + (record.skewMs ?? 0);

/** The session's refresh moment on the service's clock. */
export const serviceRefreshAt = (record: SessionRecord): number => record.refreshAt + (record.skewMs ?? 0);
