/**
 * The network faults the console sets, applied to `/v1/` requests only (never the console or the tester): a
 * failing request is answered `failStatus` with an `ErrorResponse` before any route sees it; a slow one is held
 * `delayMs` first. Each failure writes a `bend` live-log entry. Held requests are let go at once when the
 * service closes.
 *
 * @example
 * fastify.addHook("onRequest", faults.hook);
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { ErrorResponse } from "../../contract";
import { errorOfFrameworkStatus, sendError, sendRateLimited } from "../http/errors";
import type { Bend } from "./bend";
import type { LiveLog } from "./live-log";

/** The protocol's requests: the only ones faults touch. */
export const PROTOCOL_PREFIX = "/v1/";

const failed = new WeakSet<FastifyRequest>();

/** True when the request was answered by a fault, not by its route. */
export function failedOnPurpose(request: FastifyRequest): boolean {
  return failed.has(request);
}

/** The body of a 5xx failure: `unknownError`, what the service's own 5xx answers say. */
function failureBody(status: number): ErrorResponse {
  return errorOfFrameworkStatus(Math.min(status, 500)).body;
}

export class NetworkFaults {
  private readonly held = new Set<() => void>();

  constructor(
    private readonly bend: Bend,
    private readonly liveLog: LiveLog,
  ) {}

  /** The `onRequest` hook. */
  readonly hook = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    if (!request.url.startsWith(PROTOCOL_PREFIX)) return undefined;
    const fault = this.bend.takeFault();
    if (fault === undefined) return undefined;
    const path = request.url.split("?")[0];
    const appId = (request.params as { appId?: unknown } | undefined)?.appId;
    const app = typeof appId === "string" ? { appId } : {};
    if ("fail" in fault) {
      failed.add(request);
      const left = this.bend.state().failNext;
      this.liveLog.add({
        kind: "bend",
        ...app,
        summary: `${request.method} ${path} failed on purpose with ${fault.fail} (${left} more to fail)`,
      });
      // A 429 says when to come back, like the service's own rate limits.
      if (fault.fail === 429) return sendRateLimited(reply, 1000);
      return sendError(reply, fault.fail, failureBody(fault.fail));
    }
    await this.hold(fault.delayMs);
    return undefined;
  };

  /** Lets every held request go now. */
  releaseAll(): void {
    for (const release of [...this.held]) release();
  }

  private hold(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const release = () => {
        clearTimeout(timer);
        this.held.delete(release);
        resolve();
      };
      const timer = setTimeout(release, ms);
      this.held.add(release);
    });
  }
}
