import {
  type AttributeMap,
  type AttributeRules,
  HelpshiftEvent,
  validateAppAttributes,
  validateMasterAttributes,
} from "../contract";
import type { EventHub } from "./events";
import type { CoreLog } from "./log";
import type { AttributeKindName } from "./outbox-model";
import type { QueueResult } from "./outbox-store";

const EVENTS = {
  master: {
    validation: HelpshiftEvent.masterAttributesValidationFailed,
    limit: HelpshiftEvent.masterAttributesLimitExceeded,
  },
  app: { validation: HelpshiftEvent.appAttributesValidationFailed, limit: HelpshiftEvent.appAttributesLimitExceeded },
} as const;

/**
 * `UpdateMasterAttributes` / `UpdateAppAttributes` for a logged-in, identified user: validate with the contract,
 * report problems as `*AttributesValidationFailed`, queue the accepted entries, and report
 * `*AttributesLimitExceeded` when the outbox refuses them.
 *
 * @example
 * updateAttributes("master", { first_name: "Ana" }, rules, (kind, accepted) => session.queue(kind, accepted), events, log);
 */
export function updateAttributes(
  kind: AttributeKindName,
  attributes: AttributeMap,
  rules: AttributeRules,
  queue: (kind: AttributeKindName, accepted: AttributeMap) => QueueResult,
  events: EventHub,
  log: CoreLog,
): void {
  const check =
    kind === "master" ? validateMasterAttributes(attributes, rules) : validateAppAttributes(attributes, rules);
  if (Object.keys(check.errors).length > 0) events.emit(EVENTS[kind].validation, check.errors);
  if (queue(kind, check.accepted) === "limitExceeded") {
    log.warn("attribute update not queued: too many unsynced entries", { kind });
    events.emit(EVENTS[kind].limit);
  }
}
