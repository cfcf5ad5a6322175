import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { encodeUnsignedToken } from "../../bench/lib/fixtures";
import {
  type AttributeMap,
  Defaults,
  ErrorValue,
  HelpshiftEvent,
  type LoginConfig,
  LoginFailureReason,
  ProtocolErrorCode,
  validateAppAttributes,
  validateIdentityToken,
  validateMasterAttributes,
} from "../../TypeScript/contract";
import { createHelpshiftClient, type HelpshiftClient, type HttpResponse } from "../../TypeScript/core";
import { CapturingLogger } from "../support/capturing-logger";
import { fakePorts } from "../support/fake-ports";
import { ManualTime, settle } from "../support/manual-time";
import { RouteTransport } from "../support/route-transport";
import { attributesAcceptedReply, loginReply, okReply } from "../support/service-replies";
import { garbageArb, garbagePayloadTokenArb, isSpecDetail, isSpecErrorMap, isSpecReason, runs } from "./arbitraries";

const START = Date.UTC(2026, 10, 24, 12, 0, 0);
const specEvents: ReadonlySet<string> = new Set(Object.values(HelpshiftEvent));
const errorValues: ReadonlySet<string> = new Set(Object.values(ErrorValue));

/** What the fake service answers: good answers, refusals, 5xx, junk, or a dead network. */
type Answer = "good" | "refused" | "sessionInvalid" | "serverError" | "junk" | "network";
const answerArb = fc.constantFrom<Answer>(
  "good",
  "good",
  "good",
  "refused",
  "sessionInvalid",
  "serverError",
  "junk",
  "network",
);

function answerFor(kind: Answer, path: string, now: number): HttpResponse {
  if (kind === "network") throw new Error("network down");
  if (kind === "serverError") return { status: 503, body: "" };
  if (kind === "junk") return { status: 200, body: "{not json" };
  if (kind === "refused")
    return { status: 400, body: JSON.stringify({ reason: LoginFailureReason.identityTokenInvalid }) };
  if (kind === "sessionInvalid")
    return { status: 401, body: JSON.stringify({ reason: ProtocolErrorCode.sessionInvalid }) };
  if (path.endsWith("/login"))
    return loginReply({ userId: "usr_1", sessionToken: "hss_property_session_token", now, lifetimeMs: 3_600_000 });
  if (path.endsWith("/attributes")) return attributesAcceptedReply();
  if (path.endsWith("/identities")) return { status: 200, body: JSON.stringify({ added: [], refused: {} }) };
  return okReply();
}

interface Harness {
  client: HelpshiftClient;
  time: ManualTime;
  logger: CapturingLogger;
  events: Array<{ event: string; data: Record<string, string> }>;
}

function harness(answers: Answer[]): Harness {
  const time = new ManualTime(START);
  const logger = new CapturingLogger();
  let n = 0;
  const transport = new RouteTransport({
    fallback: (request) => answerFor(answers[n++ % answers.length] ?? "good", request.path, time.now()),
  });
  const client = createHelpshiftClient(fakePorts({ transport, time, logger }));
  const events: Harness["events"] = [];
  client.addEventListener((event, data) => events.push({ event, data: { ...data } }));
  client.Init({ serviceUrl: "http://service.test", appId: "prop" });
  return { client, time, logger, events };
}

const legalJwt = encodeUnsignedToken({ identities: [{ identifier: "uid", value: "u-1" }], iat: START / 1000 });
const jwtArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(legalJwt),
  fc.constant(""),
  garbagePayloadTokenArb,
  fc.string(),
  garbageArb,
);
const attributesArb: fc.Arbitrary<unknown> = fc.oneof(
  garbageArb,
  fc.constant({ app_version: "1.0.0", custom_user_fields: { level: "3" } }),
  fc.dictionary(
    fc.constantFrom("first_name", "age", "new_tags", "custom_user_fields", "app_version", "nope"),
    garbageArb,
    {
      maxKeys: 4,
    },
  ),
  fc.constant({ first_name: "Ana", new_tags: ["vip"] }),
);

type Action =
  | { kind: "login"; jwt: unknown; config: unknown }
  | { kind: "add"; jwt: unknown }
  | { kind: "master" | "app"; attributes: unknown }
  | { kind: "logout" | "flush" | "foreground" | "background" }
  | { kind: "advance"; ms: number };

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  // Legal logins and updates weigh more, so that sequences get past login and reach the outbox and events.
  { arbitrary: fc.constant<Action>({ kind: "login", jwt: legalJwt, config: {} }), weight: 4 },
  {
    arbitrary: fc.record({
      kind: fc.constant("login" as const),
      jwt: jwtArb,
      config: fc.oneof(fc.constant({}), garbageArb),
    }),
    weight: 2,
  },
  { arbitrary: fc.record({ kind: fc.constant("add" as const), jwt: jwtArb }), weight: 1 },
  {
    arbitrary: fc.record({ kind: fc.constantFrom("master" as const, "app" as const), attributes: attributesArb }),
    weight: 4,
  },
  {
    arbitrary: fc.record({
      kind: fc.constantFrom("logout" as const, "flush" as const, "foreground" as const, "background" as const),
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant("advance" as const),
      ms: fc.constantFrom(1, Defaults.retryBaseMs, Defaults.flushIntervalMs, 2 * 3_600_000),
    }),
    weight: 2,
  },
);

/** Runs the actions; returns, per login, the callbacks it received. */
async function play(
  h: Harness,
  actions: Action[],
): Promise<Array<Array<{ ok: boolean; reason?: string; detail?: string; errors?: unknown }>>> {
  const logins: Array<Array<{ ok: boolean; reason?: string; detail?: string; errors?: unknown }>> = [];
  for (const action of actions) {
    switch (action.kind) {
      case "login": {
        const calls: (typeof logins)[number] = [];
        logins.push(calls);
        h.client.LoginWithIdentity(
          action.jwt as string,
          action.config as LoginConfig,
          () => calls.push({ ok: true }),
          (reason, errors, detail) => calls.push({ ok: false, reason, errors, detail }),
        );
        break;
      }
      case "add":
        h.client.AddUserIdentities(action.jwt as string);
        break;
      case "master":
        h.client.UpdateMasterAttributes(action.attributes as AttributeMap);
        break;
      case "app":
        h.client.UpdateAppAttributes(action.attributes as AttributeMap);
        break;
      case "logout":
        h.client.Logout();
        break;
      case "flush":
        void h.client.flush();
        break;
      case "foreground":
        h.client.appForeground();
        break;
      case "background":
        h.client.appBackground();
        break;
      case "advance":
        h.time.advanceSync(action.ms);
        break;
    }
    await settle(2);
  }
  // Let every retry and timer run out: a login must not stay in progress.
  for (let i = 0; i < 12; i++) {
    await settle(3);
    h.time.advanceSync(Defaults.retryMaxMs);
  }
  await settle(3);
  return logins;
}

describe("the core fed garbage", () => {
  let successes = 0;
  const stats = { runs: 0, withLogin: 0, withEvents: 0 };
  it("LoginWithIdentity with any token and config ends in exactly one callback: success or a contract reason", async () => {
    await fc.assert(
      fc.asyncProperty(
        jwtArb,
        fc.oneof(fc.constant({}), garbageArb),
        fc.array(answerArb, { minLength: 1, maxLength: 4 }),
        async (jwt, config, answers) => {
          const h = harness(answers);
          let calls = 0;
          let thrown: unknown;
          let failure: { reason: unknown; errors: unknown; detail: unknown } | undefined;
          await new Promise<void>((resolve) => {
            try {
              h.client.LoginWithIdentity(
                jwt as string,
                config as LoginConfig,
                () => {
                  calls++;
                  successes++;
                  resolve();
                },
                (reason, errors, detail) => {
                  calls++;
                  failure = { reason, errors, detail };
                  resolve();
                },
              );
            } catch (error) {
              thrown = error;
              resolve();
            }
          });
          await settle(3);
          expect(thrown).toBeUndefined();
          expect(calls).toBe(1);
          if (failure) {
            expect(isSpecReason(failure.reason)).toBe(true);
            expect(isSpecErrorMap(failure.errors)).toBe(true);
            expect(isSpecDetail(failure.detail)).toBe(true);
          }
          expect(h.client.getState().status).not.toBe("loggingIn");
          h.client.dispose();
        },
      ),
      runs(120),
    );
    // The success path must be reached too, or the property proves little.
    expect(successes).toBeGreaterThan(0);
  });

  it("any sequence of calls: every login gets exactly one callback, events are contract events with contract values, no secret is logged", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(actionArb, { minLength: 3, maxLength: 14 }),
        fc.array(answerArb, { minLength: 1, maxLength: 6 }),
        async (actions, answers) => {
          const h = harness(answers);
          const logins = await play(h, actions);
          stats.runs++;
          if (logins.some((calls) => calls[0]?.ok)) stats.withLogin++;
          if (h.events.length > 0) stats.withEvents++;
          for (const calls of logins) {
            expect(calls).toHaveLength(1);
            const [call] = calls;
            if (call && !call.ok) {
              expect(isSpecReason(call.reason)).toBe(true);
              expect(isSpecDetail(call.detail)).toBe(true);
            }
          }
          for (const { event, data } of h.events) {
            expect(specEvents.has(event)).toBe(true);
            for (const value of Object.values(data)) expect(errorValues.has(value)).toBe(true);
          }
          expect(h.client.getState().status).not.toBe("loggingIn");
          expect(h.logger.text()).not.toMatch(/hss_property_session_token|eyJ[\w-]+\.eyJ/);
          h.client.dispose();
        },
      ),
      runs(60),
    );
    // The generators must reach logged-in sequences and events, or the property proves little.
    expect(stats.withLogin).toBeGreaterThan(stats.runs / 8);
    expect(stats.withEvents).toBeGreaterThan(0);
  });

  it("updates fed garbage while logged in: one validation event carrying exactly the refused keys, or none", async () => {
    const h = harness(["good"]);
    await h.client.loginWithIdentity(legalJwt, {});
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("master" as const, "app" as const), attributesArb, async (kind, input) => {
        h.events.length = 0;
        let thrown: unknown;
        try {
          if (kind === "master") h.client.UpdateMasterAttributes(input as AttributeMap);
          else h.client.UpdateAppAttributes(input as AttributeMap);
        } catch (error) {
          thrown = error;
        }
        await settle(2);
        expect(thrown).toBeUndefined();
        const validation =
          kind === "master"
            ? HelpshiftEvent.masterAttributesValidationFailed
            : HelpshiftEvent.appAttributesValidationFailed;
        const expected = (kind === "master" ? validateMasterAttributes : validateAppAttributes)(input).errors;
        const seen = h.events.filter((e) => e.event === validation);
        if (Object.keys(expected).length === 0) expect(seen).toEqual([]);
        else expect(seen).toEqual([{ event: validation, data: expected }]);
      }),
      runs(100),
    );
    h.client.dispose();
  });

  it("AddUserIdentities fed garbage while logged in: a client-side refusal is exactly one contract identity event", async () => {
    const h = harness(["good"]);
    await h.client.loginWithIdentity(legalJwt, {});
    const identityEvents: ReadonlySet<string> = new Set([
      HelpshiftEvent.identityTokenInvalid,
      HelpshiftEvent.iatIsMandatory,
      HelpshiftEvent.identitiesSizeLimitExceeded,
      HelpshiftEvent.identitiesDataInvalid,
    ]);
    await fc.assert(
      fc.asyncProperty(jwtArb, async (jwt) => {
        h.events.length = 0;
        await h.client.addUserIdentities(jwt as string);
        await settle(2);
        const clientSide = typeof jwt !== "string" || !validateIdentityToken(jwt).ok;
        const refusals = h.events.filter((e) => identityEvents.has(e.event));
        expect(refusals).toHaveLength(clientSide ? 1 : 0);
      }),
      runs(100),
    );
    h.client.dispose();
  });
});
