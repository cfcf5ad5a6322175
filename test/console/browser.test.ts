/**
 * The identity emulator console (issue #13) in real Chromium against the real service, end to end: create an app
 * with a custom field and a tag (its secret shown once, "Use in tester"), mint a token, log in and push attributes
 * with one refused key in the mounted tester; see the user, its attributes and the refused key on the user's page
 * and in the live log (pushed, no reload); expire the session from the console and see the tester hear it; fail the
 * service's next requests (Bend) and watch the tester's outbox keep the keys and deliver them; reset all data.
 * Saves a screenshot of each page to docs/screenshots/ (1280×800, and a narrow one).
 *
 * Then an accessibility pass on every page (test/support/a11y.ts): axe-core (serious and critical violations
 * fail), every form control has an accessible name, and Tab goes through the nav and then the page's controls in
 * DOM order. And the same axe check on every page in the dark colour scheme (`colorScheme: "dark"`), with the
 * secret box and a dialog open, plus a dark background, its text's contrast and no surface left light; it saves
 * docs/screenshots/dark.png (the user's page).
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConsolePath } from "../../TypeScript/console/api-types";
import { createIdentityService, type IdentityService } from "../../TypeScript/server";
import {
  colourScheme,
  contrastViolations,
  focusableInOrder,
  injectAxe,
  seriousAxeViolations,
  tabWalk,
  unnamedControls,
} from "../support/a11y";
import { type LaunchedChromium, launchChromium } from "../support/chromium";

const root = new URL("../..", import.meta.url).pathname;
const SCREENSHOTS = join(root, "docs", "screenshots");
const VIEWPORT = { width: 1280, height: 800 };

let service: IdentityService;
let baseUrl: string;
const browsers: LaunchedChromium[] = [];
const pageErrors: string[] = [];

async function openBrowser(options: { bypassCSP?: boolean; colorScheme?: "light" | "dark" } = {}): Promise<Page> {
  const browser = await launchChromium({ viewport: VIEWPORT, ...options });
  browsers.push(browser);
  const { page } = browser;
  page.on("pageerror", (error) => pageErrors.push(error.message));
  page.on("console", (message) => {
    // The service's refusals and the bent failures are expected answers, not page errors.
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) {
      pageErrors.push(message.text());
    }
  });
  return page;
}

beforeAll(async () => {
  service = await createIdentityService({ database: ":memory:" });
  baseUrl = await service.listen({ host: "127.0.0.1", port: 0 });
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  for (const browser of browsers) await browser.close();
  await service?.close();
});

/**
 * In the mounted tester: fills the form fields given (by data-field), mints, logs in, waits for the result and
 * returns the user id it names.
 */
async function mintAndLogIn(page: Page, fields: Readonly<Record<string, string>>): Promise<string> {
  const tester = page.locator("#tester-root");
  for (const [field, value] of Object.entries(fields)) await tester.locator(`[data-field="${field}"]`).fill(value);
  await tester.locator('[data-action="mint"]').click();
  await tester.locator('[data-action="login"]').click();
  await page
    .locator("#result")
    .filter({ hasText: /login: Logged in as user / })
    .waitFor();
  return /user (usr_\S+?)\.?(\s|$)/.exec((await page.locator("#result").textContent()) ?? "")?.[1] ?? "";
}

/** Goes to a console page through its nav link (as a person would), and waits for its heading to have the focus. */
async function nav(page: Page, name: string, heading: string): Promise<void> {
  await page.locator("nav.app-nav a", { hasText: name }).click();
  await page.locator(`h1:focus`).filter({ hasText: heading }).waitFor();
}

async function shoot(page: Page, name: string): Promise<void> {
  // Wait for the frame to settle (fonts, the log's arrival highlight) so the picture is stable.
  await page.evaluate("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)");
  await page.waitForTimeout(1300);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

describe("identity console in real Chromium against the real service", () => {
  let page: Page;
  let userId = "";

  beforeAll(async () => {
    page = await openBrowser();
  });

  it("GET / opens the console on Apps; the header shows the service's time", async () => {
    await page.goto(`${baseUrl}/`);
    expect(page.url()).toBe(`${baseUrl}/console`);
    expect(await page.title()).toBe("Apps · HelpshiftTS identity console");
    expect(await page.locator('nav.app-nav a[aria-current="page"]').textContent()).toBe("Apps");
    await page
      .locator("#service-time")
      .filter({ hasText: /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/ })
      .waitFor();
    expect(await page.locator("#clock-badge").textContent()).toBe("clock in step");
    await page.locator("#apps-list .empty, #apps-table").first().waitFor();
  });

  it("creates an app with a custom field and a tag; the secret shows once and fills the tester", async () => {
    await page.locator("#create-app").getByLabel("App id").fill("arena");
    await page.locator("#create-app").getByLabel("Name").fill("Arena");
    await page.locator('[data-action="add-field-row"]').click();
    await page.locator('#new-fields [data-role="field-name"]').fill("guild");
    await page.locator('#new-fields [data-role="field-type"]').selectOption("singleline");
    await page.locator("#create-app").getByLabel("Tags").fill("vip");
    await page.locator("#create-app button[type=submit]").click();
    await page.locator("#secret-box").waitFor();
    const secret = (await page.locator("#secret-value").textContent()) ?? "";
    expect(secret).toMatch(/^[\w-]{40,}$/);
    expect(await page.locator("#create-said").textContent()).toBe("Created arena.");
    const row = page.locator('#apps-table tr[data-app="arena"]');
    await row.waitFor();
    expect(await row.textContent()).toContain("guild: singleline");
    expect(await row.textContent()).toContain("vip");
    expect(await row.textContent()).toContain("7 d / 2 d");
    await shoot(page, "apps");

    // The secret is in the box only: not in the list, nor anywhere once dismissed.
    expect(await page.locator("#apps-list").textContent()).not.toContain(secret);
    await page.locator('[data-action="use-in-tester"]').click();
    await page.locator("h1:focus").filter({ hasText: "Login tester" }).waitFor();
    expect(await page.locator('nav.app-nav a[aria-current="page"]').textContent()).toBe("Tester");
    expect(await page.locator('#tester-root [data-field="appId"]').inputValue()).toBe("arena");
    expect(await page.locator('#tester-root [data-field="secret"]').inputValue()).toBe(secret);
    await nav(page, "Apps", "Apps");
    await page.locator('[data-action="dismiss-secret"]').click();
    expect(await page.locator("#secret-box").count()).toBe(0);
    expect(await page.locator("body").textContent()).not.toContain(secret);
    // Still in the tester's form (in memory), which is what "Use in tester" is for.
    expect(await page.locator('#tester-root [data-field="secret"]').inputValue()).toBe(secret);
  });

  it("logs in and pushes attributes in the tester; the user, its attributes and the refused key show", async () => {
    await page.evaluate(() => {
      (globalThis as unknown as { notReloaded: boolean }).notReloaded = true;
    });
    await nav(page, "Tester", "Login tester");
    const tester = page.locator("#tester-root");
    userId = await mintAndLogIn(page, { uid: "player-7", email: "ada@example.com" });
    expect(userId).toMatch(/^usr_/);

    // rank is not a custom field of the app: the service refuses that key and takes the rest.
    await tester
      .locator('[data-field="masterAttributes"]')
      .fill('{"first_name": "Ada", "new_tags": ["vip"], "custom_user_fields": {"guild": "red", "rank": "gold"}}');
    await tester.locator('[data-action="masterAttributes"]').click();
    await page
      .locator("#result")
      .filter({ hasText: /^masterAttributes: Queued and flushed/ })
      .waitFor();
    await page.locator('#events li[data-event="masterAttributesSyncFailed"]').waitFor();
    await shoot(page, "tester");

    // The live log got it pushed (no reload): the login and the batch with its refused key.
    await nav(page, "Live log", "Live log");
    const batch = page.locator('#log-list li[data-kind="attributes"]').first();
    await batch.waitFor();
    expect(await batch.locator('[data-role="refused"]').textContent()).toContain("custom_user_fields.rank");
    expect(await batch.locator(`a[href="#/users/${userId}"]`).count()).toBe(1);
    expect(await page.locator('#log-list li[data-kind="login"]').count()).toBeGreaterThan(0);
    expect(await page.locator("#log-state").textContent()).toBe("live");

    // Arriving while the log is open: a bend made elsewhere appears at the top, live.
    const rows = await page.locator("#log-list li").count();
    const bent = await fetch(`${baseUrl}${ConsolePath.bendClock}`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ offsetMs: 0 }),
    });
    expect(bent.status).toBe(200);
    await page.locator("#log-list li").nth(rows).waitFor();
    expect(await page.locator("#log-list li").first().getAttribute("data-kind")).toBe("bend");

    // Filters: by kind, then by user.
    await page.locator("#log-kind").selectOption("attributes");
    expect(await page.locator('#log-list li:not([data-kind="attributes"])').count()).toBe(0);
    await page.locator("#log-kind").selectOption("");
    await page.locator("#log-user").fill(userId.slice(0, 10));
    expect(await page.locator('#log-list li[data-kind="bend"]').count()).toBe(0);
    await page.locator("#log-user").fill("");
    await shoot(page, "log");

    // The user page: identities, attributes, tag, custom field, session, and the refused key in its activity.
    await batch.locator(`a[href="#/users/${userId}"]`).click();
    await page
      .locator("h1:focus")
      .filter({ hasText: `User ${userId}` })
      .waitFor();
    expect(await page.locator('nav.app-nav a[aria-current="page"]').textContent()).toBe("Users");
    await page.locator("#user-master").waitFor();
    expect(await page.locator('#user-master tr[data-key="first_name"]').textContent()).toContain("Ada");
    expect(await page.locator("#user-identities").textContent()).toContain("player-7");
    expect(await page.locator("#user-identities").textContent()).toContain("ada@example.com");
    expect(await page.locator("#user-tags").textContent()).toContain("vip");
    expect(await page.locator("#user-custom-fields").textContent()).toContain("red");
    expect(await page.locator("#user-custom-fields").textContent()).not.toContain("gold");
    expect(await page.locator('#user-sessions tr[data-state="open"]').count()).toBe(1);
    expect(await page.locator('#user-sessions [role="meter"]').getAttribute("aria-valuenow")).toMatch(/^(99|100)$/);
    expect(await page.locator('#user-log [data-role="refused"]').first().textContent()).toContain(
      "master.custom_user_fields.rank: invalidData",
    );
    await shoot(page, "user");
    expect(await page.evaluate(() => (globalThis as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  });

  it("expires the session from the console; the tester hears it", async () => {
    await page.locator('[data-action="expire-session"]').click();
    await page
      .locator("#user-said")
      .filter({ hasText: /expired now/ })
      .waitFor();
    await page.locator('#user-sessions tr[data-state="expired"]').waitFor();

    await nav(page, "Tester", "Login tester");
    const tester = page.locator("#tester-root");
    // The client finds out at its next request: push an attribute.
    await tester.locator('[data-field="masterAttributes"]').fill('{"last_name": "Lovelace"}');
    await tester.locator('[data-action="masterAttributes"]').click();
    await page
      .locator('#events li[data-event="userSessionExpired"], #events li[data-event="refreshUserCredentials"]')
      .first()
      .waitFor({ timeout: 15_000 });
    // The tester's token provider renews the same user in place (the dev secret is in its form).
    await page.locator('#client[data-state="loggedIn"]').waitFor({ timeout: 15_000 });
  });

  it("fails the service's next requests (Bend); the tester's outbox keeps the keys, then delivers them", {
    timeout: 60_000,
  }, async () => {
    await nav(page, "Bend", "Bend time and the network");
    await page.locator("#fail-count").fill("2");
    await page.locator("#fail-status").selectOption("503");
    await page.locator('[data-action="fail-next"]').click();
    await page.locator("#bend-said").filter({ hasText: /\S/ }).waitFor();
    await page.locator('#bend-change-list [data-change="fail"]').waitFor();
    expect(await page.locator('#bend-change-list [data-change="fail"]').textContent()).toContain("fail with 503");
    await page.locator("#bend-badges .badge.bad").waitFor();

    // A clock change, then its Undo.
    await page.locator('[data-preset="300000"]').click();
    await page.locator('#bend-change-list [data-change="clock"]').filter({ hasText: "5 min ahead" }).waitFor();
    await page.locator("#clock-badge").filter({ hasText: "clock 5 min ahead" }).waitFor();
    await shoot(page, "bend");
    await page.locator('[data-undo="clock"]').click();
    await page.locator('#bend-change-list [data-change="clock"]').waitFor({ state: "detached" });
    await page.locator("#clock-badge").filter({ hasText: "clock in step" }).waitFor();

    await nav(page, "Tester", "Login tester");
    const tester = page.locator("#tester-root");
    await tester.locator('[data-field="masterAttributes"]').fill('{"first_name": "Augusta"}');
    await tester.locator('[data-action="masterAttributes"]').click();
    const row = page.locator('#outbox-rows tr[data-key="first_name"]');
    // Kept while the service fails (503 twice: attempts 1 and 2), then sent at the third attempt.
    await row.and(page.locator('[data-fate="retrying"]')).waitFor({ timeout: 10_000 });
    expect(await page.locator("#outbox-summary").textContent()).toMatch(/^1 key waits to be sent for user /);
    await page
      .locator("#outbox-summary")
      .filter({ hasText: /^Nothing waits to be sent/ })
      .waitFor({ timeout: 20_000 });
    expect(await row.first().getAttribute("data-fate")).toBe("sent");
    expect(await row.first().textContent()).toMatch(/^master\s*first_name\s*sent\s*3/);

    await nav(page, "Bend", "Bend time and the network");
    await page.locator("#bend-changes .empty").waitFor();
  });

  it("the live log keeps the rows you read in place while new ones arrive at the top", async () => {
    const bendLog = () =>
      fetch(`${baseUrl}${ConsolePath.bendNetwork}`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ slowNext: 0 }),
      });
    for (let i = 0; i < 25; i++) expect((await bendLog()).status).toBe(200);
    await nav(page, "Live log", "Live log");
    const total = await page.locator("#log-list li").count();
    expect(total).toBeGreaterThan(25);
    // Scroll down to read, and note where a row in view is.
    await page.locator("#log-view").evaluate((view: { scrollTop: number }) => {
      view.scrollTop = 200;
    });
    const reading = page.locator("#log-list li").nth(10);
    const seq = await reading.getAttribute("data-seq");
    const top = async () =>
      page
        .locator(`#log-list li[data-seq="${seq}"]`)
        .evaluate(
          (row: { getBoundingClientRect(): { top: number } }) => Math.round(row.getBoundingClientRect().top) as number,
        );
    const before = await top();
    const pageTop = await page
      .locator("#log-view")
      .evaluate((v: { getBoundingClientRect(): { top: number } }) => v.getBoundingClientRect().top);
    for (let i = 0; i < 5; i++) await bendLog();
    await page
      .locator("#log-list li")
      .nth(total + 4)
      .waitFor();
    expect(await top()).toBe(before);
    // The page around the log did not move either.
    expect(
      await page
        .locator("#log-view")
        .evaluate((v: { getBoundingClientRect(): { top: number } }) => v.getBoundingClientRect().top),
    ).toBe(pageTop);
    // Back at the top, the newest entry shows first.
    await page.locator("#log-view").evaluate((view: { scrollTop: number }) => {
      view.scrollTop = 0;
    });
    await bendLog();
    await page
      .locator("#log-list li")
      .nth(total + 5)
      .waitFor();
    const newest = Number(await page.locator("#log-list li").first().getAttribute("data-seq"));
    expect(newest).toBeGreaterThan(Number(seq));
  });

  it("a narrow window: the nav folds behind Menu", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.locator("nav.app-nav").isVisible()).toBe(false);
    await page.locator("#nav-toggle").click();
    expect(await page.locator("#nav-toggle").getAttribute("aria-expanded")).toBe("true");
    await page.locator("nav.app-nav a", { hasText: "Users" }).click();
    await page.locator("h1:focus").filter({ hasText: "Users" }).waitFor();
    expect(await page.locator("#nav-toggle").getAttribute("aria-expanded")).toBe("false");
    await page.locator("#nav-toggle").click();
    await page.locator("nav.app-nav a", { hasText: "Live log" }).click();
    await page.locator("h1:focus").filter({ hasText: "Live log" }).waitFor();
    expect(await page.locator("nav.app-nav").isVisible()).toBe(false);
    // Nothing wider than the window.
    expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);
    await page.locator("#log-user").fill(userId);
    await shoot(page, "narrow");
    await page.locator("#log-user").fill("");
    await page.setViewportSize(VIEWPORT);
  });
  it("lists and searches users; resets all data behind a typed confirmation", async () => {
    await nav(page, "Users", "Users");
    await page.locator(`#users-table tr[data-user="${userId}"]`).waitFor();
    await page.locator("#users-search").fill("ada@example");
    await page.locator(`#users-table tr[data-user="${userId}"]`).waitFor();
    await page.locator("#users-search").fill("nobody-like-this");
    await page.locator("#users-results .empty").filter({ hasText: "No user matches." }).waitFor();
    await page.locator("#users-search").fill("");
    await page.locator(`#users-table tr[data-user="${userId}"]`).waitFor();
    await shoot(page, "users");

    await page.locator('[data-action="reset-all"]').click();
    const dialog = page.locator("#confirm-dialog");
    await dialog.waitFor();
    expect(await page.locator("#confirm-ok").isDisabled()).toBe(true);
    await page.locator("#confirm-input").fill("rese");
    expect(await page.locator("#confirm-ok").isDisabled()).toBe(true);
    await page.locator("#confirm-input").fill("reset");
    await page.locator("#confirm-ok").click();
    await page
      .locator("#reset-said")
      .filter({ hasText: /^Reset: 1 user\(s\)/ })
      .waitFor();
    await page.locator("#users-results .empty").filter({ hasText: "No users yet." }).waitFor();
    expect(pageErrors).toEqual([]);
  });
});

describe("a service that wants the admin token", () => {
  it("asks for it once for every waiting call, says when it was refused, then works (live log included)", async () => {
    const ADMIN = "console-admin-token-0123456789abcdef";
    const guarded = await createIdentityService({
      database: ":memory:",
      console: { adminToken: ADMIN, requireAdminToken: true },
    });
    try {
      guarded.apps.create({ id: "guarded", tags: ["vip"] });
      const url = await guarded.listen({ host: "127.0.0.1", port: 0 });
      const page = await openBrowser();
      await page.goto(`${url}/console#/log`);
      const dialog = page.locator("#token-dialog");
      await dialog.waitFor();
      expect(await page.locator("#token-wrong").isVisible()).toBe(false);
      await page.locator("#token-input").fill("not-the-token");
      await page.locator("#token-ok").click();
      await page.locator("#token-wrong").waitFor();
      await page.locator("#token-input").fill(ADMIN);
      await page.locator("#token-ok").click();
      await dialog.waitFor({ state: "hidden" });
      await page.locator("#log-state").filter({ hasText: "live" }).waitFor();
      await page
        .locator("#service-time")
        .filter({ hasText: /^\d{4}-/ })
        .waitFor();
      await nav(page, "Apps", "Apps");
      await page.locator('#apps-table tr[data-app="guarded"]').waitFor();
      // Kept for this tab only, never shown.
      expect(await page.evaluate(`sessionStorage.getItem("helpshift-ts-console:admin-token")`)).toBe(ADMIN);
      expect(await page.locator("#token-input").inputValue()).toBe("");
      expect(await page.content()).not.toContain(ADMIN);
      // The stream got its entries through the token in its query: a change made now arrives.
      await nav(page, "Live log", "Live log");
      const response = await fetch(`${url}${ConsolePath.bendClock}`, {
        method: "PUT",
        headers: { "content-type": "application/json", "x-admin-token": ADMIN },
        body: JSON.stringify({ offsetMs: 60_000 }),
      });
      expect(response.status).toBe(200);
      await page.locator('#log-list li[data-kind="bend"]').first().waitFor();
    } finally {
      await guarded.close();
    }
  });
});

describe("accessibility of every console page (axe-core, names, focus order)", () => {
  let page: Page;
  const SECRET = "a11y-dev-secret-0123456789abcdef";
  let userId = "";

  beforeAll(async () => {
    service.apps.create({ id: "a11y", secret: SECRET, tags: ["vip"] });
    // bypassCSP only so that axe-core can be injected; the page is the same.
    page = await openBrowser({ bypassCSP: true });
    await page.goto(`${baseUrl}/console#/tester`);
    const tester = page.locator("#tester-root");
    userId = await mintAndLogIn(page, { appId: "a11y", secret: SECRET, uid: "player-a11y" });
    await tester.locator('[data-field="masterAttributes"]').fill('{"first_name": "Ada", "nickname": "x"}');
    await tester.locator('[data-action="masterAttributes"]').click();
    await page
      .locator("#result")
      .filter({ hasText: /^masterAttributes/ })
      .waitFor();
    await injectAxe(page);
  });

  /** Pairs of panels of the page, one right below the other, with less than 12 px between them. */
  const touchingPanels = (page: Page, name: string): Promise<string[]> =>
    page.evaluate(`(() => {
      const boxes = Array.from(document.querySelectorAll("#page-${name} .panel"))
        .filter((el) => el.offsetParent !== null)
        .map((el) => ({ el, r: el.getBoundingClientRect() }));
      const found = [];
      for (const a of boxes) for (const b of boxes) {
        if (a === b || a.el.contains(b.el) || b.el.contains(a.el)) continue;
        const sideways = a.r.left < b.r.right && b.r.left < a.r.right;
        const gap = b.r.top - a.r.bottom;
        if (sideways && gap >= 0 && gap < 12) found.push((a.el.querySelector("h2")?.textContent ?? "?") + " / " + (b.el.querySelector("h2")?.textContent ?? "?") + " " + Math.round(gap) + " px");
      }
      return found;
    })()`);

  const PAGES = [
    ["apps", "Apps", () => page.locator("#apps-table").waitFor()],
    ["users", "Users", () => page.locator("#users-table").waitFor()],
    ["user", "User", () => page.locator("#user-sessions").waitFor()],
    ["log", "Live log", () => page.locator('#log-list li[data-kind="attributes"]').first().waitFor()],
    ["tester", "Login tester", () => page.locator("#tester-root #events").waitFor()],
    ["bend", "Bend", () => page.locator("#bend-changes .empty").waitFor()],
  ] as const;

  for (const [name, heading, ready] of PAGES) {
    it(`${name}: no serious or critical axe violation, every control named, Tab in DOM order`, async () => {
      await page.evaluate(`location.hash = ${JSON.stringify(name === "user" ? `#/users/${userId}` : `#/${name}`)}`);
      await page.locator("h1:focus").filter({ hasText: heading }).waitFor();
      await ready();
      await page.waitForTimeout(300);

      expect(await seriousAxeViolations(page)).toEqual([]);
      expect(await unnamedControls(page)).toEqual([]);
      // The theme's page padding applies once: no page inside a page (the mounted tester brings none of its own),
      // and the heading and the first panel start at the same left edge.
      expect(await page.locator(".page .page").count()).toBe(0);
      const h1 = await page.locator("h1:focus").boundingBox();
      const panel = await page.locator(`#page-${name} .panel`).first().boundingBox();
      if (panel !== null) expect(panel.x).toBe(h1?.x);
      // Panels never touch: one below another (overlapping sideways) leaves at least the theme's gap between them.
      expect(await touchingPanels(page, name)).toEqual([]);

      // Tab from the top of the document: the nav's links first, then the page's controls, in DOM order.
      const order = await focusableInOrder(page);
      const navCount = order.filter((e) => e.nav).length;
      expect(navCount).toBe(5);
      const firstPage = order.findIndex((e) => !e.nav && order.indexOf(e) > order.findIndex((n) => n.nav));
      expect(
        order
          .slice(0, firstPage)
          .filter((e) => !e.nav)
          .map((e) => e.what),
      ).toEqual([
        expect.stringMatching(/^A /), // the skip link
        expect.stringMatching(/^A /), // the brand
      ]);
      // The first (the skip link) takes the focus; each Tab then moves to the next one.
      const walk = await tabWalk(page, order);
      expect(walk.visited).toEqual(walk.expected);
    });
  }
});

describe("the dark colour scheme on every console page (prefers-color-scheme: dark)", () => {
  let page: Page;
  const SECRET = "dark-dev-secret-0123456789abcdef";
  let userId = "";

  /** axe's serious and critical violations (contrast is one), a dark background, readable text, no light surface. */
  async function checkDark(): Promise<void> {
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await contrastViolations(page)).toEqual([]);
    const scheme = await colourScheme(page);
    expect(scheme.background).toBeLessThan(0.2);
    expect(scheme.text).toBeGreaterThan(0.5);
    expect(scheme.contrast).toBeGreaterThanOrEqual(7);
    expect(scheme.lightSurfaces).toEqual([]);
  }

  beforeAll(async () => {
    service.apps.create({ id: "dark", secret: SECRET, tags: ["vip"] });
    // bypassCSP only so that axe-core can be injected; the page is the same.
    page = await openBrowser({ bypassCSP: true, colorScheme: "dark" });
    await page.goto(`${baseUrl}/console#/tester`);
    const tester = page.locator("#tester-root");
    userId = await mintAndLogIn(page, {
      appId: "dark",
      secret: SECRET,
      uid: "player-dark",
      email: "grace@example.com",
    });
    await tester
      .locator('[data-field="masterAttributes"]')
      .fill('{"first_name": "Grace", "new_tags": ["vip"], "custom_user_fields": {"rank": "gold"}}');
    await tester.locator('[data-action="masterAttributes"]').click();
    await page
      .locator("#result")
      .filter({ hasText: /^masterAttributes/ })
      .waitFor();
    await injectAxe(page);
  });

  const PAGES = [
    ["apps", "Apps", () => page.locator("#apps-table").waitFor()],
    ["users", "Users", () => page.locator("#users-table").waitFor()],
    ["user", "User", () => page.locator("#user-sessions").waitFor()],
    ["log", "Live log", () => page.locator('#log-list li[data-kind="attributes"]').first().waitFor()],
    ["tester", "Login tester", () => page.locator("#tester-root #events li").first().waitFor()],
    ["bend", "Bend", () => page.locator("#bend-changes .empty").waitFor()],
  ] as const;

  for (const [name, heading, ready] of PAGES) {
    it(`${name}: dark, no serious or critical axe violation, text contrast AA`, async () => {
      await page.evaluate(`location.hash = ${JSON.stringify(name === "user" ? `#/users/${userId}` : `#/${name}`)}`);
      await page.locator("h1:focus").filter({ hasText: heading }).waitFor();
      await ready();
      await page.waitForTimeout(300);
      await checkDark();
      if (name === "user") {
        await page.locator('#user-log [data-role="refused"]').first().waitFor();
        await shoot(page, "dark");
      }
    });
  }

  it("the states: a bend in force (badges, notices), a secret shown once, an empty list, an open dialog", async () => {
    await page.evaluate(`location.hash = "#/bend"`);
    await page.locator("h1:focus").filter({ hasText: "Bend" }).waitFor();
    await page.locator("#fail-count").fill("1");
    await page.locator('[data-action="fail-next"]').click();
    await page.locator('#bend-change-list [data-change="fail"]').waitFor();
    await page.locator('[data-preset="300000"]').click();
    await page.locator("#clock-badge").filter({ hasText: "clock 5 min ahead" }).waitFor();
    await page.locator("#bend-badges .badge.bad").waitFor();
    await checkDark();
    await page.locator('[data-undo="clock"]').click();
    await page.locator("#clock-badge").filter({ hasText: "clock in step" }).waitFor();
    await page.locator('[data-undo="fail"]').click();
    await page.locator("#bend-changes .empty").waitFor();

    await page.evaluate(`location.hash = "#/apps"`);
    await page.locator("h1:focus").filter({ hasText: "Apps" }).waitFor();
    await page.locator("#create-app").getByLabel("App id").fill("dusk");
    await page.locator("#create-app button[type=submit]").click();
    await page.locator("#secret-box").waitFor();
    await checkDark();
    await page.locator('[data-action="dismiss-secret"]').click();

    await page.evaluate(`location.hash = "#/users"`);
    await page.locator("h1:focus").filter({ hasText: "Users" }).waitFor();
    await page.locator("#users-search").fill("nobody-like-this");
    await page.locator("#users-results .empty").filter({ hasText: "No user matches." }).waitFor();
    await checkDark();
    await page.locator("#users-search").fill("");
    await page.locator('[data-action="reset-all"]').click();
    await page.locator("#confirm-dialog").waitFor();
    await checkDark();
    await page.keyboard.press("Escape");
    await page.locator("#confirm-dialog").waitFor({ state: "hidden" });
    expect(pageErrors).toEqual([]);
  });
});
