/**
 * The tester page's HTML: a shell with the theme, and the tester's static panels the bundle mounts and binds. Values the server puts in are HTML-escaped;
 * everything the page shows later is set with `textContent`, never as HTML.
 *
 * @example
 * reply.type("text/html").send(testerPageHtml({ serviceUrl: "", scriptPath: "/tester/app.js" }));
 */
import { THEME_CSS } from "../../console/web/theme";
import type { TesterForm } from "../view-model";
import { networkMarkup } from "./network-markup";

export interface PageOptions {
  /** Where the page's client calls the service; "" for the page's own origin. */
  readonly serviceUrl: string;
  readonly scriptPath: string;
}

/** Escapes text for HTML content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

type FieldSpec = readonly [field: keyof TesterForm, label: string, kind: "input" | "textarea" | "password"];

const TOKEN_FIELDS: readonly FieldSpec[] = [
  ["appId", "App id", "input"],
  ["secret", "Dev secret (kept in memory only)", "password"],
  ["uid", "uid", "input"],
  ["email", "email", "input"],
  ["identities", "More identities: identifier=value, one per line", "textarea"],
  ["metadata", "Metadata: identifier.key=value, one per line", "textarea"],
  ["iat", 'iat: epoch seconds, "none", or empty for now', "input"],
];
const LOGIN_FIELDS: readonly FieldSpec[] = [
  ["token", "Identity JWT (empty: anonymous login)", "textarea"],
  ["config", "Login config (JSON)", "input"],
];
const ATTRIBUTE_FIELDS: readonly FieldSpec[] = [
  ["masterAttributes", "Master attributes (JSON)", "textarea"],
  ["appAttributes", "App attributes (JSON)", "textarea"],
];

function field([name, label, kind]: FieldSpec): string {
  const id = `f-${name}`;
  const control =
    kind === "textarea"
      ? `<textarea id="${id}" data-field="${name}" rows="3" spellcheck="false"></textarea>`
      : `<input id="${id}" data-field="${name}" type="${kind === "password" ? "password" : "text"}" autocomplete="off" spellcheck="false">`;
  return `<div class="field"><label for="${id}">${escapeHtml(label)}</label>${control}</div>`;
}

function button(action: string, label: string): string {
  return `<button type="button" data-action="${action}"${action === "login" ? ' class="primary"' : ""}>${escapeHtml(label)}</button>`;
}

/**
 * What the tester needs beyond the console's theme (THEME_CSS): lines wrap between words; only a run too long for a
 * whole line (a JWT, a JSON map without spaces) is broken, so no word is ever cut in the middle (`overflow-wrap:
 * anywhere`, never `word-break: break-all`); the parts of the client line never wrap inside. So does an outbox
 * key (`custom_user_fields.rank`), so the outbox table fits its panel instead of scrolling sideways (a scroller
 * with nothing focusable in it is out of a keyboard's reach).
 */
export const TESTER_CSS = `
.tester pre{white-space:pre-wrap;overflow-wrap:anywhere;margin:6px 0 0}
.tester label{display:block}.tester input,.tester textarea{width:100%;box-sizing:border-box}
.tester .part{white-space:nowrap}.tester #events li{overflow-wrap:anywhere}.tester #outbox td.mono{overflow-wrap:anywhere}
.tester .decoded{display:grid;grid-template-columns:repeat(auto-fit,minmax(220px,1fr));gap:8px}
.tester .token-field{margin:4px 0;overflow-wrap:anywhere}.tester .token-field ul,.tester .problems{list-style:none;margin:2px 0;padding:0}
.tester #events-section{container-type:inline-size}
@container (max-width:560px){.tester .timeline>li>.detail{grid-column:1/-1}}`;

/**
 * The tester's panels, built into the element `mountTester` is given (web/mount.ts). No `.page` of its own: the
 * page that holds it (the standalone shell, the console's Tester page) is the one `.page`, so the theme's page
 * padding applies once. Static: no data goes in here;
 * everything the tester shows later is set with `textContent`. The element ids and the `data-field` /
 * `data-action` attributes are what the page's tests and the bindings use.
 *
 * @example
 * root.innerHTML = testerMarkup();
 */
export function testerMarkup(): string {
  return `<div class="tester">
<div class="grid">
<section class="panel" id="token-section" aria-labelledby="h-token"><h2 id="h-token">Token</h2>${TOKEN_FIELDS.map(field).join("")}
<div class="row">${button("mint", "Mint token")}</div></section>
<section class="panel" id="login-section" aria-labelledby="h-inspect"><h2 id="h-inspect">Inspect</h2>${LOGIN_FIELDS.map(field).join("")}
<div class="decoded"><div><h3>Checks</h3><pre id="inspection" class="mono" aria-live="polite"></pre>
<ul id="problems" class="problems" aria-label="Problems with the token as a whole"></ul></div>
<div><h3>Header</h3><div id="decoded-header" class="token-fields"></div></div>
<div><h3>Payload</h3><div id="decoded-payload" class="token-fields"></div></div></div></section>
<section class="panel" id="client-section" aria-labelledby="h-client"><h2 id="h-client">Client</h2>
<div class="row"><span id="client-badge" class="badge">not created</span></div>
<pre id="client"></pre>
<div id="session-meter" class="meter" role="meter" aria-label="Session time left" aria-valuemin="0" aria-valuemax="100" aria-valuenow="0"><span style="width:0%"></span></div>
<pre id="clock" class="muted"></pre>
<div class="row">${button("login", "Log in")}${button("addIdentities", "Add identities")}${button("logout", "Log out")}${button("foreground", "App foreground")}${button("refresh", "Refresh now")}</div>
<pre id="result" role="status" aria-live="polite"></pre></section>
<section class="panel" id="outbox-section" aria-labelledby="h-outbox"><h2 id="h-outbox">Outbox</h2>
<p id="outbox-summary" class="muted" aria-live="polite"></p>
<div class="table-wrap"><table class="data" id="outbox"><caption class="muted">Each attribute key and its fate</caption>
<thead><tr><th scope="col">Scope</th><th scope="col">Key</th><th scope="col">Fate</th><th scope="col">Attempts</th></tr></thead>
<tbody id="outbox-rows"></tbody></table></div></section>
<section class="panel" id="network-section" aria-labelledby="h-network"><h2 id="h-network">Network</h2>${networkMarkup()}</section>
<section class="panel" id="attributes-section" aria-labelledby="h-attributes"><h2 id="h-attributes">Attributes</h2>${ATTRIBUTE_FIELDS.map(field).join("")}
<div class="row">${button("masterAttributes", "Push master attributes")}${button("appAttributes", "Push app attributes")}</div></section>
<section class="panel" id="events-section" aria-labelledby="h-events"><div class="panel-head"><h2 id="h-events">Events</h2>${button("clearEvents", "Clear")}</div>
<ol id="events" class="timeline" reversed aria-live="polite"></ol></section>
</div>
</div>`;
}

/**
 * The standalone page (`GET /tester`): the console's theme, and one `.page` (the main landmark) holding the
 * heading and an empty root the bundle mounts the tester into, as the console's Tester page does.
 *
 * @example
 * testerPageHtml({ serviceUrl: "http://127.0.0.1:8787", scriptPath: "/tester/app.js" })
 */
export function testerPageHtml(options: PageOptions): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>HelpshiftTS login tester</title><style>${THEME_CSS}${TESTER_CSS}</style></head>
<body data-service-url="${escapeHtml(options.serviceUrl)}">
<main class="page" id="main"><h1>HelpshiftTS login tester</h1><div id="tester-root"></div></main>
<script src="${escapeHtml(options.scriptPath)}"></script>
</body></html>`;
}
