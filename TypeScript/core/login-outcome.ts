import {
  FailureDetail,
  LoginFailureReason,
  type LoginFailureReason as LoginFailureReasonType,
  type LoginResponse,
  ProtocolErrorCode,
} from "../contract";
import type { LoginFailureData } from "./api";
import { loginFailureData } from "./errors";
import type { ServiceAnswer } from "./service-client";

const loginReasons: ReadonlySet<string> = new Set(Object.values(LoginFailureReason));

/** A login answer, decided. */
export type LoginOutcome =
  | { readonly ok: true; readonly response: LoginResponse }
  | { readonly ok: false; readonly failure: LoginFailureData };

/**
 * Maps the service's answer to a login: 2xx → success; an error body with a login failure reason → that reason,
 * detail and errors; `rateLimited` → `networkError`/`rateLimited`; `badRequest` → `unknownError`/`badRequest`;
 * `notFound`/`unknownApp` → `unknownError`/`unknownApp` (the app id given to Init is wrong);
 * transport failure → `networkError`; anything else → `unknownError`/`unexpectedResponse`.
 *
 * @example
 * const outcome = loginOutcome(await service.login(request));
 * if (!outcome.ok) onFailure(outcome.failure.reason, outcome.failure.errors, outcome.failure.detail);
 */
export function loginOutcome(answer: ServiceAnswer<LoginResponse>): LoginOutcome {
  switch (answer.kind) {
    case "ok":
      return { ok: true, response: answer.value };
    case "network":
      return { ok: false, failure: loginFailureData(LoginFailureReason.networkError) };
    case "unexpected":
      return {
        ok: false,
        failure: loginFailureData(LoginFailureReason.unknownError, undefined, FailureDetail.unexpectedResponse),
      };
    case "refused": {
      const { reason, detail, errors } = answer.error;
      if (loginReasons.has(reason)) {
        return { ok: false, failure: loginFailureData(reason as LoginFailureReasonType, errors, detail) };
      }
      if (reason === ProtocolErrorCode.rateLimited) {
        return {
          ok: false,
          failure: loginFailureData(LoginFailureReason.networkError, undefined, FailureDetail.rateLimited),
        };
      }
      if (reason === ProtocolErrorCode.notFound && detail === FailureDetail.unknownApp) {
        // The service is there and says it has no such app: the app id given to Init is wrong.
        return { ok: false, failure: loginFailureData(LoginFailureReason.unknownError, undefined, detail) };
      }
      const why = reason === ProtocolErrorCode.badRequest ? FailureDetail.badRequest : FailureDetail.unexpectedResponse;
      return { ok: false, failure: loginFailureData(LoginFailureReason.unknownError, undefined, why) };
    }
  }
}
