/**
 * A {@link Transport} wrapper that loses requests on command, to test what survives a broken network.
 *
 * @example
 * const faulty = new FaultyTransport(injectTransport(() => service.fastify));
 * faulty.failWhen((r) => (r.url.endsWith("/login") ? "request" : undefined));
 * faulty.failWhen(undefined); // the network is back
 */
import type { HttpRequest, HttpResponse, Transport } from "../../TypeScript/core/ports";

/**
 * Where a request is lost: before the service sees it, or after it acted but before the answer arrives.
 *
 * @example
 * faulty.failWhen(() => "response" satisfies DropPoint);
 */
export type DropPoint = "request" | "response";

/**
 * Decides, per request (and its index among all requests seen), whether and where it is lost.
 *
 * @example
 * const everyOther: DropRule = (_, index) => (index % 2 ? "request" : undefined);
 */
export type DropRule = (request: HttpRequest, index: number) => DropPoint | undefined;

/** See the module example. */
export class FaultyTransport implements Transport {
  /** Requests seen, by path, in order, with where each was dropped. */
  readonly log: Array<{ path: string; dropped?: DropPoint }> = [];
  private rule: DropRule | undefined;
  private readonly inflight = new Set<Promise<unknown>>();

  constructor(private readonly inner: Transport) {}

  /** Drops requests for which `rule` names a drop point; `undefined` clears. */
  failWhen(rule: DropRule | undefined): void {
    this.rule = rule;
  }

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
