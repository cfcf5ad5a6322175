/**
 * A small world for fault tests: the real identity service on a real SQLite file (restartable), reached through
 * Fastify's `inject` behind a {@link FaultyTransport}; clients on fake ports with a manual clock.
 *
 * @example
 * const world = await createWorld();
 * const client = world.newClient();
 * await client.loginWithIdentity(await world.token("ana"));
 * await world.close();
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect } from "vitest";
import { signUidToken } from "../../bench/lib/sign";
import type { HelpshiftEvent } from "../../TypeScript/contract";
import { createHelpshiftClient, type HelpshiftClient, type HelpshiftEventData } from "../../TypeScript/core";
import type { IdentityTokenProvider } from "../../TypeScript/core/api";
import { createIdentityService, type IdentityService } from "../../TypeScript/server";
import { CapturingLogger } from "../support/capturing-logger";
import { fakePorts } from "../support/fake-ports";
import { FaultyTransport } from "../support/faulty-transport";
import { injectTransport } from "../support/inject-transport";
import { ManualTime, settle } from "../support/manual-time";
import { MemoryStore } from "../support/memory-store";
import { SeededRandom } from "../support/seeded-random";

/**
 * The app every fault world registers.
 *
 * @example
 * world.service().apps.find(APP_ID);
 */
export const APP_ID = "faults";
/**
 * The app's shared secret (tests sign tokens with it).
 *
 * @example
 * await signUidToken(SECRET, "ana", world.serverTime.now());
 */
export const SECRET = "fault-injection-shared-secret-0123456789";
/**
 * Tags defined for the app (the service refuses undefined tags).
 *
 * @example
 * client.UpdateMasterAttributes({ new_tags: [TAGS[0]] });
 */
export const TAGS = ["vip", "gold", "beta"];
/**
 * Where both clocks start: a fixed instant, so runs are reproducible.
 *
 * @example
 * new ManualTime(START);
 */
export const START = Date.UTC(2026, 10, 24, 12, 0, 0);

/**
 * A client of a world, with its store, logger and the events it emitted.
 *
 * @example
 * const { client, events }: ClientHandle = world.newClient();
 */
export interface ClientHandle {
  readonly client: HelpshiftClient;
  readonly store: MemoryStore;
  readonly logger: CapturingLogger;
  readonly events: Array<{ event: HelpshiftEvent; data: HelpshiftEventData }>;
}

/**
 * The service, the faulty network between it and the clients, and both clocks.
 *
 * @example
 * const world: World = await createWorld({ separateServerClock: true });
 */
export interface World {
  readonly dbPath: string;
  /** The device clock and scheduler. */
  readonly time: ManualTime;
  /** The service's clock (the device clock unless `separateServerClock`). */
  readonly serverTime: ManualTime;
  readonly transport: FaultyTransport;
  service(): IdentityService;
  /** Closes the service and opens a new one on the same SQLite file (sessions, users, batches survive). */
  restartService(): Promise<void>;
  /**
   * A client on this world's transport and clock; pass a store to stand for files that survived a restart, and a
   * token provider for a client that refreshes its sessions itself.
   */
  newClient(store?: MemoryStore, options?: { identityTokenProvider?: IdentityTokenProvider }): ClientHandle;
  /** A token for `uid` signed now on the service clock. */
  token(uid: string, email?: string): Promise<string>;
  /** Log lines of every client that show a JWT or a session token (must stay empty). */
  leakedSecrets(): string[];
  /** Rows of the users table. */
  userCount(): number;
  /** The service's stored attributes for the user identified by `uid`. */
  attributesOf(
    uid: string,
  ): { master: Record<string, unknown>; app: Record<string, unknown>; tags: string[] } | undefined;
  close(): Promise<void>;
}

/**
 * Opens a world: a fresh SQLite file in a temp dir, the app registered, the faulty transport in front.
 *
 * @example
 * const world = await createWorld(); await world.close();
 */
export async function createWorld(options: { separateServerClock?: boolean } = {}): Promise<World> {
  const dir = mkdtempSync(join(tmpdir(), "hs-fault-"));
  const dbPath = join(dir, "identity.sqlite");
  const time = new ManualTime(START);
  const serverTime = options.separateServerClock ? new ManualTime(START) : time;
  const open = async () => {
    const s = await createIdentityService({
      database: dbPath,
      clock: serverTime,
      loginRateLimit: { max: 1_000_000, windowMs: 60_000 },
    });
    if (!s.apps.find(APP_ID)) s.apps.create({ id: APP_ID, secret: SECRET, tags: TAGS });
    return s;
  };
  let current = await open();
  const transport = new FaultyTransport(injectTransport(() => current.fastify));
  const clients: HelpshiftClient[] = [];
  const loggers: CapturingLogger[] = [];
  return {
    dbPath,
    time,
    serverTime,
    transport,
    service: () => current,
    async restartService() {
      await current.close();
      current = await open();
    },
    newClient(store = new MemoryStore(), options = {}) {
      const logger = new CapturingLogger();
      const client = createHelpshiftClient(
        fakePorts({ transport, time, store, logger, random: new SeededRandom(clients.length + 1) }),
      );
      clients.push(client);
      loggers.push(logger);
      const events: ClientHandle["events"] = [];
      client.addEventListener((event, data) => events.push({ event, data }));
      client.Init({ serviceUrl: "http://service.test", appId: APP_ID, logLevel: "debug", ...options });
      return { client, store, logger, events };
    },
    token: (uid, email) => signUidToken(SECRET, uid, serverTime.now(), email),
    leakedSecrets: () =>
      loggers.flatMap((l) => l.text().split("\n")).filter((line) => /eyJ[\w-]+\.|hss_[\w-]{8}/.test(line)),
    userCount: () => (current.db.prepare("SELECT COUNT(*) AS n FROM users").get() as { n: number }).n,
    attributesOf(uid) {
      const user = current.context.users.findByIdentity(APP_ID, "uid", uid);
      return user ? current.context.attributes.read(user.id) : undefined;
    },
    async close() {
      for (const c of clients) c.dispose();
      await current.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Registers the hooks every fault test file shares: a fresh world before each test and, after it, the check that
 * no secret leaked into a log line or event, then the world closed. The world reaches the file through `use`,
 * so the file's tests keep a plain `world` variable.
 *
 * @example
 * let world: World;
 * useFreshWorldPerTest((w) => { world = w; });
 */
export function useFreshWorldPerTest(
  use: (world: World) => void,
  options: { separateServerClock?: boolean } = {},
): void {
  let current: World | undefined;
  beforeEach(async () => {
    current = await createWorld(options);
    use(current);
  });
  afterEach(async () => {
    const world = current;
    current = undefined;
    if (!world) return;
    expect(world.leakedSecrets()).toEqual([]);
    await world.close();
  });
}

/**
 * The login outcome as data (the Promise API rejects with a LoginFailure carrying `reason`).
 *
 * @example
 * expect(await loginResult(client, jwt)).toBe("networkError");
 */
export async function loginResult(client: HelpshiftClient, jwt: string): Promise<string> {
  try {
    await client.loginWithIdentity(jwt, {});
    return "ok";
  } catch (error) {
    return (error as { reason?: string }).reason ?? "threw";
  }
}

/**
 * Moves the device clock in steps until `promise` settles (retries wait on backoff timers), at most `maxSteps`
 * times: a promise still pending after that is a stuck operation, reported as a failure rather than a hang.
 *
 * @example
 * await driveUntil(client.addUserIdentities(jwt), world, Defaults.retryBaseMs);
 */
export async function driveUntil<T>(
  promise: Promise<T>,
  world: Pick<World, "time" | "transport">,
  stepMs: number,
  maxSteps = 50,
): Promise<T> {
  let done = false;
  const watched = promise.finally(() => {
    done = true;
  });
  for (let i = 0; i < maxSteps && !done; i++) {
    await quiet(world);
    if (!done) world.time.advanceSync(stepMs);
  }
  await quiet(world);
  if (!done) throw new Error(`operation still pending after ${maxSteps} steps of ${stepMs} ms`);
  return watched;
}

/**
 * Waits until no request is in flight and promise callbacks have run: the client is waiting on a timer or done.
 *
 * @example
 * client.appForeground(); await quiet(world);
 */
export async function quiet(world: Pick<World, "transport">): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await world.transport.idle();
    await settle();
  }
}

/**
 * Like {@link driveUntil}, for a condition: true once `condition()` holds, false if it never did.
 *
 * @example
 * expect(await driveUntilTrue(() => stored(), world, 1_000)).toBe(true);
 */
export async function driveUntilTrue(
  condition: () => boolean,
  world: Pick<World, "time" | "transport">,
  stepMs: number,
  maxSteps = 50,
): Promise<boolean> {
  for (let i = 0; i < maxSteps; i++) {
    await quiet(world);
    if (condition()) return true;
    world.time.advanceSync(stepMs);
  }
  await quiet(world);
  return condition();
}
