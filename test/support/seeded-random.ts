/**
 * A deterministic {@link Random}: the same seed gives the same bytes, so ids in tests are reproducible.
 *
 * @example
 * const random = new SeededRandom(42);
 * random.bytes(4); // always the same 4 bytes for seed 42
 */
import type { Random } from "../../TypeScript/core/ports";

/** See the module example. */
export class SeededRandom implements Random {
  private state: number;

  constructor(seed = 1) {
    // xorshift32 stays at 0 forever from state 0, so seed 0 becomes 1.
    this.state = seed >>> 0 || 1;
  }

  bytes(count: number): Uint8Array {
    const out = new Uint8Array(count);
    for (let i = 0; i < count; i++) {
      // xorshift32: small, fast, good enough for test ids.
      let x = this.state;
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      this.state = x >>> 0;
      out[i] = this.state & 0xff;
    }
    return out;
  }
}
