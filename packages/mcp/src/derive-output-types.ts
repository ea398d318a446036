import type { OperationInfo, ResponseShape, Step, Workflow, WorkflowDocument } from '@telaio/core';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** The operation an operation step names (operationId, qualified or not, or operationPath). */
function findOperation(document: WorkflowDocument, step: Step): OperationInfo | undefined {
  const operations = document.sources.flatMap((s) => (s.kind === 'openapi' ? s.operations : []));
  if (step.operationId !== undefined) {
    const match = /^\$sourceDescriptions\.([^.]+)\.(.+)$/.exec(step.operationId);
    const [source, id] = match === null ? [undefined, step.operationId] : [match[1], match[2]];
    const found = operations.filter(
      (o) => o.operationId === id && (source === undefined || o.sourceName === source),
    );
    return found.length === 1 ? found[0] : undefined;
  }
  if (step.operationPath !== undefined) {
    const pointer = decodeURIComponent(step.operationPath.split('#')[1] ?? '');
    return operations.find((o) => o.pointer === pointer);
  }
  return undefined;
}

/** The shape a JSON Pointer reaches inside `shape`. */
function walkShape(shape: ResponseShape | undefined, pointer: string): ResponseShape | undefined {
  let node = shape;
  const tokens = pointer === '' ? [] : pointer.replace(/^\//, '').split('/');
  for (const raw of tokens) {
    if (node === undefined) return undefined;
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = /^\d+$/.test(key) && node.items !== undefined ? node.items : node.properties?.[key];
  }
  return node;
}

/** A JSON Schema for a shape (types only; `{}` where unknown). */
function schemaOf(shape: ResponseShape | undefined): Record<string, unknown> {
  if (shape === undefined) return {};
  if (shape.items !== undefined) return { type: 'array', items: schemaOf(shape.items) };
  if (shape.properties !== undefined) return { type: 'object' };
  return shape.type === undefined ? {} : { type: shape.type };
}

/**
 * The JSON Schema of a step output's value, where the expression tells: `$statusCode` is an
 * integer; `$response.body#/ptr` takes the type the OpenAPI success response gives at that
 * pointer; `$steps.x.outputs.y` follows that step's output. Anything else is `{}`.
 */
function typeOfExpression(
  document: WorkflowDocument,
  workflow: Workflow,
  step: Step | undefined,
  expression: unknown,
  depth: number,
): Record<string, unknown> {
  if (typeof expression !== 'string' || depth > 8) return {};
  if (expression === '$statusCode') return { type: 'integer' };
  const stepRef = /^\$steps\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_.-]+)$/.exec(expression);
  if (stepRef !== null) {
    const target = workflow.steps.find((s) => s.stepId === stepRef[1]);
    const output = target?.outputs?.[stepRef[2] ?? ''];
    return target === undefined ? {} : typeOfExpression(document, workflow, target, output, depth + 1);
  }
  const body = /^\$response\.body(?:#(.*))?$/.exec(expression);
  if (body === null || step === undefined) return {};
  const operation = findOperation(document, step);
  const shapes = operation?.responseShapes ?? {};
  const status = ['200', '201', '202', '2XX', 'default'].find((s) => s in shapes);
  return status === undefined ? {} : schemaOf(walkShape(shapes[status], body[1] ?? ''));
}

/** The JSON Schema of each of a workflow's outputs, typed where its expression allows. */
export function deriveOutputTypes(
  document: WorkflowDocument,
  workflow: Workflow,
): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [name, expression] of Object.entries(workflow.outputs ?? {})) {
    out[name] = isRecord(expression) ? {} : typeOfExpression(document, workflow, undefined, expression, 0);
  }
  return out;
}
