/**
 * Rate limits: logins per app and client address count every request, whatever its body; the attributes and
 * identities routes are limited per session and per app, so one session (anonymous ones are free to make)
 * cannot flood them.
 */
import { describe, expect, it } from "vitest";
import { type Harness, post, startHarness } from "./harness";

const anonymous = (n: number) => ({
  identityToken: "",
  fullPrivacy: false,
  anonymousId: `hsft_anon_${String(n).padStart(22, "r")}`,
});

async function anonymousSession(h: Harness, n: number): Promise<string> {
  const answer = await post(`${h.url}/v1/apps/${h.appId}/login`, anonymous(n));
  expect(answer.status).toBe(200);
  return answer.body.sessionToken as string;
}

describe("login rate limit counts every request", () => {
  it("counts malformed JSON, bodies of other content types and empty bodies", async () => {
    const h = await startHarness({ loginRateLimit: { max: 3, windowMs: 10_000 } });
    try {
      const url = `${h.url}/v1/apps/${h.appId}/login`;
      expect((await post(url, "{", { raw: true })).status).toBe(400);
      expect((await post(url, "hello", { raw: true, contentType: "text/plain" })).status).toBe(415);
      expect((await post(url, "", { raw: true })).status).toBe(400);
      const limited = await post(url, anonymous(1));
      expect(limited.status).toBe(429);
      expect(limited.body).toEqual({ reason: "rateLimited", detail: "rateLimited" });
      expect((await post(url, "{", { raw: true })).status).toBe(429);
    } finally {
      await h.close();
    }
  });
});

describe("attributes and identities rate limits", () => {
  const routes = [
    { name: "attributes", body: (i: number) => ({ batchId: `b-${i}`, master: { first_name: "A" } }) },
    { name: "identities", body: () => ({ identityToken: "" }) },
  ];

  for (const route of routes) {
    it(`${route.name}: max per session in a window, then 429 with Retry-After until the window passes`, async () => {
      const h = await startHarness({
        userRateLimit: { perSession: { max: 3, windowMs: 10_000 }, perApp: { max: 1_000, windowMs: 10_000 } },
      });
      try {
        const url = `${h.url}/v1/apps/${h.appId}/${route.name}`;
        const one = await anonymousSession(h, 1);
        const two = await anonymousSession(h, 2);
        for (let i = 0; i < 3; i++) expect((await post(url, route.body(i), { bearer: one })).status).not.toBe(429);
        const limited = await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${one}` },
          body: JSON.stringify(route.body(3)),
        });
        expect(limited.status).toBe(429);
        expect(await limited.json()).toEqual({ reason: "rateLimited", detail: "rateLimited" });
        expect(limited.headers.get("retry-after")).toBe("10");
        // Requests the route refuses count too.
        expect((await post(url, "{", { raw: true, bearer: one })).status).toBe(429);
        expect((await post(url, route.body(4), { bearer: two })).status).not.toBe(429);
        h.clock.advance(9_999);
        expect((await post(url, route.body(5), { bearer: one })).status).toBe(429);
        h.clock.advance(1);
        expect((await post(url, route.body(6), { bearer: one })).status).not.toBe(429);
      } finally {
        await h.close();
      }
    });

    it(`${route.name}: max per app in a window across sessions`, async () => {
      const h = await startHarness({
        userRateLimit: { perSession: { max: 1_000, windowMs: 10_000 }, perApp: { max: 4, windowMs: 10_000 } },
      });
      try {
        h.service.apps.create({ id: "other" });
        const url = `${h.url}/v1/apps/${h.appId}/${route.name}`;
        const sessions = [await anonymousSession(h, 1), await anonymousSession(h, 2)];
        for (let i = 0; i < 4; i++) {
          expect((await post(url, route.body(i), { bearer: sessions[i % 2] })).status).not.toBe(429);
        }
        expect((await post(url, route.body(4), { bearer: sessions[0] })).status).toBe(429);
        expect((await post(url, route.body(5), { bearer: sessions[1] })).status).toBe(429);
        // Another app has its own budget.
        const other = await post(`${h.url}/v1/apps/other/login`, anonymous(3));
        const otherUrl = `${h.url}/v1/apps/other/${route.name}`;
        expect((await post(otherUrl, route.body(6), { bearer: other.body.sessionToken as string })).status).not.toBe(
          429,
        );
      } finally {
        await h.close();
      }
    });
  }

  it("does not count requests without a valid session against the app", async () => {
    const h = await startHarness({
      userRateLimit: { perSession: { max: 1_000, windowMs: 10_000 }, perApp: { max: 1, windowMs: 10_000 } },
    });
    try {
      const url = `${h.url}/v1/apps/${h.appId}/attributes`;
      for (let i = 0; i < 3; i++) expect((await post(url, { batchId: "x" }, { bearer: "hss_nope" })).status).toBe(401);
      const session = await anonymousSession(h, 1);
      expect((await post(url, { batchId: "x" }, { bearer: session })).status).toBe(200);
      expect((await post(url, { batchId: "y" }, { bearer: session })).status).toBe(429);
    } finally {
      await h.close();
    }
  });
});
