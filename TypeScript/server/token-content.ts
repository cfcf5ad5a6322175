/**
 * The content rules of an identity token alone (the contract's checks, as the client runs them), without the
 * signature or `iat` age: the service answers a content error before it says the app's identity feature is off
 * (docs/protocol.md), and checks the signature only after that. `verifyIdentityToken` runs the same rules again
 * with the rest; a token is small, so the second pass costs microseconds.
 *
 * @example
 * const content = checkTokenContent(jwt, { fullPrivacy: false, requireUidOrEmail: true });
 * if (!content.ok) reply.code(400).send(errorOfCheckFailure(content));
 */
import { type CheckFailure, checkLogin, LoginConfigKey, type LoginMode, validateIdentityToken } from "../contract";
import type { VerifyOptions } from "./verify-token";

/** The first content rule the token breaks, or how the login would identify its user (login only). */
export function checkTokenContent(
  jwt: string,
  options: VerifyOptions,
): CheckFailure | { readonly ok: true; readonly mode?: LoginMode } {
  if (!options.requireUidOrEmail) {
    const checked = validateIdentityToken(jwt);
    return checked.ok ? { ok: true } : checked;
  }
  const plan = checkLogin(jwt, { [LoginConfigKey.fullPrivacyEnabled]: options.fullPrivacy });
  return plan.ok ? { ok: true, mode: plan.mode } : plan;
}
