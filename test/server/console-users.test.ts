/**
 * The console's users: search and pages (limit 50 by default, 200 at most), detail, revoking and expiring
 * sessions (the next call answers sessionRevoked / sessionExpired), deleting a user, and reset.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConsolePath } from "../../TypeScript/console/api-types";
import { call } from "./console-support";
import { type Harness, loginUid, post, signToken, startHarness } from "./harness";

async function attributes(h: Harness, token: string, batchId: string, master: Record<string, unknown>) {
  return post(`${h.url}/v1/apps/${h.appId}/attributes`, { batchId, master }, { bearer: token });
}

describe("console users", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it("lists users newest last login first, with identities (uid first) and open sessions", async () => {
    const a = await loginUid(h, "alice", [{ identifier: "email", value: "Alice@Example.com" }]);
    h.clock.advance(1000);
    const b = await loginUid(h, "bob");
    const answer = await call(h, "GET", `${ConsolePath.users}?app=${h.appId}`);
    expect(answer.status).toBe(200);
    expect(answer.body.users.map((u: { id: string }) => u.id)).toEqual([b.userId, a.userId]);
    expect(answer.body.users[1]).toMatchObject({
      appId: h.appId,
      anonymous: false,
      openSessions: 1,
      identities: [
        { identifier: "uid", value: "alice" },
        { identifier: "email", value: "Alice@Example.com" },
      ],
    });
    expect(answer.body.next).toBeUndefined();
  });

  it("searches identity values, user ids and anonymous ids, case-insensitively", async () => {
    const byEmail = await call(h, "GET", `${ConsolePath.users}?q=${encodeURIComponent("alice@EXAMPLE")}`);
    expect(byEmail.body.users.map((u: { identities: { value: string }[] }) => u.identities[0]?.value)).toEqual([
      "alice",
    ]);
    const anonymousId = `hsft_anon_${"Q".repeat(22)}`;
    const anon = await post(`${h.url}/v1/apps/${h.appId}/login`, {
      identityToken: "",
      fullPrivacy: false,
      anonymousId,
    });
    expect(anon.status).toBe(200);
    const byAnon = await call(h, "GET", `${ConsolePath.users}?q=qqqqqqqqqq`);
    expect(byAnon.body.users).toHaveLength(1);
    expect(byAnon.body.users[0]).toMatchObject({ anonymous: true, id: anon.body.userId });
    const userId = anon.body.userId as string;
    const byId = await call(h, "GET", `${ConsolePath.users}?q=${userId.slice(4, 14).toUpperCase()}`);
    expect(byId.body.users.map((u: { id: string }) => u.id)).toEqual([userId]);
    const none = await call(h, "GET", `${ConsolePath.users}?q=nobody-has-this`);
    expect(none.body.users).toEqual([]);
  });

  it("refuses bad queries naming the field; an unknown app is 404", async () => {
    for (const [query, field] of [
      ["limit=0", "limit"],
      ["limit=201", "limit"],
      ["limit=ten", "limit"],
      ["before=garbage", "before"],
    ] as const) {
      const answer = await call(h, "GET", `${ConsolePath.users}?${query}`);
      expect(answer.status, query).toBe(400);
      expect(answer.body.reason).toBe("invalidRequest");
      expect(Object.keys(answer.body.errors), query).toEqual([field]);
    }
    const unknown = await call(h, "GET", `${ConsolePath.users}?app=nope`);
    expect(unknown.status).toBe(404);
  });

  it("pages by cursor: limit 200 takes 200 and says next; the next page has the rest", async () => {
    const other = "paging-app";
    h.service.apps.create({ id: other });
    for (let i = 0; i < 203; i += 1) {
      h.clock.advance(1);
      h.service.context.users.create(other, { anonymousId: `hsft_anon_${String(i).padStart(22, "p")}` });
    }
    const first = await call(h, "GET", `${ConsolePath.users}?app=${other}&limit=200`);
    expect(first.status).toBe(200);
    expect(first.body.users).toHaveLength(200);
    expect(first.body.next).toEqual(expect.any(String));
    const second = await call(h, "GET", `${ConsolePath.users}?app=${other}&limit=200&before=${first.body.next}`);
    expect(second.body.users).toHaveLength(3);
    expect(second.body.next).toBeUndefined();
    const ids = new Set([...first.body.users, ...second.body.users].map((u: { id: string }) => u.id));
    expect(ids.size).toBe(203);
    const byDefault = await call(h, "GET", `${ConsolePath.users}?app=${other}`);
    expect(byDefault.body.users).toHaveLength(50);
  });

  it("shows one user: identities with metadata, attributes with times, tags, custom fields, sessions", async () => {
    const { token, userId } = await loginUid(h, "carol", [
      { identifier: "email", value: "carol@example.com", metadata: { source: "test" } },
    ]);
    const applied = await attributes(h, token, "b-1", {
      first_name: "Carol",
      new_tags: ["vip"],
      custom_user_fields: { guild: "red" },
    });
    expect(applied.status).toBe(200);
    const answer = await call(h, "GET", ConsolePath.user(userId));
    expect(answer.status).toBe(200);
    const user = answer.body.user;
    expect(user.identities).toEqual([
      { identifier: "uid", value: "carol", metadata: {}, updatedAt: h.clock.now() },
      { identifier: "email", value: "carol@example.com", metadata: { source: "test" }, updatedAt: h.clock.now() },
    ]);
    expect(user.attributes.master).toEqual({ first_name: { value: "Carol", updatedAt: h.clock.now() } });
    expect(user.tags).toEqual(["vip"]);
    expect(user.customFields).toEqual({ guild: "red" });
    expect(user.sessions).toHaveLength(1);
    expect(user.sessions[0]).toMatchObject({ state: "open", createdAt: h.clock.now() });
    expect(user.sessions[0].id).toMatch(/^[0-9a-f]{12}$/);
    expect(answer.text).not.toContain(token);
    const missing = await call(h, "GET", ConsolePath.user("usr_nobody"));
    expect(missing.status).toBe(404);
  });

  it("expires one session: the next attributes call answers sessionExpired", async () => {
    const { token, userId } = await loginUid(h, "dave");
    const detail = await call(h, "GET", ConsolePath.user(userId));
    const sessionId = detail.body.user.sessions[0].id as string;
    const expired = await call(h, "POST", ConsolePath.sessionExpire(userId, sessionId));
    expect(expired.status).toBe(200);
    expect(expired.body.user.sessions[0].state).toBe("expired");
    expect(expired.body.user.openSessions).toBe(0);
    const refused = await attributes(h, token, "b-2", { first_name: "Dave" });
    expect(refused.status).toBe(401);
    expect(refused.body).toEqual({ reason: "sessionInvalid", detail: "sessionExpired" });
  });

  it("revokes one session: the next call answers sessionRevoked; unknown session ids are 404", async () => {
    const { token, userId } = await loginUid(h, "erin");
    const sessionId = (await call(h, "GET", ConsolePath.user(userId))).body.user.sessions[0].id as string;
    const revoked = await call(h, "POST", ConsolePath.sessionRevoke(userId, sessionId));
    expect(revoked.status).toBe(200);
    expect(revoked.body.user.sessions[0]).toMatchObject({ state: "revoked", revokedAt: h.clock.now() });
    const refused = await attributes(h, token, "b-3", { first_name: "Erin" });
    expect(refused.body).toEqual({ reason: "sessionInvalid", detail: "sessionRevoked" });
    for (const bad of ["000000000000", "abc", sessionId.toUpperCase()]) {
      const answer = await call(h, "POST", ConsolePath.sessionRevoke(userId, bad));
      expect(answer.status, bad).toBe(404);
    }
    const otherUser = await loginUid(h, "frank");
    const notHers = await call(h, "POST", ConsolePath.sessionExpire(otherUser.userId, sessionId));
    expect(notHers.status).toBe(404);
  });

  it("expires every open session of a user at once", async () => {
    const first = await loginUid(h, "gina");
    h.clock.advance(1000);
    const second = await loginUid(h, "gina");
    const answer = await call(h, "POST", ConsolePath.userExpireSessions(first.userId));
    expect(answer.status).toBe(200);
    expect(answer.body.user.sessions.map((s: { state: string }) => s.state)).toEqual(["expired", "expired"]);
    for (const token of [first.token, second.token]) {
      expect((await attributes(h, token, `b-${token.slice(-4)}`, {})).body.detail).toBe("sessionExpired");
    }
  });

  it("deletes a user with everything of theirs; their token is then unknown", async () => {
    const { token, userId } = await loginUid(h, "hank");
    const deleted = await call(h, "DELETE", ConsolePath.user(userId));
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ removed: { users: 1, sessions: 1 } });
    expect((await call(h, "GET", ConsolePath.user(userId))).status).toBe(404);
    expect((await attributes(h, token, "b-4", {})).body).toEqual({ reason: "sessionInvalid" });
    expect((await call(h, "DELETE", ConsolePath.user(userId))).status).toBe(404);
    // The same uid logs in again as a new user.
    const again = await loginUid(h, "hank");
    expect(again.userId).not.toBe(userId);
  });

  it("resets only with { confirm: 'reset' }: users, sessions and the live log go, apps stay", async () => {
    for (const body of [undefined, {}, { confirm: "yes" }]) {
      const refused = await call(h, "POST", ConsolePath.reset, body === undefined ? {} : { body });
      expect(refused.status).toBe(400);
      expect(refused.body.reason).toBe("confirmationRequired");
    }
    const before = (await call(h, "GET", ConsolePath.status)).body;
    expect(before.users).toBeGreaterThan(0);
    const reset = await call(h, "POST", ConsolePath.reset, { body: { confirm: "reset" } });
    expect(reset.status).toBe(200);
    expect(reset.body.removed.users).toBe(before.users);
    expect(reset.body.removed.sessions).toBeGreaterThan(0);
    const after = (await call(h, "GET", ConsolePath.status)).body;
    expect(after).toMatchObject({ users: 0, apps: before.apps });
    expect((await call(h, "GET", ConsolePath.users)).body.users).toEqual([]);
    const log = (await call(h, "GET", ConsolePath.log)).body.entries;
    expect(log).toHaveLength(1);
    expect(log[0].summary).toMatch(/^reset: /);
    const jwt = await signToken([{ identifier: "uid", value: "alice" }], h.secret, h.clock);
    const login = await post(`${h.url}/v1/apps/${h.appId}/login`, { identityToken: jwt, fullPrivacy: false });
    expect(login.status).toBe(200);
  });
});
