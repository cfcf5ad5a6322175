/**
 * The service's check of one attribute map against the contract and the app's dashboard definitions: what
 * the client validated is validated again (key lists, lengths in UTF-16 code units, and the vendor's value rules:
 * `age` 0 < age < 150, `app_version` ≤ 10, `user_paying_segment`, `count_*`, `last_90d_spend`, dates, booleans),
 * then every custom user field must be defined and fit its type, and every tag must be defined. Each refused key maps to `invalidData`: the client reports server refusals as
 * `*AttributesSyncFailed {key: invalidData}` (docs/contract.md). Pure: no I/O.
 *
 * @example
 * const r = checkAttributeBatch("master", { age: "31", new_tags: ["vip", "nope"] }, app);
 * // r.refused: { "new_tags.nope": "invalidData" }, r.accepted.tags.add: ["vip"]
 */
import {
  type AttributeCheck,
  CUSTOM_USER_FIELDS_KEY,
  customFieldErrorKey,
  type ErrorMap,
  ErrorValue,
  Limits,
  TagKey,
  validateAppAttributes,
  validateMasterAttributes,
} from "../contract";
import type { CustomFieldDefinition } from "./apps";

export type AttributeScope = "master" | "app";

/** What the app defines on its dashboard. */
export interface AttributeDefinitions {
  readonly customFields: readonly CustomFieldDefinition[];
  readonly tags: readonly string[];
}

/** The accepted part of a batch, ready to store. */
export interface AcceptedAttributes {
  /** Plain attributes (everything except tags and custom fields). */
  readonly values: Record<string, string>;
  /** Custom user fields, field name → value. */
  readonly customFields: Record<string, string>;
  /** Tag operations, applied reset → add → remove. */
  readonly tags: { readonly reset?: string[]; readonly add: string[]; readonly remove: string[] };
}

export interface AttributeBatchCheck {
  readonly accepted: AcceptedAttributes;
  readonly refused: ErrorMap;
}

const INTEGER_OR_DECIMAL = /^-?\d+(\.\d+)?$/;
const EPOCH = /^\d+$/;

/** Why a custom field value does not fit its definition, or undefined when it does. */
export function customFieldValueFits(definition: CustomFieldDefinition, value: string): boolean {
  switch (definition.type) {
    case "singleline":
      return value.length <= Limits.customFieldValueLength;
    case "multiline":
      return value.length <= Limits.multilineCustomFieldValueLength;
    case "number":
      return INTEGER_OR_DECIMAL.test(value);
    case "date":
      return EPOCH.test(value);
    case "checkbox":
      return value === "true" || value === "false";
    case "dropdown":
      return (definition.options ?? []).includes(value);
  }
}

const TAG_KEYS = [TagKey.reset, TagKey.add, TagKey.remove] as const;

/**
 * Checks one scope of a batch. Never throws.
 *
 * @example
 * checkAttributeBatch("app", { custom_user_fields: { level: "abc" } }, { customFields: [{ name: "level", type: "number" }], tags: [] });
 * // refused: { "custom_user_fields.level": "invalidData" }
 */
export function checkAttributeBatch(
  scope: AttributeScope,
  input: unknown,
  definitions: AttributeDefinitions,
): AttributeBatchCheck {
  const multilineCustomFields = definitions.customFields.filter((f) => f.type === "multiline").map((f) => f.name);
  const validate = scope === "master" ? validateMasterAttributes : validateAppAttributes;
  const check: AttributeCheck = validate(input, { multilineCustomFields });
  const refused: ErrorMap = {};
  for (const key of Object.keys(check.errors)) refused[key] = ErrorValue.invalidData;

  const values: Record<string, string> = {};
  const customFields: Record<string, string> = {};
  const tags: { reset?: string[]; add: string[]; remove: string[] } = { add: [], remove: [] };
  const fieldsByName = new Map(definitions.customFields.map((f) => [f.name, f]));
  const definedTags = new Set(definitions.tags);

  for (const [key, value] of Object.entries(check.accepted)) {
    if (key === CUSTOM_USER_FIELDS_KEY) {
      for (const [field, fieldValue] of Object.entries(value as Record<string, string>)) {
        const definition = fieldsByName.get(field);
        if (definition && customFieldValueFits(definition, fieldValue)) customFields[field] = fieldValue;
        else refused[customFieldErrorKey(field)] = ErrorValue.invalidData;
      }
    } else if (scope === "master" && (TAG_KEYS as readonly string[]).includes(key)) {
      const kept: string[] = [];
      for (const tag of value as string[]) {
        if (definedTags.has(tag)) kept.push(tag);
        else refused[`${key}.${tag}`] = ErrorValue.invalidData;
      }
      if (key === TagKey.reset) tags.reset = kept;
      else if (key === TagKey.add) tags.add = kept;
      else tags.remove = kept;
    } else {
      values[key] = value as string;
    }
  }
  return { accepted: { values, customFields, tags }, refused };
}
