/**
 * The whole view state the editor tab displays, as JSON text. Pure: the tester view-model's state in, text
 * out. The dev secret and the identity token never leave TypeScript: the view says whether a secret was
 * entered and how long the token is, and the text passes through the contract's redactor as a last guard
 * (which also hides any JWT-shaped string an error message might carry).
 *
 * @example
 * bridge.PublishState(renderViewState(vm.getState(), { serviceUrl, redactor }));
 */
import type { Redactor } from "../../contract";
import type { ClientState } from "../../core/api";
import type { ActionResult, EventEntry, TesterState } from "../../tester/view-model";

/** What the tab shows. Nothing here can hold the secret or the token. */
export interface EditorViewState {
  readonly serviceUrl: string;
  readonly appId: string;
  /** True once a dev secret was typed (its text is never sent out). */
  readonly secretEntered: boolean;
  /** The minted or pasted identity token: only whether there is one and its length. */
  readonly token: { readonly present: boolean; readonly length: number };
  readonly busy?: string;
  readonly lastResult?: ActionResult;
  readonly formError?: string;
  readonly inspection?: TesterState["inspection"];
  readonly client?: ClientState;
  /** A problem with the command itself (not with the login), e.g. a payload the tester refused. */
  readonly notice?: string;
  /** Newest first. */
  readonly events: readonly EventEntry[];
}

export interface RenderOptions {
  readonly serviceUrl: string;
  /** Knows the dev secret and the token; applied to every string before it leaves. */
  readonly redactor: Redactor;
  readonly notice?: string;
}

/**
 * The view state for `state`.
 *
 * @example
 * viewStateOf(vm.getState(), "http://127.0.0.1:8787").token // { present: true, length: 171 }
 */
export function viewStateOf(state: TesterState, serviceUrl: string, notice?: string): EditorViewState {
  const token = state.form.token.trim();
  return {
    serviceUrl,
    appId: state.form.appId,
    secretEntered: state.form.secret !== "",
    token: { present: token !== "", length: token.length },
    ...(state.busy ? { busy: state.busy } : {}),
    ...(state.lastResult ? { lastResult: state.lastResult } : {}),
    ...(state.formError ? { formError: state.formError } : {}),
    ...(state.inspection ? { inspection: state.inspection } : {}),
    ...(state.client ? { client: state.client } : {}),
    ...(notice ? { notice } : {}),
    events: state.events,
  };
}

/**
 * The JSON text C++ displays as it is (indented for people), every string redacted.
 *
 * @example
 * renderViewState(state, { serviceUrl, redactor: makeRedactor([secret]) }) // '{\n  "serviceUrl": ...'
 */
export function renderViewState(state: TesterState, options: RenderOptions): string {
  const view = viewStateOf(state, options.serviceUrl, options.notice);
  // Values first (the raw secret, before JSON escapes it), then the text (object keys too, e.g. event data).
  return options.redactor.text(JSON.stringify(options.redactor.value(view), null, 2));
}
