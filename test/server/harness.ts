/**
 * Test harness: the real service in-process on 127.0.0.1:0 with a manual clock and captured logs, plus helpers
 * to mint tokens with jose and call the service over real HTTP.
 */
import { SignJWT } from "jose";
import {
  createIdentityService,
  type IdentityService,
  type IdentityServiceOptions,
  type NewApp,
} from "../../TypeScript/server";

export class ManualClock {
  constructor(public ms: number) {}
  now(): number {
    return this.ms;
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}

/** A fixed, whole-second start so `iat` arithmetic at the limits is exact. */
export const START_MS = Date.UTC(2026, 0, 15, 12, 0, 0);

export interface Harness {
  readonly url: string;
  readonly service: IdentityService;
  readonly clock: ManualClock;
  readonly logs: string[];
  readonly appId: string;
  readonly secret: string;
  close(): Promise<void>;
}

export const DEFAULT_APP: NewApp = {
  id: "game",
  customFields: [
    { name: "guild", type: "singleline" },
    { name: "bio", type: "multiline" },
    { name: "level", type: "number" },
    { name: "joined", type: "date" },
    { name: "tier", type: "dropdown", options: ["bronze", "silver", "gold"] },
    { name: "beta", type: "checkbox" },
  ],
  tags: ["vip", "whale", "beta"],
};

/**
 * Starts a service with one app. Logs from every harness of a test file land in `logs` (as JSON lines).
 */
export async function startHarness(
  options: Partial<IdentityServiceOptions> & { app?: NewApp; logs?: string[]; clock?: ManualClock } = {},
): Promise<Harness> {
  const clock = options.clock ?? new ManualClock(START_MS);
  const logs = options.logs ?? [];
  const service = await createIdentityService({
    database: ":memory:",
    ...options,
    clock,
    logger: { log: (level, message, fields) => logs.push(JSON.stringify({ level, message, fields })) },
  });
  const existing = service.apps.find((options.app ?? DEFAULT_APP).id ?? "");
  const secret = existing ? existing.secret : service.apps.create(options.app ?? DEFAULT_APP).secret;
  const url = await service.listen({ host: "127.0.0.1", port: 0 });
  return {
    url,
    service,
    clock,
    logs,
    appId: (options.app ?? DEFAULT_APP).id ?? "",
    secret,
    close: () => service.close(),
  };
}

export interface TokenOptions {
  readonly iat?: number | null;
  readonly alg?: string;
  readonly secret?: string;
}

/** Signs an identity token with jose (HS256 by default, `iat` = the clock's now unless given; null leaves it out). */
export async function signToken(
  identities: unknown,
  secret: string,
  clock: { now(): number },
  options: TokenOptions = {},
): Promise<string> {
  const payload: Record<string, unknown> = { identities };
  if (options.iat !== null) payload.iat = options.iat ?? Math.floor(clock.now() / 1000);
  const alg = options.alg ?? "HS256";
  return new SignJWT(payload)
    .setProtectedHeader({ alg, typ: "JWT" })
    .sign(new TextEncoder().encode(options.secret ?? secret));
}

export interface Answer {
  readonly status: number;
  readonly body: Record<string, unknown>;
  readonly text: string;
}

/** POSTs JSON (or a raw string with its own content type) over real HTTP. */
export async function post(
  url: string,
  body: unknown,
  options: { bearer?: string; contentType?: string; raw?: boolean } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { "content-type": options.contentType ?? "application/json" };
  if (options.bearer !== undefined) headers.authorization = `Bearer ${options.bearer}`;
  const response = await fetch(url, {
    method: "POST",
    headers,
    body: options.raw ? (body as string) : JSON.stringify(body),
  });
  return parse(response);
}

/** GETs over real HTTP. */
export async function get(url: string, bearer?: string): Promise<Answer> {
  const response = await fetch(url, { headers: bearer === undefined ? {} : { authorization: `Bearer ${bearer}` } });
  return parse(response);
}

async function parse(response: Response): Promise<Answer> {
  const text = await response.text();
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text);
  } catch {
    body = {};
  }
  return { status: response.status, body, text };
}

/** Logs in with a uid token; returns the session token and user id. */
export async function loginUid(
  h: Harness,
  uid: string,
  extra: unknown[] = [],
): Promise<{ token: string; userId: string }> {
  const jwt = await signToken([{ identifier: "uid", value: uid }, ...extra], h.secret, h.clock);
  const answer = await post(`${h.url}/v1/apps/${h.appId}/login`, { identityToken: jwt, fullPrivacy: false });
  if (answer.status !== 200) throw new Error(`login failed: ${answer.text}`);
  return { token: answer.body.sessionToken as string, userId: answer.body.userId as string };
}
