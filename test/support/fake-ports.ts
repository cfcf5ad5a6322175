/**
 * Builds the core's {@link Ports} from fakes: the caller gives the transport and the time, anything else not
 * given gets a default fake (memory store, seeded random, silent logger).
 *
 * @example
 * const time = new ManualTime(START);
 * const client = createHelpshiftClient(fakePorts({ transport, time, logger: new CapturingLogger() }));
 */
import type { Logger, Ports, Random, Store, Transport } from "../../TypeScript/core/ports";
import { silentLogger } from "./capturing-logger";
import type { ManualTime } from "./manual-time";
import { MemoryStore } from "./memory-store";
import { SeededRandom } from "./seeded-random";

/**
 * The parts a test chooses; `time` is both the clock and the scheduler.
 *
 * @example
 * const parts: FakePortParts = { transport: new RouteTransport(), time: new ManualTime() };
 */
export interface FakePortParts {
  readonly transport: Transport;
  readonly time: ManualTime;
  readonly store?: Store;
  readonly random?: Random;
  readonly logger?: Logger;
  /** Hand the client `time.monotonic` as its monotonic clock port (default: no monotonic port). */
  readonly monotonic?: boolean;
}

/** See the module example. */
export function fakePorts(parts: FakePortParts): Ports {
  const ports: Ports = {
    transport: parts.transport,
    clock: parts.time,
    scheduler: parts.time,
    store: parts.store ?? new MemoryStore(),
    random: parts.random ?? new SeededRandom(),
    logger: parts.logger ?? silentLogger,
  };
  return parts.monotonic ? { ...ports, monotonic: parts.time.monotonic } : ports;
}
