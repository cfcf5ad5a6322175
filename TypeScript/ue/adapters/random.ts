/**
 * The core's `Random` from the engine: C++ answers `RandomBytesHex(count)` from the platform's
 * cryptographic generator (BCryptGenRandom, SecRandomCopyBytes or /dev/urandom), as lowercase hex; an empty
 * answer (the generator failed) is refused, never replaced by weaker randomness.
 *
 * @example
 * const random = createBridgeRandom(bridge);
 * random.bytes(16).length // 16
 */
import type { Random } from "../../core/ports";

export interface RandomBridge {
  RandomBytesHex(Count: number): string;
}

/** Thrown when C++ answers with the wrong length or a non-hex string: no silent weak randomness. */
export class RandomSourceError extends Error {
  readonly code = "randomSourceFailed";
  constructor() {
    super("bridge random: bad answer");
  }
}

export function createBridgeRandom(bridge: RandomBridge): Random {
  return {
    bytes(count) {
      const hex = bridge.RandomBytesHex(count);
      if (hex.length !== count * 2 || !/^[0-9a-f]*$/.test(hex)) throw new RandomSourceError();
      const out = new Uint8Array(count);
      for (let i = 0; i < count; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
      return out;
    },
  };
}
