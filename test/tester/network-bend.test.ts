import { describe, expect, it } from "vitest";
import type { HttpRequest, Transport } from "../../TypeScript/core/ports";
import {
  type BentRequest,
  bendNumber,
  createNetworkBend,
  MAX_BEND_COUNT,
  requestPath,
} from "../../TypeScript/tester/network-bend";
import { createManualTime } from "../support/manual-time";

const request: HttpRequest = { method: "POST", url: "http://127.0.0.1:1/v1/apps/demo/attributes?x=1", headers: {} };

function setup() {
  const time = createManualTime();
  const bend = createNetworkBend({ scheduler: time.scheduler, clock: time.clock });
  const sent: HttpRequest[] = [];
  const inner: Transport = {
    async send(r) {
      sent.push(r);
      return { status: 200, body: "{}" };
    },
  };
  const transport = bend.wrap(inner);
  const bent: BentRequest[] = [];
  bend.subscribe((_state, b) => {
    if (b) bent.push(b);
  });
  return { time, bend, transport, sent, bent };
}

describe("network bend (the tester's own client)", () => {
  it("fails the next N requests as network failures (rejections), then lets them through", async () => {
    const { bend, transport, sent, bent } = setup();
    expect(bend.failNext(2)).toBe("The next 2 requests will fail as network errors.");
    await expect(transport.send(request)).rejects.toThrow(/bent by the tester/);
    expect(bend.getState().failNext).toBe(1);
    await expect(transport.send(request)).rejects.toThrow();
    await expect(transport.send(request)).resolves.toMatchObject({ status: 200 });
    expect(sent).toHaveLength(1);
    expect(bend.getState()).toMatchObject({ failNext: 0, failed: 2 });
    expect(bent.map((b) => [b.what, b.method, b.path])).toEqual([
      ["failed", "POST", "/v1/apps/demo/attributes"],
      ["failed", "POST", "/v1/apps/demo/attributes"],
    ]);
  });

  it("each control can be undone, and says what it changed", async () => {
    const { bend, transport, sent } = setup();
    bend.failNext(5);
    expect(bend.undo("fail")).toBe("Undone: no more requests will fail (5 were still to fail).");
    expect(bend.undo("fail")).toBe("Nothing to undo: no requests were set to fail.");
    await transport.send(request);
    expect(sent).toHaveLength(1);
    expect(bend.setOffline(true)).toMatch(/^Offline: every request fails/);
    await expect(transport.send(request)).rejects.toThrow(/offline/);
    expect(bend.setOffline(false)).toBe("Back online: requests go out again.");
    expect(bend.undo("offline")).toBe("Nothing to undo: the tester was online.");
    expect(bend.delayNext(1, 500)).toBe("The next 1 request will wait 500 ms before it is sent.");
    expect(bend.undo("delay")).toBe("Undone: no more requests will be delayed (1 was still to wait).");
    expect(bend.getState().lastChange).toBe("Undone: no more requests will be delayed (1 was still to wait).");
    expect(bend.failNext(0)).toBe("Nothing to undo: no requests were set to fail.");
  });

  it("delays the next N requests by X ms, then sends them", async () => {
    const { time, bend, transport, sent, bent } = setup();
    bend.delayNext(1, 3000);
    const answer = transport.send(request);
    await time.advance(2999);
    expect(sent).toHaveLength(0);
    await time.advance(1);
    await expect(answer).resolves.toMatchObject({ status: 200 });
    expect(sent).toHaveLength(1);
    expect(bent).toEqual([expect.objectContaining({ what: "delayed", delayMs: 3000 })]);
    await transport.send(request);
    expect(sent).toHaveLength(2);
    expect(bend.getState()).toMatchObject({ delayNext: 0, delayed: 1 });
  });

  it("a delayed request fails when the tester went offline meanwhile", async () => {
    const { time, bend, transport, sent } = setup();
    bend.delayNext(1, 1000);
    const answer = transport.send(request);
    bend.setOffline(true);
    const failed = expect(answer).rejects.toThrow(/offline/);
    await time.advance(1000);
    await failed;
    expect(sent).toHaveLength(0);
  });

  it("refuses counts and delays that are not whole numbers in range, changing nothing", () => {
    const { bend } = setup();
    expect(bend.failNext(-1)).toMatch(/^Not changed/);
    expect(bend.failNext(1.5)).toMatch(/^Not changed/);
    expect(bend.failNext(Number.NaN)).toMatch(/^Not changed/);
    expect(bend.failNext(MAX_BEND_COUNT + 1)).toMatch(/^Not changed/);
    expect(bend.delayNext(1, 10_000_000)).toMatch(/^Not changed/);
    expect(bend.getState()).toMatchObject({ failNext: 0, delayNext: 0 });
    expect(bendNumber("3", 10)).toBe(3);
    expect(bendNumber("", 10)).toBeUndefined();
  });

  it("names a request by its path only (no host, no query)", () => {
    expect(requestPath("https://id.example.com/v1/apps/a/login?token=x#y")).toBe("/v1/apps/a/login");
    expect(requestPath("/v1/health?x")).toBe("/v1/health");
    expect(requestPath("http://h")).toBe("/");
  });
});
