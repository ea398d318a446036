/**
 * Reads one runtime expression starting at a `$` inside a larger text (Arazzo 1.0.1 §4.6.13).
 * parseExpression, parseTemplate and the `simple` criterion parser all stand on it; the mode says
 * where free-form parts end (end of text, `}`, or a condition operator).
 */
import type { ExpressionSyntaxError, MessageSource, PointerTokens, RuntimeExpression } from './ast.js';
import type { DeclaredNames } from './declared-names.js';
import { ExpressionScanner, ScanFailure, type ScanMode } from './expression-scanner.js';
import { didYouMean } from './suggest-name.js';

/** Outcome of scanExpression: the expression and the offset just after it, or a syntax error. */
export type ScanResult =
  | { readonly ok: true; readonly expression: RuntimeExpression; readonly end: number }
  | { readonly ok: false; readonly error: ExpressionSyntaxError };

/** The expression sources after `$`, in the ABNF's order. */
export const EXPRESSION_SOURCES = [
  'url',
  'method',
  'statusCode',
  'request',
  'response',
  'message',
  'inputs',
  'outputs',
  'steps',
  'workflows',
  'sourceDescriptions',
  'components',
  'self',
] as const;

const MESSAGE_PARTS = ['header', 'query', 'path', 'body', 'payload'];
const COMPONENT_TYPES = ['parameters', 'inputs', 'successActions', 'failureActions'];

/**
 * Read one expression of `text` beginning at `start` (which must hold `$`). `names` lets a declared
 * name the strict grammar would cut short be read whole (see DeclaredNames). Never throws.
 */
export function scanExpression(
  text: string,
  start: number,
  mode: ScanMode,
  names?: DeclaredNames,
): ScanResult {
  const s = new ExpressionScanner(text, start, mode, names);
  try {
    const body = readExpression(s);
    const expression = { text: text.slice(start, s.pos), ...body } as RuntimeExpression;
    return { ok: true, expression, end: s.pos };
  } catch (e) {
    if (e instanceof ScanFailure) return { ok: false, error: { message: e.message, offset: e.offset } };
    throw e;
  }
}

type Body = Record<string, unknown> & { kind: string };

function readExpression(s: ExpressionScanner): Body {
  if (s.peek() !== '$') s.fail(`a runtime expression starts with '$'${s.describeHere()}`);
  s.pos++;
  const at = s.pos;
  const head = s.word();
  switch (head) {
    case 'url':
    case 'method':
    case 'statusCode':
    case 'self':
      return { kind: head };
    case 'request':
    case 'response':
    case 'message':
      s.dot(`$${head}`);
      return { kind: head, source: readMessageSource(s, head) };
    case 'inputs':
    case 'outputs': {
      s.dot(`$${head}`);
      const name = s.identifier(`an ${head === 'inputs' ? 'input' : 'output'} name`, false, head);
      return withPointer(s, { kind: head, name });
    }
    case 'steps':
      return readSteps(s);
    case 'workflows':
      return readWorkflows(s);
    case 'sourceDescriptions': {
      s.dot('$sourceDescriptions');
      const name = s.identifier('a source description name', true, 'sources');
      if (s.peek() !== '.') return { kind: head, name };
      s.pos++;
      return { kind: head, name, property: s.freeName('a property, operationId or workflowId') };
    }
    case 'components': {
      s.dot('$components');
      const typeAt = s.pos;
      const componentType = s.identifier('a component type', true);
      if (!COMPONENT_TYPES.includes(componentType)) {
        s.fail(
          `unknown component type '${componentType}'${didYouMean(componentType, COMPONENT_TYPES)}`,
          typeAt,
        );
      }
      s.dot(`$components.${componentType}`);
      return { kind: head, componentType, name: s.identifier('a component name') };
    }
    default: {
      if (head === '' && (s.peek() === '.' || s.peek() === '[')) {
        s.fail(
          `'$${s.peek()}' starts a JSONPath query, not a runtime expression (JSONPath needs type: jsonpath and a context)`,
          at - 1,
        );
      }
      if (head === '') s.fail(`expected an expression source after '$' (such as $inputs or $response)`, at);
      const hint = didYouMean(head, EXPRESSION_SOURCES, '$');
      return s.fail(`unknown expression source '$${head}'${hint}`, at - 1);
    }
  }
}

function readMessageSource(s: ExpressionScanner, head: string): MessageSource {
  const at = s.pos;
  const part = s.word();
  switch (part) {
    case 'header':
      s.dot(`$${head}.header`);
      return { type: 'header', name: s.token() };
    case 'query':
    case 'path':
      s.dot(`$${head}.${part}`);
      return { type: part, name: s.freeName(`a ${part} parameter name`) };
    case 'body':
    case 'payload':
      if (s.peek() !== '#') return { type: part };
      s.pos++;
      return { type: part, pointer: s.pointer() };
    default:
      return s.fail(
        `unknown $${head} source '${part}'${didYouMean(part, MESSAGE_PARTS)} (header, query, path, body or payload)`,
        at,
      );
  }
}

function readSteps(s: ExpressionScanner): Body {
  s.dot('$steps');
  const stepId = s.identifier('a step id', true, 'steps');
  const at = s.pos + 1;
  if (s.peek() !== '.') s.fail(`expected '.outputs.<name>' after '$steps.${stepId}'`);
  s.pos++;
  const property = s.word();
  if (property !== 'outputs') {
    const hint =
      didYouMean(property, ['outputs']) || `; did you mean '$steps.${stepId}.outputs.${property}'?`;
    s.fail(`a step exposes only 'outputs', not '${property}'${hint}`, at);
  }
  s.dot(`$steps.${stepId}.outputs`);
  return withPointer(s, { kind: 'steps', stepId, property, name: s.identifier('an output name') });
}

function readWorkflows(s: ExpressionScanner): Body {
  s.dot('$workflows');
  const workflowId = s.identifier('a workflow id', true, 'workflows');
  const at = s.pos + 1;
  if (s.peek() !== '.')
    s.fail(`expected '.inputs.<name>' or '.outputs.<name>' after '$workflows.${workflowId}'`);
  s.pos++;
  const property = s.word();
  if (property !== 'inputs' && property !== 'outputs') {
    s.fail(
      `a workflow exposes 'inputs' or 'outputs', not '${property}'${didYouMean(property, ['inputs', 'outputs'])}`,
      at,
    );
  }
  s.dot(`$workflows.${workflowId}.${property}`);
  const name = s.identifier(`an ${property === 'inputs' ? 'input' : 'output'} name`);
  return withPointer(s, { kind: 'workflows', workflowId, property, name });
}

function withPointer(s: ExpressionScanner, body: Body): Body {
  if (s.peek() !== '#') return body;
  s.pos++;
  const pointer: PointerTokens = s.pointer();
  return { ...body, pointer };
}
