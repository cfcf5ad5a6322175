/**
 * The decode port: where a host hands the contract faster base64url and UTF-8 decoders than the pure-JS ones.
 * Token parsing ({@link decodeBase64UrlUtf8}, used by `decodeIdentityToken`) asks the installed port first and
 * falls back to the pure-JS codecs for whatever the port leaves out. Every implementation must give the same
 * answer as the pure-JS codecs on every input (test/contract/decode-port.test.ts), malformed input included:
 * `undefined` for a character outside the base64url alphabet, padding, a length of 4n+1, or bytes that are not
 * well-formed UTF-8 (truncated, lone continuation, overlong, encoded surrogate, beyond U+10FFFF); bits past the
 * last whole byte are ignored, as `Buffer` and `atob` do; a leading BOM is kept.
 *
 * Adapters: Node — `nodeDecodePort` (TypeScript/node/decode-port.ts, `Buffer` + fatal `TextDecoder`); browsers —
 * `browserDecodePort` (TypeScript/tester/decode-port.ts, `atob` + fatal `TextDecoder`); Unreal — the bridge can
 * offer `FBase64::Decode` + `FUTF8ToTCHAR` as one `base64UrlToUtf8` function (docs/performance.md, "Decode port").
 *
 * @example
 * const previous = installDecodePort({ base64UrlToUtf8: (part) => bridge.DecodeBase64UrlUtf8(part) });
 * validateIdentityToken(jwt); // decodes header and payload through the port
 * installDecodePort(previous);
 */
import { asciiBytesToString, base64UrlDecode, base64UrlDecodeChecked } from "./base64url";
import { utf8Decode } from "./utf8";

/** Any subset of the three decoders; the contract's pure-JS codecs stand in for the rest. */
export interface DecodePort {
  /** Unpadded base64url → bytes, or `undefined` when the text is not base64url (see the module's rules). */
  readonly base64UrlToBytes?: (text: string) => Uint8Array | undefined;
  /** Strict UTF-8 → string, or `undefined` when the bytes are not well-formed UTF-8. */
  readonly utf8Decode?: (bytes: Uint8Array) => string | undefined;
  /**
   * base64url of UTF-8 → string in one call (one crossing for a host such as the Unreal bridge), or `undefined`
   * when either step refuses. Preferred over the other two when present.
   */
  readonly base64UrlToUtf8?: (text: string) => string | undefined;
}

/** The contract's own codecs: pure ECMAScript, what runs when no host offers better. */
export const PURE_DECODE_PORT: Required<DecodePort> = {
  base64UrlToBytes: base64UrlDecode,
  utf8Decode,
  base64UrlToUtf8: pureBase64UrlToUtf8,
};

let installed: DecodePort = PURE_DECODE_PORT;

/**
 * Makes `port` the decoders of token parsing in this JS environment; returns the port it replaces.
 * Pass `PURE_DECODE_PORT` (or `{}`) to go back to the pure-JS codecs.
 *
 * @example
 * installDecodePort(nodeDecodePort);
 */
export function installDecodePort(port: DecodePort): DecodePort {
  const previous = installed;
  installed = port;
  return previous;
}

/**
 * The port token parsing uses now.
 *
 * @example
 * installedDecodePort() === PURE_DECODE_PORT; // true until a host installs its own
 */
export function installedDecodePort(): DecodePort {
  return installed;
}

/**
 * base64url of UTF-8 to a string with the contract's own codecs: all-ASCII payloads (detected while decoding)
 * skip UTF-8 decoding.
 *
 * @example
 * pureBase64UrlToUtf8("Wm_Dqw") // "Zoë"
 */
export function pureBase64UrlToUtf8(text: string): string | undefined {
  const decoded = base64UrlDecodeChecked(text);
  if (!decoded) return undefined;
  return decoded.ascii ? asciiBytesToString(decoded.bytes) : utf8Decode(decoded.bytes);
}

/**
 * base64url of UTF-8 to a string through `port` (default: the installed one), the pure-JS codecs filling gaps.
 *
 * @example
 * decodeBase64UrlUtf8("eyJhIjoxfQ") // '{"a":1}'
 */
export function decodeBase64UrlUtf8(text: string, port: DecodePort = installed): string | undefined {
  if (port.base64UrlToUtf8) return port.base64UrlToUtf8(text);
  if (!port.base64UrlToBytes && !port.utf8Decode) return pureBase64UrlToUtf8(text);
  const bytes = (port.base64UrlToBytes ?? base64UrlDecode)(text);
  return bytes === undefined ? undefined : (port.utf8Decode ?? utf8Decode)(bytes);
}
