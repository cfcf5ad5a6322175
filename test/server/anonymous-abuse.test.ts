/**
 * What an anonymous session (anyone can open one) can make the service store: anonymous ids and user ids carry
 * at least 128 random bits, and a batch stores a bounded answer: a map holds at most as many entries as its
 * scope has keys, each key at most `Limits.keyLength` characters, or the batch is refused whole and nothing is
 * stored.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_ATTRIBUTES, Limits, MASTER_ATTRIBUTES } from "../../TypeScript/contract";
import { ANONYMOUS_ID_MIN_RANDOM_CHARS, MAX_STORED_ANSWER_BYTES } from "../../TypeScript/server";
import { type Harness, post, startHarness } from "./harness";

const MASTER_KEYS = Object.keys(MASTER_ATTRIBUTES).length;
const APP_KEYS = Object.keys(APP_ATTRIBUTES).length;

describe("anonymous ids and user ids carry at least 128 bits", () => {
  let h: Harness;
  let login: string;
  beforeAll(async () => {
    h = await startHarness({ loginRateLimit: { max: 1_000, windowMs: 60_000 } });
    login = `${h.url}/v1/apps/${h.appId}/login`;
  });
  afterAll(() => h.close());

  it("takes 22 base64url characters (132 bits) and refuses 21 (126 bits)", async () => {
    expect(ANONYMOUS_ID_MIN_RANDOM_CHARS).toBe(22);
    const ok = await post(login, { identityToken: "", fullPrivacy: false, anonymousId: `hsft_anon_${"k".repeat(22)}` });
    expect(ok.status).toBe(200);
    const short = await post(login, {
      identityToken: "",
      fullPrivacy: false,
      anonymousId: `hsft_anon_${"k".repeat(21)}`,
    });
    expect(short.status).toBe(400);
    expect(short.body).toEqual({ reason: "badRequest", detail: "badRequest" });
  });

  it("makes user ids of 128 random bits (22 base64url characters)", async () => {
    const answer = await post(login, {
      identityToken: "",
      fullPrivacy: false,
      anonymousId: `hsft_anon_${"u".repeat(22)}`,
    });
    expect(answer.body.userId).toMatch(/^usr_[A-Za-z0-9_-]{22}$/);
  });
});

describe("what a batch can make the service store", () => {
  let h: Harness;
  let session: string;
  let path: string;
  const storedBatches = () =>
    (h.service.db.prepare("SELECT COUNT(*) AS n FROM attribute_batches").get() as { n: number }).n;
  const storedBytes = () =>
    (
      h.service.db.prepare("SELECT COALESCE(MAX(LENGTH(response)), 0) AS n FROM attribute_batches").get() as {
        n: number;
      }
    ).n;
  beforeAll(async () => {
    h = await startHarness();
    path = `${h.url}/v1/apps/${h.appId}/attributes`;
    const answer = await post(`${h.url}/v1/apps/${h.appId}/login`, {
      identityToken: "",
      fullPrivacy: false,
      anonymousId: `hsft_anon_${"b".repeat(22)}`,
    });
    session = answer.body.sessionToken as string;
  });
  afterAll(() => h.close());

  /** `count` unknown keys of `length` characters, all distinct. */
  const unknownKeys = (count: number, length: number) =>
    Object.fromEntries(Array.from({ length: count }, (_, i) => [String(i).padStart(length, "\u0001"), "v"]));

  it("refuses per key a map of as many unknown keys as its scope has keys, at the key length limit", async () => {
    const before = storedBatches();
    const answer = await post(
      path,
      {
        batchId: "full",
        master: unknownKeys(MASTER_KEYS, Limits.keyLength),
        app: unknownKeys(APP_KEYS, Limits.keyLength),
      },
      { bearer: session },
    );
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body.master as { refused: object }).length).toBe(1);
    expect(Object.keys((answer.body.master as { refused: object }).refused)).toHaveLength(MASTER_KEYS);
    expect(storedBatches()).toBe(before + 1);
    expect(storedBytes()).toBeLessThanOrEqual(MAX_STORED_ANSWER_BYTES);
  });

  it("refuses the whole batch, storing nothing, for one entry more in either map", async () => {
    const before = storedBatches();
    for (const body of [
      { batchId: "m", master: unknownKeys(MASTER_KEYS + 1, 8) },
      { batchId: "a", app: unknownKeys(APP_KEYS + 1, 8) },
    ]) {
      const answer = await post(path, body, { bearer: session });
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ reason: "badRequest", detail: "badRequest" });
    }
    expect(storedBatches()).toBe(before);
  });

  it("refuses the whole batch, storing nothing, for a key one character over the limit", async () => {
    const before = storedBatches();
    for (const body of [
      { batchId: "mk", master: unknownKeys(1, Limits.keyLength + 1) },
      { batchId: "ak", app: unknownKeys(1, Limits.keyLength + 1) },
    ]) {
      const answer = await post(path, body, { bearer: session });
      expect(answer.status).toBe(400);
    }
    expect(storedBatches()).toBe(before);
  });

  it("bounds the stored answer of the worst refusable batch: undefined custom fields and tags", async () => {
    const fields = Object.fromEntries(
      Array.from({ length: Limits.collectionSize }, (_, i) => [String(i).padStart(Limits.keyLength, "\u0002"), "v"]),
    );
    const tags = Array.from({ length: Limits.collectionSize }, (_, i) =>
      String(i).padStart(Limits.tagLength, "\u0003"),
    );
    const answer = await post(
      path,
      {
        batchId: "worst",
        master: { custom_user_fields: fields, new_tags: tags, tags_to_remove: tags, reset_tags: tags },
        app: { custom_user_fields: fields },
      },
      { bearer: session },
    );
    expect(answer.status).toBe(200);
    expect(Object.keys((answer.body.master as { refused: object }).refused).length).toBeGreaterThan(100);
    expect(storedBytes()).toBeLessThanOrEqual(MAX_STORED_ANSWER_BYTES);
  });
});
