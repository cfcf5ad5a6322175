import type { ErrorValue, LoginFailureReason } from "./names";

/** What a failure reason means and how to recover, in words (from the seed). Messages are made from data. */
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
    fix: "Check that Init was called and the SDK logs; then log in again.",
  },
};

/** What an error value means for its key, with the seed's recovery step. */
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
 * One line per problem, for people: `reason: meaning` then `  key: what failed`.
 *
 * @example
 * describeFailure("identitiesDataInvalid", { email: "exceededValueLengthLimit" });
 */
export function describeFailure(reason: LoginFailureReason, errors?: Readonly<Record<string, ErrorValue>>): string[] {
  const text = FailureReasonText[reason];
  const lines = [`${reason}: ${text.meaning}`];
  for (const [key, value] of Object.entries(errors ?? {})) {
    lines.push(`  ${JSON.stringify(key)}: ${value} (${ErrorValueText[value]})`);
  }
  lines.push(`Fix: ${text.fix}`);
  return lines;
}
