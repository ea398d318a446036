import {
  type ArazzoDocument,
  buildDocumentGraph,
  createOperationIndex,
  type PositionMap,
  type ResolvedSource,
  type ResponseCheckFailure,
  type RunResult,
  selectWorkflowGraph,
  type Workflow,
} from '@telaio/core';
import { displayPath } from '../formatters/display-path.js';
import type { RecordedExecution } from './html-record-run.js';
import { traceRunPath } from './html-trace-path.js';
import type { HtmlCheck, HtmlError, HtmlExecution, HtmlRun } from './html-types.js';

/** What one run's section of the report is built from. */
export interface HtmlRunSource {
  /** The Arazzo file as shown. */
  readonly file: string;
  readonly result: RunResult;
  readonly executions: readonly RecordedExecution[];
  /** The document as loaded (its graph is drawn) and its resolved sources (method and path of each operation). */
  readonly document: ArazzoDocument;
  readonly sources?: readonly ResolvedSource[];
  /** Where each node of the Arazzo text sits (for lines); undefined leaves lines at 0. */
  readonly positions?: PositionMap;
  /** The working directory: OpenAPI files of check findings are shown relative to it. */
  readonly cwd?: string;
}

/**
 * One run's section, unmasked: its executions as recorded with the engine's result of each, the line
 * of each step in the Arazzo file, the graph of the workflow (and what it reaches) with the path the
 * run took, and the error with the line of the failed criterion (else of the failing step).
 */
export function buildHtmlRun(source: HtmlRunSource): HtmlRun {
  const { result, document } = source;
  const workflows: readonly Workflow[] = Array.isArray(document.workflows) ? document.workflows : [];
  const lineOf = (pointer: string): number => source.positions?.rangeOf(pointer).start.line ?? 0;
  const stepPointer = (workflowId: string, stepId: string): string | undefined => {
    const w = workflows.findIndex((x) => x.workflowId === workflowId);
    const s = w < 0 ? -1 : (workflows[w]?.steps ?? []).findIndex((x) => x.stepId === stepId);
    return s < 0 ? undefined : `/workflows/${w}/steps/${s}`;
  };
  const stepLine = (workflowId: string, stepId: string): number => {
    const pointer = stepPointer(workflowId, stepId);
    return pointer === undefined ? 0 : lineOf(`${pointer}/stepId`);
  };
  const full = buildDocumentGraph(
    document,
    source.sources === undefined ? undefined : createOperationIndex(source.sources),
  );
  const graph = selectWorkflowGraph(full, result.workflowId);
  const nodes = new Map<string, string>();
  for (const w of [...(graph?.workflows ?? [])].reverse())
    for (const s of w.steps) nodes.set(`${w.workflowId}\u0000${s.stepId}`, s.id);
  const executions: HtmlExecution[] = source.executions.map((e, index) => {
    const r = e.result;
    const nodeId = nodes.get(`${e.workflowId}\u0000${e.stepId}`);
    return {
      index,
      workflowId: e.workflowId,
      stepId: e.stepId,
      depth: e.depth,
      startMs: e.startMs,
      endMs: e.endMs,
      status: r.status === 'success' ? 'success' : 'failure',
      ...(r.statusCode === undefined ? {} : { statusCode: r.statusCode }),
      ...(r.reason === undefined ? {} : { reason: r.reason }),
      ...(r.failedCriterion === undefined ? {} : { failedCriterion: r.failedCriterion }),
      line: stepLine(e.workflowId, e.stepId),
      outputs: r.outputs,
      attempts: e.attempts,
      actions: e.actions,
      ...(nodeId === undefined ? {} : { nodeId }),
      ...checksOf(r, source.cwd),
    };
  });
  const error = result.error;
  let htmlError: HtmlError | undefined;
  if (result.status === 'failure') {
    const e = error ?? { code: 'workflow-failed', message: 'the workflow failed' };
    const failing = [...executions].reverse().find((x) => x.stepId === e.stepId && x.status === 'failure');
    const workflowId = failing?.workflowId ?? result.workflowId;
    let line = e.stepId === undefined ? 0 : stepLine(workflowId, e.stepId);
    const pointer = e.stepId === undefined ? undefined : stepPointer(workflowId, e.stepId);
    const criteria =
      pointer === undefined ? undefined : workflows.find((w) => w.workflowId === workflowId)?.steps;
    const step = criteria?.find((s) => s.stepId === e.stepId);
    const k = (step?.successCriteria ?? []).findIndex((c) => c.condition === e.failedCriterion?.condition);
    if (pointer !== undefined && k >= 0) line = lineOf(`${pointer}/successCriteria/${k}/condition`);
    htmlError = {
      code: e.code,
      message: e.message,
      line,
      ...(e.stepId === undefined ? {} : { stepId: e.stepId }),
      ...(e.failedCriterion === undefined ? {} : { failedCriterion: e.failedCriterion }),
      ...(e.response === undefined ? {} : { response: e.response }),
    };
  }
  return {
    file: source.file,
    workflowId: result.workflowId,
    status: result.status,
    durationMs: result.durationMs,
    ...(htmlError === undefined ? {} : { error: htmlError }),
    outputs: result.outputs,
    executions,
    skipped: result.steps
      .filter((s) => s.status === 'skipped')
      .map((s) => ({ workflowId: s.workflowId, stepId: s.stepId })),
    ...(graph === undefined ? {} : { graph }),
    path:
      graph === undefined
        ? { nodes: [], edges: [] }
        : traceRunPath({
            graph,
            workflowId: result.workflowId,
            executions,
            status: result.status,
            ...(error?.stepId === undefined ? {} : { failedStepId: error.stepId }),
          }),
  };
}

/** The failed response checks a step result carries (with response checks on), as the report shows them. */
function checksOf(result: RunResult['steps'][number], cwd: string | undefined): { checks?: HtmlCheck[] } {
  const found = (result as { readonly checks?: readonly ResponseCheckFailure[] }).checks ?? [];
  if (found.length === 0) return {};
  return {
    checks: found.map((c) => ({
      check: c.check,
      respectName: c.respectName,
      severity: c.severity,
      message: c.message,
      ...(c.keyword === undefined ? {} : { keyword: c.keyword }),
      ...(c.instancePointer === undefined ? {} : { instancePointer: c.instancePointer }),
      ...(c.location === undefined
        ? {}
        : {
            where: `${cwd === undefined ? c.location.uri : displayPath(c.location.uri, cwd)}:${c.location.line}:${c.location.column}`,
          }),
    })),
  };
}
