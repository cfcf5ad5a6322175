/**
 * Builds the real identity client on fakes: manual time, route transport with a {@link FakeIdentityService},
 * memory store, seeded random, capturing logger, and a recorder of events.
 *
 * @example
 * const h = createCoreHarness();
 * h.init();
 * await h.client.loginWithIdentity(uidToken("42"));
 * h.client.UpdateMasterAttributes({ first_name: "Ana" });
 * await h.time.advance(30_000);
 * expect(h.service.appliedBatches).toHaveLength(1);
 */
import type { HelpshiftEventData, HelpshiftInitParameters } from "../../TypeScript/core/api";
import { createHelpshiftClient } from "../../TypeScript/core/client";
import type { HelpshiftClient } from "../../TypeScript/core/index";
import type { Clock } from "../../TypeScript/core/ports";
import { CapturingLogger } from "./capturing-logger";
import { FakeIdentityService, type FakeServiceOptions } from "./fake-identity-service";
import { fakePorts } from "./fake-ports";
import { createManualTime, type ManualTime } from "./manual-time";
import { MemoryStore } from "./memory-store";
import { RouteTransport } from "./route-transport";
import { SeededRandom } from "./seeded-random";

/** The service URL the harness passes to `Init` (the route transport answers it; nothing listens). */
export const TEST_SERVICE_URL = "http://127.0.0.1:8787";

/** A real client on fakes, with handles on every fake. */
export interface CoreHarness {
  readonly client: HelpshiftClient;
  readonly transport: RouteTransport;
  readonly service: FakeIdentityService;
  readonly store: MemoryStore;
  readonly time: ManualTime;
  readonly random: SeededRandom;
  readonly logger: CapturingLogger;
  /** Events received by a listener added at creation, in order. */
  readonly events: Array<{ event: string; data: HelpshiftEventData }>;
  /** `Init` with the test service URL and app id, plus overrides. */
  init(overrides?: Partial<HelpshiftInitParameters>): void;
  /** A second client on the same store, transport and time (an app restart). */
  restart(): CoreHarness;
}

/** Fakes to share (a restart reuses store, time and transport) and fake service options. */
export interface HarnessOptions {
  readonly store?: MemoryStore;
  readonly time?: ManualTime;
  readonly transport?: RouteTransport;
  readonly service?: FakeServiceOptions;
  readonly seed?: number;
  /** Give the client `time.monotonic` as its monotonic clock port. */
  readonly monotonic?: boolean;
  /** The fake service's clock (default `time`): a test of wall-clock changes gives the service the true time. */
  readonly serviceClock?: Clock;
}

/** Makes a {@link CoreHarness}. */
export function createCoreHarness(
  options: HarnessOptions = {},
  shared?: { service: FakeIdentityService },
): CoreHarness {
  const time = options.time ?? createManualTime();
  const transport = options.transport ?? new RouteTransport();
  const service =
    shared?.service ?? new FakeIdentityService(transport, options.serviceClock ?? time.clock, options.service);
  const store = options.store ?? new MemoryStore();
  const random = new SeededRandom(options.seed ?? 7);
  const logger = new CapturingLogger();
  const monotonic = options.monotonic ?? false;
  const client = createHelpshiftClient(fakePorts({ transport, time, store, random, logger, monotonic }));
  const events: Array<{ event: string; data: HelpshiftEventData }> = [];
  client.addEventListener((event, data) => events.push({ event, data }));
  const harness: CoreHarness = {
    client,
    transport,
    service,
    store,
    time,
    random,
    logger,
    events,
    init(overrides = {}) {
      client.Init({ serviceUrl: TEST_SERVICE_URL, appId: service.appId, ...overrides });
    },
    restart() {
      return createCoreHarness({ store, time, transport, seed: (options.seed ?? 7) + 1, monotonic }, { service });
    },
  };
  return harness;
}

/** Records a callback-style login: how often each callback fired and with what. */
export function recordLogin() {
  const calls: Array<{ ok: true } | { ok: false; reason: string; errors: Record<string, string>; detail?: string }> =
    [];
  return {
    calls,
    onSuccess: () => calls.push({ ok: true }),
    onFailure: (reason: string, errors: Record<string, string>, detail?: string) =>
      calls.push(detail === undefined ? { ok: false, reason, errors } : { ok: false, reason, errors, detail }),
  };
}
