/**
 * The one visual system of the identity emulator console and the standalone login tester page: one CSS text,
 * put in a `<style>` by both pages (their CSP allows inline styles, never inline scripts).
 *
 * Class vocabulary (markup that uses only these looks right on both pages):
 *
 * | group   | classes and elements |
 * | ------- | -------------------- |
 * | layout  | `.page` (a page's column: `h1`, then panels), `.panel` (a card; its title is an `h2`, `.panel-head` puts the title and buttons on one line), `.grid` (panels side by side, wrapping; `.grid.two` at most two columns) |
 * | forms   | `.field` (a `label` above its `input`/`select`/`textarea`; `.field.check` puts a checkbox before its label), `.row` (an inline group of fields and buttons, wrapping), `.hint` (small help under a control) |
 * | buttons | `button` (default), `.primary` (the panel's main action), `.danger` (destroys data), `.quiet` (text-like, secondary); `:disabled` dims |
 * | state   | `.badge` plus one of `.ok` `.bad` `.warn` `.info` (a short word in a pill; colours meet WCAG AA) |
 * | text    | `.mono` (ids, keys, tokens, tabular digits), `.muted` (secondary text), `.nowrap` |
 * | meter   | `<div class="meter" role="meter" aria-valuenow=".." aria-valuemin="0" aria-valuemax="100" aria-label=".."><span style="width:40%"></span></div>`, or set `--meter` (0–1) on the `.meter`; `.meter.warn` / `.meter.bad` colour it |
 * | states  | `.empty` (nothing to show, with a hint), `.loading` (a placeholder while fetching; no spinner under reduced motion), `.error` (what failed, in words) |
 * | lists   | `.timeline` (an `ol` of events: `li` with a `time`, a `.badge` and text; fixed-height rows), `table.data` (rows of records; wrap it in `.table-wrap` to scroll sideways when narrow), `dl.pairs` (key/value pairs) |
 * | misc    | `.notice` (a boxed message, with `.ok`/`.bad`/`.warn`/`.info`), `.sr-only` (for screen readers only), `pre` (wraps only runs too long for a line) |
 *
 * Custom properties: spacing `--space-1`…`--space-6` (4–32 px), type `--text-xs`…`--text-xl`, colours `--bg`,
 * `--surface`, `--text`, `--muted`, `--border`, `--accent`, `--ok`, `--bad`, `--warn`, `--info` (each with a
 * `-bg` tint), `--focus` (and `--focus-on-dark` for the header), radius `--radius`, fonts `--font`, `--font-mono`. Focus is always visible (a 3 px ring),
 * animation stops under `prefers-reduced-motion`, and the layout holds from 1280 px down to 360 px.
 *
 * Two colour schemes, one stylesheet: `:root` holds the light values and `color-scheme: light dark` (form controls
 * and scrollbars follow the scheme); `@media (prefers-color-scheme: dark)` sets the same custom properties to dark
 * values and nothing else, so every rule reads its colours from the properties (no colour literal outside `:root`
 * but the header's translucent whites, which sit on the header in both schemes). The header's own chrome has its
 * properties too (`--header-*`, `--status-*`), and `--on-bad` (text on a `--bad` fill), `--dialog-shadow`,
 * `--backdrop`. Both schemes meet WCAG AA: text ≥ 4.5:1 on every surface and tint, the focus ring ≥ 3:1.
 *
 * The console's own chrome: `.app-header`, `.brand`, `.status`, `nav.app-nav` (links with `aria-current="page"`,
 * collapsed behind `.nav-toggle` when narrow), `.log-view` (the live log's fixed-height scroller) and `dialog`.
 */
export const THEME_CSS = `
:root{
--space-1:4px;--space-2:8px;--space-3:12px;--space-4:16px;--space-5:24px;--space-6:32px;
--text-xs:12px;--text-sm:13px;--text-md:14px;--text-lg:16px;--text-xl:22px;
--font:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;
--font-mono:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;
--bg:#f3f4f7;--surface:#fff;--surface-2:#f7f8fa;--text:#1a1f2b;--muted:#545d6e;--border:#d5d9e0;--border-strong:#8a93a3;
--accent:#2351c4;--accent-hover:#1b409d;--accent-text:#fff;
--ok:#11652a;--ok-bg:#e2f3e7;--bad:#a3151b;--bad-bg:#fbe6e6;--warn:#774a00;--warn-bg:#fcefd4;--info:#1c4a8c;--info-bg:#e3edfb;
--focus:#b45309;--focus-on-dark:#f2a900;--radius:8px;--shadow:0 1px 2px rgba(16,24,40,.08),0 1px 3px rgba(16,24,40,.06);
--header-bg:#151a26;--header-text:#f3f4f7;--header-muted:#b8c0cf;--header-shadow:none;
--on-bad:#fff;--status-badge-bg:#262d3d;--status-badge-border:#4b5567;--status-warn-bg:#fcefd4;--status-warn:#5e3a00;--status-bad-bg:#fbe6e6;--status-bad:#8a1116;
--dialog-shadow:0 10px 30px rgba(0,0,0,.25);--backdrop:rgba(16,20,30,.5);
color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{
--bg:#0e1118;--surface:#161b25;--surface-2:#1d2330;--text:#e4e8ef;--muted:#a4adbd;--border:#2e3544;--border-strong:#6b7589;
--accent:#8cb0ff;--accent-hover:#b0c8ff;--accent-text:#0b1220;
--ok:#6fd08c;--ok-bg:#11291a;--bad:#ff9a9a;--bad-bg:#361619;--warn:#f0c25a;--warn-bg:#31260d;--info:#94b8ff;--info-bg:#15243d;
--focus:#f2a900;--shadow:0 1px 2px rgba(0,0,0,.5),0 1px 3px rgba(0,0,0,.35);
--header-bg:#080b11;--header-shadow:0 1px 0 #2e3544;
--on-bad:#1a0507;--status-warn-bg:#31260d;--status-warn:#f0c25a;--status-bad-bg:#361619;--status-bad:#ff9a9a;
--dialog-shadow:0 10px 30px rgba(0,0,0,.6);--backdrop:rgba(0,0,0,.65)}}
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:var(--text-md)/1.45 var(--font);background:var(--bg);color:var(--text)}
h1{font-size:var(--text-xl);line-height:1.25;margin:0 0 var(--space-4)}
h2{font-size:var(--text-lg);margin:0 0 var(--space-3)}
h3{font-size:var(--text-md);margin:var(--space-4) 0 var(--space-2)}
h1:focus{outline:none}h1:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
p{margin:0 0 var(--space-2)}
a{color:var(--accent)}a:hover{color:var(--accent-hover)}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.sr-only{position:absolute!important;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.skip-link{position:absolute;left:var(--space-2);top:-48px;background:var(--surface);color:var(--accent);padding:var(--space-2) var(--space-3);border-radius:var(--radius);z-index:10}
.skip-link:focus{top:var(--space-2)}

/* layout */
.page{max-width:1240px;margin:0 auto;padding:var(--space-5) var(--space-4) var(--space-6)}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,340px),1fr));gap:var(--space-4);align-items:start;margin:0 0 var(--space-4)}
.grid.two{grid-template-columns:repeat(auto-fit,minmax(min(100%,480px),1fr))}
.grid>*{min-width:0}
.panel{background:var(--surface);border:1px solid var(--border);border-radius:var(--radius);box-shadow:var(--shadow);padding:var(--space-4);margin:0 0 var(--space-4);min-width:0}
.grid>.panel{margin:0}
.panel-head{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:var(--space-2);margin-bottom:var(--space-3)}
.panel-head>h2,.panel-head>h3{margin:0}

/* forms */
.field{display:flex;flex-direction:column;gap:var(--space-1);margin:0 0 var(--space-3);min-width:0}
.field>label,.field>.label{font-size:var(--text-sm);font-weight:600;color:var(--text)}
.field.check{flex-direction:row;align-items:center;gap:var(--space-2)}
.field.check>label{font-weight:400}
.row{display:flex;flex-wrap:wrap;align-items:flex-start;gap:var(--space-2) var(--space-3);margin:0 0 var(--space-3)}
.row>button,.row>.actions{align-self:flex-end}
.row>.field{margin:0;flex:1 1 160px}
.row>.field.narrow{flex:0 1 120px}
.hint{font-size:var(--text-xs);color:var(--muted)}
input,select,textarea{font:inherit;font-size:var(--text-md);color:var(--text);background:var(--surface);border:1px solid var(--border-strong);border-radius:6px;padding:6px 8px;min-height:34px;width:100%;max-width:100%}
textarea{font-family:var(--font-mono);font-size:var(--text-sm);resize:vertical;min-height:64px}
input[type=checkbox],input[type=radio]{width:18px;height:18px;min-height:0;margin:0;accent-color:var(--accent)}
input:focus-visible,select:focus-visible,textarea:focus-visible{outline:3px solid var(--focus);outline-offset:1px;border-color:var(--accent)}
input[aria-invalid=true],select[aria-invalid=true],textarea[aria-invalid=true]{border-color:var(--bad)}
fieldset{border:1px solid var(--border);border-radius:6px;padding:var(--space-3);margin:0 0 var(--space-3);min-width:0}
legend{font-size:var(--text-sm);font-weight:600;padding:0 var(--space-1)}

/* buttons */
button{font:inherit;font-size:var(--text-sm);font-weight:600;line-height:1.2;min-height:34px;padding:7px 14px;border-radius:6px;border:1px solid var(--border-strong);background:var(--surface);color:var(--text);cursor:pointer;white-space:nowrap}
button:hover{background:var(--surface-2);border-color:var(--text)}
button.primary{background:var(--accent);border-color:var(--accent);color:var(--accent-text)}
button.primary:hover{background:var(--accent-hover);border-color:var(--accent-hover)}
button.danger{background:var(--surface);border-color:var(--bad);color:var(--bad)}
button.danger:hover{background:var(--bad);color:var(--on-bad)}
button.quiet{background:transparent;border-color:transparent;color:var(--accent);padding-left:var(--space-2);padding-right:var(--space-2)}
button.quiet:hover{background:var(--info-bg);border-color:transparent}
button:disabled,button:disabled:hover{opacity:.55;cursor:not-allowed;background:var(--surface);color:var(--muted);border-color:var(--border)}
button.small{min-height:28px;padding:4px 10px;font-size:var(--text-xs)}

/* state */
.badge{display:inline-block;font-size:var(--text-xs);font-weight:600;line-height:18px;padding:0 8px;border-radius:999px;border:1px solid var(--border);background:var(--surface-2);color:var(--text);white-space:nowrap;vertical-align:middle}
.badge.ok{background:var(--ok-bg);color:var(--ok);border-color:currentColor}
.badge.bad{background:var(--bad-bg);color:var(--bad);border-color:currentColor}
.badge.warn{background:var(--warn-bg);color:var(--warn);border-color:currentColor}
.badge.info{background:var(--info-bg);color:var(--info);border-color:currentColor}
.ok{color:var(--ok)}.bad{color:var(--bad)}.warn{color:var(--warn)}.info{color:var(--info)}
.badge.ok,.badge.bad,.badge.warn,.badge.info{border-color:transparent;box-shadow:inset 0 0 0 1px currentColor}

/* text */
.mono{font-family:var(--font-mono);font-size:.93em;font-variant-numeric:tabular-nums}
.muted{color:var(--muted)}
.nowrap{white-space:nowrap}
pre{font-family:var(--font-mono);font-size:var(--text-sm);white-space:pre-wrap;overflow-wrap:anywhere;background:var(--surface-2);border:1px solid var(--border);border-radius:6px;padding:var(--space-2) var(--space-3);margin:var(--space-2) 0}
code{font-family:var(--font-mono);font-size:.93em}

/* meter: a time-left bar */
.meter{--meter:0;position:relative;height:8px;border-radius:999px;background:var(--border);overflow:hidden;min-width:80px}
.meter>span{display:block;height:100%;width:calc(var(--meter) * 100%);background:var(--ok);border-radius:inherit;transition:width .9s linear}
.meter.warn>span{background:var(--warn)}.meter.bad>span{background:var(--bad)}

/* loading, empty, error */
.empty,.loading,.error{padding:var(--space-4);border-radius:6px;text-align:center;color:var(--muted);background:var(--surface-2);border:1px dashed var(--border-strong);margin:0 0 var(--space-3)}
.loading{border-style:solid;border-color:var(--border)}
.loading::before{content:"";display:inline-block;width:10px;height:10px;margin-right:var(--space-2);border-radius:50%;background:var(--accent);vertical-align:middle;animation:pulse 1s ease-in-out infinite alternate}
.error{color:var(--bad);background:var(--bad-bg);border:1px solid var(--bad);text-align:left}
@keyframes pulse{from{opacity:.25}to{opacity:1}}
.notice{border-radius:6px;padding:var(--space-3);margin:0 0 var(--space-3);border:1px solid var(--border);background:var(--surface-2)}
.notice.ok{background:var(--ok-bg);border-color:var(--ok);color:var(--text)}
.notice.bad{background:var(--bad-bg);border-color:var(--bad);color:var(--text)}
.notice.warn{background:var(--warn-bg);border-color:var(--warn);color:var(--text)}
.notice.info{background:var(--info-bg);border-color:var(--info);color:var(--text)}

/* lists and tables */
.timeline{list-style:none;margin:0;padding:0;font-size:var(--text-sm)}
.timeline>li{display:grid;grid-template-columns:auto auto minmax(0,1fr);gap:var(--space-1) var(--space-2);align-items:baseline;padding:6px var(--space-2);border-bottom:1px solid var(--border);min-height:34px;overflow-wrap:anywhere}
.timeline>li>time{font-family:var(--font-mono);font-size:var(--text-xs);color:var(--muted);white-space:nowrap;font-variant-numeric:tabular-nums}
.table-wrap{overflow-x:auto;border:1px solid var(--border);border-radius:6px;margin:0 0 var(--space-3)}
table.data{width:100%;border-collapse:collapse;font-size:var(--text-sm)}
table.data th,table.data td{text-align:left;vertical-align:top;padding:8px 10px;border-bottom:1px solid var(--border)}
table.data th{background:var(--surface-2);font-size:var(--text-xs);font-weight:700;color:var(--muted);text-transform:uppercase;letter-spacing:.03em;white-space:nowrap}
table.data tbody tr:last-child td{border-bottom:0}
table.data tbody tr:hover{background:var(--surface-2)}
table.data td .badge{white-space:normal}
table.data caption{text-align:left;padding:var(--space-2) 10px;color:var(--muted);font-size:var(--text-xs)}
dl.pairs{display:grid;grid-template-columns:minmax(90px,max-content) minmax(0,1fr);gap:var(--space-1) var(--space-3);margin:0 0 var(--space-3);font-size:var(--text-sm)}
dl.pairs dt{color:var(--muted);font-weight:600}dl.pairs dd{margin:0;overflow-wrap:anywhere}
ul.plain{list-style:none;margin:0;padding:0}
ul.chips{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:var(--space-1)}

/* console chrome */
.app-header{background:var(--header-bg);color:var(--header-text);box-shadow:var(--header-shadow);position:sticky;top:0;z-index:5}
.app-header-inner{max-width:1240px;margin:0 auto;padding:0 var(--space-4);display:flex;flex-wrap:wrap;align-items:center;gap:var(--space-2) var(--space-4);min-height:52px}
.brand{font-weight:700;font-size:var(--text-lg);color:var(--header-text);text-decoration:none;white-space:nowrap;margin-right:var(--space-2)}
.brand:hover{color:var(--header-text)}
.brand .muted{color:var(--header-muted);font-weight:400}
nav.app-nav{display:flex;gap:var(--space-1);flex:1 1 auto}
nav.app-nav a{color:var(--header-text);text-decoration:none;padding:var(--space-2) var(--space-3);border-radius:6px;font-weight:600;font-size:var(--text-sm);white-space:nowrap;border-bottom:3px solid transparent}
nav.app-nav a:hover{background:rgba(255,255,255,.08)}
nav.app-nav a[aria-current=page]{background:rgba(255,255,255,.14);border-bottom-color:var(--focus-on-dark)}
.status{display:flex;flex-wrap:wrap;gap:var(--space-2);align-items:center;font-size:var(--text-xs);color:var(--header-muted);margin-left:auto}
.status .mono{color:var(--header-text);min-width:17ch;display:inline-block}
.status .badge{background:var(--status-badge-bg);color:var(--header-text);border-color:var(--status-badge-border);box-shadow:none}
.status .badge.warn{background:var(--status-warn-bg);color:var(--status-warn)}
.status .badge.bad{background:var(--status-bad-bg);color:var(--status-bad)}
.nav-toggle{display:none;background:transparent;color:var(--header-text);border-color:var(--status-badge-border)}
.nav-toggle:hover{background:rgba(255,255,255,.08);color:var(--header-text)}
.app-header :focus-visible{outline-color:var(--focus-on-dark)}
.log-view{height:clamp(280px,58vh,620px);overflow-y:auto;overflow-anchor:none;border:1px solid var(--border);border-radius:6px;background:var(--surface);contain:strict}
.log-view>.timeline>li{grid-template-columns:8.5em 7.5em minmax(0,1fr)}
.log-view>.empty{margin:var(--space-3);border-style:dashed}
.log-row .line{display:flex;flex-wrap:wrap;gap:var(--space-1) var(--space-2);align-items:baseline}
.log-row .refused{grid-column:3;color:var(--bad);font-family:var(--font-mono);font-size:var(--text-xs)}
.log-row.new{animation:arrive 1.2s ease-out}
@keyframes arrive{from{background:var(--info-bg)}to{background:transparent}}
.secret-box{border:2px solid var(--warn);background:var(--warn-bg);border-radius:var(--radius);padding:var(--space-4);margin:0 0 var(--space-4)}
.secret-box pre{background:var(--surface);font-size:var(--text-md)}
dialog{border:1px solid var(--border);border-radius:var(--radius);padding:var(--space-5);max-width:min(480px,calc(100vw - 32px));color:var(--text);background:var(--surface);box-shadow:var(--dialog-shadow)}
dialog::backdrop{background:var(--backdrop,rgba(16,20,30,.5))}
.actions{display:flex;flex-wrap:wrap;gap:var(--space-2);align-items:center}
.actions.end{justify-content:flex-end}
.pager{display:flex;gap:var(--space-2);align-items:center;justify-content:flex-end}

/* narrow windows: the nav collapses behind a button, tables scroll sideways, panels go full width */
@media (max-width:760px){
.app-header-inner{padding:var(--space-2) var(--space-3)}
.nav-toggle{display:inline-block;margin-left:auto}
nav.app-nav{order:3;flex-basis:100%;flex-direction:column;display:none;padding-bottom:var(--space-2)}
nav.app-nav.open{display:flex}
.status{order:4;flex-basis:100%;margin-left:0;padding-bottom:var(--space-2)}
.page{padding:var(--space-4) var(--space-3) var(--space-5)}
.log-view>.timeline>li{grid-template-columns:auto minmax(0,1fr)}
.log-view>.timeline>li>.line,.log-row .refused{grid-column:1/-1}
}
@media (prefers-reduced-motion:reduce){
*,*::before,*::after{animation-duration:.001ms!important;animation-iteration-count:1!important;transition-duration:.001ms!important;scroll-behavior:auto!important}
}
`;
