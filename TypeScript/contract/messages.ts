import type { ErrorValue, FailureDetail, LoginFailureReason } from "./names";
import { hasOwn } from "./result";

/** What a failure reason means and how to recover, in words (from the vendor's docs, restated in docs/contract.md). Messages are made from data. */
export const FailureReasonText: Readonly<Record<LoginFailureReason, { meaning: string; fix: string }>> = {
  loginInProgress: {
    meaning: "Another login request is already in progress.",
    fix: "Wait for the running login's callback before calling login again.",
  },
  loginConfigInvalid: {
    meaning: "Some keys or values in the login config are not valid.",
    fix: "See the errors: keys at most 255 characters, string values at most 300, values String, Bool or numeric.",
  },
  identityTokenInvalid: {
    meaning: "The identities JWT is not in a valid format, or the service refused it.",
    fix: "Generate the JWT on your server as header.payload.signature (HS256, your app's shared secret) with an identities array.",
  },
  identitiesDataInvalid: {
    meaning: "Some of the identities in the JWT payload are not valid.",
    fix: "See the errors: each key names the identity or metadata key and what failed.",
  },
  loginConfigSizeLimitExceeded: {
    meaning: "The login config has more entries than permitted.",
    fix: "Pass at most 30 entries in the login config.",
  },
  identitiesSizeLimitExceeded: {
    meaning: "The JWT payload has more identities than permitted.",
    fix: "Put at most 30 identities in the token.",
  },
  identityFeatureNotEnabled: {
    meaning: "The identity feature is not enabled for your domain.",
    fix: "Ask Helpshift Support to enable the Identity System (User Hub) for your domain.",
  },
  uidOrEmailIsMandatory: {
    meaning: "The JWT payload must contain an identity for uid or email (both is fine).",
    fix: "Add a uid or email identity, or set full_privacy_enabled to true for an anonymous user.",
  },
  iatIsMandatory: {
    meaning: "The iat (issued at) key is missing from the JWT payload.",
    fix: "Set iat to the UNIX time in seconds when your endpoint signs the token.",
  },
  networkError: {
    meaning: "Login failed due to a network error.",
    fix: "Check connectivity and the service URL, then log in again.",
  },
  unknownError: {
    meaning: "Login failed due to an unknown error.",
    fix: "See the failure's detail and the SDK logs; then log in again.",
  },
};

/**
 * What a failure's `detail` says, and what to do about it: more precise than the reason's text, so a message
 * that has a detail uses this one.
 */
export const FailureDetailText: Readonly<Record<FailureDetail, string>> = {
  notInitialized: "The SDK is not initialized: call Init before any other call.",
  cancelledByLogout: "Logout was called while the login was in progress; log in again if that was not meant.",
  signatureInvalid: "The signature does not verify: sign the token with HS256 and your app's shared secret.",
  algorithmNotAllowed: "The token is not signed with HS256, the only algorithm the service accepts.",
  iatTooOld: "iat is older than 24 h: sign tokens on demand and do not cache them for longer than 24 h.",
  iatInFuture: "iat is in the future: check the clock of the server that signs tokens.",
  iatNotANumber: "iat must be a number: UNIX time in seconds.",
  malformedToken: "The token is not header.payload.signature in base64url with JSON header and payload.",
  payloadNotJson: "The token's payload is not a JSON object.",
  identitiesNotArray: "The token's identities must be an array of {identifier, value, metadata?}.",
  unknownApp:
    "The service has no app with this id: check the appId passed to Init, and that serviceUrl is the service the app is registered with.",
  sessionExpired: "The session expired: log in again with a fresh token.",
  sessionRevoked: "The session was logged out: log in again.",
  rateLimited: "Too many logins from this device for this app: wait a little, then log in again.",
  badRequest: "The service could not read the request: update the SDK, or check what sits between it and the service.",
  unexpectedResponse:
    "The service's answer was not the identity protocol: check that serviceUrl points at the identity service.",
  disposed: "The client was disposed while the login was in progress.",
};

/** What an error value means for its key, with the vendor's recovery step. */
export const ErrorValueText: Readonly<Record<ErrorValue, string>> = {
  exceededKeyLengthLimit: "key is longer than 255 characters",
  exceededValueLengthLimit: "value is longer than permitted (identity 300, uid 750, custom field 255, tag 100)",
  exceededCountLimit: "collection has more than 30 entries",
  invalidValueType: "value type is not supported",
  invalidData: "key or value is not supported",
  emptyData: "key or value is empty",
  metadataExceededCountLimit: "metadata has more than 30 entries",
  metadataExceededKeyLengthLimit: "metadata key is longer than 255 characters",
  metadataExceededValueLengthLimit: "metadata value is longer than 300 characters",
  metadataEmptyKeyOrValue: "metadata key or value is empty",
};

/**
 * One line per problem, for people: `reason: meaning` then `  key: what failed`, then the fix: the detail's
 * text when a known `detail` is given, else the reason's.
 *
 * @example
 * describeFailure("identitiesDataInvalid", { email: "exceededValueLengthLimit" });
 * describeFailure("unknownError", undefined, "unknownApp"); // last line: "Fix: The service has no app ..."
 */
export function describeFailure(
  reason: LoginFailureReason,
  errors?: Readonly<Record<string, ErrorValue>>,
  detail?: FailureDetail,
): string[] {
  const text = FailureReasonText[reason];
  const lines = [`${reason}: ${text.meaning}`];
  for (const [key, value] of Object.entries(errors ?? {})) {
    lines.push(`  ${JSON.stringify(key)}: ${value} (${ErrorValueText[value]})`);
  }
  lines.push(`Fix: ${detailText(detail) ?? text.fix}`);
  return lines;
}

/** The text of a known detail code, else undefined (a detail from a newer service is just a code). */
export function detailText(detail: string | undefined): string | undefined {
  return detail !== undefined && hasOwn(FailureDetailText, detail)
    ? FailureDetailText[detail as FailureDetail]
    : undefined;
}
