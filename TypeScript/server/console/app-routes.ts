/**
 * The console's apps: list, create (the secret shown once), read, change (name, identity feature, session
 * settings), add a custom field, add tags, rotate the secret (shown once). The rules are the app repository's,
 * the same the `app` CLI applies; every change writes a `console` entry to the live log (never the secret).
 *
 * @example
 * registerAppRoutes(fastify, consoleContext);
 */
import type { FastifyInstance, FastifyReply } from "fastify";
import { z } from "zod";
import {
  type AppAnswer,
  type AppsAnswer,
  type AppWithSecretAnswer,
  ConsoleErrorReason,
  ConsolePath,
} from "../../console/api-types";
import {
  type App,
  type AppChange,
  AppDefinitionError,
  appDefinitionErrors,
  CustomFieldDefinitionSchema,
  tagError,
} from "../apps";
import { consoleAppOf } from "./app-view";
import type { ConsoleContext } from "./context";
import { fieldErrorsOf, sendConsoleError, sendInvalid, sendNotFound } from "./errors";
import { ConsoleRoute } from "./route-patterns";

const NewAppRequestSchema = z.strictObject({
  id: z.string().optional(),
  name: z.string().optional(),
  identityEnabled: z.boolean().optional(),
  sessionLifetimeSeconds: z.number().optional(),
  refreshLeadSeconds: z.number().optional(),
  customFields: z.array(CustomFieldDefinitionSchema).optional(),
  tags: z.array(z.string()).optional(),
});

const AppChangeRequestSchema = z.strictObject({
  name: z.string().optional(),
  identityEnabled: z.boolean().optional(),
  sessionLifetimeSeconds: z.number().optional(),
  refreshLeadSeconds: z.number().optional(),
});

const TagsRequestSchema = z.strictObject({ tags: z.array(z.string()).min(1) });

const AppParams = z.object({ appId: z.string() });

/** What a change did, in words, one line per field that changed. */
function changeWords(before: App, after: App): string[] {
  const words: string[] = [];
  if (before.name !== after.name) words.push(`renamed to "${after.name}"`);
  if (before.identityEnabled !== after.identityEnabled) {
    words.push(`identity feature turned ${after.identityEnabled ? "on" : "off"}`);
  }
  if (before.sessionLifetimeSeconds !== after.sessionLifetimeSeconds) {
    words.push(`session lifetime ${after.sessionLifetimeSeconds} s (was ${before.sessionLifetimeSeconds} s)`);
  }
  if (before.refreshLeadSeconds !== after.refreshLeadSeconds) {
    words.push(`refresh lead ${after.refreshLeadSeconds} s (was ${before.refreshLeadSeconds} s)`);
  }
  return words;
}

export function registerAppRoutes(fastify: FastifyInstance, console: ConsoleContext): void {
  const { apps, liveLog } = console.service;
  const view = (app: App) => consoleAppOf(app, apps.userCounts());
  const said = (appId: string, words: string) =>
    liveLog.add({ kind: "console", appId, summary: `app ${appId}: ${words}` });
  /** The app of the path, or 404 sent. */
  const appOf = (params: unknown, reply: FastifyReply): App | undefined => {
    const { appId } = AppParams.parse(params);
    const app = apps.find(appId);
    if (!app) sendNotFound(reply, `app ${appId}`);
    return app;
  };
  /** Runs a repository change, turning its refusals into console errors. */
  const refusing = (reply: FastifyReply, work: () => FastifyReply): FastifyReply => {
    try {
      return work();
    } catch (error) {
      if (!(error instanceof AppDefinitionError)) throw error;
      if (error.code === "duplicateApp") {
        return sendConsoleError(reply, 409, { reason: ConsoleErrorReason.duplicateApp, detail: error.message });
      }
      if (error.code === "unknownApp") return sendNotFound(reply, "such app");
      return sendInvalid(reply, Object.keys(error.fields).length > 0 ? error.fields : { body: error.message });
    }
  };

  fastify.get(ConsolePath.apps, async (_request, reply) => {
    const counts = apps.userCounts();
    const answer: AppsAnswer = { apps: apps.list().map((app) => consoleAppOf(app, counts)) };
    return reply.send(answer);
  });

  fastify.post(ConsolePath.apps, async (request, reply) => {
    const parsed = NewAppRequestSchema.safeParse(request.body ?? {});
    if (!parsed.success) return sendInvalid(reply, fieldErrorsOf(parsed.error));
    const errors = appDefinitionErrors(parsed.data);
    if (Object.keys(errors).length > 0) return sendInvalid(reply, errors);
    return refusing(reply, () => {
      const { app, secret } = apps.create(parsed.data);
      said(app.id, `created (identity ${app.identityEnabled ? "on" : "off"})`);
      const answer: AppWithSecretAnswer = { app: view(app), secret };
      return reply.code(201).header("cache-control", "no-store").send(answer);
    });
  });

  fastify.get(ConsoleRoute.app, async (request, reply) => {
    const app = appOf(request.params, reply);
    if (!app) return reply;
    const answer: AppAnswer = { app: view(app) };
    return reply.send(answer);
  });

  fastify.patch(ConsoleRoute.app, async (request, reply) => {
    const before = appOf(request.params, reply);
    if (!before) return reply;
    const parsed = AppChangeRequestSchema.safeParse(request.body ?? {});
    if (!parsed.success) return sendInvalid(reply, fieldErrorsOf(parsed.error));
    const change: AppChange = parsed.data;
    const errors = appDefinitionErrors(change);
    if (Object.keys(errors).length > 0) return sendInvalid(reply, errors);
    return refusing(reply, () => {
      const after = apps.update(before.id, change);
      for (const words of changeWords(before, after)) said(after.id, words);
      const answer: AppAnswer = { app: view(after) };
      return reply.send(answer);
    });
  });

  fastify.post(ConsoleRoute.appCustomFields, async (request, reply) => {
    const app = appOf(request.params, reply);
    if (!app) return reply;
    const parsed = CustomFieldDefinitionSchema.safeParse(request.body ?? {});
    if (!parsed.success) return sendInvalid(reply, fieldErrorsOf(parsed.error));
    return refusing(reply, () => {
      const field = parsed.data;
      const replaced = app.customFields.some((f) => f.name === field.name);
      apps.defineCustomField(app.id, field);
      said(app.id, `custom field ${field.name} (${field.type}) ${replaced ? "redefined" : "added"}`);
      const answer: AppAnswer = { app: view(apps.get(app.id)) };
      return reply.send(answer);
    });
  });

  fastify.post(ConsoleRoute.appTags, async (request, reply) => {
    const app = appOf(request.params, reply);
    if (!app) return reply;
    const parsed = TagsRequestSchema.safeParse(request.body ?? {});
    if (!parsed.success) return sendInvalid(reply, fieldErrorsOf(parsed.error));
    const errors: Record<string, string> = {};
    parsed.data.tags.forEach((tag, i) => {
      const problem = tagError(tag);
      if (problem) errors[`tags[${i}]`] = problem;
    });
    if (Object.keys(errors).length > 0) return sendInvalid(reply, errors);
    return refusing(reply, () => {
      for (const tag of parsed.data.tags) apps.defineTag(app.id, tag);
      said(app.id, `tags ${parsed.data.tags.join(", ")} defined`);
      const answer: AppAnswer = { app: view(apps.get(app.id)) };
      return reply.send(answer);
    });
  });

  fastify.post(ConsoleRoute.appRotateSecret, async (request, reply) => {
    const app = appOf(request.params, reply);
    if (!app) return reply;
    const secret = apps.rotateSecret(app.id);
    said(app.id, "secret rotated (tokens signed with the old one no longer verify)");
    const answer: AppWithSecretAnswer = { app: view(apps.get(app.id)), secret };
    return reply.header("cache-control", "no-store").send(answer);
  });
}
