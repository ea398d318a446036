import type { Masker } from '../mask/create-masker.js';
import type { HtmlAttempt, HtmlReport } from './html-types.js';

/**
 * The report with every secret hidden, by the same masker and the same two rules as the json, junit
 * and HAR reports: a deep copy with values under secret-looking names and every value known secret
 * replaced by the mask (`masker.value`), and each request as `masker.record` shows one (headers, URL
 * query and body field by field). Renderers see only this; the page's text is masked once more.
 */
export function maskHtmlReport(report: HtmlReport, masker: Masker): HtmlReport {
  if (masker.reveal) return report;
  return {
    ...masker.value({ ...report, runs: [] }),
    runs: report.runs.map((run) => ({
      ...masker.value({ ...run, executions: [] }),
      executions: run.executions.map((execution) => ({
        ...masker.value({ ...execution, attempts: [] }),
        attempts: execution.attempts.map(maskAttempt(masker)),
      })),
    })),
  };
}

/** One attempt: its request through `masker.record`, its message through `masker.message`, the rest through `masker.value`. */
function maskAttempt(masker: Masker): (attempt: HtmlAttempt) => HtmlAttempt {
  return (attempt) => {
    const { request, message, ...rest } = attempt;
    const masked = request === undefined ? masker.value(rest) : masker.record({ ...rest, request });
    return message === undefined
      ? masked
      : { ...masked, message: { action: message.action, message: masker.message(message.message) } };
  };
}
