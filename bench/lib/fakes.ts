/**
 * Fakes at the edges of the identity core, for benches, property, fault and load tests: a manual clock and
 * scheduler, an in-memory store, a seeded random source, a recording logger, and transports (a recording route
 * table, the real service through Fastify's `inject`, and a fault-injecting wrapper).
 *
 * @example
 * const time = new ManualTime(Date.UTC(2026, 0, 1));
 * const client = createHelpshiftClient(fakePorts({ transport, time }));
 * time.advance(30_000); // runs the flush timer
 */
import type {
  Clock,
  HttpRequest,
  HttpResponse,
  Logger,
  LogLevel,
  Ports,
  Random,
  Scheduler,
  Store,
  TimerHandle,
  Transport,
} from "../../TypeScript/core";

interface PendingTimer {
  readonly id: number;
  readonly due: number;
  readonly callback: () => void;
}

/**
 * A wall clock and a scheduler that move only when told: `advance` runs due timers in order.
 *
 * @example
 * const time = new ManualTime(0); time.setTimeout(fire, 1000); time.advance(1000); // fire() ran
 */
export class ManualTime implements Clock, Scheduler {
  private timers: PendingTimer[] = [];
  private nextId = 1;

  constructor(private current: number) {}

  now(): number {
    return this.current;
  }

  setTimeout(callback: () => void, delayMs: number): TimerHandle {
    const id = this.nextId++;
    this.timers.push({ id, due: this.current + Math.max(0, delayMs), callback });
    return id;
  }

  clearTimeout(handle: TimerHandle): void {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }

  /** Timers armed and not yet run. */
  get pending(): number {
    return this.timers.length;
  }

  /** Moves time forward by `ms`, running every timer that falls due, earliest first. */
  advance(ms: number): void {
    const target = this.current + ms;
    for (;;) {
      const next = this.timers.reduce<PendingTimer | undefined>((a, t) => (!a || t.due < a.due ? t : a), undefined);
      if (!next || next.due > target) break;
      this.timers = this.timers.filter((t) => t !== next);
      this.current = Math.max(this.current, next.due);
      next.callback();
    }
    this.current = target;
  }

  /**
   * Sets the wall clock without running timers: a device clock jump (forward or back). Timers keep their
   * remaining delay, as engine timers are monotonic and do not follow the wall clock.
   */
  jumpTo(time: number): void {
    const delta = time - this.current;
    this.timers = this.timers.map((t) => ({ ...t, due: t.due + delta }));
    this.current = time;
  }
}

/**
 * Store in a Map; `snapshot`/`fromSnapshot` stand for the files surviving a restart.
 *
 * @example
 * const store = MemoryStore.fromSnapshot(device.store.snapshot()); // the files after a restart
 */
export class MemoryStore implements Store {
  readonly data = new Map<string, string>();

  get(key: string): string | undefined {
    return this.data.get(key);
  }
  set(key: string, value: string): void {
    this.data.set(key, value);
  }
  remove(key: string): void {
    this.data.delete(key);
  }
  /** A copy of every entry. */
  snapshot(): Map<string, string> {
    return new Map(this.data);
  }
  static fromSnapshot(entries: Map<string, string>): MemoryStore {
    const store = new MemoryStore();
    for (const [k, v] of entries) store.data.set(k, v);
    return store;
  }
}

/**
 * Deterministic bytes (xorshift32): reproducible anonymous and batch ids.
 *
 * @example
 * new SeededRandom(7).bytes(16); // the same 16 bytes on every run
 */
export class SeededRandom implements Random {
  constructor(private state = 0x2545f491) {}
  bytes(count: number): Uint8Array {
    const out = new Uint8Array(count);
    for (let i = 0; i < count; i++) {
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

/**
 * A log line as the core wrote it.
 *
 * @example
 * const line: LogLine = { level: "info", message: "logged in" };
 */
export interface LogLine {
  readonly level: LogLevel;
  readonly message: string;
  readonly fields?: Readonly<Record<string, unknown>>;
}

/**
 * Keeps every line (tests look for leaked secrets in them); `limit` bounds memory in long runs.
 *
 * @example
 * const logger = new RecordingLogger(); expect(logger.text()).not.toMatch(/eyJ/);
 */
export class RecordingLogger implements Logger {
  readonly lines: LogLine[] = [];
  constructor(private readonly limit = 10_000) {}
  log(level: LogLevel, message: string, fields?: Readonly<Record<string, unknown>>): void {
    if (this.lines.length < this.limit) this.lines.push(fields ? { level, message, fields } : { level, message });
  }
  /** Every line as one text, to search for secrets. */
  text(): string {
    return this.lines.map((l) => `${l.level} ${l.message} ${JSON.stringify(l.fields ?? {})}`).join("\n");
  }
}

/**
 * Drops every line (benches).
 *
 * @example
 * createHelpshiftClient(fakePorts({ transport, time, logger: silentLogger }));
 */
export const silentLogger: Logger = { log() {} };

/**
 * A route handler: the request in, an answer (or a thrown/rejected network failure) out.
 *
 * @example
 * const route: Route = () => ({ status: 200, body: "{}" });
 */
export type Route = (request: HttpRequest) => HttpResponse | Promise<HttpResponse>;

/**
 * Answers from a handler and records what was sent (count and bytes of request bodies).
 *
 * @example
 * const t = new RecordingTransport(() => ({ status: 200, body: '{"ok":true}' })); t.requests.length;
 */
export class RecordingTransport implements Transport {
  readonly requests: HttpRequest[] = [];
  bytesSent = 0;
  constructor(
    private readonly route: Route,
    private readonly keep = true,
  ) {}
  async send(request: HttpRequest): Promise<HttpResponse> {
    if (this.keep) this.requests.push(request);
    this.bytesSent += request.body?.length ?? 0;
    return this.route(request);
  }
}

/**
 * Something with Fastify's `inject` (the identity service's `fastify`).
 *
 * @example
 * const target: Injectable = service.fastify;
 */
export interface Injectable {
  inject(options: {
    method: string;
    url: string;
    headers: Record<string, string>;
    payload?: string;
  }): Promise<{ statusCode: number; body: string }>;
}

/**
 * The real service in-process, without sockets: Fastify's `inject`. `target` is read on every call so a test can
 * swap the service (a restart) under a live client.
 *
 * @example
 * const transport = injectTransport(() => service.fastify);
 */
export function injectTransport(target: () => Injectable): Transport {
  return {
    async send(request) {
      const url = new URL(request.url);
      const answer = await target().inject({
        method: request.method,
        url: url.pathname + url.search,
        headers: { ...request.headers },
        ...(request.body !== undefined ? { payload: request.body } : {}),
      });
      return { status: answer.statusCode, body: answer.body };
    },
  };
}

/**
 * Where a request is lost: before the service sees it, or after it acted but before the answer arrives.
 *
 * @example
 * faulty.failWhen(() => "response" satisfies DropPoint);
 */
export type DropPoint = "request" | "response";

/**
 * A transport that fails requests on command, to test what survives a broken network.
 *
 * @example
 * const faulty = new FaultyTransport(injectTransport(() => service.fastify));
 * faulty.failWhen((r) => (r.url.endsWith("/login") ? "request" : undefined));
 */
export class FaultyTransport implements Transport {
  /** Requests seen, by path, in order. */
  readonly log: Array<{ path: string; dropped?: DropPoint }> = [];
  private rule: ((request: HttpRequest, index: number) => DropPoint | undefined) | undefined;

  constructor(private readonly inner: Transport) {}

  /** Drops requests for which `rule` names a drop point; `undefined` clears. */
  failWhen(rule: ((request: HttpRequest, index: number) => DropPoint | undefined) | undefined): void {
    this.rule = rule;
  }

  private readonly inflight = new Set<Promise<unknown>>();

  send(request: HttpRequest): Promise<HttpResponse> {
    const running = this.sendNow(request);
    const tracked = running.catch(() => undefined);
    this.inflight.add(tracked);
    void tracked.then(() => this.inflight.delete(tracked));
    return running;
  }

  /** Resolves once no request is in flight (the service may finish work off the main thread, e.g. HMAC). */
  async idle(): Promise<void> {
    while (this.inflight.size > 0) await Promise.all([...this.inflight]);
  }

  private async sendNow(request: HttpRequest): Promise<HttpResponse> {
    const index = this.log.length;
    const path = new URL(request.url).pathname;
    const drop = this.rule?.(request, index);
    this.log.push(drop ? { path, dropped: drop } : { path });
    if (drop === "request") throw new Error("network down (request lost)");
    const answer = await this.inner.send(request);
    if (drop === "response") throw new Error("network down (answer lost)");
    return answer;
  }
}

/**
 * Ports from fakes; anything not given gets a default fake.
 *
 * @example
 * const client = createHelpshiftClient(fakePorts({ transport, time: new ManualTime(0) }));
 */
export function fakePorts(parts: {
  transport: Transport;
  time: ManualTime;
  store?: Store;
  random?: Random;
  logger?: Logger;
}): Ports {
  return {
    transport: parts.transport,
    clock: parts.time,
    scheduler: parts.time,
    store: parts.store ?? new MemoryStore(),
    random: parts.random ?? new SeededRandom(),
    logger: parts.logger ?? silentLogger,
  };
}

/**
 * Waits until promise callbacks and pending I/O callbacks have run (real event loop turns, not time).
 *
 * @example
 * client.UpdateMasterAttributes({ age: "3" }); await settle();
 */
export async function settle(turns = 5): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}
