/**
 * What the framework and Node's HTTP parser refuse before a route runs still answers an ErrorResponse, and no
 * answer repeats the request's path. Every route answers 415 to a content type other than JSON.
 */
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorResponseSchema } from "../../TypeScript/contract";
import { MAX_PATH_PARAM_LENGTH } from "../../TypeScript/server";
import { get, type Harness, loginUid, post, startHarness } from "./harness";

/** Sends raw bytes, resolves with everything the service wrote back before it closed the connection. */
function raw(url: string, request: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) }, () => socket.end(request));
    const chunks: Buffer[] = [];
    socket.on("data", (chunk) => chunks.push(chunk));
    socket.on("error", reject);
    socket.on("close", () => resolve(Buffer.concat(chunks).toString("latin1")));
  });
}

/** Status and parsed body of a raw HTTP/1.1 answer. */
function parseRaw(answer: string): { status: number; body: unknown; text: string } {
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1]);
  const text = answer.slice(answer.indexOf("\r\n\r\n") + 4);
  return { status, body: JSON.parse(text), text };
}

const isErrorResponse = (body: unknown) => ErrorResponseSchema.safeParse(body).success;

describe("framework errors are ErrorResponses", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it("answers a path parameter of MAX_PATH_PARAM_LENGTH normally and one more with 414, without the path", async () => {
    const atLimit = await post(`${h.url}/v1/apps/${"a".repeat(MAX_PATH_PARAM_LENGTH)}/login`, {});
    expect(atLimit.status).toBe(404);
    expect(atLimit.body).toEqual({ reason: "notFound", detail: "unknownApp" });
    const long = "b".repeat(MAX_PATH_PARAM_LENGTH + 1);
    const over = await post(`${h.url}/v1/apps/${long}/login`, {});
    expect(over.status).toBe(414);
    expect(over.body).toEqual({ reason: "payloadTooLarge" });
    expect(over.text).not.toContain(long);
  });

  it("answers bad percent-encoding with 400 badRequest, without the path", async () => {
    const answer = await post(`${h.url}/v1/apps/%E0%A4%Azz/login`, {});
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ reason: "badRequest", detail: "badRequest" });
    expect(answer.text).not.toContain("zz");
  });

  it("answers oversized headers with 431 payloadTooLarge", async () => {
    const answer = parseRaw(
      await raw(h.url, `GET /v1/health HTTP/1.1\r\nHost: x\r\nX-Big: ${"y".repeat(20 * 1024)}\r\n\r\n`),
    );
    expect(answer.status).toBe(431);
    expect(answer.body).toEqual({ reason: "payloadTooLarge" });
  });

  it("answers malformed framing with 400 badRequest", async () => {
    const requests = [
      "NOT-HTTP AT ALL\r\n\r\n",
      "POST /v1/apps/game/login HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n{}",
      "POST /v1/apps/game/login HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n{}",
      "GET /v1/he alth HTTP/1.1\r\nHost: x\r\n\r\n",
    ];
    for (const request of requests) {
      const answer = parseRaw(await raw(h.url, request));
      expect(answer.status, request).toBe(400);
      expect(answer.body, request).toEqual({ reason: "badRequest", detail: "badRequest" });
    }
  });

  it("answers unknown paths and methods with 404 notFound, without the path", async () => {
    const answer = await post(`${h.url}/v1/secret-looking-path`, {});
    expect(answer.body).toEqual({ reason: "notFound" });
    expect(answer.text).not.toContain("secret-looking-path");
  });
});

describe("415 for a content type other than JSON, on every route", () => {
  let h: Harness;
  let session: string;
  beforeAll(async () => {
    h = await startHarness({ loginRateLimit: { max: 1_000, windowMs: 60_000 } });
    session = (await loginUid(h, "media")).token;
  });
  afterAll(() => h.close());

  const routes = (appId: string) => [
    { method: "POST", path: `/v1/apps/${appId}/login`, body: '{"identityToken":"","fullPrivacy":false}' },
    { method: "POST", path: `/v1/apps/${appId}/identities`, body: '{"identityToken":""}' },
    { method: "POST", path: `/v1/apps/${appId}/attributes`, body: '{"batchId":"b"}' },
    { method: "POST", path: `/v1/apps/${appId}/logout`, body: "{}" },
    { method: "GET", path: `/v1/apps/${appId}/me`, body: undefined },
    { method: "GET", path: "/v1/health", body: undefined },
  ];

  it("refuses text/plain, form, XML and a missing content type with a body; takes JSON with a charset", async () => {
    const refused = ["text/plain", "text/plain; charset=utf-8", "application/x-www-form-urlencoded", "application/xml"];
    for (const route of routes(h.appId)) {
      for (const contentType of refused) {
        const response = await fetch(h.url + route.path, {
          method: route.method,
          headers: { "content-type": contentType, authorization: `Bearer ${session}` },
          ...(route.body === undefined ? {} : { body: route.body }),
        });
        const text = await response.text();
        expect(response.status, `${route.path} ${contentType}`).toBe(415);
        expect(JSON.parse(text)).toEqual({ reason: "badRequest", detail: "badRequest" });
      }
      if (route.body !== undefined) {
        const noType = await fetch(h.url + route.path, {
          method: route.method,
          headers: { authorization: `Bearer ${session}` },
          body: new Blob([route.body]), // a Blob without a type: no content-type header at all
        });
        expect(noType.status, `${route.path} without content type`).toBe(415);
      }
    }
    // None of the refused logouts ended the session.
    expect((await get(`${h.url}/v1/apps/${h.appId}/me`, session)).status).toBe(200);
    const json = await post(`${h.url}/v1/apps/${h.appId}/logout`, "{}", {
      raw: true,
      bearer: session,
      contentType: "application/json; charset=utf-8",
    });
    expect(json.status).toBe(200);
    expect((await get(`${h.url}/v1/apps/${h.appId}/me`, session)).status).toBe(401);
  });

  it("lets a bodyless logout through without a content type", async () => {
    const { token } = await loginUid(h, "bodyless");
    const response = await fetch(`${h.url}/v1/apps/${h.appId}/logout`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
  });

  it("every refusal above is an ErrorResponse", async () => {
    const answer = await post(`${h.url}/v1/apps/${h.appId}/login`, "x", { raw: true, contentType: "text/plain" });
    expect(isErrorResponse(answer.body)).toBe(true);
  });
});
