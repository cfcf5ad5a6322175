/**
 * The shape of an attribute batch the service reads at all. Looser than the contract's `AttributesRequestSchema`
 * on purpose (a value of the wrong type is refused for its key alone), but bounded: every batch is answered
 * with its refused keys and that answer is kept for retries, so what a batch may name is limited. A map holds at
 * most as many entries as its scope has keys, and every key, a custom field's name included, is at most
 * `Limits.keyLength` characters. The client never sends more (it refuses such keys itself); a batch that does is
 * refused whole.
 *
 * @example
 * BatchSchema.safeParse({ batchId: "b-1", master: { first_name: "Ada" } }).success // true
 */
import { z } from "zod";
import { APP_ATTRIBUTES, CUSTOM_USER_FIELDS_KEY, Limits, MASTER_ATTRIBUTES } from "../contract";

/** Most bytes of one stored batch answer (JSON). The bounds above keep the worst answer near 210 KB. */
export const MAX_STORED_ANSWER_BYTES = 256 * 1024;

const keysFit = (map: Record<string, unknown>): boolean => {
  for (const key of Object.keys(map)) if (key.length > Limits.keyLength) return false;
  const fields = map[CUSTOM_USER_FIELDS_KEY];
  if (fields === null || typeof fields !== "object" || Array.isArray(fields)) return true;
  return Object.keys(fields).every((field) => field.length <= Limits.keyLength);
};

const boundedMap = (scopeKeys: number) =>
  z.record(z.string(), z.unknown()).refine((map) => Object.keys(map).length <= scopeKeys && keysFit(map));

export const BatchSchema = z.object({
  batchId: z.string().min(1).max(Limits.keyLength),
  master: boundedMap(Object.keys(MASTER_ATTRIBUTES).length).optional(),
  app: boundedMap(Object.keys(APP_ATTRIBUTES).length).optional(),
});
