import { Defaults } from "../contract";

/**
 * Delay before retry number `attempt` (0-based): `retryBaseMs * 2^attempt`, capped at `retryMaxMs`.
 * Deterministic on purpose: batches are idempotent, so there is no thundering-herd cost worth a random jitter.
 *
 * @example
 * retryDelayMs(0) // 1000
 * retryDelayMs(20) // 300000
 */
export function retryDelayMs(attempt: number): number {
  const exponent = Math.min(Math.max(0, Math.floor(attempt)), 30);
  return Math.min(Defaults.retryMaxMs, Defaults.retryBaseMs * 2 ** exponent);
}
