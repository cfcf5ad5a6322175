/**
 * The content rules of an identity token alone (the contract's checks, as the client runs them), without the
 * signature or `iat` age: the service answers a content error before it says the app's identity feature is off
 * (docs/protocol.md), and checks the signature only after that. `verifyIdentityToken` runs the same rules again
 * with the rest; a token is small, so the second pass costs microseconds.
 *
 * @example
 * const failure = tokenContentFailure(jwt, { fullPrivacy: false, requireUidOrEmail: true });
 * if (failure) reply.code(400).send(errorOfCheckFailure(failure));
 */
import { type CheckFailure, checkLogin, LoginConfigKey, validateIdentityToken } from "../contract";
import type { VerifyOptions } from "./verify-token";

/** The first content rule the token breaks, or undefined when its content is acceptable. */
export function tokenContentFailure(jwt: string, options: VerifyOptions): CheckFailure | undefined {
  const checked = options.requireUidOrEmail
    ? checkLogin(jwt, { [LoginConfigKey.fullPrivacyEnabled]: options.fullPrivacy })
    : validateIdentityToken(jwt);
  return checked.ok ? undefined : checked;
}
