/**
 * The console page's HTML: the header (brand, nav, service status), one `<section>` per page (each with its
 * `h1`; the bundle fills them) and the dialogs. Values the server puts in are HTML-escaped; everything the page
 * shows later is set with `textContent`.
 *
 * @example
 * reply.type("text/html").send(consolePageHtml({ serviceUrl: "", scriptPath: "/console/app.js" }));
 */
import { escapeHtml, TESTER_CSS } from "../../tester/web/page";
import { THEME_CSS } from "./theme";

export interface ConsolePageHtmlOptions {
  /** Where the page calls the service; "" for the page's own origin. */
  readonly serviceUrl: string;
  readonly scriptPath: string;
}

/** The nav's entries: hash route, label. */
export const NAV: readonly (readonly [page: string, label: string])[] = [
  ["apps", "Apps"],
  ["users", "Users"],
  ["log", "Live log"],
  ["tester", "Tester"],
  ["bend", "Bend"],
];

/** Each page's section: id, heading. The user page's heading is set when it shows a user. */
const SECTIONS: readonly (readonly [page: string, heading: string])[] = [
  ["apps", "Apps"],
  ["users", "Users"],
  ["user", "User"],
  ["log", "Live log"],
  ["tester", "Login tester"],
  ["bend", "Bend time and the network"],
];

export function consolePageHtml(options: ConsolePageHtmlOptions): string {
  const nav = NAV.map(([page, label]) => `<a href="#/${page}" data-nav="${page}">${escapeHtml(label)}</a>`).join("");
  const sections = SECTIONS.map(
    ([page, heading]) =>
      `<section class="page" id="page-${page}" data-page="${page}" aria-labelledby="h-${page}" hidden>` +
      `<h1 id="h-${page}" tabindex="-1">${escapeHtml(heading)}</h1><div id="${page}-root"></div></section>`,
  ).join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>HelpshiftTS identity console</title><style>${THEME_CSS}${TESTER_CSS}</style></head>
<body data-service-url="${escapeHtml(options.serviceUrl)}">
<a class="skip-link" href="#main" data-skip>Skip to the page</a>
<header class="app-header"><div class="app-header-inner">
<a class="brand" href="#/apps">HelpshiftTS <span class="muted">identity console</span></a>
<button type="button" class="nav-toggle" id="nav-toggle" aria-expanded="false" aria-controls="nav">Menu</button>
<nav class="app-nav" id="nav" aria-label="Console pages">${nav}</nav>
<div class="status" id="status" role="status" aria-label="Service status">
<span>Service time <span class="mono" id="service-time">–</span></span>
<span class="badge" id="clock-badge">clock: –</span><span id="bend-badges"></span>
</div>
</div></header>
<main id="main">
<div class="sr-only" id="announcer" aria-live="polite" aria-atomic="true"></div>
${sections}
</main>
<dialog id="confirm-dialog" aria-labelledby="confirm-title" aria-describedby="confirm-body">
<h2 id="confirm-title">Are you sure?</h2><p id="confirm-body"></p>
<div class="field" id="confirm-typed" hidden><label for="confirm-input" id="confirm-label">Type to confirm</label><input id="confirm-input" autocomplete="off" spellcheck="false"></div>
<div class="actions end"><button type="button" id="confirm-cancel">Cancel</button><button type="button" class="danger" id="confirm-ok">Confirm</button></div>
</dialog>
<dialog id="token-dialog" aria-labelledby="token-title" aria-describedby="token-body">
<h2 id="token-title">Admin token</h2>
<p id="token-body">This service listens beyond loopback, so the console needs the admin token that <code>helpshift-ts serve</code> printed at start. It is kept for this browser tab only.</p>
<p class="error" id="token-wrong" hidden>That token was refused. Check it and try again.</p>
<div class="field"><label for="token-input">Admin token</label><input id="token-input" type="password" autocomplete="off" spellcheck="false"></div>
<div class="actions end"><button type="button" id="token-cancel">Cancel</button><button type="button" class="primary" id="token-ok">Use token</button></div>
</dialog>
<script src="${escapeHtml(options.scriptPath)}"></script>
</body></html>`;
}
