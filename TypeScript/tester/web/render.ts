/**
 * Turns tester state into the texts the page shows. Pure, so the words are tested without a browser.
 *
 * @example
 * element.textContent = inspectionText(state);
 */
import {
  describeFailure,
  type ErrorValue,
  type LoginFailureReason,
  LoginFailureReason as Reasons,
} from "../../contract";
import { sessionLeftWords, skewWords, stateName, stateWords } from "../identity-view";
import type { NetworkBendState } from "../network-bend";
import type { EventEntry, TesterState } from "../view-model";

const reasons: ReadonlySet<string> = new Set(Object.values(Reasons));

/** The inspection panel: "OK ..." or the failure in words, then identifiers, age and warnings. */
export function inspectionText(state: TesterState): string {
  if (state.formError) return state.formError;
  const report = state.inspection;
  if (!report) return "";
  const lines: string[] = [];
  if (report.ok)
    lines.push(report.anonymous ? "OK: passes the client checks (anonymous user)." : "OK: passes the client checks.");
  else if (report.reason) {
    lines.push(...describeFailure(report.reason, report.errors));
    if (report.detail) lines.push(`Detail: ${report.detail}`);
  }
  if (report.identifiers) lines.push(`Identifiers: ${report.identifiers.join(", ") || "(none)"}`);
  if (report.iatAgeSeconds !== undefined) lines.push(`iat age: ${report.iatAgeSeconds} s`);
  for (const w of report.warnings) lines.push(`Warning (${w.code}): ${w.message}`);
  return lines.join("\n");
}

/** The result panel: what the last action did. */
export function resultText(state: TesterState): string {
  if (state.busy) return `${state.busy}…`;
  const r = state.lastResult;
  if (!r) return "";
  if (r.ok) return `${r.action}: ${r.message}`;
  if (r.reason && reasons.has(r.reason)) {
    const lines = describeFailure(r.reason as LoginFailureReason, r.errors as Record<string, ErrorValue> | undefined);
    return [`${r.action} failed`, ...lines, ...(r.detail ? [`Detail: ${r.detail}`] : [])].join("\n");
  }
  return `${r.action} failed: ${r.message}`;
}

/** Between the parts of the client panel's text. */
export const CLIENT_SEPARATOR = " · ";

/**
 * The client panel at `nowMs`: the identity state in words (logged in identified/anonymous, refreshing and why,
 * expired ...), the user, the session's time left on the client's trusted (skew-corrected) expiry, and its end.
 */
export function clientText(state: TesterState, nowMs: number): string {
  const c = state.client;
  if (!c) return "Client: not created yet (the first action creates it).";
  const parts = [`Client: ${stateWords(c)}`];
  if (c.userId) parts.push(`user ${c.userId}`);
  const left = sessionLeftWords(c, nowMs);
  // Two parts, so that each stays whole on a line in a narrow window.
  if (left) parts.push(left.left, left.until);
  if (c.expired && stateName(c) !== "expired") parts.push("session expired");
  return parts.join(CLIENT_SEPARATOR);
}

/** The clock panel: the service's clock against this device's, from the last answer's `X-Server-Time`. */
export function clockText(state: TesterState): string {
  const reading = state.serviceClock;
  if (!reading) return "Clock: no answer from the service yet (its time arrives with every answer).";
  const at = new Date(reading.atMs).toISOString().slice(11, 19);
  return `Clock: ${skewWords(reading.skewMs)} (measured ${at}); the client decides expiry on the service's time.`;
}

/** One line of the event log; the tester's own lines (state changes, token provider) give their words. */
export function eventText(entry: EventEntry): string {
  const time = new Date(entry.atMs).toISOString().slice(11, 19);
  if (entry.note !== undefined) return `${time} ${entry.note}`;
  const data = Object.keys(entry.data).length > 0 ? ` ${JSON.stringify(entry.data)}` : "";
  return `${time} ${entry.event}${data}`;
}

/** A badge's tone, in the theme's vocabulary. */
export type Tone = "ok" | "bad" | "warn" | "info";

/** The client panel's state badge: the identity state in a word or two, and its tone. */
export function clientBadge(state: TesterState): { text: string; tone: Tone } {
  const c = state.client;
  if (!c) return { text: "no client", tone: "info" };
  switch (stateName(c)) {
    case "loggedIn":
      return { text: c.anonymous ? "logged in · anonymous" : "logged in", tone: "ok" };
    case "refreshing":
      return { text: "refreshing", tone: "warn" };
    case "loggingIn":
      return { text: "logging in", tone: "info" };
    case "expired":
      return { text: "expired", tone: "bad" };
    case "notInitialized":
      return { text: "not initialized", tone: "bad" };
    default:
      return { text: "logged out", tone: "info" };
  }
}

/** The Network panel's state line: what the bend does now, and what it did so far. */
export function networkText(bend: NetworkBendState | undefined): string {
  if (!bend) return "";
  const now: string[] = [];
  if (bend.offline) now.push("offline: every request fails");
  if (bend.failNext > 0) now.push(`next ${bend.failNext} ${bend.failNext === 1 ? "request fails" : "requests fail"}`);
  if (bend.delayNext > 0) now.push(`next ${bend.delayNext} delayed ${bend.delayMs} ms`);
  const sofar = `so far ${bend.failed} failed, ${bend.delayed} delayed`;
  return `${now.length > 0 ? `Bent: ${now.join("; ")}` : "Not bent: requests go out as usual"} (${sofar}).`;
}
