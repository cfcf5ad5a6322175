import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createIdentityService, type IdentityService } from "../../TypeScript/server";

const SECRET = "browser-test-dev-secret-0123456789";
const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

let service: IdentityService;
let baseUrl: string;
let userDataDir: string;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  service = await createIdentityService({ database: ":memory:" });
  service.apps.create({ id: "demo", secret: SECRET, tags: ["vip"] });
  baseUrl = await service.listen({ host: "127.0.0.1", port: 0 });
  userDataDir = mkdtempSync(join(tmpdir(), "helpshift-ts-chromium-"));
  // A fresh --user-data-dir per run: playwright takes it as launchPersistentContext's first argument.
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1280, height: 900 },
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on("pageerror", (error) => pageErrors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") pageErrors.push(message.text());
  });
});

afterAll(async () => {
  await context?.close();
  await service?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

const text = async (id: string) => (await page.locator(`#${id}`).textContent()) ?? "";
const fill = (field: string, value: string) => page.locator(`[data-field="${field}"]`).fill(value);
const click = (action: string) => page.locator(`[data-action="${action}"]`).click();
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
    expect(await text("client")).toMatch(/not created yet/);

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
    expect(await text("client")).toMatch(/^Client: loggedIn · user \S+ · session until /);

    // A second identity for the same user, then one the client refuses (an event, not a failure).
    await fill("uid", "");
    await fill("email", "");
    await fill("metadata", "");
    await fill("identities", "steam_id=76561198000000000");
    await click("mint");
    await click("addIdentities");
    await waitResult(/addIdentities: Identities sent/);
    await fill("identities", "steam_id=76561198000000000\ntwitter_id=ada");
    await click("mint");
    await click("addIdentities");
    await page.locator('#events li[data-event="identitiesDataInvalid"]').waitFor();
    expect(await page.locator('#events li[data-event="identitiesDataInvalid"]').textContent()).toContain(
      '"twitter_id":"invalidData"',
    );

    await fill("masterAttributes", '{"first_name": "Ada", "new_tags": ["vip"], "nickname": "x"}');
    await click("masterAttributes");
    await waitResult(/masterAttributes: Attributes queued and flushed/);
    await page.locator('#events li[data-event="masterAttributesValidationFailed"]').waitFor();
    expect(await page.locator('#events li[data-event="masterAttributesValidationFailed"]').textContent()).toContain(
      '"nickname":"invalidData"',
    );
    // The service accepted the rest of the batch: "vip" is a tag the app defines.
    expect(await page.locator('#events li[data-event="masterAttributesSyncFailed"]').count()).toBe(0);

    await page.screenshot({ path: "/tmp/helpshift-ts-tester.png", fullPage: true });

    await click("logout");
    await waitResult(/logout: Logged out\./);
    expect(await text("client")).toBe("Client: loggedOut");

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
    expect(await text("client")).toMatch(/\(anonymous\)/);
  });
});
