/**
 * Users: search by any identity value (or a user id, or an anonymous id), filter by app, page through the
 * results; and "Reset all data" behind a dialog where the person types `reset`.
 */
import { ConsolePath, type ResetAnswer, type UsersAnswer } from "../../api-types";
import { errorText } from "../api";
import { $, badge, field, h, select, win } from "../dom";
import { formatTime } from "../format";
import { type Ctx, empty, failure, loading, type Page, resultLine, setResult, withButton } from "../ui";

export const PAGE_SIZE = 25;

export function createUsersPage(ctx: Ctx): Page {
  const root = $("users-root");
  const search = h("input", { type: "search", autocomplete: "off", spellcheck: "false", id: "users-search" });
  const appFilter = select([["", "All apps"]], { id: "users-app" });
  const results = h("div", { id: "users-results", "aria-live": "polite", "aria-busy": "false" });
  const pager = h("div", { className: "pager" });
  const resetSaid = resultLine("reset-said");
  /** `before` cursors of the pages seen: [undefined, cursor of page 2, ...]. */
  let cursors: (string | undefined)[] = [undefined];
  let pageIndex = 0;
  let timer: number | undefined;
  let generation = 0;

  async function loadApps(): Promise<void> {
    try {
      const apps = await ctx.apps();
      const current = appFilter.value;
      appFilter.replaceChildren(
        h("option", { value: "" }, "All apps"),
        ...apps.map((app) => h("option", { value: app.id }, app.id)),
      );
      appFilter.value = apps.some((a) => a.id === current) ? current : "";
    } catch {}
  }

  async function load(): Promise<void> {
    const mine = ++generation;
    const query = new URLSearchParams();
    if (search.value.trim()) query.set("q", search.value.trim());
    if (appFilter.value) query.set("app", appFilter.value);
    query.set("limit", String(PAGE_SIZE));
    const before = cursors[pageIndex];
    if (before) query.set("before", before);
    results.setAttribute("aria-busy", "true");
    if (!results.firstElementChild) results.replaceChildren(loading("users"));
    try {
      const answer = await ctx.api.get<UsersAnswer>(`${ConsolePath.users}?${query.toString()}`);
      if (mine !== generation) return;
      cursors = cursors.slice(0, pageIndex + 1);
      if (answer.next) cursors.push(answer.next);
      render(answer);
    } catch (error) {
      if (mine === generation) results.replaceChildren(failure("load the users", errorText(error)));
    } finally {
      if (mine === generation) results.setAttribute("aria-busy", "false");
    }
  }

  function render(answer: UsersAnswer): void {
    const filtered = search.value.trim() !== "" || appFilter.value !== "";
    if (!answer.users.length) {
      results.replaceChildren(
        filtered
          ? empty("No user matches.", "Search matches any identity value, a user id or an anonymous id.")
          : empty("No users yet.", "Log in from the Tester page (or a game) and the user shows here."),
      );
    } else {
      const table = h(
        "table",
        { className: "data", id: "users-table" },
        h("caption", {}, `Page ${pageIndex + 1}: ${answer.users.length} user${answer.users.length === 1 ? "" : "s"}`),
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            ...["User", "App", "Identities", "Last login", "Open sessions"].map((t) => h("th", { scope: "col" }, t)),
          ),
        ),
        h(
          "tbody",
          {},
          ...answer.users.map((user) =>
            h(
              "tr",
              { "data-user": user.id },
              h(
                "td",
                {},
                h("a", { className: "mono", href: `#/users/${encodeURIComponent(user.id)}` }, user.id),
                user.anonymous ? h("span", {}, " ", badge("anonymous")) : null,
              ),
              h("td", { className: "mono" }, user.appId),
              h(
                "td",
                {},
                user.identities.length
                  ? h(
                      "ul",
                      { className: "plain" },
                      ...user.identities.map((i) =>
                        h(
                          "li",
                          {},
                          h("span", { className: "muted" }, `${i.identifier}: `),
                          h("span", { className: "mono" }, i.value),
                        ),
                      ),
                    )
                  : h("span", { className: "muted" }, "none"),
              ),
              h("td", { className: "nowrap" }, formatTime(user.lastLoginAt)),
              h("td", {}, user.openSessions > 0 ? badge(String(user.openSessions), "ok") : badge("0")),
            ),
          ),
        ),
      );
      results.replaceChildren(h("div", { className: "table-wrap" }, table));
    }
    const previous = h("button", { type: "button", disabled: pageIndex === 0 }, "Previous page");
    const next = h("button", { type: "button", disabled: cursors[pageIndex + 1] === undefined }, "Next page");
    previous.addEventListener("click", () => {
      pageIndex = Math.max(0, pageIndex - 1);
      void load();
    });
    next.addEventListener("click", () => {
      pageIndex++;
      void load();
    });
    pager.replaceChildren(previous, next);
  }

  const restart = () => {
    cursors = [undefined];
    pageIndex = 0;
    void load();
  };
  search.addEventListener("input", () => {
    if (timer !== undefined) win.clearTimeout(timer);
    timer = win.setTimeout(restart, 250);
  });
  search.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault();
      if (timer !== undefined) win.clearTimeout(timer);
      restart();
    }
  });
  appFilter.addEventListener("change", restart);

  const resetButton = h(
    "button",
    { type: "button", className: "danger", "data-action": "reset-all" },
    "Reset all data",
  );
  resetButton.addEventListener("click", async () => {
    const sure = await ctx.confirm({
      title: "Reset all data?",
      body: "Every user, identity, session, attribute and the live log are removed. Apps and their secrets stay.",
      confirmLabel: "Reset all data",
      typed: "reset",
    });
    if (!sure) return;
    await withButton(resetButton, async () => {
      try {
        const answer = await ctx.api.send<ResetAnswer>("POST", ConsolePath.reset, { confirm: "reset" });
        const text = `Reset: ${answer.removed.users} user(s) and ${answer.removed.sessions} session(s) removed; apps kept.`;
        setResult(resetSaid, text, "ok");
        ctx.announce(text);
        ctx.log.clear();
        restart();
      } catch (error) {
        setResult(resetSaid, `Not reset: ${errorText(error)}`, "bad");
      }
    });
  });

  root.append(
    h(
      "section",
      { className: "panel", "aria-labelledby": "users-list-title" },
      h("h2", { id: "users-list-title", className: "sr-only" }, "Find users"),
      h(
        "div",
        { className: "row", role: "search" },
        field("Search", search, "Any identity value, user id or anonymous id"),
        field("App", appFilter),
      ),
      results,
      pager,
    ),
    h(
      "section",
      { className: "panel", "aria-labelledby": "danger-title" },
      h("h2", { id: "danger-title" }, "Danger zone"),
      h("p", { className: "muted" }, "Start over: removes every user and session, keeps the apps."),
      resetButton,
      resetSaid,
    ),
  );

  return {
    show(route) {
      void loadApps().then(() => {
        if (route.page === "users" && route.appId !== undefined && appFilter.value !== route.appId) {
          appFilter.value = route.appId;
        }
        restart();
      });
    },
  };
}
