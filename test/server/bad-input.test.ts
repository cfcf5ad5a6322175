import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorResponseSchema } from "../../TypeScript/contract";
import { type Harness, loginUid, post, startHarness } from "./harness";

describe("bad input: a clear 4xx with a reason, never a 5xx", () => {
  let h: Harness;
  let login: string;
  const logs: string[] = [];
  beforeAll(async () => {
    const plenty = { max: 1_000_000, windowMs: 60_000 };
    h = await startHarness({
      bodyLimit: 64 * 1024,
      logs,
      loginRateLimit: plenty,
      userRateLimit: { perSession: plenty, perApp: plenty },
    });
    login = `${h.url}/v1/apps/${h.appId}/login`;
  });
  afterAll(() => h.close());

  it("answers 413 payloadTooLarge for a body over the limit", async () => {
    const big = { identityToken: "x".repeat(64 * 1024), fullPrivacy: false };
    const answer = await post(login, big);
    expect(answer.status).toBe(413);
    expect(answer.body).toEqual({ reason: "payloadTooLarge" });
  });

  it("answers 400 badRequest for malformed JSON, empty bodies and wrong shapes", async () => {
    for (const raw of ["{", '{"identityToken":', "null", "[]", "42", '"text"', ""]) {
      const answer = await post(login, raw, { raw: true });
      expect(answer.status, raw).toBe(400);
      expect(answer.body).toEqual({ reason: "badRequest", detail: "badRequest" });
    }
    for (const body of [{}, { identityToken: 1, fullPrivacy: false }, { identityToken: "", fullPrivacy: "yes" }]) {
      expect((await post(login, body)).body).toEqual({ reason: "badRequest", detail: "badRequest" });
    }
  });

  it("answers 415 badRequest for other content types, and accepts a JSON charset", async () => {
    const body = JSON.stringify({
      identityToken: "",
      fullPrivacy: false,
      anonymousId: "hsft_anon_AAAAAAAAAAAAAAAAAAAAAA",
    });
    const cases: [string, number][] = [
      ["text/plain", 415],
      ["application/x-www-form-urlencoded", 415],
      ["application/xml", 415],
      ["multipart/form-data; boundary=x", 415],
      ["application/json; charset=utf-8", 200],
    ];
    for (const [contentType, status] of cases) {
      const answer = await post(login, body, { raw: true, contentType });
      expect(answer.status, contentType).toBe(status);
      if (status !== 200) expect(answer.body).toEqual({ reason: "badRequest", detail: "badRequest" });
    }
  });

  it("refuses prototype-poisoning JSON with badRequest", async () => {
    const answer = await post(login, '{"__proto__":{"admin":true},"identityToken":"","fullPrivacy":false}', {
      raw: true,
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ reason: "badRequest", detail: "badRequest" });
  });

  it("answers 404 notFound for unknown apps and paths", async () => {
    const unknownApp = await post(`${h.url}/v1/apps/nope/login`, { identityToken: "", fullPrivacy: false });
    expect(unknownApp.status).toBe(404);
    expect(unknownApp.body).toEqual({ reason: "notFound", detail: "unknownApp" });
    const unknownAppBearer = await post(`${h.url}/v1/apps/nope/attributes`, { batchId: "b" }, { bearer: "hss_x" });
    expect(unknownAppBearer.body).toEqual({ reason: "notFound", detail: "unknownApp" });
    const unknownPath = await post(`${h.url}/v1/nothing`, {});
    expect(unknownPath.status).toBe(404);
    expect(unknownPath.body).toEqual({ reason: "notFound" });
  });

  it("answers garbage identity tokens with identityTokenInvalid or another login reason, never 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.tuple(fc.base64String(), fc.base64String(), fc.base64String()).map((p) => p.join(".")),
          fc.json().map((j) => `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(j).toString("base64url")}.sig`),
        ),
        async (identityToken) => {
          const answer = await post(login, { identityToken, fullPrivacy: false });
          if (identityToken === "") return;
          expect(answer.status).toBeGreaterThanOrEqual(400);
          expect(answer.status).toBeLessThan(500);
          expect(ErrorResponseSchema.safeParse(answer.body).success).toBe(true);
        },
      ),
      { numRuns: 150, seed: 20261124 },
    );
  });

  it("answers garbage attribute batches per key or with badRequest, never 5xx", async () => {
    const { token } = await loginUid(h, "fuzz");
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), fc.jsonValue(), async (master, app) => {
        const answer = await post(
          `${h.url}/v1/apps/${h.appId}/attributes`,
          { batchId: "f", master, app },
          { bearer: token },
        );
        expect([200, 400]).toContain(answer.status);
      }),
      { numRuns: 100, seed: 20261124 },
    );
  });

  it("logged no unhandled error", () => {
    expect(logs.filter((l) => l.includes('"level":"error"'))).toEqual([]);
  });
});

describe("internal failure", () => {
  it("answers 500 unknownError as JSON and logs it redacted when the database is gone", async () => {
    const logs: string[] = [];
    const h = await startHarness({ logs });
    try {
      const { token } = await loginUid(h, "before-failure");
      h.service.db.close();
      const answer = await post(`${h.url}/v1/apps/${h.appId}/attributes`, { batchId: "b" }, { bearer: token });
      expect(answer.status).toBe(500);
      expect(answer.body).toEqual({ reason: "unknownError" });
      const errors = logs.filter((l) => l.includes('"level":"error"'));
      expect(errors).toHaveLength(1);
      expect(errors.join()).not.toContain(token);
    } finally {
      await h.service.fastify.close();
    }
  });
});
