/**
 * An app as the console shows it: everything but the secret, with how many users it has.
 *
 * @example
 * consoleAppOf(apps.get("demo"), apps.userCounts());
 */
import type { ConsoleApp } from "../../console/api-types";
import type { App } from "../apps";

/** The console's view of an app (never the secret). */
export function consoleAppOf(app: App, userCounts: ReadonlyMap<string, number>): ConsoleApp {
  return {
    id: app.id,
    name: app.name,
    identityEnabled: app.identityEnabled,
    sessionLifetimeSeconds: app.sessionLifetimeSeconds,
    refreshLeadSeconds: app.refreshLeadSeconds,
    createdAt: app.createdAt,
    secretRotatedAt: app.secretRotatedAt,
    customFields: app.customFields.map((f) =>
      f.options === undefined ? { name: f.name, type: f.type } : { name: f.name, type: f.type, options: f.options },
    ),
    tags: app.tags,
    userCount: userCounts.get(app.id) ?? 0,
  };
}
