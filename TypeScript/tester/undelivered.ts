/**
 * Counts the requests the tester's clients could not deliver (no answer, a 5xx or a 429: the client keeps what it
 * sent and retries later), so the tester says "not delivered" instead of "flushed". One counter for every client
 * a tester makes; shared by the web page and the editor tab.
 *
 * @example
 * const undelivered = createUndeliveredCounter();
 * createTesterViewModel({ ..., undelivered: undelivered.count, createClient: (p) =>
 *   createHelpshiftClient({ ...ports, transport: undelivered.wrap(ports.transport) }) });
 */
import type { Transport } from "../core/ports";

export interface UndeliveredCounter {
  /** The transport, counting what it fails to deliver. */
  wrap(inner: Transport): Transport;
  /** How many requests failed to be delivered so far, over every wrapped transport. */
  readonly count: () => number;
}

export function createUndeliveredCounter(): UndeliveredCounter {
  let failed = 0;
  return {
    wrap: (inner) => ({
      async send(request) {
        try {
          const response = await inner.send(request);
          if (response.status >= 500 || response.status === 429) failed++;
          return response;
        } catch (error) {
          failed++;
          throw error;
        }
      },
    }),
    count: () => failed,
  };
}
