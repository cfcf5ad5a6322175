import { describe, expect, it } from "vitest";
import { LoginFailure } from "../../TypeScript/core";
import { createCoreHarness } from "../support/core-harness";
import { settle } from "../support/manual-time";
import type { Reply } from "../support/route-transport";
import { fakeJwt, identityToken } from "../support/tokens";

const SIGNATURE = "RElTVElOQ1RJVkUtU0lHTkFUVVJFLTk5";

describe("no token reaches a log line or an error", () => {
  it("hides identity tokens, session tokens and secrets everywhere", async () => {
    const h = createCoreHarness();
    h.init({ logLevel: "debug" });
    const jwt = fakeJwt({ identities: [{ identifier: "uid", value: "7" }], iat: 1 }, SIGNATURE);
    const secrets: string[] = [jwt, SIGNATURE];
    const errors: unknown[] = [];

    await h.client.loginWithIdentity(jwt);
    const session = h.service.lastSession()!;
    secrets.push(session.token);
    h.client.UpdateMasterAttributes({ first_name: "Ana", nickname: jwt } as never);
    h.client.AddUserIdentities(identityToken([{ identifier: "email", value: "" }]));
    await h.client.addUserIdentities(
      fakeJwt({ identities: [{ identifier: "email", value: "a@b.c" }], iat: 1 }, SIGNATURE),
    );
    await h.client.flush();

    // Failures of every kind, with tokens pasted where they do not belong.
    const failing: Reply[] = [
      { status: 401, json: { reason: "identityTokenInvalid", detail: "signatureInvalid" } },
      { status: 500, body: `internal error for ${jwt} and Bearer ${session.token}` },
      "network",
    ];
    for (const reply of failing) {
      h.transport.route("POST", h.service.path("login"), () => reply);
      errors.push(await h.client.loginWithIdentity(jwt).catch((e: unknown) => e));
    }
    errors.push(await h.client.loginWithIdentity(jwt, { [jwt]: "x".repeat(301) }).catch((e: unknown) => e));
    errors.push(await h.client.loginWithIdentity(`${jwt}.extra`).catch((e: unknown) => e));
    h.transport.route("POST", h.service.path("login"), (r) => h.service.login(r));
    await h.client.loginWithIdentity(jwt);
    secrets.push(h.service.lastSession()!.token);
    h.service.lastSession()!.revoked = true;
    h.client.UpdateMasterAttributes({ first_name: "Bea" });
    await h.client.flush();
    await h.client.logout();
    await settle();

    expect(errors.every((e) => e instanceof LoginFailure)).toBe(true);
    expect(h.logger.lines.length).toBeGreaterThan(10);
    const logged = h.logger.text();
    const thrown = errors.map((e) => `${(e as Error).message} ${(e as Error).stack} ${JSON.stringify(e)}`).join("\n");
    for (const secret of secrets) {
      expect(logged).not.toContain(secret);
      expect(thrown).not.toContain(secret);
    }
    expect(JSON.stringify(h.events)).not.toContain(session.token);
  });
});
