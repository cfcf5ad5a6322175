/**
 * The contract's decode port in a browser: `atob` for base64 and a fatal `TextDecoder` for UTF-8, giving the same
 * answers as the contract's pure-JS codecs (test/contract/decode-port.test.ts). `atob` takes the standard
 * alphabet, padding and whitespace, so the text is checked first with the contract's own `isBase64Url`, then
 * mapped to the standard alphabet and padded.
 *
 * @example
 * installDecodePort(browserDecodePort(globalThis as unknown as BrowserDecodeGlobals));
 */
import { type DecodePort, isBase64Url } from "../../contract";

/** What the port takes from the page. */
export interface BrowserDecodeGlobals {
  atob(data: string): string;
  readonly TextDecoder: new (
    label: string,
    options: { fatal: boolean; ignoreBOM: boolean },
  ) => { decode(bytes: Uint8Array): string };
}

const ASCII = /^[\x00-\x7f]*$/;
const PADDING = ["", "", "==", "="];

/**
 * A decode port over the page's `atob` and `TextDecoder`.
 *
 * @example
 * const port = browserDecodePort(window as unknown as BrowserDecodeGlobals);
 */
export function browserDecodePort(globals: BrowserDecodeGlobals): Required<DecodePort> {
  const decoder = new globals.TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  const binary = (text: string): string | undefined =>
    isBase64Url(text)
      ? globals.atob(text.replace(/-/g, "+").replace(/_/g, "/") + (PADDING[text.length % 4] as string))
      : undefined;
  const toBytes = (latin1: string): Uint8Array => {
    const bytes = new Uint8Array(latin1.length);
    for (let i = 0; i < latin1.length; i++) bytes[i] = latin1.charCodeAt(i);
    return bytes;
  };
  const utf8Decode = (bytes: Uint8Array): string | undefined => {
    try {
      return decoder.decode(bytes);
    } catch {
      return undefined;
    }
  };
  return {
    base64UrlToBytes: (text) => {
      const latin1 = binary(text);
      return latin1 === undefined ? undefined : toBytes(latin1);
    },
    utf8Decode,
    base64UrlToUtf8: (text) => {
      const latin1 = binary(text);
      if (latin1 === undefined) return undefined;
      return ASCII.test(latin1) ? latin1 : utf8Decode(toBytes(latin1));
    },
  };
}
