/**
 * The contract's decode port on Node: `Buffer` for base64url and a fatal `TextDecoder` for UTF-8, giving the
 * same answers as the contract's pure-JS codecs (test/contract/decode-port.test.ts). `Buffer` skips characters
 * outside the alphabet, so the text is checked first with the contract's own `isBase64Url`.
 *
 * @example
 * import { installDecodePort } from "../contract";
 * installDecodePort(nodeDecodePort); // token checks in this process decode natively
 */
import { type DecodePort, isBase64Url } from "../contract";

const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const ASCII = /^[\x00-\x7f]*$/;

function utf8Decode(bytes: Uint8Array): string | undefined {
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

function base64UrlToBytes(text: string): Uint8Array | undefined {
  if (!isBase64Url(text)) return undefined;
  const buffer = Buffer.from(text, "base64url");
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

export const nodeDecodePort: Required<DecodePort> = {
  base64UrlToBytes,
  utf8Decode,
  base64UrlToUtf8: (text) => {
    if (!isBase64Url(text)) return undefined;
    const buffer = Buffer.from(text, "base64url");
    // latin1 of all-ASCII bytes is the text itself, and cheaper than a UTF-8 decode.
    const latin1 = buffer.toString("latin1");
    return ASCII.test(latin1) ? latin1 : utf8Decode(buffer);
  },
};
