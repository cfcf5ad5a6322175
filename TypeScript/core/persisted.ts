/**
 * What the core keeps in the {@link Store}, validated with zod on the way back in: a corrupt or truncated value
 * is discarded with a warning, never a crash.
 */
import * as z from "zod/mini";
import type { CoreLog } from "./log";
import type { UserOutbox } from "./outbox-model";
import type { Store } from "./ports";

/** Store keys (ours): one key per concern, so a corrupt value loses only that concern. */
export const StoreKey = {
  anonymousId: "helpshift.anonymousId",
  session: "helpshift.session",
  expired: "helpshift.sessionExpired",
  outbox: "helpshift.outbox",
  /** Sessions whose logout (flush + revoke) the service has not confirmed yet: completed at the next `Init`. */
  pendingLogouts: "helpshift.pendingLogouts",
} as const;

/** The logged-in session as stored. Times are on the local clock (skew already corrected). */
export const SessionRecordSchema = z.object({
  userId: z.string(),
  anonymous: z.boolean(),
  sessionToken: z.string(),
  expiresAt: z.number(),
  /** When the session began (the login answer's `serverTime`), on the local clock; absent in older records. */
  startedAt: z.optional(z.number()),
  refreshAt: z.number(),
  refreshSent: z.boolean(),
  /** The service's clock minus the device's at login, ms: the service's expiry is `expiresAt + skewMs`. */
  skewMs: z.optional(z.number()),
  /** Who logged in (`uid:…`, `email:…`, `anon:<anonymous id>`): a login naming the same user renews in place. */
  loginKey: z.optional(z.string()),
  /** The login config of that login, reused by a token-provider refresh. */
  loginConfig: z.optional(z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]))),
});
/** A stored session (see {@link SessionRecordSchema}). */
export type SessionRecord = z.infer<typeof SessionRecordSchema>;
/** Ended sessions the service has not confirmed revoked yet (see `StoreKey.pendingLogouts`). */
export const PendingLogoutsSchema = z.array(SessionRecordSchema);

const StringMap = z.record(z.string(), z.string());
const AttributeValueSchema = z.union([z.string(), z.array(z.string()), StringMap]);
const BatchPartSchema = z.record(z.string(), AttributeValueSchema);
const PendingSchema = z.object({
  values: StringMap,
  fields: StringMap,
  tags: z.optional(
    z.object({ reset: z.optional(z.array(z.string())), add: z.array(z.string()), remove: z.array(z.string()) }),
  ),
});
const BatchSchema = z.object({
  batchId: z.string(),
  master: z.optional(BatchPartSchema),
  app: z.optional(BatchPartSchema),
});
const UserOutboxSchema = z.object({ master: PendingSchema, app: PendingSchema, inflight: z.optional(BatchSchema) });
/** Every user's unsynced attributes, by user id. */
export const OutboxRecordSchema = z.record(z.string(), UserOutboxSchema);
/** Every user's outbox by user id, as stored. */
export type OutboxRecord = Record<string, UserOutbox>;

/** Typed, validated access to the {@link Store}. Every write is synchronous: durable before the caller returns. */
export interface PersistedState {
  readAnonymousId(): string | undefined;
  writeAnonymousId(id: string | undefined): void;
  readSession(): SessionRecord | undefined;
  writeSession(session: SessionRecord | undefined): void;
  readExpired(): boolean;
  writeExpired(expired: boolean): void;
  readOutbox(): OutboxRecord;
  writeOutbox(outbox: OutboxRecord): void;
  readPendingLogouts(): SessionRecord[];
  writePendingLogouts(records: readonly SessionRecord[]): void;
}

/**
 * Wraps the Store port with JSON + zod validation. A value that does not parse is removed and logged at warn;
 * a Store that throws is logged at error and treated as empty.
 *
 * @example
 * const state = createPersistedState(ports.store, log);
 * const session = state.readSession(); // undefined when absent or corrupt
 */
export function createPersistedState(store: Store, log: CoreLog): PersistedState {
  const read = <T>(key: string, parse: (value: unknown) => { success: true; data: T } | { success: false }) => {
    let text: string | undefined;
    try {
      text = store.get(key);
    } catch (error) {
      log.error("store read failed", { key, error: String(error) });
      return undefined;
    }
    if (text === undefined) return undefined;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      value = undefined;
    }
    const parsed = value === undefined ? { success: false as const } : parse(value);
    if (!parsed.success) {
      log.warn("discarding corrupt stored value", { key });
      remove(key);
      return undefined;
    }
    return parsed.data;
  };
  const write = (key: string, value: unknown) => {
    try {
      store.set(key, JSON.stringify(value));
    } catch (error) {
      log.error("store write failed", { key, error: String(error) });
    }
  };
  const remove = (key: string) => {
    try {
      store.remove(key);
    } catch (error) {
      log.error("store remove failed", { key, error: String(error) });
    }
  };
  const anonymousIdSchema = z.string().check(z.minLength(1));
  return {
    readAnonymousId: () => read(StoreKey.anonymousId, (v) => anonymousIdSchema.safeParse(v)),
    writeAnonymousId: (id) => (id === undefined ? remove(StoreKey.anonymousId) : write(StoreKey.anonymousId, id)),
    readSession: () => read(StoreKey.session, (v) => SessionRecordSchema.safeParse(v)),
    writeSession: (session) => (session === undefined ? remove(StoreKey.session) : write(StoreKey.session, session)),
    readExpired: () => read(StoreKey.expired, (v) => z.boolean().safeParse(v)) === true,
    writeExpired: (expired) => (expired ? write(StoreKey.expired, true) : remove(StoreKey.expired)),
    readOutbox: () => (read(StoreKey.outbox, (v) => OutboxRecordSchema.safeParse(v)) as OutboxRecord | undefined) ?? {},
    writeOutbox: (outbox) =>
      Object.keys(outbox).length === 0 ? remove(StoreKey.outbox) : write(StoreKey.outbox, outbox),
    readPendingLogouts: () => read(StoreKey.pendingLogouts, (v) => PendingLogoutsSchema.safeParse(v)) ?? [],
    writePendingLogouts: (records) =>
      records.length === 0 ? remove(StoreKey.pendingLogouts) : write(StoreKey.pendingLogouts, records),
  };
}
