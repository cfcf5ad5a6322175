/**
 * The console's apps: list (user counts, never the secret), create (201, the secret once), read, change, custom
 * fields, tags, rotate (the secret once); refusals name each field; the same rules as the `app` CLI; every change
 * is a `console` live-log entry without the secret.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConsolePath } from "../../TypeScript/console/api-types";
import { AppDefinitionError, appDefinitionErrors } from "../../TypeScript/server";
import { ConsoleRoute } from "../../TypeScript/server/console/route-patterns";
import { call } from "./console-support";
import { type Harness, loginUid, startHarness } from "./harness";

describe("console apps", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it("lists apps with their user count, never the secret", async () => {
    await loginUid(h, "list-user");
    const answer = await call(h, "GET", ConsolePath.apps);
    expect(answer.status).toBe(200);
    const game = answer.body.apps.find((a: { id: string }) => a.id === h.appId);
    expect(game).toMatchObject({ id: h.appId, identityEnabled: true, userCount: 1 });
    expect(game.secretRotatedAt).toBe(game.createdAt);
    expect(game.tags).toEqual(["beta", "vip", "whale"]);
    expect(answer.text).not.toContain(h.secret);
    expect(answer.text).not.toMatch(/"secret"/);
  });

  it("creates an app (201) and shows its secret that once; list, detail and log never do", async () => {
    const created = await call(h, "POST", ConsolePath.apps, {
      body: {
        id: "new-game",
        name: "New game",
        sessionLifetimeSeconds: 3600,
        refreshLeadSeconds: 600,
        customFields: [{ name: "tier", type: "dropdown", options: ["a", "b"] }],
        tags: ["vip"],
      },
    });
    expect(created.status).toBe(201);
    expect(created.headers["cache-control"]).toBe("no-store");
    const secret = created.body.secret as string;
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(created.body.app).toMatchObject({ id: "new-game", name: "New game", userCount: 0, tags: ["vip"] });
    const detail = await call(h, "GET", ConsolePath.app("new-game"));
    expect(detail.status).toBe(200);
    expect(detail.body.app.customFields).toEqual([{ name: "tier", type: "dropdown", options: ["a", "b"] }]);
    const list = await call(h, "GET", ConsolePath.apps);
    const log = await call(h, "GET", ConsolePath.log);
    for (const text of [detail.text, list.text, log.text, h.logs.join("\n")]) expect(text).not.toContain(secret);
    expect(log.body.entries[0]).toMatchObject({ kind: "console", appId: "new-game" });
  });

  it("refuses a duplicate id with 409 duplicateApp", async () => {
    const again = await call(h, "POST", ConsolePath.apps, { body: { id: h.appId } });
    expect(again.status).toBe(409);
    expect(again.body.reason).toBe("duplicateApp");
  });

  it("refuses an invalid definition with 400 invalidRequest naming each field", async () => {
    const bad = await call(h, "POST", ConsolePath.apps, {
      body: {
        id: "has space",
        name: "",
        sessionLifetimeSeconds: 0,
        refreshLeadSeconds: -1,
        tags: ["ok", "x".repeat(101)],
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.reason).toBe("invalidRequest");
    expect(Object.keys(bad.body.errors).sort()).toEqual(
      ["id", "name", "refreshLeadSeconds", "sessionLifetimeSeconds", "tags[1]"].sort(),
    );
    const types = await call(h, "POST", ConsolePath.apps, {
      body: { identityEnabled: "yes", customFields: [{ name: "f", type: "color" }], extra: 1 },
    });
    expect(types.status).toBe(400);
    expect(Object.keys(types.body.errors).sort()).toEqual(["customFields[0].type", "extra", "identityEnabled"]);
    expect(types.body.errors.extra).toBe("unknown field");
    const notObject = await call(h, "POST", ConsolePath.apps, { body: [1] });
    expect(notObject.status).toBe(400);
    expect(notObject.body.errors).toHaveProperty("body");
  });

  it("shares its rules with the app CLI (the repository refuses the same definitions)", () => {
    expect(appDefinitionErrors({ sessionLifetimeSeconds: 0 })).toEqual({
      sessionLifetimeSeconds: "a positive integer of seconds",
    });
    try {
      h.service.apps.create({ id: "cli-game", refreshLeadSeconds: -1 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppDefinitionError);
      expect((error as AppDefinitionError).message).toBe("refresh lead: a non-negative integer of seconds");
      expect((error as AppDefinitionError).fields).toEqual({ refreshLeadSeconds: "a non-negative integer of seconds" });
    }
  });

  it("answers 404 notFound for an unknown app on every app route", async () => {
    for (const [method, path] of [
      ["GET", ConsolePath.app("nope")],
      ["PATCH", ConsolePath.app("nope")],
      ["POST", ConsolePath.appCustomFields("nope")],
      ["POST", ConsolePath.appTags("nope")],
      ["POST", ConsolePath.appRotateSecret("nope")],
    ] as const) {
      const answer = await call(h, method, path, method === "GET" ? {} : { body: {} });
      expect(answer.status, `${method} ${path}`).toBe(404);
      expect(answer.body.reason).toBe("notFound");
    }
  });

  it("turns the identity feature off (logins refused at once) and says so in the live log", async () => {
    const off = await call(h, "PATCH", ConsolePath.app(h.appId), { body: { identityEnabled: false } });
    expect(off.status).toBe(200);
    expect(off.body.app.identityEnabled).toBe(false);
    await expect(loginUid(h, "refused-user")).rejects.toThrow(/identityFeatureNotEnabled/);
    const log = await call(h, "GET", `${ConsolePath.log}?kind=console&limit=1`);
    expect(log.body.entries[0].summary).toBe(`app ${h.appId}: identity feature turned off`);
    const on = await call(h, "PATCH", ConsolePath.app(h.appId), { body: { identityEnabled: true } });
    expect(on.body.app.identityEnabled).toBe(true);
  });

  it("changes name and session settings; an invalid change names each field and changes nothing", async () => {
    const changed = await call(h, "PATCH", ConsolePath.app("new-game"), {
      body: { name: "Renamed", sessionLifetimeSeconds: 120, refreshLeadSeconds: 30 },
    });
    expect(changed.status).toBe(200);
    expect(changed.body.app).toMatchObject({ name: "Renamed", sessionLifetimeSeconds: 120, refreshLeadSeconds: 30 });
    const bad = await call(h, "PATCH", ConsolePath.app("new-game"), {
      body: { name: "Again", sessionLifetimeSeconds: 1.5, refreshLeadSeconds: -1 },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.errors).sort()).toEqual(["refreshLeadSeconds", "sessionLifetimeSeconds"]);
    expect(h.service.apps.get("new-game").name).toBe("Renamed");
    const unknownField = await call(h, "PATCH", ConsolePath.app("new-game"), { body: { secret: "mine" } });
    expect(unknownField.status).toBe(400);
  });

  it("adds a custom field and tags; refusals name the field", async () => {
    const field = await call(h, "POST", ConsolePath.appCustomFields("new-game"), {
      body: { name: "level", type: "number" },
    });
    expect(field.status).toBe(200);
    expect(field.body.app.customFields.map((f: { name: string }) => f.name)).toEqual(["level", "tier"]);
    const dropdown = await call(h, "POST", ConsolePath.appCustomFields("new-game"), {
      body: { name: "d", type: "dropdown" },
    });
    expect(dropdown.status).toBe(400);
    expect(dropdown.body.errors).toHaveProperty("body");
    const badType = await call(h, "POST", ConsolePath.appCustomFields("new-game"), { body: { name: "", type: "x" } });
    expect(Object.keys(badType.body.errors).sort()).toEqual(["name", "type"]);
    const tags = await call(h, "POST", ConsolePath.appTags("new-game"), { body: { tags: ["whale", "beta"] } });
    expect(tags.status).toBe(200);
    expect(tags.body.app.tags).toEqual(["beta", "vip", "whale"]);
    const limit = await call(h, "POST", ConsolePath.appTags("new-game"), { body: { tags: ["y".repeat(100)] } });
    expect(limit.status).toBe(200);
    const over = await call(h, "POST", ConsolePath.appTags("new-game"), { body: { tags: ["a", "z".repeat(101)] } });
    expect(over.status).toBe(400);
    expect(over.body.errors).toEqual({ "tags[1]": "1-100 characters" });
    expect(h.service.apps.get("new-game").tags).not.toContain("a");
    const empty = await call(h, "POST", ConsolePath.appTags("new-game"), { body: { tags: [] } });
    expect(empty.body.errors).toHaveProperty("tags");
  });

  it("rotates the secret: the new one shown once, never listed or logged; the log says rotated", async () => {
    const before = h.service.apps.get("new-game");
    h.clock.advance(1000);
    const rotated = await call(h, "POST", ConsolePath.appRotateSecret("new-game"));
    expect(rotated.status).toBe(200);
    const secret = rotated.body.secret as string;
    expect(secret).not.toBe(before.secret);
    expect(rotated.body.app.secretRotatedAt).toBe(h.clock.now());
    const list = await call(h, "GET", ConsolePath.apps);
    const log = await call(h, "GET", ConsolePath.log);
    for (const text of [list.text, log.text, h.logs.join("\n")]) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(before.secret);
    }
    expect(log.body.entries[0].summary).toMatch(/secret rotated/);
  });

  it("spells every parametric route as ConsolePath's helpers do", async () => {
    expect(ConsolePath.app("x")).toBe(ConsoleRoute.app.replace(":appId", "x"));
    expect(ConsolePath.sessionRevoke("u", "s")).toBe(
      ConsoleRoute.sessionRevoke.replace(":userId", "u").replace(":sessionId", "s"),
    );
    expect(ConsolePath.sessionExpire("u", "s")).toBe(
      ConsoleRoute.sessionExpire.replace(":userId", "u").replace(":sessionId", "s"),
    );
    expect(ConsolePath.userExpireSessions("u")).toBe(ConsoleRoute.userExpireSessions.replace(":userId", "u"));
    expect(ConsolePath.appTags("x")).toBe(ConsoleRoute.appTags.replace(":appId", "x"));
    expect(ConsolePath.appCustomFields("x")).toBe(ConsoleRoute.appCustomFields.replace(":appId", "x"));
    expect(ConsolePath.appRotateSecret("x")).toBe(ConsoleRoute.appRotateSecret.replace(":appId", "x"));
    expect(ConsolePath.user("u")).toBe(ConsoleRoute.user.replace(":userId", "u"));
  });
});

describe("console refusals of unparsable bodies", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it("answers invalidRequest naming the body for broken JSON, and 415 for another content type", async () => {
    const broken = await call(h, "POST", ConsolePath.apps, {
      headers: { "content-type": "application/json" },
      rawBody: "{not json",
    });
    expect(broken.status).toBe(400);
    expect(broken.body).toEqual({ reason: "invalidRequest", errors: { body: "not valid JSON" } });
    const text = await call(h, "POST", ConsolePath.apps, { headers: { "content-type": "text/plain" }, rawBody: "x" });
    expect(text.status).toBe(415);
    expect(text.body).toEqual({ reason: "invalidRequest", errors: { body: "not JSON (application/json)" } });
  });

  it("answers a GET with another content type invalidRequest naming the header, as the mutations do", async () => {
    for (const path of [ConsolePath.status, ConsolePath.apps, ConsolePath.users, "/console/api/nothing-here"]) {
      const answer = await call(h, "GET", path, { headers: { "content-type": "text/plain" } });
      expect(answer.status, path).toBe(415);
      expect(answer.body, path).toEqual({
        reason: "invalidRequest",
        errors: { "content-type": "not JSON (application/json, or no content type)" },
      });
      expect(answer.headers["cache-control"], path).toBe("no-store");
    }
    const json = await call(h, "GET", ConsolePath.status, {
      headers: { "content-type": "application/json; charset=utf-8" },
    });
    expect(json.status).toBe(200);
    // The protocol answers as before.
    const health = await call(h, "GET", "/v1/health", { headers: { "content-type": "text/plain" } });
    expect(health.status).toBe(415);
    expect(health.body).toEqual({ reason: "badRequest", detail: "badRequest" });
  });

  it("answers a path the framework refuses before routing invalidRequest naming the url; the protocol as before", async () => {
    const badEncoding = await call(h, "GET", `${ConsolePath.users}/%E0`);
    expect(badEncoding.status).toBe(400);
    expect(badEncoding.body).toEqual({
      reason: "invalidRequest",
      errors: { url: "not a valid path (percent-encoding)" },
    });
    const tooLong = await call(h, "GET", `${ConsolePath.users}/${"a".repeat(3000)}`);
    expect(tooLong.status).toBe(414);
    expect(tooLong.body).toEqual({ reason: "invalidRequest", errors: { url: "too long" } });
    const protocol = await call(h, "GET", "/v1/apps/%E0/me");
    expect(protocol.status).toBe(400);
    expect(protocol.body).toEqual({ reason: "badRequest", detail: "badRequest" });
  });
});
