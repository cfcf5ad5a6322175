import Fastify from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentSecurityPolicy, registerTesterRoutes, TesterPath } from "../../TypeScript/tester/routes";
import { escapeHtml, testerPageHtml } from "../../TypeScript/tester/web/page";

const app = Fastify();

beforeAll(async () => {
  await registerTesterRoutes(app, { serviceUrl: 'http://127.0.0.1:9/"><script>x</script>' });
  await app.ready();
});
afterAll(() => app.close());

describe("tester routes (minimal Fastify, inject)", () => {
  it("GET /tester serves the page with the service URL escaped and a strict CSP", async () => {
    const response = await app.inject({ method: "GET", url: TesterPath.page });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(response.headers["content-security-policy"]).toContain("script-src 'self'");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.body).toContain(
      'data-service-url="http://127.0.0.1:9/&#34;&#62;&#60;script&#62;x&#60;/script&#62;"',
    );
    expect(response.body).not.toContain("<script>x</script>");
    expect(response.body).toContain(`<script src="${TesterPath.script}"></script>`);
    for (const field of ["appId", "secret", "uid", "email", "identities", "metadata", "iat", "token", "config"]) {
      expect(response.body).toContain(`data-field="${field}"`);
    }
    expect(response.body).toMatch(/id="f-secret" data-field="secret" type="password"/);
  });

  it("GET / leads to the tester page", async () => {
    const response = await app.inject({ method: "GET", url: TesterPath.root });
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe(TesterPath.page);
    expect(response.body).toBe("");
  });

  it("the page's CSS never breaks a word in the middle (no word-break: break-all)", () => {
    const html = testerPageHtml({ serviceUrl: "", scriptPath: "/s.js" });
    expect(html).not.toMatch(/word-break\s*:\s*break-all/);
    expect(html).toMatch(/pre\{[^}]*overflow-wrap:anywhere/);
  });

  it("GET /tester/app.js serves the bundle (built once, then the same text)", async () => {
    const first = await app.inject({ method: "GET", url: TesterPath.script });
    expect(first.statusCode).toBe(200);
    expect(first.headers["content-type"]).toBe("application/javascript; charset=utf-8");
    expect(first.body.length).toBeGreaterThan(10_000);
    expect(first.body).toContain("data-field");
    const second = await app.inject({ method: "GET", url: TesterPath.script });
    expect(second.body).toBe(first.body);
  });

  it("the CSP lets the page reach its own origin, and the service when it is elsewhere", () => {
    expect(contentSecurityPolicy("")).toContain("connect-src 'self';");
    expect(contentSecurityPolicy("https://id.example.com/base")).toContain(
      "connect-src 'self' https://id.example.com;",
    );
    expect(contentSecurityPolicy("not a url")).toContain("connect-src 'self';");
  });

  it("escapeHtml escapes the five special characters", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      "&#60;a href=&#34;x&#34; title=&#39;y&#39;&#62;&#38;&#60;/a&#62;",
    );
    expect(testerPageHtml({ serviceUrl: "", scriptPath: "/s.js" })).toContain('data-service-url=""');
  });
});
