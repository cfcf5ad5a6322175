/**
 * The vendor's "max permissible limits" and the few numbers we add (docs/contract.md, "Limits"). Inclusive maxima:
 * a key of exactly `keyLength` characters is legal, one more is not. Characters are UTF-16 code units
 * (`String.length`), as the vendor's SDKs count them: an astral character such as 🎮 counts two.
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
  /** The app attribute `app_version` (the vendor's attribute docs). */
  appVersionLength: 10,
  /** Youngest and oldest legal `age` attribute: the vendor's 0 < age < 150, as inclusive bounds. */
  ageMin: 1,
  ageMax: 149,
  /** Any collection: identities, metadata entries, config entries, tag lists, custom field maps. */
  collectionSize: 30,
  /** Unsynced attribute entries per map before `*AttributesLimitExceeded`. (vendor: 1000) */
  unsyncedAttributeEntries: 1000,
  /**
   * Largest attributes request body the service accepts, bytes. **(ours)** A legal batch can hold both maps with
   * 30 multiline custom fields of 100000 UTF-16 code units each; written as `\uXXXX` escapes (6 bytes a unit,
   * the most any JSON encoder spends) that is 36 MB, and with every other key and value escaped too under 37 MB.
   */
  attributeBatchBytes: 40 * 1024 * 1024,
  /** Random bits an anonymous id must carry at least: `hsft_anon_` + 22 base64url characters or more. **(ours)** */
  anonymousIdBits: 128,
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
