/**
 * The Network panel's controls (web page only: they bend the page's own transport, `network-bend.ts`). Their
 * buttons carry `data-bend`, not `data-action`: they are not view-model actions, and the editor tab has no
 * counterpart (its client talks through the engine's HTTP module).
 *
 * @example
 * section.innerHTML = networkMarkup();
 */

/** The bend controls, by `data-bend` value. */
export const BEND_CONTROLS = ["fail", "undoFail", "delay", "undoDelay", "offline"] as const;
export type BendControlName = (typeof BEND_CONTROLS)[number];

function input(id: string, name: string, label: string, value: string): string {
  return `<div class="field"><label for="${id}">${label}</label><input id="${id}" data-bend-field="${name}" type="number" min="0" inputmode="numeric" value="${value}"></div>`;
}

function control(name: BendControlName, label: string, kind = ""): string {
  const pressed = name === "offline" ? ' aria-pressed="false"' : "";
  return `<button type="button" data-bend="${name}"${pressed}${kind ? ` class="${kind}"` : ""}>${label}</button>`;
}

/** The panel's inner HTML: static, no data. */
export function networkMarkup(): string {
  return `<p class="muted">Bends this page's own client only (not the service).</p>
<div class="row">${input("n-fail-count", "failCount", "Requests to fail", "2")}</div>
<div class="row">${control("fail", "Fail the next requests", "danger")}${control("undoFail", "Stop failing", "quiet")}</div>
<div class="row">${input("n-delay-count", "delayCount", "Requests to delay", "1")}${input("n-delay-ms", "delayMs", "Delay (ms)", "3000")}</div>
<div class="row">${control("delay", "Delay the next requests")}${control("undoDelay", "Stop delaying", "quiet")}</div>
<div class="row">${control("offline", "Go offline", "danger")}</div>
<p id="network-state" class="mono"></p>
<p id="network-change" role="status" aria-live="polite"></p>`;
}
