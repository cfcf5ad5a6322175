/**
 * Bench 1: the client's check of the largest legal identity token against the least any check must do with it
 * (base64url-decode the payload, UTF-8-decode it, JSON.parse it), with the contract's own Puerts-safe codecs.
 * Node's native decoders are measured too, for information.
 *
 * @example
 * const item = benchTokenCheck({ rounds: 7, roundMs: 150 });
 */
import { base64UrlDecode, checkLogin, utf8Decode } from "../TypeScript/contract";
import { encodeUnsignedToken, heaviestTokenPayload, largestLegalTokenPayload } from "./lib/fixtures";
import { compareRates, sig } from "./lib/measure";
import { type BenchItem, measured } from "./lib/report";

const GOAL = 0.5;

function decodeOnly(payloadPart: string): unknown {
  const bytes = base64UrlDecode(payloadPart);
  return bytes ? JSON.parse(utf8Decode(bytes) ?? "null") : undefined;
}

/**
 * Runs bench 1.
 *
 * @example
 * const item = benchTokenCheck({ rounds: 7, roundMs: 200 });
 */
export function benchTokenCheck(options: { rounds: number; roundMs: number }): BenchItem {
  const iat = 1_700_000_000;
  const ascii = encodeUnsignedToken(largestLegalTokenPayload(iat));
  const wide = encodeUnsignedToken(largestLegalTokenPayload(iat, "€"));
  const heaviest = encodeUnsignedToken(heaviestTokenPayload(iat));
  for (const jwt of [ascii, wide]) {
    if (!checkLogin(jwt, {}).ok) throw new Error("the largest legal token fixture must pass the client check");
  }
  const part = (jwt: string) => jwt.split(".")[1] as string;
  const asciiCmp = compareRates(
    () => checkLogin(ascii, {}),
    () => decodeOnly(part(ascii)),
    options,
  );
  const wideCmp = compareRates(
    () => checkLogin(wide, {}),
    () => decodeOnly(part(wide)),
    options,
  );
  const heavyCmp = compareRates(
    () => checkLogin(heaviest, {}),
    () => decodeOnly(part(heaviest)),
    options,
  );
  const nativeCmp = compareRates(
    () => checkLogin(ascii, {}),
    () => JSON.parse(Buffer.from(part(ascii), "base64url").toString("utf8")),
    options,
  );
  const worst = Math.min(asciiCmp.ratio, wideCmp.ratio);
  return measured(
    "tokenCheck",
    "1. client check of the largest legal token",
    {
      tokenChars: ascii.length,
      tokenCharsWide: wide.length,
      checksPerSec: sig(asciiCmp.subject.opsPerSec),
      decodeParsePerSec: sig(asciiCmp.baseline.opsPerSec),
      ratio: sig(asciiCmp.ratio),
      ratioWideUtf8: sig(wideCmp.ratio),
      ratioHeaviest30Identities: sig(heavyCmp.ratio),
      ratioVsNodeNativeDecode: sig(nativeCmp.ratio),
      worstCheckMs: sig(asciiCmp.subject.worstCallMs),
    },
    {
      goal: `check ≥ ${GOAL}× decode+parse (contract codecs)`,
      met: worst >= GOAL,
      notes:
        "Largest legal token: 30 identities (every identifier, then repeats with distinct values), values at " +
        "300/750, 30 metadata entries each with 255-char keys and 300-char values. 'Wide' uses 3-byte UTF-8 " +
        "characters. 'Heaviest' is the same token with a second uid last: read to the end, then refused.",
    },
  );
}
