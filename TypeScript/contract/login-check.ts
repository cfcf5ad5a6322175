import { type LoginConfig, validateLoginConfig } from "./config";
import { LoginFailureReason } from "./names";
import { type CheckFailure, failure } from "./result";
import { findIdentity, type IdentityEntry, validateIdentityToken } from "./token";

/** How the user of a login will be identified. */
export type LoginMode =
  /** Identified by the token's `uid`. */
  | "uid"
  /** Identified by the token's `email` (full privacy off, no uid). */
  | "email"
  /** Empty JWT: the persisted anonymous id is (re)used. */
  | "anonymous"
  /** Full privacy on and no uid: a fresh anonymous id, identities not kept. */
  | "privateAnonymous";

/** Everything the client learns from a login's inputs before asking the service. */
export interface LoginPlan {
  readonly ok: true;
  readonly mode: LoginMode;
  readonly fullPrivacy: boolean;
  readonly config: LoginConfig;
  /** Empty for an empty-JWT login. */
  readonly identities: readonly IdentityEntry[];
  /** Token `iat`, epoch seconds; absent for an empty-JWT login. */
  readonly iat?: number;
  /** The token's decoded JOSE header (unverified); absent for an empty-JWT login. */
  readonly header?: Readonly<Record<string, unknown>>;
}

/**
 * Runs every client-side login rule in the contract's check order (docs/contract.md) (after `loginInProgress`, which is the client's state):
 * config size → config entries → token format → `iat` → identities count → identities data → uid/email.
 * Never throws; never puts the token in its answer.
 *
 * @example
 * const plan = checkLogin(jwt, { full_privacy_enabled: false });
 * if (!plan.ok) showError(plan.reason, plan.errors);
 */
export function checkLogin(jwt: string, config: unknown): LoginPlan | CheckFailure {
  const configCheck = validateLoginConfig(config);
  if (!configCheck.ok) return configCheck;
  const { fullPrivacy } = configCheck;
  const base = { ok: true as const, fullPrivacy, config: configCheck.config };
  if (jwt === "") return { ...base, mode: "anonymous", identities: [] };
  if (typeof jwt !== "string") return failure(LoginFailureReason.identityTokenInvalid);
  const token = validateIdentityToken(jwt);
  if (!token.ok) return token;
  const withToken = { ...base, identities: token.identities, iat: token.iat, header: token.header };
  if (findIdentity(token.identities, "uid")) return { ...withToken, mode: "uid" };
  if (fullPrivacy) return { ...withToken, mode: "privateAnonymous" };
  if (findIdentity(token.identities, "email")) return { ...withToken, mode: "email" };
  return failure(LoginFailureReason.uidOrEmailIsMandatory);
}
