/**
 * The seed's "max permissible limits" and the few numbers SPEC.md adds. Inclusive maxima:
 * a key of exactly `KEY_MAX_LENGTH` characters is legal, one more is not.
 *
 * @example
 * import { Limits } from "../contract";
 * if (key.length > Limits.keyLength) reject();
 */
export const Limits = {
  /** Any key: config key, identity identifier, metadata key, attribute key. */
  keyLength: 255,
  /** Identity value (other than uid). */
  identityValueLength: 300,
  /** uid identity value. */
  uidValueLength: 750,
  /** Identity metadata value. **(ours)** */
  metadataValueLength: 300,
  /** Login config string value. **(ours)** */
  configValueLength: 300,
  /** Custom user field value (single line). */
  customFieldValueLength: 255,
  /** Custom user field value (multiline). */
  multilineCustomFieldValueLength: 100_000,
  /** One user tag. */
  tagLength: 100,
  /** Any collection: identities, metadata entries, config entries, tag lists, custom field maps. */
  collectionSize: 30,
  /** Unsynced attribute entries per map before `*AttributesLimitExceeded`. (vendor: 1000) */
  unsyncedAttributeEntries: 1000,
  /**
   * Largest attributes request body the service accepts, bytes. **(ours)** A legal batch can hold both maps with
   * 30 multiline custom fields of 100000 characters each: up to 3 UTF-8 bytes per character is 18 MB, plus JSON.
   */
  attributeBatchBytes: 24 * 1024 * 1024,
  /** Maximum age of a token's `iat`, seconds. */
  iatMaxAgeSeconds: 24 * 60 * 60,
  /** How far a token's `iat` may be in the future, seconds. **(ours)** */
  iatFutureToleranceSeconds: 60,
} as const;

/** Client defaults (ours unless said). */
export const Defaults = {
  /** Attribute outbox flush interval. */
  flushIntervalMs: 30_000,
  /** `refreshUserCredentials` lead before session expiry (vendor's Android: 48 h). */
  refreshLeadSeconds: 48 * 60 * 60,
  /** Flush as soon as the outbox holds this many net entries. */
  flushAtEntries: 100,
  /** First retry delay after a network error; doubles up to `retryMaxMs`. */
  retryBaseMs: 1_000,
  retryMaxMs: 5 * 60_000,
  /** Server default session lifetime. */
  sessionLifetimeSeconds: 7 * 24 * 60 * 60,
} as const;
