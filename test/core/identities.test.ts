import { describe, expect, it } from "vitest";
import { Defaults, ProtocolPath } from "../../TypeScript/contract";
import { createCoreHarness } from "../support/core-harness";
import { settle } from "../support/manual-time";
import { fakeJwt, identityToken, uidToken } from "../support/tokens";

const identitiesPath = ProtocolPath.identities("demo");

async function loggedIn() {
  const h = createCoreHarness();
  h.init();
  await h.client.loginWithIdentity(uidToken("1"));
  return h;
}

const emailToken = (email: string) => identityToken([{ identifier: "email", value: email }]);

describe("AddUserIdentities", () => {
  it("is a no-op (logged at info) when logged out or anonymous", async () => {
    const h = createCoreHarness();
    h.init();
    await h.client.addUserIdentities(emailToken("a@b.c"));
    await h.client.loginWithIdentity("");
    await h.client.addUserIdentities(emailToken("a@b.c"));
    expect(h.transport.requestsTo("/identities")).toEqual([]);
    expect(h.logger.at("info").filter((l) => l.message.startsWith("AddUserIdentities ignored"))).toHaveLength(2);
    expect(h.events).toEqual([]);
  });

  it("posts the token with the session's bearer token", async () => {
    const h = await loggedIn();
    const jwt = emailToken("ana@example.com");
    await h.client.addUserIdentities(jwt);
    const [request] = h.transport.requestsTo("/identities");
    expect(request?.json).toEqual({ identityToken: jwt });
    expect(request?.headers.authorization).toBe(`Bearer ${h.service.lastSession()?.token}`);
    expect(h.service.addedIdentities).toEqual([{ userId: "uid:1", identityToken: jwt }]);
  });

  it("turns client check failures into events, without a request", async () => {
    const h = await loggedIn();
    const tooMany = Array.from({ length: 31 }, (_, i) => ({ identifier: "uid", value: `${i}` }));
    const exactly30 = [
      { identifier: "email", value: "e".repeat(300) },
      ...Array.from({ length: 29 }, () => ({ identifier: "nope", value: "x" })),
    ];
    await h.client.addUserIdentities("not.a.jwt");
    await h.client.addUserIdentities("");
    await h.client.addUserIdentities(identityToken([{ identifier: "email", value: "a@b.c" }], null));
    await h.client.addUserIdentities(identityToken(tooMany));
    await h.client.addUserIdentities(identityToken(exactly30));
    await h.client.addUserIdentities(
      identityToken([
        { identifier: "email", value: "e".repeat(301) },
        { identifier: "phone_number", value: "1", metadata: { "": "x" } },
      ]),
    );
    await settle();
    expect(h.events).toEqual([
      { event: "identityTokenInvalid", data: {} },
      { event: "identityTokenInvalid", data: {} },
      { event: "iatIsMandatory", data: {} },
      { event: "identitiesSizeLimitExceeded", data: {} },
      { event: "identitiesDataInvalid", data: { nope: "invalidData" } },
      { event: "identitiesDataInvalid", data: { email: "exceededValueLengthLimit", "": "metadataEmptyKeyOrValue" } },
    ]);
    expect(h.transport.requestsTo("/identities")).toEqual([]);
  });

  it("sends identityDataSyncFailed for identities the service refused", async () => {
    const h = await loggedIn();
    h.transport.route("POST", identitiesPath, () => ({
      status: 200,
      json: { added: [], refused: { email: "invalidData" } },
    }));
    await h.client.addUserIdentities(emailToken("taken@example.com"));
    await settle();
    expect(h.events).toEqual([{ event: "identityDataSyncFailed", data: { email: "invalidData" } }]);
  });

  it("sends userIdentityNotEnabled on 403 identityFeatureNotEnabled", async () => {
    const h = await loggedIn();
    h.transport.route("POST", identitiesPath, () => ({ status: 403, json: { reason: "identityFeatureNotEnabled" } }));
    await h.client.addUserIdentities(emailToken("a@b.c"));
    await settle();
    expect(h.events).toEqual([{ event: "userIdentityNotEnabled", data: {} }]);
  });

  it("maps a service-side token refusal to identityTokenInvalid", async () => {
    const h = await loggedIn();
    h.transport.route("POST", identitiesPath, () => ({
      status: 401,
      json: { reason: "identityTokenInvalid", detail: "signatureInvalid" },
    }));
    await h.client.addUserIdentities(emailToken("a@b.c"));
    await settle();
    expect(h.events).toEqual([{ event: "identityTokenInvalid", data: {} }]);
  });

  it("treats a 401 sessionInvalid as session expiry", async () => {
    const h = await loggedIn();
    h.service.lastSession()!.revoked = true;
    await h.client.addUserIdentities(emailToken("a@b.c"));
    await settle();
    expect(h.events).toEqual([{ event: "userSessionExpired", data: {} }]);
    expect(h.client.getState()).toMatchObject({ status: "loggedOut", expired: true });
  });

  it("retries network errors with backoff while the session lasts", async () => {
    const h = await loggedIn();
    let failures = 2;
    h.transport.route("POST", identitiesPath, () =>
      failures-- > 0 ? "network" : { status: 200, json: { added: ["email"], refused: {} } },
    );
    let done = false;
    void h.client.addUserIdentities(emailToken("a@b.c")).then(() => {
      done = true;
    });
    await settle();
    expect(h.transport.requestsTo("/identities")).toHaveLength(1);
    await h.time.advance(Defaults.retryBaseMs);
    expect(h.transport.requestsTo("/identities")).toHaveLength(2);
    expect(done).toBe(false);
    await h.time.advance(2 * Defaults.retryBaseMs);
    expect(h.transport.requestsTo("/identities")).toHaveLength(3);
    expect(done).toBe(true);
  });

  it("abandons a retry with a warning when the session ends", async () => {
    const h = await loggedIn();
    h.transport.route("POST", identitiesPath, () => "network");
    const sending = h.client.addUserIdentities(emailToken("a@b.c"));
    await settle();
    await h.client.logout();
    await sending;
    await h.time.advance(Defaults.retryMaxMs);
    expect(h.transport.requestsTo("/identities")).toHaveLength(1);
    expect(h.logger.at("warn").map((l) => l.message)).toContain(
      "identities were not sent: the session ended before the service could be reached",
    );
  });

  it("round-trips non-ASCII identity values byte for byte", async () => {
    const h = await loggedIn();
    const value = "Zoë 山田 😀 ñandú";
    const jwt = identityToken([
      { identifier: "email", value: "zoë@exämple.com" },
      { identifier: "steam_id", value, metadata: { 名前: value } },
    ]);
    await h.client.addUserIdentities(jwt);
    const sent = h.transport.requestsTo("/identities")[0]?.json as { identityToken: string };
    expect(sent.identityToken).toBe(jwt);
    const payload = JSON.parse(Buffer.from(sent.identityToken.split(".")[1]!, "base64url").toString("utf8"));
    expect(payload.identities[1]).toEqual({ identifier: "steam_id", value, metadata: { 名前: value } });
    const loginJwt = fakeJwt({ identities: [{ identifier: "uid", value: "ユーザー😀" }], iat: 1 });
    await h.client.loginWithIdentity(loginJwt);
    expect(h.client.getState().userId).toBe("uid:ユーザー😀");
  });
});
