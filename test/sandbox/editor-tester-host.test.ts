/**
 * The editor tester's host (TypeScript/ue/editor/tester-host.ts) driven directly, with a recording fake bridge,
 * a fake client (test/tester/fake-client.ts), a clock the test moves and timers the test fires: the once-a-second
 * republish while a session is shown (the time left counts down with no press; one timer at most; none without a
 * session or after dispose) and the `connect` C++ sends at start (a stored session shows before any press).
 */
import { describe, expect, it } from "vitest";
import type { ClientState } from "../../TypeScript/core/api";
import { EditorTesterCommand } from "../../TypeScript/ue/editor/commands";
import type { EditorForm } from "../../TypeScript/ue/editor/messages";
import { type EditorTesterBridge, SESSION_TICK_MS, startEditorTester } from "../../TypeScript/ue/editor/tester-host";
import type { EditorViewState } from "../../TypeScript/ue/editor/view-state";
import { type FakeClient, fakeClient } from "../tester/fake-client";

const NOW = Date.UTC(2027, 0, 15, 8, 0, 0);

/** setTimeout/clearTimeout that run only when the test advances them. */
class FakeTimers {
  private next = 1;
  private readonly due = new Map<number, { at: number; run: () => void }>();
  constructor(private readonly clock: { now: number }) {}
  readonly functions = {
    setTimeout: (run: () => void, delayMs: number): unknown => {
      const id = this.next++;
      this.due.set(id, { at: this.clock.now + delayMs, run });
      return id;
    },
    clearTimeout: (handle: unknown): void => {
      this.due.delete(handle as number);
    },
  };
  get pending(): number {
    return this.due.size;
  }
  /** Moves the clock by `ms`, firing each timer at its time, in order. */
  advance(ms: number): void {
    const end = this.clock.now + ms;
    for (;;) {
      const first = [...this.due.entries()].sort((a, b) => a[1].at - b[1].at)[0];
      if (!first || first[1].at > end) break;
      this.due.delete(first[0]);
      this.clock.now = first[1].at;
      first[1].run();
    }
    this.clock.now = end;
  }
}

function setup(restored?: Partial<ClientState>) {
  const time = { now: NOW };
  const timers = new FakeTimers(time);
  const states: string[] = [];
  let handler: ((id: number, command: string, json: string) => void) | undefined;
  const bridge: EditorTesterBridge = {
    OnCommand: {
      Bind: (fn) => {
        handler = fn;
      },
      Unbind: () => {
        handler = undefined;
      },
    },
    NotifyReady: () => undefined,
    PublishState: (json) => {
      states.push(json);
    },
    SendHttpRequest: () => {
      throw new Error("no request expected");
    },
    LoadValue: () => false,
    SaveValue: () => true,
    RemoveValue: () => true,
    RandomBytesHex: (count) => "ab".repeat(count),
    WriteLog: () => undefined,
    MonotonicSeconds: () => time.now / 1000,
  };
  const clients: FakeClient[] = [];
  const tester = startEditorTester({
    bridge,
    createClient: () => {
      const client = fakeClient();
      if (restored) client.restored = restored;
      clients.push(client);
      return client;
    },
    refs: { $ref: (x) => [x], $unref: (r) => (r as unknown[])[0] as never },
    timers: timers.functions,
    clock: { now: () => time.now },
  });
  const form: EditorForm = { serviceUrl: "http://127.0.0.1:8787", appId: "demo" };
  const press = (action: string) => handler?.(0, EditorTesterCommand.action, JSON.stringify({ action, form }));
  const view = () => JSON.parse(states[states.length - 1] ?? "null") as EditorViewState;
  return {
    tester,
    timers,
    states,
    press,
    view,
    clients,
    dispose: () => handler?.(0, EditorTesterCommand.dispose, "{}"),
  };
}

const SESSION: Partial<ClientState> = {
  initialized: true,
  status: "loggedIn",
  state: "loggedIn",
  identity: "identified",
  userId: "usr_stored",
  anonymous: false,
  expiresAt: NOW + 120_000,
  startedAt: NOW - 60_000,
  expired: false,
};

describe("the editor tester host: the session's time left counts down", () => {
  it("republishes once a second while a session is shown: seconds left decrease with no command", () => {
    const t = setup(SESSION);
    t.press("connect");
    expect(t.view().widget.secondsLeft).toBe(120);
    expect(t.view().widget.statusLine).toContain("session left 2 min 0 s");
    expect(t.timers.pending).toBe(1);
    const published = t.states.length;

    t.timers.advance(SESSION_TICK_MS);
    expect(t.states.length).toBe(published + 1);
    expect(t.view().widget.secondsLeft).toBe(119);
    expect(t.view().identityState?.secondsLeft).toBe(119);
    expect(t.view().widget.statusLine).toContain("session left 1 min 59 s");

    t.timers.advance(5 * SESSION_TICK_MS);
    expect(t.view().widget.secondsLeft).toBe(114);
    expect(t.states.length).toBe(published + 6);
    // One timer at most, however many publishes happened meanwhile.
    t.press("inspect");
    t.press("foreground");
    expect(t.timers.pending).toBe(1);
    expect(t.tester.ticking()).toBe(true);
  });

  it("no timer remains after logout, and none runs without a session", async () => {
    const t = setup(SESSION);
    expect(t.timers.pending).toBe(0);
    t.press("inspect");
    // A client that holds no session (here: none yet) needs no countdown.
    expect(t.timers.pending).toBe(0);
    t.press("connect");
    expect(t.timers.pending).toBe(1);
    t.press("logout");
    await new Promise((resolve) => setImmediate(resolve));
    expect(t.view().lastResult).toMatchObject({ action: "logout", ok: true });
    expect(t.view().client?.status).toBe("loggedOut");
    expect(t.timers.pending).toBe(0);
    expect(t.tester.ticking()).toBe(false);
    const published = t.states.length;
    t.timers.advance(10 * SESSION_TICK_MS);
    expect(t.states.length).toBe(published);
  });

  it("publishes only when the text changed (a session past its expiry, held for a refresh, reads the same)", () => {
    const t = setup({ ...SESSION, expiresAt: NOW - 5_000 });
    t.press("connect");
    expect(t.view().widget.statusLine).toContain("session past its expiry");
    const published = t.states.length;
    t.timers.advance(3 * SESSION_TICK_MS);
    expect(t.states.length).toBe(published);
    expect(t.timers.pending).toBe(1);
  });

  it("stops at dispose: no timer, nothing published afterwards", () => {
    const t = setup(SESSION);
    t.press("connect");
    expect(t.timers.pending).toBe(1);
    t.dispose();
    expect(t.timers.pending).toBe(0);
    const published = t.states.length;
    t.timers.advance(5 * SESSION_TICK_MS);
    expect(t.states.length).toBe(published);
  });
});

describe("the editor tester host: connect at start", () => {
  it("makes the form's app's client at once: the stored session shows before any button, and nothing is sent", () => {
    const t = setup(SESSION);
    expect(t.clients).toHaveLength(0);
    expect(t.view().client).toBeUndefined();
    const published = t.states.length;
    t.press("connect");
    // One state for it, with the restored session (not one per listener the new client calls at once).
    expect(t.states.length).toBe(published + 1);
    expect(t.clients).toHaveLength(1);
    expect(t.clients[0]!.init).toMatchObject({ serviceUrl: "http://127.0.0.1:8787", appId: "demo" });
    // Init only: no login, flush or foreground.
    expect(t.clients[0]!.calls.map((c) => c[0])).toEqual(["Init"]);
    expect(t.view()).toMatchObject({ serviceUrl: "http://127.0.0.1:8787", appId: "demo" });
    expect(t.view().notice).toBeUndefined();
    expect(t.view().widget).toMatchObject({ identityState: "loggedIn", userId: "usr_stored", secondsLeft: 120 });
    for (const words of ["logged in (identified)", "user usr_stored", "session left 2 min 0 s"]) {
      expect(t.view().widget.statusLine).toContain(words);
      expect(t.view().identityState?.text).toContain(words);
    }
    // The next press uses the same client.
    t.press("foreground");
    expect(t.clients).toHaveLength(1);
  });
});
