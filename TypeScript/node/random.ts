/**
 * The core's `Random` from Node's cryptographic generator (anonymous ids and batch ids must not be guessable).
 *
 * @example
 * cryptoRandom.bytes(16) // Uint8Array(16)
 */
import { randomBytes } from "node:crypto";
import type { Random } from "../core/ports";

export const cryptoRandom: Random = {
  bytes(count: number): Uint8Array {
    return new Uint8Array(randomBytes(count));
  },
};
