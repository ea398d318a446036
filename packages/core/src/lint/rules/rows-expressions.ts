import type { RuleRow } from './rule-table.js';

const ABNF = 'The runtime expression is defined by the following ABNF syntax.';

/** Runtime expressions and criteria: their syntax, and what they name. */
export const expressionRows = {
  'expression-invalid': {
    code: 'expression-invalid',
    severity: 'error',
    basis: 'MUST',
    summary: 'a runtime expression (whole, embedded as `{$...}`, or in a condition) that is not well formed',
    where: 'Runtime Expressions',
    sentence: ABNF,
  },
  'expression-braced': {
    code: 'expression-invalid',
    severity: 'error',
    basis: 'MUST',
    summary: 'a field that takes a bare runtime expression (outputs, context, reference) written as `{$...}`',
    where: 'Workflow/Step Object outputs; Criterion Object context; Reusable Object reference',
    sentence: 'A map between a friendly name and a dynamic output value defined using a Runtime Expression.',
  },
  'expression-literal': {
    code: 'expression-invalid',
    severity: 'warning',
    basis: 'portability',
    summary:
      'a string starting with `$` that is not a well-formed runtime expression where a constant is allowed (parameter, payload, replacement value): sent as the literal string',
    where: 'Parameter Object value; Request Body Object payload; Payload Replacement Object value',
    sentence: 'The value can be a constant or a Runtime Expression to be evaluated.',
  },
  'replacement-target-invalid': {
    code: 'expression-invalid',
    severity: 'error',
    basis: 'MUST',
    summary:
      'a payload replacement `target` that is not a JSON Pointer (JSON payload) or an XPath (XML payload)',
    where: 'Payload Replacement Object, target',
    sentence: 'A JSON Pointer or XPath Expression which MUST be resolved against the request body.',
  },
  'reference-unknown': {
    code: 'reference-unknown',
    severity: 'error',
    basis: 'impossible',
    summary:
      'a well-formed expression naming what does not exist: a step not in the workflow, an output not defined, a missing workflow, component or source',
    where: 'Runtime Expressions; Components Object',
    sentence:
      'Accesses a foo parameter defined within the Components Object. (an expression names something the document defines)',
  },
  'input-undeclared': {
    code: 'reference-unknown',
    severity: 'warning',
    basis: 'portability',
    summary:
      "`$inputs.x` where the workflow's inputs schema does not declare x but allows additional properties",
    where: 'Workflow Object, inputs',
    sentence: 'A JSON Schema 2020-12 object representing the input parameters used by this workflow.',
  },
  'input-forbidden': {
    code: 'reference-unknown',
    severity: 'error',
    basis: 'impossible',
    summary:
      "`$inputs.x` where the workflow's inputs schema does not declare x and forbids additional properties (no run can supply it)",
    where: 'Workflow Object, inputs',
    sentence: 'A JSON Schema 2020-12 object representing the input parameters used by this workflow.',
  },
  'input-member': {
    code: 'expression-not-portable',
    severity: 'warning',
    basis: 'portability',
    summary:
      '`$inputs.secret.value` reaching into a declared object input: works, `$inputs.secret#/value` is the portable form',
    where: 'Runtime Expressions (ABNF `name`; examples)',
    sentence:
      'workflow input: `$inputs.username` or `$workflows.foo.inputs.username`: Single input values only are available.',
  },
  'expression-name-not-portable': {
    code: 'expression-not-portable',
    severity: 'warning',
    basis: 'portability',
    summary:
      'an expression naming a step, workflow or source whose id is outside `[A-Za-z0-9_\\-]+`: resolved to the longest declared id that matches',
    where: 'Step Object stepId; Workflow Object workflowId',
    sentence: 'SHOULD conform to the regular expression `[A-Za-z0-9_\\-]+`.',
  },
  'workflow-step-reads': {
    code: 'reference-unknown',
    severity: 'warning',
    basis: 'portability',
    summary:
      "a step that runs a workflow reading `$statusCode`, `$response...` or `$outputs.x`: telaio reads the called workflow's last response and its outputs; 1.0.1 leaves this open",
    where: 'Runtime Expressions; Step Object workflowId (the OAI pet-coupons example reads both)',
    sentence:
      'Conditions can be simple (e.g. `$statusCode == 200` which applies an operator on a value obtained from a runtime expression). (defined for operation steps only)',
  },
  'workflow-output-message': {
    code: 'reference-unknown',
    severity: 'warning',
    basis: 'portability',
    summary:
      "`$statusCode`, `$request`, `$response`, `$url` or `$method` in a workflow's outputs: a workflow has no message of its own",
    where: 'Workflow Object, outputs',
    sentence: 'A map between a friendly name and a dynamic output value.',
  },
  'response-pointer-unknown': {
    code: 'reference-unknown',
    severity: 'warning',
    basis: 'portability',
    summary: "`$response.body#/pointer` naming a property none of the operation's documented responses has",
    where: 'Runtime Expressions, Response value',
    sentence:
      'In operations which return payloads, references may be made to portions of the response body or the entire body.',
  },
  'criterion-invalid': {
    code: 'criterion-invalid',
    severity: 'error',
    basis: 'MUST',
    summary:
      'a criterion that cannot be evaluated: bad `simple` syntax, a regex, JSONPath or XPath that does not compile, no `context` with a `type`',
    where: 'Criterion Object, condition, context and type',
    sentence:
      'If `jsonpath`, then the expression MUST conform to JSONPath. / If `type` is specified, then the `context` MUST be provided.',
  },
  'criterion-compat': {
    code: 'criterion-invalid',
    severity: 'warning',
    basis: 'portability',
    summary:
      'a criterion telaio evaluates only in a compatibility reading (`$.items.length > 0`, `{$` in a 1.0 regex)',
    where: 'Criterion Object, type',
    sentence: 'If `jsonpath`, then the expression MUST conform to JSONPath (RFC 9535).',
  },
} as const satisfies Record<string, RuleRow>;
