/**
 * The attribute outbox made visible: what is pending for the logged-in user (by scope, with keys, batch id,
 * attempts, when it was queued and why the last send failed), what became of each entry the service answered for
 * (sent, refused and why), and a feed that tells listeners when any of it changed. It only watches: the store and
 * the flusher report to it, nothing here changes what is sent.
 */
import { CUSTOM_USER_FIELDS_KEY, type ErrorMap, TagKey } from "../contract";
import type { AttributeKeyFate, AttributeScope, OutboxListener, OutboxView, PendingBatchView } from "./api";
import { defer } from "./defer";
import type { CoreLog } from "./log";
import {
  type AttributeBatch,
  type BatchPart,
  isPendingEmpty,
  type PendingAttributes,
  type UserOutbox,
} from "./outbox-model";

/** How many answered entries the view keeps (newest first). */
export const MAX_SETTLED_FATES = 50;

const SCOPES: readonly AttributeScope[] = ["master", "app"];

/**
 * Each entry of a batch part, keyed as the service keys a refusal: `custom_user_fields.<field>`, `<tag list>.<tag>`
 * (an empty `reset_tags` is `reset_tags`), plain keys as they are.
 *
 * @example
 * entryKeys({ age: "3", custom_user_fields: { guild: "red" }, new_tags: ["vip"] })
 * // ["age", "custom_user_fields.guild", "new_tags.vip"]
 */
export function entryKeys(part: BatchPart | undefined): string[] {
  if (!part) return [];
  const keys: string[] = [];
  for (const [key, value] of Object.entries(part)) {
    if (Array.isArray(value)) {
      if (value.length === 0) keys.push(key);
      for (const tag of value) keys.push(`${key}.${tag}`);
    } else if (typeof value === "object") {
      for (const field of Object.keys(value)) keys.push(`${CUSTOM_USER_FIELDS_KEY}.${field}`);
    } else keys.push(key);
  }
  return keys;
}

/** The entries of pending changes, keyed like {@link entryKeys}. */
export function pendingKeys(pending: PendingAttributes): string[] {
  const part: BatchPart = { ...pending.values };
  if (Object.keys(pending.fields).length > 0) part[CUSTOM_USER_FIELDS_KEY] = { ...pending.fields };
  if (pending.tags?.reset) part[TagKey.reset] = [...pending.tags.reset];
  if (pending.tags && pending.tags.add.length > 0) part[TagKey.add] = [...pending.tags.add];
  if (pending.tags && pending.tags.remove.length > 0) part[TagKey.remove] = [...pending.tags.remove];
  return entryKeys(part);
}

/** The reason the service gave for one entry: its own key, or the whole list it belongs to (`new_tags`). */
function refusalOf(refused: ErrorMap, key: string): string | undefined {
  if (Object.prototype.hasOwnProperty.call(refused, key)) return refused[key];
  const dot = key.indexOf(".");
  const list = dot > 0 ? key.slice(0, dot) : undefined;
  return list !== undefined && Object.prototype.hasOwnProperty.call(refused, list) ? refused[list] : undefined;
}

/** What the store and the flusher tell the monitor, and what the client asks of it. */
export interface OutboxMonitor {
  /** The store changed a user's outbox (queued, cut, completed). */
  changed(userId: string, before: UserOutbox, after: UserOutbox): void;
  /** A send of `batch` starts. */
  sending(userId: string, batch: AttributeBatch): void;
  /** The send did not deliver it; the batch is kept (and retried). */
  failed(userId: string, batch: AttributeBatch, why: string): void;
  /** The service answered: every entry it did not refuse was accepted. */
  answered(userId: string, batch: AttributeBatch, refused: Readonly<Record<AttributeScope, ErrorMap>>): void;
  /** The service refused the whole batch (a non-retryable 4xx): every entry is refused with `invalidData`. */
  dropped(userId: string, batch: AttributeBatch, reason: string, detail: string): void;
  /** The view of `userId`'s outbox (as stored now), or of nobody. */
  view(current: { readonly userId: string; readonly outbox: UserOutbox } | undefined): OutboxView;
  /** Something the view depends on changed (also the logged-in user): listeners hear it at the next turn. */
  touch(): void;
  add(listener: OutboxListener): () => void;
  close(): void;
}

interface BatchProgress {
  attempts: number;
  sending: boolean;
  lastFailure?: string;
  queuedAt: Partial<Record<AttributeScope, number>>;
}

/**
 * Creates the monitor. `current` gives the logged-in user and their stored outbox (undefined when nobody is).
 *
 * @example
 * const monitor = createOutboxMonitor({ now: () => clock.now(), log, current: () => session && { userId, outbox } });
 * monitor.add((view) => render(view.pending));
 */
export function createOutboxMonitor(deps: {
  readonly now: () => number;
  readonly log: CoreLog;
  readonly current: () => { readonly userId: string; readonly outbox: UserOutbox } | undefined;
}): OutboxMonitor {
  /** Per user and scope: when its queued (not yet cut) entries started waiting. */
  const queuedSince = new Map<string, Partial<Record<AttributeScope, number>>>();
  /** Per batch id: sends so far, whether one runs, the last failure, and when its entries were queued. */
  const batches = new Map<string, BatchProgress>();
  let settled: AttributeKeyFate[] = [];
  const listeners = new Set<OutboxListener>();
  let scheduled = false;
  let lastDelivered = "";
  let closed = false;

  const progress = (batch: AttributeBatch): BatchProgress => {
    let p = batches.get(batch.batchId);
    if (!p) {
      p = { attempts: 0, sending: false, queuedAt: {} };
      batches.set(batch.batchId, p);
    }
    return p;
  };

  /** Records the fate of every entry of an answered batch (newest batch first) and forgets its progress. */
  const settle = (batch: AttributeBatch, fate: (scope: AttributeScope, key: string) => AttributeKeyFate) => {
    const fates: AttributeKeyFate[] = [];
    for (const scope of SCOPES) for (const key of entryKeys(batch[scope])) fates.push(fate(scope, key));
    settled = [...fates, ...settled].slice(0, MAX_SETTLED_FATES);
    batches.delete(batch.batchId);
    monitor.touch();
  };

  const deliver = (listener: OutboxListener, view: OutboxView) =>
    defer(
      () => {
        if (!closed && listeners.has(listener)) listener(view);
      },
      (error) => deps.log.error("outbox listener threw", { error: String(error) }),
    );

  const monitor: OutboxMonitor = {
    changed(userId, before, after) {
      const known = queuedSince.get(userId);
      // The common case on a burst of updates: more changes to scopes already waiting, no batch cut or completed.
      if (
        known !== undefined &&
        before.inflight?.batchId === after.inflight?.batchId &&
        SCOPES.every((scope) => (known[scope] === undefined) === isPendingEmpty(after[scope]))
      ) {
        monitor.touch();
        return;
      }
      const since = { ...known };
      const now = deps.now();
      if (after.inflight && after.inflight.batchId !== before.inflight?.batchId) {
        // Cut: the batch's entries waited since their scope's queue started.
        const p = progress(after.inflight);
        for (const scope of SCOPES) if (after.inflight[scope]) p.queuedAt[scope] = since[scope] ?? p.queuedAt[scope];
      }
      if (before.inflight && before.inflight.batchId !== after.inflight?.batchId) {
        // Completed (answered or dropped): its progress was settled, or it left with the user's outbox.
        batches.delete(before.inflight.batchId);
      }
      for (const scope of SCOPES) {
        if (isPendingEmpty(after[scope])) delete since[scope];
        else since[scope] ??= now;
      }
      if (Object.keys(since).length > 0) queuedSince.set(userId, since);
      else queuedSince.delete(userId);
      monitor.touch();
    },
    sending(_userId, batch) {
      const p = progress(batch);
      p.attempts++;
      p.sending = true;
      monitor.touch();
    },
    failed(_userId, batch, why) {
      const p = progress(batch);
      p.sending = false;
      p.lastFailure = why;
      monitor.touch();
    },
    answered(userId, batch, refused) {
      const p = progress(batch);
      const atMs = deps.now();
      settle(batch, (scope, key) => {
        const reason = refusalOf(refused[scope], key);
        return {
          userId,
          scope,
          key,
          fate: reason === undefined ? "sent" : "refused",
          ...(reason !== undefined ? { reason } : {}),
          batchId: batch.batchId,
          attempts: p.attempts,
          atMs,
        };
      });
    },
    dropped(userId, batch, reason, detail) {
      const p = progress(batch);
      const atMs = deps.now();
      settle(batch, (scope, key) => ({
        userId,
        scope,
        key,
        fate: "refused",
        reason,
        detail,
        batchId: batch.batchId,
        attempts: p.attempts,
        atMs,
      }));
    },
    view(current) {
      const pending: PendingBatchView[] = [];
      if (current) {
        const { userId, outbox } = current;
        const inflight = outbox.inflight;
        if (inflight) {
          const p = batches.get(inflight.batchId);
          for (const scope of SCOPES) {
            const keys = entryKeys(inflight[scope]);
            if (keys.length === 0) continue;
            const queuedAt = p?.queuedAt[scope];
            pending.push({
              scope,
              keys,
              state: p?.sending ? "sending" : "waitingToRetry",
              batchId: inflight.batchId,
              attempts: p?.attempts ?? 0,
              ...(queuedAt !== undefined ? { queuedAt } : {}),
              ...(p?.lastFailure !== undefined ? { lastFailure: p.lastFailure } : {}),
            });
          }
        }
        const since = queuedSince.get(userId);
        for (const scope of SCOPES) {
          const keys = pendingKeys(outbox[scope]);
          if (keys.length === 0) continue;
          const queuedAt = since?.[scope];
          pending.push({ scope, keys, state: "queued", attempts: 0, ...(queuedAt !== undefined ? { queuedAt } : {}) });
        }
      }
      return { ...(current ? { userId: current.userId } : {}), pending, settled: [...settled] };
    },
    touch() {
      if (closed || scheduled || listeners.size === 0) return;
      scheduled = true;
      defer(
        () => {
          scheduled = false;
          if (closed) return;
          const view = monitor.view(deps.current());
          const text = JSON.stringify(view);
          if (text === lastDelivered) return;
          lastDelivered = text;
          for (const listener of [...listeners]) deliver(listener, view);
        },
        (error) => deps.log.error("outbox view failed", { error: String(error) }),
      );
    },
    add(listener) {
      if (closed) return () => undefined;
      listeners.add(listener);
      defer(
        () => {
          if (!closed && listeners.has(listener)) listener(monitor.view(deps.current()));
        },
        (error) => deps.log.error("outbox listener threw", { error: String(error) }),
      );
      return () => {
        listeners.delete(listener);
      };
    },
    close() {
      closed = true;
      listeners.clear();
    },
  };
  return monitor;
}
