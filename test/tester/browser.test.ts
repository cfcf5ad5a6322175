import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

const SECRET = "browser-test-dev-secret-0123456789";

/**
 * Runs in the page: the words of the result, inspection and client panels and the event log that a line break
 * cuts between two letters or digits (a break after "-" or "." is a normal place to wrap), and the parts of the
 * client line (status, user id, expiry) cut anywhere. (A string: the tests compile without the DOM types.)
 */
const BROKEN_WORDS = `(() => {
  const found = [];
  const top = (node, i) => {
    const range = document.createRange();
    range.setStart(node, i);
    range.setEnd(node, i + 1);
    const rect = Array.from(range.getClientRects()).find((r) => r.width > 0);
    return rect ? Math.round(rect.top) : undefined;
  };
  for (const element of document.querySelectorAll("pre, #events li")) {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent;
      // Inside a part of the client line (an id, a timestamp), no break at all; elsewhere none between letters.
      const whole = node.parentElement && node.parentElement.classList.contains("part");
      for (const match of text.matchAll(/\\S+/g)) {
        for (let i = match.index + 1; i < match.index + match[0].length; i++) {
          const before = top(node, i - 1);
          const after = top(node, i);
          if (before === undefined || after === undefined || before === after) continue;
          if (whole || (/\\w/.test(text[i - 1]) && /\\w/.test(text[i]))) found.push(match[0]);
        }
      }
    }
  }
  return found;
})()`;

let service: IdentityService;
let baseUrl: string;
let browser: LaunchedChromium | undefined;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  service = await createIdentityService({ database: ":memory:" });
  service.apps.create({ id: "demo", secret: SECRET, tags: ["vip"] });
  baseUrl = await service.listen({ host: "127.0.0.1", port: 0 });
  browser = await launchChromium();
  page = browser.page;
  page.on("pageerror", (error) => pageErrors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") pageErrors.push(message.text());
  });
});

afterAll(async () => {
  await browser?.close();
  await service?.close();
});

const text = async (id: string) => (await page.locator(`#${id}`).textContent()) ?? "";
const fill = (field: string, value: string) => page.locator(`[data-field="${field}"]`).fill(value);
const click = (action: string) => page.locator(`[data-action="${action}"]`).click();
/** The user id the client line shows. */
const userIdOnPage = async () => /user (\S+)/.exec(await text("client"))?.[1] ?? "";
const waitResult = async (pattern: RegExp) => {
  try {
    await page.locator("#result").filter({ hasText: pattern }).waitFor({ timeout: 10_000 });
  } catch (error) {
    throw new Error(`#result never matched ${pattern}: ${JSON.stringify(await text("result"))}`, { cause: error });
  }
};

describe("login tester in real Chromium against the real service", () => {
  it("mints, inspects, logs in, adds identities, pushes attributes, sees events, logs out", async () => {
    await page.goto(`${baseUrl}/tester`);
    expect(await page.title()).toBe("HelpshiftTS login tester");
    expect(await text("client")).toBe("Client: logged out");

    await fill("secret", SECRET);
    await fill("uid", "player-42");
    await fill("email", "ada@example.com");
    await fill("metadata", "email.verified=true");
    await click("mint");
    await page.locator("#inspection").filter({ hasText: "OK: passes the client checks." }).waitFor();
    expect(await text("inspection")).toContain("Identifiers: uid, email");
    const token = await page.locator('[data-field="token"]').inputValue();
    expect(token.split(".")).toHaveLength(3);

    await click("login");
    await waitResult(/login: Logged in as user /);
    expect(await text("client")).toMatch(
      /^Client: logged in \(identified\) · user \S+ · session left \d+ (d|h|min) .* · until \d{4}-\d\d-\d\dT/,
    );

    // A second identity for the same user, then one the client refuses (an event, not a failure).
    await fill("uid", "");
    await fill("email", "");
    await fill("metadata", "");
    await fill("identities", "steam_id=76561198000000000");
    await click("mint");
    await click("addIdentities");
    await waitResult(/^addIdentities: Identities sent and accepted: steam_id\.$/);
    await fill("identities", "steam_id=76561198000000000\ntwitter_id=ada");
    await click("mint");
    await click("addIdentities");
    // Refused on the client: the page says so (never "sent") and the event arrives.
    await waitResult(/^addIdentities failed\nidentitiesDataInvalid:/);
    await page.locator('#events li[data-event="identitiesDataInvalid"]').waitFor();
    expect(await page.locator('#events li[data-event="identitiesDataInvalid"]').textContent()).toContain(
      '"twitter_id":"invalidData"',
    );

    await fill("masterAttributes", '{"first_name": "Ada", "new_tags": ["vip"], "nickname": "x"}');
    await click("masterAttributes");
    await waitResult(/^masterAttributes: Queued and flushed first_name, new_tags; refused on the client: nickname\.$/);
    await page.locator('#events li[data-event="masterAttributesValidationFailed"]').waitFor();
    expect(await page.locator('#events li[data-event="masterAttributesValidationFailed"]').textContent()).toContain(
      '"nickname":"invalidData"',
    );
    // The service accepted the rest of the batch: "vip" is a tag the app defines.
    expect(await page.locator('#events li[data-event="masterAttributesSyncFailed"]').count()).toBe(0);

    await page.screenshot({ path: "/tmp/helpshift-ts-tester.png", fullPage: true });

    await click("logout");
    await waitResult(/logout: Logged out\./);
    expect(await text("client")).toBe("Client: logged out");

    // The dev secret is never persisted by the page.
    const stored = await page.evaluate(() =>
      JSON.stringify({ ...(globalThis as unknown as { localStorage: object }).localStorage }),
    );
    expect(stored).not.toContain(SECRET);
    expect(pageErrors).toEqual([]);
  });

  it("a token signed with the wrong secret is refused by the service, explained on the page", async () => {
    await page.goto(`${baseUrl}/tester`);
    await fill("secret", "not-the-apps-secret-at-all");
    await fill("uid", "player-43");
    await click("mint");
    await click("login");
    await waitResult(/login failed/);
    const result = await text("result");
    expect(result).toContain("identityTokenInvalid:");
    expect(result).toContain("Detail: signatureInvalid");
  });

  it("client-side failures show before any request: uidOrEmailIsMandatory, and an anonymous login", async () => {
    await page.goto(`${baseUrl}/tester`);
    await fill("secret", SECRET);
    await fill("identities", "phone_number=+15550100");
    await click("mint");
    expect(await text("inspection")).toContain("uidOrEmailIsMandatory:");
    await fill("token", "");
    await click("login");
    await waitResult(/login: Logged in as anonymous user \S+\./);
    const client = await text("client");
    expect(client).toMatch(/^Client: logged in \(anonymous\) · user \S+ · session left /);

    // Attributes of an anonymous user are dropped by the client: the page says nothing was queued.
    await click("masterAttributes");
    await waitResult(/^masterAttributes failed: Not queued: the user is anonymous/);
    await click("addIdentities");
    await waitResult(/^addIdentities failed: Not sent: the user is anonymous/);

    // After a reload, the page shows the session localStorage kept, before any action.
    await page.reload();
    await page.locator('#client[data-state="loggedIn"]').waitFor();
    // The same session (the time left counts down meanwhile).
    const sameSession = (line: string) => line.replace(/ · session left [^·]+/, "");
    expect(sameSession(await text("client"))).toBe(sameSession(client));
  });

  it("a flush that cannot reach the service is reported as not delivered, never as flushed", async () => {
    await page.goto(`${baseUrl}/tester`);
    await fill("secret", SECRET);
    await fill("uid", "player-offline");
    await click("mint");
    await click("login");
    await waitResult(/login: Logged in as user /);
    // The attributes request fails as a dropped connection would (fetch rejects).
    await page.route("**/v1/apps/*/attributes", (route) => route.abort("connectionfailed"));
    try {
      await fill("masterAttributes", '{"first_name": "Ada"}');
      await click("masterAttributes");
      await waitResult(/^masterAttributes failed: Queued first_name, but the batch did not reach the service/);
    } finally {
      await page.unroute("**/v1/apps/*/attributes");
    }
  });

  it("Network bend: the next 2 requests fail; the outbox keeps the keys with their attempts, then delivers them", async () => {
    const errorsBefore = pageErrors.length;
    await page.goto(`${baseUrl}/tester`);
    await fill("secret", SECRET);
    await fill("uid", "player-bend");
    await click("mint");
    await click("login");
    await waitResult(/login: Logged in as user /);
    // The session bar: a meter, nearly full just after the login.
    const meter = page.locator("#session-meter");
    expect(await meter.getAttribute("role")).toBe("meter");
    expect(Number(await meter.getAttribute("aria-valuenow"))).toBeGreaterThan(99);
    expect(await page.locator("#client-badge").textContent()).toBe("logged in");

    await page.locator('[data-bend-field="failCount"]').fill("2");
    await page.locator('[data-bend="fail"]').click();
    expect(await text("network-change")).toBe("The next 2 requests will fail as network errors.");
    expect(await text("network-state")).toMatch(/^Bent: next 2 requests fail/);

    await fill("masterAttributes", '{"first_name": "Ada", "new_tags": ["vip"]}');
    await click("masterAttributes");
    await waitResult(/^masterAttributes failed: Queued first_name, new_tags, but the batch did not reach the service/);
    // Pending, with the attempt that failed.
    const row = (key: string) => page.locator(`#outbox-rows tr[data-key="${key}"]`);
    await row("first_name").and(page.locator('[data-fate="retrying"]')).waitFor();
    expect(await row("first_name").textContent()).toMatch(/waiting to retry \(attempt 1 failed: network\)/);
    expect(await row("new_tags.vip").getAttribute("data-fate")).toBe("retrying");
    expect(await text("outbox-summary")).toMatch(/^2 keys wait to be sent for user /);
    // The failures are in the event log.
    await page.locator('#events li[data-event="network"]').first().waitFor();
    expect(await page.locator('#events li[data-event="network"]').first().textContent()).toMatch(
      /network bent: POST \/v1\/apps\/demo\/attributes failed as a network error$/,
    );
    // The client retries (1 s, then 2 s later): the second attempt fails too, the third delivers.
    await row("first_name").and(page.locator('[data-fate="sent"]')).waitFor({ timeout: 15_000 });
    expect(await row("first_name").textContent()).toMatch(/^master\s*first_name\s*sent\s*3/);
    expect(await row("new_tags.vip").getAttribute("data-fate")).toBe("sent");
    expect(await page.locator('#events li[data-event="network"]').count()).toBe(2);
    expect(await text("network-state")).toBe("Not bent: requests go out as usual (so far 2 failed, 0 delayed).");
    expect(await userIdOnPage()).not.toBe("");

    // A key the service refuses shows its reason.
    await fill("masterAttributes", '{"new_tags": ["nope"]}');
    await click("masterAttributes");
    await waitResult(/^masterAttributes: Queued and flushed new_tags; refused by the service: new_tags\.nope\.$/);
    await row("new_tags.nope").waitFor();
    expect(await row("new_tags.nope").getAttribute("data-fate")).toBe("refused");
    expect(await row("new_tags.nope").textContent()).toContain("refused: invalidData");

    // Offline, undone.
    await page.locator('[data-bend="offline"]').click();
    expect(await page.locator('[data-bend="offline"]').getAttribute("aria-pressed")).toBe("true");
    expect(await text("network-change")).toMatch(/^Offline: every request fails/);
    await page.locator('[data-bend="offline"]').click();
    expect(await text("network-change")).toBe("Back online: requests go out again.");
    await page.screenshot({ path: "/tmp/helpshift-ts-tester-network.png", fullPage: true });
    expect(pageErrors.slice(errorsBefore)).toEqual([]);
  });

  it("Inspect: the decoded header and payload, each problem at its field", async () => {
    await page.goto(`${baseUrl}/tester`);
    await fill("secret", SECRET);
    await fill("uid", "player-inspect");
    await fill("identities", "twitter_id=ada");
    await fill("iat", String(Math.floor(Date.now() / 1000) - 90_000));
    await click("mint");
    const field = (path: string) => page.locator(`.token-field[data-path="${path}"]`);
    await field("header.alg").waitFor();
    expect(await field("header.alg").textContent()).toContain('"HS256"');
    expect(await field("payload.iat").textContent()).toContain("warning");
    expect(await field("payload.iat").locator('[data-code="iatTooOld"]').count()).toBe(1);
    // The refused identity is flagged at its entry; the uid is fine.
    expect(await field("payload.identities[1]").locator('[data-code="invalidData"]').count()).toBe(1);
    expect(await field("payload.identities[0]").locator("li").count()).toBe(0);
    await fill("token", "not-a-token");
    await page.locator("#problems li").first().waitFor();
    expect(await text("problems")).toContain("error");
    expect(await text("decoded-payload")).toBe("The token does not decode.");
  });

  it("Refresh now: the state line shows refreshing, then logged in; the log says the session was refreshed in place", async () => {
    const errorsBefore = pageErrors.length;
    await page.goto(`${baseUrl}/tester`);
    await fill("secret", SECRET);
    await fill("uid", "player-refresh");
    await click("mint");
    await click("login");
    await waitResult(/login: Logged in as user /);
    const user = /user (\S+)/.exec(await text("client"))?.[1];
    expect(user).toBeDefined();
    // The service's time arrived with the answers (X-Server-Time through the page's transport).
    expect(await text("clock")).toMatch(/^Clock: service clock (in step with|[\d.]+ s (ahead of|behind)) this device/);

    // Hold the refresh's login request, so the page is seen while it refreshes.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route("**/v1/apps/*/login", async (route) => {
      await held;
      await route.continue();
    });
    try {
      await click("refresh");
      await page.locator('#client[data-state="refreshing"]').waitFor({ timeout: 10_000 });
      expect(await text("client")).toMatch(
        new RegExp(`^Client: refreshing \\(ahead of expiry\\) · user ${user} · session left `),
      );
      expect(await text("result")).toBe("refresh…");
      release();
      await waitResult(new RegExp(`^refresh: Session refreshed in place: user ${user}, until `));
      await page.locator('#client[data-state="loggedIn"]').waitFor({ timeout: 10_000 });
      expect(await text("client")).toMatch(new RegExp(`^Client: logged in \\(identified\\) · user ${user} · `));
    } finally {
      release();
      await page.unroute("**/v1/apps/*/login");
    }
    const notes = await page.locator('#events li[data-event="identityState"]').allTextContents();
    expect(notes.some((n) => / session refresh started \(ahead of expiry\)$/.test(n))).toBe(true);
    expect(notes.some((n) => n.includes(` session refreshed in place: user ${user}, until `))).toBe(true);
    expect(await page.locator('#events li[data-event="identityTokenProvider"]').first().textContent()).toMatch(
      / fresh identity token minted for the refresh \(ahead of expiry\)$/,
    );
    // No token or secret on the page's log or in the store.
    const log = (await page.locator("#events").textContent()) ?? "";
    expect(log).not.toMatch(/eyJ/);
    expect(log).not.toContain(SECRET);
    expect(pageErrors.slice(errorsBefore)).toEqual([]);
  });

  it("wraps text between words: no word is broken in the middle, even in a narrow window", async () => {
    await page.setViewportSize({ width: 420, height: 900 });
    try {
      await page.goto(`${baseUrl}/tester`);
      await fill("secret", SECRET);
      await fill("email", "ada@example.com");
      await fill("iat", String(Math.floor(Date.now() / 1000) - 90_000));
      await fill("config", '{"full_privacy_enabled": true}');
      await click("mint");
      await page.locator("#inspection").filter({ hasText: "Warning (iatTooOld)" }).waitFor();
      await fill("masterAttributes", '{"nickname": "x"}');
      await click("masterAttributes");
      await waitResult(/masterAttributes failed/);
      const broken = (await page.evaluate(BROKEN_WORDS)) as string[];
      await page.screenshot({ path: "/tmp/helpshift-ts-tester-narrow.png", fullPage: true });
      const checked = await page.locator("#inspection").textContent();
      expect(checked?.length).toBeGreaterThan(200);
      expect(broken).toEqual([]);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });
});

describe("accessibility of the standalone /tester page (axe-core, names, focus order)", () => {
  let a11yBrowser: LaunchedChromium | undefined;
  let tester: Page;

  beforeAll(async () => {
    a11yBrowser = await launchChromium({ bypassCSP: true });
    tester = a11yBrowser.page;
  });
  afterAll(async () => {
    await a11yBrowser?.close();
  });

  /** axe (serious and critical fail), every control named, and Tab through the controls in DOM order. */
  async function checkPage(): Promise<void> {
    await injectAxe(tester);
    expect(await seriousAxeViolations(tester)).toEqual([]);
    expect(await unnamedControls(tester)).toEqual([]);
    const order = await focusableInOrder(tester);
    expect(order.length).toBeGreaterThan(20);
    const walk = await tabWalk(tester, order);
    expect(walk.visited).toEqual(walk.expected);
  }

  it("as it opens: the page has one h1, a main landmark, and passes", async () => {
    await tester.goto(`${baseUrl}/tester`);
    await tester.locator('[data-action="mint"]').waitFor();
    expect(await tester.locator("h1").allTextContents()).toEqual(["HelpshiftTS login tester"]);
    expect(await tester.locator("main").count()).toBe(1);
    await checkPage();
  });

  it("the theme's page padding applies once: the h1 and the first panel start at the same left edge", async () => {
    await tester.goto(`${baseUrl}/tester`);
    await tester.locator('[data-action="mint"]').waitFor();
    expect(await tester.locator(".page .page").count()).toBe(0);
    expect(await tester.locator(".page").count()).toBe(1);
    const h1 = await tester.locator("h1").boundingBox();
    const panel = await tester.locator(".panel").first().boundingBox();
    expect(h1?.x).toBeGreaterThan(0);
    expect(panel?.x).toBe(h1?.x);
  });

  it("logged in, with a decoded token, an outbox, a refused key and events: still passes", async () => {
    await tester.goto(`${baseUrl}/tester`);
    await tester.locator('[data-field="secret"]').fill(SECRET);
    await tester.locator('[data-field="uid"]').fill("player-a11y");
    await tester.locator('[data-action="mint"]').click();
    await tester.locator('[data-action="login"]').click();
    await tester
      .locator("#result")
      .filter({ hasText: /login: Logged in as user / })
      .waitFor();
    await tester.locator('[data-field="masterAttributes"]').fill('{"first_name": "Ada", "nickname": "x"}');
    await tester.locator('[data-action="masterAttributes"]').click();
    await tester
      .locator("#result")
      .filter({ hasText: /^masterAttributes/ })
      .waitFor();
    await tester.screenshot({ path: "/tmp/helpshift-ts-tester-a11y.png", fullPage: true });
    await checkPage();
  });
});

describe("the standalone /tester page in the dark colour scheme (prefers-color-scheme: dark)", () => {
  let darkBrowser: LaunchedChromium | undefined;
  let tester: Page;

  beforeAll(async () => {
    darkBrowser = await launchChromium({ bypassCSP: true, colorScheme: "dark" });
    tester = darkBrowser.page;
  });
  afterAll(async () => {
    await darkBrowser?.close();
  });

  /** axe (serious and critical; contrast is one), a dark background, readable text, no surface left light. */
  async function checkDark(): Promise<void> {
    await injectAxe(tester);
    expect(await seriousAxeViolations(tester)).toEqual([]);
    expect(await contrastViolations(tester)).toEqual([]);
    const scheme = await colourScheme(tester);
    expect(scheme.background).toBeLessThan(0.2);
    expect(scheme.text).toBeGreaterThan(0.5);
    expect(scheme.contrast).toBeGreaterThanOrEqual(7);
    expect(scheme.lightSurfaces).toEqual([]);
  }

  it("as it opens, and logged in with a decoded token, an outbox with refused keys and events", async () => {
    await tester.goto(`${baseUrl}/tester`);
    await tester.locator('[data-action="mint"]').waitFor();
    await checkDark();

    await tester.locator('[data-field="secret"]').fill(SECRET);
    await tester.locator('[data-field="uid"]').fill("player-dark");
    await tester.locator('[data-action="mint"]').click();
    await tester.locator('[data-action="login"]').click();
    await tester
      .locator("#result")
      .filter({ hasText: /login: Logged in as user / })
      .waitFor();
    await tester
      .locator('[data-field="masterAttributes"]')
      .fill('{"first_name": "Ada", "nickname": "x", "custom_user_fields": {"rank": "gold"}}');
    await tester.locator('[data-action="masterAttributes"]').click();
    await tester
      .locator("#result")
      .filter({ hasText: /^masterAttributes/ })
      .waitFor();
    await tester.locator('#outbox-rows tr[data-fate="refused"]').first().waitFor();
    await tester.screenshot({ path: "/tmp/helpshift-ts-tester-dark.png", fullPage: true });
    await checkDark();
  });
});
