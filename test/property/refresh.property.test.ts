/**
 * The token provider under any sequence of provider outcomes, service answers and time: the client never
 * switches users silently, never sends another user's token, and never runs two refreshes at once.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { encodeUnsignedToken } from "../../bench/lib/fixtures";
import { createHelpshiftClient, type HttpResponse } from "../../TypeScript/core";
import { IDENTITY_TOKEN_TIMEOUT_MS } from "../../TypeScript/core/token-source";
import { fakePorts } from "../support/fake-ports";
import { ManualTime } from "../support/manual-time";
import { type RecordedRequest, RouteTransport } from "../support/route-transport";
import { loginReply, okReply } from "../support/service-replies";
import { runs } from "./arbitraries";

const START = Date.UTC(2026, 10, 30, 12, 0, 0);
const LIFETIME_MS = 60_000;

/** What one call of the game's token provider does. */
type ProviderOutcome = "same" | "otherUser" | "throws" | "hangs";
/** How the service answers a request that is not a login. */
type ServiceAnswer = "ok" | "serverError" | "network";

const tokenFor = (uid: string, now: number) =>
  encodeUnsignedToken({ identities: [{ identifier: "uid", value: uid }], iat: Math.floor(now / 1000) });

function uidOf(request: RecordedRequest): string | undefined {
  const token = (request.json as { identityToken?: string }).identityToken ?? "";
  const payload = token.split(".")[1];
  if (!payload) return undefined;
  const decoded = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as {
    identities?: Array<{ identifier: string; value: string }>;
  };
  return decoded.identities?.find((i) => i.identifier === "uid")?.value;
}

describe("token provider, property", () => {
  it("never switches users, never sends another user's token, one provider call at a time", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom<ProviderOutcome>("same", "same", "otherUser", "throws", "hangs"), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.array(fc.constantFrom<ServiceAnswer>("ok", "ok", "serverError", "network"), { minLength: 1, maxLength: 6 }),
        fc.array(
          fc.oneof(
            fc.constantFrom(1_000, 20_000, 31_000, LIFETIME_MS, 5 * 60_000, 3_600_000),
            fc.constant("foreground" as const),
          ),
          { minLength: 1, maxLength: 10 },
        ),
        async (outcomes, answers, steps) => {
          const time = new ManualTime(START);
          let served = 0;
          const loginUids: Array<string | undefined> = [];
          const transport = new RouteTransport({
            fallback: (request): HttpResponse => {
              if (request.path.endsWith("/login")) {
                const uid = uidOf(request);
                loginUids.push(uid);
                return loginReply({
                  userId: `uid:${uid}`,
                  sessionToken: `hss_property_${loginUids.length}_session_token`,
                  now: time.now(),
                  lifetimeMs: LIFETIME_MS,
                });
              }
              const answer = answers[served++ % answers.length];
              if (answer === "network") throw new Error("network down");
              if (answer === "serverError") return { status: 503, body: "" };
              return okReply();
            },
          });
          let calls = 0;
          // When each provider call started and until when the client waited for it (a hanging call: the timeout).
          const spans: Array<{ from: number; to: number }> = [];
          const client = createHelpshiftClient(fakePorts({ transport, time }));
          client.Init({
            serviceUrl: "http://service.test",
            appId: "prop",
            identityTokenProvider: () => {
              const outcome = outcomes[calls++ % outcomes.length];
              const from = time.now();
              if (outcome === "hangs") {
                spans.push({ from, to: from + IDENTITY_TOKEN_TIMEOUT_MS });
                return new Promise<string>(() => {});
              }
              spans.push({ from, to: from });
              if (outcome === "throws") return Promise.reject(new Error("backend down"));
              return Promise.resolve(tokenFor(outcome === "same" ? "u-1" : "u-2", from));
            },
          });
          await client.loginWithIdentity(tokenFor("u-1", time.now()));
          for (const step of steps) {
            if (step === "foreground") client.appForeground();
            else await time.advance(step);
            const state = client.getState();
            // Whatever happened, the session (if any) is still the first user's.
            if (state.userId !== undefined) expect(state.userId).toBe("uid:u-1");
          }
          // Another user's token never leaves the device; a hanging provider leaves at most one call open.
          expect(loginUids.filter((uid) => uid !== "u-1")).toEqual([]);
          for (let i = 1; i < spans.length; i++) expect(spans[i]!.from).toBeGreaterThanOrEqual(spans[i - 1]!.to);
          client.dispose();
        },
      ),
      runs(60),
    );
  }, 60_000);
});
