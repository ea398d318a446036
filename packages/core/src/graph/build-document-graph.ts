import type { ArazzoDocument, Step, Workflow } from '../model/arazzo.js';
import type { OperationIndex } from '../sources/types.js';
import { collectStepActions, type DrawnAction } from './collect-step-actions.js';
import { describeStep } from './describe-step.js';
import type {
  DocumentGraph,
  ExternalWorkflowNode,
  GraphEdge,
  StepNode,
  WorkflowGraph,
} from './graph-types.js';
import { labelAction } from './label-action.js';

const EXTERNAL = /^\$sourceDescriptions\.([^.]+)\.(.+)$/;
const STEP_OF_WORKFLOW = /^\$workflows\.([^.]+)\.steps\.(.+)$/;

/**
 * The graph of every workflow of `document`: steps in order (start → first step, each to the next
 * unless an unconditional success action says otherwise, the last to `done`), success and failure
 * actions as labelled edges (goto, retry with limit and wait, end), nested workflow calls and goto
 * to workflows as edges to their subgraphs (or to an external node for `$sourceDescriptions.x.wf`),
 * workflow `dependsOn` and 1.1 step `dependsOn`. `index` adds each operation's method, path and
 * source. Tolerates a document that failed validation: whatever cannot be read is left out.
 */
export function buildDocumentGraph(document: ArazzoDocument, index?: OperationIndex): DocumentGraph {
  const workflows = (Array.isArray(document?.workflows) ? document.workflows : []).filter(
    (w): w is Workflow => w !== null && typeof w === 'object',
  );
  const byId = new Map<string, number>();
  workflows.forEach((w, i) => {
    if (typeof w.workflowId === 'string' && !byId.has(w.workflowId)) byId.set(w.workflowId, i);
  });
  const externals = new Map<string, ExternalWorkflowNode>();
  const edges: GraphEdge[] = [];
  /** The node id of a workflow reference, or undefined when it names nothing known. */
  const workflowNode = (ref: string): string | undefined => {
    const local = byId.get(ref);
    if (local !== undefined) return `workflow:${local}`;
    const external = EXTERNAL.exec(ref);
    if (external === null) return undefined;
    const id = `external:${externals.size}`;
    const existing = externals.get(ref);
    if (existing !== undefined) return existing.id;
    externals.set(ref, { id, source: external[1] as string, workflowId: external[2] as string });
    return id;
  };
  const graphs = workflows.map((workflow, w): WorkflowGraph => {
    const steps = (Array.isArray(workflow.steps) ? workflow.steps : []).filter(
      (s): s is Step => s !== null && typeof s === 'object',
    );
    const nodes = steps.map((step, s) => describeStep(step, `${w}.${s}`, index));
    const stepNode = (stepId: string) => nodes.find((n) => n.stepId === stepId)?.id;
    const own: GraphEdge[] = [];
    if (nodes[0] !== undefined) own.push({ from: `${w}.start`, to: nodes[0].id, kind: 'start', label: '' });
    steps.forEach((step, s) => {
      const node = nodes[s] as StepNode;
      if (node.kind === 'workflow') {
        const called = workflowNode(node.target);
        if (called !== undefined) own.push({ from: node.id, to: called, kind: 'call', label: 'calls' });
      }
      const success = collectStepActions(document, workflow, step, 'success');
      for (const action of success) own.push(...actionEdges(action, node, `${w}`, stepNode, workflowNode));
      if (!success.some((a) => a.conditions.length === 0 && (a.type === 'end' || a.type === 'goto'))) {
        const next = nodes[s + 1];
        own.push({ from: node.id, to: next?.id ?? `${w}.done`, kind: 'next', label: '' });
      }
      for (const action of collectStepActions(document, workflow, step, 'failure'))
        own.push(...actionEdges(action, node, `${w}`, stepNode, workflowNode, true));
      for (const ref of Array.isArray(step.dependsOn) ? step.dependsOn : []) {
        const from = stepDependency(ref, stepNode, workflows, byId);
        if (from !== undefined) own.push({ from, to: node.id, kind: 'depends', label: 'dependsOn' });
      }
    });
    const dependsOn = (Array.isArray(workflow.dependsOn) ? workflow.dependsOn : []).filter(
      (d): d is string => typeof d === 'string',
    );
    for (const ref of dependsOn) {
      const from = workflowNode(ref);
      if (from !== undefined) own.push({ from, to: `workflow:${w}`, kind: 'depends', label: 'dependsOn' });
    }
    edges.push(...own);
    const reached = new Set(own.flatMap((e) => [e.from, e.to]));
    return {
      id: `workflow:${w}`,
      workflowId: typeof workflow.workflowId === 'string' ? workflow.workflowId : `(workflow ${w + 1})`,
      ...(typeof workflow.summary === 'string' ? { summary: workflow.summary } : {}),
      dependsOn,
      steps: nodes,
      terminals: (['start', 'done', 'failed'] as const).filter((t) => reached.has(`${w}.${t}`)),
    };
  });
  const title = document?.info?.title;
  return {
    ...(typeof title === 'string' ? { title } : {}),
    workflows: graphs,
    externals: [...externals.values()],
    edges,
  };
}

/** The edges one action adds: goto to a step or workflow, retry (to itself or a step), end. */
function actionEdges(
  action: DrawnAction,
  node: StepNode,
  w: string,
  stepNode: (stepId: string) => string | undefined,
  workflowNode: (ref: string) => string | undefined,
  failure = false,
): GraphEdge[] {
  const label = labelAction(action);
  const flag = failure ? { failure: true } : {};
  if (action.type === 'end')
    return [{ from: node.id, to: failure ? `${w}.failed` : `${w}.done`, kind: 'end', label, ...flag }];
  if (action.type !== 'goto' && action.type !== 'retry') return [];
  const to =
    action.stepId !== undefined
      ? stepNode(action.stepId)
      : action.workflowId !== undefined
        ? workflowNode(action.workflowId)
        : action.type === 'retry'
          ? node.id
          : undefined;
  return to === undefined ? [] : [{ from: node.id, to, kind: action.type, label, ...flag }];
}

/** The node a 1.1 step `dependsOn` entry names: a stepId of this workflow or `$workflows.x.steps.y`. */
function stepDependency(
  ref: unknown,
  stepNode: (stepId: string) => string | undefined,
  workflows: readonly Workflow[],
  byId: ReadonlyMap<string, number>,
): string | undefined {
  if (typeof ref !== 'string') return undefined;
  const qualified = STEP_OF_WORKFLOW.exec(ref);
  if (qualified === null) return stepNode(ref);
  const w = byId.get(qualified[1] as string);
  if (w === undefined) return undefined;
  const s = (workflows[w]?.steps ?? []).findIndex((step) => step?.stepId === qualified[2]);
  return s < 0 ? undefined : `${w}.${s}`;
}
