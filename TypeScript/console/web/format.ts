/**
 * The console page's pure helpers: durations, times, clock offsets, routes, the live log's filter and the words
 * of a log entry. No DOM here, so they run in Node tests (`test/console/format.test.ts`).
 *
 * @example
 * formatDuration(90_061_000) // "1 d 1 h"
 * formatOffset(-300_000)     // "5 min behind"
 */
import type { LogEntry, LogKind, SessionStateName } from "../api-types";

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A duration in at most two units, rounded down: "0 s", "45 s", "5 min", "5 min 30 s", "1 h 5 min", "7 d",
 * "2 d 3 h". Negative durations get a leading "−".
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return "–";
  if (ms < 0) return `−${formatDuration(-ms)}`;
  const units: [number, string][] = [
    [DAY, "d"],
    [HOUR, "h"],
    [MINUTE, "min"],
    [SECOND, "s"],
  ];
  const rest = Math.floor(ms / SECOND) * SECOND;
  for (let i = 0; i < units.length; i++) {
    const [size, name] = units[i] as [number, string];
    const count = Math.floor(rest / size);
    if (count === 0) continue;
    const next = units[i + 1];
    const second = next ? Math.floor((rest - count * size) / next[0]) : 0;
    return next && second > 0 ? `${count} ${name} ${second} ${next[1]}` : `${count} ${name}`;
  }
  return "0 s";
}

/** Seconds as a duration ("604800" → "7 d"). */
export function formatSeconds(seconds: number): string {
  return formatDuration(seconds * SECOND);
}

/** The service clock's offset in words: "in step", "5 min ahead", "1 h behind". */
export function formatOffset(ms: number): string {
  if (Math.abs(ms) < SECOND) return "in step";
  return `${formatDuration(Math.abs(ms))} ${ms > 0 ? "ahead" : "behind"}`;
}

/** A signed offset for buttons and lists: "+5 min", "−1 h", "0". */
export function formatSignedOffset(ms: number): string {
  if (ms === 0) return "0";
  return `${ms > 0 ? "+" : "−"}${formatDuration(Math.abs(ms))}`;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** Epoch ms as local `YYYY-MM-DD HH:MM:SS` (the page shows where it runs). */
export function formatTime(ms: number): string {
  if (!Number.isFinite(ms) || ms <= 0) return "–";
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** Epoch ms as local `HH:MM:SS` (the live log's rows). */
export function formatClock(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** "in 5 min" / "5 min ago" / "now", from `at` seen at `now`. */
export function formatRelative(at: number, now: number): string {
  const delta = at - now;
  if (Math.abs(delta) < SECOND) return "now";
  return delta > 0 ? `in ${formatDuration(delta)}` : `${formatDuration(-delta)} ago`;
}

/** The console's pages, as hash routes: `#/apps`, `#/users`, `#/users/<id>`, `#/log`, `#/tester`, `#/bend`. */
export type Route =
  | { readonly page: "apps" }
  | { readonly page: "users"; readonly appId?: string }
  | { readonly page: "user"; readonly userId: string }
  | { readonly page: "log" }
  | { readonly page: "tester" }
  | { readonly page: "bend" };
export type PageName = "apps" | "users" | "log" | "tester" | "bend";

/** Reads a location hash (`#/users?app=demo` filters the users by app); anything unknown is the Apps page. */
export function parseRoute(hash: string): Route {
  const [rawPath = "", query = ""] = hash.replace(/^#/, "").split("?");
  const path = rawPath.replace(/^\/+/, "").replace(/\/+$/, "");
  const [first, ...rest] = path.split("/");
  switch (first) {
    case "users":
      if (rest.length > 0 && rest[0]) {
        let userId = rest.join("/");
        try {
          userId = decodeURIComponent(userId);
        } catch {}
        return { page: "user", userId };
      }
      {
        const appId = new URLSearchParams(query).get("app");
        return appId ? { page: "users", appId } : { page: "users" };
      }
    case "log":
    case "tester":
    case "bend":
      return { page: first };
    default:
      return { page: "apps" };
  }
}

/** The hash of a route (the inverse of {@link parseRoute}). */
export function routeHash(route: Route): string {
  if (route.page === "user") return `#/users/${encodeURIComponent(route.userId)}`;
  if (route.page === "users" && route.appId) return `#/users?app=${encodeURIComponent(route.appId)}`;
  return `#/${route.page}`;
}

/** The nav entry a route belongs to (a user's page is under Users). */
export function navOf(route: Route): PageName {
  return route.page === "user" ? "users" : route.page;
}

/** The live log's filter: a user id (or part of one) and a kind; empty means any. */
export interface LogFilter {
  readonly user: string;
  readonly kind: LogKind | "";
}

/** Whether an entry passes the filter (the user matches a part of the id, case-insensitively). */
export function logMatches(entry: LogEntry, filter: LogFilter): boolean {
  if (filter.kind && entry.kind !== filter.kind) return false;
  const user = filter.user.trim().toLowerCase();
  if (user && !(entry.userId ?? "").toLowerCase().includes(user)) return false;
  return true;
}

/** The tone of a log entry's kind badge. */
export function kindTone(kind: LogKind): "ok" | "bad" | "warn" | "info" | undefined {
  switch (kind) {
    case "login":
      return "ok";
    case "loginFailed":
    case "sessionRefused":
      return "bad";
    case "bend":
      return "warn";
    case "console":
      return undefined;
    default:
      return "info";
  }
}

/** Refused keys of an attributes entry and refused identities, each as `scope.key: reason`. */
export function refusedLines(entry: LogEntry): string[] {
  const lines: string[] = [];
  for (const scope of ["master", "app"] as const) {
    for (const [key, reason] of Object.entries(entry.refused?.[scope] ?? {})) lines.push(`${scope}.${key}: ${reason}`);
  }
  for (const [identifier, outcome] of Object.entries(entry.outcomes ?? {})) {
    if (outcome !== "added") lines.push(`${identifier}: ${outcome}`);
  }
  return lines;
}

/** The tone of a session's state badge. */
export function sessionTone(state: SessionStateName): "ok" | "warn" | "bad" {
  return state === "open" ? "ok" : state === "expired" ? "warn" : "bad";
}

/** The fraction (0–1) of a session's life that is left at `now`. */
export function lifeLeft(createdAt: number, expiresAt: number, now: number): number {
  const span = expiresAt - createdAt;
  if (span <= 0) return 0;
  return Math.min(1, Math.max(0, (expiresAt - now) / span));
}

/** A value stored for an attribute, as one line: strings as they are, the rest as JSON. */
export function valueText(value: unknown): string {
  if (typeof value === "string") return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Parses `a, b  c` into `["a", "b", "c"]` (tags, dropdown options). */
export function splitList(text: string): string[] {
  return text
    .split(/[\s,|]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A custom offset from a number and a unit ("min", "h", "d"); NaN when the number is not one. */
export function offsetFrom(amount: string, unit: "s" | "min" | "h" | "d"): number {
  const n = Number(amount.trim());
  if (!amount.trim() || !Number.isFinite(n)) return Number.NaN;
  const size = unit === "s" ? SECOND : unit === "min" ? MINUTE : unit === "h" ? HOUR : DAY;
  return Math.round(n * size);
}
