import type { ErrorValue, FailureDetail, LoginFailureReason } from "./names";

/** Per-key errors: the key is the offending config key, identifier, metadata key or attribute key. */
export type ErrorMap = Record<string, ErrorValue>;

/**
 * A failed check, as data: never thrown, never carrying the token.
 *
 * @example
 * const result = checkLogin(jwt, config);
 * if (!result.ok) console.log(result.reason, result.errors);
 */
export interface CheckFailure {
  readonly ok: false;
  readonly reason: LoginFailureReason;
  readonly errors?: ErrorMap;
  readonly detail?: FailureDetail;
}

/** Builds a {@link CheckFailure}, leaving out empty parts. */
export function failure(reason: LoginFailureReason, errors?: ErrorMap, detail?: FailureDetail): CheckFailure {
  const out: { ok: false; reason: LoginFailureReason; errors?: ErrorMap; detail?: FailureDetail } = {
    ok: false,
    reason,
  };
  if (errors && Object.keys(errors).length > 0) out.errors = errors;
  if (detail) out.detail = detail;
  return out;
}

/** Records `value` for `key` unless the key already has an error: the first problem found is the one reported. */
export function addError(errors: ErrorMap, key: string, value: ErrorValue): void {
  if (!hasOwn(errors, key)) setOwn(errors, key, value);
}

/**
 * Sets an own, enumerable property even for keys like `__proto__`, which plain assignment would turn into a
 * prototype change (silently losing the entry). Keys come from tokens and maps that callers control.
 *
 * @example
 * setOwn(out, "__proto__", "v"); // Object.keys(out) → ["__proto__"]
 */
export function setOwn<T>(object: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

/** True for a plain object (not null, not an array). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `Object.hasOwn` for ES2020 engines (Object.hasOwn is ES2022; the Puerts target is ES2020). */
export function hasOwn(object: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}
