/**
 * Schema of the tester command the editor tab sends (a trust boundary: text typed in Slate, serialized by
 * C++). zod/mini, because this runs in the Puerts bundle.
 *
 * @example
 * const parsed = TesterActionPayloadSchema.safeParse(JSON.parse(json));
 * if (parsed.success) run(parsed.data.action, parsed.data.form);
 */
import * as z from "zod/mini";
import { EDITOR_TESTER_ACTIONS } from "./commands";

/** The tab's inputs, as typed. Absent fields keep their previous value. */
export const EditorFormSchema = z.object({
  serviceUrl: z.optional(z.string()),
  appId: z.optional(z.string()),
  /** The dev secret: kept in memory by the view-model, never stored, logged or sent back. */
  secret: z.optional(z.string()),
  uid: z.optional(z.string()),
  email: z.optional(z.string()),
  /** Extra identities, one `identifier=value` per line. */
  identity: z.optional(z.string()),
  /** The login config as a JSON object. */
  config: z.optional(z.string()),
  /** The master attribute map as a JSON object. */
  masterAttributes: z.optional(z.string()),
  /** The app attribute map as a JSON object. */
  appAttributes: z.optional(z.string()),
  /**
   * A token from elsewhere (a game's token endpoint, set with the widget's Set Token): becomes the form's token,
   * as if pasted. Sent only when set; the view state never gives it back (presence and length only).
   */
  token: z.optional(z.string()),
});
export type EditorForm = z.infer<typeof EditorFormSchema>;

export const TesterActionPayloadSchema = z.object({
  action: z.enum(EDITOR_TESTER_ACTIONS),
  form: z.optional(EditorFormSchema),
});
export type TesterActionPayload = z.infer<typeof TesterActionPayloadSchema>;
