import { escapeHtml as e } from './html-escape.js';
import type { GraphLayout } from './html-layout-graph.js';
import { renderGraphSvg } from './html-render-graph.js';
import { formatMs, renderStepRow, renderValues, rowAnchor } from './html-render-step.js';
import type { HtmlRun } from './html-types.js';

/**
 * One run's section: the outcome (and the failure with its code, reason, failed criterion, the API's
 * answer and its Arazzo line), the timeline of step executions, the graph with the path taken, the
 * workflow's outputs and the steps no execution reached. Pure; `run` is already masked; `layout` is
 * its graph's Graphviz layout (the simple layout when absent).
 */
export function renderRunSection(run: HtmlRun, n: number, layout?: GraphLayout): string {
  const total = Math.max(run.durationMs, ...run.executions.map((x) => x.endMs), 1);
  const ok = run.status === 'success';
  const failedIndex = ok
    ? -1
    : (run.executions.findLast((x) => x.status === 'failure' && x.stepId === run.error?.stepId)?.index ?? -1);
  const attempts = run.executions.reduce((sum, x) => sum + x.attempts.length, 0);
  const stats = `${formatMs(run.durationMs)} · ${run.executions.length} step execution${run.executions.length === 1 ? '' : 's'} · ${attempts} request attempt${attempts === 1 ? '' : 's'}${run.skipped.length > 0 ? ` · ${run.skipped.length} skipped` : ''}`;
  const headline = ok
    ? `<span class="icon success" aria-hidden="true">✓</span> <code>${e(run.workflowId)}</code> succeeded`
    : `<span class="icon failure" aria-hidden="true">✗</span> <code>${e(run.workflowId)}</code> failed${run.error?.stepId === undefined ? '' : ` at step <a href="#${rowAnchor(n, failedIndex)}"><code>${e(run.error.stepId)}</code></a>`}`;
  const error = run.error;
  const failure =
    error === undefined
      ? ''
      : `<div class="failure" role="alert"><p><strong class="errcode">${e(error.code)}</strong>: ${e(error.message)}</p>${
          error.failedCriterion === undefined
            ? ''
            : `<p>Criterion: <code>${e(error.failedCriterion.condition)}</code> <span class="dim">(${e(error.failedCriterion.type)})</span></p>`
        }${
          error.response === undefined
            ? ''
            : `<p>Response: <code>${error.response.statusCode}</code>${error.response.excerpt === undefined ? '' : ` ${e(error.response.excerpt)}`}</p>`
        }<p>Arazzo: <code class="arazzo-line">${e(error.line > 0 ? `${run.file}:${error.line}` : run.file)}</code></p></div>`;
  const rows = new Map<string, { index: number; count: number }>();
  for (const x of run.executions) {
    if (x.nodeId === undefined) continue;
    const seen = rows.get(x.nodeId);
    rows.set(x.nodeId, { index: seen?.index ?? x.index, count: (seen?.count ?? 0) + 1 });
  }
  const graph =
    run.graph === undefined
      ? ''
      : `<section class="graph-box"><h3>Graph</h3><p class="legend"><span class="key taken"></span> the path this run took <span class="key failed"></span> where it failed <span class="key fail"></span> failure action (dashed)</p><div class="scroll" tabindex="0" role="region" aria-label="graph of ${e(run.workflowId)}">${renderGraphSvg({ graph: run.graph, rootWorkflowId: run.workflowId, path: run.path, rows, prefix: `g${n}`, anchor: (index) => rowAnchor(n, index), ...(layout === undefined ? {} : { layout }) })}</div></section>`;
  const timeline = `<section><h3>Timeline</h3><p class="dim">Each row is a step execution (Enter or Space opens it): its bar on the run's time axis, one segment per attempt (hatched: waiting for an input, not counted in the step's time).</p><ol class="timeline">${run.executions
    .map((x) =>
      renderStepRow(x, { totalMs: total, file: run.file, failedHere: x.index === failedIndex, run: n }),
    )
    .join('')}</ol></section>`;
  const outputs =
    Object.keys(run.outputs).length === 0
      ? ''
      : `<section><h3>Outputs</h3>${renderValues(run.outputs)}</section>`;
  const skipped =
    run.skipped.length === 0
      ? ''
      : `<section><h3>Not reached</h3><ul class="skipped">${run.skipped.map((s) => `<li><code>${e(s.stepId)}</code> <span class="dim">(${e(s.workflowId)})</span></li>`).join('')}</ul></section>`;
  return `<section class="run ${run.status}" aria-labelledby="run-${n}"><header><h2 id="run-${n}">${headline}</h2><p class="dim"><code>${e(run.file)}</code> · ${stats}</p></header>${failure}${timeline}${graph}${outputs}${skipped}</section>`;
}
