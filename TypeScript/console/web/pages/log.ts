/**
 * Live log: what the service did, newest first, pushed as it happens (log-store.ts). Filter by user and kind,
 * pause (new entries wait, counted on the Resume button) and clear the view.
 *
 * No layout jump while it streams: the rows live in a fixed-height scroller (`.log-view`), a row's height never
 * changes once drawn, and a new row goes in at the top. When the reader has scrolled down, the scroller's offset
 * grows by the inserted height in the same frame, so the rows being read stay exactly where they were (the
 * browser's own scroll anchoring is off for it: `overflow-anchor: none`, so the two never add up). At the top,
 * new rows simply appear.
 */
import type { LogEntry, LogKind } from "../../api-types";
import { LOG_KINDS } from "../../api-types";
import { $, type El, field, h, select } from "../dom";
import { formatClock, formatTime, kindTone, type LogFilter, logMatches, refusedLines } from "../format";
import type { StreamState } from "../log-store";
import type { Ctx, Page } from "../ui";

/** Rows drawn at most (older ones drop off the bottom, which moves nothing above them). */
export const MAX_ROWS = 500;

/** One log row: time, kind badge, app, user (a link), summary, and the refused keys with their reasons. */
export function logRow(entry: LogEntry, fresh: boolean): El {
  const refused = refusedLines(entry);
  const line = h(
    "div",
    { className: "line" },
    entry.appId ? h("span", { className: "mono muted" }, entry.appId) : null,
    entry.userId
      ? h("a", { className: "mono", href: `#/users/${encodeURIComponent(entry.userId)}` }, entry.userId)
      : null,
    h("span", { className: "summary" }, entry.summary),
    entry.reason && !entry.summary.includes(entry.reason)
      ? h("span", { className: "mono bad" }, `${entry.reason}${entry.detail ? ` (${entry.detail})` : ""}`)
      : null,
  );
  const tone = kindTone(entry.kind);
  return h(
    "li",
    { className: fresh ? "log-row new" : "log-row", "data-seq": String(entry.seq), "data-kind": entry.kind },
    h("time", { datetime: new Date(entry.at).toISOString(), title: formatTime(entry.at) }, formatClock(entry.at)),
    h("span", {}, h("span", { className: tone ? `badge ${tone}` : "badge" }, entry.kind)),
    line,
    refused.length
      ? h("div", { className: "refused", "data-role": "refused" }, `refused: ${refused.join("; ")}`)
      : null,
  );
}

export function createLogPage(ctx: Ctx): Page {
  const root = $("log-root");
  const userFilter = h("input", { type: "search", autocomplete: "off", spellcheck: "false", id: "log-user" });
  const kindFilter = select([["", "Any kind"], ...LOG_KINDS.map((k) => [k, k] as const)], { id: "log-kind" });
  const pause = h("button", { type: "button", "aria-pressed": "false", id: "log-pause" }, "Pause");
  const clear = h("button", { type: "button", className: "quiet", id: "log-clear" }, "Clear view");
  const stateBadge = h("span", { className: "badge", id: "log-state" }, "connecting");
  const counter = h("span", { className: "muted", id: "log-count", "aria-live": "off" });
  const list = h("ol", { className: "timeline", id: "log-list", "aria-label": "Log entries, newest first" });
  const emptyNote = h(
    "p",
    { className: "empty", id: "log-empty" },
    "Nothing logged yet. Log in from the Tester page and watch it arrive.",
  );
  const view = h(
    "div",
    { className: "log-view", id: "log-view", tabindex: "0", role: "region", "aria-label": "Live log entries" },
    emptyNote,
    list,
  );
  let paused = false;
  let waiting: LogEntry[] = [];
  let shown = 0;

  const filter = (): LogFilter => ({ user: userFilter.value, kind: kindFilter.value as LogKind | "" });

  function setState(state: StreamState): void {
    stateBadge.textContent = state === "live" ? "live" : state;
    stateBadge.className = `badge ${state === "live" ? "ok" : "warn"}`;
  }

  function updateCount(): void {
    const total = ctx.log.entries().length;
    counter.textContent = `${shown} shown${total !== shown ? ` of ${total}` : ""}`;
    emptyNote.hidden = shown > 0;
    emptyNote.textContent =
      total > 0
        ? "No entry matches the filter."
        : "Nothing logged yet. Log in from the Tester page and watch it arrive.";
    pause.textContent = paused ? `Resume${waiting.length ? ` (${waiting.length} new)` : ""}` : "Pause";
  }

  /** Draws every entry that passes the filter (after a filter change, resume or clear). */
  function redraw(): void {
    const f = filter();
    const rows = ctx.log
      .entries()
      .filter((e) => logMatches(e, f))
      .slice(0, MAX_ROWS)
      .map((e) => logRow(e, false));
    list.replaceChildren(...rows);
    shown = rows.length;
    updateCount();
  }

  /** New entries at the top, keeping what the reader looks at in place. */
  function insert(entries: readonly LogEntry[]): void {
    const f = filter();
    const fresh = entries.filter((e) => logMatches(e, f));
    if (!fresh.length) return;
    const before = view.scrollHeight;
    const top = view.scrollTop;
    for (const entry of fresh) {
      // Entries arrive oldest first; one older than the top row (a backfill) goes in its place by seq.
      const row = logRow(entry, true);
      let after: El | null = list.firstElementChild;
      while (after && Number(after.dataset.seq) > entry.seq) after = after.nextElementSibling;
      if (after) after.before(row);
      else list.append(row);
      shown++;
    }
    while (list.childElementCount > MAX_ROWS) {
      list.lastElementChild?.remove();
      shown--;
    }
    if (top > 0) view.scrollTop = top + (view.scrollHeight - before);
    updateCount();
  }

  ctx.log.subscribe((added, state) => {
    setState(state);
    if (!added.length) return;
    if (paused) {
      waiting.push(...added);
      updateCount();
      return;
    }
    insert(added);
  });

  userFilter.addEventListener("input", redraw);
  kindFilter.addEventListener("change", redraw);
  pause.addEventListener("click", () => {
    paused = !paused;
    pause.setAttribute("aria-pressed", String(paused));
    if (!paused) {
      waiting = [];
      redraw();
    }
    updateCount();
    ctx.announce(paused ? "Live log paused: new entries wait." : "Live log resumed.");
  });
  clear.addEventListener("click", () => {
    ctx.log.clear();
    waiting = [];
    redraw();
    ctx.announce("Log view cleared (the service keeps its log).");
  });

  root.append(
    h(
      "section",
      { className: "panel", "aria-labelledby": "log-controls-title" },
      h("h2", { id: "log-controls-title", className: "sr-only" }, "Filter and controls"),
      h(
        "div",
        { className: "row" },
        field("User id (or a part)", userFilter),
        field("Kind", kindFilter),
        h("div", { className: "actions" }, pause, clear),
      ),
      h("p", { className: "actions" }, stateBadge, counter),
      view,
    ),
  );
  setState(ctx.log.state());
  redraw();

  return {
    show() {
      if (!paused) redraw();
    },
  };
}
