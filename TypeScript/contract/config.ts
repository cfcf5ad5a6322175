import { Limits } from "./limits";
import { ErrorValue, LoginConfigKey, LoginFailureReason } from "./names";
import { addError, type CheckFailure, type ErrorMap, failure, isPlainObject } from "./result";

/** A login config value: String, Bool or a numeric type (the vendor's `FHelpshiftConfigParameter`). */
export type LoginConfigValue = string | boolean | number;

/** The login config map, `TMap<FString, FHelpshiftConfigParameter>` on the C++ side. */
export type LoginConfig = Readonly<Record<string, LoginConfigValue>>;

/** A config that passed every rule, with the flags the SDK reads from it. */
export interface ValidLoginConfig {
  readonly ok: true;
  readonly config: LoginConfig;
  readonly fullPrivacy: boolean;
}

/**
 * `full_privacy_enabled` is true for boolean `true` or the string "true" in any case;
 * false when absent or unparsable (docs/contract.md).
 *
 * @example
 * isFullPrivacyEnabled({ full_privacy_enabled: "TRUE" }) // true
 */
export function isFullPrivacyEnabled(config: Readonly<Record<string, unknown>>): boolean {
  const value = config[LoginConfigKey.fullPrivacyEnabled];
  return value === true || (typeof value === "string" && value.toLowerCase() === "true");
}

/**
 * Validates a login config: at most 30 entries (`loginConfigSizeLimitExceeded`), then every entry
 * (`loginConfigInvalid` with all offending keys). `undefined`/`null` is an empty config.
 *
 * @example
 * const r = validateLoginConfig({ full_privacy_enabled: true });
 * if (r.ok) console.log(r.fullPrivacy); // true
 */
export function validateLoginConfig(config: unknown): ValidLoginConfig | CheckFailure {
  if (config === undefined || config === null) return { ok: true, config: {}, fullPrivacy: false };
  if (!isPlainObject(config)) return failure(LoginFailureReason.loginConfigInvalid);
  const entries = Object.entries(config);
  if (entries.length > Limits.collectionSize) return failure(LoginFailureReason.loginConfigSizeLimitExceeded);
  const errors: ErrorMap = {};
  for (const [key, value] of entries) {
    if (key.length === 0) addError(errors, key, ErrorValue.emptyData);
    else if (key.length > Limits.keyLength) addError(errors, key, ErrorValue.exceededKeyLengthLimit);
    else if (typeof value === "string") {
      if (value.length > Limits.configValueLength) addError(errors, key, ErrorValue.exceededValueLengthLimit);
    } else if (typeof value === "number") {
      if (!Number.isFinite(value)) addError(errors, key, ErrorValue.invalidValueType);
    } else if (typeof value !== "boolean") {
      addError(errors, key, ErrorValue.invalidValueType);
    }
  }
  if (Object.keys(errors).length > 0) return failure(LoginFailureReason.loginConfigInvalid, errors);
  const valid = config as LoginConfig;
  return { ok: true, config: valid, fullPrivacy: isFullPrivacyEnabled(valid) };
}
