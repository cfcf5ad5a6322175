import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { base64UrlDecode, base64UrlEncode, utf8Decode, utf8Encode } from "../../TypeScript/contract";

const runs = { numRuns: 300, seed: 20261124 };

describe("base64url", () => {
  it("encodes exactly like Buffer on random bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(base64UrlEncode(bytes)).toBe(Buffer.from(bytes).toString("base64url"));
      }),
      runs,
    );
  });

  it("decodes what Buffer encodes, byte for byte", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const text = Buffer.from(bytes).toString("base64url");
        expect(Array.from(base64UrlDecode(text) ?? [])).toEqual(Array.from(bytes));
      }),
      runs,
    );
  });

  it("handles the empty input and each tail length", () => {
    expect(base64UrlEncode(new Uint8Array())).toBe("");
    expect(Array.from(base64UrlDecode("") ?? [9])).toEqual([]);
    expect(Array.from(base64UrlDecode("aA") ?? [])).toEqual([0x68]);
    expect(Array.from(base64UrlDecode("aGk") ?? [])).toEqual([0x68, 0x69]);
    expect(Array.from(base64UrlDecode("aGkh") ?? [])).toEqual([0x68, 0x69, 0x21]);
  });

  it("uses - and _ (not + and /)", () => {
    expect(base64UrlEncode(Uint8Array.from([0xfb, 0xff]))).toBe("-_8");
    expect(Array.from(base64UrlDecode("-_8") ?? [])).toEqual([0xfb, 0xff]);
  });

  it.each([
    ["standard alphabet +", "ab+c"],
    ["standard alphabet /", "ab/c"],
    ["padding", "aGk="],
    ["whitespace", "aG k"],
    ["impossible length (4n+1)", "aGkha"],
    ["non-ASCII", "aGé"],
    ["astral", "aG😀"],
  ])("refuses %s", (_name, text) => {
    expect(base64UrlDecode(text)).toBeUndefined();
  });
});

describe("UTF-8", () => {
  it("encodes exactly like TextEncoder on random strings (lone surrogates included)", () => {
    const encoder = new TextEncoder();
    fc.assert(
      fc.property(
        fc.string({ unit: "binary", maxLength: 100 }),
        fc.string({ unit: "grapheme", maxLength: 30 }),
        (a, b) => {
          for (const text of [a, b]) expect(Array.from(utf8Encode(text))).toEqual(Array.from(encoder.encode(text)));
        },
      ),
      runs,
    );
  });

  it("decodes exactly like a fatal TextDecoder on random bytes (valid or not)", () => {
    const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
    const reference = (bytes: Uint8Array) => {
      try {
        return decoder.decode(bytes);
      } catch {
        return undefined;
      }
    };
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        expect(utf8Decode(bytes)).toBe(reference(bytes));
      }),
      { ...runs, numRuns: 2000 },
    );
  });

  it("round-trips well-formed text, multi-byte and astral", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 60 }), (text) => {
        expect(utf8Decode(utf8Encode(text))).toBe(text);
      }),
      runs,
    );
    for (const text of ["Zoë", "日本語", "🎮👾", "a\u0000b", "\u{10FFFF}"])
      expect(utf8Decode(utf8Encode(text))).toBe(text);
  });

  it("decodes long input (beyond one internal chunk)", () => {
    const text = "é🎮x".repeat(5000);
    expect(utf8Decode(Buffer.from(text, "utf8"))).toBe(text);
  });

  it.each([
    ["lone continuation byte", [0x80]],
    ["truncated 2-byte sequence", [0xc3]],
    ["truncated 4-byte sequence", [0xf0, 0x9f, 0x8e]],
    ["overlong NUL", [0xc0, 0x80]],
    ["overlong 3-byte", [0xe0, 0x80, 0xaf]],
    ["encoded surrogate", [0xed, 0xa0, 0x80]],
    ["beyond U+10FFFF", [0xf4, 0x90, 0x80, 0x80]],
    ["invalid lead byte 0xFF", [0xff]],
    ["ASCII byte inside a sequence", [0xe6, 0x41, 0x80]],
  ])("refuses %s", (_name, bytes) => {
    expect(utf8Decode(Uint8Array.from(bytes))).toBeUndefined();
  });

  it("turns lone surrogates into U+FFFD like TextEncoder", () => {
    expect(Array.from(utf8Encode("\ud800"))).toEqual([0xef, 0xbf, 0xbd]);
    expect(Array.from(utf8Encode("\udc00x"))).toEqual([0xef, 0xbf, 0xbd, 0x78]);
  });
});
