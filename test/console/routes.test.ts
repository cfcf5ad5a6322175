/**
 * The console's page routes on a bare Fastify (inject): `GET /` leads to the console, `GET /console` is the page
 * with the tester page's security headers and the service URL escaped, `GET /console/app.js` is the bundle (built
 * once, shared with the tester through console/browser-bundle.ts).
 */
import Fastify from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConsolePath } from "../../TypeScript/console/api-types";
import { browserBundle } from "../../TypeScript/console/browser-bundle";
import { CONSOLE_ENTRY, registerConsolePageRoutes } from "../../TypeScript/console/page-routes";
import { consolePageHtml, NAV } from "../../TypeScript/console/web/page";
import { THEME_CSS } from "../../TypeScript/console/web/theme";
import { TESTER_ENTRY, testerBundle } from "../../TypeScript/tester/web/bundle";
import { TESTER_CSS } from "../../TypeScript/tester/web/page";

const app = Fastify();

beforeAll(async () => {
  await registerConsolePageRoutes(app, { serviceUrl: 'http://127.0.0.1:9/"><script>x</script>' });
  await app.ready();
});
afterAll(() => app.close());

describe("console page routes", () => {
  it("GET / leads to the console", async () => {
    const response = await app.inject({ method: "GET", url: "/" });
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe(ConsolePath.page);
    expect(response.headers["cache-control"]).toBe("no-store");
  });

  it("GET /console serves the page with a strict CSP and the service URL escaped", async () => {
    const response = await app.inject({ method: "GET", url: ConsolePath.page });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("text/html; charset=utf-8");
    const csp = String(response.headers["content-security-policy"]);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self' http://127.0.0.1:9;");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["referrer-policy"]).toBe("no-referrer");
    expect(response.headers["cache-control"]).toBe("no-store");
    expect(response.body).toContain(
      'data-service-url="http://127.0.0.1:9/&#34;&#62;&#60;script&#62;x&#60;/script&#62;"',
    );
    expect(response.body).not.toContain("<script>x</script>");
    expect(response.body).toContain(`<script src="${ConsolePath.script}"></script>`);
    // No inline script anywhere (the CSP would block it): the only script element is the bundle.
    expect(response.body.match(/<script/g)).toHaveLength(1);
    for (const [page, label] of NAV)
      expect(response.body).toContain(`<a href="#/${page}" data-nav="${page}">${label}</a>`);
    for (const page of ["apps", "users", "user", "log", "tester", "bend"]) {
      expect(response.body).toContain(`id="page-${page}"`);
      expect(response.body).toMatch(new RegExp(`<h1 id="h-${page}" tabindex="-1">`));
    }
  });

  it("GET /console/app.js serves the bundle, built once", async () => {
    const first = await app.inject({ method: "GET", url: ConsolePath.script });
    expect(first.statusCode).toBe(200);
    expect(first.headers["content-type"]).toBe("application/javascript; charset=utf-8");
    expect(first.headers["content-security-policy"]).toContain("script-src 'self'");
    expect(first.body.length).toBeGreaterThan(50_000);
    // The console's own code and the mounted tester are both in it.
    expect(first.body).toContain("/console/api/log/stream");
    expect(first.body).toContain("data-field");
    const second = await app.inject({ method: "GET", url: ConsolePath.script });
    expect(second.body).toBe(first.body);
  });

  it("the tester and the console share one bundler, one cached build per entry", async () => {
    expect(CONSOLE_ENTRY).toMatch(/TypeScript\/console\/web\/main\.ts$/);
    expect(TESTER_ENTRY).toMatch(/TypeScript\/tester\/web\/main\.ts$/);
    expect(browserBundle(CONSOLE_ENTRY)).toBe(browserBundle(CONSOLE_ENTRY));
    const [tester, consoleJs] = await Promise.all([testerBundle(), browserBundle(CONSOLE_ENTRY)]);
    expect(tester).not.toBe(consoleJs);
    expect(testerBundle()).toBe(browserBundle(TESTER_ENTRY));
  });

  it("a failed build is not cached", async () => {
    const missing = "/nonexistent/entry.ts";
    await expect(browserBundle(missing)).rejects.toThrow();
    const again = browserBundle(missing);
    await expect(again).rejects.toThrow();
  });

  it("the page carries the theme (and the mounted tester's own rules), and the theme holds the shared vocabulary", () => {
    const html = consolePageHtml({ serviceUrl: "", scriptPath: "/s.js" });
    expect(html).toContain(THEME_CSS);
    expect(html).toContain(TESTER_CSS);
    for (const selector of [
      ".page{",
      ".panel{",
      ".grid{",
      ".field{",
      ".row{",
      "button.primary{",
      "button.danger{",
      "button.quiet{",
      ".badge.ok{",
      ".badge.bad{",
      ".badge.warn{",
      ".badge.info{",
      ".mono{",
      ".muted{",
      ".meter{",
      ".empty,",
      ".loading",
      ".error",
      ".timeline{",
      "table.data{",
      ":focus-visible{",
      "@media (prefers-reduced-motion:reduce)",
      "overflow-anchor:none",
    ]) {
      expect(THEME_CSS, selector).toContain(selector);
    }
    expect(THEME_CSS).not.toMatch(/word-break\s*:\s*break-all/);
  });
});
