/**
 * The attribute outbox as pure data: coalescing, counting and cutting batches. No I/O here; the
 * {@link OutboxStore} persists these values and the flusher sends them.
 */
import { type AttributeValue, CUSTOM_USER_FIELDS_KEY, Limits, TagKey } from "../contract";

/** Pending tag operations of one user. `reset` (if any) is applied first, then `add`, then `remove`. */
export interface TagOps {
  readonly reset?: readonly string[];
  readonly add: readonly string[];
  readonly remove: readonly string[];
}

/** Net pending changes of one attribute map (master or app). */
export interface PendingAttributes {
  /** Plain string attributes, last write wins. */
  readonly values: Readonly<Record<string, string>>;
  /** Custom user fields, merged per field, last write wins. */
  readonly fields: Readonly<Record<string, string>>;
  /** Tag operations (master only). */
  readonly tags?: TagOps;
}

/** Which attribute map: master (global) or app-specific. */
export type AttributeKindName = "master" | "app";

/** What one request carries for one map, in the protocol's shape. */
export type BatchPart = Record<string, AttributeValue>;

/** A batch cut from the outbox; `batchId` stays the same across retries. */
export interface AttributeBatch {
  readonly batchId: string;
  readonly master?: BatchPart;
  readonly app?: BatchPart;
}

/** Everything unsynced of one user. */
export interface UserOutbox {
  readonly master: PendingAttributes;
  readonly app: PendingAttributes;
  /** The batch sent (or about to be re-sent) and not yet acknowledged. */
  readonly inflight?: AttributeBatch;
}

/** An outbox with nothing in it. */
export const EMPTY_PENDING: PendingAttributes = { values: {}, fields: {} };

/** An empty user outbox. */
export const EMPTY_USER_OUTBOX: UserOutbox = { master: EMPTY_PENDING, app: EMPTY_PENDING };

function withoutTag(list: readonly string[], tag: string): string[] {
  return list.filter((t) => t !== tag);
}

function withTag(list: readonly string[], tag: string): string[] {
  return list.includes(tag) ? [...list] : [...list, tag];
}

function applyTags(tags: TagOps | undefined, accepted: Readonly<Record<string, AttributeValue>>): TagOps | undefined {
  let next = tags;
  const reset = accepted[TagKey.reset];
  // Within one call the service's order applies: reset, then add, then remove.
  if (Array.isArray(reset)) next = { reset: [...new Set(reset as string[])], add: [], remove: [] };
  const add = accepted[TagKey.add];
  if (Array.isArray(add)) {
    for (const tag of add as string[]) {
      const base = next ?? { add: [], remove: [] };
      next = { ...base, add: withTag(base.add, tag), remove: withoutTag(base.remove, tag) };
    }
  }
  const remove = accepted[TagKey.remove];
  if (Array.isArray(remove)) {
    for (const tag of remove as string[]) {
      const base = next ?? { add: [], remove: [] };
      next = { ...base, add: withoutTag(base.add, tag), remove: withTag(base.remove, tag) };
    }
  }
  return next;
}

/**
 * Coalesces validated entries into pending changes: plain keys last-write-wins, custom fields merged per field,
 * `reset_tags` replaces every pending tag operation, `new_tags` / `tags_to_remove` cancel each other per tag.
 *
 * @example
 * mergePending(EMPTY_PENDING, { first_name: "Ana", new_tags: ["vip"] });
 * // { values: { first_name: "Ana" }, fields: {}, tags: { add: ["vip"], remove: [] } }
 */
export function mergePending(
  pending: PendingAttributes,
  accepted: Readonly<Record<string, AttributeValue>>,
): PendingAttributes {
  const values: Record<string, string> = { ...pending.values };
  let fields: Record<string, string> = { ...pending.fields };
  for (const [key, value] of Object.entries(accepted)) {
    if (key === CUSTOM_USER_FIELDS_KEY && typeof value === "object" && !Array.isArray(value)) {
      fields = { ...fields, ...(value as Record<string, string>) };
    } else if (typeof value === "string") {
      values[key] = value;
    }
  }
  const tags = applyTags(pending.tags, accepted);
  return tags ? { values, fields, tags } : { values, fields };
}

/**
 * Net entries of pending changes: one per plain key, custom field and tag operation (an empty `reset_tags`
 * counts as one).
 *
 * @example
 * countPending({ values: { age: "3" }, fields: { a: "b" } }) // 2
 */
export function countPending(pending: PendingAttributes): number {
  const tags = pending.tags;
  const tagCount = tags ? (tags.reset ? Math.max(1, tags.reset.length) : 0) + tags.add.length + tags.remove.length : 0;
  return Object.keys(pending.values).length + Object.keys(pending.fields).length + tagCount;
}

/**
 * Entries of one map of a batch, counted like {@link countPending}.
 *
 * @example
 * countBatchPart({ new_tags: ["a", "b"] }) // 2
 */
export function countBatchPart(part: BatchPart | undefined): number {
  if (!part) return 0;
  let count = 0;
  for (const [key, value] of Object.entries(part)) {
    if (key === TagKey.reset) count += Math.max(1, (value as string[]).length);
    else if (Array.isArray(value)) count += value.length;
    else if (typeof value === "object") count += Object.keys(value).length;
    else count += 1;
  }
  return count;
}

/** True when nothing is pending. */
export function isPendingEmpty(pending: PendingAttributes): boolean {
  return countPending(pending) === 0;
}

/**
 * Cuts what fits in one request from pending changes: every plain key, at most `Limits.collectionSize` custom
 * fields and tags per list (the service refuses bigger collections); the rest stays pending, in order.
 *
 * @example
 * const { part, rest } = takeBatchPart(pending);
 */
export function takeBatchPart(pending: PendingAttributes): { part?: BatchPart; rest: PendingAttributes } {
  if (isPendingEmpty(pending)) return { rest: EMPTY_PENDING };
  const max = Limits.collectionSize;
  const part: BatchPart = { ...pending.values };
  const fieldEntries = Object.entries(pending.fields);
  if (fieldEntries.length > 0) part[CUSTOM_USER_FIELDS_KEY] = Object.fromEntries(fieldEntries.slice(0, max));
  const restFields = Object.fromEntries(fieldEntries.slice(max));
  let restTags: TagOps | undefined;
  const tags = pending.tags;
  if (tags) {
    if (tags.reset) part[TagKey.reset] = [...tags.reset];
    if (tags.add.length > 0) part[TagKey.add] = tags.add.slice(0, max);
    if (tags.remove.length > 0) part[TagKey.remove] = tags.remove.slice(0, max);
    const add = tags.add.slice(max);
    const remove = tags.remove.slice(max);
    if (add.length > 0 || remove.length > 0) restTags = { add, remove };
  }
  const rest: PendingAttributes = restTags
    ? { values: {}, fields: restFields, tags: restTags }
    : { values: {}, fields: restFields };
  return { part, rest };
}

/**
 * Every key a batch part carries, as the service would key a refusal (`custom_user_fields.<field>` for fields).
 *
 * @example
 * batchPartKeys({ age: "3", custom_user_fields: { guild: "red" } }) // ["age", "custom_user_fields.guild"]
 */
export function batchPartKeys(part: BatchPart | undefined): string[] {
  if (!part) return [];
  const keys: string[] = [];
  for (const [key, value] of Object.entries(part)) {
    if (key === CUSTOM_USER_FIELDS_KEY && typeof value === "object" && !Array.isArray(value)) {
      for (const field of Object.keys(value)) keys.push(`${CUSTOM_USER_FIELDS_KEY}.${field}`);
    } else keys.push(key);
  }
  return keys;
}
