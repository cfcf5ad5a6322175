import { describe, expect, it } from "vitest";
import { Limits } from "../../TypeScript/contract";
import { type AppDefinitionError, AppRepository, openDatabase } from "../../TypeScript/server";

const clock = { now: () => 1_000 };
const repo = () => new AppRepository(openDatabase(":memory:"), clock);

describe("apps", () => {
  it("creates an app with a random 256-bit secret, defaults and definitions", () => {
    const apps = repo();
    const { app, secret } = apps.create({
      id: "game",
      customFields: [
        { name: "tier", type: "dropdown", options: ["a", "b"] },
        { name: "bio", type: "multiline" },
      ],
      tags: ["vip"],
    });
    expect(Buffer.from(secret, "base64url").length).toBeGreaterThanOrEqual(32);
    expect(apps.create({ id: "game2" }).secret).not.toBe(secret);
    expect(app).toMatchObject({
      id: "game",
      identityEnabled: true,
      sessionLifetimeSeconds: 7 * 24 * 3600,
      refreshLeadSeconds: 48 * 3600,
      customFields: [
        { name: "bio", type: "multiline" },
        { name: "tier", type: "dropdown", options: ["a", "b"] },
      ],
      tags: ["vip"],
    });
    expect(apps.list().map((a) => a.id)).toEqual(["game", "game2"]);
  });

  it("rotates the secret and toggles the identity feature", () => {
    const apps = repo();
    const { secret } = apps.create({ id: "g" });
    const rotated = apps.rotateSecret("g");
    expect(rotated).not.toBe(secret);
    expect(apps.get("g").secret).toBe(rotated);
    expect(apps.setIdentityEnabled("g", false).identityEnabled).toBe(false);
    expect(apps.setIdentityEnabled("g", true).identityEnabled).toBe(true);
  });

  it("refuses bad definitions with stable codes", () => {
    const apps = repo();
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return (error as AppDefinitionError).code;
      }
      return "none";
    };
    apps.create({ id: "g" });
    expect(code(() => apps.create({ id: "g" }))).toBe("duplicateApp");
    expect(code(() => apps.create({ id: "bad id" }))).toBe("invalidAppDefinition");
    expect(code(() => apps.create({ id: "x", sessionLifetimeSeconds: 0 }))).toBe("invalidAppDefinition");
    expect(code(() => apps.rotateSecret("missing"))).toBe("unknownApp");
    expect(code(() => apps.defineCustomField("g", { name: "d", type: "dropdown" }))).toBe("invalidAppDefinition");
    expect(
      code(() => apps.defineCustomField("g", { name: "k".repeat(Limits.keyLength + 1), type: "singleline" })),
    ).toBe("invalidAppDefinition");
    expect(code(() => apps.defineCustomField("g", { name: "k".repeat(Limits.keyLength), type: "singleline" }))).toBe(
      "none",
    );
    expect(code(() => apps.defineTag("g", "t".repeat(Limits.tagLength + 1)))).toBe("invalidAppDefinition");
    expect(code(() => apps.defineTag("g", "t".repeat(Limits.tagLength)))).toBe("none");
  });
});
