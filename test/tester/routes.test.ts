import Fastify from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { THEME_CSS } from "../../TypeScript/console/web/theme";
import { contentSecurityPolicy, registerTesterRoutes, TesterPath } from "../../TypeScript/tester/routes";
import { escapeHtml, testerMarkup, testerPageHtml } from "../../TypeScript/tester/web/page";

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
    // A shell: the bundle mounts the tester's panels into its root.
    expect(response.body).toContain(
      '<main class="page" id="main"><h1>HelpshiftTS login tester</h1><div id="tester-root"></div></main>',
    );
  });

  it("the tester's markup (mounted by the bundle) has every form field, labelled, and every panel", () => {
    const markup = testerMarkup();
    for (const field of ["appId", "secret", "uid", "email", "identities", "metadata", "iat", "token", "config"]) {
      expect(markup).toContain(`data-field="${field}"`);
      expect(markup).toContain(`<label for="f-${field}">`);
    }
    expect(markup).toMatch(/id="f-secret" data-field="secret" type="password"/);
    for (const panel of ["Token", "Inspect", "Client", "Outbox", "Network", "Attributes", "Events"]) {
      expect(markup).toMatch(
        new RegExp(`<section class="panel" [^>]*>(<div class="panel-head">)?<h2 [^>]*>${panel}</h2>`),
      );
    }
    expect(markup).toContain('role="meter"');
    // No page of its own: the page that holds it (standalone or the console's) is the one `.page`.
    expect(markup).not.toMatch(/class="page[ "]/);
  });

  it("GET / is not the tester's (the console's page routes take it)", async () => {
    const response = await app.inject({ method: "GET", url: "/" });
    expect(response.statusCode).toBe(404);
  });

  it("the page's CSS never breaks a word in the middle (no word-break: break-all)", () => {
    const html = testerPageHtml({ serviceUrl: "", scriptPath: "/s.js" });
    expect(html).not.toMatch(/word-break\s*:\s*break-all/);
    expect(html).toMatch(/pre\{[^}]*overflow-wrap:anywhere/);
    // The console's theme is the visual system: the page includes it.
    expect(html).toContain(THEME_CSS);
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
