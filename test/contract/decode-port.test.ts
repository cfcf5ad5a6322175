/**
 * Every decoder the contract can be handed agrees with the pure-JS codecs on every input, malformed included:
 * the pure codecs, the Node adapter (Buffer + fatal TextDecoder), the browser adapter (atob + fatal TextDecoder,
 * both present in Node) and the fused base64url→UTF-8 paths; and all agree with Node's own semantics as the
 * codec tests define them (base64url as Buffer decodes it once the alphabet is checked, UTF-8 as a fatal
 * TextDecoder that keeps a BOM).
 */
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { encodeUnsignedToken, largestLegalTokenPayload } from "../../bench/lib/fixtures";
import {
  base64UrlDecode,
  base64UrlEncode,
  checkLogin,
  type DecodePort,
  decodeBase64UrlUtf8,
  decodeIdentityToken,
  installDecodePort,
  installedDecodePort,
  PURE_DECODE_PORT,
  pureBase64UrlToUtf8,
  utf8Decode,
} from "../../TypeScript/contract";
import { nodeDecodePort } from "../../TypeScript/node/decode-port";
import { type BrowserDecodeGlobals, browserDecodePort } from "../../TypeScript/tester/web/decode-port";

const runs = { numRuns: 1000, seed: 20261125 };
const browser = browserDecodePort(globalThis as unknown as BrowserDecodeGlobals);
const ports: Record<string, Required<DecodePort>> = {
  pure: PURE_DECODE_PORT,
  node: nodeDecodePort,
  browser,
};

const fatal = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
/** Node's semantics: a fatal TextDecoder that keeps a BOM. */
function referenceUtf8(bytes: Uint8Array): string | undefined {
  try {
    return fatal.decode(bytes);
  } catch {
    return undefined;
  }
}
/** Node's semantics: Buffer's base64url, after the alphabet and length check Buffer itself does not make. */
function referenceBase64(text: string): number[] | undefined {
  if (text.length % 4 === 1 || !/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
  return Array.from(Buffer.from(text, "base64url"));
}
const list = (bytes: Uint8Array | undefined) => (bytes === undefined ? undefined : Array.from(bytes));

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
/** base64url-ish text: mostly the alphabet, sometimes a character a decoder must refuse. */
const base64ish = fc
  .array(
    fc.oneof(
      { weight: 30, arbitrary: fc.constantFrom(...B64.split("")) },
      { weight: 1, arbitrary: fc.constantFrom("+", "/", "=", " ", "\n", ".", "é", "\u0000", "😀", "\ud800", "\u0100") },
    ),
    { maxLength: 80 },
  )
  .map((chars) => chars.join(""));

/** UTF-8-ish bytes: well-formed pieces mixed with the malformed sequences a strict decoder refuses. */
const utf8ish = fc
  .array(
    fc.oneof(
      fc.uint8Array({ maxLength: 8 }),
      fc.string({ unit: "binary", maxLength: 6 }).map((s) => new Uint8Array(Buffer.from(s, "utf8"))),
      fc
        .constantFrom(
          [0xc0, 0x80], // overlong NUL
          [0xc1, 0xbf], // overlong 2-byte
          [0xe0, 0x80, 0xaf], // overlong 3-byte
          [0xf0, 0x80, 0x80, 0xaf], // overlong 4-byte
          [0xed, 0xa0, 0x80], // encoded lone high surrogate
          [0xed, 0xbf, 0xbf], // encoded lone low surrogate
          [0xf4, 0x90, 0x80, 0x80], // beyond U+10FFFF
          [0xf5, 0x80, 0x80, 0x80], // invalid lead
          [0x80], // lone continuation
          [0xe2, 0x82], // truncated
          [0xef, 0xbb, 0xbf], // BOM (kept)
          [0xed, 0x9f, 0xbf], // U+D7FF, legal
          [0xee, 0x80, 0x80], // U+E000, legal
          [0xf4, 0x8f, 0xbf, 0xbf], // U+10FFFF, legal
        )
        .map((b) => Uint8Array.from(b)),
      fc.constant(new Uint8Array(40).fill(0x41)), // an ASCII run long enough for the chunked path
    ),
    { maxLength: 12 },
  )
  .map((pieces) => {
    const out = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
    let o = 0;
    for (const p of pieces) {
      out.set(p, o);
      o += p.length;
    }
    return out;
  });

afterEach(() => {
  installDecodePort(PURE_DECODE_PORT);
});

describe("decode port: every implementation agrees", () => {
  it("base64url → bytes, on text with and without characters outside the alphabet", () => {
    fc.assert(
      fc.property(base64ish, (text) => {
        const expected = referenceBase64(text);
        for (const [name, port] of Object.entries(ports)) {
          expect(list(port.base64UrlToBytes(text)), `${name}: ${JSON.stringify(text)}`).toEqual(expected);
        }
        expect(list(base64UrlDecode(text))).toEqual(expected);
      }),
      runs,
    );
  });

  it("base64url with non-zero bits past the last byte decodes like Buffer (bits ignored)", () => {
    for (const text of ["aB", "aGl", "aGk_", "QR", "QUJ", "_-", "__8"]) {
      for (const port of Object.values(ports)) expect(list(port.base64UrlToBytes(text))).toEqual(referenceBase64(text));
    }
  });

  it("UTF-8 → string, on well-formed and malformed bytes", () => {
    fc.assert(
      fc.property(utf8ish, (bytes) => {
        const expected = referenceUtf8(bytes);
        for (const [name, port] of Object.entries(ports)) {
          expect(port.utf8Decode(bytes), `${name}: [${Array.from(bytes)}]`).toBe(expected);
        }
      }),
      runs,
    );
  });

  it("UTF-8 → string on long input crossing chunk boundaries (ASCII runs, 2-, 3- and 4-byte characters)", () => {
    for (const text of ["é🎮x".repeat(5000), `${"a".repeat(20_000)}€`, `€${"b".repeat(9000)}😀`, "€".repeat(9000)]) {
      const bytes = new Uint8Array(Buffer.from(text, "utf8"));
      for (const port of Object.values(ports)) expect(port.utf8Decode(bytes)).toBe(text);
    }
  });

  it("base64url of UTF-8 → string in one call, fused or composed, port installed or passed", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          utf8ish.map((b) => base64UrlEncode(b)),
          base64ish,
        ),
        (text) => {
          const bytes = referenceBase64(text);
          const expected = bytes === undefined ? undefined : referenceUtf8(Uint8Array.from(bytes));
          expect(pureBase64UrlToUtf8(text)).toBe(expected);
          for (const [name, port] of Object.entries(ports)) {
            expect(port.base64UrlToUtf8(text), name).toBe(expected);
            expect(decodeBase64UrlUtf8(text, port), name).toBe(expected);
            expect(decodeBase64UrlUtf8(text, { base64UrlToBytes: port.base64UrlToBytes }), name).toBe(expected);
            expect(decodeBase64UrlUtf8(text, { utf8Decode: port.utf8Decode }), name).toBe(expected);
          }
          expect(decodeBase64UrlUtf8(text, {})).toBe(expected);
        },
      ),
      runs,
    );
  });

  it("token parsing uses the installed port and gives the same answers with each", () => {
    const seen: string[] = [];
    installDecodePort({
      base64UrlToUtf8: (text) => {
        seen.push(text);
        return nodeDecodePort.base64UrlToUtf8(text);
      },
    });
    const jwt = encodeUnsignedToken({ identities: [{ identifier: "uid", value: "Zoë 🎮" }], iat: 1 });
    expect(decodeIdentityToken(jwt).ok).toBe(true);
    expect(seen).toEqual(jwt.split(".").slice(0, 2));
    const bad = [
      jwt,
      `${jwt.split(".")[0]}.${base64UrlEncode(Uint8Array.from([0xc0, 0x80]))}.sig`,
      "a.b+c.d",
      "e30.e30.a",
    ];
    const big = encodeUnsignedToken(largestLegalTokenPayload(1_700_000_000, "€"));
    for (const token of [...bad, big]) {
      const answers = Object.values(ports).map((port) => {
        installDecodePort(port);
        return JSON.stringify(checkLogin(token, {}));
      });
      expect(new Set(answers).size, token.slice(0, 40)).toBe(1);
    }
  });

  it("installDecodePort returns the port it replaces; the pure codecs are the default", () => {
    expect(installedDecodePort()).toBe(PURE_DECODE_PORT);
    expect(installDecodePort(nodeDecodePort)).toBe(PURE_DECODE_PORT);
    expect(installDecodePort(PURE_DECODE_PORT)).toBe(nodeDecodePort);
  });

  it("the pure UTF-8 decoder is the one the codec tests pin against TextDecoder", () => {
    expect(utf8Decode(Uint8Array.from([0xef, 0xbb, 0xbf, 0x41]))).toBe("\ufeffA");
  });
});
