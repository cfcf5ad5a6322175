/**
 * Sessions: an opaque random bearer token, kept only as its SHA-256, with an expiry on the service clock and a
 * revocation mark set by logout.
 *
 * @example
 * const { token, expiresAt } = sessions.open(app, user.id);
 * const check = sessions.check(app.id, token); // { ok: true, userId } or { ok: false, detail }
 */
import { FailureDetail } from "../contract";
import type { Db } from "./db/database";
import { statement } from "./db/statements";
import { hashToken, newSessionToken } from "./secrets";

export type SessionCheck =
  | { readonly ok: true; readonly userId: string; readonly expiresAt: number; readonly tokenHash: string }
  | { readonly ok: false; readonly detail?: FailureDetail };

interface SessionRow {
  user_id: string;
  app_id: string;
  expires_at: number;
  revoked_at: number | null;
  token_hash: string;
}

export class SessionRepository {
  constructor(
    private readonly db: Db,
    private readonly clock: { now(): number },
  ) {}

  /**
   * Opens a session for the user; the token is returned once and never stored in clear.
   *
   * @example
   * sessions.open({ id: "demo", sessionLifetimeSeconds: 3600 }, "usr_1");
   */
  open(app: { id: string; sessionLifetimeSeconds: number }, userId: string): { token: string; expiresAt: number } {
    const token = newSessionToken();
    const now = this.clock.now();
    const expiresAt = now + app.sessionLifetimeSeconds * 1000;
    statement(
      this.db,
      "INSERT INTO sessions (token_hash, app_id, user_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
    ).run(hashToken(token), app.id, userId, now, expiresAt);
    return { token, expiresAt };
  }

  /**
   * Checks a bearer token for an app. Unknown (or another app's) → no detail; revoked → `sessionRevoked`;
   * past expiry → `sessionExpired`.
   */
  check(appId: string, token: string): SessionCheck {
    const row = statement(this.db, "SELECT * FROM sessions WHERE token_hash = ?").get(hashToken(token)) as
      | SessionRow
      | undefined;
    if (!row || row.app_id !== appId) return { ok: false };
    if (row.revoked_at !== null) return { ok: false, detail: FailureDetail.sessionRevoked };
    if (this.clock.now() >= row.expires_at) return { ok: false, detail: FailureDetail.sessionExpired };
    return { ok: true, userId: row.user_id, expiresAt: row.expires_at, tokenHash: row.token_hash };
  }

  /** Revokes one session (logout). */
  revoke(tokenHash: string): void {
    statement(this.db, "UPDATE sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL").run(
      this.clock.now(),
      tokenHash,
    );
  }
}
