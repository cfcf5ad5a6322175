import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ProtocolPath } from "../../TypeScript/contract";
import { createCoreHarness } from "../support/core-harness";
import type { Reply } from "../support/route-transport";
import { uidToken } from "../support/tokens";

const HOUR = 3_600_000;
const stats = { runs: 0, applied: 0, expected: 0 };

type Op =
  | { kind: "login"; user: "a" | "b" | ""; wait: boolean }
  | { kind: "logout" }
  | { kind: "update" }
  | { kind: "advance"; ms: number }
  | { kind: "foreground" }
  | { kind: "background" }
  | { kind: "flush" }
  | { kind: "network"; failing: boolean }
  | { kind: "revoke" };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant("login" as const),
    user: fc.constantFrom("a" as const, "b" as const, "" as const),
    wait: fc.boolean(),
  }),
  fc.constant({ kind: "logout" as const }),
  fc.constant({ kind: "update" as const }),
  fc.constant({ kind: "update" as const }),
  fc.constant({ kind: "update" as const }),
  fc.record({
    kind: fc.constant("advance" as const),
    ms: fc.constantFrom(0, 50, 150, 1_000, 30_000, 10 * 60_000, 13 * HOUR),
  }),
  fc.constant({ kind: "foreground" as const }),
  fc.constant({ kind: "background" as const }),
  fc.constant({ kind: "flush" as const }),
  fc.record({ kind: fc.constant("network" as const), failing: fc.boolean() }),
  fc.constant({ kind: "revoke" as const }),
);

/**
 * Random sequences of calls, time, network failures and revocations against the real client, with a service that
 * answers after 100 ms of (manual) time so requests overlap with everything else. Then the network heals, every
 * user logs in once more and flushes.
 */
async function run(ops: Op[]) {
  const h = createCoreHarness({ service: { lifetimeMs: 24 * HOUR } });
  h.init({ refreshLeadSeconds: 3600 });
  let failing = false;
  const inflight = new Map<string, number>();
  let overlap = false;
  for (const call of ["login", "logout", "identities", "attributes"] as const) {
    const path = ProtocolPath[call](h.service.appId);
    h.transport.route("POST", path, (request) => {
      const token = request.headers.authorization ?? "";
      if (call === "attributes") {
        inflight.set(token, (inflight.get(token) ?? 0) + 1);
        if ((inflight.get(token) ?? 0) > 1) overlap = true;
      }
      return new Promise<Reply>((resolve) => {
        h.time.scheduler.schedule(() => {
          if (call === "attributes") inflight.set(token, (inflight.get(token) ?? 1) - 1);
          resolve(failing ? "network" : h.service.answer(request));
        }, 100);
      });
    });
  }
  const callbacks: number[] = [];
  const expected = new Map<string, Map<string, string>>();
  let n = 0;
  const login = (user: string) => {
    const index = callbacks.push(0) - 1;
    let inCall = true;
    const bump = () => {
      // A callback inside the call that caused it counts as a second settle: the property then fails.
      callbacks[index] = (callbacks[index] ?? 0) + (inCall ? 2 : 1);
    };
    h.client.LoginWithIdentity(user === "" ? "" : uidToken(user), {}, bump, bump);
    inCall = false;
  };
  // Start logged in, so that most sequences have something to sync.
  for (const o of [{ kind: "login", user: "a", wait: true } as Op, ...ops]) {
    if (o.kind === "login") {
      login(o.user);
      // Often let the answer arrive, so that updates find a logged-in user.
      if (o.wait) await h.time.advance(250);
    } else if (o.kind === "logout") h.client.Logout();
    else if (o.kind === "update") {
      const state = h.client.getState();
      const field = `f${n++}`;
      const value = `${state.userId}|${field}`;
      h.client.UpdateAppAttributes({ custom_user_fields: { [field]: value } });
      if (state.status === "loggedIn" && state.anonymous === false && state.userId) {
        const fields = expected.get(state.userId) ?? new Map<string, string>();
        fields.set(field, value);
        expected.set(state.userId, fields);
      }
    } else if (o.kind === "advance") await h.time.advance(o.ms);
    else if (o.kind === "foreground") h.client.appForeground();
    else if (o.kind === "background") h.client.appBackground();
    else if (o.kind === "flush") void h.client.flush();
    else if (o.kind === "network") failing = o.failing;
    else if (o.kind === "revoke") {
      const last = h.service.lastSession();
      if (last) last.revoked = true;
    }
  }
  failing = false;
  await h.time.advance(20 * 60_000);
  for (const userId of expected.keys()) {
    login(userId.replace(/^uid:/, ""));
    await h.time.advance(60_000);
    void h.client.flush();
    await h.time.advance(20 * 60_000);
  }
  stats.runs++;
  stats.applied += h.service.appliedBatches.length;
  stats.expected += [...expected.values()].reduce((sum, fields) => sum + fields.size, 0);
  return { h, callbacks, expected, overlap };
}

describe("the client under random calls, time, failures and revocations (property)", () => {
  it("settles every login once and asynchronously, logs no token, overlaps no batches of a session, and delivers every update to its own user", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 30 }), async (ops) => {
        const { h, callbacks, expected, overlap } = await run(ops);
        expect(callbacks.every((c) => c === 1)).toBe(true);
        expect(overlap).toBe(false);
        const applied = new Map<string, Map<string, string>>();
        for (const { userId, batch } of h.service.appliedBatches) {
          const fields = (batch.app as { custom_user_fields?: Record<string, string> } | undefined)?.custom_user_fields;
          for (const [field, value] of Object.entries(fields ?? {})) {
            // Never under another user's session.
            expect(value.startsWith(`${userId}|`)).toBe(true);
            const forUser = applied.get(userId) ?? new Map<string, string>();
            forUser.set(field, value);
            applied.set(userId, forUser);
          }
        }
        // No session token in any log line.
        const logged = h.logger.text();
        expect(h.service.sessions.some((session) => logged.includes(session.token))).toBe(false);
        // Nothing lost.
        for (const [userId, fields] of expected) {
          for (const [field, value] of fields) expect(applied.get(userId)?.get(field)).toBe(value);
        }
        h.client.dispose();
      }),
      { numRuns: 200, seed: 424242 },
    );
    // The property must have exercised something: many updates made and delivered across the runs.
    expect(stats.expected).toBeGreaterThan(200);
    expect(stats.applied).toBeGreaterThan(100);
  }, 60_000);
});
