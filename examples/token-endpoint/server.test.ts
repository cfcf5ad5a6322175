import type { AddressInfo } from "node:net";
import { compactVerify, decodeJwt, decodeProtectedHeader } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateIdentityToken } from "../../TypeScript/contract";
import { createIdentityService, type IdentityService } from "../../TypeScript/server";
import { createTokenEndpoint, type Player, TOKEN_PATH } from "./server";

const NOW = Date.UTC(2026, 5, 1, 8, 30, 15);
const players = new Map<string, Player>([
  ["session-ada", { uid: "ada", email: "ada@example.com", metadata: { level: "12" } }],
  ["session-bob", { uid: "bob" }],
]);

describe("token endpoint example", () => {
  let endpoint: ReturnType<typeof createTokenEndpoint>;
  let base: string;
  let service: IdentityService;
  let secret: string;
  let serviceUrl: string;

  beforeAll(async () => {
    service = await createIdentityService({ database: ":memory:", clock: { now: () => NOW } });
    secret = service.apps.create({ id: "game" }).secret;
    serviceUrl = await service.listen({ host: "127.0.0.1", port: 0 });
    endpoint = createTokenEndpoint({ secret, authenticate: (bearer) => players.get(bearer), now: () => NOW });
    await new Promise<void>((resolve) => endpoint.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(endpoint.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => endpoint.close(resolve));
    await service.close();
  });

  const mint = (bearer?: string, method = "POST", path = TOKEN_PATH) =>
    fetch(`${base}${path}`, { method, headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });

  it("mints an HS256 token with iat now, uid, email and metadata for an authenticated player", async () => {
    const response = await mint("session-ada");
    expect(response.status).toBe(200);
    const { identityToken } = (await response.json()) as { identityToken: string };
    expect(decodeProtectedHeader(identityToken).alg).toBe("HS256");
    await compactVerify(identityToken, new TextEncoder().encode(secret));
    expect(decodeJwt(identityToken)).toEqual({
      identities: [
        { identifier: "uid", value: "ada", metadata: { level: "12" } },
        { identifier: "email", value: "ada@example.com" },
      ],
      iat: Math.floor(NOW / 1000),
    });
    expect(validateIdentityToken(identityToken).ok).toBe(true);
  });

  it("mints a token the identity service accepts", async () => {
    const { identityToken } = (await (await mint("session-bob")).json()) as { identityToken: string };
    const login = await fetch(`${serviceUrl}/v1/apps/game/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ identityToken, fullPrivacy: false }),
    });
    expect(login.status).toBe(200);
    expect(((await login.json()) as { anonymous: boolean }).anonymous).toBe(false);
  });

  it("refuses unauthenticated players, other methods and paths", async () => {
    expect((await mint()).status).toBe(401);
    expect((await mint("session-mallory")).status).toBe(401);
    expect((await mint("session-ada", "GET")).status).toBe(405);
    expect((await mint("session-ada", "POST", "/other")).status).toBe(404);
  });
});
