/**
 * base64url without `atob`, `btoa` or `Buffer`: the Puerts bare engine has none of them. The alphabet is checked
 * once with a native regular expression, then four characters become three bytes per step (no per-bit state).
 *
 * @example
 * base64UrlDecode("aGk") // Uint8Array [104, 105]
 */
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** The 6-bit value of each alphabet character, pre-shifted for each position of a 4-character group. */
function table(shift: number): Int32Array {
  const t = new Int32Array(128);
  for (let i = 0; i < ALPHABET.length; i++) t[ALPHABET.charCodeAt(i)] = i << shift;
  return t;
}
const L0 = table(18);
const L1 = table(12);
const L2 = table(6);
const L3 = table(0);

/** Whether `text` is unpadded base64url of a possible length (never 4n+1). */
export function isBase64Url(text: string): boolean {
  return text.length % 4 !== 1 && BASE64URL.test(text);
}

/**
 * Decodes `text` (already checked by {@link isBase64Url}) into `out`; returns the OR of every 3-byte group, so
 * a caller can tell ASCII-only output (`(hi & 0x808080) === 0`) without reading the bytes again.
 */
function decodeInto(text: string, out: Uint8Array): number {
  const length = text.length;
  const full = length - (length % 4);
  let hi = 0;
  let o = 0;
  for (let i = 0; i < full; i += 4) {
    const v =
      (L0[text.charCodeAt(i)] as number) |
      (L1[text.charCodeAt(i + 1)] as number) |
      (L2[text.charCodeAt(i + 2)] as number) |
      (L3[text.charCodeAt(i + 3)] as number);
    hi |= v;
    out[o] = v >> 16;
    out[o + 1] = v >> 8;
    out[o + 2] = v;
    o += 3;
  }
  const rest = length - full;
  if (rest > 1) {
    // Bits beyond the last whole byte are ignored, as Buffer and atob do.
    const v =
      (L0[text.charCodeAt(full)] as number) |
      (L1[text.charCodeAt(full + 1)] as number) |
      (rest === 3 ? (L2[text.charCodeAt(full + 2)] as number) : 0);
    out[o] = v >> 16;
    if (rest === 3) out[o + 1] = v >> 8;
    hi |= rest === 3 ? v & 0xffff00 : v & 0xff0000;
  }
  return hi;
}

/** Decodes unpadded base64url. Returns `undefined` for any character outside the alphabet or an impossible length. */
export function base64UrlDecode(text: string): Uint8Array | undefined {
  if (!isBase64Url(text)) return undefined;
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  decodeInto(text, out);
  return out;
}

/** Characters per `String.fromCharCode.apply` call: well below every engine's argument limit. */
export const STRING_CHUNK = 8192;

/** Bytes that are all below 0x80, as a string, in chunks of {@link STRING_CHUNK}. */
export function asciiBytesToString(bytes: Uint8Array, start = 0, end = bytes.length): string {
  if (end - start <= STRING_CHUNK) return String.fromCharCode.apply(null, bytes.subarray(start, end) as never);
  const parts: string[] = [];
  for (let i = start; i < end; i += STRING_CHUNK) {
    parts.push(String.fromCharCode.apply(null, bytes.subarray(i, Math.min(end, i + STRING_CHUNK)) as never));
  }
  return parts.join("");
}

/**
 * base64url straight to the bytes, telling whether they are all ASCII (then no UTF-8 decoding is needed).
 *
 * @example
 * base64UrlDecodeChecked("aGk") // { bytes: Uint8Array [104, 105], ascii: true }
 */
export function base64UrlDecodeChecked(text: string): { bytes: Uint8Array; ascii: boolean } | undefined {
  if (!isBase64Url(text)) return undefined;
  const bytes = new Uint8Array(Math.floor((text.length * 3) / 4));
  const hi = decodeInto(text, bytes);
  return { bytes, ascii: (hi & 0x808080) === 0 };
}

/** Encodes bytes as unpadded base64url. */
export function base64UrlEncode(bytes: Uint8Array): string {
  const parts: string[] = [];
  let out = "";
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number);
    out +=
      ALPHABET.charAt(n >> 18) +
      ALPHABET.charAt((n >> 12) & 63) +
      ALPHABET.charAt((n >> 6) & 63) +
      ALPHABET.charAt(n & 63);
    if (out.length >= STRING_CHUNK) {
      parts.push(out);
      out = "";
    }
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = (bytes[i] as number) << 16;
    out += ALPHABET.charAt(n >> 18) + ALPHABET.charAt((n >> 12) & 63);
  } else if (rest === 2) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8);
    out += ALPHABET.charAt(n >> 18) + ALPHABET.charAt((n >> 12) & 63) + ALPHABET.charAt((n >> 6) & 63);
  }
  parts.push(out);
  return parts.join("");
}
