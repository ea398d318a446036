import { escapeHtml as e } from './html-escape.js';
import type { HtmlAttempt, HtmlExecution, HtmlMessage, HtmlResponse } from './html-types.js';

/** Longest body shown, in characters (the rest is cut, with how much was left out). */
const MAX_BODY = 16_000;
/** Input waits shorter than this (an env or totp provider answering at once) are not marked. */
const MIN_WAIT = 10;

/**
 * One row of the timeline: a `<details>` whose summary (focusable, Enter or Space opens it) shows
 * the step's verdict, name, status code, duration (without input waits), its bar on the run's time
 * axis (one segment per attempt, retry waits between them, input waits hatched over them) and the
 * actions it took; opened, each attempt's request and
 * response, the criteria with their verdicts, the reason of a failure with its Arazzo line, and the
 * step's outputs. A failed step is open from the start. Pure; `execution` is already masked.
 */
export function renderStepRow(
  execution: HtmlExecution,
  options: {
    readonly totalMs: number;
    readonly file: string;
    readonly failedHere: boolean;
    /** The run's position on the page (rowAnchor). */
    readonly run: number;
  },
): string {
  const x = execution;
  const total = Math.max(options.totalMs, 1);
  const pct = (ms: number) => `${Math.min(100, Math.max(0, (ms / total) * 100)).toFixed(2)}%`;
  const width = (a: number, b: number) =>
    `${Math.max(0.4, Math.min(100, ((b - a) / total) * 100)).toFixed(2)}%`;
  const segments = x.attempts
    .map(
      (a) =>
        `<span class="seg${a === x.attempts.at(-1) ? ` ${x.status}` : ' retried'}" style="left:${pct(a.startMs)};width:${width(a.startMs, a.endMs)}"></span>`,
    )
    .join('');
  const waits = x.attempts.flatMap((a) => a.waits ?? []).filter((w) => w.endMs - w.startMs >= MIN_WAIT);
  const waited = waits.reduce((sum, w) => sum + (w.endMs - w.startMs), 0);
  const waitSegments = waits
    .map(
      (w) =>
        `<span class="seg wait" style="left:${pct(w.startMs)};width:${width(w.startMs, w.endMs)}"></span>`,
    )
    .join('');
  const span = `<span class="span" style="left:${pct(x.startMs)};width:${width(x.startMs, x.endMs)}"></span>`;
  const icon = x.status === 'success' ? '✓' : '✗';
  const warnings = (x.checks ?? []).filter((c) => c.severity === 'warn').length;
  const chips = [
    waits.length > 0
      ? `<span class="chip wait" title="time spent waiting for inputs, not counted in the step's time">⏸ waited ${formatMs(waited)} for ${e([...new Set(waits.map((w) => w.name))].join(', '))}</span>`
      : '',
    warnings > 0
      ? `<span class="chip warn">⚠ ${warnings} check warning${warnings === 1 ? '' : 's'}</span>`
      : '',
    x.attempts.length > 1 ? `<span class="chip retry">↻ ${x.attempts.length} attempts</span>` : '',
    ...x.actions
      .filter((a) => a.type !== 'retry')
      .map((a) => {
        const target = a.targetStepId ?? a.targetWorkflowId;
        return `<span class="chip ${a.type}">${a.type === 'goto' ? '↪' : '■'} ${e(a.type)} ${e(target ?? '')}</span>`;
      }),
  ].join('');
  const ms = Math.round(x.endMs - x.startMs - waited);
  const summary = `<summary><span class="icon ${x.status}" aria-label="${x.status === 'success' ? 'succeeded' : 'failed'}">${icon}</span><span class="name" style="padding-left:${x.depth * 1.2}em">${x.depth > 0 ? `<span class="wf">${e(x.workflowId)} › </span>` : ''}${e(x.stepId)}</span><span class="code">${x.statusCode ?? messageMark(x)}</span><span class="ms">${ms} ms</span><span class="track" aria-hidden="true">${span}${segments}${waitSegments}</span><span class="chips">${chips}</span></summary>`;
  const where = x.line > 0 ? `${options.file}:${x.line}` : options.file;
  const reason =
    x.status === 'failure'
      ? `<p class="reason"><strong>Failed:</strong> ${e(x.reason ?? 'the step failed')}${x.failedCriterion === undefined ? '' : ` <span class="crit">(criterion <code>${e(x.failedCriterion.condition)}</code>)</span>`}</p>`
      : '';
  const checks =
    x.checks === undefined || x.checks.length === 0
      ? ''
      : `<h5>Response checks</h5><ul class="checks">${x.checks
          .map(
            (c) =>
              `<li class="${c.severity}"><span class="icon ${c.severity === 'error' ? 'failure' : 'warning'}" aria-label="${c.severity === 'error' ? 'error' : 'warning'}">${c.severity === 'error' ? '✗' : '⚠'}</span> <code>${e(c.respectName)}</code> ${e(c.message)}${c.instancePointer === undefined ? '' : ` <span class="dim">at <code>${e(c.instancePointer || '/')}</code></span>`}${c.keyword === undefined ? '' : ` <span class="dim">keyword <code>${e(c.keyword)}</code></span>`}${c.where === undefined ? '' : ` <span class="dim"><code>${e(c.where)}</code></span>`}</li>`,
          )
          .join('')}</ul>`;
  const attempts = x.attempts.map((a) => renderAttempt(a, x.attempts.length)).join('');
  const outputs = Object.keys(x.outputs).length > 0 ? `<h4>Outputs</h4>${renderValues(x.outputs)}` : '';
  const cls = `step ${x.status}${options.failedHere ? ' failed-here' : ''}`;
  return `<li class="${cls}" data-step="${e(x.stepId)}"><details id="${rowAnchor(options.run, x.index)}"${x.status === 'failure' ? ' open' : ''}>${summary}<div class="body"><p class="where">step <code>${e(x.stepId)}</code> of workflow <code>${e(x.workflowId)}</code> · <code>${e(where)}</code></p>${reason}${checks}${attempts}${outputs}</div></details></li>`;
}

/** One attempt: its timing, request, response and criteria. */
function renderAttempt(a: HtmlAttempt, of: number): string {
  const heading =
    of > 1
      ? `<h4>Attempt ${a.attempt} of ${of} <span class="dim">${Math.round(a.endMs - a.startMs)} ms</span></h4>`
      : '';
  const inputs = (a.waits ?? [])
    .filter((w) => w.endMs - w.startMs >= MIN_WAIT)
    .map(
      (w) => `<p class="dim">waited ${formatMs(w.endMs - w.startMs)} for input <code>${e(w.name)}</code></p>`,
    )
    .join('');
  const wait =
    a.retryDelayMs === undefined
      ? ''
      : `<p class="dim">retried after waiting ${formatMs(a.retryDelayMs)}</p>`;
  const request =
    a.request === undefined
      ? '<p class="dim">no request was sent</p>'
      : `<p class="line"><code>${e(a.request.method)} ${e(a.request.url)}</code></p>${renderHeaders(a.request.headers)}${a.request.body === undefined ? '' : renderBody(a.request.body)}`;
  const response = a.response === undefined ? '<p class="dim">no response</p>' : renderResponse(a.response);
  const criteria =
    a.criteria.length === 0
      ? ''
      : `<h5>Criteria</h5><ul class="criteria">${a.criteria
          .map(
            (c) =>
              `<li class="${c.passed ? 'pass' : 'fail'}"><span class="icon ${c.passed ? 'success' : 'failure'}" aria-label="${c.passed ? 'held' : 'did not hold'}">${c.passed ? '✓' : '✗'}</span> <code>${e(c.condition)}</code>${c.of === 'success' ? '' : ` <span class="dim">(action ${e(c.of)})</span>`}</li>`,
          )
          .join('')}</ul>`;
  const exchange =
    a.message === undefined
      ? `<div class="exchange"><div><h5>Request</h5>${request}</div><div><h5>Response</h5>${response}</div></div>`
      : renderMessage(a.message);
  return `<section class="attempt">${heading}${exchange}${inputs}${criteria}${wait}</section>`;
}

/** The code cell of a step with no status code: ⇢ for a message sent, ⇠ for one received, else a dash. */
function messageMark(x: HtmlExecution): string {
  const action = x.attempts.at(-1)?.message?.action;
  return action === 'send' ? '⇢' : action === 'receive' ? '⇠' : '—';
}

/** An AsyncAPI step's message: what it sent or received, where, its correlation id, headers and body. */
function renderMessage(m: HtmlMessage): string {
  const { message } = m;
  const correlation =
    message.correlationId === undefined
      ? ''
      : ` <span class="dim">correlationId</span> <code>${e(message.correlationId)}</code>`;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers))
    headers[name] = typeof value === 'string' ? value : JSON.stringify(value);
  return `<div class="exchange"><div><h5>Message ${m.action === 'send' ? 'sent' : 'received'}</h5><p class="line"><code>${m.action === 'send' ? 'SEND' : 'RECEIVE'} ${e(message.address)}</code> <span class="dim">${e(message.serverUrl)}</span>${correlation}</p>${renderHeaders(headers)}${renderBody(message.body)}</div></div>`;
}

function renderResponse(r: HtmlResponse): string {
  return `<p class="line"><code>${r.statusCode}</code></p>${renderHeaders(r.headers)}${r.body === undefined ? '' : renderBody(r.body)}`;
}

function renderHeaders(headers: Readonly<Record<string, string>>): string {
  const rows = Object.entries(headers);
  if (rows.length === 0) return '';
  return `<details class="headers"><summary>${rows.length} header${rows.length === 1 ? '' : 's'}</summary><table>${rows
    .map(([k, v]) => `<tr><th>${e(k)}</th><td>${e(v)}</td></tr>`)
    .join('')}</table></details>`;
}

/** A body as text: JSON pretty-printed, cut past MAX_BODY characters. */
export function renderBody(body: unknown): string {
  let text = typeof body === 'string' ? body : JSON.stringify(body, null, 2);
  if (typeof body === 'string') {
    try {
      text = JSON.stringify(JSON.parse(body), null, 2);
    } catch {
      // not JSON: as it is
    }
  }
  const cut = text.length > MAX_BODY ? `\n… ${text.length - MAX_BODY} more characters not shown` : '';
  return `<pre>${e(text.slice(0, MAX_BODY))}${e(cut)}</pre>`;
}

/** Name/value pairs (outputs) as a table, values as JSON unless strings. */
export function renderValues(values: Readonly<Record<string, unknown>>): string {
  return `<table class="values">${Object.entries(values)
    .map(
      ([k, v]) =>
        `<tr><th>${e(k)}</th><td><code>${e(typeof v === 'string' ? v : (JSON.stringify(v) ?? 'undefined'))}</code></td></tr>`,
    )
    .join('')}</table>`;
}

/**
 * The id of a timeline row: `x-<index>` in the page's first run (so a `telaio run` page keeps its
 * links), `x-<run>-<index>` in the others (a `telaio test` page holds many runs).
 */
export function rowAnchor(run: number, index: number): string {
  return run === 0 ? `x-${index}` : `x-${run}-${index}`;
}

/** `250 ms`, `2 s`, `1.5 s`. */
export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${Number((ms / 1000).toFixed(2))} s`;
}
