/**
 * The decoded token beside the checks: its header and payload, field by field, with each problem the contract's
 * inspection found put at the field it is about (`iat` too old at `payload.iat`, a bad identity at its entry of
 * `payload.identities`, a non-HS256 `alg` at `header.alg`). Pure ECMAScript and the contract: runs in a bare engine.
 *
 * @example
 * const view = tokenView(jwt, inspectLogin(jwt, config, nowSeconds));
 * for (const field of view.payload) console.log(field.path, field.value, field.problems);
 */
import {
  decodeIdentityToken,
  detailText,
  type ErrorValue,
  ErrorValueText,
  FailureReasonText,
  type LoginFailureReason,
  type LoginInspection,
} from "../contract";

/** One problem, at a field or about the token as a whole. */
export interface TokenProblem {
  /** `error`: the client refuses the login; `warning`: the service would refuse it, or advice. */
  readonly severity: "error" | "warning";
  /** The failure reason, error value or warning code. */
  readonly code: string;
  readonly message: string;
}

/** One field of the header or the payload (an identity entry is a field of its own). */
export interface TokenField {
  /** `header.alg`, `payload.iat`, `payload.identities[0]`. */
  readonly path: string;
  /** What the page shows as the field's name: `alg`, `iat`, `identities[0] uid`. */
  readonly label: string;
  /** The value as compact JSON (`"HS256"`, `1700000000`, `{"identifier":"uid","value":"42"}`), or `(missing)`. */
  readonly value: string;
  readonly problems: readonly TokenProblem[];
}

/** The decoded token with its problems in place. */
export interface DecodedTokenView {
  /** False when the token is empty (an anonymous login) or does not decode. */
  readonly decoded: boolean;
  readonly header: readonly TokenField[];
  readonly payload: readonly TokenField[];
  /** Problems that belong to no field: the token does not decode, the login config, ... */
  readonly general: readonly TokenProblem[];
}

const errorMessage = (key: string, value: string) =>
  `${key}: ${value} (${ErrorValueText[value as ErrorValue] ?? "refused"})`;

const reasonMessage = (reason: LoginFailureReason, detail?: string) =>
  `${FailureReasonText[reason]?.meaning ?? reason}${detail ? ` ${detailText(detail) ?? detail}` : ""}`;

function json(value: unknown): string {
  if (value === undefined) return "(missing)";
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Which identity entry a key of the `identitiesDataInvalid` map is about: `identities[i]`, an identifier, a metadata key. */
function entryIndexFor(key: string, identities: readonly unknown[]): number | undefined {
  const slot = /^identities\[(\d+)\]$/.exec(key);
  if (slot) return Number(slot[1]);
  const byIdentifier = identities.findIndex((e) => (e as { identifier?: unknown } | null)?.identifier === key);
  if (byIdentifier >= 0) return byIdentifier;
  const byMetadata = identities.findIndex((e) => {
    const metadata = (e as { metadata?: unknown } | null)?.metadata;
    return typeof metadata === "object" && metadata !== null && Object.prototype.hasOwnProperty.call(metadata, key);
  });
  return byMetadata >= 0 ? byMetadata : undefined;
}

/**
 * Builds the view of `jwt` with the problems of `inspection` (the contract's `inspectLogin` of the same token).
 *
 * @example
 * tokenView("", inspectLogin("", {}, now)) // { decoded: false, header: [], payload: [], general: [] }
 */
export function tokenView(jwt: string, inspection: LoginInspection | undefined): DecodedTokenView {
  const at = new Map<string, TokenProblem[]>();
  const general: TokenProblem[] = [];
  const put = (path: string | undefined, problem: TokenProblem) => {
    if (path === undefined) general.push(problem);
    else at.set(path, [...(at.get(path) ?? []), problem]);
  };
  const token = jwt.trim();
  const decoded = token === "" ? undefined : decodeIdentityToken(token);
  const ok = decoded?.ok === true;
  const header = ok ? decoded.header : {};
  const payload = ok ? decoded.payload : {};
  const identities: readonly unknown[] = Array.isArray(payload.identities) ? payload.identities : [];

  if (inspection && !inspection.ok && inspection.reason) {
    const { reason, detail, errors } = inspection;
    const problem = (code: string, message: string): TokenProblem => ({ severity: "error", code, message });
    switch (reason) {
      case "iatIsMandatory":
        put("payload.iat", problem(reason, reasonMessage(reason)));
        break;
      case "identitiesSizeLimitExceeded":
      case "uidOrEmailIsMandatory":
        put("payload.identities", problem(reason, reasonMessage(reason)));
        break;
      case "identitiesDataInvalid":
        for (const [key, value] of Object.entries(errors ?? {})) {
          const index = entryIndexFor(key, identities);
          put(
            index === undefined ? "payload.identities" : `payload.identities[${index}]`,
            problem(value, errorMessage(key, value)),
          );
        }
        break;
      case "identityTokenInvalid":
        if (detail === "identitiesNotArray") put("payload.identities", problem(reason, reasonMessage(reason, detail)));
        else if (detail === "iatNotANumber") put("payload.iat", problem(reason, reasonMessage(reason, detail)));
        else put(undefined, problem(reason, reasonMessage(reason, detail)));
        break;
      default:
        // The login config's checks, and anything newer: about the login, not a field of the token.
        put(undefined, problem(reason, reasonMessage(reason, detail)));
        for (const [key, value] of Object.entries(errors ?? {}))
          put(undefined, problem(value, errorMessage(key, value)));
    }
  }
  for (const w of inspection?.warnings ?? []) {
    const warning: TokenProblem = { severity: "warning", code: w.code, message: w.message };
    if (w.code === "algorithmNotHS256") put("header.alg", warning);
    else if (w.code === "iatTooOld" || w.code === "iatInFuture") put("payload.iat", warning);
    else if (w.code === "emailOnlyWithFullPrivacy") {
      const email = identities.findIndex((e) => (e as { identifier?: unknown } | null)?.identifier === "email");
      put(email >= 0 ? `payload.identities[${email}]` : undefined, warning);
    } else put(undefined, warning);
  }

  const field = (path: string, label: string, value: unknown): TokenField => ({
    path,
    label,
    value: json(value),
    problems: at.get(path) ?? [],
  });
  const headerFields = Object.keys(header).map((key) => field(`header.${key}`, key, header[key]));
  const payloadFields: TokenField[] = [];
  if (ok) {
    for (const key of Object.keys(payload)) {
      if (key === "identities" && Array.isArray(payload.identities)) {
        if (at.has("payload.identities") || identities.length === 0) {
          const count = identities.length === 1 ? "1 entry" : `${identities.length} entries`;
          payloadFields.push({ ...field("payload.identities", "identities", []), value: `[${count}]` });
        }
        identities.forEach((entry, i) => {
          const identifier = (entry as { identifier?: unknown } | null)?.identifier;
          const label = `identities[${i}]${typeof identifier === "string" ? ` ${identifier}` : ""}`;
          payloadFields.push(field(`payload.identities[${i}]`, label, entry));
        });
      } else payloadFields.push(field(`payload.${key}`, key, payload[key]));
    }
    // A field the checks miss (no iat, no identities) still shows, with its problem.
    for (const path of ["payload.iat", "payload.identities"]) {
      if (at.has(path) && !payloadFields.some((f) => f.path === path)) {
        payloadFields.push(field(path, path.slice("payload.".length), undefined));
      }
    }
    for (const path of at.keys()) {
      if (!path.startsWith("header.") || headerFields.some((f) => f.path === path)) continue;
      headerFields.push(field(path, path.slice("header.".length), undefined));
    }
  } else {
    // Nothing decoded: whatever was put at a field belongs to the token as a whole.
    for (const problems of at.values()) general.push(...problems);
  }
  return { decoded: ok, header: headerFields, payload: payloadFields, general };
}
