import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AttributeValue } from "../../TypeScript/contract";
import { EMPTY_PENDING, mergePending, type PendingAttributes, takeBatchPart } from "../../TypeScript/core/outbox-model";

interface ServerState {
  values: Record<string, string>;
  fields: Record<string, string>;
  tags: Set<string>;
}

/** What the service does with one update or batch: plain keys, fields per field, tags reset → add → remove. */
function apply(state: ServerState, update: Readonly<Record<string, AttributeValue>>): void {
  for (const [key, value] of Object.entries(update)) {
    if (typeof value === "string") state.values[key] = value;
    else if (key === "custom_user_fields") Object.assign(state.fields, value);
  }
  if (Array.isArray(update.reset_tags)) state.tags = new Set(update.reset_tags as string[]);
  for (const tag of (update.new_tags as string[] | undefined) ?? []) state.tags.add(tag);
  for (const tag of (update.tags_to_remove as string[] | undefined) ?? []) state.tags.delete(tag);
}

const tag = fc.constantFrom("a", "b", "c", "d", "e");
const tags = fc.uniqueArray(tag, { maxLength: 4 });
const update = fc.record(
  {
    first_name: fc.constantFrom("Ana", "Bea", "Zoë"),
    age: fc.constantFrom("1", "2"),
    custom_user_fields: fc.dictionary(fc.constantFrom("f1", "f2", "f3"), fc.constantFrom("x", "y"), { maxKeys: 3 }),
    new_tags: tags,
    tags_to_remove: tags,
    reset_tags: tags,
  },
  { requiredKeys: [] },
);

describe("outbox coalescing (property)", () => {
  it("sending the coalesced batches leaves the service in the state of sending every update in order", () => {
    fc.assert(
      fc.property(fc.uniqueArray(tag), fc.array(update, { maxLength: 12 }), (initialTags, updates) => {
        const direct: ServerState = { values: {}, fields: {}, tags: new Set(initialTags) };
        for (const u of updates) apply(direct, u as Record<string, AttributeValue>);

        let pending: PendingAttributes = EMPTY_PENDING;
        for (const u of updates) pending = mergePending(pending, u as Record<string, AttributeValue>);
        const batched: ServerState = { values: {}, fields: {}, tags: new Set(initialTags) };
        for (let i = 0; i < 100; i++) {
          const { part, rest } = takeBatchPart(pending);
          if (!part) break;
          apply(batched, part);
          pending = rest;
        }
        expect({ ...batched, tags: [...batched.tags].sort() }).toEqual({ ...direct, tags: [...direct.tags].sort() });
      }),
      { numRuns: 300, seed: 20261124 },
    );
  });
});
