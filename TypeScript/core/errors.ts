import {
  detailText,
  type ErrorMap,
  type FailureDetail,
  FailureReasonText,
  LoginFailureReason,
  makeRedactor,
} from "../contract";
import type { LoginFailureData } from "./api";

const messageRedactor = makeRedactor();

/**
 * Builds {@link LoginFailureData}, leaving `detail` out when there is none. Error-map keys that look like a
 * token (a JWT pasted as a config key) are redacted: failures reach logs, UIs and bug reports.
 *
 * @example
 * loginFailureData("unknownError", {}, "notInitialized");
 */
export function loginFailureData(
  reason: LoginFailureReason,
  errors?: ErrorMap,
  detail?: FailureDetail,
): LoginFailureData {
  const out: { reason: LoginFailureReason; errors: ErrorMap; detail?: FailureDetail } = {
    reason,
    errors: redactKeys(errors),
  };
  if (detail) out.detail = detail;
  return out;
}

function redactKeys(errors: ErrorMap | undefined): ErrorMap {
  const out: ErrorMap = {};
  for (const [key, value] of Object.entries(errors ?? {})) out[messageRedactor.text(key)] = value;
  return out;
}

/**
 * A failed login as an Error (the Promise API rejects with it). The data is the truth; the message is made
 * from it and never contains a token.
 *
 * @example
 * try { await client.loginWithIdentity(jwt); }
 * catch (e) { if (e instanceof LoginFailure && e.code === "uidOrEmailIsMandatory") askForEmail(); }
 */
export class LoginFailure extends Error {
  /** Same as {@link reason}: the stable code, like jose's `code`. */
  readonly code: LoginFailureReason;
  readonly reason: LoginFailureReason;
  readonly errors: ErrorMap;
  readonly detail?: FailureDetail;

  constructor(data: LoginFailureData) {
    super(describe(data));
    this.name = "LoginFailure";
    this.code = data.reason;
    this.reason = data.reason;
    this.errors = { ...data.errors };
    if (data.detail) this.detail = data.detail;
  }

  /** The failure as plain data (what crosses the bridge). */
  toData(): LoginFailureData {
    return loginFailureData(this.reason, this.errors, this.detail);
  }
}

/** `reason (detail): meaning [errors]`, and the detail's advice when there is one (e.g. unknownApp → appId). */
function describe(data: LoginFailureData): string {
  const text = FailureReasonText[data.reason] ?? FailureReasonText[LoginFailureReason.unknownError];
  const detail = data.detail ? ` (${data.detail})` : "";
  const keys = Object.entries(data.errors).map(([key, value]) => `${JSON.stringify(key)}: ${value}`);
  const errors = keys.length > 0 ? ` [${keys.join(", ")}]` : "";
  const advice = detailText(data.detail);
  // Keys come from the caller's config or token: a pasted token must not end up in the message.
  return messageRedactor.text(`${data.reason}${detail}: ${text.meaning}${errors}${advice ? ` ${advice}` : ""}`);
}
