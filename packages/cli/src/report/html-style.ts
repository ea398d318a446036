/**
 * The page's whole style sheet: system fonts only, light and dark palettes (prefers-color-scheme),
 * a visible focus ring on everything focusable, the timeline grid and the graph's classes.
 */
export const HTML_STYLE = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1b1f24;--dim:#59636e;--line:#d0d7de;--panel:#f6f8fa;
--ok:#1a7f37;--bad:#cf222e;--accent:#0969da;--warn:#9a6700;--seg:#8c959f;--focus:#0969da;--badbg:#ffebe9}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--dim:#9198a1;--line:#3d444d;--panel:#151b23;
--ok:#3fb950;--bad:#f85149;--accent:#4493f8;--warn:#d29922;--seg:#656c76;--focus:#4493f8;--badbg:#2d1214}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif}
main{max-width:1200px;margin:0 auto;padding:16px 20px 48px}
code,pre{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,"DejaVu Sans Mono",monospace;font-size:.86em}
pre{background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:8px 10px;overflow:auto;max-height:24em;white-space:pre-wrap;word-break:break-all}
a{color:var(--accent)}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px;border-radius:4px}
h1{font-size:1.35em;margin:.4em 0}h2{font-size:1.25em;margin:.2em 0}h3{font-size:1.05em;margin:1.4em 0 .4em}
h4{font-size:.95em;margin:.8em 0 .3em}h5{font-size:.85em;margin:.5em 0 .2em;color:var(--dim);text-transform:uppercase;letter-spacing:.04em}
.dim{color:var(--dim)}
.toolbar{display:flex;gap:8px;flex-wrap:wrap;align-items:center}
button{font:inherit;font-size:.9em;color:var(--fg);background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:3px 10px;cursor:pointer}
.run{border:1px solid var(--line);border-radius:8px;padding:12px 16px;margin:16px 0}
.run.failure{border-left:6px solid var(--bad)}.run.success{border-left:6px solid var(--ok)}
.icon.success{color:var(--ok)}.icon.failure{color:var(--bad)}
.failure[role=alert]{background:var(--badbg);border:1px solid var(--bad);border-radius:6px;padding:4px 12px;margin:10px 0}
.failure p{margin:.4em 0}.errcode{color:var(--bad)}
.timeline{list-style:none;margin:0;padding:0}
.timeline>li{border-top:1px solid var(--line)}
.timeline>li.failed-here{background:var(--badbg)}
.timeline>li>details>summary{display:grid;grid-template-columns:1.4em minmax(9em,16em) 3.2em 5em minmax(120px,1fr) auto;gap:8px;align-items:center;padding:5px 4px;cursor:pointer;list-style:none}
.timeline>li>details>summary::-webkit-details-marker{display:none}
.timeline>li>details>summary::before{content:"";display:none}
.timeline>li>details[open]>summary{background:var(--panel)}
summary .name{font-weight:600;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
summary .wf{font-weight:400;color:var(--dim)}
summary .code,summary .ms{font-variant-numeric:tabular-nums;color:var(--dim);text-align:right}
.track{position:relative;height:14px;background:repeating-linear-gradient(90deg,transparent 0 24px,var(--line) 24px 25px);border-radius:3px}
.track .span{position:absolute;top:6px;height:2px;background:var(--seg)}
.track .seg{position:absolute;top:1px;height:12px;border-radius:3px;background:var(--seg);min-width:3px}
.track .seg.success{background:var(--ok)}.track .seg.failure{background:var(--bad)}
.track .seg.retried{background:var(--warn);opacity:.85}
.track .seg.wait{background:repeating-linear-gradient(135deg,var(--bg) 0 3px,var(--seg) 3px 6px);border:1px solid var(--seg)}
.chip.wait{color:var(--dim);border-style:dashed}.chip.warn{color:var(--warn);border-color:var(--warn)}
.checks{list-style:none;padding:0;margin:0}.checks li{margin:2px 0}.icon.warning{color:var(--warn)}
.chips{display:flex;gap:4px}
.chip{font-size:.78em;border:1px solid var(--line);border-radius:10px;padding:0 7px;white-space:nowrap}
.chip.retry{color:var(--warn);border-color:var(--warn)}.chip.goto{color:var(--accent);border-color:var(--accent)}
.body{padding:4px 12px 12px 2.2em}
.reason{color:var(--bad)}
.exchange{display:grid;grid-template-columns:1fr 1fr;gap:12px}
@media (max-width:760px){.exchange{grid-template-columns:1fr}.timeline>li>details>summary{grid-template-columns:1.4em 1fr 3em 4.5em}.track,.chips{grid-column:2/-1}}
.line{margin:.2em 0;word-break:break-all}
table{border-collapse:collapse;font-size:.88em}th,td{text-align:left;vertical-align:top;padding:2px 8px;border-bottom:1px solid var(--line)}
th{font-weight:600;white-space:nowrap}td{word-break:break-all}
details.headers>summary{cursor:pointer;color:var(--dim);font-size:.85em}
.criteria{list-style:none;padding:0;margin:0}.criteria li{margin:2px 0}
.scroll{overflow:auto;border:1px solid var(--line);border-radius:6px;background:var(--panel)}
.legend{font-size:.85em;color:var(--dim)}
.key{display:inline-block;width:22px;height:4px;vertical-align:middle;margin:0 4px 0 10px;background:var(--accent)}
.key.failed{background:var(--bad)}.key.fail{background:none;border-top:2px dashed var(--dim);height:0}
svg.graph{display:block;font:12px system-ui,"DejaVu Sans",sans-serif}
svg .node rect{fill:var(--bg);stroke:var(--seg);stroke-width:1}
svg .node.workflow rect{fill:var(--panel);stroke:var(--line)}
svg .frame{fill:none;stroke:var(--line);stroke-dasharray:2 3}
svg .node text{fill:var(--fg)}svg .node .detail,svg .node .count{fill:var(--dim);font-size:11px}
svg .node .name{font-weight:600}
svg .node circle{fill:var(--bg);stroke:var(--seg);stroke-width:1.5}svg .node .dot{fill:var(--seg);stroke:none}
svg .node.failed circle,svg .node.failed .dot{stroke:var(--bad)}
svg .node.taken rect,svg .node.taken circle{stroke:var(--accent);stroke-width:2.5}
svg .node.taken .dot{fill:var(--accent)}
svg .node.failed rect{stroke:var(--bad);stroke-width:3;fill:var(--badbg)}
svg a.node:focus-visible{outline:none}svg a.node:focus-visible rect{stroke:var(--focus);stroke-width:4}
svg a.node:hover rect{stroke-width:3}
svg .edge path{fill:none;stroke:var(--seg);stroke-width:1.2}
svg .edge.fail path{stroke-dasharray:5 4}
svg .edge text{fill:var(--dim);font-size:10.5px}
svg .edge.taken path{stroke:var(--accent);stroke-width:2.6}
svg .edge.taken text{fill:var(--accent);font-weight:600}
svg .arrow{fill:var(--seg)}svg .arrow.taken{fill:var(--accent)}
.values th{min-width:8em}
.summary{border:1px solid var(--line);border-radius:8px;padding:8px 16px;margin:12px 0}
.summary.failure{border-left:6px solid var(--bad)}.summary.success{border-left:6px solid var(--ok)}
table.suite{width:100%;margin:10px 0;table-layout:fixed}.c-status{width:7em}.c-name{width:30%}.c-steps{width:20%}.c-time{width:6em}table.suite caption{text-align:left;padding:4px 0;font-weight:600}
table.suite td{word-break:normal;overflow-wrap:anywhere}table.suite .num{font-variant-numeric:tabular-nums;white-space:nowrap}
tr.wf.failed{background:var(--badbg)}tr.wf.failed td:first-child{font-weight:600;color:var(--bad)}
tr.wf.skipped{color:var(--dim)}.icon.skipped{color:var(--dim)}.warn{color:var(--warn)}
.skipped{margin:0}
footer{margin-top:24px;font-size:.85em;color:var(--dim)}
`;
