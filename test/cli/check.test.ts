import { describe, expect, it } from "vitest";
import { CheckExit, runCheck } from "../../TypeScript/cli/commands/check";
import { describeFailure, Limits, LoginWarning } from "../../TypeScript/contract";
import { identity, tokenWith, unsignedToken } from "../contract/helpers";

const NOW = 1_800_000_000;
const at = (iat: number, identities: unknown[] = [identity("uid", "42")], header?: unknown) =>
  unsignedToken({ identities, iat }, header);

function json(token: string, config?: string) {
  const out = runCheck({ token, config, json: true, nowSeconds: NOW });
  expect(out.stdout).toHaveLength(1);
  return { exitCode: out.exitCode, body: JSON.parse(out.stdout[0] as string) as Record<string, unknown> };
}

describe("check --json", () => {
  it("a good token: ok, identifiers (no values), iat age, exit 0", () => {
    const token = at(NOW - 30, [identity("uid", "secret-uid-value"), identity("email", "ada@example.com")]);
    const { exitCode, body } = json(token);
    expect(exitCode).toBe(CheckExit.ok);
    expect(body).toEqual({ ok: true, anonymous: false, identifiers: ["uid", "email"], iatAgeSeconds: 30 });
  });

  it("an empty token checks an anonymous login", () => {
    expect(json("")).toEqual({ exitCode: 0, body: { ok: true, anonymous: true, identifiers: [] } });
  });

  it("a failure: reason, errors, exit 1", () => {
    const { exitCode, body } = json(tokenWith([identity("email", "x".repeat(301))]));
    expect(exitCode).toBe(CheckExit.failed);
    expect(body).toMatchObject({
      ok: false,
      reason: "identitiesDataInvalid",
      errors: { email: "exceededValueLengthLimit" },
      identifiers: ["email"],
    });
  });

  it("a malformed token: identityTokenInvalid with its detail", () => {
    expect(json("abc")).toEqual({
      exitCode: 1,
      body: { ok: false, reason: "identityTokenInvalid", detail: "malformedToken" },
    });
  });

  it("applies the config: full privacy lets a token without uid or email pass, anonymous", () => {
    const token = at(NOW, [identity("phone_number", "+1")]);
    expect(json(token).body).toMatchObject({ ok: false, reason: "uidOrEmailIsMandatory" });
    expect(json(token, '{"full_privacy_enabled": "TRUE"}').body).toMatchObject({ ok: true, anonymous: true });
    expect(json(token, `{${Array.from({ length: 31 }, (_, i) => `"k${i}":1`).join(",")}}`).body).toEqual({
      ok: false,
      reason: "loginConfigSizeLimitExceeded",
      identifiers: ["phone_number"],
      iatAgeSeconds: 0,
    });
  });

  it("a config that is not JSON is a usage error (exit 2), still one JSON object", () => {
    expect(json(at(NOW), "{nope")).toEqual({
      exitCode: CheckExit.usage,
      body: { ok: false, usageError: "--config is not valid JSON" },
    });
  });
});

describe("check warnings", () => {
  const codes = (token: string, config?: string) =>
    ((json(token, config).body.warnings as { code: string }[] | undefined) ?? []).map((w) => w.code);

  it("iat exactly 24 h old is fine, one second more warns iatTooOld", () => {
    expect(codes(at(NOW - Limits.iatMaxAgeSeconds))).toEqual([]);
    expect(codes(at(NOW - Limits.iatMaxAgeSeconds - 1))).toEqual([LoginWarning.iatTooOld]);
  });

  it("iat 60 s in the future is fine, 61 s warns iatInFuture", () => {
    expect(codes(at(NOW + Limits.iatFutureToleranceSeconds))).toEqual([]);
    expect(codes(at(NOW + 61))).toEqual([LoginWarning.iatInFuture]);
    expect(json(at(NOW + 61)).body).toMatchObject({ ok: true, iatAgeSeconds: -61 });
  });

  it("a header alg other than HS256 (or none) warns", () => {
    expect(codes(at(NOW, undefined, { alg: "RS256" }))).toEqual([LoginWarning.algorithmNotHS256]);
    expect(codes(at(NOW, undefined, { typ: "JWT" }))).toEqual([LoginWarning.algorithmNotHS256]);
  });

  it("email without uid under full privacy warns (it creates an anonymous user)", () => {
    const email = at(NOW, [identity("email", "a@b.c")]);
    expect(codes(email)).toEqual([]);
    expect(codes(email, '{"full_privacy_enabled": true}')).toEqual([LoginWarning.emailOnlyWithFullPrivacy]);
    expect(
      codes(at(NOW, [identity("uid", "1"), identity("email", "a@b.c")]), '{"full_privacy_enabled": true}'),
    ).toEqual([]);
  });

  it("warnings also accompany a failure, each with a message", () => {
    const body = json(at(NOW - 100_000, [identity("phone_number", "")], { alg: "none" })).body;
    expect(body.reason).toBe("identitiesDataInvalid");
    expect(body.warnings).toEqual([
      { code: "algorithmNotHS256", message: expect.stringContaining("HS256") },
      { code: "iatTooOld", message: expect.stringContaining("24 h") },
    ]);
  });
});

describe("check (words)", () => {
  it("explains a failure with the contract's words and exits 1", () => {
    const errors = { email: "emptyData" } as const;
    const out = runCheck({ token: tokenWith([identity("email", "")]), nowSeconds: NOW });
    expect(out.exitCode).toBe(1);
    expect(out.stdout.slice(0, 3)).toEqual(describeFailure("identitiesDataInvalid", errors));
  });

  it("says OK, who the user is, the age and the warnings", () => {
    const out = runCheck({ token: at(NOW - 90_000), nowSeconds: NOW });
    expect(out.exitCode).toBe(0);
    expect(out.stdout[0]).toMatch(/^OK/);
    expect(out.stdout).toContain("User: identified by uid.");
    expect(out.stdout).toContain("Issued: 25.0 h ago");
    expect(out.stdout.some((l) => l.startsWith("Warning (iatTooOld)"))).toBe(true);
  });

  it("prints the detail of a format failure", () => {
    expect(runCheck({ token: "a.b", nowSeconds: NOW }).stdout).toContain("Detail: malformedToken");
  });

  it("a bad config is reported on stderr, exit 2", () => {
    expect(runCheck({ token: "", config: "[", nowSeconds: NOW })).toEqual({
      stdout: [],
      stderr: ["error: --config is not valid JSON"],
      exitCode: 2,
    });
  });
});

describe("the token is never printed", () => {
  const cases = [
    at(NOW),
    at(NOW - 200_000, [identity("phone_number", "")], { alg: "HS512" }),
    unsignedToken({ identities: "nope", iat: 1 }),
    unsignedToken("{bad json"),
    "eyJhbGciOiJIUzI1NiJ9.not-base64!.sig",
  ];
  it.each(cases.map((t, i) => [i, t]))("case %i, in words and in JSON", (_i, token) => {
    for (const json of [false, true]) {
      const out = runCheck({ token, json, nowSeconds: NOW, config: "{}" });
      const text = [...out.stdout, ...out.stderr].join("\n");
      expect(text).not.toContain(token);
      for (const part of token.split(".")) if (part.length > 8) expect(text).not.toContain(part);
    }
  });
});
