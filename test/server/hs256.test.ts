/**
 * The service's HS256 check with node:crypto (`verify-token.ts`): it accepts exactly what jose signs with the
 * app's secret, and refuses every other spelling of a signature, a wrong key, and a critical header extension.
 * (Alg confusion, `none`, HS512 and bad signatures through the HTTP route: security.test.ts.)
 */
import { createHmac } from "node:crypto";
import { CompactSign } from "jose";
import { describe, expect, it } from "vitest";
import { FailureDetail } from "../../TypeScript/contract";
import { hmacKeyOf, hs256SignatureValid, verifyIdentityToken } from "../../TypeScript/server";

const secret = "hs256-test-secret-0123456789";
const encoder = new TextEncoder();

async function sign(payload: unknown, header: Record<string, unknown> = { alg: "HS256", typ: "JWT" }, key = secret) {
  return new CompactSign(encoder.encode(JSON.stringify(payload)))
    .setProtectedHeader(header as { alg: "HS256" })
    .sign(encoder.encode(key));
}

const payload = () => ({ identities: [{ identifier: "uid", value: "42" }], iat: Math.floor(Date.now() / 1000) });
const options = { fullPrivacy: false, requireUidOrEmail: true };

describe("HS256 with node:crypto", () => {
  it("accepts what jose signs with the secret", async () => {
    const jwt = await sign(payload());
    expect(hs256SignatureValid(jwt, hmacKeyOf(secret))).toBe(true);
    expect(await verifyIdentityToken(jwt, secret, Date.now(), options)).toMatchObject({ ok: true, mode: "uid" });
  });

  it("refuses another key, a changed payload, and every other spelling of the signature", async () => {
    const jwt = await sign(payload());
    const [h, p, s] = jwt.split(".") as [string, string, string];
    expect(hs256SignatureValid(jwt, hmacKeyOf(`${secret}x`))).toBe(false);
    expect(hs256SignatureValid(await sign(payload(), undefined, "another-secret-0123456789"), hmacKeyOf(secret))).toBe(
      false,
    );
    const last = s.slice(-1);
    // The last of 43 characters carries 4 bits and 2 unused ones: a different unused pair is the same bytes.
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const index = alphabet.indexOf(last);
    const sameBytes = alphabet[(index & ~3) | ((index + 1) & 3)] as string;
    const variants = [
      `${h}.${p}.${s.slice(0, -1)}${sameBytes}`,
      `${h}.${p}.${s}=`,
      `${h}.${p}.${s.slice(0, -1)}`,
      `${h}.${p}.${s}A`,
      `${h}.${p}.${s.replace(/-/g, "+").replace(/_/g, "/")}`,
      `${h}.${p}.`,
      `${h}.${p.slice(0, -2)}${p.slice(-1)}${p.slice(-2, -1)}.${s}`,
    ];
    for (const variant of variants) {
      if (variant === jwt) continue;
      expect(hs256SignatureValid(variant, hmacKeyOf(secret)), variant).toBe(false);
    }
  });

  it("refuses a token that marks a header extension critical, even correctly signed", async () => {
    // jose will not sign it, so it is signed by hand.
    const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const input = `${part({ alg: "HS256", typ: "JWT", crit: ["exp"], exp: 1 })}.${part(payload())}`;
    const jwt = `${input}.${createHmac("sha256", secret).update(input).digest("base64url")}`;
    expect(hs256SignatureValid(jwt, hmacKeyOf(secret))).toBe(true);
    const result = await verifyIdentityToken(jwt, secret, Date.now(), options);
    expect(result).toMatchObject({ ok: false, detail: FailureDetail.signatureInvalid });
  });
});
