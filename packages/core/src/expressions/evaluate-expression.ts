/**
 * Evaluates a parsed runtime expression over one moment of a run (Arazzo 1.0.1 §4.6.13: "Runtime
 * expressions preserve the type of the referenced value").
 */
import type { MessageSource, PointerTokens, RuntimeExpression } from './ast.js';
import {
  type ExpressionContext,
  type MessageView,
  type MissingValueListener,
  standInValue,
} from './context.js';
import { getMember, type Lookup, lookupName, resolvePointer } from './json-pointer.js';

const MISSING_CONTEXT: Lookup = { found: false, reason: 'not available at this point of the run' };

/**
 * The value `expr` yields in `ctx`, with its JSON type. When the expression reaches nothing (an
 * unknown output, a pointer miss, no response yet) `onMissing` is told why and the result is
 * undefined, or the value it returns through `standIn`; this function never throws for data reasons.
 */
export function evaluateExpression(
  expr: RuntimeExpression,
  ctx: ExpressionContext,
  onMissing?: MissingValueListener,
): unknown {
  const result = lookup(expr, ctx);
  if (result.found) return result.value;
  return standInValue(onMissing?.({ expression: expr.text, reason: result.reason }));
}

function lookup(expr: RuntimeExpression, ctx: ExpressionContext): Lookup {
  switch (expr.kind) {
    case 'url':
      return ctx.url === undefined ? MISSING_CONTEXT : { found: true, value: ctx.url };
    case 'method':
      return ctx.method === undefined ? MISSING_CONTEXT : { found: true, value: ctx.method };
    case 'statusCode':
      return ctx.statusCode === undefined ? MISSING_CONTEXT : { found: true, value: ctx.statusCode };
    case 'request':
      return readMessage(ctx.request, expr.source);
    case 'response':
      return readMessage(ctx.response, expr.source);
    case 'message':
      return readMessage(ctx.message, expr.source);
    case 'self':
      return ctx.self === undefined
        ? { found: false, reason: 'the document has no $self' }
        : { found: true, value: ctx.self };
    case 'inputs':
      return withPointer(lookupName(ctx.inputs, expr.name), expr.pointer);
    case 'outputs':
      return withPointer(lookupName(ctx.outputs, expr.name), expr.pointer);
    case 'steps': {
      const step = ctx.steps[expr.stepId];
      if (step === undefined || !Object.hasOwn(ctx.steps, expr.stepId))
        return { found: false, reason: `step '${expr.stepId}' has not run` };
      return withPointer(lookupName(step.outputs, expr.name ?? ''), expr.pointer);
    }
    case 'workflows': {
      const workflow = Object.hasOwn(ctx.workflows, expr.workflowId)
        ? ctx.workflows[expr.workflowId]
        : undefined;
      if (workflow === undefined)
        return { found: false, reason: `workflow '${expr.workflowId}' has not run` };
      const record = expr.property === 'inputs' ? workflow.inputs : workflow.outputs;
      return withPointer(lookupName(record, expr.name ?? ''), expr.pointer);
    }
    case 'sourceDescriptions': {
      const source = getMember(ctx.sourceDescriptions, expr.name);
      if (!source.found || expr.property === undefined) return source;
      return getMember(source.value, expr.property);
    }
    case 'components': {
      const group = getMember(ctx.components, expr.componentType);
      return group.found ? getMember(group.value, expr.name) : group;
    }
  }
}

function withPointer(base: Lookup, pointer: PointerTokens | undefined): Lookup {
  return !base.found || pointer === undefined ? base : resolvePointer(base.value, pointer);
}

function readMessage(message: MessageView | undefined, source: MessageSource): Lookup {
  if (message === undefined) return MISSING_CONTEXT;
  switch (source.type) {
    case 'header':
      return readHeader(message.headers, source.name);
    case 'query':
      return getMember(message.query ?? {}, source.name);
    case 'path':
      return getMember(message.path ?? {}, source.name);
    case 'body':
    case 'payload':
      if (message.body === undefined) return { found: false, reason: 'the message has no body' };
      return source.pointer === undefined
        ? { found: true, value: message.body }
        : resolvePointer(message.body, source.pointer);
  }
}

/** Header names are case-insensitive (RFC 9110 §5.1). */
function readHeader(headers: Readonly<Record<string, string>>, name: string): Lookup {
  const lower = name.toLowerCase();
  if (Object.hasOwn(headers, lower)) return { found: true, value: headers[lower] };
  for (const key of Object.keys(headers)) {
    if (key.toLowerCase() === lower) return { found: true, value: headers[key] };
  }
  return { found: false, reason: `no header '${name}'` };
}
