import { createHash } from 'node:crypto';
import { escapeHtml as e } from './html-escape.js';
import type { GraphLayout } from './html-layout-graph.js';
import { renderRunSection } from './html-render-run.js';
import { renderSuiteSummary } from './html-render-suite.js';
import { HTML_STYLE } from './html-style.js';
import type { HtmlReport } from './html-types.js';

/**
 * The page's only script: Expand all / Collapse all, and a `#x-N` link (from the graph or the
 * outcome) opens that row and focuses it. The page works without it.
 */
const SCRIPT = `(()=>{const rows=()=>document.querySelectorAll('.timeline details');
const set=(v)=>rows().forEach((d)=>{d.open=v;});
document.getElementById('expand-all').addEventListener('click',()=>set(true));
document.getElementById('collapse-all').addEventListener('click',()=>set(false));
const show=()=>{const id=decodeURIComponent(location.hash.slice(1));const t=id&&document.getElementById(id);
if(t&&t.tagName==='DETAILS'){t.open=true;const s=t.querySelector('summary');if(s)s.focus();}};
addEventListener('hashchange',show);show();})();`;

/** The script's hash for the page's Content-Security-Policy. */
const SCRIPT_HASH = createHash('sha256').update(SCRIPT).digest('base64');

/**
 * The whole self-contained page: inline style and script only, a Content-Security-Policy that lets
 * the page load nothing at all (no network, no font, no image; only its own script by hash), one
 * section per run (after the summary of a `telaio test` page). Pure; the report is already masked.
 */
export function renderHtmlPage(
  report: HtmlReport,
  options: {
    readonly revealed: boolean;
    /** Each run's graph layout, by the run's position (html-layout-graphviz.ts); the simple layout where absent. */
    readonly layouts?: readonly (GraphLayout | undefined)[];
  },
): string {
  const csp = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${SCRIPT_HASH}'; img-src 'none'; base-uri 'none'; form-action 'none'`;
  const failed = report.runs.filter((r) => r.status === 'failure').length;
  const summary =
    report.suite !== undefined
      ? renderSuiteSummary(report.suite)
      : report.runs.length === 1
        ? ''
        : `<p>${report.runs.length - failed} passed, ${failed} failed</p>`;
  const secrets = options.revealed
    ? '<strong>Secrets are shown</strong> (--reveal-secrets): do not share this file.'
    : 'Credentials and secret-looking values are masked as [REDACTED].';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="color-scheme" content="light dark">
<meta name="generator" content="telaio">
<title>${e(report.title)}</title>
<style>${HTML_STYLE}</style>
</head>
<body>
<main>
<h1>${e(report.title)}</h1>
${summary}<div class="toolbar"><button type="button" id="expand-all">Expand all steps</button><button type="button" id="collapse-all">Collapse all steps</button><span class="dim">${e(report.createdAt)}</span></div>
${report.runs.map((run, n) => renderRunSection(run, n, options.layouts?.[n])).join('\n')}
<footer>Written by telaio. ${secrets}</footer>
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
