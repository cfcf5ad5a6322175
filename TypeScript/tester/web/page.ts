/**
 * The tester page's HTML: a static form the bundle binds to. Values the server puts in are HTML-escaped;
 * everything the page shows later is set with `textContent`, never as HTML.
 *
 * @example
 * reply.type("text/html").send(testerPageHtml({ serviceUrl: "", scriptPath: "/tester/app.js" }));
 */
import type { TesterForm } from "../view-model";

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
  return `<label for="${id}">${escapeHtml(label)}</label>${control}`;
}

function button(action: string, label: string): string {
  return `<button type="button" data-action="${action}">${escapeHtml(label)}</button>`;
}

/**
 * Lines wrap between words; only a run too long for a whole line (a JWT, a JSON map without spaces) is broken,
 * so no word is ever cut in the middle (`overflow-wrap: anywhere`, never `word-break: break-all`).
 */
const STYLE = `
body{font:14px/1.4 system-ui,sans-serif;margin:0;background:#f4f5f7;color:#1d2330}
header{background:#1d2330;color:#fff;padding:10px 20px}h1{font-size:18px;margin:0}
main{display:grid;grid-template-columns:repeat(auto-fit,minmax(340px,1fr));gap:14px;padding:14px}
section{background:#fff;border-radius:8px;padding:12px 14px;box-shadow:0 1px 2px #0002}
h2{font-size:15px;margin:0 0 8px}label{display:block;font-size:12px;color:#556;margin-top:6px}
input,textarea{width:100%;box-sizing:border-box;font:12px ui-monospace,monospace;padding:4px}
button{margin:8px 6px 0 0;padding:5px 10px}button:disabled{opacity:.5}
pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#f7f7fa;padding:6px;margin:6px 0 0;font-size:12px}
.ok{color:#106b21}.bad{color:#a01919}ol{padding-left:20px;font:12px ui-monospace,monospace}li{overflow-wrap:anywhere}.part{white-space:nowrap}.note{color:#2b4c7e}`;

/**
 * The whole page.
 *
 * @example
 * testerPageHtml({ serviceUrl: "http://127.0.0.1:8787", scriptPath: "/tester/app.js" })
 */
export function testerPageHtml(options: PageOptions): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>HelpshiftTS login tester</title><style>${STYLE}</style></head>
<body data-service-url="${escapeHtml(options.serviceUrl)}">
<header><h1>HelpshiftTS login tester</h1></header>
<main>
<section id="token-section"><h2>1. Mint a dev token</h2>${TOKEN_FIELDS.map(field).join("")}
${button("mint", "Mint token")}</section>
<section id="login-section"><h2>2. Inspect and log in</h2>${LOGIN_FIELDS.map(field).join("")}
<pre id="inspection" aria-live="polite"></pre>
${button("login", "Log in")}${button("addIdentities", "Add identities")}${button("logout", "Log out")}${button("foreground", "App foreground")}${button("refresh", "Refresh now")}
<pre id="result" aria-live="polite"></pre><pre id="client"></pre><pre id="clock"></pre></section>
<section id="attributes-section"><h2>3. Attributes</h2>${ATTRIBUTE_FIELDS.map(field).join("")}
${button("masterAttributes", "Push master attributes")}${button("appAttributes", "Push app attributes")}</section>
<section id="events-section"><h2>Events</h2>${button("clearEvents", "Clear")}<ol id="events" reversed></ol></section>
</main>
<script src="${escapeHtml(options.scriptPath)}"></script>
</body></html>`;
}
