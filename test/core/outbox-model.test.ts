import { describe, expect, it } from "vitest";
import {
  batchPartKeys,
  countBatchPart,
  countPending,
  EMPTY_PENDING,
  mergePending,
  takeBatchPart,
} from "../../TypeScript/core/outbox-model";

describe("outbox coalescing", () => {
  it("keeps the last write per key and merges custom fields per field", () => {
    let p = mergePending(EMPTY_PENDING, { first_name: "Ana", custom_user_fields: { a: "1", b: "2" } });
    p = mergePending(p, { first_name: "Bea", custom_user_fields: { b: "3", c: "4" } });
    expect(p).toEqual({ values: { first_name: "Bea" }, fields: { a: "1", b: "3", c: "4" } });
    expect(countPending(p)).toBe(4);
  });

  it("lets new_tags and tags_to_remove cancel each other per tag, later wins", () => {
    let p = mergePending(EMPTY_PENDING, { new_tags: ["vip", "red"] });
    p = mergePending(p, { tags_to_remove: ["vip", "old"] });
    expect(p.tags).toEqual({ add: ["red"], remove: ["vip", "old"] });
    p = mergePending(p, { new_tags: ["vip"] });
    expect(p.tags).toEqual({ add: ["red", "vip"], remove: ["old"] });
  });

  it("lets reset_tags replace every pending tag operation", () => {
    let p = mergePending(EMPTY_PENDING, { new_tags: ["a"], tags_to_remove: ["b"] });
    p = mergePending(p, { reset_tags: ["x", "x", "y"] });
    expect(p.tags).toEqual({ reset: ["x", "y"], add: [], remove: [] });
    p = mergePending(p, { new_tags: ["z"] });
    expect(p.tags).toEqual({ reset: ["x", "y"], add: ["z"], remove: [] });
    expect(countPending(p)).toBe(3);
    expect(countPending(mergePending(EMPTY_PENDING, { reset_tags: [] }))).toBe(1);
  });

  it("applies reset, then add, then remove within one call", () => {
    const p = mergePending(EMPTY_PENDING, { tags_to_remove: ["a"], new_tags: ["a", "b"], reset_tags: ["c"] });
    expect(p.tags).toEqual({ reset: ["c"], add: ["b"], remove: ["a"] });
  });

  it("cuts batches of at most 30 fields and 30 tags per list, keeping the rest", () => {
    const fields = Object.fromEntries(Array.from({ length: 31 }, (_, i) => [`f${i}`, "v"]));
    const tags = Array.from({ length: 31 }, (_, i) => `t${i}`);
    let p = mergePending(EMPTY_PENDING, { age: "3", custom_user_fields: fields });
    p = mergePending(p, { new_tags: tags.slice(0, 30) });
    p = mergePending(p, { new_tags: tags.slice(30) });
    const { part, rest } = takeBatchPart(p);
    expect(Object.keys(part?.custom_user_fields ?? {})).toHaveLength(30);
    expect(part?.new_tags).toEqual(tags.slice(0, 30));
    expect(part?.age).toBe("3");
    expect(rest).toEqual({ values: {}, fields: { f30: "v" }, tags: { add: ["t30"], remove: [] } });
    expect(countBatchPart(part)).toBe(61);
    expect(countPending(rest)).toBe(2);
    expect(takeBatchPart(rest).rest).toEqual(EMPTY_PENDING);
  });

  it("names every key of a batch part as the service keys refusals", () => {
    expect(batchPartKeys({ age: "3", new_tags: ["a"], custom_user_fields: { guild: "red" } })).toEqual([
      "age",
      "new_tags",
      "custom_user_fields.guild",
    ]);
  });
});
