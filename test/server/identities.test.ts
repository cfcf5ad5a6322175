import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AddIdentitiesResponseSchema } from "../../TypeScript/contract";
import { get, type Harness, loginUid, post, signToken, startHarness } from "./harness";

describe("POST identities", () => {
  let h: Harness;
  let path: string;
  beforeAll(async () => {
    h = await startHarness();
    path = `${h.url}/v1/apps/${h.appId}/identities`;
  });
  afterAll(() => h.close());
  const token = (identities: unknown, options = {}) => signToken(identities, h.secret, h.clock, options);

  it("adds identities with metadata to the session's user", async () => {
    const { token: session } = await loginUid(h, "id-1");
    const answer = await post(
      path,
      {
        identityToken: await token([
          { identifier: "email", value: "id1@example.com", metadata: { source: "signup" } },
          { identifier: "psn_id", value: "psn-1" },
        ]),
      },
      { bearer: session },
    );
    expect(answer.status).toBe(200);
    expect(AddIdentitiesResponseSchema.parse(answer.body)).toEqual({ added: ["email", "psn_id"], refused: {} });
    const me = await get(`${h.url}/v1/apps/${h.appId}/me`, session);
    expect(me.body.identities).toEqual([
      { identifier: "email", value: "id1@example.com", metadata: { source: "signup" } },
      { identifier: "psn_id", value: "psn-1", metadata: {} },
      { identifier: "uid", value: "id-1", metadata: {} },
    ]);
    // Adding it again is fine (same owner) and replaces the metadata.
    const again = await post(
      path,
      { identityToken: await token([{ identifier: "email", value: "id1@example.com", metadata: { source: "sso" } }]) },
      { bearer: session },
    );
    expect(again.body).toEqual({ added: ["email"], refused: {} });
  });

  it("refuses, per identifier, an identity owned by another user and a second uid", async () => {
    await loginUid(h, "owner", [{ identifier: "email", value: "taken@example.com" }]);
    const { token: session } = await loginUid(h, "id-2");
    const answer = await post(
      path,
      {
        identityToken: await token([
          { identifier: "email", value: "taken@example.com" },
          { identifier: "uid", value: "another-uid" },
          { identifier: "discord_id", value: "d-2" },
        ]),
      },
      { bearer: session },
    );
    expect(answer.body).toEqual({ added: ["discord_id"], refused: { email: "invalidData", uid: "invalidData" } });
  });

  it("stores every value of a repeated identifier, at login and when added; 30 log in, 31 do not", async () => {
    const emails = (from: number, n: number) =>
      Array.from({ length: n }, (_, i) => ({ identifier: "email", value: `multi${from + i}@x.io` }));
    const { token: session } = await loginUid(h, "multi", emails(0, 29));
    let me = await get(`${h.url}/v1/apps/${h.appId}/me`, session);
    expect(me.body.identities).toHaveLength(30);
    const added = await post(
      path,
      {
        identityToken: await token([
          ...emails(29, 2),
          { identifier: "phone_number", value: "+1" },
          { identifier: "phone_number", value: "+2" },
          { identifier: "phone_number", value: "+2" },
        ]),
      },
      { bearer: session },
    );
    expect(added.body).toEqual({ added: ["email", "phone_number"], refused: {} });
    me = await get(`${h.url}/v1/apps/${h.appId}/me`, session);
    const identities = me.body.identities as { identifier: string; value: string }[];
    expect(identities.filter((i) => i.identifier === "email")).toHaveLength(31);
    expect(identities.filter((i) => i.identifier === "phone_number").map((i) => i.value)).toEqual(["+1", "+2"]);
    const tooMany = await post(`${h.url}/v1/apps/${h.appId}/login`, {
      identityToken: await token([{ identifier: "uid", value: "multi" }, ...emails(0, 30)]),
      fullPrivacy: false,
    });
    expect(tooMany.body).toEqual({ reason: "identitiesSizeLimitExceeded" });
  });

  it("a repeated identifier with one value refused: refused on that identifier, the others stored", async () => {
    await loginUid(h, "owner-2", [{ identifier: "email", value: "owned@x.io" }]);
    const { token: session } = await loginUid(h, "multi-2");
    for (const order of [
      ["mine@x.io", "owned@x.io"],
      ["owned@x.io", "mine@x.io"],
    ]) {
      const answer = await post(
        path,
        { identityToken: await token(order.map((value) => ({ identifier: "email", value }))) },
        { bearer: session },
      );
      expect(answer.body).toEqual({ added: [], refused: { email: "invalidData" } });
    }
    const me = await get(`${h.url}/v1/apps/${h.appId}/me`, session);
    expect((me.body.identities as { value: string }[]).map((i) => i.value)).toEqual(["mine@x.io", "multi-2"]);
  });

  it("a login by email finds the user by any of the token's emails, in token order", async () => {
    const login = async (emails: string[]) => {
      const identities = emails.map((value) => ({ identifier: "email", value }));
      const answer = await post(`${h.url}/v1/apps/${h.appId}/login`, {
        identityToken: await token(identities),
        fullPrivacy: false,
      });
      expect(answer.status).toBe(200);
      return answer.body as { userId: string; sessionToken: string };
    };
    const first = await login(["known@x.io"]);
    const again = await login(["new@x.io", "known@x.io"]);
    expect(again.userId).toBe(first.userId);
    const me = await get(`${h.url}/v1/apps/${h.appId}/me`, again.sessionToken);
    expect((me.body.identities as { value: string }[]).map((i) => i.value)).toEqual(["known@x.io", "new@x.io"]);
  });

  it("two different uids in one token are identitiesDataInvalid on uid", async () => {
    const { token: session } = await loginUid(h, "multi-3");
    const answer = await post(
      path,
      {
        identityToken: await token([
          { identifier: "uid", value: "multi-3" },
          { identifier: "uid", value: "x" },
        ]),
      },
      { bearer: session },
    );
    expect(answer.body).toEqual({ reason: "identitiesDataInvalid", errors: { uid: "invalidData" } });
  });

  it("re-validates the token like a login (no uid/email rule) and verifies it", async () => {
    const { token: session } = await loginUid(h, "id-3");
    const noIat = await post(
      path,
      { identityToken: await token([{ identifier: "phone_number", value: "1" }], { iat: null }) },
      { bearer: session },
    );
    expect(noIat.body).toEqual({ reason: "iatIsMandatory" });
    const badSig = await post(
      path,
      {
        identityToken: await token([{ identifier: "phone_number", value: "1" }], {
          secret: "wrong-secret-wrong-secret",
        }),
      },
      { bearer: session },
    );
    expect(badSig.status).toBe(401);
    expect(badSig.body).toEqual({ reason: "identityTokenInvalid", detail: "signatureInvalid" });
    const data = await post(
      path,
      { identityToken: await token([{ identifier: "email", value: "" }]) },
      { bearer: session },
    );
    expect(data.body).toEqual({ reason: "identitiesDataInvalid", errors: { email: "emptyData" } });
    const garbage = await post(path, { identityToken: "not.a.token" }, { bearer: session });
    expect(garbage.status).toBe(400);
    expect(garbage.body).toEqual({ reason: "identityTokenInvalid", detail: "malformedToken" });
    const missing = await post(path, {}, { bearer: session });
    expect(missing.body).toEqual({ reason: "badRequest", detail: "badRequest" });
  });

  it("refuses every identity of an anonymous user", async () => {
    const anon = await post(`${h.url}/v1/apps/${h.appId}/login`, {
      identityToken: "",
      fullPrivacy: false,
      anonymousId: "hsft_anon_identities0123456789ab",
    });
    const answer = await post(
      path,
      { identityToken: await token([{ identifier: "email", value: "anon@example.com" }]) },
      { bearer: anon.body.sessionToken as string },
    );
    expect(answer.body).toEqual({ added: [], refused: { email: "invalidData" } });
  });

  it("answers identityFeatureNotEnabled when the feature is turned off mid-session", async () => {
    const { token: session } = await loginUid(h, "id-4");
    h.service.apps.setIdentityEnabled(h.appId, false);
    try {
      const answer = await post(
        path,
        { identityToken: await token([{ identifier: "email", value: "f@x.io" }]) },
        { bearer: session },
      );
      expect(answer.status).toBe(403);
      expect(answer.body).toEqual({ reason: "identityFeatureNotEnabled" });
    } finally {
      h.service.apps.setIdentityEnabled(h.appId, true);
    }
  });
});
