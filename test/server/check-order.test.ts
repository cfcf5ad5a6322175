/**
 * The service checks a request's content before the app's identity feature (protocol.md): a token the client
 * should have refused gets its content error even on an app with the feature off; only a well-formed request
 * learns that the feature is off, and that before any signature or `iat` age check.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, loginUid, post, signToken, startHarness } from "./harness";

describe("content checks before the feature check", () => {
  let h: Harness;
  let login: string;
  let session: string;
  const uid = [{ identifier: "uid", value: "order-1" }];
  beforeAll(async () => {
    h = await startHarness({ loginRateLimit: { max: 1_000, windowMs: 60_000 } });
    login = `${h.url}/v1/apps/${h.appId}/login`;
    session = (await loginUid(h, "order-session")).token;
    h.service.apps.setIdentityEnabled(h.appId, false);
  });
  afterAll(() => h.close());

  it("login: a token without iat answers iatIsMandatory, not identityFeatureNotEnabled", async () => {
    const answer = await post(login, {
      identityToken: await signToken(uid, h.secret, h.clock, { iat: null }),
      fullPrivacy: false,
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ reason: "iatIsMandatory" });
  });

  it("login: malformed tokens, bad identity data and a missing uid/email keep their own reason", async () => {
    const malformed = await post(login, { identityToken: "not-a-jwt", fullPrivacy: false });
    expect(malformed.body.reason).toBe("identityTokenInvalid");
    const data = await post(login, {
      identityToken: await signToken([{ identifier: "uid", value: "" }], h.secret, h.clock),
      fullPrivacy: false,
    });
    expect(data.body).toEqual({ reason: "identitiesDataInvalid", errors: { uid: "emptyData" } });
    const noUid = await post(login, {
      identityToken: await signToken([{ identifier: "phone_number", value: "1" }], h.secret, h.clock),
      fullPrivacy: false,
    });
    expect(noUid.body).toEqual({ reason: "uidOrEmailIsMandatory" });
  });

  it("login: an anonymous login without a well-formed anonymous id is badRequest", async () => {
    const answer = await post(login, { identityToken: "", fullPrivacy: false, anonymousId: "hsft_anon_x" });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ reason: "badRequest", detail: "badRequest" });
  });

  it("login: full privacy without uid needs a well-formed anonymous id before the feature check", async () => {
    const emailOnly = await signToken([{ identifier: "email", value: "p@example.com" }], h.secret, h.clock);
    const answer = await post(login, { identityToken: emailOnly, fullPrivacy: true, anonymousId: "hsft_anon_x" });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ reason: "badRequest", detail: "badRequest" });
    const good = await post(login, {
      identityToken: emailOnly,
      fullPrivacy: true,
      anonymousId: `hsft_anon_${"p".repeat(22)}`,
    });
    expect(good.body).toEqual({ reason: "identityFeatureNotEnabled" });
  });

  it("login: a well-formed token learns the feature is off before its signature is checked", async () => {
    const wrongSecret = await signToken(uid, h.secret, h.clock, { secret: "another-secret-another-secret-0123" });
    const answer = await post(login, { identityToken: wrongSecret, fullPrivacy: false });
    expect(answer.status).toBe(403);
    expect(answer.body).toEqual({ reason: "identityFeatureNotEnabled" });
  });

  it("identities: a token without iat answers iatIsMandatory; a well-formed one identityFeatureNotEnabled", async () => {
    const path = `${h.url}/v1/apps/${h.appId}/identities`;
    const noIat = await signToken([{ identifier: "email", value: "a@example.com" }], h.secret, h.clock, { iat: null });
    const answer = await post(path, { identityToken: noIat }, { bearer: session });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ reason: "iatIsMandatory" });
    const good = await signToken([{ identifier: "email", value: "a@example.com" }], h.secret, h.clock);
    const off = await post(path, { identityToken: good }, { bearer: session });
    expect(off.status).toBe(403);
    expect(off.body).toEqual({ reason: "identityFeatureNotEnabled" });
  });
});
