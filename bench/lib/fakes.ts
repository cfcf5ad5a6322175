/**
 * The fakes at the edges of the identity core, for the benches: a re-export of test/support, their one home
 * (manual clock and scheduler, memory store, seeded random, loggers, route transport, ports builder, the service's
 * success answers, a client on a fake service that hands out a fresh session per login).
 *
 * @example
 * const time = new ManualTime(Date.UTC(2026, 0, 1));
 * const transport = new RouteTransport({ fallback: () => ({ status: 200, body: "{}" }), record: false });
 * const client = createHelpshiftClient(fakePorts({ transport, time }));
 * time.advanceSync(30_000); // runs the flush timer
 */
/**
 * The old name of {@link CapturingLogger}, kept only because test/load/concurrent-clients.test.ts (another
 * engineer's file) still imports it from here; it should import CapturingLogger from test/support instead.
 */
export { CapturingLogger, silentLogger } from "../../test/support/capturing-logger";
export { cyclingServiceClient } from "../../test/support/cycling-service-client";
export { fakePorts } from "../../test/support/fake-ports";
export { ManualTime, settle } from "../../test/support/manual-time";
export { MemoryStore } from "../../test/support/memory-store";
export { RouteTransport } from "../../test/support/route-transport";
export { SeededRandom } from "../../test/support/seeded-random";
export { attributesAcceptedReply, loginReply, okReply } from "../../test/support/service-replies";
