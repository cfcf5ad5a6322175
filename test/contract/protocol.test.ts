import { describe, expect, it } from "vitest";
import {
  AddIdentitiesResponseSchema,
  AttributesRequestSchema,
  AttributesResponseSchema,
  ErrorResponseSchema,
  FailureDetail,
  LoginFailureReason,
  LoginRequestSchema,
  LoginResponseSchema,
  ProtocolErrorCode,
  ProtocolPath,
} from "../../TypeScript/contract";

describe("protocol paths", () => {
  it("percent-encode the app id so it cannot escape its path segment", () => {
    expect(ProtocolPath.health()).toBe("/v1/health");
    expect(ProtocolPath.login("demo")).toBe("/v1/apps/demo/login");
    expect(ProtocolPath.identities("a/b")).toBe("/v1/apps/a%2Fb/identities");
    expect(ProtocolPath.attributes("../x")).toBe("/v1/apps/..%2Fx/attributes");
    expect(ProtocolPath.logout("é?#")).toBe("/v1/apps/%C3%A9%3F%23/logout");
    expect(ProtocolPath.me("demo")).toBe("/v1/apps/demo/me");
  });
});

describe("protocol schemas", () => {
  it("login request: token and privacy flag required, anonymous id optional", () => {
    expect(LoginRequestSchema.safeParse({ identityToken: "", fullPrivacy: false }).success).toBe(true);
    expect(
      LoginRequestSchema.safeParse({ identityToken: "", fullPrivacy: true, anonymousId: "hsft_anon_x" }).success,
    ).toBe(true);
    expect(LoginRequestSchema.safeParse({ identityToken: "" }).success).toBe(false);
    expect(LoginRequestSchema.safeParse({ identityToken: 1, fullPrivacy: false }).success).toBe(false);
  });

  it("login response: numbers for times, optional refresh lead", () => {
    const ok = { userId: "u", anonymous: false, sessionToken: "s", expiresAt: 1, serverTime: 0 };
    expect(LoginResponseSchema.safeParse(ok).success).toBe(true);
    expect(LoginResponseSchema.safeParse({ ...ok, refreshLeadSeconds: 60 }).success).toBe(true);
    expect(LoginResponseSchema.safeParse({ ...ok, expiresAt: "1" }).success).toBe(false);
    expect(LoginResponseSchema.safeParse({ ...ok, sessionToken: undefined }).success).toBe(false);
  });

  it("error response: every failure reason and protocol code, known details and error values only", () => {
    for (const reason of [...Object.values(LoginFailureReason), ...Object.values(ProtocolErrorCode)]) {
      expect(ErrorResponseSchema.safeParse({ reason }).success).toBe(true);
    }
    for (const detail of Object.values(FailureDetail)) {
      expect(ErrorResponseSchema.safeParse({ reason: "identityTokenInvalid", detail }).success).toBe(true);
    }
    expect(ErrorResponseSchema.safeParse({ reason: "somethingElse" }).success).toBe(false);
    expect(ErrorResponseSchema.safeParse({ reason: "unknownError", detail: "because" }).success).toBe(false);
    expect(
      ErrorResponseSchema.safeParse({ reason: "identitiesDataInvalid", errors: { uid: "emptyData" } }).success,
    ).toBe(true);
    expect(ErrorResponseSchema.safeParse({ reason: "identitiesDataInvalid", errors: { uid: "bad" } }).success).toBe(
      false,
    );
  });

  it("identities and attributes", () => {
    expect(
      AddIdentitiesResponseSchema.safeParse({ added: ["steam_id"], refused: { psn_id: "invalidData" } }).success,
    ).toBe(true);
    expect(AddIdentitiesResponseSchema.safeParse({ added: ["steam_id"] }).success).toBe(false);
    expect(
      AttributesRequestSchema.safeParse({
        batchId: "b1",
        master: { first_name: "A", new_tags: ["vip"], custom_user_fields: { guild: "red" } },
      }).success,
    ).toBe(true);
    expect(AttributesRequestSchema.safeParse({ batchId: "b1", master: { age: 36 } }).success).toBe(false);
    expect(AttributesRequestSchema.safeParse({ master: {} }).success).toBe(false);
    expect(
      AttributesResponseSchema.safeParse({
        master: { refused: {} },
        app: { refused: { x: "invalidData" } },
        duplicate: true,
      }).success,
    ).toBe(true);
    expect(AttributesResponseSchema.safeParse({ master: { refused: {} } }).success).toBe(false);
  });
});
