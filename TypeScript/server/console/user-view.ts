/**
 * Users as the console shows them: a summary for lists (identities without metadata, open sessions) and the
 * detail (identities with metadata, attributes with their write times, tags, custom fields, sessions with their
 * state on the service clock). Sessions are named by a prefix of their stored hash, never by their token.
 *
 * @example
 * userDetailOf(context, users.listing(id));
 */
import type { ConsoleSession, SessionStateName, UserDetail, UserSummary } from "../../console/api-types";
import type { ServiceContext } from "../http/context";
import type { SessionRecord } from "../sessions";
import type { UserListing } from "../users";

/** A session's state at `now`: revoked wins over expired. */
export function sessionStateAt(session: SessionRecord, now: number): SessionStateName {
  if (session.revokedAt !== undefined) return "revoked";
  return now >= session.expiresAt ? "expired" : "open";
}

/** Summaries of a page of users (identities uid first). */
export function userSummariesOf(context: ServiceContext, users: readonly UserListing[]): UserSummary[] {
  const open = context.sessions.openCounts(users.map((u) => u.id));
  return users.map((user) => ({
    id: user.id,
    appId: user.appId,
    anonymous: user.anonymous,
    createdAt: user.createdAt,
    lastLoginAt: user.lastLoginAt,
    identities: context.users
      .datedIdentitiesOf(user.id)
      .map((identity) => ({ identifier: identity.identifier, value: identity.value })),
    openSessions: open.get(user.id) ?? 0,
  }));
}

/** Everything the console shows about one user. */
export function userDetailOf(context: ServiceContext, user: UserListing): UserDetail {
  const now = context.clock.now();
  const sessions: ConsoleSession[] = context.sessions
    .listOf(user.id)
    .map((session) => ({ ...session, state: sessionStateAt(session, now) }));
  const attributes = context.attributes.readDated(user.id);
  const customFields: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(attributes.customFields)) customFields[name] = field.value;
  return {
    id: user.id,
    appId: user.appId,
    anonymous: user.anonymous,
    createdAt: user.createdAt,
    lastLoginAt: user.lastLoginAt,
    ...(user.anonymousId === undefined ? {} : { anonymousId: user.anonymousId }),
    identities: context.users.datedIdentitiesOf(user.id),
    openSessions: sessions.filter((s) => s.state === "open").length,
    attributes: { master: attributes.master, app: attributes.app },
    tags: attributes.tags,
    customFields,
    sessions,
  };
}
