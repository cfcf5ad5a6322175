/**
 * "Troubleshooting and tips", automated: everything a login's inputs reveal on the client, plus warnings for
 * what only the service can refuse (iat age, algorithm) and for the good practice of docs/contract.md.
 * Shared by the `check` CLI and the login tester. Never carries the token.
 *
 * @example
 * const report = inspectLogin(jwt, { full_privacy_enabled: true }, Math.floor(clock.now() / 1000));
 * for (const w of report.warnings) console.warn(w.code, w.message);
 */
import { Limits } from "./limits";
import { checkLogin } from "./login-check";
import type { FailureDetail, LoginFailureReason } from "./names";
import type { ErrorMap } from "./result";
import { decodeIdentityToken } from "./token";

/** Warning codes: problems the client does not refuse, but the service or docs/contract.md's advice would. */
export const LoginWarning = {
  /** `iat` older than 24 h: the service will refuse the token (`identityTokenInvalid`, `iatTooOld`). */
  iatTooOld: "iatTooOld",
  /** `iat` more than the tolerance in the future: the service will refuse it (`iatInFuture`). */
  iatInFuture: "iatInFuture",
  /** Header `alg` is not HS256: the service only accepts HS256. */
  algorithmNotHS256: "algorithmNotHS256",
  /** Full privacy on and email without uid: the user becomes anonymous (docs/contract.md's good practice). */
  emailOnlyWithFullPrivacy: "emailOnlyWithFullPrivacy",
} as const;
export type LoginWarning = (typeof LoginWarning)[keyof typeof LoginWarning];

/** Why each warning matters and what to do, in words. */
export const LoginWarningText: Readonly<Record<LoginWarning, string>> = {
  iatTooOld:
    "iat is older than 24 h: the service will refuse the token. Sign tokens on demand and do not cache them for longer than 24 h.",
  iatInFuture:
    "iat is in the future: the service will refuse the token. Check the clock of the server that signs tokens.",
  algorithmNotHS256: "The token is not signed with HS256: the service only accepts HS256 with the app's shared secret.",
  emailOnlyWithFullPrivacy:
    "Full privacy is on and the token has email but no uid: this creates an anonymous user. Add a uid or turn full privacy off.",
};

/** One warning, as data. */
export interface InspectWarning {
  readonly code: LoginWarning;
  readonly message: string;
}

/** What {@link inspectLogin} found. `reason`/`errors`/`detail` only when `ok` is false. */
export interface LoginInspection {
  readonly ok: boolean;
  readonly reason?: LoginFailureReason;
  readonly errors?: ErrorMap;
  readonly detail?: FailureDetail;
  /** True when the login would create or reuse an anonymous user. */
  readonly anonymous?: boolean;
  /** Identifiers in the token (never their values), in token order. */
  readonly identifiers?: readonly string[];
  /** Now minus `iat`, seconds (negative when `iat` is in the future). */
  readonly iatAgeSeconds?: number;
  readonly warnings: readonly InspectWarning[];
}

function warn(code: LoginWarning): InspectWarning {
  return { code, message: LoginWarningText[code] };
}

function identifiersOf(payload: Record<string, unknown>): string[] | undefined {
  if (!Array.isArray(payload.identities)) return undefined;
  const out: string[] = [];
  for (const entry of payload.identities) {
    const identifier = (entry as { identifier?: unknown } | null)?.identifier;
    if (typeof identifier === "string") out.push(identifier);
  }
  return out;
}

/**
 * Runs the client-side login checks (`checkLogin`) and adds what a person needs to fix a token.
 * `nowSeconds` is the wall clock in epoch seconds (injected: no `Date.now` here).
 *
 * @example
 * inspectLogin("", {}, 1_700_000_000) // { ok: true, anonymous: true, identifiers: [], warnings: [] }
 */
export function inspectLogin(jwt: string, config: unknown, nowSeconds: number): LoginInspection {
  const plan = checkLogin(jwt, config);
  const warnings: InspectWarning[] = [];
  let identifiers: string[] | undefined;
  let iatAgeSeconds: number | undefined;
  const decoded = jwt === "" ? undefined : decodeIdentityToken(jwt);
  if (decoded?.ok) {
    if (decoded.header.alg !== "HS256") warnings.push(warn(LoginWarning.algorithmNotHS256));
    identifiers = identifiersOf(decoded.payload);
    const iat = decoded.payload.iat;
    if (typeof iat === "number" && Number.isFinite(iat)) {
      iatAgeSeconds = nowSeconds - iat;
      if (iatAgeSeconds > Limits.iatMaxAgeSeconds) warnings.push(warn(LoginWarning.iatTooOld));
      if (-iatAgeSeconds > Limits.iatFutureToleranceSeconds) warnings.push(warn(LoginWarning.iatInFuture));
    }
  }
  const extras = {
    ...(identifiers ? { identifiers } : {}),
    ...(iatAgeSeconds !== undefined ? { iatAgeSeconds } : {}),
  };
  if (!plan.ok) {
    return {
      ok: false,
      reason: plan.reason,
      ...(plan.errors ? { errors: plan.errors } : {}),
      ...(plan.detail ? { detail: plan.detail } : {}),
      ...extras,
      warnings,
    };
  }
  if (plan.mode === "privateAnonymous" && identifiers?.includes("email")) {
    warnings.push(warn(LoginWarning.emailOnlyWithFullPrivacy));
  }
  const anonymous = plan.mode === "anonymous" || plan.mode === "privateAnonymous";
  return { ok: true, anonymous, identifiers: identifiers ?? [], ...extras, warnings };
}
