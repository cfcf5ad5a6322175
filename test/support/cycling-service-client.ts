/**
 * A real core client on a fake service that answers like the identity service and hands out a fresh session
 * token at every login (anything that remembers session tokens grows with it): the set-up shared by the
 * login/logout cycle test, the memory bench and the outbox bench.
 *
 * @example
 * const { client, uidToken } = cyclingServiceClient({ appId: "cycles", sessionToken: (n) => `hss_${n}` });
 * await client.loginWithIdentity(uidToken("ada"), {});
 * await client.logout();
 */
import { encodeUnsignedToken } from "../../bench/lib/fixtures";
import { createHelpshiftClient, type HelpshiftClient } from "../../TypeScript/core";
import { silentLogger } from "./capturing-logger";
import { fakePorts } from "./fake-ports";
import { ManualTime } from "./manual-time";
import { MemoryStore } from "./memory-store";
import { type RecordedRequest, RouteTransport } from "./route-transport";
import { attributesAcceptedReply, loginReply, okReply } from "./service-replies";

/** Options of {@link cyclingServiceClient}. */
export interface CyclingServiceClientOptions {
  /** The app id; the service URL is `http://<appId>.test` (never resolved: the transport is a fake). */
  readonly appId: string;
  /** The session token of the `login`-th login (0-based). */
  readonly sessionToken: (login: number) => string;
  /** The user id of the `login`-th login (default "usr_<appId>"). */
  readonly userId?: (login: number) => string;
  /** Sees every attribute batch before it is accepted. */
  readonly onAttributes?: (request: RecordedRequest) => void;
  /** Whether the transport records requests (long runs turn it off so the fake does not grow); default true. */
  readonly record?: boolean;
  /** Whether the manual clock keeps every requested delay (as above); default true. */
  readonly recordDelays?: boolean;
  /** Epoch ms the manual clock starts at (default 2026-11-24 12:00 UTC), also the tokens' `iat`. */
  readonly start?: number;
}

/** What {@link cyclingServiceClient} builds. */
export interface CyclingServiceClient {
  readonly client: HelpshiftClient;
  readonly time: ManualTime;
  readonly transport: RouteTransport;
  /** An unsigned identity token for `uid`, issued at the clock's start (the fake service does not verify it). */
  readonly uidToken: (uid: string) => string;
}

/**
 * Builds the client, initialized, on a manual clock, a memory store and a silent logger.
 *
 * @example
 * const { client, transport } = cyclingServiceClient({ appId: "bench", sessionToken: (n) => `hss_bench_${n}` });
 */
export function cyclingServiceClient(options: CyclingServiceClientOptions): CyclingServiceClient {
  const start = options.start ?? Date.UTC(2026, 10, 24, 12, 0, 0);
  const time = new ManualTime(start, { recordDelays: options.recordDelays ?? true });
  const userId = options.userId ?? (() => `usr_${options.appId}`);
  let logins = 0;
  const transport = new RouteTransport({
    record: options.record ?? true,
    fallback: (request) => {
      if (request.url.endsWith("/login")) {
        const login = logins++;
        return loginReply({ userId: userId(login), sessionToken: options.sessionToken(login), now: time.now() });
      }
      if (request.url.endsWith("/attributes")) {
        options.onAttributes?.(request);
        return attributesAcceptedReply();
      }
      return okReply();
    },
  });
  const client = createHelpshiftClient(fakePorts({ transport, time, store: new MemoryStore(), logger: silentLogger }));
  client.Init({ serviceUrl: `http://${options.appId}.test`, appId: options.appId });
  const uidToken = (uid: string) =>
    encodeUnsignedToken({ identities: [{ identifier: "uid", value: uid }], iat: start / 1000 });
  return { client, time, transport, uidToken };
}
