/**
 * The identity emulator console's browser entry (bundled by esbuild, served at /console/app.js): the header's
 * service status (polled), the hash router over the pages, the live log's stream and the mounted tester.
 *
 * Routes: `#/apps` (default), `#/users`, `#/users/<id>`, `#/log`, `#/tester`, `#/bend`. On a route change the
 * page's `h1` takes the focus (not on the first load), and the nav link of the page carries `aria-current="page"`.
 */
import { type AppsAnswer, ConsolePath, type StatusAnswer } from "../api-types";
import { createApi, errorText } from "./api";
import { $, type El, h, win } from "./dom";
import { formatOffset, formatTime, navOf, parseRoute, type Route } from "./format";
import { createLogStore } from "./log-store";
import { createAppsPage } from "./pages/apps";
import { createBendPage } from "./pages/bend";
import { createLogPage } from "./pages/log";
import { createTesterPage } from "./pages/tester";
import { createUserPage } from "./pages/user";
import { createUsersPage } from "./pages/users";
import { announce, askAdminToken, type Ctx, confirmDialog, type Page } from "./ui";

const STATUS_POLL_MS = 3000;

const doc = win.document;
const serviceUrl = (doc.body.dataset.serviceUrl ?? "").replace(/\/+$/, "");
const api = createApi({ base: serviceUrl || win.location.origin, window: win, askToken: askAdminToken });

let status: StatusAnswer | undefined;
/** Service time minus this page's clock, at the last status answer. */
let serviceSkew = 0;
let statusFailed = false;

const log = createLogStore(api, () => status?.adminTokenRequired === true);

function renderStatus(): void {
  const time = $("service-time");
  const clock = $("clock-badge");
  const bends = $("bend-badges");
  if (statusFailed) {
    time.textContent = "–";
    clock.textContent = "service unreachable";
    clock.className = "badge bad";
    bends.replaceChildren();
    return;
  }
  if (!status) return;
  time.textContent = formatTime(Date.now() + serviceSkew);
  const offset = status.bend.clockOffsetMs;
  clock.textContent = `clock ${formatOffset(offset)}`;
  clock.className = offset === 0 ? "badge" : "badge warn";
  const badges: El[] = [];
  if (status.bend.failNext > 0) {
    badges.push(
      h("span", { className: "badge bad" }, `failing next ${status.bend.failNext} (${status.bend.failStatus})`),
    );
  }
  if (status.bend.slowNext > 0) {
    badges.push(
      h("span", { className: "badge warn" }, `slowing next ${status.bend.slowNext} (${status.bend.delayMs} ms)`),
    );
  }
  bends.replaceChildren(...badges);
}

async function refreshStatus(): Promise<void> {
  try {
    const sentAt = Date.now();
    status = await api.get<StatusAnswer>(ConsolePath.status);
    serviceSkew = status.serviceTime - Math.round((sentAt + Date.now()) / 2);
    statusFailed = false;
  } catch {
    statusFailed = true;
  }
  renderStatus();
}

const tester = createTesterPage(serviceUrl);

const ctx: Ctx = {
  api,
  announce,
  go(hash) {
    if (win.location.hash === hash) route();
    else win.location.hash = hash;
  },
  confirm: confirmDialog,
  prefillTester: (form) => tester.prefill(form),
  log,
  status: () => status,
  refreshStatus,
  async apps() {
    return (await api.get<AppsAnswer>(ConsolePath.apps)).apps;
  },
};

const pages: Record<Route["page"], Page> = {
  apps: createAppsPage(ctx),
  users: createUsersPage(ctx),
  user: createUserPage(ctx),
  log: createLogPage(ctx),
  tester,
  bend: createBendPage(ctx),
};

let current: Route["page"] | undefined;

function route(): void {
  const next = parseRoute(win.location.hash);
  const first = current === undefined;
  for (const section of Array.from(doc.querySelectorAll("section.page[data-page]"))) {
    section.hidden = section.dataset.page !== next.page;
  }
  for (const link of Array.from(doc.querySelectorAll("nav.app-nav a[data-nav]"))) {
    if (link.dataset.nav === navOf(next)) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  if (current !== undefined && current !== next.page) pages[current].hide?.();
  current = next.page;
  pages[next.page].show(next);
  const heading = $(`h-${next.page}`);
  doc.title = `${heading.textContent ?? ""} · HelpshiftTS identity console`;
  // Close the narrow window's menu after a choice.
  $("nav").classList.remove("open");
  $("nav-toggle").setAttribute("aria-expanded", "false");
  if (!first) heading.focus({ preventScroll: false });
}

// Narrow windows: the nav folds behind a Menu button.
$("nav-toggle").addEventListener("click", () => {
  const open = !$("nav").classList.contains("open");
  $("nav").classList.toggle("open", open);
  $("nav-toggle").setAttribute("aria-expanded", String(open));
});
// The skip link moves the focus to the page's heading without touching the hash (it holds the route).
for (const link of Array.from(doc.querySelectorAll("[data-skip]"))) {
  link.addEventListener("click", (event) => {
    event.preventDefault();
    if (current) $(`h-${current}`).focus();
  });
}

win.addEventListener("hashchange", route);
route();
win.setInterval(renderStatus, 1000);
void refreshStatus().then(() => log.start());
win.setInterval(() => void refreshStatus(), STATUS_POLL_MS);
// Errors nobody caught are said once rather than lost.
win.addEventListener("unhandledrejection", (event) => {
  const reason = (event as unknown as { reason?: unknown }).reason;
  announce(`Something failed: ${errorText(reason)}`);
});
