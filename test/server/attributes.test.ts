import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AttributesResponseSchema, Limits } from "../../TypeScript/contract";
import { get, type Harness, loginUid, post, startHarness } from "./harness";

describe("POST attributes", () => {
  let h: Harness;
  let session: string;
  let path: string;
  let batch = 0;
  beforeAll(async () => {
    h = await startHarness();
    session = (await loginUid(h, "attr-user")).token;
    path = `${h.url}/v1/apps/${h.appId}/attributes`;
  });
  afterAll(() => h.close());

  const send = async (body: Record<string, unknown>) => {
    batch += 1;
    const answer = await post(path, { batchId: `batch-${batch}`, ...body }, { bearer: session });
    expect(answer.status).toBe(200);
    return AttributesResponseSchema.parse(answer.body);
  };
  const me = async () => (await get(`${h.url}/v1/apps/${h.appId}/me`, session)).body;

  it("stores master and app attributes and custom fields of every type", async () => {
    const answer = await send({
      master: {
        first_name: "Zoë",
        age: "31",
        accepted_t_and_c: "true",
        custom_user_fields: { guild: "red", level: "12.5", joined: "1767225600000", tier: "gold", beta: "false" },
      },
      app: { app_version: "1.4.0", custom_user_fields: { bio: "line 1\nline 2" } },
    });
    expect(answer).toEqual({ master: { refused: {} }, app: { refused: {} } });
    const profile = await me();
    expect(profile.master).toEqual({
      first_name: "Zoë",
      age: "31",
      accepted_t_and_c: "true",
      custom_user_fields: { guild: "red", level: "12.5", joined: "1767225600000", tier: "gold", beta: "false" },
    });
    expect(profile.app).toEqual({ app_version: "1.4.0", custom_user_fields: { bio: "line 1\nline 2" } });
  });

  it("refuses undefined fields and values that break their field's type, per key, keeping the rest", async () => {
    const answer = await send({
      master: {
        custom_user_fields: {
          nope: "x",
          level: "abc",
          joined: "yesterday",
          tier: "platinum",
          beta: "yes",
          guild: "blue",
        },
      },
    });
    expect(answer.master.refused).toEqual({
      "custom_user_fields.nope": "invalidData",
      "custom_user_fields.level": "invalidData",
      "custom_user_fields.joined": "invalidData",
      "custom_user_fields.tier": "invalidData",
      "custom_user_fields.beta": "invalidData",
    });
    const fields = (await me()).master as { custom_user_fields: Record<string, string> };
    expect(fields.custom_user_fields.guild).toBe("blue");
    expect(fields.custom_user_fields.level).toBe("12.5");
  });

  it("holds singleline to 255 and multiline to 100000 characters", async () => {
    const ok = await send({
      master: {
        custom_user_fields: {
          guild: "g".repeat(Limits.customFieldValueLength),
          bio: "b".repeat(Limits.multilineCustomFieldValueLength),
        },
      },
    });
    expect(ok.master.refused).toEqual({});
    const over = await send({
      master: {
        custom_user_fields: {
          guild: "g".repeat(Limits.customFieldValueLength + 1),
          bio: "b".repeat(Limits.multilineCustomFieldValueLength + 1),
        },
      },
    });
    expect(over.master.refused).toEqual({
      "custom_user_fields.guild": "invalidData",
      "custom_user_fields.bio": "invalidData",
    });
  });

  it("refuses unsupported keys and wrong value types per key (not the whole batch)", async () => {
    const answer = await send({
      master: { nickname: "x", age: 31, last_active_date: "-5", first_name: "Ok" },
      app: { user_level: ["1"], city: "Lyon" },
    });
    expect(answer.master.refused).toEqual({
      nickname: "invalidData",
      age: "invalidData",
      last_active_date: "invalidData",
    });
    expect(answer.app.refused).toEqual({ user_level: "invalidData" });
    const profile = await me();
    expect((profile.master as Record<string, unknown>).first_name).toBe("Ok");
    expect((profile.app as Record<string, unknown>).city).toBe("Lyon");
  });

  it("re-checks the vendor's value rules per key, at the limits (N passes, N+1 is refused)", async () => {
    const within = await send({
      master: { age: String(Limits.ageMax) },
      app: {
        app_version: "🎮".repeat(Limits.appVersionLength / 2),
        user_paying_segment: "non_paying",
        count_transactions_90d: "0",
        last_90d_spend: "0.99",
        last_purchase_date: "1700000000",
      },
    });
    expect(within).toEqual({ master: { refused: {} }, app: { refused: {} } });
    const over = await send({
      master: { age: String(Limits.ageMax + 1), first_name: "Rules" },
      app: {
        app_version: `${"🎮".repeat(Limits.appVersionLength / 2)}1`,
        user_paying_segment: "whale",
        count_transactions_90d: "1.5",
        last_90d_spend: "lots",
        last_purchase_date: "2026-01-01",
        city: "Oslo",
      },
    });
    expect(over.master.refused).toEqual({ age: "invalidData" });
    expect(over.app.refused).toEqual({
      app_version: "invalidData",
      user_paying_segment: "invalidData",
      count_transactions_90d: "invalidData",
      last_90d_spend: "invalidData",
      last_purchase_date: "invalidData",
    });
    const profile = await me();
    expect(profile.master).toMatchObject({ age: String(Limits.ageMax), first_name: "Rules" });
    expect(profile.app).toMatchObject({ app_version: "🎮".repeat(5), city: "Oslo", last_90d_spend: "0.99" });
  });

  it("applies tags in order reset, add, remove, refusing undefined tags per tag", async () => {
    await send({ master: { new_tags: ["vip", "whale"] } });
    expect((await me()).tags).toEqual(["vip", "whale"]);
    const answer = await send({
      master: { reset_tags: ["beta", "ghost"], new_tags: ["vip", "nope"], tags_to_remove: ["beta"] },
    });
    expect(answer.master.refused).toEqual({ "reset_tags.ghost": "invalidData", "new_tags.nope": "invalidData" });
    expect((await me()).tags).toEqual(["vip"]);
  });

  it("holds tag lists and custom field maps to 30 entries", async () => {
    h.service.apps.defineTag(h.appId, "t");
    const thirty = Array.from({ length: Limits.collectionSize }, () => "t");
    expect((await send({ master: { new_tags: thirty } })).master.refused).toEqual({});
    const over = await send({ master: { new_tags: [...thirty, "t"] } });
    expect(over.master.refused).toEqual({ new_tags: "invalidData" });
  });

  it("is idempotent per batchId: a retry gets the same answer, marked duplicate, and applies nothing", async () => {
    const first = await post(
      path,
      { batchId: "retry-me", master: { last_name: "First", nickname: "x" } },
      { bearer: session },
    );
    await send({ master: { last_name: "Second" } });
    const retry = await post(
      path,
      { batchId: "retry-me", master: { last_name: "First", nickname: "x" } },
      { bearer: session },
    );
    expect(retry.body).toEqual({ ...first.body, duplicate: true });
    expect(((await me()).master as Record<string, unknown>).last_name).toBe("Second");
  });

  it("refuses a malformed batch with badRequest", async () => {
    for (const body of [
      {},
      { batchId: "" },
      { batchId: "x".repeat(Limits.keyLength + 1) },
      { batchId: "b", master: [] },
      { batchId: 1 },
    ]) {
      const answer = await post(path, body, { bearer: session });
      expect(answer.status, JSON.stringify(body).slice(0, 40)).toBe(400);
      expect(answer.body).toEqual({ reason: "badRequest", detail: "badRequest" });
    }
    expect((await post(path, { batchId: "x".repeat(Limits.keyLength) }, { bearer: session })).status).toBe(200);
  });
});
