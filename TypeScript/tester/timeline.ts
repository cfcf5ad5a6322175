/**
 * The event log as a timeline: each entry of `TesterState.events` as an item with its kind (a client event, a
 * change of the identity state, the token provider, the network bend), a tone for its badge, a title and its
 * detail. Pure: the page renders it; the words match `eventText`.
 *
 * @example
 * for (const item of state.events.map(timelineItem)) render(item.time, item.tone, item.title, item.detail);
 */
import { HelpshiftEvent } from "../contract";
import type { EventEntry } from "./view-model";

export type TimelineKind = "event" | "state" | "token" | "network";
export type TimelineTone = "ok" | "bad" | "warn" | "info";

export interface TimelineItem {
  readonly atMs: number;
  /** `HH:MM:SS` (UTC), as the log shows it. */
  readonly time: string;
  readonly kind: TimelineKind;
  readonly tone: TimelineTone;
  /** The event's name (`masterAttributesSyncFailed`), or the tester's own line's kind (`identityState`). */
  readonly title: string;
  /** The words of a tester line, or the event's data as JSON; empty when it has none. */
  readonly detail: string;
}

/** Events that say something went wrong. */
const BAD: ReadonlySet<string> = new Set([
  HelpshiftEvent.userSessionExpired,
  HelpshiftEvent.userIdentityNotEnabled,
  HelpshiftEvent.identityTokenInvalid,
  HelpshiftEvent.iatIsMandatory,
  HelpshiftEvent.identitiesSizeLimitExceeded,
  HelpshiftEvent.identitiesDataInvalid,
  HelpshiftEvent.identityDataSyncFailed,
  HelpshiftEvent.masterAttributesValidationFailed,
  HelpshiftEvent.appAttributesValidationFailed,
  HelpshiftEvent.masterAttributesSyncFailed,
  HelpshiftEvent.appAttributesSyncFailed,
  HelpshiftEvent.masterAttributesLimitExceeded,
  HelpshiftEvent.appAttributesLimitExceeded,
]);

const KIND: Readonly<Record<string, TimelineKind>> = {
  identityState: "state",
  identityTokenProvider: "token",
  network: "network",
};

/** One entry of the log as a timeline item. */
export function timelineItem(entry: EventEntry): TimelineItem {
  const time = new Date(entry.atMs).toISOString().slice(11, 19);
  const kind = KIND[entry.event] ?? "event";
  let tone: TimelineTone;
  if (kind === "event") tone = BAD.has(entry.event) ? "bad" : "warn";
  else if (kind === "network") tone = entry.data.what === "delayed" ? "warn" : "bad";
  else if (kind === "token") tone = entry.data.ok === "false" ? "bad" : "info";
  else tone = entry.data.state === "expired" ? "bad" : entry.data.state === "refreshing" ? "warn" : "info";
  const detail =
    entry.note !== undefined ? entry.note : Object.keys(entry.data).length > 0 ? JSON.stringify(entry.data) : "";
  return { atMs: entry.atMs, time, kind, tone, title: entry.event, detail };
}
