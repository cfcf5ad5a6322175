/**
 * The identity client for Node: the core wired to the fetch transport, a file store (or memory), timers, crypto
 * randomness and the console. Used by tests, the CLI and tools.
 *
 * @example
 * const client = createNodeClient({ stateDir: ".helpshift-state" });
 * client.Init({ serviceUrl: "http://127.0.0.1:8787", appId: "demo" });
 * await client.loginWithIdentity(jwt, { full_privacy_enabled: false });
 */
import { installDecodePort, installedDecodePort, PURE_DECODE_PORT } from "../contract";
import type { HelpshiftClient } from "../core/api";
import { createHelpshiftClient } from "../core/index";
import type { Clock, Logger, MonotonicClock, Scheduler, Store, Transport } from "../core/ports";
import { createConsoleLogger } from "./console-logger";
import { nodeDecodePort } from "./decode-port";
import { createFetchTransport } from "./fetch-transport";
import { createFileStore } from "./file-store";
import { createMemoryStore } from "./memory-store";
import { cryptoRandom } from "./random";
import { createNodeScheduler, monotonicClock, systemClock } from "./scheduler";

export interface NodeClientOptions {
  /** Directory of the persisted state; without it the state lives in memory (gone with the process). */
  readonly stateDir?: string;
  /** Request timeout of the fetch transport (default 15 000 ms). */
  readonly timeoutMs?: number;
  /** Let the process exit with timers pending (default false). */
  readonly unrefTimers?: boolean;
  /** Replace any port (tests: a manual clock, a recording logger). */
  readonly transport?: Transport;
  readonly store?: Store;
  readonly clock?: Clock;
  readonly scheduler?: Scheduler;
  readonly logger?: Logger;
  /** The monotonic clock port (default `performance.now`); `null` leaves it out (a test's manual wall clock). */
  readonly monotonic?: MonotonicClock | null;
}

/**
 * Makes a client; call `Init` on it next, as with the SDK.
 *
 * @example
 * const client = createNodeClient({ logger: { log() {} } });
 */
export function createNodeClient(options: NodeClientOptions = {}): HelpshiftClient {
  // Token checks decode with Buffer/TextDecoder (same answers as the pure-JS codecs), unless a port is already set.
  if (installedDecodePort() === PURE_DECODE_PORT) installDecodePort(nodeDecodePort);
  return createHelpshiftClient({
    transport: options.transport ?? createFetchTransport(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    store: options.store ?? (options.stateDir ? createFileStore(options.stateDir) : createMemoryStore()),
    clock: options.clock ?? systemClock,
    scheduler: options.scheduler ?? createNodeScheduler({ unref: options.unrefTimers ?? false }),
    random: cryptoRandom,
    logger: options.logger ?? createConsoleLogger(),
    // With a manual wall clock (tests), the real monotonic clock would disagree with it: left out unless given.
    ...monotonicPort(options),
  });
}

function monotonicPort(options: NodeClientOptions): { monotonic?: MonotonicClock } {
  if (options.monotonic === null) return {};
  if (options.monotonic) return { monotonic: options.monotonic };
  return options.clock ? {} : { monotonic: monotonicClock };
}
