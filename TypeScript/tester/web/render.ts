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

/** The client panel: status, user, anonymity, expiry. */
export function clientText(state: TesterState): string {
  const c = state.client;
  if (!c) return "Client: not created yet (the first action creates it).";
  const parts = [`Client: ${c.status}`];
  if (c.userId) parts.push(`user ${c.userId}${c.anonymous ? " (anonymous)" : ""}`);
  if (c.expiresAt) parts.push(`session until ${new Date(c.expiresAt).toISOString()}`);
  if (c.expired) parts.push("session expired");
  return parts.join(CLIENT_SEPARATOR);
}

/** One line of the event log. */
export function eventText(entry: EventEntry): string {
  const data = Object.keys(entry.data).length > 0 ? ` ${JSON.stringify(entry.data)}` : "";
  return `${new Date(entry.atMs).toISOString().slice(11, 19)} ${entry.event}${data}`;
}
