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
  | {
      readonly ok: false;
      readonly detail?: FailureDetail /** Expired or revoked: whose it was. */;
      readonly userId?: string;
    };

/** Hex characters of a session's stored hash that name it in the console (not a secret: the hash is one-way). */
export const SESSION_ID_LENGTH = 12;

/** A session as the console lists it: never the token, only a short prefix of its hash. */
export interface SessionRecord {
  readonly id: string;
  readonly createdAt: number;
  readonly expiresAt: number;
  readonly revokedAt?: number;
}

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
    if (row.revoked_at !== null) return { ok: false, detail: FailureDetail.sessionRevoked, userId: row.user_id };
    if (this.clock.now() >= row.expires_at)
      return { ok: false, detail: FailureDetail.sessionExpired, userId: row.user_id };
    return { ok: true, userId: row.user_id, expiresAt: row.expires_at, tokenHash: row.token_hash };
  }

  /** Revokes one session (logout). */
  revoke(tokenHash: string): void {
    statement(this.db, "UPDATE sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL").run(
      this.clock.now(),
      tokenHash,
    );
  }

  /** The user's sessions, newest first. */
  listOf(userId: string): SessionRecord[] {
    const rows = statement(
      this.db,
      "SELECT token_hash, created_at, expires_at, revoked_at FROM sessions WHERE user_id = ? ORDER BY created_at DESC, token_hash",
    ).all(userId) as { token_hash: string; created_at: number; expires_at: number; revoked_at: number | null }[];
    return rows.map((r) => ({
      id: r.token_hash.slice(0, SESSION_ID_LENGTH),
      createdAt: r.created_at,
      expiresAt: r.expires_at,
      ...(r.revoked_at === null ? {} : { revokedAt: r.revoked_at }),
    }));
  }

  /** Open sessions (not revoked, not past expiry on the service clock) per user of `userIds`. */
  openCounts(userIds: readonly string[]): Map<string, number> {
    const counts = new Map<string, number>();
    const count = statement(
      this.db,
      "SELECT COUNT(*) AS n FROM sessions WHERE user_id = ? AND revoked_at IS NULL AND expires_at > ?",
    );
    const now = this.clock.now();
    for (const id of userIds) counts.set(id, (count.get(id, now) as { n: number }).n);
    return counts;
  }

  /** Revokes the user's session named by its short id; false when the user has no such session. */
  revokeById(userId: string, sessionId: string): boolean {
    const hash = this.hashOf(userId, sessionId);
    if (hash === undefined) return false;
    this.revoke(hash);
    return true;
  }

  /**
   * Ends the user's session named by its short id now (expiry moved to the service clock's now, never later): its
   * next request answers `sessionExpired`. False when the user has no such session.
   */
  expireById(userId: string, sessionId: string): boolean {
    const hash = this.hashOf(userId, sessionId);
    if (hash === undefined) return false;
    statement(this.db, "UPDATE sessions SET expires_at = MIN(expires_at, ?) WHERE token_hash = ?").run(
      this.clock.now(),
      hash,
    );
    return true;
  }

  /** Expires every open session of the user now; returns how many. */
  expireAllOf(userId: string): number {
    const now = this.clock.now();
    return statement(
      this.db,
      "UPDATE sessions SET expires_at = ? WHERE user_id = ? AND revoked_at IS NULL AND expires_at > ?",
    ).run(now, userId, now).changes;
  }

  /** The full hash of the user's session whose hash starts with `sessionId` (exactly {@link SESSION_ID_LENGTH} hex). */
  private hashOf(userId: string, sessionId: string): string | undefined {
    if (!new RegExp(`^[0-9a-f]{${SESSION_ID_LENGTH}}$`).test(sessionId)) return undefined;
    const row = statement(
      this.db,
      "SELECT token_hash FROM sessions WHERE user_id = ? AND substr(token_hash, 1, ?) = ?",
    ).get(userId, SESSION_ID_LENGTH, sessionId) as { token_hash: string } | undefined;
    return row?.token_hash;
  }
}
