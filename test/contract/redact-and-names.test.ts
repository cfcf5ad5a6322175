import { describe, expect, it } from "vitest";
import {
  describeFailure,
  detailText,
  ErrorValue,
  ErrorValueConstantName,
  ErrorValueText,
  FailureDetail,
  FailureDetailText,
  FailureReasonText,
  LoginFailureReason,
  LoginFailureReasonConstantName,
  makeRedactor,
  REDACTED,
} from "../../TypeScript/contract";
import { identity, tokenWith } from "./helpers";

const jwt = tokenWith([identity("uid", "42")]);

describe("redaction", () => {
  it("hides JWTs anywhere in text", () => {
    const redact = makeRedactor();
    expect(redact.text(`token=${jwt}; next`)).toBe(`token=${REDACTED}; next`);
    expect(redact.text(`a ${jwt} b ${jwt}`)).not.toContain(jwt.split(".")[1]);
  });

  it("hides bearer credentials", () => {
    expect(makeRedactor().text('{"Authorization":"Bearer s3ss10n-t0ken"}')).toBe(
      `{"Authorization":"Bearer ${REDACTED}"}`,
    );
    expect(makeRedactor().text("bearer abc.def")).toBe(`bearer ${REDACTED}`);
  });

  it("hides remembered secrets of 8+ characters, until forgotten", () => {
    const redact = makeRedactor(["initial-secret"]);
    redact.remember("sess-12345678");
    redact.remember("short");
    redact.remember(undefined);
    expect(redact.text("initial-secret sess-12345678 short")).toBe(`${REDACTED} ${REDACTED} short`);
    redact.forget("sess-12345678");
    expect(redact.text("sess-12345678")).toBe("sess-12345678");
  });

  it("deep-copies values, redacting every string, keeping other types", () => {
    const redact = makeRedactor(["dev-secret-xyz"]);
    const input = { a: [jwt, 1, { s: "dev-secret-xyz", n: null, b: true }], t: "plain" };
    expect(redact.value(input)).toEqual({ a: [REDACTED, 1, { s: REDACTED, n: null, b: true }], t: "plain" });
    expect(input.a[0]).toBe(jwt);
  });

  it("leaves ordinary text alone", () => {
    expect(makeRedactor().text("login failed: identitiesDataInvalid {email: emptyData}")).toBe(
      "login failed: identitiesDataInvalid {email: emptyData}",
    );
  });
});

describe("names and messages", () => {
  it("has the eleven failure reasons, each with a Helpshift constant and words", () => {
    const reasons = Object.values(LoginFailureReason);
    expect(reasons).toHaveLength(11);
    for (const reason of reasons) {
      expect(LoginFailureReasonConstantName[reason]).toBe(`Helpshift${reason[0]?.toUpperCase()}${reason.slice(1)}`);
      expect(FailureReasonText[reason].meaning.length).toBeGreaterThan(10);
      expect(FailureReasonText[reason].fix.length).toBeGreaterThan(10);
    }
  });

  it("has the ten error values, each with a constant and words", () => {
    const values = Object.values(ErrorValue);
    expect(values).toHaveLength(10);
    for (const value of values) {
      expect(ErrorValueConstantName[value]).toMatch(/^Helpshift[A-Z]\w+$/);
      expect(ErrorValueText[value].length).toBeGreaterThan(5);
    }
    expect(ErrorValueConstantName.exceededKeyLengthLimit).toBe("HelpshiftKeyLengthLimitExceeded");
    expect(ErrorValueConstantName.metadataEmptyKeyOrValue).toBe("HelpshiftMetadataEmptyKeyOrValue");
  });

  it("describeFailure: reason line, one line per error, fix line", () => {
    expect(describeFailure("identitiesDataInvalid", { email: "exceededValueLengthLimit" })).toEqual([
      `identitiesDataInvalid: ${FailureReasonText.identitiesDataInvalid.meaning}`,
      `  "email": exceededValueLengthLimit (${ErrorValueText.exceededValueLengthLimit})`,
      `Fix: ${FailureReasonText.identitiesDataInvalid.fix}`,
    ]);
    expect(describeFailure("iatIsMandatory")).toHaveLength(2);
  });

  it("describeFailure with a detail gives the detail's fix: a wrong app id points at Init's appId", () => {
    expect(describeFailure("unknownError", undefined, "unknownApp")).toEqual([
      `unknownError: ${FailureReasonText.unknownError.meaning}`,
      `Fix: ${FailureDetailText.unknownApp}`,
    ]);
    expect(FailureDetailText.unknownApp).toContain("appId passed to Init");
    expect(FailureReasonText.unknownError.fix).not.toMatch(/Init was called/);
    expect(describeFailure("unknownError", undefined, "fromANewerService" as never).at(-1)).toBe(
      `Fix: ${FailureReasonText.unknownError.fix}`,
    );
  });

  it("every failure detail has words", () => {
    for (const detail of Object.values(FailureDetail)) expect(FailureDetailText[detail].length).toBeGreaterThan(20);
    expect(detailText("toString")).toBeUndefined();
  });
});
