/**
 * Bend: make the hard cases happen now. The service's clock offset (presets shift it, custom sets it, reset puts
 * it back), network faults on the service (fail or slow the next N requests to /v1/), the identity feature per
 * app, and expiring sessions. Every control says what it changed (the service's `said`), and the list of active
 * changes has an Undo button for each. (The tester's own client-side network controls are on the Tester page.)
 */
import {
  type AppAnswer,
  type BendAnswer,
  type BendState,
  type ConsoleApp,
  ConsolePath,
  type StatusAnswer,
  type UsersAnswer,
} from "../../api-types";
import { errorText } from "../api";
import { $, badge, type El, field, h, select } from "../dom";
import { formatOffset, formatSignedOffset, offsetFrom } from "../format";
import { type Ctx, empty, failure, loading, type Page, resultLine, runChange, setResult } from "../ui";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
export const CLOCK_PRESETS: readonly number[] = [-HOUR, -5 * MINUTE, 5 * MINUTE, HOUR, 24 * HOUR];

/** One active change, in words, with its undo. */
export interface ActiveChange {
  readonly key: string;
  readonly text: string;
  readonly undo: () => Promise<string>;
}

export function createBendPage(ctx: Ctx): Page {
  const root = $("bend-root");
  const said = resultLine("bend-said");
  said.setAttribute("role", "status");
  let bend: BendState | undefined;
  let apps: readonly ConsoleApp[] = [];
  const offsetNow = h("p", { className: "mono", id: "clock-now" }, "–");
  const changesBox = h("div", { id: "bend-changes" });
  const appsBox = h("div", { id: "bend-apps" }, loading("apps"));
  const sessionsBox = h("div", { id: "bend-sessions" });
  const networkNow = h("p", { className: "muted", id: "network-now" }, "–");

  const apply = (button: El, action: () => Promise<string>): Promise<void> =>
    runChange(button, said, ctx, action, {
      failed: "Not changed",
      reload: () => Promise.all([load(), ctx.refreshStatus()]),
      reloadAlways: true,
    });
  const bendCall = async (method: "PUT" | "DELETE", path: string, body?: object) => {
    const answer = await ctx.api.send<BendAnswer>(method, path, body);
    bend = answer.bend;
    return answer.said;
  };
  const setOffset = (offsetMs: number) => bendCall("PUT", ConsolePath.bendClock, { offsetMs });
  const resetClock = () => bendCall("DELETE", ConsolePath.bendClock);
  const setIdentity = async (appId: string, on: boolean) => {
    await ctx.api.send<AppAnswer>("PATCH", ConsolePath.app(appId), { identityEnabled: on });
    return `Identity feature of ${appId} turned ${on ? "on" : "off"}.`;
  };

  // ---- clock ----
  const presets = CLOCK_PRESETS.map((delta) => {
    const label = formatSignedOffset(delta).replace("1 d", "1 day");
    const button = h(
      "button",
      { type: "button", "data-preset": String(delta), "aria-label": `${label} (shift the service clock)` },
      label,
    );
    button.addEventListener("click", () => apply(button, () => setOffset((bend?.clockOffsetMs ?? 0) + delta)));
    return button;
  });
  const amount = h("input", { type: "number", step: "any", id: "clock-amount", inputmode: "decimal" });
  const unit = select(
    [
      ["min", "minutes"],
      ["h", "hours"],
      ["d", "days"],
      ["s", "seconds"],
    ],
    { id: "clock-unit" },
  );
  const setCustom = h("button", { type: "button", "data-action": "clock-custom" }, "Set offset");
  setCustom.addEventListener("click", () => {
    const offset = offsetFrom(amount.value, unit.value as "s" | "min" | "h" | "d");
    if (Number.isNaN(offset)) {
      amount.setAttribute("aria-invalid", "true");
      setResult(said, "Not changed: type a number (negative for behind).", "bad");
      amount.focus();
      return;
    }
    amount.removeAttribute("aria-invalid");
    void apply(setCustom, () => setOffset(offset));
  });
  const resetButton = h("button", { type: "button", className: "quiet", "data-action": "clock-reset" }, "Reset clock");
  resetButton.addEventListener("click", () => apply(resetButton, resetClock));

  // ---- network ----
  const failCount = h("input", { type: "number", min: "1", value: "3", id: "fail-count", inputmode: "numeric" });
  const failStatus = select(
    [
      ["503", "503 Service Unavailable"],
      ["500", "500 Internal Server Error"],
      ["502", "502 Bad Gateway"],
      ["429", "429 Too Many Requests"],
    ],
    { id: "fail-status" },
  );
  const failButton = h("button", { type: "button", "data-action": "fail-next" }, "Fail next requests");
  failButton.addEventListener("click", () =>
    apply(failButton, () =>
      bendCall("PUT", ConsolePath.bendNetwork, {
        failNext: Number(failCount.value),
        failStatus: Number(failStatus.value),
      }),
    ),
  );
  const slowCount = h("input", { type: "number", min: "1", value: "3", id: "slow-count", inputmode: "numeric" });
  const slowMs = h("input", {
    type: "number",
    min: "0",
    step: "100",
    value: "2000",
    id: "slow-ms",
    inputmode: "numeric",
  });
  const slowButton = h("button", { type: "button", "data-action": "slow-next" }, "Slow next requests");
  slowButton.addEventListener("click", () =>
    apply(slowButton, () =>
      bendCall("PUT", ConsolePath.bendNetwork, { slowNext: Number(slowCount.value), delayMs: Number(slowMs.value) }),
    ),
  );
  const clearNetwork = h(
    "button",
    { type: "button", className: "quiet", "data-action": "network-clear" },
    "Clear faults",
  );
  clearNetwork.addEventListener("click", () => apply(clearNetwork, () => bendCall("DELETE", ConsolePath.bendNetwork)));

  /** What is bent now, each with its undo. */
  function activeChanges(): ActiveChange[] {
    const changes: ActiveChange[] = [];
    if (bend && bend.clockOffsetMs !== 0) {
      changes.push({ key: "clock", text: `Service clock ${formatOffset(bend.clockOffsetMs)}`, undo: resetClock });
    }
    if (bend && bend.failNext > 0) {
      changes.push({
        key: "fail",
        text: `The next ${bend.failNext} request(s) to /v1/ fail with ${bend.failStatus}`,
        undo: () => bendCall("PUT", ConsolePath.bendNetwork, { failNext: 0 }),
      });
    }
    if (bend && bend.slowNext > 0) {
      changes.push({
        key: "slow",
        text: `The next ${bend.slowNext} request(s) to /v1/ are held ${bend.delayMs} ms`,
        undo: () => bendCall("PUT", ConsolePath.bendNetwork, { slowNext: 0 }),
      });
    }
    for (const app of apps) {
      if (!app.identityEnabled) {
        changes.push({
          key: `identity:${app.id}`,
          text: `Identity feature off for ${app.id}`,
          undo: () => setIdentity(app.id, true),
        });
      }
    }
    return changes;
  }

  function render(): void {
    offsetNow.textContent = bend
      ? `Now: ${formatOffset(bend.clockOffsetMs)} (${formatSignedOffset(bend.clockOffsetMs)})`
      : "–";
    networkNow.textContent = bend
      ? bend.failNext > 0 || bend.slowNext > 0
        ? [
            bend.failNext > 0 ? `next ${bend.failNext} fail with ${bend.failStatus}` : "",
            bend.slowNext > 0 ? `next ${bend.slowNext} held ${bend.delayMs} ms` : "",
          ]
            .filter(Boolean)
            .join("; ")
        : "Now: no faults."
      : "–";
    const changes = activeChanges();
    changesBox.replaceChildren(
      changes.length
        ? h(
            "ul",
            { className: "plain", id: "bend-change-list" },
            ...changes.map((change) => {
              const undo = h(
                "button",
                { type: "button", className: "small", "data-undo": change.key, "aria-label": `Undo: ${change.text}` },
                "Undo",
              );
              undo.addEventListener("click", () => apply(undo, change.undo));
              return h(
                "li",
                { className: "row", "data-change": change.key },
                h("span", {}, badge("active", "warn"), " ", change.text),
                undo,
              );
            }),
          )
        : empty("Nothing is bent: the service runs on the real clock and answers every request."),
    );
    appsBox.replaceChildren(
      apps.length
        ? h(
            "ul",
            { className: "plain" },
            ...apps.map((app) => {
              const toggle = h("input", { type: "checkbox", checked: app.identityEnabled, "data-app": app.id });
              toggle.addEventListener("change", () => {
                void apply(toggle, () => setIdentity(app.id, toggle.checked));
              });
              return h("li", {}, field(`Identity feature of ${app.id}`, toggle));
            }),
          )
        : empty("No apps."),
    );
  }

  async function loadSessions(): Promise<void> {
    try {
      const answer = await ctx.api.get<UsersAnswer>(`${ConsolePath.users}?limit=50`);
      const open = answer.users.filter((u) => u.openSessions > 0);
      sessionsBox.replaceChildren(
        open.length
          ? h(
              "ul",
              { className: "plain" },
              ...open.map((u) => {
                const expire = h(
                  "button",
                  { type: "button", className: "small", "aria-label": `Expire sessions of ${u.id}` },
                  "Expire sessions",
                );
                expire.addEventListener("click", () =>
                  apply(expire, async () => {
                    await ctx.api.send("POST", ConsolePath.userExpireSessions(u.id));
                    return `Every open session of ${u.id} expired now.`;
                  }),
                );
                return h(
                  "li",
                  { className: "row" },
                  h(
                    "span",
                    {},
                    h("a", { className: "mono", href: `#/users/${encodeURIComponent(u.id)}` }, u.id),
                    ` ${u.appId} · ${u.openSessions} open`,
                  ),
                  expire,
                );
              }),
            )
          : empty("No open sessions.", "Log in from the Tester page first."),
      );
    } catch (error) {
      sessionsBox.replaceChildren(failure("load the users", errorText(error)));
    }
  }

  async function load(): Promise<void> {
    try {
      const [status, list] = await Promise.all([ctx.api.get<StatusAnswer>(ConsolePath.status), ctx.apps()]);
      bend = status.bend;
      apps = list;
      render();
    } catch (error) {
      changesBox.replaceChildren(failure("load what is bent", errorText(error)));
    }
    await loadSessions();
  }

  root.append(
    h(
      "p",
      { className: "muted" },
      "These change the service for every client. The tester's own network (offline, lossy) is on the Tester page.",
    ),
    said,
    h(
      "section",
      { className: "panel", "aria-labelledby": "bend-active-title" },
      h("h2", { id: "bend-active-title" }, "Active changes"),
      changesBox,
    ),
    h(
      "div",
      { className: "grid two" },
      h(
        "section",
        { className: "panel", "aria-labelledby": "bend-clock-title" },
        h("h2", { id: "bend-clock-title" }, "Service clock"),
        offsetNow,
        h("div", { className: "actions", role: "group", "aria-label": "Shift the service clock" }, ...presets),
        h(
          "div",
          { className: "row" },
          field("Custom offset (negative: behind)", amount),
          field("Unit", unit),
          setCustom,
          resetButton,
        ),
        h("p", { className: "hint" }, "Moves expiry, token age (iat), rate limits and X-Server-Time together."),
      ),
      h(
        "section",
        { className: "panel", "aria-labelledby": "bend-network-title" },
        h("h2", { id: "bend-network-title" }, "Network faults on the service"),
        networkNow,
        h(
          "div",
          { className: "row" },
          field("Fail next N requests", failCount),
          field("With status", failStatus),
          failButton,
        ),
        h("div", { className: "row" }, field("Slow next N requests", slowCount), field("By (ms)", slowMs), slowButton),
        clearNetwork,
      ),
      h(
        "section",
        { className: "panel", "aria-labelledby": "bend-identity-title" },
        h("h2", { id: "bend-identity-title" }, "Identity feature"),
        h(
          "p",
          { className: "hint" },
          "Off: logins and AddUserIdentities answer identityFeatureNotEnabled, mid-session too.",
        ),
        appsBox,
      ),
      h(
        "section",
        { className: "panel", "aria-labelledby": "bend-sessions-title" },
        h("h2", { id: "bend-sessions-title" }, "Expire sessions"),
        h("p", { className: "hint" }, "Or one session at a time on a user's page (Users)."),
        sessionsBox,
      ),
    ),
  );

  return {
    show() {
      void load();
    },
  };
}
