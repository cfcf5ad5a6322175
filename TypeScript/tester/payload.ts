/**
 * The payload of a test identity token, from the short forms people type: `identifier=value`,
 * `identifier.key=value`, and `iat` as epoch seconds or "none". Shared by `helpshift-ts sign` and the tester.
 * It does not validate the identities, so that broken tokens can be minted on purpose; `inspectLogin` does.
 *
 * @example
 * buildPayload({ uid: "42", metadata: ["uid.tier=gold"], nowSeconds: 1_700_000_000 })
 * // { ok: true, payload: { identities: [{ identifier: "uid", value: "42", metadata: { tier: "gold" } }], iat: 1700000000 } }
 */

export interface PayloadInput {
  readonly uid?: string;
  readonly email?: string;
  /** `identifier=value`, in order; the value may contain `=`. */
  readonly identities?: readonly string[];
  /** `identifier.key=value`: metadata for an identity given by `uid`, `email` or `identities`. */
  readonly metadata?: readonly string[];
  /** Epoch seconds, or "none" to leave `iat` out. Default: now. */
  readonly iat?: string;
  /** Wall clock, epoch seconds. */
  readonly nowSeconds: number;
}

/** The payload, or a usage error in words. */
export type PayloadResult = { ok: true; payload: Record<string, unknown> } | { ok: false; error: string };

type Identity = { identifier: string; value: string; metadata?: Record<string, string> };

function splitOnce(text: string, separator: string): [string, string] | undefined {
  const at = text.indexOf(separator);
  return at <= 0 ? undefined : [text.slice(0, at), text.slice(at + separator.length)];
}

/** Builds the payload: identities in order (`uid`, `email`, then `identities`), metadata on its identity, `iat`. */
export function buildPayload(input: PayloadInput): PayloadResult {
  const identities: Identity[] = [];
  if (input.uid !== undefined) identities.push({ identifier: "uid", value: input.uid });
  if (input.email !== undefined) identities.push({ identifier: "email", value: input.email });
  for (const spec of input.identities ?? []) {
    const pair = splitOnce(spec, "=");
    if (!pair) return { ok: false, error: `identity expects identifier=value, got ${JSON.stringify(spec)}` };
    identities.push({ identifier: pair[0], value: pair[1] });
  }
  for (const spec of input.metadata ?? []) {
    const pair = splitOnce(spec, "=");
    const target = pair && splitOnce(pair[0], ".");
    if (!pair || !target)
      return { ok: false, error: `metadata expects identifier.key=value, got ${JSON.stringify(spec)}` };
    const owner = identities.find((i) => i.identifier === target[0]);
    if (!owner) return { ok: false, error: `metadata names ${JSON.stringify(target[0])}, which is not an identity` };
    owner.metadata = { ...owner.metadata, [target[1]]: pair[1] };
  }
  const payload: Record<string, unknown> = { identities };
  if (input.iat === undefined || input.iat.trim() === "") payload.iat = input.nowSeconds;
  else if (input.iat.trim() !== "none") {
    const iat = Number(input.iat);
    if (!Number.isInteger(iat))
      return { ok: false, error: `iat expects epoch seconds or "none", got ${JSON.stringify(input.iat)}` };
    payload.iat = iat;
  }
  return { ok: true, payload };
}

/**
 * Splits the tester's multi-line text fields into entries: one per non-empty line, trimmed.
 *
 * @example
 * lines("uid=1\n\n email=a@b.c ") // ["uid=1", "email=a@b.c"]
 */
export function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}
