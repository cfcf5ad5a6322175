/**
 * Measures the service's clock against the tester's from the `X-Server-Time` header of every answer (the
 * reference service stamps every answer with it; the core reads the same header for its trusted clock), so the
 * testers can show the skew. Half the round trip is allowed for, as the core does. Shared by the web page and
 * the editor tab.
 *
 * @example
 * const serviceClock = createServiceClockProbe({ now: () => Date.now() });
 * createTesterViewModel({ ..., serviceClock: serviceClock.reading, createClient: (p) =>
 *   createHelpshiftClient({ ...ports, transport: serviceClock.wrap(ports.transport) }) });
 */
import type { Clock, Transport } from "../core/ports";
import type { ServiceClockReading } from "./identity-view";

/** The header the reference service puts on every answer (lower case, as transports give header names). */
export const SERVER_TIME_HEADER = "x-server-time";

export interface ServiceClockProbe {
  /** The transport, reading the service's time from every answer that carries it. */
  wrap(inner: Transport): Transport;
  /** The last reading, or undefined before any answer carried the header. */
  readonly reading: () => ServiceClockReading | undefined;
}

export function createServiceClockProbe(clock: Clock): ServiceClockProbe {
  let last: ServiceClockReading | undefined;
  return {
    wrap: (inner) => ({
      async send(request) {
        const sentAt = clock.now();
        const response = await inner.send(request);
        const serverMs = Number(response.headers?.[SERVER_TIME_HEADER]);
        if (Number.isFinite(serverMs) && serverMs > 0) {
          const atMs = clock.now();
          last = { skewMs: Math.round(serverMs - (sentAt + atMs) / 2), atMs };
        }
        return response;
      },
    }),
    reading: () => last,
  };
}
