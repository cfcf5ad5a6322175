/**
 * UTF-8 without `TextEncoder`/`TextDecoder` (absent in a bare Puerts engine). Runs of ASCII become strings with
 * one `String.fromCharCode.apply` per chunk; other characters go through a reused buffer of UTF-16 units, so
 * no step pushes onto an array per byte.
 *
 * @example
 * utf8Decode(utf8Encode("Zoë 🎮")) // "Zoë 🎮"
 */
import { asciiBytesToString, STRING_CHUNK } from "./base64url";

/** Strict decode: returns `undefined` for malformed, overlong or surrogate-encoding sequences. */
export function utf8Decode(bytes: Uint8Array): string | undefined {
  const length = bytes.length;
  const parts: string[] = [];
  const units = new Uint16Array(STRING_CHUNK + 2);
  let u = 0;
  let i = 0;
  while (i < length) {
    const b0 = bytes[i] as number;
    if (b0 < 0x80) {
      let end = i + 1;
      while (end < length && (bytes[end] as number) < 0x80) end++;
      if (end - i > 16) {
        if (u > 0) {
          parts.push(String.fromCharCode.apply(null, units.subarray(0, u) as never));
          u = 0;
        }
        parts.push(asciiBytesToString(bytes, i, end));
        i = end;
        continue;
      }
      for (; i < end; i++) units[u++] = bytes[i] as number;
    } else if (b0 < 0xe0) {
      // Two bytes: C2..DF (C0 and C1 would be overlong, 80..BF are continuations).
      const b1 = bytes[i + 1] as number;
      if (b0 < 0xc2 || (b1 & 0xc0) !== 0x80) return undefined;
      units[u++] = ((b0 & 0x1f) << 6) | (b1 & 0x3f);
      i += 2;
    } else if (b0 < 0xf0) {
      const b1 = bytes[i + 1] as number;
      const b2 = bytes[i + 2] as number;
      if ((b1 & 0xc0) !== 0x80 || (b2 & 0xc0) !== 0x80) return undefined;
      const cp = ((b0 & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (b2 & 0x3f);
      if (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff)) return undefined;
      units[u++] = cp;
      i += 3;
    } else if (b0 <= 0xf4) {
      const b1 = bytes[i + 1] as number;
      const b2 = bytes[i + 2] as number;
      const b3 = bytes[i + 3] as number;
      if ((b1 & 0xc0) !== 0x80 || (b2 & 0xc0) !== 0x80 || (b3 & 0xc0) !== 0x80) return undefined;
      const cp = ((b0 & 0x07) << 18) | ((b1 & 0x3f) << 12) | ((b2 & 0x3f) << 6) | (b3 & 0x3f);
      if (cp < 0x10000 || cp > 0x10ffff) return undefined;
      const v = cp - 0x10000;
      units[u++] = 0xd800 + (v >> 10);
      units[u++] = 0xdc00 + (v & 0x3ff);
      i += 4;
    } else {
      return undefined;
    }
    if (u >= STRING_CHUNK) {
      parts.push(String.fromCharCode.apply(null, units.subarray(0, u) as never));
      u = 0;
    }
  }
  if (u > 0) parts.push(String.fromCharCode.apply(null, units.subarray(0, u) as never));
  return parts.length === 1 ? (parts[0] as string) : parts.join("");
}

/** Encodes a string as UTF-8; lone surrogates become U+FFFD, as `TextEncoder` does. */
export function utf8Encode(text: string): Uint8Array {
  // At most 3 bytes per UTF-16 unit (a surrogate pair is 2 units for 4 bytes).
  const out = new Uint8Array(text.length * 3);
  let o = 0;
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp < 0x80) {
      out[o++] = cp;
      continue;
    }
    if (cp >= 0xd800 && cp <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (next - 0xdc00);
        i++;
      } else {
        cp = 0xfffd;
      }
    } else if (cp >= 0xdc00 && cp <= 0xdfff) {
      cp = 0xfffd;
    }
    if (cp < 0x800) {
      out[o++] = 0xc0 | (cp >> 6);
      out[o++] = 0x80 | (cp & 63);
    } else if (cp < 0x10000) {
      out[o++] = 0xe0 | (cp >> 12);
      out[o++] = 0x80 | ((cp >> 6) & 63);
      out[o++] = 0x80 | (cp & 63);
    } else {
      out[o++] = 0xf0 | (cp >> 18);
      out[o++] = 0x80 | ((cp >> 12) & 63);
      out[o++] = 0x80 | ((cp >> 6) & 63);
      out[o++] = 0x80 | (cp & 63);
    }
  }
  return out.slice(0, o);
}
