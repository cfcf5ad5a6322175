import { describe, expect, it } from "vitest";
import { Defaults, HelpshiftEvent } from "../../TypeScript/contract";
import type { HelpshiftClient } from "../../TypeScript/core";
import type { DropPoint } from "../support/faulty-transport";
import { createWorld, driveUntil, quiet, type World } from "./harness";

/** Logs in with the callback API and counts callbacks: a login must end exactly once. */
async function login(world: World, client: HelpshiftClient, jwt: string, tally: number[]): Promise<boolean> {
  let calls = 0;
  const done = new Promise<boolean>((resolve) => {
    client.LoginWithIdentity(
      jwt,
      {},
      () => {
        calls++;
        resolve(true);
      },
      () => {
        calls++;
        resolve(false);
      },
    );
  });
  const ok = await driveUntil(done, world, Defaults.retryBaseMs);
  await quiet(world);
  tally.push(calls);
  return ok;
}

/** Keys written while logged in as each uid: what must reach the service or be reported. */
type Written = Record<string, Record<string, string>>;

/**
 * One user's day: log in as A, update, add an identity, flush, update again, switch to B (which flushes and ends
 * A's session), update as B, log out. Returns what was written while logged in.
 */
async function scenario(world: World, client: HelpshiftClient, tally: number[]): Promise<Written> {
  const written: Written = { a: {}, b: {} };
  const update = (uid: string, master: Record<string, string>) => {
    if (client.getState().status === "loggedIn") Object.assign(written[uid] as object, master);
    client.UpdateMasterAttributes(master);
  };
  const asA = await login(world, client, await world.token("a"), tally);
  if (asA) update("a", { first_name: "A" });
  await driveUntil(client.addUserIdentities(await world.token("a", "a@example.com")), world, Defaults.retryBaseMs);
  await client.flush();
  if (asA) update("a", { last_name: "A2" });
  const asB = await login(world, client, await world.token("b"), tally);
  if (asB) update("b", { first_name: "B" });
  await driveUntil(client.logout(), world, Defaults.retryBaseMs);
  return written;
}

/** After the network is back: each user logs in again, which sends what their earlier sessions left. */
async function recover(world: World, client: HelpshiftClient, tally: number[]): Promise<void> {
  for (const uid of ["a", "b"]) {
    expect(await login(world, client, await world.token(uid), tally)).toBe(true);
    await driveUntil(client.flush(), world, Defaults.retryBaseMs);
    await driveUntil(client.logout(), world, Defaults.retryBaseMs);
  }
}

async function cleanRequestCount(): Promise<number> {
  const world = await createWorld();
  const { client } = world.newClient();
  await scenario(world, client, []);
  const count = world.transport.log.length;
  await world.close();
  return count;
}

describe("the network dropped at each step of a session", () => {
  it("at every request of login, add identities, flush, user switch and logout: nothing lost, nothing stuck, no duplicate", async () => {
    const steps = await cleanRequestCount();
    expect(steps).toBeGreaterThanOrEqual(6);
    for (let step = 0; step < steps; step++) {
      for (const point of ["request", "response"] as DropPoint[]) {
        const world = await createWorld();
        const device = world.newClient();
        world.transport.failWhen((_, index) => (index === step ? point : undefined));
        const tally: number[] = [];
        const written = await scenario(world, device.client, tally);
        world.transport.failWhen(undefined);
        await recover(world, device.client, tally);
        const where = `step ${step} (${world.transport.log[step]?.path}), ${point} lost`;
        expect(
          tally.every((calls) => calls === 1),
          where,
        ).toBe(true);
        expect(device.client.getState().status, where).toBe("loggedOut");
        expect(world.userCount(), where).toBe(2);
        const reported = Object.assign(
          {},
          ...device.events.filter((e) => e.event === HelpshiftEvent.masterAttributesSyncFailed).map((e) => e.data),
        );
        for (const [uid, keys] of Object.entries(written)) {
          const stored = world.attributesOf(uid)?.master ?? {};
          for (const [key, value] of Object.entries(keys)) {
            expect(stored[key] === value || key in reported, `${where}: ${uid}.${key}`).toBe(true);
          }
        }
        const emails = world
          .service()
          .db.prepare("SELECT COUNT(*) AS n FROM identities WHERE identifier = 'email'")
          .get() as {
          n: number;
        };
        expect(emails.n, where).toBeLessThanOrEqual(1);
        expect(world.leakedSecrets(), where).toEqual([]);
        await world.close();
      }
    }
  });
});
