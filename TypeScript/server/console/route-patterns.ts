/**
 * The console API's routes as Fastify patterns: `ConsolePath`'s helpers encode their arguments (`:` too), so
 * the parametric routes are spelled here once, from the same bases. test/server/console-paths.test.ts checks
 * that every `ConsolePath` helper's output lands on its pattern.
 *
 * @example
 * fastify.get(ConsoleRoute.app, handler); // "/console/api/apps/:appId"
 */
import { ConsolePath } from "../../console/api-types";

const app = `${ConsolePath.apps}/:appId`;
const user = `${ConsolePath.users}/:userId`;

export const ConsoleRoute = {
  app,
  appCustomFields: `${app}/custom-fields`,
  appTags: `${app}/tags`,
  appRotateSecret: `${app}/rotate-secret`,
  user,
  sessionRevoke: `${user}/sessions/:sessionId/revoke`,
  sessionExpire: `${user}/sessions/:sessionId/expire`,
  userExpireSessions: `${user}/expire-sessions`,
} as const;
