/**
 * The console page's client of the management API (`ConsolePath`, api-types.ts): JSON in and out, the admin
 * token in `x-admin-token` when the service asks for it. On a 401 `adminTokenRequired` it asks the page for the
 * token once (one prompt for every call waiting), keeps it in sessionStorage and tries again.
 *
 * @example
 * const { apps } = await api.get<AppsAnswer>(ConsolePath.apps);
 */
import { ADMIN_TOKEN_HEADER, ConsoleErrorReason } from "../api-types";
import type { PageWindow } from "./dom";

export const TOKEN_KEY = "helpshift-ts-console:admin-token";

/** A refusal or failure of the API, with the service's reason and per-field errors when it gave them. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly reason?: string,
    readonly detail?: string,
    readonly errors?: Readonly<Record<string, string>>,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export interface Api {
  get<T>(path: string): Promise<T>;
  send<T>(method: "POST" | "PUT" | "PATCH" | "DELETE", path: string, body?: unknown): Promise<T>;
  /** The URL of a path on the service. */
  url(path: string): string;
  /** The stored admin token, if any (for the log stream). */
  token(): string | undefined;
}

export interface ApiOptions {
  readonly base: string;
  readonly window: PageWindow;
  /** Asks the person for the admin token; undefined when they cancel. */
  readonly askToken: (wrong: boolean) => Promise<string | undefined>;
}

/** Words for an error answer: "invalidRequest: id: must be … ; name: …". */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    const errors = error.errors ? Object.entries(error.errors).map(([k, v]) => `${k}: ${v}`) : [];
    return [error.message, ...errors].join(" · ");
  }
  return error instanceof Error ? error.message : String(error);
}

export function createApi(options: ApiOptions): Api {
  const { window: w } = options;
  let asking: Promise<string | undefined> | undefined;
  const stored = () => {
    try {
      return w.sessionStorage.getItem(TOKEN_KEY) ?? undefined;
    } catch {
      return undefined;
    }
  };

  async function call<T>(method: string, path: string, body: unknown, attempt: number): Promise<T> {
    const headers: Record<string, string> = { accept: "application/json" };
    const token = stored();
    if (token) headers[ADMIN_TOKEN_HEADER] = token;
    if (body !== undefined) headers["content-type"] = "application/json";
    let response: Awaited<ReturnType<PageWindow["fetch"]>>;
    try {
      response = await w.fetch(options.base + path, {
        method,
        headers,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
    } catch {
      throw new ApiError("The service did not answer (is it running?)", 0);
    }
    const text = await response.text();
    let data: unknown;
    try {
      data = text ? JSON.parse(text) : undefined;
    } catch {
      data = undefined;
    }
    if (response.ok) return data as T;
    const e = (data ?? {}) as { reason?: string; detail?: string; errors?: Record<string, string>; message?: string };
    if (response.status === 401 && e.reason === ConsoleErrorReason.adminTokenRequired && attempt < 3) {
      asking ??= options.askToken(token !== undefined).finally(() => {
        asking = undefined;
      });
      const given = await asking;
      if (given) {
        try {
          w.sessionStorage.setItem(TOKEN_KEY, given);
        } catch {}
        return call<T>(method, path, body, attempt + 1);
      }
    }
    const message = e.reason
      ? `${e.reason}${e.detail ? ` (${e.detail})` : ""}`
      : `HTTP ${response.status}${e.message ? `: ${e.message}` : ""}`;
    throw new ApiError(message, response.status, e.reason, e.detail, e.errors);
  }

  return {
    get: <T>(path: string) => call<T>("GET", path, undefined, 0),
    send: <T>(method: string, path: string, body?: unknown) => call<T>(method, path, body, 0),
    url: (path: string) => options.base + path,
    token: stored,
  };
}
