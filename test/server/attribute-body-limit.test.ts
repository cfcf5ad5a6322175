/**
 * The attributes body limit holds the largest legal batch in every JSON encoding of it: each UTF-16 code unit
 * of every key and value written as a `\uXXXX` escape (6 bytes), the most any encoder spends on one. A body of
 * exactly `Limits.attributeBatchBytes` bytes is read; one byte more is 413.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Limits } from "../../TypeScript/contract";
import { type Harness, loginUid, startHarness } from "./harness";

const FIELDS = Array.from(
  { length: Limits.collectionSize },
  (_, i) => `f${String(i).padStart(Limits.keyLength - 1, "_")}`,
);

/** JSON with every character of every string escaped as `\uXXXX`. */
function escapeEverything(value: unknown): string {
  if (typeof value === "string") {
    let out = '"';
    for (let i = 0; i < value.length; i++) out += `\\u${value.charCodeAt(i).toString(16).padStart(4, "0")}`;
    return `${out}"`;
  }
  if (Array.isArray(value)) return `[${value.map(escapeEverything).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>);
  return `{${entries.map(([k, v]) => `${escapeEverything(k)}:${escapeEverything(v)}`).join(",")}}`;
}

async function send(h: Harness, token: string, body: string): Promise<number> {
  const response = await fetch(`${h.url}/v1/apps/${h.appId}/attributes`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body,
  });
  await response.arrayBuffer();
  return response.status;
}

describe("attributes body limit", () => {
  let h: Harness;
  let token: string;
  let userId: string;
  beforeAll(async () => {
    h = await startHarness({
      app: {
        id: "escapes",
        customFields: FIELDS.map((name) => ({ name, type: "multiline" as const })),
        tags: Array.from({ length: Limits.collectionSize }, (_, i) => String(i).padStart(Limits.tagLength, "t")),
      },
    });
    ({ token, userId } = await loginUid(h, "escaper"));
  });
  afterAll(() => h.close());

  it("takes the largest legal batch with every character escaped", async () => {
    const value = (seed: number) => String.fromCharCode(1 + (seed % 30)).repeat(Limits.multilineCustomFieldValueLength);
    const fields = (offset: number) => Object.fromEntries(FIELDS.map((name, i) => [name, value(offset + i)]));
    const tags = Array.from({ length: Limits.collectionSize }, (_, i) => String(i).padStart(Limits.tagLength, "t"));
    const text = "\u0007".repeat(Limits.customFieldValueLength);
    const batch = {
      batchId: "b".repeat(Limits.keyLength),
      master: {
        first_name: text,
        last_name: text,
        display_name: text,
        full_name: text,
        user_persona: text,
        preferred_language: text,
        reset_tags: tags,
        new_tags: tags,
        tags_to_remove: tags,
        custom_user_fields: fields(0),
      },
      app: { os_version: text, country: text, city: text, language: text, custom_user_fields: fields(7) },
    };
    const body = escapeEverything(batch);
    expect(body.length).toBeGreaterThan(36_000_000);
    expect(body.length).toBeLessThanOrEqual(Limits.attributeBatchBytes);
    expect(await send(h, token, body)).toBe(200);
    const stored = h.service.context.attributes.read(userId);
    expect(stored.master.custom_user_fields).toEqual(fields(0));
    expect(stored.app.custom_user_fields).toEqual(fields(7));
  });

  it("reads a body of exactly the limit and refuses one byte more with 413", async () => {
    const json = JSON.stringify({ batchId: "exact", master: { first_name: "A" } });
    const atLimit = json + " ".repeat(Limits.attributeBatchBytes - json.length);
    expect(await send(h, token, atLimit)).toBe(200);
    expect(await send(h, token, `${atLimit} `)).toBe(413);
  });
});
