import { createHash, createHmac } from "node:crypto";
import fc from "fast-check";
import { jwtVerify } from "jose";
import { describe, expect, it } from "vitest";
import { mintHs256 } from "../../TypeScript/tester/mint";
import { hmacSha256, sha256 } from "../../TypeScript/tester/sha256";

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex");
const bytes = (text: string) => new Uint8Array(Buffer.from(text, "utf8"));
const fill = (value: number, count: number) => new Uint8Array(count).fill(value);
const runs = { numRuns: 300, seed: 4231 };

describe("SHA-256", () => {
  it.each([
    ["", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"],
    ["abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"],
    [
      "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    ],
  ])("FIPS 180 vector %j", (message, digest) => {
    expect(hex(sha256(bytes(message)))).toBe(digest);
  });

  it("matches node:crypto at every padding boundary (0..200 bytes)", () => {
    for (let length = 0; length <= 200; length++) {
      const message = Uint8Array.from({ length }, (_, i) => (i * 31 + length) & 0xff);
      expect(hex(sha256(message))).toBe(createHash("sha256").update(message).digest("hex"));
    }
  });

  it("matches node:crypto on random inputs", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 1000 }), (message) => {
        expect(hex(sha256(message))).toBe(createHash("sha256").update(message).digest("hex"));
      }),
      runs,
    );
  });

  it("matches node:crypto on a 1 MB input", () => {
    const message = Uint8Array.from({ length: 1_000_000 }, (_, i) => (i * 7) & 0xff);
    expect(hex(sha256(message))).toBe(createHash("sha256").update(message).digest("hex"));
  });
});

describe("HMAC-SHA256", () => {
  // RFC 4231, test cases 1-7 (case 5 compares the first 128 bits, as the RFC does).
  const rfc4231: [string, Uint8Array, Uint8Array, string][] = [
    ["1", fill(0x0b, 20), bytes("Hi There"), "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"],
    [
      "2",
      bytes("Jefe"),
      bytes("what do ya want for nothing?"),
      "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
    ],
    ["3", fill(0xaa, 20), fill(0xdd, 50), "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"],
    [
      "4",
      Uint8Array.from({ length: 25 }, (_, i) => i + 1),
      fill(0xcd, 50),
      "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b",
    ],
    ["5", fill(0x0c, 20), bytes("Test With Truncation"), "a3b6167473100ee06e0c796c2955552b"],
    [
      "6",
      fill(0xaa, 131),
      bytes("Test Using Larger Than Block-Size Key - Hash Key First"),
      "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
    ],
    [
      "7",
      fill(0xaa, 131),
      bytes(
        "This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.",
      ),
      "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2",
    ],
  ];

  it.each(rfc4231)("RFC 4231 test case %s", (_case, key, data, mac) => {
    expect(hex(hmacSha256(key, data)).slice(0, mac.length)).toBe(mac);
  });

  it("matches node:crypto for keys around the block size (0..130 bytes)", () => {
    const data = bytes("header.payload");
    for (let length = 0; length <= 130; length++) {
      const key = Uint8Array.from({ length }, (_, i) => (i * 13 + 5) & 0xff);
      expect(hex(hmacSha256(key, data))).toBe(createHmac("sha256", key).update(data).digest("hex"));
    }
  });

  it("matches node:crypto on random keys and messages", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.uint8Array({ maxLength: 500 }), (key, message) => {
        expect(hex(hmacSha256(key, message))).toBe(createHmac("sha256", key).update(message).digest("hex"));
      }),
      runs,
    );
  });
});

describe("mintHs256", () => {
  it("mints tokens jose verifies with the secret (and refuses with another)", async () => {
    const payload = {
      identities: [{ identifier: "email", value: "zoë@例え.jp", metadata: { name: "🎮" } }],
      iat: 1_700_000_000,
    };
    const token = mintHs256(payload, "dev-secret-ünïcode");
    const { payload: verified, protectedHeader } = await jwtVerify(token, bytes("dev-secret-ünïcode"), {
      algorithms: ["HS256"],
      currentDate: new Date(1_700_000_000_000),
    });
    expect(protectedHeader).toEqual({ alg: "HS256", typ: "JWT" });
    expect(verified).toEqual(payload);
    await expect(jwtVerify(token, bytes("dev-secret-other"))).rejects.toThrow();
  });

  it("signs exactly like node:crypto on random payloads and secrets", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 80 }),
        fc.string({ minLength: 1, maxLength: 100 }),
        (value, secret) => {
          const token = mintHs256({ identities: [{ identifier: "uid", value }], iat: 1 }, secret);
          const [header, body, signature] = token.split(".");
          const expected = createHmac("sha256", secret).update(`${header}.${body}`).digest("base64url");
          expect(signature).toBe(expected);
          expect(JSON.parse(Buffer.from(body as string, "base64url").toString("utf8"))).toEqual({
            identities: [{ identifier: "uid", value }],
            iat: 1,
          });
        },
      ),
      { numRuns: 200, seed: 7 },
    );
  });
});
