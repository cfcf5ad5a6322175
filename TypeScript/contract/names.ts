/**
 * Every name and string value of the identity contract (docs/contract.md), defined once.
 * Nothing else in the project re-states one of these strings.
 *
 * @example
 * import { LoginFailureReason } from "../contract";
 * if (failure.reason === LoginFailureReason.uidOrEmailIsMandatory) askForEmail();
 */

/** Why a login failed: the vendor's "Login failure reasons". The set never grows. */
export const LoginFailureReason = {
  loginInProgress: "loginInProgress",
  loginConfigInvalid: "loginConfigInvalid",
  identityTokenInvalid: "identityTokenInvalid",
  identitiesDataInvalid: "identitiesDataInvalid",
  loginConfigSizeLimitExceeded: "loginConfigSizeLimitExceeded",
  identitiesSizeLimitExceeded: "identitiesSizeLimitExceeded",
  identityFeatureNotEnabled: "identityFeatureNotEnabled",
  uidOrEmailIsMandatory: "uidOrEmailIsMandatory",
  iatIsMandatory: "iatIsMandatory",
  networkError: "networkError",
  unknownError: "unknownError",
} as const;
export type LoginFailureReason = (typeof LoginFailureReason)[keyof typeof LoginFailureReason];

/** C++/Blueprint constant name of each failure reason (HelpshiftConstants.h). */
export const LoginFailureReasonConstantName: Readonly<Record<LoginFailureReason, string>> = {
  loginInProgress: "HelpshiftLoginInProgress",
  loginConfigInvalid: "HelpshiftLoginConfigInvalid",
  identityTokenInvalid: "HelpshiftIdentityTokenInvalid",
  identitiesDataInvalid: "HelpshiftIdentitiesDataInvalid",
  loginConfigSizeLimitExceeded: "HelpshiftLoginConfigSizeLimitExceeded",
  identitiesSizeLimitExceeded: "HelpshiftIdentitiesSizeLimitExceeded",
  identityFeatureNotEnabled: "HelpshiftIdentityFeatureNotEnabled",
  uidOrEmailIsMandatory: "HelpshiftUidOrEmailIsMandatory",
  iatIsMandatory: "HelpshiftIatIsMandatory",
  networkError: "HelpshiftNetworkError",
  unknownError: "HelpshiftUnknownError",
};

/** Values of `errors` maps and event data: what failed for one key. */
export const ErrorValue = {
  exceededKeyLengthLimit: "exceededKeyLengthLimit",
  exceededValueLengthLimit: "exceededValueLengthLimit",
  exceededCountLimit: "exceededCountLimit",
  invalidValueType: "invalidValueType",
  invalidData: "invalidData",
  emptyData: "emptyData",
  metadataExceededCountLimit: "metadataExceededCountLimit",
  metadataExceededKeyLengthLimit: "metadataExceededKeyLengthLimit",
  metadataExceededValueLengthLimit: "metadataExceededValueLengthLimit",
  metadataEmptyKeyOrValue: "metadataEmptyKeyOrValue",
} as const;
export type ErrorValue = (typeof ErrorValue)[keyof typeof ErrorValue];

/** C++/Blueprint constant name of each error value. */
export const ErrorValueConstantName: Readonly<Record<ErrorValue, string>> = {
  exceededKeyLengthLimit: "HelpshiftKeyLengthLimitExceeded",
  exceededValueLengthLimit: "HelpshiftValueLengthLimitExceeded",
  exceededCountLimit: "HelpshiftCountLimitExceeded",
  invalidValueType: "HelpshiftInvalidValueType",
  invalidData: "HelpshiftInvalidData",
  emptyData: "HelpshiftEmptyData",
  metadataExceededCountLimit: "HelpshiftMetadataCountLimitExceeded",
  metadataExceededKeyLengthLimit: "HelpshiftMetadataKeyLengthLimitExceeded",
  metadataExceededValueLengthLimit: "HelpshiftMetadataValueLengthLimitExceeded",
  metadataEmptyKeyOrValue: "HelpshiftMetadataEmptyKeyOrValue",
};

/** Diagnostic codes that may accompany a failure reason (never replace it). **(ours)** */
export const FailureDetail = {
  notInitialized: "notInitialized",
  cancelledByLogout: "cancelledByLogout",
  signatureInvalid: "signatureInvalid",
  algorithmNotAllowed: "algorithmNotAllowed",
  iatTooOld: "iatTooOld",
  iatInFuture: "iatInFuture",
  iatNotANumber: "iatNotANumber",
  malformedToken: "malformedToken",
  payloadNotJson: "payloadNotJson",
  identitiesNotArray: "identitiesNotArray",
  unknownApp: "unknownApp",
  sessionExpired: "sessionExpired",
  sessionRevoked: "sessionRevoked",
  rateLimited: "rateLimited",
  badRequest: "badRequest",
  unexpectedResponse: "unexpectedResponse",
  disposed: "disposed",
} as const;
export type FailureDetail = (typeof FailureDetail)[keyof typeof FailureDetail];

/** Events the SDK sends to the app (the vendor's delegates). */
export const HelpshiftEvent = {
  userSessionExpired: "userSessionExpired",
  refreshUserCredentials: "refreshUserCredentials",
  userIdentityNotEnabled: "userIdentityNotEnabled",
  identityTokenInvalid: "identityTokenInvalid",
  iatIsMandatory: "iatIsMandatory",
  identitiesSizeLimitExceeded: "identitiesSizeLimitExceeded",
  identitiesDataInvalid: "identitiesDataInvalid",
  identityDataSyncFailed: "identityDataSyncFailed",
  masterAttributesValidationFailed: "masterAttributesValidationFailed",
  appAttributesValidationFailed: "appAttributesValidationFailed",
  masterAttributesSyncFailed: "masterAttributesSyncFailed",
  appAttributesSyncFailed: "appAttributesSyncFailed",
  masterAttributesLimitExceeded: "masterAttributesLimitExceeded",
  appAttributesLimitExceeded: "appAttributesLimitExceeded",
} as const;
export type HelpshiftEvent = (typeof HelpshiftEvent)[keyof typeof HelpshiftEvent];

/** Identity identifiers accepted in the `identities` array of a token. */
export const IDENTIFIERS = [
  "uid",
  "email",
  "phone_number",
  "facebook_id",
  "discord_id",
  "whatsapp_id",
  "google_playstore_id",
  "apple_gamecenter_id",
  "nintendo_id",
  "psn_id",
  "xbox_live_id",
  "steam_id",
] as const;
export type Identifier = (typeof IDENTIFIERS)[number];

/** Login config keys the SDK reads. */
export const LoginConfigKey = {
  fullPrivacyEnabled: "full_privacy_enabled",
} as const;

/** The prefix of a generated anonymous user id. */
export const ANONYMOUS_ID_PREFIX = "hsft_anon_";

/**
 * How a master or app attribute value must look. Every string kind is at most 255 UTF-16 code units, then:
 * - `integerString`: `-?\d+`; `ageString`: an integer with 0 < age < 150; `wholeNumberString`: `\d+`;
 *   `decimalString`: `-?\d+(\.\d+)?`; `epochSecondsString`: `\d+` (epoch seconds); `booleanString`: "true" or
 *   "false"; `versionString`: at most 10 code units; `payingSegmentString`: one of {@link PAYING_SEGMENTS};
 * - `stringList`: tags; `stringMap`: custom user fields.
 */
export type AttributeKind =
  | "string"
  | "integerString"
  | "ageString"
  | "wholeNumberString"
  | "decimalString"
  | "epochSecondsString"
  | "booleanString"
  | "versionString"
  | "payingSegmentString"
  | "stringList"
  | "stringMap";

/** The values of the app attribute `user_paying_segment` (the vendor's attribute docs). */
export const PAYING_SEGMENTS = ["low_paying", "medium_paying", "high_paying", "non_paying"] as const;
export type PayingSegment = (typeof PAYING_SEGMENTS)[number];

/** Master (global) attribute keys and their kinds. */
export const MASTER_ATTRIBUTES = {
  first_name: "string",
  last_name: "string",
  display_name: "string",
  full_name: "string",
  last_country: "string",
  last_city: "string",
  age: "ageString",
  lifetime_value: "integerString",
  user_persona: "string",
  user_vip_segment: "string",
  user_support_status: "string",
  last_active_date: "epochSecondsString",
  accepted_t_and_c: "booleanString",
  preferred_language: "string",
  new_tags: "stringList",
  tags_to_remove: "stringList",
  reset_tags: "stringList",
  custom_user_fields: "stringMap",
} as const satisfies Record<string, AttributeKind>;
export type MasterAttributeKey = keyof typeof MASTER_ATTRIBUTES;

/**
 * App-specific attribute keys and their kinds (the vendor's original list plus the vendor's later additions), with the value
 * rules of the vendor's attribute docs.
 */
export const APP_ATTRIBUTES = {
  os_version: "string",
  app_version: "versionString",
  sdk_version: "string",
  country: "string",
  city: "string",
  user_vip_segment: "string",
  language: "string",
  app_rating: "string",
  user_paying_segment: "payingSegmentString",
  user_support_status: "string",
  user_persona: "string",
  accepted_t_and_c: "booleanString",
  user_level: "string",
  app_status: "string",
  lifetime_value: "string",
  custom_user_fields: "stringMap",
  device_model: "string",
  count_transactions_90d: "wholeNumberString",
  count_transactions_lifetime: "wholeNumberString",
  count_refunds_90d: "wholeNumberString",
  iap_views_since_last_purchase: "string",
  last_90d_spend: "decimalString",
  last_purchase_date: "epochSecondsString",
  last_login_date: "epochSecondsString",
} as const satisfies Record<string, AttributeKind>;
export type AppAttributeKey = keyof typeof APP_ATTRIBUTES;

/** Tag keys of the master attributes, with their outbox semantics. */
export const TagKey = {
  add: "new_tags",
  remove: "tags_to_remove",
  reset: "reset_tags",
} as const;

/** The key holding custom user fields, in both attribute maps. */
export const CUSTOM_USER_FIELDS_KEY = "custom_user_fields";
