/**
 * The graph of an Arazzo document as `telaio graph` draws it: built once (buildDocumentGraph), then
 * rendered by pure functions (renderMermaid, renderDot). Plain data: no renderer reads the document.
 */

/** What a step does: call an API operation, send or receive a message (1.1), or run a workflow. */
export type StepKind = 'operation' | 'message' | 'workflow';

/** One step of a workflow, as a node. */
export interface StepNode {
  /** Unique within the whole graph (`<workflow index>.<step index>`), safe for any renderer. */
  readonly id: string;
  readonly stepId: string;
  readonly kind: StepKind;
  /** operationId, operationPath, channelPath or the called workflowId, as written. */
  readonly target: string;
  /** `GET /v1/users/{id}` when the operation was found in a source. */
  readonly operation?: string;
  /** The sourceDescription the operation or workflow comes from. */
  readonly source?: string;
  /** 1.1 message steps: `send` or `receive`. */
  readonly action?: string;
}

/** A workflow defined in another document (`$sourceDescriptions.x.wf`), drawn as one node. */
export interface ExternalWorkflowNode {
  readonly id: string;
  readonly workflowId: string;
  readonly source: string;
}

/** How control (or a prerequisite) passes along an edge. */
export type EdgeKind = 'start' | 'next' | 'goto' | 'retry' | 'end' | 'call' | 'depends';

/**
 * One edge. `from`/`to` are StepNode ids, workflow ids (`workflow:<index>`), external ids, or the
 * terminals `<workflow index>.start`, `<workflow index>.done` (success) and `<workflow index>.failed`.
 */
export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: EdgeKind;
  /** What a person reads on the edge: the action's name, type, limits, whether it has criteria. */
  readonly label: string;
  /** true for failure paths (onFailure actions): renderers draw them apart. */
  readonly failure?: boolean;
}

/** One workflow as a subgraph. */
export interface WorkflowGraph {
  /** `workflow:<index>`. */
  readonly id: string;
  readonly workflowId: string;
  readonly summary?: string;
  /** Workflow dependsOn, as written. */
  readonly dependsOn: readonly string[];
  /** Steps in document order. */
  readonly steps: readonly StepNode[];
  /** Which terminals any edge reaches (renderers draw only those). */
  readonly terminals: readonly ('start' | 'done' | 'failed')[];
}

/** A whole document: its workflows, external workflows they call, and every edge. */
export interface DocumentGraph {
  readonly title?: string;
  readonly workflows: readonly WorkflowGraph[];
  readonly externals: readonly ExternalWorkflowNode[];
  readonly edges: readonly GraphEdge[];
}
