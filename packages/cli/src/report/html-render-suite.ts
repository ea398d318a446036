import { escapeHtml as e } from './html-escape.js';
import { formatMs } from './html-render-step.js';
import type { HtmlCounts, HtmlSuite, HtmlSuiteWorkflow } from './html-types.js';

/** The mark and word of each workflow status (the word is what a screen reader says). */
const STATUS = {
  passed: { icon: '✓', cls: 'success' },
  failed: { icon: '✗', cls: 'failure' },
  skipped: { icon: '–', cls: 'skipped' },
} as const;

/**
 * The summary of a `telaio test` page: the verdict over every workflow, then one table per file with
 * a row per workflow (its status, a link to its run's section, its own steps passed/failed/skipped,
 * warnings, duration, and why it failed or was skipped). Failed rows are marked and sort nowhere
 * else: document order is kept so the page reads like the test's other reports. Pure; masked data.
 */
export function renderSuiteSummary(suite: HtmlSuite): string {
  const { workflows } = suite;
  const verdict =
    workflows.failed > 0
      ? `<span class="icon failure" aria-hidden="true">✗</span> ${workflows.failed} of ${total(workflows)} workflow${total(workflows) === 1 ? '' : 's'} failed`
      : `<span class="icon success" aria-hidden="true">✓</span> every workflow passed`;
  const line = `workflows: ${counts(workflows)} · steps: ${counts(suite.steps)}${suite.warnings > 0 ? ` · ${suite.warnings} warning${suite.warnings === 1 ? '' : 's'}` : ''} · ${suite.files.length} file${suite.files.length === 1 ? '' : 's'} · ${formatMs(suite.durationMs)}`;
  const tables = suite.files
    .map(
      (file) =>
        `<table class="suite"><caption><code>${e(file.file)}</code> <span class="dim">${formatMs(file.durationMs)}</span></caption><colgroup><col class="c-status"><col class="c-name"><col class="c-steps"><col class="c-time"><col></colgroup><thead><tr><th scope="col">status</th><th scope="col">workflow</th><th scope="col">steps</th><th scope="col">time</th><th scope="col">why</th></tr></thead><tbody>${file.workflows.map(renderRow).join('')}</tbody></table>`,
    )
    .join('');
  return `<section class="summary ${workflows.failed > 0 ? 'failure' : 'success'}" aria-labelledby="summary"><h2 id="summary">${verdict}</h2><p class="dim">${line}</p>${tables}</section>`;
}

/** One workflow's row. */
function renderRow(w: HtmlSuiteWorkflow): string {
  const s = STATUS[w.status];
  const name =
    w.run === undefined
      ? `<code>${e(w.workflowId)}</code>`
      : `<a href="#run-${w.run}"><code>${e(w.workflowId)}</code></a>`;
  const steps = [
    w.steps.passed > 0 ? `${w.steps.passed} passed` : '',
    w.steps.failed > 0 ? `<span class="errcode">${w.steps.failed} failed</span>` : '',
    w.steps.skipped > 0 ? `${w.steps.skipped} skipped` : '',
    w.warnings > 0 ? `<span class="warn">${w.warnings} warning${w.warnings === 1 ? '' : 's'}</span>` : '',
  ]
    .filter((x) => x !== '')
    .join(', ');
  const why =
    w.error !== undefined
      ? `<strong class="errcode">${e(w.error.code)}</strong>${w.error.stepId === undefined ? '' : ` at <code>${e(w.error.stepId)}</code>`}`
      : w.skippedBecause === undefined
        ? ''
        : e(w.skippedBecause);
  return `<tr class="wf ${w.status}" data-workflow="${e(w.workflowId)}"><td><span class="icon ${s.cls}" aria-hidden="true">${s.icon}</span> ${w.status}</td><td>${name}</td><td>${steps || '—'}</td><td class="num">${w.status === 'skipped' ? '—' : formatMs(w.durationMs)}</td><td>${why}</td></tr>`;
}

function total(c: HtmlCounts): number {
  return c.passed + c.failed + c.skipped;
}

/** `2 passed, 1 failed, 0 skipped`. */
function counts(c: HtmlCounts): string {
  return `${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`;
}
