import { connect } from "node:net";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeUnsignedToken } from "../../bench/lib/fixtures";
import { keepAliveAgent, postJson, rawRequest } from "../../bench/lib/http";
import { signIdentityToken, signUidToken } from "../../bench/lib/sign";
import {
  ErrorResponseSchema,
  IDENTIFIERS,
  LoginFailureReason,
  LoginResponseSchema,
  ProtocolErrorCode,
  ProtocolPath,
} from "../../TypeScript/contract";
import { createIdentityService, type IdentityService } from "../../TypeScript/server";
import { garbageArb, isSpecReason, runs, tokenMutationArb, trickyStringArb } from "./arbitraries";

const NOW = Date.UTC(2026, 10, 24, 12, 0, 0);
const SECRET = "property-test-shared-secret-0123456789";
const APP = "fuzz";

let service: IdentityService;
let url: string;
let agent: ReturnType<typeof keepAliveAgent>;
let session: string;

beforeAll(async () => {
  service = await createIdentityService({
    database: ":memory:",
    clock: { now: () => NOW },
    loginRateLimit: { max: 1_000_000, windowMs: 60_000 },
  });
  service.apps.create({ id: APP, secret: SECRET });
  service.apps.create({ id: "off", secret: SECRET, identityEnabled: false });
  url = await service.listen({ host: "127.0.0.1", port: 0 });
  agent = keepAliveAgent(4);
  const login = await postJson(`${url}${ProtocolPath.login(APP)}`, {
    identityToken: await signUidToken(SECRET, "fuzz-user", NOW),
    fullPrivacy: false,
  });
  session = LoginResponseSchema.parse(JSON.parse(login.body)).sessionToken;
});

afterAll(async () => {
  agent?.destroy();
  await service?.close();
});

const protocolCodes: ReadonlySet<string> = new Set(Object.values(ProtocolErrorCode));

/** Every error answer is an ErrorResponse whose reason is a contract reason or a protocol code. */
function expectWellFormedError(status: number, body: string): void {
  expect(status).toBeGreaterThanOrEqual(400);
  expect(status).toBeLessThan(500);
  const parsed = ErrorResponseSchema.safeParse(JSON.parse(body));
  expect(parsed.success).toBe(true);
  if (parsed.success) expect(isSpecReason(parsed.data.reason) || protocolCodes.has(parsed.data.reason)).toBe(true);
}

const printable = fc
  .array(fc.integer({ min: 0x20, max: 0x7e }), { maxLength: 40 })
  .map((codes) => String.fromCharCode(...codes));

const pathArb = fc.oneof(
  fc.constantFrom(
    ProtocolPath.login(APP),
    ProtocolPath.identities(APP),
    ProtocolPath.attributes(APP),
    ProtocolPath.logout(APP),
    ProtocolPath.login("off"),
    ProtocolPath.health(),
  ),
  printable.map((id) => ProtocolPath.login(id)),
  printable.map((id) => ProtocolPath.attributes(id)),
  fc
    .tuple(fc.constantFrom(ProtocolPath.login(APP), ProtocolPath.attributes(APP)), printable)
    .map(([p, q]) => `${p}?${encodeURIComponent(q)}`),
);

const headersArb = fc.record(
  {
    "content-type": fc.oneof(
      fc.constantFrom(
        "application/json",
        "application/json; charset=utf-8",
        "text/plain",
        "application/x-www-form-urlencoded",
      ),
      printable,
    ),
    authorization: fc.oneof(
      fc.constant("SESSION"),
      printable.map((t) => `Bearer ${t}`),
      printable,
      fc.constant("Bearer "),
    ),
    "x-forwarded-for": printable,
    accept: printable,
  },
  { requiredKeys: [] },
);

const bodyArb = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  garbageArb.map((v) => {
    try {
      return JSON.stringify(v) ?? "";
    } catch {
      return "";
    }
  }),
  trickyStringArb(80),
  fc.uint8Array({ maxLength: 200 }),
  fc
    .record(
      {
        identityToken: fc.oneof(fc.string(), garbageArb),
        fullPrivacy: fc.oneof(fc.boolean(), garbageArb),
        anonymousId: fc.oneof(fc.string(), fc.constant("hsft_anon_x"), garbageArb),
        batchId: fc.oneof(fc.string({ maxLength: 300 }), garbageArb),
        master: garbageArb,
        app: garbageArb,
      },
      { requiredKeys: [] },
    )
    .map((v) => JSON.stringify(v)),
);

describe("the service under garbage requests", () => {
  it("never answers 5xx to garbage methods, paths, headers and bodies; errors are ErrorResponses", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"),
        pathArb,
        headersArb,
        bodyArb,
        async (method, path, headers, body) => {
          const sent: Record<string, string> = { ...headers };
          if (sent.authorization === "SESSION") sent.authorization = `Bearer ${session}`;
          const withBody = method !== "GET" && method !== "OPTIONS";
          const r = await rawRequest(`${url}${path}`, {
            method,
            headers: sent,
            agent,
            ...(withBody ? { body } : {}),
          });
          expect(r.status).toBeLessThan(500);
          if (r.status >= 400) expectWellFormedError(r.status, r.body);
        },
      ),
      runs(150),
    );
  });
});

const identityArb = fc.record(
  {
    identifier: fc.oneof(fc.constantFrom(...IDENTIFIERS), fc.string({ maxLength: 8 }), garbageArb),
    value: fc.oneof(fc.string({ maxLength: 20 }), fc.constant("v".repeat(751)), garbageArb),
    metadata: fc.oneof(fc.dictionary(fc.string({ maxLength: 5 }), fc.oneof(fc.string(), garbageArb)), garbageArb),
  },
  { requiredKeys: [] },
);

const payloadArb = fc.oneof(
  fc.record({
    identities: fc
      .tuple(fc.string({ minLength: 1, maxLength: 20 }), fc.option(fc.emailAddress(), { nil: undefined }))
      .map(([uid, email]) => [
        { identifier: "uid", value: uid },
        ...(email ? [{ identifier: "email", value: email }] : []),
      ]),
    iat: fc.constant(Math.floor(NOW / 1000)),
  }),
  fc.record(
    {
      identities: fc.oneof(fc.array(identityArb, { maxLength: 33 }), garbageArb),
      iat: fc.oneof(
        fc.integer({ min: -60, max: 60 }).map((d) => Math.floor(NOW / 1000) + d),
        fc.constantFrom(Math.floor(NOW / 1000) - 86_401, Math.floor(NOW / 1000) + 61),
        garbageArb,
      ),
    },
    { requiredKeys: [] },
  ),
  fc.jsonValue({ maxDepth: 2 }),
);

const tokenArb = fc.oneof(
  payloadArb.chain((p) => fc.constant(p).map((payload) => ({ payload, signed: true }))),
  payloadArb.map((payload) => ({ payload, signed: false })),
);

describe("the service under garbage identity tokens", () => {
  let attempts = 0;
  let successes = 0;
  it("login answers 200 with a LoginResponse or a 4xx with a contract reason, for signed, unsigned and mutated tokens", async () => {
    await fc.assert(
      fc.asyncProperty(
        tokenArb,
        fc.option(tokenMutationArb, { nil: undefined }),
        fc.constantFrom(ProtocolPath.login(APP), ProtocolPath.login("off"), ProtocolPath.identities(APP)),
        fc.boolean(),
        fc.option(fc.constantFrom("hsft_anon_0123456789abcdef0123456789ab", "hsft_anon_0123456789abcdef", "anon", ""), {
          nil: undefined,
        }),
        fc.constantFrom("HS256", "HS512", "none"),
        async ({ payload, signed }, mutate, path, fullPrivacy, anonymousId, alg) => {
          attempts++;
          let jwt = signed
            ? await signIdentityToken(SECRET, payload, { alg, typ: "JWT" })
            : encodeUnsignedToken(payload, { alg, typ: "JWT" });
          if (mutate) jwt = mutate(jwt);
          const body: Record<string, unknown> = { identityToken: jwt, fullPrivacy };
          if (anonymousId !== undefined) body.anonymousId = anonymousId;
          const r = await postJson(`${url}${path}`, body, { bearer: session, agent });
          expect(r.status).toBeLessThan(500);
          if (r.status >= 400) {
            expectWellFormedError(r.status, r.body);
            return;
          }
          expect(r.status).toBe(200);
          successes++;
          if (path === ProtocolPath.login(APP))
            expect(LoginResponseSchema.safeParse(JSON.parse(r.body)).success).toBe(true);
        },
      ),
      runs(150),
    );
    // The generator must reach the success path too, or the property above proves little.
    expect(successes).toBeGreaterThan(0);
    expect(successes).toBeLessThan(attempts);
  });

  it("a token signed with another secret is refused as identityTokenInvalid, never a 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 40 }), async (otherSecret) => {
        fc.pre(otherSecret !== SECRET);
        const jwt = await signUidToken(otherSecret, "someone", NOW);
        const r = await postJson(
          `${url}${ProtocolPath.login(APP)}`,
          { identityToken: jwt, fullPrivacy: false },
          { agent },
        );
        expect(r.status).toBe(401);
        expect(JSON.parse(r.body)).toMatchObject({ reason: LoginFailureReason.identityTokenInvalid });
      }),
      runs(40),
    );
  });
});

/** Sends raw bytes on a fresh connection and returns the status of the first answer (0 if the server hung up). */
function rawExchange(port: number, bytes: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: "127.0.0.1", port }, () => socket.end(bytes, "latin1"));
    let answer = "";
    socket.on("data", (chunk) => {
      answer += chunk.toString("latin1");
    });
    socket.on("error", reject);
    socket.on("close", () => resolve(Number(/^HTTP\/1\.[01] (\d{3})/.exec(answer)?.[1] ?? 0)));
  });
}

describe("the service under malformed HTTP framing", () => {
  it("answers garbage request lines and header blocks with a 4xx (or closes), never a 5xx", async () => {
    const port = Number(new URL(url).port);
    const lineArb = fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 60 }).map((c) => String.fromCharCode(...c));
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(lineArb, fc.constant(`POST ${ProtocolPath.login(APP)} HTTP/1.1`)),
        fc.array(
          fc.oneof(
            lineArb,
            printable.map((v) => `content-length: ${v}`),
            printable.map((v) => `transfer-encoding: ${v}`),
          ),
          {
            maxLength: 5,
          },
        ),
        lineArb,
        async (requestLine, headerLines, body) => {
          const status = await rawExchange(
            port,
            `${requestLine}\r\nhost: 127.0.0.1\r\n${headerLines.join("\r\n")}\r\n\r\n${body}`,
          );
          expect(status).toBeLessThan(500);
        },
      ),
      runs(60),
    );
  });
});
