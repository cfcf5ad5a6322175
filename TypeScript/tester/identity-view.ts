/**
 * The identity state in words, for both testers (the web page and the editor tab): the state's name, the user,
 * the session's time left on the client's trusted expiry, the service's clock, and a note for each change of
 * state (a refresh starting, a session refreshed in place, a refresh that failed). Pure: state in, words out.
 *
 * @example
 * stateWords({ initialized: true, status: "loggedIn", expired: false, state: "refreshing", refreshReason: "refresh" })
 * // "refreshing (ahead of expiry)"
 */
import type { ClientState, IdentityStateName } from "../core/api";

/** The `state` of a snapshot; derived from the older fields for snapshots that lack it. */
export function stateName(client: ClientState): IdentityStateName {
  if (client.state) return client.state;
  if (!client.initialized) return "notInitialized";
  if (client.status === "loggedOut") return client.expired ? "expired" : "loggedOut";
  return client.status;
}

/** The state's name for people: "logged in (identified)", "refreshing (session expired)", ... */
export function stateWords(client: ClientState): string {
  const name = stateName(client);
  switch (name) {
    case "notInitialized":
      return "not initialized";
    case "loggedOut":
      return "logged out";
    case "loggingIn":
      return "logging in";
    case "loggedIn":
      return `logged in (${client.anonymous ? "anonymous" : "identified"})`;
    case "refreshing":
      return client.refreshReason === "expired" ? "refreshing (session expired)" : "refreshing (ahead of expiry)";
    case "expired":
      return "expired (log in again)";
  }
}

/** A duration for people: "45 s", "1 min 58 s", "2 h 05 min", "3 d 4 h"; negative as "0 s". */
export function durationWords(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${String(minutes % 60).padStart(2, "0")} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

/** The session's time left at `nowMs` on the client's (skew-corrected) expiry, or undefined without a session. */
export function sessionLeftMs(client: ClientState | undefined, nowMs: number): number | undefined {
  if (!client || client.expiresAt === undefined || client.userId === undefined) return undefined;
  return client.expiresAt - nowMs;
}

/**
 * The session's time left in words: `{left: "session left 1 min 58 s", until: "until 2027-01-15T08:00:00.000Z"}`;
 * `left` is "session past its expiry" while an expired session is held for a refresh.
 */
export function sessionLeftWords(client: ClientState, nowMs: number): { left: string; until: string } | undefined {
  const left = sessionLeftMs(client, nowMs);
  if (left === undefined || client.expiresAt === undefined) return undefined;
  return {
    left: left > 0 ? `session left ${durationWords(left)}` : "session past its expiry",
    until: `until ${new Date(client.expiresAt).toISOString()}`,
  };
}

/** What the testers know of the service's clock: measured from the `X-Server-Time` of the last answer. */
export interface ServiceClockReading {
  /** Service time minus local time, ms (positive: the service is ahead). Half the round trip is allowed for. */
  readonly skewMs: number;
  /** Local time of the answer it was measured on, epoch ms. */
  readonly atMs: number;
}

/** "service clock 1.2 s ahead of this device", "service clock in step with this device (±0.1 s)". */
export function skewWords(skewMs: number, device = "this device"): string {
  const abs = Math.abs(skewMs);
  if (abs < 100) return `service clock in step with ${device} (±0.1 s)`;
  const amount = abs < 120_000 ? `${(abs / 1000).toFixed(1)} s` : durationWords(abs);
  return `service clock ${amount} ${skewMs > 0 ? "ahead of" : "behind"} ${device}`;
}

/**
 * A line for the event log when the state changed from `before` to `after`, or undefined when nothing a person
 * would call a change happened (e.g. the same state published twice).
 *
 * @example
 * identityNote(loggedIn, refreshing) // "session refresh started (ahead of expiry)"
 * identityNote(refreshing, renewed)  // "session refreshed in place: user u1, until 2027-..."
 */
export function identityNote(before: ClientState, after: ClientState): string | undefined {
  const from = stateName(before);
  const to = stateName(after);
  const until = after.expiresAt !== undefined ? `, until ${new Date(after.expiresAt).toISOString()}` : "";
  if (to === "refreshing") {
    if (from === "refreshing" && before.refreshReason === after.refreshReason) return undefined;
    return after.refreshReason === "expired"
      ? "session refresh started (the session expired)"
      : "session refresh started (ahead of expiry)";
  }
  if (from === "refreshing") {
    if (to === "loggedIn") {
      const sameUser = before.userId === after.userId;
      const renewed = after.expiresAt !== before.expiresAt;
      if (sameUser && renewed) return `session refreshed in place: user ${after.userId}${until}`;
      if (sameUser) return `session refresh gave up; the session stays valid${until}`;
    }
    if (to === "expired") return "session refresh failed: the session expired (log in again)";
    if (to === "loggedOut") return "session refresh cancelled: logged out";
    if (to === "loggingIn") return "session refresh cancelled by a login";
  }
  if (from === to && before.userId === after.userId && before.expiresAt === after.expiresAt) return undefined;
  if (to === "loggedIn") {
    if (from === "loggingIn" && before.userId === after.userId && before.userId !== undefined) {
      return `session renewed in place by the login: user ${after.userId}${until}`;
    }
    return `state: ${stateWords(after)}, user ${after.userId}${until}`;
  }
  return `state: ${stateWords(after)}`;
}
