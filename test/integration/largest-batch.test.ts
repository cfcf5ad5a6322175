/**
 * The largest legal attribute update — 30 multiline custom fields of 100000 characters in both maps, non-ASCII
 * so each character takes 3 UTF-8 bytes — syncs end to end: the service's attributes body limit
 * (Limits.attributeBatchBytes) leaves room for it, while other routes keep the small default limit.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Limits } from "../../TypeScript/contract";
import type { HelpshiftClient } from "../../TypeScript/core/api";
import { createMemoryStore, createNodeClient } from "../../TypeScript/node";
import { type Harness, post, START_MS, signToken, startHarness } from "../server/harness";
import { silentLogger } from "../support/capturing-logger";
import { ManualTime } from "../support/manual-time";

const FIELDS = Array.from({ length: Limits.collectionSize }, (_, i) => `notes_${i}`);

describe("largest legal attribute batch", () => {
  let h: Harness;
  let time: ManualTime;
  let client: HelpshiftClient;
  const events: string[] = [];

  beforeEach(async () => {
    time = new ManualTime(START_MS);
    h = await startHarness({
      clock: time,
      app: { id: "big", customFields: FIELDS.map((name) => ({ name, type: "multiline" as const })), tags: [] },
    });
    client = createNodeClient({ clock: time, scheduler: time, store: createMemoryStore(), logger: silentLogger });
    client.Init({ serviceUrl: h.url, appId: h.appId, multilineCustomFields: FIELDS });
    client.addEventListener((event) => events.push(event));
  });
  afterEach(async () => {
    client.dispose();
    await h.close();
  });

  it("syncs both maps at the multiline limit and stores every character", async () => {
    await client.loginWithIdentity(await signToken([{ identifier: "uid", value: "writer" }], h.secret, time));
    const value = (seed: number) => String.fromCharCode(0x4e00 + seed).repeat(Limits.multilineCustomFieldValueLength);
    const fields = (offset: number) => Object.fromEntries(FIELDS.map((name, i) => [name, value(offset + i)]));
    client.UpdateMasterAttributes({ custom_user_fields: fields(0) });
    client.UpdateAppAttributes({ custom_user_fields: fields(100) });
    await client.flush();

    expect(events).toEqual([]);
    const stored = h.service.context.attributes.read(client.getState().userId as string);
    expect(stored.master.custom_user_fields).toEqual(fields(0));
    expect(stored.app.custom_user_fields).toEqual(fields(100));
  });

  it("keeps the small default limit on other routes", async () => {
    const big = { identityToken: "x".repeat(2 * 1024 * 1024), fullPrivacy: false };
    const answer = await post(`${h.url}/v1/apps/${h.appId}/login`, big);
    expect(answer.status).toBe(413);
  });
});
