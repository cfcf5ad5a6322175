import { decodeProtectedHeader, jwtVerify } from "jose";
import { describe, expect, it } from "vitest";
import { runCheck } from "../../TypeScript/cli/commands/check";
import { runSign } from "../../TypeScript/cli/commands/sign";
import { buildPayload } from "../../TypeScript/tester/payload";

const NOW = 1_800_000_000;
const SECRET = "dev-secret-for-tests";

async function sign(options: Partial<Parameters<typeof runSign>[0]>) {
  const out = await runSign({ secret: SECRET, nowSeconds: NOW, ...options });
  expect(out.exitCode).toBe(0);
  expect(out.stdout).toHaveLength(1);
  return out.stdout[0] as string;
}

describe("sign", () => {
  it("mints an HS256 token that verifies with the secret and carries the identities", async () => {
    const token = await sign({
      uid: "42",
      email: "ada@example.com",
      metadata: ["email.verified=true", "uid.tier=gold"],
    });
    expect(decodeProtectedHeader(token)).toEqual({ alg: "HS256", typ: "JWT" });
    const { payload } = await jwtVerify(token, new TextEncoder().encode(SECRET), { algorithms: ["HS256"] });
    expect(payload).toEqual({
      identities: [
        { identifier: "uid", value: "42", metadata: { tier: "gold" } },
        { identifier: "email", value: "ada@example.com", metadata: { verified: "true" } },
      ],
      iat: NOW,
    });
    await expect(jwtVerify(token, new TextEncoder().encode("another-secret"))).rejects.toThrow();
  });

  it("what it mints passes check", async () => {
    const token = await sign({ uid: "42", identities: ["steam_id=7656119", "psn_id=a=b"] });
    expect(runCheck({ token, json: true, nowSeconds: NOW }).stdout).toEqual([
      JSON.stringify({ ok: true, anonymous: false, identifiers: ["uid", "steam_id", "psn_id"], iatAgeSeconds: 0 }),
    ]);
  });

  it("non-ASCII values survive signing and checking", async () => {
    const token = await sign({ email: "zoë@例え.jp", metadata: ["email.name=Zoë 🎮"] });
    const { payload } = await jwtVerify(token, new TextEncoder().encode(SECRET));
    expect(payload.identities).toEqual([{ identifier: "email", value: "zoë@例え.jp", metadata: { name: "Zoë 🎮" } }]);
  });

  it("--iat sets or leaves out iat, so broken tokens can be minted for tests", async () => {
    expect(buildPayload({ uid: "1", iat: "1700000000", nowSeconds: NOW })).toEqual({
      ok: true,
      payload: { identities: [{ identifier: "uid", value: "1" }], iat: 1_700_000_000 },
    });
    const token = await sign({ uid: "1", iat: "none" });
    expect(JSON.parse(runCheck({ token, json: true, nowSeconds: NOW }).stdout[0] as string)).toMatchObject({
      ok: false,
      reason: "iatIsMandatory",
    });
  });

  it("does not validate what it signs (an unknown identifier is minted as asked)", async () => {
    const token = await sign({ identities: ["twitter_id=ada"] });
    expect(JSON.parse(runCheck({ token, json: true, nowSeconds: NOW }).stdout[0] as string)).toMatchObject({
      reason: "identitiesDataInvalid",
      errors: { twitter_id: "invalidData" },
    });
  });

  it.each([
    [{ identities: ["uid"] }, "--identity expects identifier=value"],
    [{ identities: ["=v"] }, "--identity expects identifier=value"],
    [{ metadata: ["uid=v"], uid: "1" }, "--metadata expects identifier.key=value"],
    [{ metadata: ["email.k=v"], uid: "1" }, 'names "email", which is not an identity'],
    [{ uid: "1", iat: "soon" }, "--iat expects epoch seconds"],
    [{ uid: "1", iat: "1.5" }, "--iat expects epoch seconds"],
    [{ uid: "1", secret: "" }, "--secret must not be empty"],
  ])("refuses %j (exit 2, nothing on stdout)", async (options, message) => {
    const out = await runSign({ secret: SECRET, nowSeconds: NOW, ...options });
    expect(out.exitCode).toBe(2);
    expect(out.stdout).toEqual([]);
    expect(out.stderr[0]).toContain(message);
  });
});
