import { Limits } from "./limits";
import {
  APP_ATTRIBUTES,
  type AttributeKind,
  CUSTOM_USER_FIELDS_KEY,
  ErrorValue,
  MASTER_ATTRIBUTES,
  PAYING_SEGMENTS,
} from "./names";
import { addError, type ErrorMap, hasOwn, isPlainObject, setOwn } from "./result";

/** An attribute value: a string, a list of strings (tags) or a string map (custom user fields). */
export type AttributeValue = string | readonly string[] | Readonly<Record<string, string>>;

/** A map of attributes as passed to `UpdateMasterAttributes` / `UpdateAppAttributes`. */
export type AttributeMap = Readonly<Record<string, AttributeValue>>;

/** Per-key outcome of an attribute validation: what to queue, and what to report. */
export interface AttributeCheck {
  /** Entries that passed, ready for the outbox. */
  readonly accepted: Record<string, AttributeValue>;
  /**
   * Keys refused (`invalidData` for an unsupported key) or ignored (wrong value type, over a limit).
   * Custom field problems are keyed `custom_user_fields.<field>`.
   */
  readonly errors: ErrorMap;
}

/** Options the app knows from its dashboard. */
export interface AttributeRules {
  /** Custom user fields defined as multiline: their values may hold up to 100000 characters instead of 255. */
  readonly multilineCustomFields?: readonly string[];
}

/** The error key of one custom user field. */
export function customFieldErrorKey(field: string): string {
  return `${CUSTOM_USER_FIELDS_KEY}.${field}`;
}

const INTEGER = /^-?\d+$/;
const WHOLE_NUMBER = /^\d+$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;
const payingSegments: ReadonlySet<string> = new Set(PAYING_SEGMENTS);

/** The form each string kind must have; a value of another form is `invalidValueType` (its type is wrong). */
const FORM: Partial<Record<AttributeKind, (value: string) => boolean>> = {
  integerString: (v) => INTEGER.test(v),
  ageString: (v) => INTEGER.test(v),
  wholeNumberString: (v) => WHOLE_NUMBER.test(v),
  decimalString: (v) => DECIMAL.test(v),
  epochSecondsString: (v) => WHOLE_NUMBER.test(v),
  booleanString: (v) => v === "true" || v === "false",
};

/**
 * What a well-formed value of a kind must also be; a value that breaks it is `invalidData` (the type is right,
 * the value is not one the vendor supports).
 */
const ALLOWED: Partial<Record<AttributeKind, (value: string) => boolean>> = {
  ageString: (v) => Number(v) >= Limits.ageMin && Number(v) <= Limits.ageMax,
  payingSegmentString: (v) => payingSegments.has(v),
};

/** Lengths are UTF-16 code units (`String.length`), as the vendor's SDKs count characters. */
function checkString(kind: AttributeKind, value: unknown): ErrorValue | undefined {
  if (typeof value !== "string") return ErrorValue.invalidValueType;
  const max = kind === "versionString" ? Limits.appVersionLength : Limits.customFieldValueLength;
  if (value.length > max) return ErrorValue.exceededValueLengthLimit;
  const form = FORM[kind];
  if (form && !form(value)) return ErrorValue.invalidValueType;
  const allowed = ALLOWED[kind];
  if (allowed && !allowed(value)) return ErrorValue.invalidData;
  return undefined;
}

function checkList(value: unknown): ErrorValue | undefined {
  if (!Array.isArray(value)) return ErrorValue.invalidValueType;
  if (value.length > Limits.collectionSize) return ErrorValue.exceededCountLimit;
  for (const tag of value) {
    if (typeof tag !== "string") return ErrorValue.invalidValueType;
    if (tag.length === 0) return ErrorValue.emptyData;
    if (tag.length > Limits.tagLength) return ErrorValue.exceededValueLengthLimit;
  }
  return undefined;
}

function checkCustomFields(
  key: string,
  value: unknown,
  multiline: ReadonlySet<string>,
  errors: ErrorMap,
): Record<string, string> | undefined {
  if (!isPlainObject(value)) {
    addError(errors, key, ErrorValue.invalidValueType);
    return undefined;
  }
  const entries = Object.entries(value);
  if (entries.length > Limits.collectionSize) {
    addError(errors, key, ErrorValue.exceededCountLimit);
    return undefined;
  }
  const out: Record<string, string> = {};
  for (const [field, fieldValue] of entries) {
    const errorKey = customFieldErrorKey(field);
    const max = multiline.has(field) ? Limits.multilineCustomFieldValueLength : Limits.customFieldValueLength;
    if (field.length === 0) addError(errors, errorKey, ErrorValue.emptyData);
    else if (field.length > Limits.keyLength) addError(errors, errorKey, ErrorValue.exceededKeyLengthLimit);
    else if (typeof fieldValue !== "string") addError(errors, errorKey, ErrorValue.invalidValueType);
    else if (fieldValue.length > max) addError(errors, errorKey, ErrorValue.exceededValueLengthLimit);
    else setOwn(out, field, fieldValue);
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function validateAttributes(
  schema: Readonly<Record<string, AttributeKind>>,
  input: unknown,
  rules: AttributeRules | undefined,
): AttributeCheck {
  const accepted: Record<string, AttributeValue> = {};
  const errors: ErrorMap = {};
  if (!isPlainObject(input)) {
    addError(errors, "", ErrorValue.invalidData);
    return { accepted, errors };
  }
  const multiline = new Set(rules?.multilineCustomFields ?? []);
  for (const [key, value] of Object.entries(input)) {
    const kind = hasOwn(schema, key) ? schema[key] : undefined;
    if (key.length > Limits.keyLength) addError(errors, key, ErrorValue.exceededKeyLengthLimit);
    else if (kind === undefined) addError(errors, key, ErrorValue.invalidData);
    else if (kind === "stringMap") {
      const fields = checkCustomFields(key, value, multiline, errors);
      if (fields) accepted[key] = fields;
    } else {
      const problem = kind === "stringList" ? checkList(value) : checkString(kind, value);
      if (problem) addError(errors, key, problem);
      else accepted[key] = kind === "stringList" ? [...(value as string[])] : (value as string);
    }
  }
  return { accepted, errors };
}

/**
 * Validates a master (global) attribute map. Unsupported keys → `invalidData`; supported keys with a wrong
 * value type or over a limit are ignored and reported. Never throws.
 *
 * @example
 * const { accepted, errors } = validateMasterAttributes({ age: "31", new_tags: ["vip"], nickname: "x" });
 * // accepted: { age: "31", new_tags: ["vip"] }, errors: { nickname: "invalidData" }
 */
export function validateMasterAttributes(input: unknown, rules?: AttributeRules): AttributeCheck {
  return validateAttributes(MASTER_ATTRIBUTES, input, rules);
}

/**
 * Validates an app-specific attribute map, with the same rules as {@link validateMasterAttributes}.
 *
 * @example
 * validateAppAttributes({ app_version: "1.4.0", custom_user_fields: { guild: "red" } });
 */
export function validateAppAttributes(input: unknown, rules?: AttributeRules): AttributeCheck {
  return validateAttributes(APP_ATTRIBUTES, input, rules);
}
