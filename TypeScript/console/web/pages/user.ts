/**
 * One user (`#/users/<id>`): identities with metadata, master and app attributes, tags, custom fields, sessions
 * (state badge, expiry, time-left bar; revoke or expire one, expire all), the user's recent log, and delete.
 * The page reloads by itself when the live log says something happened to this user.
 */
import {
  ConsolePath,
  type ConsoleSession,
  type LogAnswer,
  type LogEntry,
  type StoredAttribute,
  type UserAnswer,
  type UserDetail,
} from "../../api-types";
import { ApiError, errorText } from "../api";
import { $, badge, type El, h, win } from "../dom";
import { formatRelative, formatTime, lifeLeft, sessionTone, valueText } from "../format";
import { type Ctx, empty, failure, loading, type Page, resultLine, runChange, setResult, withButton } from "../ui";
import { logRow } from "./log";

function pairs(entries: readonly (readonly [string, El | string])[]): El {
  return h("dl", { className: "pairs" }, ...entries.flatMap(([k, v]) => [h("dt", {}, k), h("dd", {}, v)]));
}

function attributeTable(id: string, caption: string, map: Readonly<Record<string, StoredAttribute>>): El {
  const keys = Object.keys(map).sort();
  if (!keys.length) return empty(`No ${caption.toLowerCase()}.`);
  return h(
    "div",
    { className: "table-wrap" },
    h(
      "table",
      { className: "data", id },
      h("caption", {}, caption),
      h("thead", {}, h("tr", {}, ...["Key", "Value", "Updated"].map((t) => h("th", { scope: "col" }, t)))),
      h(
        "tbody",
        {},
        ...keys.map((key) =>
          h(
            "tr",
            { "data-key": key },
            h("td", { className: "mono" }, key),
            h("td", { className: "mono" }, valueText(map[key]?.value)),
            h("td", { className: "nowrap muted" }, formatTime(map[key]?.updatedAt ?? 0)),
          ),
        ),
      ),
    ),
  );
}

export function createUserPage(ctx: Ctx): Page {
  const root = $("user-root");
  const heading = $("h-user");
  let userId = "";
  let user: UserDetail | undefined;
  let visible = false;
  let reloadTimer: number | undefined;
  const said = resultLine("user-said");
  let serviceOffset = 0;

  const serviceNow = () => Date.now() + serviceOffset;

  async function load(): Promise<void> {
    const id = userId;
    try {
      const status = ctx.status();
      if (status) serviceOffset = status.bend.clockOffsetMs;
      const [answer, log] = await Promise.all([
        ctx.api.get<UserAnswer>(ConsolePath.user(id)),
        ctx.api.get<LogAnswer>(`${ConsolePath.log}?user=${encodeURIComponent(id)}&limit=20`).catch(() => undefined),
      ]);
      if (id !== userId) return;
      user = answer.user;
      render(answer.user, log?.entries ?? []);
    } catch (error) {
      if (id !== userId) return;
      user = undefined;
      if (error instanceof ApiError && error.status === 404) {
        root.replaceChildren(back(), empty(`No user ${id}.`, "It may have been deleted, or all data was reset."));
      } else root.replaceChildren(back(), failure("load the user", errorText(error)));
    }
  }

  const back = () => h("p", {}, h("a", { href: "#/users" }, "← All users"));

  const act = (button: El, action: () => Promise<string>): Promise<void> =>
    runChange(button, said, ctx, action, { failed: "Not done", reload: load });

  function sessionRow(session: ConsoleSession): El {
    const left = lifeLeft(session.createdAt, session.expiresAt, serviceNow());
    const open = session.state === "open";
    const meter = h(
      "div",
      {
        className: `meter${left < 0.1 ? " bad" : left < 0.3 ? " warn" : ""}`,
        role: "meter",
        "aria-label": `Time left of session ${session.id}`,
        "aria-valuemin": "0",
        "aria-valuemax": "100",
        "aria-valuenow": String(Math.round(open ? left * 100 : 0)),
      },
      h("span", {}),
    );
    meter.style.setProperty("--meter", String(open ? left : 0));
    const actions = h("div", { className: "actions" });
    if (open) {
      const revoke = h(
        "button",
        {
          type: "button",
          className: "small",
          "data-action": "revoke-session",
          "aria-label": `Revoke session ${session.id}`,
        },
        "Revoke",
      );
      revoke.addEventListener("click", () =>
        act(revoke, async () => {
          await ctx.api.send("POST", ConsolePath.sessionRevoke(userId, session.id));
          return `Session ${session.id} revoked: the client hears userSessionExpired on its next request.`;
        }),
      );
      const expire = h(
        "button",
        {
          type: "button",
          className: "small",
          "data-action": "expire-session",
          "aria-label": `Expire now: session ${session.id}`,
        },
        "Expire now",
      );
      expire.addEventListener("click", () =>
        act(expire, async () => {
          await ctx.api.send("POST", ConsolePath.sessionExpire(userId, session.id));
          return `Session ${session.id} expired now: the client hears userSessionExpired on its next request.`;
        }),
      );
      actions.append(revoke, expire);
    }
    return h(
      "tr",
      { "data-session": session.id, "data-state": session.state },
      h("td", { className: "mono" }, session.id),
      h("td", {}, badge(session.state, sessionTone(session.state))),
      h("td", { className: "nowrap" }, formatTime(session.createdAt)),
      h(
        "td",
        {},
        h("div", { className: "nowrap" }, formatTime(session.revokedAt ?? session.expiresAt)),
        h(
          "div",
          { className: "muted" },
          session.state === "revoked"
            ? `revoked ${formatRelative(session.revokedAt ?? 0, serviceNow())}`
            : `${session.state === "open" ? "expires" : "expired"} ${formatRelative(session.expiresAt, serviceNow())}`,
        ),
        open ? meter : null,
      ),
      h("td", {}, actions),
    );
  }

  function render(u: UserDetail, log: readonly LogEntry[]): void {
    heading.textContent = `User ${u.id}`;
    const identities = u.identities.length
      ? h(
          "div",
          { className: "table-wrap" },
          h(
            "table",
            { className: "data", id: "user-identities" },
            h(
              "thead",
              {},
              h("tr", {}, ...["Identifier", "Value", "Metadata", "Updated"].map((t) => h("th", { scope: "col" }, t))),
            ),
            h(
              "tbody",
              {},
              ...u.identities.map((i) =>
                h(
                  "tr",
                  { "data-identifier": i.identifier },
                  h("td", { className: "mono" }, i.identifier),
                  h("td", { className: "mono" }, i.value),
                  h(
                    "td",
                    { className: "mono" },
                    Object.keys(i.metadata).length
                      ? Object.entries(i.metadata)
                          .map(([k, v]) => `${k}=${v}`)
                          .join(", ")
                      : "–",
                  ),
                  h("td", { className: "nowrap muted" }, formatTime(i.updatedAt)),
                ),
              ),
            ),
          ),
        )
      : empty(u.anonymous ? "Anonymous user: no identities." : "No identities.");

    const customKeys = Object.keys(u.customFields).sort();
    const sessions = u.sessions.length
      ? h(
          "div",
          { className: "table-wrap" },
          h(
            "table",
            { className: "data", id: "user-sessions" },
            h(
              "thead",
              {},
              h(
                "tr",
                {},
                ...["Session", "State", "Opened", "Ends", "Actions"].map((t) => h("th", { scope: "col" }, t)),
              ),
            ),
            h("tbody", {}, ...u.sessions.map(sessionRow)),
          ),
        )
      : empty("No sessions.");

    const expireAll = h(
      "button",
      { type: "button", "data-action": "expire-all", disabled: u.openSessions === 0 },
      "Expire all sessions",
    );
    expireAll.addEventListener("click", () =>
      act(expireAll, async () => {
        await ctx.api.send("POST", ConsolePath.userExpireSessions(userId));
        return "Every open session of this user expired now.";
      }),
    );
    const remove = h("button", { type: "button", className: "danger", "data-action": "delete-user" }, "Delete user");
    remove.addEventListener("click", async () => {
      const sure = await ctx.confirm({
        title: `Delete user ${u.id}?`,
        body: "Its identities, sessions, attributes and tags are removed. A client logged in as this user hears userSessionExpired.",
        confirmLabel: "Delete user",
      });
      if (!sure) return;
      await withButton(remove, async () => {
        try {
          await ctx.api.send("DELETE", ConsolePath.user(userId));
          ctx.announce(`User ${u.id} deleted.`);
          ctx.go("#/users");
        } catch (error) {
          setResult(said, `Not deleted: ${errorText(error)}`, "bad");
        }
      });
    });

    root.replaceChildren(
      back(),
      said,
      h(
        "div",
        { className: "grid two" },
        h(
          "section",
          { className: "panel", "aria-labelledby": "user-overview" },
          h("h2", { id: "user-overview" }, "Overview"),
          pairs([
            ["User id", h("span", { className: "mono" }, u.id)],
            ["App", h("span", { className: "mono" }, u.appId)],
            ["Kind", u.anonymous ? badge("anonymous") : badge("identified", "info")],
            ...(u.anonymousId ? [["Anonymous id", h("span", { className: "mono" }, u.anonymousId)] as const] : []),
            ["Created", formatTime(u.createdAt)],
            ["Last login", formatTime(u.lastLoginAt)],
            ["Open sessions", String(u.openSessions)],
          ]),
          h("div", { className: "actions" }, expireAll, remove),
        ),
        h(
          "section",
          { className: "panel", "aria-labelledby": "user-identities-title" },
          h("h2", { id: "user-identities-title" }, "Identities"),
          identities,
        ),
      ),
      h(
        "section",
        { className: "panel", "aria-labelledby": "user-sessions-title" },
        h("h2", { id: "user-sessions-title" }, "Sessions"),
        sessions,
      ),
      h(
        "div",
        { className: "grid two" },
        h(
          "section",
          { className: "panel", "aria-labelledby": "user-attributes-title" },
          h("h2", { id: "user-attributes-title" }, "Attributes"),
          attributeTable("user-master", "Master attributes", u.attributes.master),
          attributeTable("user-app", "App attributes", u.attributes.app),
        ),
        h(
          "section",
          { className: "panel", "aria-labelledby": "user-tags-title" },
          h("h2", { id: "user-tags-title" }, "Tags and custom fields"),
          h("h3", {}, "Tags"),
          u.tags.length
            ? h("ul", { className: "chips", id: "user-tags" }, ...u.tags.map((t) => h("li", {}, badge(t, "info"))))
            : empty("No tags."),
          h("h3", {}, "Custom fields"),
          customKeys.length
            ? h(
                "dl",
                { className: "pairs", id: "user-custom-fields" },
                ...customKeys.flatMap((k) => [
                  h("dt", { className: "mono" }, k),
                  h("dd", { className: "mono" }, valueText(u.customFields[k])),
                ]),
              )
            : empty("No custom fields."),
        ),
      ),
      h(
        "section",
        { className: "panel", "aria-labelledby": "user-log-title" },
        h(
          "div",
          { className: "panel-head" },
          h("h2", { id: "user-log-title" }, "Recent activity"),
          h("a", { href: "#/log" }, "Live log"),
        ),
        log.length
          ? h("ol", { className: "timeline", id: "user-log" }, ...log.map((entry) => logRow(entry, false)))
          : empty("Nothing logged for this user (since the last reset or restart)."),
      ),
    );
  }

  // Something happened to this user: reload (once per burst).
  ctx.log.subscribe((added) => {
    if (!visible || !added.some((e) => e.userId === userId)) return;
    if (reloadTimer !== undefined) win.clearTimeout(reloadTimer);
    reloadTimer = win.setTimeout(() => {
      reloadTimer = undefined;
      void load();
    }, 300);
  });

  return {
    show(route) {
      if (route.page !== "user") return;
      visible = true;
      if (route.userId !== userId || !user) {
        userId = route.userId;
        user = undefined;
        heading.textContent = `User ${userId}`;
        setResult(said, "");
        root.replaceChildren(back(), loading("the user"));
      }
      void load();
    },
    hide() {
      visible = false;
    },
  };
}
